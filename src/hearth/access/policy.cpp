#include "hearth/access/policy.hpp"

#include <array>

namespace hearth::access {
namespace {

struct PermissionName {
  Permission permission;
  std::string_view name;
};

constexpr std::array<PermissionName, 12> kPermissions = {{
    {Permission::kPublic, "public"},
    {Permission::kSignedIn, "signed_in"},
    {Permission::kMyWork, "work.mine"},
    {Permission::kChildrenSearch, "children.search"},
    {Permission::kChildSummary, "child.summary"},
    {Permission::kChildRecord, "child.record"},
    {Permission::kBreakGlass, "child.break_glass"},
    {Permission::kAgencyRecords, "agency.records"},
    {Permission::kStatistics, "statistics.read"},
    {Permission::kReturns, "returns.read"},
    {Permission::kAccountsManage, "accounts.manage"},
    {Permission::kAuditRead, "audit.read"},
}};

// Every permission, in the table's order.
constexpr auto kAll = [] {
  std::array<Permission, kPermissions.size()> all{};
  for (size_t i = 0; i < kPermissions.size(); ++i) all[i] = kPermissions[i].permission;
  return all;
}();

// May this role ever have this permission? (The child's facts may still refuse it.)
bool role_may(const Principal& principal, Permission permission) {
  const Role role = principal.role;
  switch (permission) {
    case Permission::kPublic:
    case Permission::kSignedIn:
      return true;
    case Permission::kMyWork:
    case Permission::kChildrenSearch:
    case Permission::kChildSummary:
    case Permission::kChildRecord:
    case Permission::kBreakGlass:
      return is_social_care_staff(role) && !principal.la_code.empty();
    case Permission::kAgencyRecords:
      return role == Role::kPartner && !principal.agency_id.empty();
    case Permission::kStatistics:
      return role == Role::kAnalyst || role == Role::kTeamManager;
    case Permission::kReturns:  // one authority's returns, made from its records
      return (role == Role::kAnalyst || role == Role::kTeamManager) && !principal.la_code.empty();
    case Permission::kAccountsManage:
      return role == Role::kAdministrator;
    case Permission::kAuditRead:
      return role == Role::kAuditor;
  }
  return false;
}

// The relationship that opens the whole record, if there is one.
Basis relationship(const Principal& principal, const ChildFacts& child) {
  if (!principal.practitioner_id.empty() &&
      child.allocated_worker_id == principal.practitioner_id) {
    return Basis::kAllocatedWorker;
  }
  if (principal.role == Role::kTeamManager && !principal.team_id.empty() &&
      child.team_id == principal.team_id) {
    return Basis::kTeamManager;
  }
  if (child.break_glass_active) return Basis::kBreakGlass;
  return Basis::kNone;
}

}  // namespace

std::span<const Permission> all_permissions() {
  return kAll;
}

std::string_view permission_name(Permission permission) {
  for (const auto& entry : kPermissions) {
    if (entry.permission == permission) return entry.name;
  }
  return "unknown";
}

std::optional<Permission> permission_from_name(std::string_view name) {
  for (const auto& entry : kPermissions) {
    if (entry.name == name) return entry.permission;
  }
  return std::nullopt;
}

bool is_about_a_child(Permission permission) {
  return permission == Permission::kChildSummary || permission == Permission::kChildRecord ||
         permission == Permission::kBreakGlass;
}

std::string_view basis_name(Basis basis) {
  switch (basis) {
    case Basis::kNone:
      return "none";
    case Basis::kPublic:
      return "public";
    case Basis::kRole:
      return "role";
    case Basis::kAllocatedWorker:
      return "allocated_worker";
    case Basis::kTeamManager:
      return "team_manager";
    case Basis::kBreakGlass:
      return "break_glass";
  }
  return "none";
}

std::string_view denial_name(Denial denial) {
  switch (denial) {
    case Denial::kNone:
      return "none";
    case Denial::kNotSignedIn:
      return "not_signed_in";
    case Denial::kRole:
      return "role";
    case Denial::kOtherAuthority:
      return "other_authority";
    case Denial::kHidden:
      return "hidden";
    case Denial::kNeedsReason:
      return "needs_reason";
  }
  return "none";
}

Decision decide_by_role(const Principal& principal, Permission permission) {
  if (permission == Permission::kPublic) return Decision::allow(Basis::kPublic);
  if (!principal.signed_in) return Decision::deny(Denial::kNotSignedIn);
  if (!role_may(principal, permission)) return Decision::deny(Denial::kRole);
  return Decision::allow(Basis::kRole);
}

Decision decide(const Principal& principal, Permission permission, const ChildFacts* child) {
  const Decision by_role = decide_by_role(principal, permission);
  if (!by_role.allowed || !is_about_a_child(permission)) return by_role;
  if (child == nullptr) return Decision::deny(Denial::kRole);  // no facts, no child permission

  if (child->la_code != principal.la_code) return Decision::deny(Denial::kOtherAuthority);
  if (child->restricted && !child->on_restricted_list) return Decision::deny(Denial::kHidden);
  switch (permission) {
    case Permission::kChildSummary:
    case Permission::kBreakGlass:
      return Decision::allow(Basis::kRole);
    case Permission::kChildRecord: {
      const Basis basis = relationship(principal, *child);
      if (basis == Basis::kNone) return Decision::deny(Denial::kNeedsReason);
      return Decision::allow(basis);
    }
    default:
      return Decision::deny(Denial::kRole);
  }
}

}  // namespace hearth::access
