// The one policy that decides every access: `decide(principal, permission, child)`. Default deny.
//
// Permissions are named; each route of the web site and each service names the one it needs
// (web/routes.cpp). A permission is first decided by role. For the permissions about one child
// (child.summary, child.record, child.break_glass) the child's facts decide the rest:
//
//   - staff of another authority see nothing of the child;
//   - a restricted child (adopted, a staff member's relative, a high-profile case) is hidden,
//     as if it did not exist, from everyone not on its named list;
//   - the whole record: the allocated worker, and the manager of the team the child is
//     allocated to; anyone else of social care (reviewing officers and the front door included)
//     sees the child's summary, and opens the whole record only with a reason given in the last
//     hours (break-glass);
//   - partner agencies see only what their agency submitted (agency.records), analysts only
//     de-identified figures (statistics.read) and the statutory returns' validation reports
//     (returns.read), which name a child by the LA child id alone, as the DfE's returns do:
//     neither ever sees a child's record.
//
// Pure: no store, no clock. The caller gathers the facts (child_access.hpp does).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "hearth/access/roles.hpp"

namespace hearth::access {

enum class Permission {
  kPublic,          // "public": anyone, signed in or not (sign-in page, assets, health check)
  kSignedIn,        // "signed_in": anyone signed in (home, own account, signing out)
  kMyWork,          // "work.mine": my allocated children, my team's
  kChildrenSearch,  // "children.search": the list and search of the authority's children
  kChildSummary,    // "child.summary": a child's summary (identity, status, who holds the case)
  kChildRecord,     // "child.record": the whole record, case notes included
  kBreakGlass,      // "child.break_glass": give a reason to open a record
  kAgencyRecords,   // "agency.records": a partner agency's own submissions and their outcomes
  kStatistics,      // "statistics.read": de-identified figures
  kReturns,         // "returns.read": the statutory returns' validation reports
  kAccountsManage,  // "accounts.manage": add, disable, reset accounts; restricted lists
  kAuditRead,       // "audit.read": the audit log
};

std::span<const Permission> all_permissions();
std::string_view permission_name(Permission permission);
std::optional<Permission> permission_from_name(std::string_view name);
// True for the permissions decided about one child (child facts needed).
bool is_about_a_child(Permission permission);

// What the policy needs to know of one child, from the principal's point of view.
struct ChildFacts {
  std::string la_code;
  std::string child_id;
  std::string allocated_worker_id;
  std::string team_id;
  bool restricted = false;
  bool on_restricted_list = false;  // the principal is on the child's named list
  bool break_glass_active = false;  // the principal gave a reason that has not expired
};

// Why access was given.
enum class Basis {
  kNone,
  kPublic,
  kRole,
  kAllocatedWorker,
  kTeamManager,
  kBreakGlass,
};

// Why it was refused.
enum class Denial {
  kNone,
  kNotSignedIn,     // sign in first
  kRole,            // this role never may
  kOtherAuthority,  // the child belongs to another authority
  kHidden,          // restricted, and not on its list: answer as if it did not exist
  kNeedsReason,     // social care without a relationship: summary, and break-glass to see more
};

struct Decision {
  bool allowed = false;
  Basis basis = Basis::kNone;
  Denial denial = Denial::kNone;

  static Decision allow(Basis basis) { return {true, basis, Denial::kNone}; }
  static Decision deny(Denial denial) { return {false, Basis::kNone, denial}; }
};

std::string_view basis_name(Basis basis);     // "allocated_worker"
std::string_view denial_name(Denial denial);  // "needs_reason"

// The permissions is_about_a_child names need the child's facts: without them they are
// refused (kRole), so that a caller who forgets the child is never let in.
Decision decide(const Principal& principal, Permission permission,
                const ChildFacts* child = nullptr);

// May this principal ever have this permission, whatever the child? What a route checks before
// its handler runs; the handler's service then decides about the child with decide().
Decision decide_by_role(const Principal& principal, Permission permission);

}  // namespace hearth::access
