#include "hearth/returns/cin_import.hpp"

#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "hearth/core/date.hpp"
#include "hearth/core/text.hpp"

namespace hearth::returns {
namespace {

using core::Date;
using core::Error;
using core::Result;
using M = CinModule;

// One element's row of a module's table, read by item name, with errors that say where.
class Item {
 public:
  Item(const CsvTable& table, size_t index) : table_(table), index_(index) {}

  std::string text(std::string_view column) const {
    return std::string(core::trim(table_.rows[index_][table_.column(column).value()]));
  }
  int64_t line() const { return table_.lines[index_]; }
  const std::string& file() const { return table_.file; }

  Error bad(std::string_view column, std::string message) const {
    return Error::invalid(std::string(column), fmt::format("<{}> {}", column, message))
        .at(table_.file, line());
  }
  Result<std::optional<Date>> date(std::string_view column) const {
    const std::string value = text(column);
    if (value.empty()) return std::optional<Date>();
    auto d = Date::parse_iso(value);
    if (!d) return bad(column, fmt::format("'{}' is not a date in the form YYYY-MM-DD", value));
    return std::optional<Date>(*d);
  }
  Result<Date> required_date(std::string_view column) const {
    auto d = date(column);
    if (!d) return d.error();
    if (!*d) return bad(column, "is missing: the record cannot be kept without it");
    return **d;
  }
  // A yes/no item the census requires: missing is refused, not read as "no", so that an
  // import does not hide what rule 8568 would report.
  Result<bool> yes_no(std::string_view column) const {
    const std::string value = core::ascii_lower(text(column));
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    if (value.empty()) return bad(column, "is missing: the census requires true or false");
    return bad(column, fmt::format("'{}' is not true, false, 1 or 0", text(column)));
  }

 private:
  const CsvTable& table_;
  size_t index_;
};

class Importer {
 public:
  Importer(const CinCensus& census, std::string la_code)
      : census_(census), la_(std::move(la_code)) {}

