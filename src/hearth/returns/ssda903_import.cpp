#include "hearth/returns/ssda903_import.hpp"

#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "hearth/core/text.hpp"

namespace hearth::returns {
namespace {

using core::Date;
using core::Error;
using core::Result;
using T = Ssda903Table;

// One row of a table, read by column name, with errors that say where.
class Row {
 public:
  Row(const CsvTable& table, size_t index) : table_(table), index_(index) {}

  std::string text(std::string_view column) const {
    return std::string(core::trim(table_.rows[index_][table_.column(column).value()]));
  }
  int64_t line() const { return table_.lines[index_]; }
  const std::string& file() const { return table_.file; }

  Error bad(std::string_view column, std::string message) const {
    return Error::invalid(std::string(column), std::move(message)).at(table_.file, line());
  }
  Result<std::optional<Date>> date(std::string_view column) const {
    const std::string value = text(column);
    if (value.empty()) return std::optional<Date>();
    auto d = Date::parse_uk(value);
    if (!d) return bad(column, fmt::format("'{}' is not a date in the form dd/mm/YYYY", value));
    return std::optional<Date>(*d);
  }
  Result<Date> required_date(std::string_view column) const {
    auto d = date(column);
    if (!d) return d.error();
    if (!*d) return bad(column, "is blank: the record cannot be kept without it");
    return **d;
  }
  Result<std::optional<bool>> flag(std::string_view column) const {
    const std::string value = text(column);
    if (value.empty()) return std::optional<bool>();
    if (value == "0" || value == "1") return std::optional<bool>(value == "1");
    return bad(column, fmt::format("'{}' is not 0, 1 or blank", value));
  }
  Result<std::optional<int>> number(std::string_view column) const {
    const std::string value = text(column);
    if (value.empty()) return std::optional<int>();
    if (value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos) {
      return bad(column, fmt::format("'{}' is not a whole number", value));
    }
    return std::optional<int>(std::stoi(value));
  }
  Result<std::string> child() const {
    std::string id = text("CHILD");
    if (id.empty()) return bad("CHILD", "is blank: every row names its child");
    return id;
  }

 private:
  const CsvTable& table_;
  size_t index_;
};

class Importer {
 public:
  Importer(const Ssda903Files& files, std::string la_code)
      : files_(files), la_(std::move(la_code)) {}

