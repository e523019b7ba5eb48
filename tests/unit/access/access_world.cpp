#include "access_world.hpp"

#include <cstdio>
#include <cstdlib>

namespace hearth::access::test {

core::Timestamp test_now() {
  return core::Timestamp::from_date(core::Date::from_ymd(2025, 6, 1).value(), 12);
}

AccessWorld::AccessWorld() {
  std::vector<store::Record> organisation;
  organisation.push_back(domain::Team{"T1", "999", "Assessment team 1", "assessment"});
  organisation.push_back(domain::Team{"T2", "999", "Children in care team", "looked_after"});
  for (const char* id : {"W1", "W2", "W3"}) {
    domain::Practitioner p;
    p.id = id;
    p.la_code = "999";
    p.name = {std::string("Worker ") + id, "", "Test", "", ""};
    p.team_id = std::string(id) == "W3" ? "T2" : "T1";
    p.role = "social_worker";
    organisation.push_back(p);
  }
  organisation.push_back(domain::Agency{"AG1", "999", "Synthshire Police", "police"});
  store.seed(organisation);
}

Principal AccessWorld::add(const std::string& username, Role role,
                           const std::string& practitioner_id, const std::string& team_id) {
  NewAccount account;
  account.username = username;
  account.display_name = "Test " + username;
  account.role = std::string(role_name(role));
  account.la_code = "999";
  account.practitioner_id = practitioner_id;
  account.team_id = team_id;
  if (role == Role::kTeamManager && team_id.empty()) account.team_id = "T1";
  if (role == Role::kPartner) account.agency_id = "AG1";
  account.password = std::string(kPassword);
  auto added = accounts.add(admin, account, "test account");
  if (!added) {
    std::fprintf(stderr, "AccessWorld::add: %s\n", added.error().describe().c_str());
    std::abort();
  }
  Principal p;
  p.signed_in = true;
  p.account_id = added->account.id;
  p.username = added->account.username;
  p.display_name = added->account.display_name;
  p.role = role;
  p.la_code = added->account.la_code;
  p.team_id = added->account.team_id;
  p.agency_id = added->account.agency_id;
  p.practitioner_id = added->account.practitioner_id;
  p.address = "127.0.0.1";
  return p;
}

std::vector<store::AuditEntry> AccessWorld::audit() {
  auto range = store.access().audit_range(0, 100000);
  if (!range) {
    std::fprintf(stderr, "AccessWorld::audit: %s\n", range.error().describe().c_str());
    std::abort();
  }
  return *range;
}

}  // namespace hearth::access::test
