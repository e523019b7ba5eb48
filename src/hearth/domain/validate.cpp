#include "hearth/domain/validate.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hearth/domain/codes.hpp"
#include "hearth/domain/values.hpp"

namespace hearth::domain {
namespace {

using core::Date;
using core::Error;

// One coded field of a record: its code set, the value held, the item name, whether required.
struct CodedField {
  const CodeSet& set;
  std::string_view value;
  std::string_view field;
  bool required = false;
};

// Two dates that must come in order: `later` may not fall before `earlier`.
struct DateOrder {
  const OptionalDate& later;
  std::string_view later_field;
  const OptionalDate& earlier;
  std::string_view earlier_field;
};

// Collects the errors of one record. Each check adds at most one error per field it looks at.
class Checks {
 public:
  explicit Checks(Date today) : today_(today), year_(collection_year_of(today)) {}

  std::vector<Error> take() { return std::move(errors_); }

  void add(std::string_view field, std::string message) {
    errors_.push_back(Error::invalid(std::string(field), std::move(message)));
  }

  void required(std::string_view value, std::string_view field) {
    if (value.empty()) add(field, "is required");
  }

  void la_code(std::string_view value) {
    if (value.empty()) {
      add("la_code", "is required");
    } else if (!is_la_code(value)) {
      add("la_code", fmt::format("must be three digits, like '202', not '{}'", value));
    }
  }

  void codes(std::initializer_list<CodedField> fields) {
    for (const CodedField& coded : fields) {
      if (coded.value.empty() && !coded.required) continue;
      if (coded.value.empty()) {
        add(coded.field, fmt::format("is required: give a {} code", coded.set.name()));
        continue;
      }
      auto status = coded.set.check(coded.value, year_);
      if (!status) errors_.push_back(status.error().in_field(std::string(coded.field)));
    }
  }

  // A list of codes: each known, none twice, and `alone` (if given) only by itself.
  void code_list(const CodeSet& set, const std::vector<std::string>& values, std::string_view field,
                 std::string_view alone, std::string_view rule) {
    for (size_t i = 0; i < values.size(); ++i) {
      const std::string& value = values[i];
      if (std::find(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(i), value) !=
          values.begin() + static_cast<std::ptrdiff_t>(i)) {
        add(field, fmt::format("'{}' is given more than once", value));
        continue;
      }
      auto status = set.check(value, year_);
      if (!status) errors_.push_back(status.error().in_field(std::string(field)));
    }
    if (!alone.empty() && values.size() > 1 &&
        std::find(values.begin(), values.end(), alone) != values.end()) {
      std::vector<std::string> others;
      for (const std::string& value : values) {
        if (value != alone && std::find(others.begin(), others.end(), value) == others.end()) {
          others.push_back(value);
        }
      }
      add(field,
          fmt::format("'{}' must be the only {} code, but {} {} also given ({})", alone, set.name(),
                      fmt::join(others, ", "), others.size() == 1 ? "is" : "are", rule));
    }
  }

  void not_future(const OptionalDate& date, std::string_view field) {
    if (date && *date > today_) {
      add(field, fmt::format("{} is in the future (today is {})", date->to_iso(), today_.to_iso()));
    }
  }

  void dates_in_order(std::initializer_list<DateOrder> orders) {
    for (const DateOrder& order : orders) {
      if (order.later && order.earlier && *order.later < *order.earlier) {
        add(order.later_field, fmt::format("{} is before {} {}", order.later->to_iso(),
                                           order.earlier_field, order.earlier->to_iso()));
      }
    }
  }

  // A value type's own check (NhsNumber, Upn, Postcode) when the text is present; `field`
  // renames the error's field for items a return names differently.
  template <typename Value>
  void well_formed(std::string_view text, std::string_view field = {}) {
    if (text.empty()) return;
    auto parsed = Value::parse(text);
    if (parsed) return;
    errors_.push_back(field.empty() ? parsed.error() : parsed.error().in_field(std::string(field)));
  }

  void not_negative(int value, std::string_view field) {
    if (value < 0) add(field, fmt::format("must not be negative, got {}", value));
  }

 private:
  Date today_;
  int year_;
  std::vector<Error> errors_;
};

// Required identifiers of a record that belongs to a child.
void child_record_ids(Checks& checks, std::string_view id, std::string_view la_code,
                      std::string_view child_id) {
  checks.required(id, "id");
  checks.la_code(la_code);
  checks.required(child_id, "child_id");
}

}  // namespace

std::vector<Error> validate(const Child& child, Date today) {
  Checks checks(today);
  if (child.id.empty()) {
    checks.add("LAchildID", "is required");
  } else if (child.id.size() > kMaxChildIdLength ||
             !std::all_of(child.id.begin(), child.id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
             })) {
    checks.add(
        "LAchildID",
        fmt::format("must be 1 to 20 letters and digits, not '{}' (rules 1570, 1580)", child.id));
  }
  checks.la_code(child.la_code);
  checks.codes({
      {codes::sex(), child.sex, "Sex"},
      {codes::ethnicity(), child.ethnicity, "Ethnicity"},
      {codes::upn_unknown(), child.upn_unknown, "UPNunknown"},
  });
  checks.code_list(codes::disability(), child.disabilities, "Disability", "NONE", "rule 8790");

