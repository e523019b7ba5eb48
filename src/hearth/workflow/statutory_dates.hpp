// The next statutory dates of a child, from the dates already in the records: when the
// assessment must be done, the initial child protection conference held, the next review
// conference of a protection plan, the next review of a child looked after. Each rule is one row
// of `statutory_rules()`, with its source (shared/domain/REFERENCE.md section 1).
//
// A first cut: the timescales that a record's own dates decide. Visits, health assessments and
// pathway plans need records Hearth does not hold yet; a fuller engine of tasks and alerts comes
// with the workflow issue.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/calendar.hpp"
#include "hearth/core/date.hpp"
#include "hearth/store/store.hpp"

namespace hearth::workflow {

enum class StatutoryEvent {
  kAssessment,         // child and family assessment completed
  kInitialConference,  // initial child protection conference
  kReviewConference,   // child protection review conference
  kLookedAfterReview,  // review of a child looked after
};

struct StatutoryRule {
  StatutoryEvent event;
  std::string_view name;    // "Child and family assessment"
  std::string_view rule;    // "within 45 working days of the referral"
  std::string_view source;  // where the rule is set
};

std::span<const StatutoryRule> statutory_rules();
const StatutoryRule& rule_for(StatutoryEvent event);

struct StatutoryDate {
  StatutoryEvent event;
  core::Date due;
  core::Date counted_from;  // the date the timescale runs from
  std::string record_id;    // the record it is about (assessment, enquiry, plan, episode)

  bool overdue(core::Date today) const { return due < today; }
};

// Every timescale still running on `today`, soonest first.
std::vector<StatutoryDate> next_statutory_dates(const store::ChildRecord& record, core::Date today,
                                                const core::WorkingDayCalendar& calendar);

}  // namespace hearth::workflow
