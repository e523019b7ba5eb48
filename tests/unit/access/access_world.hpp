// What the access module's tests share: a fake store seeded with an authority's organisation
// (two teams, workers, an agency), a fixed clock, a hasher at the least argon2id cost, the audit
// log and the services over them.
#pragma once

#include <string>

#include "hearth/access/access.hpp"
#include "hearth/core/env.hpp"

#include "fakes/fake_store.hpp"

namespace hearth::access::test {

// 1 June 2025, noon UTC.
core::Timestamp test_now();

struct AccessWorld {
  AccessWorld();

  // Adds an account through the Accounts service and returns its principal (signed in, no
  // session). The password is "correct horse battery staple".
  Principal add(const std::string& username, Role role, const std::string& practitioner_id = "",
                const std::string& team_id = "");
  // Every audit entry, oldest first.
  std::vector<store::AuditEntry> audit();

  fakes::FakeStore store;
  core::FixedClock clock{test_now()};
  PasswordHasher hasher{PasswordCost::minimal()};
  AuditLog audit_log{store.access(), clock};
  Sessions sessions{store, clock, hasher, audit_log};
  Accounts accounts{store, clock, hasher, audit_log};
  ChildRecords records{store, clock, audit_log};
  Principal admin = command_line_principal();
};

inline constexpr std::string_view kPassword = "correct horse battery staple";

}  // namespace hearth::access::test
