// Managing accounts: adding, disabling and enabling them, resetting passwords, listing, and the
// named lists of restricted records. One service for the administrator's page and for
// `hearth user ...`; every change is a revision of the account (who, when, why) and an audit
// entry, and disabling an account or resetting its password ends its sessions everywhere.
//
// Only a principal with accounts.manage (an administrator; the command line acts as one, since
// whoever runs it can open the database anyway) may call these: anyone else gets kForbidden.
// An administrator of an authority manages that authority's accounts only (kForbidden, or for
// list() the others left out); one with no authority (the command line) manages any. A
// practitioner record is linked to one enabled account at most (kConflict). Each change is
// audited before it is made, so that no change is without its trace.
#pragma once

#include <string>
#include <vector>

#include "hearth/access/audit_log.hpp"
#include "hearth/access/passwords.hpp"
#include "hearth/access/roles.hpp"
#include "hearth/core/env.hpp"
#include "hearth/store/store.hpp"

namespace hearth::access {

struct NewAccount {
  std::string username;
  std::string display_name;
  std::string role;  // a role name
  std::string la_code;
  std::string team_id;
  std::string agency_id;
  std::string practitioner_id;
  std::string password;  // empty: generate one
};

struct AccountWithPassword {
  store::Account account;
  std::string password;  // as set: shown once, never stored
};

// The principal the command line acts as: an administrator named after the operating-system
// user ("cli:root").
Principal command_line_principal();

class Accounts {
 public:
  Accounts(store::Store& store, const core::Clock& clock, const PasswordHasher& hasher,
           AuditLog& audit);

  // Errors: kInvalid naming the field (username, display_name, role, la_code, team_id,
  // agency_id, practitioner_id, password, reason); kConflict when the username is taken or the
  // practitioner already has an enabled account.
  core::Result<AccountWithPassword> add(const Principal& by, const NewAccount& account,
                                        std::string_view reason);
  // kNotFound for an unknown username; kConflict enabling an account whose practitioner has
  // another enabled account.
  core::Status set_disabled(const Principal& by, std::string_view username, bool disabled,
                            std::string_view reason);
  // `password` empty: generate one. Returns the password set.
  core::Result<std::string> reset_password(const Principal& by, std::string_view username,
                                           std::string_view password, std::string_view reason);
  core::Result<std::vector<store::StoredAccount>> list(const Principal& by);
  core::Result<store::StoredAccount> find(const Principal& by, std::string_view username);
  core::Result<std::vector<store::StoredAccount>> history(const Principal& by,
                                                          std::string_view username);
  // Puts an account on (or takes it off) a restricted child's named list.
  core::Status set_restricted_member(const Principal& by, std::string_view la_code,
                                     std::string_view child_id, std::string_view username,
                                     bool member, std::string_view reason);

 private:
  core::Status check_allowed(const Principal& by);
  core::Status check_scope(const Principal& by, const store::Account& account);
  core::Result<store::StoredAccount> find_in_scope(const Principal& by, std::string_view username);
  core::Status check_new_account(const NewAccount& account);
  core::Status check_practitioner_free(const store::Account& account);
  store::Change change_by(const Principal& by, std::string_view reason) const;

  store::Store& store_;
  const core::Clock& clock_;
  const PasswordHasher& hasher_;
  AuditLog& audit_;
};

}  // namespace hearth::access
