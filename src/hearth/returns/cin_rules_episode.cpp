// CIN census rules on episodes of need: CINdetails (referral and closure), assessments with
// their factors, and CIN plans.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "hearth/domain/codes.hpp"
#include "hearth/returns/detail/cin_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;
namespace codes = domain::codes;

const CsvTable& details(const CinContext& c) {
  return c.table(M::kCinDetails);
}
const CsvTable& assessments(const CinContext& c) {
  return c.table(M::kAssessments);
}
const CsvTable& plans(const CinContext& c) {
  return c.table(M::kCinPlanDates);
}

}  // namespace

namespace detail {

// Periods of one group (start, end; an open end runs to the census's end) that overlap: a row
// fails when it starts on or after another's start and on or before that one's end.
void overlapping(const CinContext& c, Out& out, M module, std::string_view group_column,
                 std::string_view start_column, std::string_view end_column) {
  const CsvTable& t = c.table(module);
  const Groups& groups = c.groups(module, group_column);
  const Column start(t, start_column), end(t, end_column);
  each_row(c, out, module, [&](size_t a) {
    auto a_start = iso_date(start(a));
    if (!a_start) return false;
    for (size_t b : groups[Column(t, group_column)(a)]) {
      if (b == a) continue;
      auto b_start = iso_date(start(b));
      if (!b_start || *a_start < *b_start) continue;
      auto b_end = iso_date(end(b));
      const Date limit = b_end ? *b_end : c.end;
      if (*a_start <= limit) return true;
    }
    return false;
  });
}

}  // namespace detail

namespace {

// The factor codes of an assessment row: its AssessmentID's rows in the factors module. Made
// once a rule; the rules ask it for every assessment.
class FactorsOf {
 public:
  explicit FactorsOf(const CinContext& c)
      : groups_(c.groups(M::kAssessmentFactors, "AssessmentID")),
        id_(assessments(c), "AssessmentID"),
        code_(c.table(M::kAssessmentFactors), "AssessmentFactors") {}
  std::vector<std::string_view> operator()(size_t a) const {
    std::vector<std::string_view> out;
    for (size_t f : groups_[id_(a)]) out.push_back(code_(f));
    return out;
  }

 private:
  const Groups& groups_;
  Column id_, code_;
};

// Assessments whose factors include `code` fail (the DfE withdrew 18A and 19A; 8A was never one).
void factor_used(const CinContext& c, Out& out, std::string_view code) {
  const FactorsOf factors_of(c);
  each_row(c, out, M::kAssessments, [&](size_t a) {
    const auto list = factors_of(a);
    return std::any_of(list.begin(), list.end(),
                       [&](std::string_view f) { return core::iequals(f, code); });
  });
}

}  // namespace

