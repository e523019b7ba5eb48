#include "hearth/access/roles.hpp"

#include <array>

namespace hearth::access {
namespace {

struct RoleName {
  Role role;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<RoleName, 8> kRoles = {{
    {Role::kSocialWorker, "social_worker", "Social worker"},
    {Role::kTeamManager, "team_manager", "Team manager"},
    {Role::kReviewingOfficer, "independent_reviewing_officer", "Independent reviewing officer"},
    {Role::kFrontDoor, "front_door", "Front door (MASH) practitioner"},
    {Role::kPartner, "partner", "Partner-agency practitioner"},
    {Role::kAnalyst, "analyst", "Performance analyst"},
    {Role::kAdministrator, "administrator", "Administrator"},
    {Role::kAuditor, "auditor", "Auditor"},
}};

constexpr std::array<Role, 8> kAll = {
    Role::kSocialWorker, Role::kTeamManager, Role::kReviewingOfficer, Role::kFrontDoor,
    Role::kPartner,      Role::kAnalyst,     Role::kAdministrator,    Role::kAuditor};

}  // namespace

std::span<const Role> all_roles() {
  return kAll;
}

std::string_view role_name(Role role) {
  for (const auto& entry : kRoles) {
    if (entry.role == role) return entry.name;
  }
  return "unknown";
}

std::string_view role_label(Role role) {
  for (const auto& entry : kRoles) {
    if (entry.role == role) return entry.label;
  }
  return "Unknown";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (const auto& entry : kRoles) {
    if (entry.name == name) return entry.role;
  }
  return std::nullopt;
}

bool is_social_care_staff(Role role) {
  return role == Role::kSocialWorker || role == Role::kTeamManager ||
         role == Role::kReviewingOfficer || role == Role::kFrontDoor;
}

Principal Principal::anonymous(std::string address) {
  Principal principal;
  principal.address = std::move(address);
  return principal;
}

}  // namespace hearth::access
