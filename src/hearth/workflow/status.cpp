#include "hearth/workflow/status.hpp"

#include <algorithm>

namespace hearth::workflow {
bool open_on(Date start, const std::optional<Date>& end, Date today) {
  return start <= today && (!end || *end > today);
}

bool section47_open_on(const domain::Section47Enquiry& enquiry, Date today) {
  const bool decided =
      enquiry.icpc_date.has_value() || enquiry.icpc_not_required || !enquiry.outcome.empty();
  return enquiry.start_date <= today && !decided;
}

std::optional<Date> period_of_care_start(const store::ChildRecord& record, Date today) {
  std::optional<Date> start;
  for (const auto& episode : record.episodes) {  // in date order
    if (episode.start_date > today) break;
    if (episode.reason_new_episode == "S" || !start) start = episode.start_date;
  }
  return start;
}

ChildStatus current_status(const store::ChildRecord& record, Date today) {
  ChildStatus status;
  for (const auto& referral : record.referrals) {
    if (open_on(referral.referral_date, referral.closure_date, today)) {
      status.open_referral = true;
      if (!status.referral_since || referral.referral_date < *status.referral_since) {
        status.referral_since = referral.referral_date;
      }
    } else if (referral.closure_date && *referral.closure_date <= today) {
      status.referral_closed =
          std::max(status.referral_closed.value_or(*referral.closure_date), *referral.closure_date);
    }
  }
  if (status.open_referral) status.referral_closed.reset();
  for (const auto& assessment : record.assessments) {
    if (open_on(assessment.start_date, assessment.authorisation_date, today)) {
      status.assessment_in_progress = true;
      status.assessment_started = assessment.start_date;
    }
  }
  for (const auto& enquiry : record.section47_enquiries) {
    if (section47_open_on(enquiry, today)) {
      status.section47_open = true;
      status.section47_started = enquiry.start_date;
    }
  }
  for (const auto& plan : record.cin_plans) {
    if (open_on(plan.start_date, plan.end_date, today)) {
      status.on_cin_plan = true;
      status.cin_plan_since = plan.start_date;
    }
  }
  for (const auto& plan : record.protection_plans) {
    if (open_on(plan.start_date, plan.end_date, today)) {
      status.on_protection_plan = true;
      status.protection_plan_since = plan.start_date;
      status.protection_category =
          plan.latest_category.empty() ? plan.initial_category : plan.latest_category;
    }
  }
  for (const auto& episode : record.episodes) {
    if (open_on(episode.start_date, episode.end_date, today)) {
      status.looked_after = true;
      status.legal_status = episode.legal_status;
      status.placement_type = episode.place;
    }
  }
  if (status.looked_after) {
    status.looked_after_since = period_of_care_start(record, today);
    for (const auto& placement : record.placements) {
      if (placement.start_date >= *status.looked_after_since && placement.start_date <= today) {
        ++status.placements_this_period;
      }
    }
  }
  return status;
}

}  // namespace hearth::workflow