  Result<std::vector<ImportedRecord>> run() {
    if (!files_.current.contains(T::kHeader)) {
      return Error::invalid("",
                            "there is no Header table (header.csv): the return's children "
                            "are in it, and every other table names them");
    }
    HEARTH_RETURN_IF_ERROR(each(T::kHeader, [&](const Row& r) { return header(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kUasc, [&](const Row& r) { return uasc(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kEpisodes, [&](const Row& r) { return episode(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kReviews, [&](const Row& r) { return review(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kMissing, [&](const Row& r) { return missing(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kOc2, [&](const Row& r) { return oc2(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kOc3, [&](const Row& r) { return oc3(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kPlacedAdoption, [&](const Row& r) { return placed(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kAd1, [&](const Row& r) { return ad1(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kPrevPerm, [&](const Row& r) { return prev_perm(r); }));
    HEARTH_RETURN_IF_ERROR(each(T::kSwEpisodes, [&](const Row& r) { return sw_episode(r); }));
    // Children first, each carrying what the UASC table said of them.
    std::vector<ImportedRecord> out;
    for (auto& [id, child] : children_) out.push_back({child.child, child.file, child.line, ""});
    for (auto& record : records_) out.push_back(std::move(record));
    for (auto& [key, adoption] : adoptions_) out.push_back(std::move(adoption));
    return out;
  }

 private:
  struct ChildRow {
    domain::Child child;
    std::string file;
    int64_t line;
  };

  // Every row of `table`; outside the Header, each names a child the Header has, so that no
  // record is about a child the database does not hold.
  template <typename F>
  core::Status each(T table, F&& row_fn) {
    auto found = files_.current.find(table);
    if (found == files_.current.end()) return {};
    for (size_t i = 0; i < found->second.rows.size(); ++i) {
      const Row row(found->second, i);
      if (table != T::kHeader) {
        auto id = row.child();
        if (!id) return id.error();
        if (auto known = known_child(row, *id); !known) return known.error();
      }
      HEARTH_RETURN_IF_ERROR(row_fn(row));
    }
    return {};
  }

  // A key seen twice in the files: refused, naming both lines.
  core::Status claim(const Row& r, const std::string& id, std::string_view what) {
    auto [at, fresh] = keys_.emplace(id, fmt::format("{} line {}", r.file(), r.line()));
    if (fresh) return {};
    return r.bad("CHILD", fmt::format("a second {} (the first is {})", what, at->second));
  }

  // A row of a table that may hold two rows with the same natural key (two missing spells from
  // the same day: validation reports that, import keeps both): the second gets "-2", and so on,
  // in file order, so that an export lists them as the file did.
  std::string unique_id(const std::string& base) {
    std::string id = base;
    for (int n = 2; !keys_.emplace(id, "").second; ++n) id = fmt::format("{}-{}", base, n);
    return id;
  }

  template <typename Rec>
  void keep(const Row& r, Rec record) {
    records_.push_back({store::Record(std::move(record)), r.file(), r.line(), ""});
  }

  Result<domain::Child*> known_child(const Row& r, const std::string& id) {
    auto found = children_.find(id);
    if (found == children_.end()) {
      return r.bad("CHILD", fmt::format("child {} is not in the Header table", id));
    }
    return &found->second.child;
  }

  core::Status header(const Row& r) {
    domain::Child c;
    HEARTH_ASSIGN(c.id, r.child());
    HEARTH_RETURN_IF_ERROR(claim(r, "child/" + c.id, "Header row of child " + c.id));
    c.la_code = la_;
    const std::string sex = r.text("SEX");
    c.sex = sex == "1" ? "M" : sex == "2" ? "F" : sex;  // 1/2 until 2023-24
    HEARTH_ASSIGN(c.date_of_birth, r.date("DOB"));
    c.ethnicity = r.text("ETHNIC");
    const std::string upn = r.text("UPN");
    (upn.starts_with("UN") && upn.size() <= 4 ? c.upn_unknown : c.upn) = upn;
    HEARTH_ASSIGN(c.is_mother, r.flag("MOTHER"));
    HEARTH_ASSIGN(c.mother_child_dob, r.date("MC_DOB"));
    const std::string id = c.id;
    children_.emplace(id, ChildRow{std::move(c), r.file(), r.line()});
    return {};
  }

  core::Status uasc(const Row& r) {
    std::string id;
    HEARTH_ASSIGN(id, r.child());
    HEARTH_RETURN_IF_ERROR(claim(r, "uasc/" + id, "UASC row of child " + id));
    domain::Child* c = nullptr;
    HEARTH_ASSIGN(c, known_child(r, id));
    c->uasc = true;
    HEARTH_ASSIGN(c->uasc_ceased, r.date("DUC"));
    return {};
  }

  core::Status episode(const Row& r) {
    domain::LookedAfterEpisode e;
    HEARTH_ASSIGN(e.child_id, r.child());
    HEARTH_ASSIGN(e.start_date, r.required_date("DECOM"));
    e.id = unique_id(fmt::format("EP-{}-{}", e.child_id, e.start_date.to_iso()));
    e.la_code = la_;
    e.reason_new_episode = r.text("RNE");
    e.legal_status = r.text("LS");
    e.category_of_need = r.text("CIN");
    e.place = r.text("PLACE");
    e.place_provider = r.text("PLACE_PROVIDER");
    HEARTH_ASSIGN(e.end_date, r.date("DEC"));
    e.reason_episode_ceased = r.text("REC");
    e.reason_place_change = r.text("REASON_PLACE_CHANGE");
    e.home_postcode = r.text("HOME_POST");
    e.placement_postcode = r.text("PL_POST");
    e.urn = r.text("URN");
    keep(r, std::move(e));
    return {};
  }

  core::Status review(const Row& r) {
    domain::LookedAfterReview v;
    HEARTH_ASSIGN(v.child_id, r.child());
    HEARTH_ASSIGN(v.date, r.required_date("REVIEW"));
    v.id = unique_id(fmt::format("RV-{}-{}", v.child_id, v.date.to_iso()));
    v.la_code = la_;
    v.participation = r.text("REVIEW_CODE");
    keep(r, std::move(v));
    return {};
  }

  core::Status missing(const Row& r) {
    domain::MissingEpisode m;
    HEARTH_ASSIGN(m.child_id, r.child());
    HEARTH_ASSIGN(m.start_date, r.required_date("MIS_START"));
    m.id = unique_id(fmt::format("MS-{}-{}", m.child_id, m.start_date.to_iso()));
    m.la_code = la_;
    m.type = r.text("MISSING");
    HEARTH_ASSIGN(m.end_date, r.date("MIS_END"));
    keep(r, std::move(m));
    return {};
  }

  core::Status oc2(const Row& r) {
    domain::LookedAfterOutcome o;
    HEARTH_ASSIGN(o.child_id, r.child());
    o.id = unique_id(fmt::format("OC2-{}-{}", files_.year, o.child_id));
    o.la_code = la_;
    o.collection_year = files_.year;
    HEARTH_ASSIGN(o.sdq_score, r.number("SDQ_SCORE"));
    o.sdq_reason = r.text("SDQ_REASON");
    HEARTH_ASSIGN(o.convicted, r.flag("CONVICTED"));
    HEARTH_ASSIGN(o.health_check, r.flag("HEALTH_CHECK"));
    HEARTH_ASSIGN(o.immunisations, r.flag("IMMUNISATIONS"));
    HEARTH_ASSIGN(o.teeth_check, r.flag("TEETH_CHECK"));
    HEARTH_ASSIGN(o.health_assessment, r.flag("HEALTH_ASSESSMENT"));
    HEARTH_ASSIGN(o.substance_misuse, r.flag("SUBSTANCE_MISUSE"));
    HEARTH_ASSIGN(o.intervention_received, r.flag("INTERVENTION_RECEIVED"));
    HEARTH_ASSIGN(o.intervention_offered, r.flag("INTERVENTION_OFFERED"));
    keep(r, std::move(o));
    return {};
  }

  core::Status oc3(const Row& r) {
    domain::CareLeaverOutcome o;
    HEARTH_ASSIGN(o.child_id, r.child());
    o.id = unique_id(fmt::format("OC3-{}-{}", files_.year, o.child_id));
    o.la_code = la_;
    o.collection_year = files_.year;
    o.in_touch = r.text("IN_TOUCH");
    o.activity = r.text("ACTIV");
    o.accommodation = r.text("ACCOM");
    keep(r, std::move(o));
    return {};
  }

  // PlacedAdoption rows first; an AD1 row then joins the child's latest of them.
  core::Status placed(const Row& r) {
    domain::Adoption a;
    HEARTH_ASSIGN(a.child_id, r.child());
    Date on;
    HEARTH_ASSIGN(on, r.required_date("DATE_PLACED"));
    a.placed_date = on;
    a.id = unique_id(fmt::format("AD-{}-{}", a.child_id, on.to_iso()));
    a.la_code = la_;
    HEARTH_ASSIGN(a.placed_ceased_date, r.date("DATE_PLACED_CEASED"));
    a.reason_placed_ceased = r.text("REASON_PLACED_CEASED");
    const std::string id = a.id;
    adoptions_[id] = {store::Record(std::move(a)), r.file(), r.line(), ""};
    return {};
  }

  core::Status ad1(const Row& r) {
    std::string child;
    HEARTH_ASSIGN(child, r.child());
    HEARTH_RETURN_IF_ERROR(claim(r, "ad1/" + child, "AD1 row of child " + child));
    // The child's latest placement for adoption, if any.
    ImportedRecord* target = nullptr;
    for (auto& [id, record] : adoptions_) {
      const auto& a = std::get<domain::Adoption>(record.record);
      if (a.child_id == child) target = &record;  // ids sort by date: the last is the latest
    }
    domain::Adoption fresh;
    if (!target) {
      fresh.id = fmt::format("AD-{}-ad1", child);
      fresh.la_code = la_;
      fresh.child_id = child;
    }
    domain::Adoption& a = target ? std::get<domain::Adoption>(target->record) : fresh;
    HEARTH_ASSIGN(a.decision_date, r.date("DATE_INT"));
    HEARTH_ASSIGN(a.matched_date, r.date("DATE_MATCH"));
    HEARTH_ASSIGN(a.foster_care, r.flag("FOSTER_CARE"));
    HEARTH_ASSIGN(a.number_of_adopters, r.number("NB_ADOPTR"));
    a.sex_of_adopters = r.text("SEX_ADOPTR");
    a.adopters_legal_status = r.text("LS_ADOPTR");
    if (target) {
      target->also = fmt::format("{} line {}", r.file(), r.line());
    } else {
      const std::string id = fresh.id;
      adoptions_[id] = {store::Record(std::move(fresh)), r.file(), r.line(), ""};
    }
    return {};
  }

  core::Status prev_perm(const Row& r) {
    domain::PreviousPermanence p;
    HEARTH_ASSIGN(p.child_id, r.child());
    p.id = unique_id(fmt::format("PP-{}", p.child_id));
    p.la_code = la_;
    p.order = r.text("PREV_PERM");
    p.la_of_order = r.text("LA_PERM");
    p.date_text = r.text("DATE_PERM");  // the DfE allows partial dates: kept as written
    keep(r, std::move(p));
    return {};
  }

  core::Status sw_episode(const Row& r) {
    domain::SocialWorkerEpisode s;
    HEARTH_ASSIGN(s.child_id, r.child());
    HEARTH_ASSIGN(s.start_date, r.required_date("SW_DECOM"));
    s.id = unique_id(fmt::format("SWE-{}-{}", s.child_id, s.start_date.to_iso()));
    s.la_code = la_;
    s.sw_id = r.text("SW_ID");
    HEARTH_ASSIGN(s.end_date, r.date("SW_DEC"));
    s.change_reason = r.text("SW_REASON");
    keep(r, std::move(s));
    return {};
  }

  const Ssda903Files& files_;
  std::string la_;
  std::map<std::string, ChildRow> children_;
  std::vector<ImportedRecord> records_;
  std::map<std::string, ImportedRecord> adoptions_;
  std::unordered_map<std::string, std::string> keys_;
};

}  // namespace

Result<std::vector<ImportedRecord>> records_from_ssda903(const Ssda903Files& files,
                                                         const std::string& la_code) {
  return Importer(files, la_code).run();
}

}  // namespace hearth::returns
