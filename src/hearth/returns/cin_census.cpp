#include "hearth/returns/cin_census.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <fstream>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "hearth/core/date.hpp"
#include "hearth/core/parallel.hpp"
#include "hearth/core/text.hpp"

namespace hearth::returns {

using core::Error;
using M = CinModule;

std::span<const CinModuleLayout> cin_modules() {
  static const std::vector<CinModuleLayout> kModules = {
      {M::kHeader,
       "Header",
       {"Collection", "Year", "ReferenceDate", "SourceLevel", "LEA", "SoftwareCode", "Release",
        "SerialNo", "DateTime"}},
      {M::kChildIdentifiers,
       "ChildIdentifiers",
       {"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
        "Sex", "PersonDeathDate", "ChildNumber"}},
      {M::kChildCharacteristics, "ChildCharacteristics", {"LAchildID", "Ethnicity", "ChildNumber"}},
      {M::kDisabilities, "Disabilities", {"LAchildID", "Disability", "ChildNumber"}},
      {M::kCinDetails,
       "CINdetails",
       {"LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode",
        "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "ChildNumber"}},
      {M::kAssessments,
       "Assessments",
       {"LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate",
        "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"}},
      {M::kAssessmentFactors,
       "AssessmentFactors",
       {"LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"}},
      {M::kCinPlanDates,
       "CINplanDates",
       {"LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"}},
      {M::kSection47,
       "Section47",
       {"LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC",
        "ICPCnotRequired"}},
      {M::kChildProtectionPlans,
       "ChildProtectionPlans",
       {"LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate",
        "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"}},
      {M::kReviews, "Reviews", {"LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"}},
  };
  return kModules;
}

const CinModuleLayout& cin_module(CinModule module) {
  for (const auto& layout : cin_modules()) {
    if (layout.module == module) return layout;
  }
  throw std::logic_error("unknown CIN module");
}

CinCensus empty_cin_census(int year, std::string file) {
  CinCensus census;
  census.year = year;
  census.file = std::move(file);
  for (const auto& layout : cin_modules()) {
    CsvTable& t = census.tables[layout.module];
    t.file = census.file;
    for (auto column : layout.columns) t.columns.emplace_back(column);
  }
  return census;
}

// ------------------------------------------------------------------------------- writing

namespace {

// Text as XML character data. A character XML 1.0 cannot hold at all (most control
// characters) becomes U+FFFD: only an import from elsewhere could bring one, and the rules then
// see a value that is plainly wrong rather than a file that cannot be read.
void append_escaped(std::string& out, std::string_view text) {
  // Most values (codes, dates, ids) need nothing: appended whole.
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"';
  });
  if (plain) {
    out += text;
    return;
  }
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
}

class XmlWriter {
 public:
  XmlWriter() = default;
  // A part of a document, its elements `depth` levels in: no declaration.
  explicit XmlWriter(int depth) : out_(), depth_(depth) {}

  void open(std::string_view name) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += ">\n";
    ++depth_;
  }
  void close(std::string_view name) {
    --depth_;
    indent();
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  // An item; an empty one is left out, as the schema's optional items are.
  void item(std::string_view name, std::string_view value) {
    if (value.empty()) return;
    indent();
    out_ += '<';
    out_ += name;
    out_ += '>';
    append_escaped(out_, value);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  // Another writer's part, written at this one's depth.
  void append(const std::string& part) { out_ += part; }
  std::string take() { return std::move(out_); }

 private:
  void indent() { out_.append(static_cast<size_t>(depth_) * 2, ' '); }
  std::string out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  int depth_ = 0;
};

// A table's rows, by the value of one of its columns.
class RowsBy {
 public:
  RowsBy(const CsvTable& table, std::string_view column) : table_(&table), column_(column) {}
  // Reads the table: apart from the constructor, so that several are read on several threads.
  void build() {
    const auto index = table_->column(column_);
    if (!index) throw std::logic_error(fmt::format("no column {}", column_));
    rows_.reserve(table_->rows.size());
    for (size_t r = 0; r < table_->rows.size(); ++r) rows_[table_->rows[r][*index]].push_back(r);
  }
  const std::vector<size_t>& operator[](std::string_view key) const {
    static const std::vector<size_t> kNone;
    auto found = rows_.find(key);
    return found == rows_.end() ? kNone : found->second;
  }

 private:
  const CsvTable* table_;
  std::string_view column_;
  std::unordered_map<std::string_view, std::vector<size_t>> rows_;  // views of the table's text
};

// Some columns of a table, written as items in the order given; the column indices are looked
// up once, not for every row.
class Items {
 public:
  Items(const CsvTable& table, std::initializer_list<std::string_view> columns) : table_(&table) {
    for (auto column : columns) {
      const auto index = table.column(column);
      if (!index) throw std::logic_error(fmt::format("no column {}", column));
      columns_.emplace_back(column, *index);
    }
  }
  void write(XmlWriter& w, size_t row) const {
    for (const auto& [name, index] : columns_) w.item(name, table_->rows[row][index]);
  }

 private:
  const CsvTable* table_;
  std::vector<std::pair<std::string_view, size_t>> columns_;
};

}  // namespace

// Fewer children than this are written on one thread: starting another costs more.
constexpr size_t kChildrenAPart = 2000;

std::string write_cin_census(const CinCensus& census) {
  const CsvTable& header = census.table(M::kHeader);
  const CsvTable& ids = census.table(M::kChildIdentifiers);
  const CsvTable& characteristics = census.table(M::kChildCharacteristics);
  const CsvTable& disabilities = census.table(M::kDisabilities);
  const CsvTable& details = census.table(M::kCinDetails);
  const CsvTable& assessments = census.table(M::kAssessments);
  const CsvTable& factors = census.table(M::kAssessmentFactors);
  const CsvTable& plans = census.table(M::kCinPlanDates);
  const CsvTable& s47 = census.table(M::kSection47);
  const CsvTable& cpps = census.table(M::kChildProtectionPlans);
  const CsvTable& reviews = census.table(M::kReviews);
  // By the Child element's number, not LAchildID: two children with one id (which rule 8510
  // reports) are still two <Child> elements.
  RowsBy characteristics_of(characteristics, "ChildNumber");
  RowsBy disabilities_of(disabilities, "ChildNumber");
  RowsBy details_of(details, "ChildNumber");
  RowsBy assessments_of(assessments, "CINdetailsID");
  RowsBy factors_of(factors, "AssessmentID");
  RowsBy plans_of(plans, "CINdetailsID");
  RowsBy s47_of(s47, "CINdetailsID");
  RowsBy cpps_of(cpps, "CINdetailsID");
  RowsBy reviews_of(reviews, "CPPID");
  // A large authority's census is 28 MB of XML: the indexes, then the children, are made on
  // every core, each thread taking the next index or part not yet taken.
  {
    RowsBy* const indexes[] = {&characteristics_of, &disabilities_of, &details_of, &assessments_of,
                               &factors_of,         &plans_of,        &s47_of,     &cpps_of,
                               &reviews_of};
    std::atomic<size_t> next{0};
    const bool large = ids.rows.size() >= kChildrenAPart;
    core::run_on_threads(large ? core::threads_for(std::size(indexes)) : 1, [&](size_t) {
      for (size_t i = next++; i < std::size(indexes); i = next++) indexes[i]->build();
    });
  }

  const Items id_items(ids, {"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
                             "ExpectedPersonBirthDate", "Sex", "PersonDeathDate"});
  const Items ethnicity_item(characteristics, {"Ethnicity"});
  const Items disability_item(disabilities, {"Disability"});
  const Items details_items(details, {"CINreferralDate", "ReferralSource", "PrimaryNeedCode",
                                      "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC"});
  const Items nfa_item(details, {"ReferralNFA"});
  const Items assessment_items(
      assessments,
      {"AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"});
  const Items factor_item(factors, {"AssessmentFactors"});
  const Items plan_items(plans, {"CINPlanStartDate", "CINPlanEndDate"});
  const Items s47_items(
      s47, {"S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"});
  const Items cpp_items(cpps, {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
                               "LatestCategoryOfAbuse", "NumberOfPreviousCPP"});
  const Items review_item(reviews, {"CPPreviewDate"});
  const size_t child_number = *ids.column("ChildNumber");
  const size_t detail_id_column = *details.column("CINdetailsID");
  const size_t assessment_id_column = *assessments.column("AssessmentID");
  const size_t plan_id_column = *cpps.column("CPPID");

  XmlWriter w;
  w.open("Message");
  for (size_t h = 0; h < header.rows.size(); ++h) {
    w.open("Header");
    w.open("CollectionDetails");
    Items(header, {"Collection", "Year", "ReferenceDate"}).write(w, h);
    w.close("CollectionDetails");
    w.open("Source");
    Items(header, {"SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"})
        .write(w, h);
    w.close("Source");
    w.close("Header");
  }
  w.open("Children");
  // The children in parts of about equal size, one a core, joined in order.
  auto write_children = [&](XmlWriter& w, size_t from, size_t to) {
    for (size_t c = from; c < to; ++c) {
      const std::string& child = ids.rows[c][child_number];
      w.open("Child");
      w.open("ChildIdentifiers");
      id_items.write(w, c);
      w.close("ChildIdentifiers");
      w.open("ChildCharacteristics");
      for (size_t r : characteristics_of[child]) ethnicity_item.write(w, r);
      if (!disabilities_of[child].empty()) {
        w.open("Disabilities");
        for (size_t r : disabilities_of[child]) disability_item.write(w, r);
        w.close("Disabilities");
      }
      w.close("ChildCharacteristics");
      for (size_t d : details_of[child]) {
        const std::string& detail_id = details.rows[d][detail_id_column];
        w.open("CINdetails");
        details_items.write(w, d);
        for (size_t a : assessments_of[detail_id]) {
          w.open("Assessments");
          assessment_items.write(w, a);
          const auto& its_factors = factors_of[assessments.rows[a][assessment_id_column]];
          if (!its_factors.empty()) {
            w.open("FactorsIdentifiedAtAssessment");
            for (size_t f : its_factors) factor_item.write(w, f);
            w.close("FactorsIdentifiedAtAssessment");
          }
          w.close("Assessments");
        }
        for (size_t p : plans_of[detail_id]) {
          w.open("CINPlanDates");
          plan_items.write(w, p);
          w.close("CINPlanDates");
        }
        for (size_t p : s47_of[detail_id]) {
          w.open("Section47");
          s47_items.write(w, p);
          w.close("Section47");
        }
        nfa_item.write(w, d);
        for (size_t p : cpps_of[detail_id]) {
          w.open("ChildProtectionPlans");
          cpp_items.write(w, p);
          const auto& its_reviews = reviews_of[cpps.rows[p][plan_id_column]];
          if (!its_reviews.empty()) {
            w.open("Reviews");
            for (size_t r : its_reviews) review_item.write(w, r);
            w.close("Reviews");
          }
          w.close("ChildProtectionPlans");
        }
        w.close("CINdetails");
      }
      w.close("Child");
    }
  };
  const size_t parts = core::threads_for(1 + ids.rows.size() / kChildrenAPart);
  std::vector<std::string> written(parts);
  core::run_on_threads(parts, [&](size_t part) {
    XmlWriter children(2);
    write_children(children, ids.rows.size() * part / parts, ids.rows.size() * (part + 1) / parts);
    written[part] = children.take();
  });
  for (const auto& part : written) w.append(part);
  w.close("Children");
  w.close("Message");
  return w.take();
}

// ------------------------------------------------------------------------------- reading

namespace {

// The line of each byte offset, for messages and rows. Counted as the reader goes: rows come
// in document order, so each line end is counted once; an earlier offset (an error) counts
// again from the start. Nothing is stored a line, so a file of line ends costs no memory.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  int64_t line_of(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const size_t to = std::min(static_cast<size_t>(offset), text_.size());
    if (to < at_) {
      at_ = 0;
      line_ = 1;
    }
    for (; at_ < to; ++at_) {
      const char c = text_[at_];
      if (c == '\n' || (c == '\r' && (at_ + 1 == text_.size() || text_[at_ + 1] != '\n'))) ++line_;
    }
    return line_;
  }

 private:
  std::string_view text_;
  mutable size_t at_ = 0;
  mutable int64_t line_ = 1;
};

class Reader {
 public:
  Reader(std::string_view text, CinCensus& census) : lines_(text), census_(census) {}

