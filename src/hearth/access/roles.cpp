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

// Every role, in the table's order.
constexpr auto kAll = [] {
  std::array<Role, kRoles.size()> all{};
  for (size_t i = 0; i < kRoles.size(); ++i) all[i] = kRoles[i].role;
  return all;
}();

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

std::string role_label(std::string_view name) {
  const auto role = role_from_name(name);
  return role ? std::string(role_label(*role)) : std::string(name);
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