  if (child.date_of_birth && *child.date_of_birth > today) {
    checks.add("PersonBirthDate",
               fmt::format("{} is in the future (today is {}); for an unborn child give "
                           "ExpectedPersonBirthDate instead",
                           child.date_of_birth->to_iso(), today.to_iso()));
  }
  checks.not_future(child.date_of_death, "PersonDeathDate");
  checks.not_future(child.mother_child_dob, "MC_DOB");
  checks.dates_in_order({
      {child.date_of_death, "PersonDeathDate", child.date_of_birth, "PersonBirthDate"},
      {child.mother_child_dob, "MC_DOB", child.date_of_birth, "PersonBirthDate"},
      {child.uasc_ceased, "DUC", child.date_of_birth, "PersonBirthDate"},
  });

  checks.well_formed<NhsNumber>(child.nhs_number);
  checks.well_formed<Upn>(child.upn);
  checks.well_formed<Upn>(child.former_upn, "FormerUPN");
  checks.well_formed<Postcode>(child.postcode);
  if (!child.upn.empty() && !child.upn_unknown.empty()) {
    checks.add("UPNunknown",
               fmt::format("give either a UPN or a UPNunknown reason, not both (UPN {}, "
                           "UPNunknown {})",
                           child.upn, child.upn_unknown));
  }
  return checks.take();
}

std::vector<Error> validate(const Referral& referral, Date today) {
  Checks checks(today);
  child_record_ids(checks, referral.id, referral.la_code, referral.child_id);
  checks.codes({
      {codes::referral_source(), referral.source, "ReferralSource", true},
      {codes::primary_need(), referral.primary_need, "PrimaryNeedCode"},
      {codes::reason_for_closure(), referral.reason_for_closure, "ReasonForClosure"},
  });
  const OptionalDate referral_date = referral.referral_date;
  checks.not_future(referral_date, "CINreferralDate");
  checks.not_future(referral.closure_date, "CINclosureDate");
  checks.not_future(referral.initial_cpc_date, "DateOfInitialCPC");
  checks.dates_in_order({
      {referral.closure_date, "CINclosureDate", referral_date, "CINreferralDate"},
      {referral.initial_cpc_date, "DateOfInitialCPC", referral_date, "CINreferralDate"},
  });
  // A closed episode says why, and a reason means it is closed (rules 8805, 8810).
  if (referral.closure_date && referral.reason_for_closure.empty()) {
    checks.add("ReasonForClosure", "is required when there is a CINclosureDate (rule 8805)");
  }
  if (!referral.closure_date && !referral.reason_for_closure.empty()) {
    checks.add("CINclosureDate", "is required when there is a ReasonForClosure (rule 8810)");
  }
  return checks.take();
}

std::vector<Error> validate(const Assessment& assessment, Date today) {
  Checks checks(today);
  child_record_ids(checks, assessment.id, assessment.la_code, assessment.child_id);
  checks.required(assessment.referral_id, "referral_id");
  const OptionalDate start = assessment.start_date;
  checks.not_future(start, "AssessmentActualStartDate");
  checks.not_future(assessment.internal_review_date, "AssessmentInternalReviewDate");
  checks.not_future(assessment.authorisation_date, "AssessmentAuthorisationDate");
  checks.dates_in_order({
      {assessment.internal_review_date, "AssessmentInternalReviewDate", start,
       "AssessmentActualStartDate"},
      {assessment.authorisation_date, "AssessmentAuthorisationDate", start,
       "AssessmentActualStartDate"},
  });
  checks.code_list(codes::assessment_factor(), assessment.factors, "AssessmentFactors", "21",
                   "rule 8869");
  if (assessment.authorisation_date && assessment.factors.empty()) {
    checks.add("AssessmentFactors",
               "give at least one factor (or 21, no factors identified) for an authorised "
               "assessment (rule 8897Q)");
  }
  return checks.take();
}