  core::Status read(const pugi::xml_document& doc) {
    pugi::xml_node message;
    for (pugi::xml_node node : doc.children()) {
      if (node.type() == pugi::node_doctype) {
        return error(node, "",
                     "has a document type declaration (<!DOCTYPE>); the CIN census has none, "
                     "and its entities are how a file can expand without bound");
      }
      if (node.type() != pugi::node_element) continue;
      if (message || std::string_view(node.name()) != "Message") {
        return error(node, node.name(), "is not the CIN census: its root element is <Message>");
      }
      message = node;
    }
    if (!message)
      return error(doc, "Message", "has no <Message> element: it is not the CIN census");
    HEARTH_RETURN_IF_ERROR(only(message, {"Header", "Children"}));
    bool header_seen = false, children_seen = false;
    for (pugi::xml_node node : message.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = node.name();
      if (name == "Header") {
        if (header_seen) return error(node, name, "is given twice");
        header_seen = true;
        HEARTH_RETURN_IF_ERROR(read_header(node));
      } else {
        if (children_seen) return error(node, name, "is given twice");
        children_seen = true;
        HEARTH_RETURN_IF_ERROR(only(node, {"Child"}));
        for (pugi::xml_node child : node.children("Child"))
          HEARTH_RETURN_IF_ERROR(read_child(child));
      }
    }
    return {};
  }

