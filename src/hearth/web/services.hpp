// What handlers need from the world, passed to every handler by reference: the store, the clock,
// the site (templates, words and static files) and the access services (sessions, opening
// children's records, accounts, the audit log). The executable builds these once and they
// outlive the server. Tests pass a FakeStore (tests/fakes/fake_store.hpp) and a FixedClock.
#pragma once

#include <string>
#include <vector>

#include "hearth/access/access.hpp"
#include "hearth/core/env.hpp"
#include "hearth/store/store.hpp"
#include "hearth/web/site.hpp"

namespace hearth::web {

struct SecurityOptions {
  // Hearth is reached through HTTPS (a TLS-terminating proxy in front of it): cookies are marked
  // Secure (and named with the __Host- prefix) and responses carry Strict-Transport-Security.
  bool behind_tls = false;
  // The proxies whose X-Forwarded-For header is believed: the client's address (for throttling
  // sign-in and for the audit log) is then the one they report, not theirs.
  std::vector<std::string> trusted_proxies;
};

struct Services {
  store::Store& store;
  const core::Clock& clock;
  const Site& site;
  access::Sessions& sessions;
  access::ChildRecords& records;
  access::Accounts& accounts;
  access::AuditLog& audit;
  SecurityOptions security{};
};

}  // namespace hearth::web
