// The access module: who may see what, and the trace every look leaves.
//
// Start here:
//   policy.hpp        decide(principal, permission, child): the one policy, default deny.
//   roles.hpp         Role and Principal (the signed-in person a request acts for).
//   sessions.hpp      Sessions: sign in (argon2id, throttled), authenticate a token, sign out.
//   child_access.hpp  ChildRecords: open a child's record as the policy allows, audited.
//   audit_log.hpp     AuditLog: every read and change, written before the answer (group commit).
//   audit_verify.hpp  verify_audit_chain: the hash chain checked, the first broken entry named.
//   accounts.hpp      Accounts: add, disable, reset, list; restricted lists.
//   passwords.hpp     PasswordHasher (argon2id) and the password policy.
//   services.hpp      AccessServices: all of the above over one store, wired together.
//
// Persistence is the store's (store/access_store.hpp); the rules are here.
#pragma once

#include "hearth/access/accounts.hpp"
#include "hearth/access/audit_log.hpp"
#include "hearth/access/audit_verify.hpp"
#include "hearth/access/child_access.hpp"
#include "hearth/access/passwords.hpp"
#include "hearth/access/policy.hpp"
#include "hearth/access/roles.hpp"
#include "hearth/access/services.hpp"
#include "hearth/access/sessions.hpp"