 private:
  int64_t line(pugi::xml_node node) const { return lines_.line_of(node.offset_debug()); }

  Error error(pugi::xml_node node, std::string_view element, std::string message) const {
    const int64_t at = node.type() == pugi::node_document ? 1 : line(node);
    return Error::invalid(element.empty() ? "" : std::string(element),
                          element.empty() ? message : fmt::format("<{}> {}", element, message))
        .at(census_.file, at);
  }

  // The element holds only elements of these names (and white space).
  core::Status only(pugi::xml_node node, std::initializer_list<std::string_view> names) const {
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!core::trim(child.value()).empty()) {
          return error(child, node.name(),
                       fmt::format("holds the text \"{}\" where only elements belong",
                                   core::trim(child.value()).substr(0, 40)));
        }
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      if (std::find(names.begin(), names.end(), std::string_view(child.name())) == names.end()) {
        return error(child, child.name(),
                     fmt::format("is not an element of <{}> in the CIN census (it holds {})",
                                 node.name(), fmt::join(names, ", ")));
      }
    }
    return {};
  }

  // An item's text, trimmed. An item holding elements is refused.
  core::Result<std::string> text_of(pugi::xml_node item) const {
    std::string out;
    for (pugi::xml_node part : item.children()) {
      if (part.type() == pugi::node_element) {
        return error(part, part.name(),
                     fmt::format("is inside <{}>, which holds a value, not elements", item.name()));
      }
      if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) out += part.value();
    }
    return std::string(core::trim(out));
  }

  // Reads the items of `node` named in `columns` into `row` (columns of `table`); each at most
  // once. Elements named in `containers` are left for the caller.
  core::Status read_items(pugi::xml_node node, const CsvTable& table, std::vector<std::string>& row,
                          std::initializer_list<std::string_view> items,
                          std::initializer_list<std::string_view> containers = {}) const {
    std::vector<std::string_view> allowed(items);
    allowed.insert(allowed.end(), containers.begin(), containers.end());
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!core::trim(child.value()).empty()) {
          return error(child, node.name(),
                       fmt::format("holds the text \"{}\" where only elements belong",
                                   core::trim(child.value()).substr(0, 40)));
        }
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        return error(child, name,
                     fmt::format("is not an element of <{}> in the CIN census (it holds {})",
                                 node.name(), fmt::join(allowed, ", ")));
      }
      if (std::find(containers.begin(), containers.end(), name) != containers.end()) continue;
      const size_t index = *table.column(name);
      if (seen_[index])
        return error(child, name, fmt::format("is given twice in <{}>", node.name()));
      seen_[index] = true;
      auto text = text_of(child);
      if (!text) return text.error();
      row[index] = std::move(*text);
    }
    return {};
  }

  // A new row of `module`'s table, starting on the line of `node`, with LAchildID etc. set.
  std::vector<std::string>& add_row(
      CinModule module, pugi::xml_node node,
      std::initializer_list<std::pair<std::string_view, std::string>> keys = {}) {
    CsvTable& t = census_.table(module);
    t.rows.emplace_back(t.columns.size());
    t.lines.push_back(line(node));
    for (const auto& [column, value] : keys) t.rows.back()[*t.column(column)] = value;
    seen_.assign(t.columns.size(), false);
    return t.rows.back();
  }

  core::Status read_header(pugi::xml_node header) {
    HEARTH_RETURN_IF_ERROR(only(header, {"CollectionDetails", "Source"}));
    auto& row = add_row(M::kHeader, header);
    const CsvTable& t = census_.table(M::kHeader);
    std::vector<bool> all_seen(t.columns.size(), false);
    for (pugi::xml_node part : header.children()) {
      if (part.type() != pugi::node_element) continue;
      seen_ = all_seen;
      if (std::string_view(part.name()) == "CollectionDetails") {
        HEARTH_RETURN_IF_ERROR(read_items(part, t, row, {"Collection", "Year", "ReferenceDate"}));
      } else {
        HEARTH_RETURN_IF_ERROR(
            read_items(part, t, row,
                       {"SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"}));
      }
      all_seen = seen_;
    }
    return {};
  }

  core::Status read_child(pugi::xml_node child) {
    HEARTH_RETURN_IF_ERROR(only(child, {"ChildIdentifiers", "ChildCharacteristics", "CINdetails"}));
    pugi::xml_node ids = child.child("ChildIdentifiers");
    pugi::xml_node characteristics = child.child("ChildCharacteristics");
    for (const char* once : {"ChildIdentifiers", "ChildCharacteristics"}) {
      auto first = child.child(once);
      if (first && first.next_sibling(once)) {
        return error(first.next_sibling(once), once, "is given twice in <Child>");
      }
    }
    // Identifiers and characteristics make a row even when missing, so that the rules see an
    // empty LAchildID or Ethnicity rather than no child.
    const std::pair<std::string_view, std::string> number{"ChildNumber",
                                                          std::to_string(++children_count_)};
    auto& id_row = add_row(M::kChildIdentifiers, ids ? ids : child, {number});
    if (ids) {
      HEARTH_RETURN_IF_ERROR(
          read_items(ids, census_.table(M::kChildIdentifiers), id_row,
                     {"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
                      "ExpectedPersonBirthDate", "Sex", "PersonDeathDate"}));
    }
    const std::string child_id = id_row[0];
    auto& char_row = add_row(M::kChildCharacteristics, characteristics ? characteristics : child,
                             {{"LAchildID", child_id}, number});
    if (characteristics) {
      HEARTH_RETURN_IF_ERROR(read_items(characteristics, census_.table(M::kChildCharacteristics),
                                        char_row, {"Ethnicity"}, {"Disabilities"}));
      pugi::xml_node disabilities = characteristics.child("Disabilities");
      if (disabilities && disabilities.next_sibling("Disabilities")) {
        return error(disabilities.next_sibling("Disabilities"), "Disabilities",
                     "is given twice in <ChildCharacteristics>");
      }
      if (disabilities) {
        HEARTH_RETURN_IF_ERROR(only(disabilities, {"Disability"}));
        for (pugi::xml_node d : disabilities.children("Disability")) {
          auto& row = add_row(M::kDisabilities, d, {{"LAchildID", child_id}, number});
          auto text = text_of(d);
          if (!text) return text.error();
          row[1] = std::move(*text);
        }
      }
    }
    for (pugi::xml_node details : child.children("CINdetails")) {
      HEARTH_RETURN_IF_ERROR(read_details(details, child_id, number.second));
    }
    return {};
  }

  core::Status read_details(pugi::xml_node details, const std::string& child_id,
                            const std::string& child_number) {
    const std::string detail_id = std::to_string(++details_count_);
    auto& row = add_row(
        M::kCinDetails, details,
        {{"LAchildID", child_id}, {"CINdetailsID", detail_id}, {"ChildNumber", child_number}});
    HEARTH_RETURN_IF_ERROR(
        read_items(details, census_.table(M::kCinDetails), row,
                   {"CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                    "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA"},
                   {"Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"}));
    const std::pair<std::string_view, std::string> child_key{"LAchildID", child_id};
    const std::pair<std::string_view, std::string> detail_key{"CINdetailsID", detail_id};
    for (pugi::xml_node a : details.children("Assessments")) {
      const std::string assessment_id = std::to_string(++assessments_count_);
      auto& r =
          add_row(M::kAssessments, a, {child_key, detail_key, {"AssessmentID", assessment_id}});
      HEARTH_RETURN_IF_ERROR(
          read_items(a, census_.table(M::kAssessments), r,
                     {"AssessmentActualStartDate", "AssessmentInternalReviewDate",
                      "AssessmentAuthorisationDate"},
                     {"FactorsIdentifiedAtAssessment"}));
      for (pugi::xml_node factors : a.children("FactorsIdentifiedAtAssessment")) {
        if (factors != a.child("FactorsIdentifiedAtAssessment")) {
          return error(factors, factors.name(), "is given twice in <Assessments>");
        }
        HEARTH_RETURN_IF_ERROR(only(factors, {"AssessmentFactors"}));
        for (pugi::xml_node f : factors.children("AssessmentFactors")) {
          auto& fr = add_row(M::kAssessmentFactors, f,
                             {child_key, detail_key, {"AssessmentID", assessment_id}});
          auto text = text_of(f);
          if (!text) return text.error();
          fr[3] = std::move(*text);
        }
      }
    }
    for (pugi::xml_node p : details.children("CINPlanDates")) {
      auto& r = add_row(M::kCinPlanDates, p, {child_key, detail_key});
      HEARTH_RETURN_IF_ERROR(read_items(p, census_.table(M::kCinPlanDates), r,
                                        {"CINPlanStartDate", "CINPlanEndDate"}));
    }
    for (pugi::xml_node s : details.children("Section47")) {
      auto& r = add_row(M::kSection47, s, {child_key, detail_key});
      HEARTH_RETURN_IF_ERROR(read_items(
          s, census_.table(M::kSection47), r,
          {"S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"}));
    }
    for (pugi::xml_node p : details.children("ChildProtectionPlans")) {
      const std::string plan_id = std::to_string(++plans_count_);
      auto& r = add_row(M::kChildProtectionPlans, p, {child_key, detail_key, {"CPPID", plan_id}});
      HEARTH_RETURN_IF_ERROR(read_items(p, census_.table(M::kChildProtectionPlans), r,
                                        {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
                                         "LatestCategoryOfAbuse", "NumberOfPreviousCPP"},
                                        {"Reviews"}));
      for (pugi::xml_node reviews : p.children("Reviews")) {
        if (reviews != p.child("Reviews")) {
          return error(reviews, "Reviews", "is given twice in <ChildProtectionPlans>");
        }
        HEARTH_RETURN_IF_ERROR(only(reviews, {"CPPreviewDate"}));
        for (pugi::xml_node d : reviews.children("CPPreviewDate")) {
          auto& rr = add_row(M::kReviews, d, {child_key, detail_key, {"CPPID", plan_id}});
          auto text = text_of(d);
          if (!text) return text.error();
          rr[3] = std::move(*text);
        }
      }
    }
    return {};
  }

  LineIndex lines_;
  CinCensus& census_;
  mutable std::vector<bool> seen_;  // the items of the element being read that were given
  int children_count_ = 0, details_count_ = 0, assessments_count_ = 0, plans_count_ = 0;
};

