// CIN census rules on child protection: section 47 enquiries and initial conferences, child
// protection plans and their reviews.
#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearth/domain/codes.hpp"
#include "hearth/returns/detail/cin_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;
namespace codes = domain::codes;

const CsvTable& s47(const CinContext& c) {
  return c.table(M::kSection47);
}
const CsvTable& cpp(const CinContext& c) {
  return c.table(M::kChildProtectionPlans);
}
const CsvTable& reviews(const CinContext& c) {
  return c.table(M::kReviews);
}

// The row's date is after the child's death.
void after_death(const CinContext& c, Out& out, M module, std::string_view column) {
  const Column value(c.table(module), column);
  each_row(c, out, module, [&](size_t r) {
    auto d = iso_date(value(r));
    auto death = child_date(c, module, r, "PersonDeathDate");
    return d && death && *d > *death;
  });
}

void weekend(const CinContext& c, Out& out, M module, std::string_view column) {
  const Column value(c.table(module), column);
  each_row(c, out, module, [&](size_t r) {
    auto d = iso_date(value(r));
    return d && d->is_weekend();
  });
}

}  // namespace

std::vector<CinRule> cin_protection_rules() {
  return {
      // Section 47 enquiries and initial conferences
      {"1104",
       "The date of the initial child protection conference cannot be before the referral date",
       {"CINreferralDate", "DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         before_referral(c, out, M::kSection47, "DateOfInitialCPC");
       }},
      {"2884",
       "An initial child protection conference is recorded at both the S47 and CIN Details level "
       "and it should only be recorded in one",
       {"DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& details_of = c.groups(M::kCinDetails, "LAchildID");
         const Column details_icpc(c.table(M::kCinDetails), "DateOfInitialCPC");
         const Column child(s47(c), "LAchildID"), icpc(s47(c), "DateOfInitialCPC");
         each_row(c, out, M::kSection47, [&](size_t r) {
           if (icpc(r).empty()) return false;
           const auto& rows = details_of[child(r)];
           return std::any_of(rows.begin(), rows.end(),
                              [&](size_t d) { return details_icpc(d) == icpc(r); });
         });
       }},
      {"2889",
       "The S47 start date cannot be before the referral date.",
       {"S47ActualStartDate", "CINreferralDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         before_referral(c, out, M::kSection47, "S47ActualStartDate");
       }},
      {"8615",
       "Section 47 Enquiry Start Date must be present and cannot be later than the date of the "
       "initial Child Protection Conference",
       {"S47ActualStartDate", "DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(s47(c), "S47ActualStartDate"), icpc(s47(c), "DateOfInitialCPC");
         each_row(c, out, M::kSection47, [&](size_t r) {
           auto from = iso_date(start(r)), conference = iso_date(icpc(r));
           return conference && (!from || *from > *conference);
         });
       }},
      {"8675Q",
       "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 "
       "working days before the end of the census year. However, there is no date of Initial "
       "Child Protection Conference.",
       {"DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Date limit = working_days_before(c.end, 14);
         const Column start(s47(c), "S47ActualStartDate"), icpc(s47(c), "DateOfInitialCPC"),
             not_required(s47(c), "ICPCnotRequired");
         each_row(c, out, M::kSection47, [&](size_t r) {
           auto d = iso_date(start(r));
           return icpc(r).empty() && is_no(not_required(r)) && d && *d < limit;
         });
       }},
      {"8715",
       "Date of Initial Child Protection Conference must fall within the census year",
       {"DateOfInitialCPC", "ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         date_outside_year(c, out, M::kSection47, "DateOfInitialCPC");
       }},
      {"8740",
       "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the "
       "end of the census year, the start date must fall within the census year",
       {"S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(s47(c), "S47ActualStartDate"), icpc(s47(c), "DateOfInitialCPC"),
             not_required(s47(c), "ICPCnotRequired");
         each_row(c, out, M::kSection47, [&](size_t r) {
           auto d = iso_date(start(r));
           return icpc(r).empty() && is_no(not_required(r)) && d && (*d < c.start || *d > c.end);
         });
       }},
      {"8839",
       "Within one CINDetails group there are 2 or more open S47 Assessments",
       {"DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column episode(s47(c), "CINdetailsID"), icpc(s47(c), "DateOfInitialCPC"),
             not_required(s47(c), "ICPCnotRequired");
         std::map<std::string_view, int> open;
         for (size_t r = 0; r < s47(c).rows.size(); ++r) {
           if (icpc(r).empty() && !is_yes(not_required(r))) ++open[episode(r)];
         }
         each_row(c, out, M::kSection47,
                  [&](size_t r) { return icpc(r).empty() && open[episode(r)] > 1; });
       }},
      {"8870Q",
       "Please check and either amend or provide a reason: The Target Date for Initial Child "
       "Protection Conference should not be a weekend",
       {"InitialCPCtarget"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) { weekend(c, out, M::kSection47, "InitialCPCtarget"); }},
      {"8875",
       "The Date of Initial Child Protection Conference cannot be a weekend",
       {"DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) { weekend(c, out, M::kSection47, "DateOfInitialCPC"); }},
      {"8890",
       "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry "
       "ongoing",
       {"S47ActualStartDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& by_episode = c.groups(M::kSection47, "CINdetailsID");
         const Column episode(s47(c), "CINdetailsID"), start(s47(c), "S47ActualStartDate"),
             icpc(s47(c), "DateOfInitialCPC"), not_required(s47(c), "ICPCnotRequired");
         each_row(c, out, M::kSection47, [&](size_t a) {
           auto a_start = iso_date(start(a));
           if (!a_start) return false;
           for (size_t b : by_episode[episode(a)]) {
             // The row itself, and an exact copy of it, are not another enquiry.
             if (b == a || (start(b) == start(a) && icpc(b) == icpc(a))) continue;
             auto b_start = iso_date(start(b));
             if (!b_start || *a_start < *b_start) continue;
             auto b_end = iso_date(icpc(b));
             if (b_end ? *a_start <= *b_end : (*a_start <= c.end && !is_yes(not_required(b)))) {
               return true;
             }
           }
           return false;
         });
       }},
      // Child protection plans
      {"1105",
       "The child protection plan start date cannot be before the referral date",
       {"CPPstartDate", "CINreferralDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         before_referral(c, out, M::kChildProtectionPlans, "CPPstartDate");
       }},
      {"2883",
       "There are more child protection plans starting than initial conferences taking place",
       {"CPPstartDate", "DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         auto in_year = [&](M module, std::string_view column) {
           const Column value(c.table(module), column);
           size_t n = 0;
           for (size_t r = 0; r < c.table(module).rows.size(); ++r) {
             auto d = iso_date(value(r));
             if (d && *d >= c.start && *d <= c.end) ++n;
           }
           return n;
         };
         const size_t plans = in_year(M::kChildProtectionPlans, "CPPstartDate");
         const size_t conferences = in_year(M::kCinDetails, "DateOfInitialCPC") +
                                    in_year(M::kSection47, "DateOfInitialCPC");
         if (plans > conferences) fail_return(c, out, M::kChildProtectionPlans);
       }},
      {"2885",
       "Child protection plan shown as starting a different day to the initial child protection "
       "conference.",
       {"CPPstartDate", "DateOfInitialCPC"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& s47_of = c.groups(M::kSection47, "CINdetailsID");
         const Column s47_icpc(s47(c), "DateOfInitialCPC");
         const Column details_icpc(c.table(M::kCinDetails), "DateOfInitialCPC");
         const Column episode(cpp(c), "CINdetailsID"), start(cpp(c), "CPPstartDate");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           auto d = iso_date(start(r));
           if (!d || *d < c.start || *d > c.end) return false;
           const auto& enquiries = s47_of[episode(r)];
           if (!enquiries.empty()) {
             return std::none_of(enquiries.begin(), enquiries.end(),
                                 [&](size_t s) { return iso_date(s47_icpc(s)) == d; });
           }
           auto details = details_row(c, M::kChildProtectionPlans, r);
           return !details || iso_date(details_icpc(*details)) != d;
         });
       }},
      {"8720",
       "Child Protection Plan Start Date missing or out of data collection period",
       {"CPPstartDate", "ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(cpp(c), "CPPstartDate");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           auto d = iso_date(start(r));
           return !d || *d > c.end;
         });
       }},
      {"8730",
       "Total Number of previous Child Protection Plans missing",
       {"NumberOfPreviousCPP"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column previous(cpp(c), "NumberOfPreviousCPP");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           const auto v = previous(r);
           return v.empty() ||
                  !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
         });
       }},
      {"8832",
       "Child Protection details provided for a referral with no further action.",
       {"CINdetailsID", "ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column nfa(c.table(M::kCinDetails), "ReferralNFA");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           auto d = details_row(c, M::kChildProtectionPlans, r);
           return d && is_yes(nfa(*d));
         });
       }},
      {"8840",
       "Child Protection Plan cannot start and end on the same day",
       {"CPPstartDate", "CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(cpp(c), "CPPstartDate"), end(cpp(c), "CPPendDate");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           auto from = iso_date(start(r)), to = iso_date(end(r));
           return from && to && *from == *to;
         });
       }},
      {"8841",
       "The review date cannot be on the same day or before the Child protection Plan start date.",
       {"CPPstartDate", "CPPreviewDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& plan = c.groups(M::kChildProtectionPlans, "CPPID");
         const Column plan_start(cpp(c), "CPPstartDate");
         const Column id(reviews(c), "CPPID"), date(reviews(c), "CPPreviewDate");
         each_row(c, out, M::kReviews, [&](size_t r) {
           auto d = iso_date(date(r));
           if (!d) return false;
           for (size_t p : plan[id(r)]) {
             auto start = iso_date(plan_start(p));
             if (start && *d <= *start) return true;
           }
           return false;
         });
       }},
      {"8842Q",
       "Please check and either amend or provide a reason: Review Record has a missing date",
       {"CPPreviewDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column date(reviews(c), "CPPreviewDate");
         each_row(c, out, M::kReviews, [&](size_t r) { return !iso_date(date(r)); });
       }},
      {"8905",
       "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
       "Census code set)",
       {"InitialCategoryOfAbuse"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column category(cpp(c), "InitialCategoryOfAbuse");
         each_row(c, out, M::kChildProtectionPlans,
                  [&](size_t r) { return !codes::category_of_abuse().contains(category(r)); });
       }},
      {"8910",
       "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
       "Census code set)",
       {"LatestCategoryOfAbuse"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column category(cpp(c), "LatestCategoryOfAbuse");
         each_row(c, out, M::kChildProtectionPlans,
                  [&](size_t r) { return !codes::category_of_abuse().contains(category(r)); });
       }},
      {"8915",
       "Child Protection Plan shown as starting after the child\u2019s Date of Death",
       {"CPPstartDate", "PersonDeathDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         after_death(c, out, M::kChildProtectionPlans, "CPPstartDate");
       }},
      {"8920",
       "Child Protection Plan cannot end after the child\u2019s Date of Death",
       {"PersonDeathDate", "CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         after_death(c, out, M::kChildProtectionPlans, "CPPendDate");
       }},
      {"8925",
       "Child Protection Plan End Date earlier than Start Date",
       {"CPPstartDate", "CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column start(cpp(c), "CPPstartDate"), end(cpp(c), "CPPendDate");
         each_row(c, out, M::kChildProtectionPlans, [&](size_t r) {
           auto from = iso_date(start(r)), to = iso_date(end(r));
           return from && to && *to < *from;
         });
       }},
      {"8930",
       "Child Protection Plan End Date must fall within the census year",
       {"CPPendDate", "ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         date_outside_year(c, out, M::kChildProtectionPlans, "CPPendDate");
       }},
      {"8935",
       "This child is showing more than one open Child Protection plan, i.e. with no End Date",
       {"CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column child(cpp(c), "LAchildID"), end(cpp(c), "CPPendDate");
         std::map<std::string_view, int> open;
         for (size_t r = 0; r < cpp(c).rows.size(); ++r) {
           if (end(r).empty()) ++open[child(r)];
         }
         each_row(c, out, M::kChildProtectionPlans,
                  [&](size_t r) { return end(r).empty() && open[child(r)] > 1; });
       }},
      {"8940",
       "Child Protection Plan data contains overlapping dates",
       {"CPPstartDate", "CPPendDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         overlapping(c, out, M::kChildProtectionPlans, "LAchildID", "CPPstartDate", "CPPendDate");
       }},
      {"4003",
       "A CPP review date is shown as being held at the same time as an open CIN Plan.",
       {"CINPlanStartDate", "CINPlanEndDate", "CPPreviewDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& plan_of = c.groups(M::kChildProtectionPlans, "CPPID");
         const Column plan_end(cpp(c), "CPPendDate");
         const CsvTable& cin_plans = c.table(M::kCinPlanDates);
         const Column cin_start(cin_plans, "CINPlanStartDate"),
             cin_end(cin_plans, "CINPlanEndDate");
         // A child is its <Child> element (reached through the CINdetails a row is in), not its
         // LAchildID: children without one are not one child.
         const Column plan_detail(cin_plans, "CINdetailsID");
         std::unordered_map<std::string_view, std::vector<size_t>> cin_plans_of;
         for (size_t p = 0; p < cin_plans.rows.size(); ++p) {
           cin_plans_of[child_of_detail(c, plan_detail(p))].push_back(p);
         }
         const Column review_detail(reviews(c), "CINdetailsID"), id(reviews(c), "CPPID"),
             date(reviews(c), "CPPreviewDate");
         auto child = [&](size_t r) { return child_of_detail(c, review_detail(r)); };
         each_row(c, out, M::kReviews, [&](size_t r) {
           auto d = iso_date(date(r));
           if (!d) return false;
           // A review on the day the plan ends may meet a CIN plan that starts that day.
           for (size_t p : plan_of[id(r)]) {
             if (iso_date(plan_end(p)) == d) return false;
           }
           for (size_t p : cin_plans_of[child(r)]) {
             auto from = iso_date(cin_start(p));
             if (!from || *d < *from) continue;
             auto to = iso_date(cin_end(p));
             if (!to || *d < *to) return true;
           }
           return false;
         });
       }},
  };
}

}  // namespace hearth::returns