  Result<std::vector<ImportedRecord>> run() {
    HEARTH_RETURN_IF_ERROR(each(M::kChildIdentifiers, [&](const Item& i) { return child(i); }));
    HEARTH_RETURN_IF_ERROR(
        each(M::kChildCharacteristics, [&](const Item& i) { return characteristics(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kDisabilities, [&](const Item& i) { return disability(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kCinDetails, [&](const Item& i) { return details(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kAssessments, [&](const Item& i) { return assessment(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kAssessmentFactors, [&](const Item& i) { return factor(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kCinPlanDates, [&](const Item& i) { return cin_plan(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kSection47, [&](const Item& i) { return section47(i); }));
    HEARTH_RETURN_IF_ERROR(
        each(M::kChildProtectionPlans, [&](const Item& i) { return protection_plan(i); }));
    HEARTH_RETURN_IF_ERROR(each(M::kReviews, [&](const Item& i) { return review(i); }));
    std::vector<ImportedRecord> out;
    out.reserve(children_.size() + records_.size());
    for (auto& child : children_) out.push_back(std::move(child));
    for (auto& record : records_) out.push_back(std::move(record));
    return out;
  }

 private:
  template <typename F>
  core::Status each(M module, F&& item_fn) {
    const CsvTable& t = census_.table(module);
    for (size_t r = 0; r < t.rows.size(); ++r) HEARTH_RETURN_IF_ERROR(item_fn(Item(t, r)));
    return {};
  }

  // An id from a natural key; a second record with the same key gets "-2", and so on.
  std::string unique_id(const std::string& key) {
    auto [it, fresh] = key_counts_.emplace(key, 1);
    if (fresh) return key;
    return fmt::format("{}-{}", key, ++it->second);
  }

  domain::Child& child_of(const std::string& id) {
    return std::get<domain::Child>(children_[child_index_.at(id)].record);
  }

  core::Status child(const Item& i) {
    domain::Child c;
    c.id = i.text("LAchildID");
    if (c.id.empty()) return i.bad("LAchildID", "is missing: every child is known by it");
    if (child_index_.contains(c.id)) {
      return i.bad("LAchildID", fmt::format("'{}' is a second <Child> with this id: one child "
                                            "is one <Child>, with a <CINdetails> a referral",
                                            c.id));
    }
    c.la_code = la_;
    c.upn = i.text("UPN");
    c.former_upn = i.text("FormerUPN");
    c.upn_unknown = i.text("UPNunknown");
    HEARTH_ASSIGN(c.date_of_birth, i.date("PersonBirthDate"));
    HEARTH_ASSIGN(c.expected_date_of_birth, i.date("ExpectedPersonBirthDate"));
    c.sex = i.text("Sex");
    HEARTH_ASSIGN(c.date_of_death, i.date("PersonDeathDate"));
    child_index_.emplace(c.id, children_.size());
    children_.push_back({store::Record(std::move(c)), i.file(), i.line(), ""});
    return {};
  }

  core::Status characteristics(const Item& i) {
    const std::string id = i.text("LAchildID");
    if (!child_index_.contains(id)) return {};  // a Child without an id was refused above
    child_of(id).ethnicity = i.text("Ethnicity");
    return {};
  }

  core::Status disability(const Item& i) {
    child_of(i.text("LAchildID")).disabilities.push_back(i.text("Disability"));
    return {};
  }

  core::Status details(const Item& i) {
    domain::Referral r;
    r.child_id = i.text("LAchildID");
    HEARTH_ASSIGN(r.referral_date, i.required_date("CINreferralDate"));
    r.id = unique_id(fmt::format("REF-{}-{}", r.child_id, r.referral_date.to_iso()));
    r.la_code = la_;
    r.source = i.text("ReferralSource");
    r.primary_need = i.text("PrimaryNeedCode");
    HEARTH_ASSIGN(r.closure_date, i.date("CINclosureDate"));
    r.reason_for_closure = i.text("ReasonForClosure");
    HEARTH_ASSIGN(r.initial_cpc_date, i.date("DateOfInitialCPC"));
    HEARTH_ASSIGN(r.no_further_action, i.yes_no("ReferralNFA"));
    referral_of_details_[i.text("CINdetailsID")] = r.id;
    keep(i, std::move(r));
    return {};
  }

  core::Status assessment(const Item& i) {
    domain::Assessment a;
    a.child_id = i.text("LAchildID");
    a.referral_id = referral_of_details_.at(i.text("CINdetailsID"));
    HEARTH_ASSIGN(a.start_date, i.required_date("AssessmentActualStartDate"));
    a.id = unique_id(fmt::format("AS-{}-{}", a.child_id, a.start_date.to_iso()));
    a.la_code = la_;
    HEARTH_ASSIGN(a.internal_review_date, i.date("AssessmentInternalReviewDate"));
    HEARTH_ASSIGN(a.authorisation_date, i.date("AssessmentAuthorisationDate"));
    record_of_[{M::kAssessments, i.text("AssessmentID")}] = records_.size();
    keep(i, std::move(a));
    return {};
  }

  core::Status factor(const Item& i) {
    auto& record = records_[record_of_.at({M::kAssessments, i.text("AssessmentID")})];
    std::get<domain::Assessment>(record.record).factors.push_back(i.text("AssessmentFactors"));
    return {};
  }

  core::Status cin_plan(const Item& i) {
    domain::CinPlan p;
    p.child_id = i.text("LAchildID");
    p.referral_id = referral_of_details_.at(i.text("CINdetailsID"));
    HEARTH_ASSIGN(p.start_date, i.required_date("CINPlanStartDate"));
    p.id = unique_id(fmt::format("CINP-{}-{}", p.child_id, p.start_date.to_iso()));
    p.la_code = la_;
    HEARTH_ASSIGN(p.end_date, i.date("CINPlanEndDate"));
    keep(i, std::move(p));
    return {};
  }

  core::Status section47(const Item& i) {
    domain::Section47Enquiry s;
    s.child_id = i.text("LAchildID");
    s.referral_id = referral_of_details_.at(i.text("CINdetailsID"));
    HEARTH_ASSIGN(s.start_date, i.required_date("S47ActualStartDate"));
    s.id = unique_id(fmt::format("S47-{}-{}", s.child_id, s.start_date.to_iso()));
    s.la_code = la_;
    HEARTH_ASSIGN(s.icpc_target_date, i.date("InitialCPCtarget"));
    HEARTH_ASSIGN(s.icpc_date, i.date("DateOfInitialCPC"));
    HEARTH_ASSIGN(s.icpc_not_required, i.yes_no("ICPCnotRequired"));
    keep(i, std::move(s));
    return {};
  }

  core::Status protection_plan(const Item& i) {
    domain::ProtectionPlan p;
    p.child_id = i.text("LAchildID");
    p.referral_id = referral_of_details_.at(i.text("CINdetailsID"));
    HEARTH_ASSIGN(p.start_date, i.required_date("CPPstartDate"));
    p.id = unique_id(fmt::format("CPP-{}-{}", p.child_id, p.start_date.to_iso()));
    p.la_code = la_;
    HEARTH_ASSIGN(p.end_date, i.date("CPPendDate"));
    p.initial_category = i.text("InitialCategoryOfAbuse");
    p.latest_category = i.text("LatestCategoryOfAbuse");
    const std::string previous = i.text("NumberOfPreviousCPP");
    if (previous.empty()) {
      return i.bad("NumberOfPreviousCPP",
                   "is missing: the census requires it (0 for a first plan)");
    }
    if (previous.size() > 3 || previous.find_first_not_of("0123456789") != std::string::npos) {
      return i.bad("NumberOfPreviousCPP",
                   fmt::format("'{}' is not a number of plans from 0 to 999", previous));
    }
    p.previous_plans = std::stoi(previous);
    record_of_[{M::kChildProtectionPlans, i.text("CPPID")}] = records_.size();
    keep(i, std::move(p));
    return {};
  }

  core::Status review(const Item& i) {
    auto& record = records_[record_of_.at({M::kChildProtectionPlans, i.text("CPPID")})];
    Date date;
    HEARTH_ASSIGN(date, i.required_date("CPPreviewDate"));
    std::get<domain::ProtectionPlan>(record.record).review_dates.push_back(date);
    return {};
  }

  template <typename T>
  void keep(const Item& i, T&& value) {
    records_.push_back(
        ImportedRecord{store::Record(std::forward<T>(value)), i.file(), i.line(), ""});
  }

  struct ModuleKey {
    M module;
    std::string id;
    bool operator==(const ModuleKey&) const = default;
  };
  struct ModuleKeyHash {
    size_t operator()(const ModuleKey& k) const {
      return std::hash<std::string>()(k.id) ^ static_cast<size_t>(k.module);
    }
  };

  const CinCensus& census_;
  std::string la_;
  std::vector<ImportedRecord> children_;
  std::unordered_map<std::string, size_t> child_index_;
  std::vector<ImportedRecord> records_;
  std::unordered_map<std::string, std::string> referral_of_details_;  // CINdetailsID: its id
  std::unordered_map<ModuleKey, size_t, ModuleKeyHash> record_of_;    // AssessmentID, CPPID
  std::unordered_map<std::string, int> key_counts_;
};

}  // namespace

Result<std::vector<ImportedRecord>> records_from_cin_census(const CinCensus& census,
                                                            const std::string& la_code) {
  return Importer(census, la_code).run();
}

}  // namespace hearth::returns
