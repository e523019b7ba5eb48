#include "hearth/access/accounts.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include "hearth/access/policy.hpp"
#include "hearth/core/digest.hpp"
#include "hearth/core/text.hpp"
#include "hearth/domain/values.hpp"

namespace hearth::access {
namespace {

using core::Error;

constexpr size_t kMaxDisplayName = 100;
constexpr size_t kMaxReason = 500;

bool valid_username(std::string_view name) {
  if (name.size() < 3 || name.size() > 64) return false;
  const auto ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  return std::all_of(name.begin(), name.end(), ok) && name.front() != '.' && name.front() != '-';
}

bool has_control_characters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

core::Status check_reason(std::string_view reason) {
  if (reason.empty()) return Error::invalid("reason", "Say why the change is being made");
  if (reason.size() > kMaxReason) {
    return Error::invalid("reason",
                          fmt::format("Reason must be {} characters or fewer", kMaxReason));
  }
  if (has_control_characters(reason)) {
    return Error::invalid("reason", "Reason must be plain text on one line");
  }
  return {};
}

}  // namespace

Principal command_line_principal() {
  Principal p;
  p.signed_in = true;
  // The operating-system account that runs the command: from the password database, since
  // USER is the caller's to set.
  const passwd* entry = ::getpwuid(::getuid());
  const std::string name = entry && entry->pw_name ? entry->pw_name : std::to_string(::getuid());
  p.account_id = "cli:" + name;
  p.username = "cli:" + name;
  p.display_name = "Command line (" + name + ")";
  p.role = Role::kAdministrator;
  p.address = "local";
  return p;
}

Accounts::Accounts(store::Store& store, const core::Clock& clock, const PasswordHasher& hasher,
                   AuditLog& audit)
    : store_(store), clock_(clock), hasher_(hasher), audit_(audit) {}

core::Status Accounts::check_allowed(const Principal& by) {
  if (decide(by, Permission::kAccountsManage).allowed) return {};
  return Error::forbidden("Only an administrator may manage accounts");
}

store::Change Accounts::change_by(const Principal& by, std::string_view reason) const {
  return store::Change{by.username, std::string(reason), clock_.now()};
}

core::Status Accounts::check_new_account(const NewAccount& a) {
  if (!valid_username(a.username)) {
    return Error::invalid("username",
                          "Username must be 3 to 64 lower-case letters, digits, dots, dashes or "
                          "underscores, starting with a letter or digit");
  }
  if (a.display_name.empty() || a.display_name.size() > kMaxDisplayName ||
      has_control_characters(a.display_name)) {
    return Error::invalid("display_name", fmt::format("Enter the person's name, {} characters "
                                                      "or fewer",
                                                      kMaxDisplayName));
  }
  const auto role = role_from_name(a.role);
  if (!role) {
    std::string names;
    for (Role r : all_roles()) names += (names.empty() ? "" : ", ") + std::string(role_name(r));
    return Error::invalid("role", fmt::format("'{}' is not a role (roles: {})", a.role, names));
  }
  const bool national = *role == Role::kAnalyst;
  if (a.la_code.empty() && !national) {
    return Error::invalid("la_code", "Enter the local authority code the account works for");
  }
  if (!a.la_code.empty() && !domain::is_la_code(a.la_code)) {
    return Error::invalid("la_code", "The local authority code is three digits, like 202");
  }
  // The team, agency or practitioner named must be a record of the authority.
  auto require = [&](domain::RecordKind kind, const std::string& id, const char* field,
                     const char* what) -> core::Status {
    auto found = store_.get({kind, a.la_code, id});
    if (found) return {};
    if (found.error().code != core::ErrorCode::kNotFound) return found.error();
    return Error::invalid(field,
                          fmt::format("There is no {} {} in authority {}", what, id, a.la_code));
  };
  if (*role == Role::kTeamManager && a.team_id.empty()) {
    return Error::invalid("team_id", "A team manager needs the team they manage");
  }
  if (!a.team_id.empty()) {
    HEARTH_RETURN_IF_ERROR(require(domain::RecordKind::kTeam, a.team_id, "team_id", "team"));
  }
  if (*role == Role::kPartner) {
    if (a.agency_id.empty()) {
      return Error::invalid("agency_id", "A partner-agency practitioner needs their agency");
    }
    HEARTH_RETURN_IF_ERROR(
        require(domain::RecordKind::kAgency, a.agency_id, "agency_id", "agency"));
  } else if (!a.agency_id.empty()) {
    return Error::invalid("agency_id", "Only partner-agency practitioners belong to an agency");
  }
  if (!a.practitioner_id.empty()) {
    if (!is_social_care_staff(*role)) {
      return Error::invalid("practitioner_id",
                            "Only social-care staff are linked to a practitioner record");
    }
    HEARTH_RETURN_IF_ERROR(require(domain::RecordKind::kPractitioner, a.practitioner_id,
                                   "practitioner_id", "practitioner"));
  }
  if (!a.password.empty()) HEARTH_RETURN_IF_ERROR(check_password_policy(a.password, a.username));
  return {};
}

core::Status Accounts::check_scope(const Principal& by, const store::Account& account) {
  // An administrator of an authority manages that authority's accounts; one with no authority
  // (the command line, a national administrator) manages any.
  if (by.la_code.empty() || by.la_code == account.la_code) return {};
  return Error::forbidden(
      fmt::format("{} is an account of authority {}, not of yours ({})", account.username,
                  account.la_code.empty() ? "none" : account.la_code, by.la_code));
}

// Allocation follows the practitioner record: two enabled accounts on one would let the second
// read every child allocated to the first.
core::Status Accounts::check_practitioner_free(const store::Account& account) {
  if (account.practitioner_id.empty()) return {};
  auto accounts = store_.access().list_accounts();
  if (!accounts) return accounts.error();
  for (const auto& other : *accounts) {
    if (other.account.id != account.id && !other.account.disabled &&
        other.account.la_code == account.la_code &&
        other.account.practitioner_id == account.practitioner_id) {
      return Error::conflict(fmt::format("practitioner {} already has an enabled account ({}): "
                                         "disable it first",
                                         account.practitioner_id, other.account.username))
          .in_field("practitioner_id");
    }
  }
  return {};
}

core::Result<store::StoredAccount> Accounts::find_in_scope(const Principal& by,
                                                           std::string_view username) {
  HEARTH_RETURN_IF_ERROR(check_allowed(by));
  auto found = store_.access().find_account(username);
  if (!found) return found.error();
  HEARTH_RETURN_IF_ERROR(check_scope(by, found->account));
  return found;
}

core::Result<AccountWithPassword> Accounts::add(const Principal& by, const NewAccount& in,
                                                std::string_view reason) {
  HEARTH_RETURN_IF_ERROR(check_allowed(by));
  NewAccount a = in;
  a.username = core::ascii_lower(a.username);
  HEARTH_RETURN_IF_ERROR(check_reason(reason));
  HEARTH_RETURN_IF_ERROR(check_new_account(a));
  store::Account account;
  account.id = "U" + core::random_hex(5);
  account.username = a.username;
  account.display_name = a.display_name;
  account.role = a.role;
  account.la_code = a.la_code;
  account.team_id = a.team_id;
  account.agency_id = a.agency_id;
  account.practitioner_id = a.practitioner_id;
  HEARTH_RETURN_IF_ERROR(check_scope(by, account));
  HEARTH_RETURN_IF_ERROR(check_practitioner_free(account));
  const std::string password =
      a.password.empty() ? generate_password(account.username) : a.password;
  auto hash = hasher_.hash(password);
  if (!hash) return hash.error();
  // Audited first: a change that follows a failed audit would have no trace.
  HEARTH_RETURN_IF_ERROR(audit_.record(
      by, {"account.add", "allowed", account.la_code, "",
           "account " + account.username + " (" + a.role + ")", std::string(reason)}));
  auto put = store_.access().put_account(account, change_by(by, reason), 0);
  if (!put) return put.error();
  HEARTH_RETURN_IF_ERROR(store_.access().set_password_hash(account.id, *hash, clock_.now()));
  return AccountWithPassword{account, password};
}

core::Status Accounts::set_disabled(const Principal& by, std::string_view username, bool disabled,
                                    std::string_view reason) {
  HEARTH_RETURN_IF_ERROR(check_reason(reason));
  auto found = find_in_scope(by, username);
  if (!found) return found.error();
  store::Account account = found->account;
  if (account.disabled == disabled) return {};
  account.disabled = disabled;
  if (!disabled) HEARTH_RETURN_IF_ERROR(check_practitioner_free(account));
  HEARTH_RETURN_IF_ERROR(
      audit_.record(by, {disabled ? "account.disable" : "account.enable", "allowed",
                         account.la_code, "", "account " + account.username, std::string(reason)}));
  HEARTH_RETURN_IF_ERROR(
      store_.access().put_account(account, change_by(by, reason), found->revision));
  if (disabled) {
    auto ended = store_.access().revoke_sessions(account.id, clock_.now());
    if (!ended) return ended.error();
  } else {
    // Back from being disabled: earlier failures no longer lock the username.
    HEARTH_RETURN_IF_ERROR(
        store_.access().clear_sign_in_failures(store::ThrottleScope::kAccount, account.username));
  }
  return {};
}

core::Result<std::string> Accounts::reset_password(const Principal& by, std::string_view username,
                                                   std::string_view password_in,
                                                   std::string_view reason) {
  HEARTH_RETURN_IF_ERROR(check_reason(reason));
  auto found = find_in_scope(by, username);
  if (!found) return found.error();
  const std::string password =
      password_in.empty() ? generate_password(found->account.username) : std::string(password_in);
  HEARTH_RETURN_IF_ERROR(check_password_policy(password, found->account.username));
  auto hash = hasher_.hash(password);
  if (!hash) return hash.error();
  HEARTH_RETURN_IF_ERROR(
      audit_.record(by, {"account.reset_password", "allowed", found->account.la_code, "",
                         "account " + found->account.username, std::string(reason)}));
  // The reset is a revision of the account (who, when, why); the hash itself is not kept in it.
  HEARTH_RETURN_IF_ERROR(store_.access().put_account(
      found->account, change_by(by, fmt::format("password reset: {}", reason)), found->revision));
  HEARTH_RETURN_IF_ERROR(store_.access().set_password_hash(found->account.id, *hash, clock_.now()));
  auto ended = store_.access().revoke_sessions(found->account.id, clock_.now());
  if (!ended) return ended.error();
  // The lock's message sends people to their administrator: the reset lifts it.
  HEARTH_RETURN_IF_ERROR(store_.access().clear_sign_in_failures(store::ThrottleScope::kAccount,
                                                                found->account.username));
  return password;
}

core::Result<std::vector<store::StoredAccount>> Accounts::list(const Principal& by) {
  HEARTH_RETURN_IF_ERROR(check_allowed(by));
  auto accounts = store_.access().list_accounts();
  if (!accounts) return accounts.error();
  if (!by.la_code.empty()) {
    std::erase_if(*accounts, [&](const auto& a) { return a.account.la_code != by.la_code; });
  }
  return accounts;
}

core::Result<store::StoredAccount> Accounts::find(const Principal& by, std::string_view username) {
  return find_in_scope(by, username);
}

core::Result<std::vector<store::StoredAccount>> Accounts::history(const Principal& by,
                                                                  std::string_view username) {
  auto found = find_in_scope(by, username);
  if (!found) return found.error();
  return store_.access().account_history(found->account.id);
}

core::Status Accounts::set_restricted_member(const Principal& by, std::string_view la_code,
                                             std::string_view child_id, std::string_view username,
                                             bool member, std::string_view reason) {
  HEARTH_RETURN_IF_ERROR(check_reason(reason));
  auto found = find_in_scope(by, username);
  if (!found) return found.error();
  if (found->account.la_code != la_code) {
    return Error::invalid("la_code", fmt::format("{} works for authority {}, not {}", username,
                                                 found->account.la_code, la_code));
  }
  auto child =
      store_.get({domain::RecordKind::kChild, std::string(la_code), std::string(child_id)});
  if (!child) return child.error();
  HEARTH_RETURN_IF_ERROR(audit_.record(
      by, {member ? "restricted.add" : "restricted.remove", "allowed", std::string(la_code),
           std::string(child_id), "account " + found->account.username, std::string(reason)}));
  return store_.access().set_restricted_member(la_code, child_id, found->account.id, member,
                                               change_by(by, reason));
}

}  // namespace hearth::access
