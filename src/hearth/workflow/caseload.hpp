// A caseload: the children a worker, a team or a role is working with, each with where they stand
// and their next statutory date, soonest first. What "My work" shows.
//
// The children are chosen by allocation (a worker's, a team's) or given by id (the children a
// reviewing officer reviews, the front door's recent contacts); each child's record is read to
// work out the status and dates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hearth/core/calendar.hpp"
#include "hearth/core/result.hpp"
#include "hearth/store/store.hpp"
#include "hearth/workflow/status.hpp"
#include "hearth/workflow/statutory_dates.hpp"

namespace hearth::workflow {

struct CaseloadEntry {
  store::ChildSummary child;
  ChildStatus status;
  std::optional<StatutoryDate> next;  // the soonest date still running
  size_t dates_running = 0;
};

struct CaseloadQuery {
  std::string la_code;
  std::string allocated_worker_id;  // or
  std::string team_id;              // or
  std::vector<std::string> child_ids;
  // Restricted children are left out unless this account is on their list.
  std::string viewer_account_id;
  size_t limit = 500;  // entries returned, soonest first
};

// At most this many children's records are read to put a caseload in order; a caseload larger
// than this (no worker's or team's is) is ordered within its first kMaxRead by name.
inline constexpr size_t kMaxRead = 2000;

struct Caseload {
  std::vector<CaseloadEntry> entries;  // soonest next date first; children with none last
  int64_t total = 0;                   // children matched (restricted ones the viewer may not
                                       // see left out when chosen by allocation)
};

core::Result<Caseload> caseload(store::Store& store, const CaseloadQuery& query, Date today,
                                const core::WorkingDayCalendar& calendar);

// The children a reviewing officer reviews: looked after, or on a protection plan, on `today`.
core::Result<std::vector<std::string>> children_in_care_or_on_a_plan(store::Store& store,
                                                                     std::string_view la_code,
                                                                     Date today);
// What the front door's "My work" counts as recent.
inline constexpr int kRecentContactDays = 30;

// The children with a contact at the front door in the `days` before `today`.
core::Result<std::vector<std::string>> children_with_recent_contacts(store::Store& store,
                                                                     std::string_view la_code,
                                                                     Date today, int days);

}  // namespace hearth::workflow