std::vector<CinRule> cin_episode_rules() {
  return {
      // CINdetails
      {"2990",
       "Activity is recorded against a case marked as \u2018Case closed after assessment, no "
       "further action\u2019 or 'case closed after assessment, referred to early help'.",
       {"ReasonForClosure"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& cpp = c.groups(M::kChildProtectionPlans, "CINdetailsID");
         const Groups& s47 = c.groups(M::kSection47, "CINdetailsID");
         const Groups& plan = c.groups(M::kCinPlanDates, "CINdetailsID");
         const Column id(details(c), "CINdetailsID"), reason(details(c), "ReasonForClosure"),
             icpc(details(c), "DateOfInitialCPC");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           if (reason(r) != "RC8" && reason(r) != "RC9") return false;
           return !icpc(r).empty() || !cpp[id(r)].empty() || !s47[id(r)].empty() ||
                  !plan[id(r)].empty();
         });
       }},
      {"2991Q",
       "Please check and either amend data or provide a reason: A Section 47 module is recorded "
       "and there is no assessment on the episode",
       {"CINdetailsID"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& by_episode = c.groups(M::kAssessments, "CINdetailsID");
         const Column episode(c.table(M::kSection47), "CINdetailsID");
         each_row(c, out, M::kSection47, [&](size_t r) { return by_episode[episode(r)].empty(); });
       }},
      {"8555Q",
       "Child cannot be referred after its recorded date of death",
       {"PersonDeathDate", "CINreferralDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column referred(details(c), "CINreferralDate");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto referral = iso_date(referred(r));
           auto death = child_date(c, M::kCinDetails, r, "PersonDeathDate");
           return referral && death && *death < *referral;
         });
       }},
      {"8565",
       "Activity shown after a case has been closed",
       {"CINclosureDate", "DateOfInitialCPC", "AssessmentActualStartDate",
        "AssessmentAuthorisationDate", "S47ActualStartDate", "CPPendDate", "CINPlanStartDate",
        "CINPlanEndDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         struct Source {
           M module;
           std::vector<std::string_view> columns;
         };
         const std::vector<Source> sources = {
             {M::kAssessments, {"AssessmentActualStartDate", "AssessmentAuthorisationDate"}},
             {M::kSection47, {"S47ActualStartDate", "DateOfInitialCPC"}},
             {M::kChildProtectionPlans, {"CPPendDate"}},
             {M::kCinPlanDates, {"CINPlanStartDate", "CINPlanEndDate"}},
         };
         std::vector<const Groups*> groups;
         for (const auto& s : sources) groups.push_back(&c.groups(s.module, "CINdetailsID"));
         const Column id(details(c), "CINdetailsID"), closed(details(c), "CINclosureDate"),
             icpc(details(c), "DateOfInitialCPC");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto closure = iso_date(closed(r));
           if (!closure) return false;
           auto after = [&](std::string_view text) {
             auto d = iso_date(text);
             return d && *d > *closure;
           };
           if (after(icpc(r))) return true;
           for (size_t s = 0; s < sources.size(); ++s) {
             for (size_t row : (*groups[s])[id(r)]) {
               for (auto column : sources[s].columns) {
                 if (after(Column(c.table(sources[s].module), column)(row))) return true;
               }
             }
           }
           return false;
         });
       }},
      {"8568",
       "RNFA flag is missing or invalid",
       {"ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column nfa(details(c), "ReferralNFA");
         each_row(c, out, M::kCinDetails,
                  [&](size_t r) { return !is_yes(nfa(r)) && !is_no(nfa(r)); });
       }},
      {"8569Q",
       "A case with referral date before one working day prior to the collection start date must "
       "not be flagged as a no further action case",
       {"ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Date limit = working_days_before(c.start, 1);
         const Column referred(details(c), "CINreferralDate"), nfa(details(c), "ReferralNFA");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto d = iso_date(referred(r));
           return d && *d < limit && !is_no(nfa(r));
         });
       }},
      {"8585Q",
       "Please check and either amend or provide a reason: CIN episode shows Died as the Closure "
       "Reason, however child has no recorded Date of Death",
       {"ReasonForClosure", "PersonDeathDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column reason(details(c), "ReasonForClosure");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           return reason(r) == "RC2" && !child_date(c, M::kCinDetails, r, "PersonDeathDate");
         });
       }},
      {"8600",
       "Child referral date missing or after data collection period",
       {"CINreferralDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column referred(details(c), "CINreferralDate");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto d = iso_date(referred(r));
           return !d || *d > c.end;
         });
       }},
      {"8606",
       "Child referral date is more than 40 weeks before DOB or expected DOB",
       {"CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column referred(details(c), "CINreferralDate");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto d = iso_date(referred(r));
           if (!d) return false;
           for (auto column : {"PersonBirthDate", "ExpectedPersonBirthDate"}) {
             auto birth = child_date(c, M::kCinDetails, r, column);
             if (birth && *d < birth->add_days(-280)) return true;
           }
           return false;
         });
       }},
      {"8610",
       "Primary Need code is missing for a referral which led to further action.",
       {"ReferralNFA", "PrimaryNeedCode"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column nfa(details(c), "ReferralNFA"), need(details(c), "PrimaryNeedCode");
         each_row(c, out, M::kCinDetails,
                  [&](size_t r) { return is_no(nfa(r)) && need(r).empty(); });
       }},
      {"8620",
       "CIN Closure Date present and does not fall within the Census year",
       {"CINclosureDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         date_outside_year(c, out, M::kCinDetails, "CINclosureDate");
       }},
      {"8630",
       "CIN Closure Date is before CIN Referral Date for the same CIN episode",
       {"CINreferralDate", "CINclosureDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column referred(details(c), "CINreferralDate"), closed(details(c), "CINclosureDate");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto from = iso_date(referred(r)), to = iso_date(closed(r));
           return from && to && *to < *from;
         });
       }},
      {"8640",
       "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
       {"ReasonForClosure"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column reason(details(c), "ReasonForClosure");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           return !reason(r).empty() && !codes::reason_for_closure().contains(reason(r));
         });
       }},
      {"8650",
       "Primary Need Code invalid (see Primary Need table in CIN census code set)",
       {"PrimaryNeedCode"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column need(details(c), "PrimaryNeedCode");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           return !need(r).empty() && !codes::primary_need().contains(need(r));
         });
       }},
      {"8805",
       "A CIN case cannot have a CIN closure date without a Reason for Closure",
       {"CINclosureDate", "ReasonForClosure"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column closed(details(c), "CINclosureDate"), reason(details(c), "ReasonForClosure");
         each_row(c, out, M::kCinDetails,
                  [&](size_t r) { return !closed(r).empty() && reason(r).empty(); });
       }},
      {"8810",
       "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
       {"ReasonForClosure", "CINclosureDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column closed(details(c), "CINclosureDate"), reason(details(c), "ReasonForClosure");
         each_row(c, out, M::kCinDetails,
                  [&](size_t r) { return closed(r).empty() && !reason(r).empty(); });
       }},
      {"8815",
       "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
       "provided for this child and case is not a referral with no further action.",
       {"ReferralNFA", "CINclosureDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         // By the <Child> element, not LAchildID: children without one are not one child.
         const Column child(details(c), "ChildNumber"), closed(details(c), "CINclosureDate"),
             nfa(details(c), "ReferralNFA");
         std::map<std::string_view, int> open;
         for (size_t r = 0; r < details(c).rows.size(); ++r) {
           if (closed(r).empty() && is_no(nfa(r))) ++open[child(r)];
         }
         each_row(c, out, M::kCinDetails,
                  [&](size_t r) { return closed(r).empty() && open[child(r)] > 1; });
       }},
      {"8816",
       "An open CIN episode is shown and case is not a referral with no further action, but it is "
       "not the latest episode.",
       {"CINreferralDate", "ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column child(details(c), "LAchildID"), referred(details(c), "CINreferralDate"),
             closed(details(c), "CINclosureDate"), nfa(details(c), "ReferralNFA");
         // Each child's latest referral: the first row with the latest date.
         std::map<std::string_view, std::pair<Date, size_t>> latest;
         for (size_t r = 0; r < details(c).rows.size(); ++r) {
           auto d = iso_date(referred(r));
           if (!d) continue;
           auto [it, fresh] = latest.emplace(child(r), std::pair{*d, r});
           if (!fresh && *d > it->second.first) it->second = {*d, r};
         }
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           if (!iso_date(referred(r)) || !closed(r).empty() || !is_no(nfa(r))) return false;
           return latest.at(child(r)).second != r;
         });
       }},
      {"8820",
       "The dates on the CIN episodes for this child overlap",
       {"CINreferralDate", "CINclosureDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const CsvTable& t = details(c);
         const Groups& by_child = c.groups(M::kCinDetails, "LAchildID");
         const Column child(t, "LAchildID"), referred(t, "CINreferralDate"),
             closed(t, "CINclosureDate"), nfa(t, "ReferralNFA");
         each_row(c, out, M::kCinDetails, [&](size_t a) {
           auto a_start = iso_date(referred(a));
           if (!a_start) return false;
           for (size_t b : by_child[child(a)]) {
             if (b == a) continue;
             auto b_start = iso_date(referred(b));
             if (!b_start || *a_start < *b_start) continue;
             auto b_end = iso_date(closed(b));
             if (b_end ? *a_start < *b_end : (*a_start < c.end && is_no(nfa(b)))) return true;
           }
           return false;
         });
       }},
      {"8825Q",
       "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case "
       "closed after assessment) or RC9 (case closed after assessment, referred to early help) has "
       "been returned but there is no assessment present for the episode.",
       {"ReasonForClosure"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& by_episode = c.groups(M::kAssessments, "CINdetailsID");
         const Column id(details(c), "CINdetailsID"), reason(details(c), "ReasonForClosure");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           return (reason(r) == "RC8" || reason(r) == "RC9") && by_episode[id(r)].empty();
         });
       }},
      {"8831",
       "Activity is recorded against a case marked as a referral with no further action",
       {"AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate",
        "DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& a_of = c.groups(M::kAssessments, "CINdetailsID");
         const Groups& s_of = c.groups(M::kSection47, "CINdetailsID");
         const Column a_start(assessments(c), "AssessmentActualStartDate"),
             a_auth(assessments(c), "AssessmentAuthorisationDate"),
             s_start(c.table(M::kSection47), "S47ActualStartDate");
         const Column id(details(c), "CINdetailsID"), nfa(details(c), "ReferralNFA"),
             icpc(details(c), "DateOfInitialCPC");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           if (!is_yes(nfa(r))) return false;
           if (!icpc(r).empty()) return true;
           for (size_t s : s_of[id(r)]) {
             if (!s_start(s).empty()) return true;
           }
           for (size_t a : a_of[id(r)]) {
             if (!a_start(a).empty() || !a_auth(a).empty()) return true;
           }
           return false;
         });
       }},
      {"8866",
       "Source of Referral is missing or an invalid code",
       {"CINreferralDate", "ReferralSource"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Date required_from = Date::from_ymd(2013, 4, 1).value();
         const Column referred(details(c), "CINreferralDate"), source(details(c), "ReferralSource");
         each_row(c, out, M::kCinDetails, [&](size_t r) {
           auto d = iso_date(referred(r));
           return d && *d >= required_from && !codes::referral_source().contains(source(r));
         });
       }},
      {"8867",
       "CIN episode is shown as closed, however Assessment is not shown as completed",
       {"CINclosureDate", "AssessmentAuthorisationDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column auth(assessments(c), "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           return auth(a).empty() && details_date(c, M::kAssessments, a, "CINclosureDate");
         });
       }},
      {"8868",
       "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by "
       "ICPC date or ICPC not required flag",
       {"ICPCnotRequired", "CINclosureDate", "DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const CsvTable& s = c.table(M::kSection47);
         const Column icpc(s, "DateOfInitialCPC"), not_required(s, "ICPCnotRequired");
         each_row(c, out, M::kSection47, [&](size_t r) {
           return icpc(r).empty() && !is_yes(not_required(r)) &&
                  details_date(c, M::kSection47, r, "CINclosureDate");
         });
       }},
      // Assessments
      {"1103",
       "The assessment start date cannot be before the referral date",
       {"AssessmentActualStartDate", "CINreferralDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         before_referral(c, out, M::kAssessments, "AssessmentActualStartDate");
       }},
      {"8608",
       "Assessment Start Date cannot be later than its End Date",
       {"AssessmentActualStartDate", "AssessmentAuthorisationDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(assessments(c), "AssessmentActualStartDate"),
             auth(assessments(c), "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           auto from = iso_date(start(a)), to = iso_date(auth(a));
           return from && to && *from > *to;
         });
       }},
      {"8614",
       "Parental or child factors at assessment should only be present for a completed "
       "assessment.",
       {"AssessmentAuthorisationDate", "AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const FactorsOf factors_of(c);
         const Column auth(assessments(c), "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments,
                  [&](size_t a) { return auth(a).empty() && !factors_of(a).empty(); });
       }},
      {"8617",
       "Code 8A has been returned. This code is not a valid code.",
       {"AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) { factor_used(c, out, "8A"); }},
      {"8670Q",
       "Please check and either amend data or provide a reason: Assessment started more than 45 "
       "working days before the end of the census year. However, there is no Assessment end "
       "date.",
       {"AssessmentActualStartDate", "AssessmentAuthorisationDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Date limit = working_days_before(c.end, 44);
         const Column start(assessments(c), "AssessmentActualStartDate"),
             auth(assessments(c), "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           auto d = iso_date(start(a));
           return auth(a).empty() && d && *d < limit;
         });
       }},
      {"8696",
       "Assessment end date must fall within the census year",
       {"AssessmentAuthorisationDate", "ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         date_outside_year(c, out, M::kAssessments, "AssessmentAuthorisationDate");
       }},
      {"8736",
       "For an Assessment that has not been completed, the start date must fall within the census "
       "year",
       {"AssessmentAuthorisationDate", "AssessmentActualStartDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(assessments(c), "AssessmentActualStartDate"),
             auth(assessments(c), "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           if (!auth(a).empty()) return false;
           auto d = iso_date(start(a));
           return !d || *d < c.start || *d > c.end;
         });
       }},
      {"8863Q",
       "An Assessment is shown as starting when there is another Assessment ongoing.",
       {"AssessmentActualStartDate", "AssessmentAuthorisationDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const CsvTable& t = assessments(c);
         const Groups& by_episode = c.groups(M::kAssessments, "CINdetailsID");
         const Column episode(t, "CINdetailsID"), start(t, "AssessmentActualStartDate"),
             auth(t, "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           auto a_start = iso_date(start(a));
           if (!a_start) return false;
           for (size_t b : by_episode[episode(a)]) {
             // The row itself, and an exact copy of it, are not another assessment.
             if (b == a || (start(b) == start(a) && auth(b) == auth(a))) continue;
             auto b_start = iso_date(start(b));
             if (!b_start || *a_start < *b_start) continue;
             auto b_end = iso_date(auth(b));
             if (*a_start <= (b_end ? *b_end : c.end)) return true;
           }
           return false;
         });
       }},
      {"8869",
       "The assessment factors code \u201c21\u201d cannot be used in conjunction with any other "
       "assessment factors.",
       {"AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const FactorsOf factors_of(c);
         each_row(c, out, M::kAssessments, [&](size_t a) {
           const auto list = factors_of(a);
           return list.size() > 1 && std::find(list.begin(), list.end(), "21") != list.end();
         });
       }},
      {"8873Q",
       "Please check and either amend data or provide a reason: When there is only one assessment "
       "on the episode and the factors code \u201c21 No factors identified\u201d has been used "
       "for the completed assessment, the reason for closure \u2018RC8\u2019 or 'RC9' should be "
       "used.",
       {"ReasonForClosure", "AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const FactorsOf factors_of(c);
         const Groups& by_episode = c.groups(M::kAssessments, "CINdetailsID");
         const Column episode(assessments(c), "CINdetailsID"),
             auth(assessments(c), "AssessmentAuthorisationDate");
         const Column reason(details(c), "ReasonForClosure");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           if (by_episode[episode(a)].size() != 1 || auth(a).empty()) return false;
           const auto list = factors_of(a);
           if (std::find(list.begin(), list.end(), "21") == list.end()) return false;
           auto d = details_row(c, M::kAssessments, a);
           return d && reason(*d) != "RC8" && reason(*d) != "RC9";
         });
       }},
      {"8896",
       "Within one CINDetails group there are 2 or more open Assessments groups",
       {"AssessmentAuthorisationDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column episode(assessments(c), "CINdetailsID"),
             auth(assessments(c), "AssessmentAuthorisationDate");
         std::map<std::string_view, int> open;
         for (size_t a = 0; a < assessments(c).rows.size(); ++a) {
           if (auth(a).empty()) ++open[episode(a)];
         }
         each_row(c, out, M::kAssessments, [&](size_t a) { return open[episode(a)] > 1; });
       }},
      {"8897Q",
       "Parental or child factors at assessment information is missing from a completed "
       "assessment",
       {"AssessmentAuthorisationDate", "AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const FactorsOf factors_of(c);
         const Column auth(assessments(c), "AssessmentAuthorisationDate");
         const int year = c.census.year;
         each_row(c, out, M::kAssessments, [&](size_t a) {
           auto d = iso_date(auth(a));
           if (!d || *d < c.start) return false;
           const auto list = factors_of(a);
           return list.empty() || std::any_of(list.begin(), list.end(), [&](std::string_view f) {
                    return !codes::assessment_factor().valid_in(f, year) && f != "18A" &&
                           f != "19A";  // withdrawn: queried by 8945Q, 8950Q
                  });
         });
       }},
      {"8898",
       " The assessment has more than one parental or child factors with the same code",
       {"AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const FactorsOf factors_of(c);
         each_row(c, out, M::kAssessments, [&](size_t a) {
           auto list = factors_of(a);
           std::sort(list.begin(), list.end());
           return std::adjacent_find(list.begin(), list.end()) != list.end();
         });
       }},
      {"8899Q",
       "Please check: A child identified as having a disability does not have a disability factor "
       "recorded at the end of assessment.",
       {"AssessmentFactors"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const FactorsOf factors_of(c);
         std::set<std::string_view> disabled;
         const Column child(c.table(M::kDisabilities), "LAchildID"),
             code(c.table(M::kDisabilities), "Disability");
         for (size_t r = 0; r < c.table(M::kDisabilities).rows.size(); ++r) {
           if (core::ascii_lower(code(r)) != "none") disabled.insert(child(r));
         }
         const Column who(assessments(c), "LAchildID"),
             auth(assessments(c), "AssessmentAuthorisationDate");
         each_row(c, out, M::kAssessments, [&](size_t a) {
           auto d = iso_date(auth(a));
           if (!d || *d < c.start || !disabled.contains(who(a))) return false;
           const auto list = factors_of(a);
           return std::none_of(list.begin(), list.end(),
                               [](std::string_view f) { return f == "5A" || f == "6A"; });
         });
       }},
      {"8945Q",
       "Please check and either amend data or provide a reason: the assessment factors code '18A' "
       "should not be used ('18B' or '18C' should be used instead)",
       {"AssessmentFactors"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) { factor_used(c, out, "18A"); }},
      {"8950Q",
       "Please check and either amend data or provide a reason: the assessment factors code '19A' "
       "should not be used ('19B' or '19C' should be used instead)",
       {"AssessmentFactors"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) { factor_used(c, out, "19A"); }},
      // CIN plans
      {"4000",
       "CIN Plan details provided for a referral with no further action",
       {"ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column nfa(details(c), "ReferralNFA");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto d = details_row(c, M::kCinPlanDates, p);
           return d && is_yes(nfa(*d));
         });
       }},
      {"4001",
       "A CIN Plan cannot run concurrently with a Child Protection Plan",
       {"CINPlanEndDate", "CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& cpp = c.groups(M::kChildProtectionPlans, "CINdetailsID");
         const Column cpp_end(c.table(M::kChildProtectionPlans), "CPPendDate");
         const Column episode(plans(c), "CINdetailsID"), start(plans(c), "CINPlanStartDate"),
             end(plans(c), "CINPlanEndDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           if (start(p).empty() || !end(p).empty()) return false;
           const auto& rows = cpp[episode(p)];
           return std::any_of(rows.begin(), rows.end(),
                              [&](size_t r) { return cpp_end(r).empty(); });
         });
       }},
      {"4004",
       "This child is showing more than one open CIN Plan, i.e. with no End Date",
       {"CINPlanEndDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column episode(plans(c), "CINdetailsID"), end(plans(c), "CINPlanEndDate");
         std::map<std::string_view, int> open;
         for (size_t p = 0; p < plans(c).rows.size(); ++p) {
           if (end(p).empty()) ++open[episode(p)];
         }
         each_row(c, out, M::kCinPlanDates, [&](size_t p) { return open[episode(p)] > 1; });
       }},
      {"4008",
       "CIN Plan shown as starting after the child\u2019s Date of Death.",
       {"PersonDeathDate", "CINPlanStartDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(plans(c), "CINPlanStartDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto d = iso_date(start(p));
           auto death = child_date(c, M::kCinPlanDates, p, "PersonDeathDate");
           return d && death && *death < *d;
         });
       }},
      {"4009Q",
       "CIN Plan cannot end after the child\u2019s Date of Death",
       {"PersonDeathDate", "CINPlanEndDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column end(plans(c), "CINPlanEndDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto d = iso_date(end(p));
           auto death = child_date(c, M::kCinPlanDates, p, "PersonDeathDate");
           return d && death && *d > *death;
         });
       }},
      {"4010",
       "CIN Plan start date is missing or out of data collection period",
       {"CINPlanStartDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(plans(c), "CINPlanStartDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto d = iso_date(start(p));
           return !d || *d > c.end;
         });
       }},
      {"4011",
       "CIN Plan End Date earlier than Start Date",
       {"CINPlanEndDate", "CINPlanStartDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(plans(c), "CINPlanStartDate"), end(plans(c), "CINPlanEndDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto from = iso_date(start(p)), to = iso_date(end(p));
           return from && to && *to < *from;
         });
       }},
      {"4012Q",
       "Please check and either amend or provide a reason: CIN Plan shown as starting and ending "
       "on the same day",
       {"CINPlanStartDate", "CINPlanEndDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(plans(c), "CINPlanStartDate"), end(plans(c), "CINPlanEndDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto from = iso_date(start(p)), to = iso_date(end(p));
           return from && to && *to == *from;
         });
       }},
      {"4013",
       "CIN Plan end date must fall within the census year",
       {"CINPlanEndDate", "ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         date_outside_year(c, out, M::kCinPlanDates, "CINPlanEndDate");
       }},
      {"4014",
       "CIN Plan data contains overlapping dates",
       {"CINPlanStartDate", "CINPlanEndDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         overlapping(c, out, M::kCinPlanDates, "LAchildID", "CINPlanStartDate", "CINPlanEndDate");
       }},
      {"4015",
       "The CIN Plan start date cannot be before the referral date",
       {"CINPlanStartDate", "CINreferralDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         before_referral(c, out, M::kCinPlanDates, "CINPlanStartDate");
       }},
      {"4016",
       "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
       {"CINPlanStartDate", "CPPstartDate", "CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const CsvTable& cpp = c.table(M::kChildProtectionPlans);
         const Groups& cpp_of = c.groups(M::kChildProtectionPlans, "LAchildID");
         const Column cpp_start(cpp, "CPPstartDate"), cpp_end(cpp, "CPPendDate");
         const Column child(plans(c), "LAchildID"), start(plans(c), "CINPlanStartDate");
         each_row(c, out, M::kCinPlanDates, [&](size_t p) {
           auto d = iso_date(start(p));
           if (!d) return false;
           for (size_t r : cpp_of[child(p)]) {
             auto from = iso_date(cpp_start(r));
             if (!from || *d < *from) continue;
             auto to = iso_date(cpp_end(r));
             if (to ? *d < *to : *d <= c.end) return true;
           }
           return false;
         });
       }},
      {"4017",
       "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
       {"CINPlanStartDate", "CINPlanEndDate", "CPPstartDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         // By the <Child> element, not LAchildID: children without one are not one child.
         const Column plan_detail(plans(c), "CINdetailsID"),
             plan_start(plans(c), "CINPlanStartDate"), plan_end(plans(c), "CINPlanEndDate");
         std::unordered_map<std::string_view, std::vector<size_t>> plans_of;
         for (size_t p = 0; p < plans(c).rows.size(); ++p) {
           plans_of[child_of_detail(c, plan_detail(p))].push_back(p);
         }
         const CsvTable& cpp = c.table(M::kChildProtectionPlans);
         const Column detail(cpp, "CINdetailsID"), start(cpp, "CPPstartDate");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           auto d = iso_date(start(r));
           if (!d) return false;
           for (size_t p : plans_of[child_of_detail(c, detail(r))]) {
             auto from = iso_date(plan_start(p));
             if (!from || *d < *from) continue;
             auto to = iso_date(plan_end(p));
             if (to ? *d < *to : *d <= c.end) return true;
           }
           return false;
         });
       }},
  };
}

}  // namespace hearth::returns
