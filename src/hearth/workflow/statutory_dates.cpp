#include "hearth/workflow/statutory_dates.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "hearth/workflow/status.hpp"

namespace hearth::workflow {
namespace {

using core::Date;

constexpr std::array<StatutoryRule, 4> kRules = {{
    {StatutoryEvent::kAssessment, "Child and family assessment",
     "completed within 45 working days of the referral",
     "Working Together to Safeguard Children 2023; CIN census rule 8670Q (REFERENCE.md section 1)"},
    {StatutoryEvent::kInitialConference, "Initial child protection conference",
     "within 15 working days of the strategy discussion that started the section 47 enquiry",
     "Working Together to Safeguard Children 2023; CIN census item InitialCPCtarget "
     "(REFERENCE.md section 1)"},
    {StatutoryEvent::kReviewConference, "Child protection review conference",
     "within 3 months of the initial conference, then at most every 6 months",
     "Working Together to Safeguard Children 2023 (REFERENCE.md section 1)"},
    {StatutoryEvent::kLookedAfterReview, "Review of the child looked after",
     "within 20 working days of coming into care, then within 3 months, then at most every 6 "
     "months",
     "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33 "
     "(REFERENCE.md section 1)"},
}};

}  // namespace

std::span<const StatutoryRule> statutory_rules() {
  return kRules;
}

const StatutoryRule& rule_for(StatutoryEvent event) {
  for (const auto& rule : kRules) {
    if (rule.event == event) return rule;
  }
  throw std::out_of_range("no statutory rule for this event");
}

std::vector<StatutoryDate> next_statutory_dates(const store::ChildRecord& record, Date today,
                                                const core::WorkingDayCalendar& calendar) {
  std::vector<StatutoryDate> out;
  for (const auto& assessment : record.assessments) {
    if (assessment.start_date > today || assessment.authorisation_date) continue;
    const auto referral =
        std::find_if(record.referrals.begin(), record.referrals.end(),
                     [&](const auto& r) { return r.id == assessment.referral_id; });
    const Date from =
        referral != record.referrals.end() ? referral->referral_date : assessment.start_date;
    out.push_back(
        {StatutoryEvent::kAssessment, calendar.add_working_days(from, 45), from, assessment.id});
  }
  for (const auto& enquiry : record.section47_enquiries) {
    if (!section47_open_on(enquiry, today)) continue;
    const Date due =
        enquiry.icpc_target_date.value_or(calendar.add_working_days(enquiry.start_date, 15));
    out.push_back({StatutoryEvent::kInitialConference, due, enquiry.start_date, enquiry.id});
  }
  for (const auto& plan : record.protection_plans) {
    if (!open_on(plan.start_date, plan.end_date, today)) continue;
    std::optional<Date> last_review;
    for (const Date& review : plan.review_dates) {
      if (review <= today) last_review = std::max(last_review.value_or(review), review);
    }
    const Date due = last_review ? last_review->add_months(6) : plan.start_date.add_months(3);
    out.push_back(
        {StatutoryEvent::kReviewConference, due, last_review.value_or(plan.start_date), plan.id});
  }
  const auto open_episode =
      std::find_if(record.episodes.begin(), record.episodes.end(),
                   [&](const auto& e) { return open_on(e.start_date, e.end_date, today); });
  if (open_episode != record.episodes.end()) {
    const Date period_start =
        period_of_care_start(record, today).value_or(open_episode->start_date);
    std::vector<Date> reviews;
    for (const auto& review : record.reviews) {
      if (review.date >= period_start && review.date <= today) reviews.push_back(review.date);
    }
    std::sort(reviews.begin(), reviews.end());
    Date due;
    Date from = period_start;
    if (reviews.empty()) {
      due = calendar.add_working_days(period_start, 20);
    } else if (reviews.size() == 1) {
      from = reviews.back();
      due = from.add_months(3);
    } else {
      from = reviews.back();
      due = from.add_months(6);
    }
    out.push_back({StatutoryEvent::kLookedAfterReview, due, from, open_episode->id});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.due < b.due; });
  return out;
}

}  // namespace hearth::workflow