// A character XML 1.0 allows (its Char production).
bool xml_char(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// What pugixml would let through and a census never has: an entity reference other than XML's
// five (a DTD would have to define it), a character reference to a character XML does not
// allow (&#1;, &#xD800;: pugixml would decode it into the value), and a control character.
// Comments and CDATA sections are passed over: "&" is plain text there.
core::Status check_text(std::string_view text, std::string_view file, const LineIndex& lines) {
  auto refuse = [&](size_t at, std::string message) {
    return Error::invalid("", std::move(message))
        .at(std::string(file), lines.line_of(static_cast<ptrdiff_t>(at)));
  };
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '<' && text.substr(at, 4) == "<!--") {
      const size_t end = text.find("-->", at + 4);
      if (end == std::string_view::npos) break;  // the parser reports it
      at = end + 2;
      continue;
    }
    if (c == '<' && text.substr(at, 9) == "<![CDATA[") {
      const size_t end = text.find("]]>", at + 9);
      if (end == std::string_view::npos) break;
      at = end + 2;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return refuse(
          at, fmt::format("has the control character 0x{:02X}, which XML does not allow", byte));
    }
    if (c != '&') continue;
    const std::string_view rest = text.substr(at + 1, 12);
    const size_t end = rest.find(';');
    if (rest.starts_with('#')) {
      const bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
      const std::string_view digits = end == std::string_view::npos
                                          ? std::string_view()
                                          : rest.substr(hex ? 2 : 1, end - (hex ? 2 : 1));
      uint32_t value = 0;
      const auto [ptr, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
      const bool ok = !digits.empty() && ec == std::errc() && ptr == digits.data() + digits.size();
      if (!ok || !xml_char(value)) {
        return refuse(at, fmt::format("has the character reference &{}; to a character XML "
                                      "does not allow",
                                      rest.substr(0, end == std::string_view::npos ? 8 : end)));
      }
      continue;
    }
    bool known = false;
    for (std::string_view entity : {"amp;", "lt;", "gt;", "quot;", "apos;"}) {
      if (rest.starts_with(entity)) known = true;
    }
    if (!known) {
      return refuse(at, fmt::format("has the entity reference &{}; which the CIN census does not "
                                    "define (only &amp; &lt; &gt; &quot; &apos;)",
                                    rest.substr(0, end == std::string_view::npos ? 8 : end)));
    }
  }
  return {};
}

}  // namespace

