// The access services over one store, built together: what `hearth serve`, the command line and
// the tests wire up. Members are declared in the order they depend on each other.
#pragma once

#include "hearth/access/accounts.hpp"
#include "hearth/access/audit_log.hpp"
#include "hearth/access/child_access.hpp"
#include "hearth/access/passwords.hpp"
#include "hearth/access/sessions.hpp"

namespace hearth::access {

struct AccessServices {
  AccessServices(store::Store& store, const core::Clock& clock,
                 PasswordCost cost = PasswordCost::standard(), SessionPolicy policy = {})
      : hasher(cost),
        audit(store.access(), clock),
        sessions(store, clock, hasher, audit, policy),
        records(store, clock, audit),
        accounts(store, clock, hasher, audit) {}

  PasswordHasher hasher;
  AuditLog audit;
  Sessions sessions;
  ChildRecords records;
  Accounts accounts;
};

}  // namespace hearth::access