std::vector<Error> validate(const ProtectionPlan& plan, Date today) {
  Checks checks(today);
  child_record_ids(checks, plan.id, plan.la_code, plan.child_id);
  checks.required(plan.referral_id, "referral_id");
  checks.codes({
      {codes::category_of_abuse(), plan.initial_category, "InitialCategoryOfAbuse", true},
      {codes::category_of_abuse(), plan.latest_category, "LatestCategoryOfAbuse", true},
  });
  checks.not_negative(plan.previous_plans, "NumberOfPreviousCPP");
  const OptionalDate start = plan.start_date;
  checks.not_future(start, "CPPstartDate");
  checks.not_future(plan.end_date, "CPPendDate");
  checks.dates_in_order({{plan.end_date, "CPPendDate", start, "CPPstartDate"}});
  for (const Date& review : plan.review_dates) {
    const OptionalDate review_date = review;
    checks.not_future(review_date, "CPPreviewDate");
    checks.dates_in_order({{review_date, "CPPreviewDate", start, "CPPstartDate"},
                           {plan.end_date, "CPPendDate", review_date, "CPPreviewDate"}});
  }
  return checks.take();
}

std::vector<Error> validate(const LookedAfterEpisode& episode, Date today) {
  Checks checks(today);
  child_record_ids(checks, episode.id, episode.la_code, episode.child_id);
  checks.codes({
      {codes::reason_new_episode(), episode.reason_new_episode, "RNE", true},
      {codes::legal_status(), episode.legal_status, "LS", true},
      {codes::category_of_need(), episode.category_of_need, "CIN", true},
      {codes::placement_type(), episode.place, "PLACE", true},
      {codes::placement_provider(), episode.place_provider, "PLACE_PROVIDER"},
      {codes::reason_episode_ceased(), episode.reason_episode_ceased, "REC"},
      {codes::reason_place_change(), episode.reason_place_change, "REASON_PLACE_CHANGE"},
  });
  const OptionalDate start = episode.start_date;
  checks.not_future(start, "DECOM");
  checks.not_future(episode.end_date, "DEC");
  checks.dates_in_order({{episode.end_date, "DEC", start, "DECOM"}});
  if (episode.end_date && episode.reason_episode_ceased.empty()) {
    checks.add("REC", "is required when the episode has ended (DEC is given)");
  }
  if (!episode.end_date && !episode.reason_episode_ceased.empty()) {
    checks.add("DEC", "is required when a reason the episode ceased (REC) is given");
  }
  checks.well_formed<Postcode>(episode.home_postcode, "HOME_POST");
  checks.well_formed<Postcode>(episode.placement_postcode, "PL_POST");
  return checks.take();
}

std::vector<Error> validate(const Placement& placement, Date today) {
  Checks checks(today);
  child_record_ids(checks, placement.id, placement.la_code, placement.child_id);
  checks.codes({
      {codes::placement_type(), placement.place, "PLACE", true},
      {codes::placement_provider(), placement.provider_kind, "PLACE_PROVIDER"},
      {codes::reason_place_change(), placement.reason_for_change, "REASON_PLACE_CHANGE"},
  });
  const OptionalDate start = placement.start_date;
  checks.not_future(start, "start_date");
  checks.not_future(placement.end_date, "end_date");
  checks.dates_in_order({{placement.end_date, "end_date", start, "start_date"}});
  checks.well_formed<Postcode>(placement.postcode, "PL_POST");
  return checks.take();
}

std::vector<Error> validate(const MissingEpisode& episode, Date today) {
  Checks checks(today);
  child_record_ids(checks, episode.id, episode.la_code, episode.child_id);
  checks.codes({{codes::missing_type(), episode.type, "MISSING", true}});
  const OptionalDate start = episode.start_date;
  checks.not_future(start, "MIS_START");
  checks.not_future(episode.end_date, "MIS_END");
  checks.dates_in_order({{episode.end_date, "MIS_END", start, "MIS_START"}});
  return checks.take();
}

std::vector<Error> validate(const Person& person, Date today) {
  Checks checks(today);
  checks.required(person.id, "id");
  checks.la_code(person.la_code);
  checks.codes({{codes::sex(), person.sex, "sex"}});
  checks.not_future(person.date_of_birth, "date_of_birth");
  checks.well_formed<Postcode>(person.postcode);
  return checks.take();
}

std::vector<Error> validate(const Carer& carer, Date today) {
  Checks checks(today);
  checks.required(carer.id, "id");
  checks.la_code(carer.la_code);
  checks.codes({{codes::carer_kind(), carer.kind, "kind", true}});
  if (carer.kind == "kinship" && carer.related_child_id.empty()) {
    checks.add("related_child_id", "is required for a kinship (connected person) carer");
  }
  checks.not_future(carer.approved, "approved");
  checks.dates_in_order({{carer.deregistered, "deregistered", carer.approved, "approved"}});
  checks.not_negative(carer.approved_places, "approved_places");
  checks.well_formed<Postcode>(carer.postcode);
  return checks.take();
}

}  // namespace hearth::domain