core::Result<CinCensus> parse_cin_census(std::string_view xml, std::string_view file_name,
                                         int year) {
  const std::string file(file_name);
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  if (core::trim(xml).empty()) return Error::invalid("", "is empty").at(file, 1);
  const LineIndex lines(xml);
  if (auto bad = core::first_bad_text_byte(xml)) {
    return Error::invalid(
               "", xml[*bad] == '\0' ? "has a NUL byte: is this an XML file?" : "is not UTF-8 text")
        .at(file, lines.line_of(static_cast<ptrdiff_t>(*bad)));
  }
  HEARTH_RETURN_IF_ERROR(check_text(xml, file, lines));
  // Each element is a node of some 50 bytes: more than any census has would be gigabytes.
  if (std::count(xml.begin(), xml.end(), '<') > kMaxCinCensusTags) {
    return Error::invalid("", fmt::format("has more than {} million tags: no census has so many",
                                          kMaxCinCensusTags / 1'000'000))
        .at(file, 0);
  }
  pugi::xml_document doc;
  // Without parse_eol, offsets stay those of the file, for line numbers; values are trimmed.
  const unsigned flags = (pugi::parse_default & ~pugi::parse_eol) | pugi::parse_doctype;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
  if (!parsed) {
    return Error::invalid("", fmt::format("is not well-formed XML: {}", parsed.description()))
        .at(file, lines.line_of(parsed.offset));
  }
  CinCensus census = empty_cin_census(year, file);
  Reader reader(xml, census);
  HEARTH_RETURN_IF_ERROR(reader.read(doc));
  const CsvTable& header = census.table(M::kHeader);
  if (!header.rows.empty()) {
    const std::string& reference = header.rows[0][*header.column("ReferenceDate")];
    if (!reference.empty()) {
      auto date = core::Date::parse_iso(reference);
      if (!date) {
        return Error::invalid(
                   "ReferenceDate",
                   fmt::format("<ReferenceDate> \"{}\" is not a date (YYYY-MM-DD)", reference))
            .at(file, header.lines[0]);
      }
      census.year = date->year() + (date->month() > 3 ? 1 : 0);
    }
  }
  if (census.year > kLastCinCensusYear) {
    return Error::invalid("ReferenceDate",
                          fmt::format("the census is of {}-{:02}, after {}: is the ReferenceDate "
                                      "mistyped?",
                                      census.year - 1, census.year % 100, kLastCinCensusYear))
        .at(file, header.lines.empty() ? 1 : header.lines[0]);
  }
  if (census.year < kFirstCinCensusYear) {
    return Error::invalid("ReferenceDate",
                          fmt::format("the census is of {}-{:02}; Hearth reads the CIN census from "
                                      "{}-{:02} (when Sex replaced GenderCurrent)",
                                      census.year - 1, census.year % 100, kFirstCinCensusYear - 1,
                                      kFirstCinCensusYear % 100))
        .at(file, header.lines.empty() ? 1 : header.lines[0]);
  }
  return census;
}

core::Result<CinCensus> read_cin_census_file(const std::filesystem::path& path, int year) {
  const std::string name = path.filename().string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error::not_found(fmt::format("cannot read {}: {}", path.string(), ec.message()));
  if (size > kMaxCinCensusBytes) {
    return Error::invalid("", fmt::format("is {} MB; a census file is at most {} MB", size >> 20,
                                          kMaxCinCensusBytes >> 20))
        .at(name, 0);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io("cannot open " + path.string());
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size) return Error::io("cannot read " + path.string());
  return parse_cin_census(text, name, year);
}

}  // namespace hearth::returns
