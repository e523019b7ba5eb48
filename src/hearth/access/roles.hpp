// Who a user is to Hearth: their role, and the signed-in principal every decision is made for.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hearth::access {

// The roles of children's social care and its partners. The names are stored with each account:
// never rename one.
enum class Role {
  kSocialWorker,      // "social_worker": holds cases
  kTeamManager,       // "team_manager": manages a team's workers and their cases
  kReviewingOfficer,  // "independent_reviewing_officer": chairs reviews of children in care and
                      // of protection plans
  kFrontDoor,         // "front_door": multi-agency safeguarding hub (MASH) practitioner
  kPartner,           // "partner": a police, health or education practitioner, tied to an agency
  kAnalyst,           // "analyst": performance analyst; de-identified figures only
  kAdministrator,     // "administrator": manages accounts
  kAuditor,           // "auditor": information governance; reads the audit log
};

std::span<const Role> all_roles();
std::string_view role_name(Role role);   // "social_worker"
std::string_view role_label(Role role);  // "Social worker"
// The label of a role name as an account stores it; the name itself for one this program does
// not know.
std::string role_label(std::string_view name);
std::optional<Role> role_from_name(std::string_view name);

// Social-care staff: the roles that work with children's records.
bool is_social_care_staff(Role role);

// The person a request or a command acts for. Anonymous until signed in.
struct Principal {
  bool signed_in = false;
  std::string account_id;
  std::string username;
  std::string display_name;
  Role role = Role::kSocialWorker;  // meaningful only when signed_in
  std::string la_code;              // the authority the account works for
  std::string team_id;
  std::string agency_id;
  std::string practitioner_id;
  // The session it came from (web only): for signing out and the forms' anti-forgery token.
  std::string session_token_hash;
  std::string csrf_token;
  std::string address;  // where the request came from

  static Principal anonymous(std::string address = {});
};

}  // namespace hearth::access
