// Where a child stands today, derived from the records themselves: an open referral, an
// assessment under way, a section 47 enquiry, a child in need plan, a child protection plan,
// looked after. Nothing here is stored: the status is always what the records say.
#pragma once

#include <optional>
#include <string>

#include "hearth/core/date.hpp"
#include "hearth/store/store.hpp"

namespace hearth::workflow {

using core::Date;

struct ChildStatus {
  // An episode of need (CIN census): a referral not yet closed.
  bool open_referral = false;
  std::optional<Date> referral_since;
  std::optional<Date> referral_closed;  // the latest closure, when nothing is open
  bool assessment_in_progress = false;
  std::optional<Date> assessment_started;
  bool section47_open = false;
  std::optional<Date> section47_started;
  bool on_cin_plan = false;
  std::optional<Date> cin_plan_since;
  bool on_protection_plan = false;
  std::optional<Date> protection_plan_since;
  std::string protection_category;  // latest category of abuse
  bool looked_after = false;
  std::optional<Date> looked_after_since;  // the start of the current period of care
  std::string legal_status;                // of the open episode
  std::string placement_type;              // PLACE of the open episode
  int placements_this_period = 0;

  // Anything open: the case is held by someone.
  bool open() const { return open_referral || looked_after || on_protection_plan || on_cin_plan; }
};

// Open on `today`: started by then and not ended by then (an end on `today` closes).
bool open_on(Date start, const std::optional<Date>& end, Date today);
// A section 47 enquiry is open from its start until its initial conference, or until it is
// decided none is needed (an outcome recorded).
bool section47_open_on(const domain::Section47Enquiry& enquiry, Date today);

// As at `today`: records starting after it are not counted, and an end on or before it closes.
ChildStatus current_status(const store::ChildRecord& record, Date today);

// The start of the period of care the open (or latest) episode belongs to: the last episode
// starting a period (reason for new episode "S") at or before it.
std::optional<Date> period_of_care_start(const store::ChildRecord& record, Date today);

}  // namespace hearth::workflow
