// Managing accounts: validated, revisioned, audited, and only by an administrator.
#include "hearth/access/accounts.hpp"

#include <gtest/gtest.h>

#include "access_world.hpp"

namespace hearth::access {
namespace {

using test::AccessWorld;

NewAccount worker(std::string username) {
  NewAccount a;
  a.username = std::move(username);
  a.display_name = "Amy Khan";
  a.role = "social_worker";
  a.la_code = "999";
  a.team_id = "T1";
  a.practitioner_id = "W1";
  return a;
}

TEST(Accounts, AddsAnAccountWithAGeneratedPasswordThatSignsIn) {
  AccessWorld world;
  auto added = world.accounts.add(world.admin, worker("Amy.Khan"), "new starter");
  ASSERT_TRUE(added) << added.error().describe();
  EXPECT_EQ(added->account.username, "amy.khan");
  EXPECT_EQ(added->password.size(), 19u);
  auto session = world.sessions.sign_in({"amy.khan", added->password, "10.0.0.1", ""});
  ASSERT_TRUE(session) << session.error().describe();
  auto history = world.accounts.history(world.admin, "amy.khan");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].reason, "new starter");
  EXPECT_EQ((*history)[0].recorded_by, world.admin.username);
  const auto audited = world.audit();
  ASSERT_GE(audited.size(), 2u);
  EXPECT_EQ(audited[audited.size() - 2].event.action, "account.add");
  EXPECT_EQ(audited[audited.size() - 2].event.reason, "new starter");
  EXPECT_EQ(audited.back().event.action, "sign_in");
}

TEST(Accounts, RefusesEachBadFieldByName) {
  AccessWorld world;
  auto field_of = [&](NewAccount a) {
    auto added = world.accounts.add(world.admin, a, "test");
    return added ? std::string("(added)") : added.error().field;
  };
  NewAccount a = worker("x");
  EXPECT_EQ(field_of(a), "username");
  a = worker("amy khan");
  EXPECT_EQ(field_of(a), "username");
  a = worker("amy");
  a.display_name = "";
  EXPECT_EQ(field_of(a), "display_name");
  a = worker("amy");
  a.display_name = std::string(101, 'n');
  EXPECT_EQ(field_of(a), "display_name");
  a = worker("amy");
  a.role = "superuser";
  EXPECT_EQ(field_of(a), "role");
  a = worker("amy");
  a.la_code = "";
  EXPECT_EQ(field_of(a), "la_code");
  a = worker("amy");
  a.la_code = "99X";
  EXPECT_EQ(field_of(a), "la_code");
  a = worker("amy");
  a.team_id = "T404";
  EXPECT_EQ(field_of(a), "team_id");
  a = worker("amy");
  a.practitioner_id = "W404";
  EXPECT_EQ(field_of(a), "practitioner_id");
  a = worker("amy");
  a.role = "partner";
  a.practitioner_id = "";
  EXPECT_EQ(field_of(a), "agency_id");
  a.agency_id = "AG404";
  EXPECT_EQ(field_of(a), "agency_id");
  a = worker("amy");
  a.role = "team_manager";
  a.team_id = "";
  EXPECT_EQ(field_of(a), "team_id");
  a = worker("amy");
  a.password = "password1234";
  EXPECT_EQ(field_of(a), "password");
  auto no_reason = world.accounts.add(world.admin, worker("amy"), "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  auto list = world.accounts.list(world.admin);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->empty());  // nothing half-added
}

TEST(Accounts, ANationalAnalystNeedsNoAuthority) {
  AccessWorld world;
  NewAccount a = worker("analyst.one");
  a.role = "analyst";
  a.la_code = "";
  a.team_id = "";
  a.practitioner_id = "";
  EXPECT_TRUE(world.accounts.add(world.admin, a, "national analysis"));
}

TEST(Accounts, RefusesATakenUsername) {
  AccessWorld world;
  ASSERT_TRUE(world.accounts.add(world.admin, worker("amy"), "first"));
  auto again = world.accounts.add(world.admin, worker("AMY"), "second");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

TEST(Accounts, OnlyAnAdministratorMayManageAccounts) {
  AccessWorld world;
  const Principal amy = world.add("amy", Role::kSocialWorker, "W1", "T1");
  auto added = world.accounts.add(amy, worker("ben"), "by a social worker");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, core::ErrorCode::kForbidden);
  EXPECT_FALSE(world.accounts.list(amy));
  EXPECT_FALSE(world.accounts.set_disabled(amy, "amy", true, "x"));
  EXPECT_FALSE(world.accounts.reset_password(amy, "amy", "", "x"));
}

TEST(Accounts, ResettingAPasswordEndsTheSessionsAndKeepsARevision) {
  AccessWorld world;
  world.add("amy", Role::kSocialWorker, "W1", "T1");
  auto session = world.sessions.sign_in({"amy", std::string(test::kPassword), "10.0.0.1", ""});
  ASSERT_TRUE(session);
  auto reset = world.accounts.reset_password(world.admin, "amy", "", "forgot it");
  ASSERT_TRUE(reset) << reset.error().describe();
  EXPECT_FALSE(world.sessions.authenticate(session->token, "10.0.0.1"));
  EXPECT_FALSE(world.sessions.sign_in({"amy", std::string(test::kPassword), "10.0.0.1", ""}));
  EXPECT_TRUE(world.sessions.sign_in({"amy", *reset, "10.0.0.1", ""}));
  auto history = world.accounts.history(world.admin, "amy");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->back().reason, "password reset: forgot it");
  auto weak = world.accounts.reset_password(world.admin, "amy", "qwertyuiop12", "weak");
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().field, "password");
  EXPECT_EQ(world.accounts.reset_password(world.admin, "nobody", "", "x").error().code,
            core::ErrorCode::kNotFound);
}

TEST(Accounts, DisablingAndEnablingAreRevisionsWithTheirReasons) {
  AccessWorld world;
  world.add("amy", Role::kSocialWorker, "W1", "T1");
  ASSERT_TRUE(world.accounts.set_disabled(world.admin, "amy", true, "on leave"));
  ASSERT_TRUE(world.accounts.set_disabled(world.admin, "amy", false, "back from leave"));
  auto history = world.accounts.history(world.admin, "amy");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  EXPECT_TRUE((*history)[1].account.disabled);
  EXPECT_EQ((*history)[1].reason, "on leave");
  EXPECT_FALSE((*history)[2].account.disabled);
  EXPECT_EQ(world.audit().back().event.action, "account.enable");
}

TEST(Accounts, AnAuthoritysAdministratorManagesThatAuthoritysAccountsOnly) {
  AccessWorld world;
  const Principal local_admin = world.add("local.admin", Role::kAdministrator);
  NewAccount national = worker("national.analyst");
  national.role = "analyst";
  national.la_code = "";
  national.team_id = "";
  national.practitioner_id = "";
  ASSERT_TRUE(world.accounts.add(world.admin, national, "national analysis"));
  NewAccount elsewhere = worker("auditor.elsewhere");
  elsewhere.role = "auditor";
  elsewhere.la_code = "888";
  elsewhere.team_id = "";
  elsewhere.practitioner_id = "";
  auto added = world.accounts.add(local_admin, elsewhere, "not ours to add");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, core::ErrorCode::kForbidden);
  auto disabled = world.accounts.set_disabled(local_admin, "national.analyst", true, "x");
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.error().code, core::ErrorCode::kForbidden);
  EXPECT_FALSE(world.accounts.reset_password(local_admin, "national.analyst", "", "x"));
  EXPECT_FALSE(world.accounts.history(local_admin, "national.analyst"));
  auto listed = world.accounts.list(local_admin);
  ASSERT_TRUE(listed);
  for (const auto& a : *listed) EXPECT_EQ(a.account.la_code, "999") << a.account.username;
  auto everyone = world.accounts.list(world.admin);
  ASSERT_TRUE(everyone);
  EXPECT_EQ(everyone->size(), listed->size() + 1);
  // Its own authority's accounts it manages as before.
  ASSERT_TRUE(world.accounts.add(local_admin, worker("amy"), "new starter"));
  EXPECT_TRUE(world.accounts.set_disabled(local_admin, "amy", true, "on leave"));
}

TEST(Accounts, APractitionerHasOneEnabledAccountAtMost) {
  AccessWorld world;
  ASSERT_TRUE(world.accounts.add(world.admin, worker("amy"), "first"));
  auto second = world.accounts.add(world.admin, worker("amy.two"), "second login");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, core::ErrorCode::kConflict);
  // Once the first is disabled (she left and came back under a new name) a new one may be added,
  // but the old one cannot then be enabled beside it.
  ASSERT_TRUE(world.accounts.set_disabled(world.admin, "amy", true, "left"));
  ASSERT_TRUE(world.accounts.add(world.admin, worker("amy.two"), "returned"));
  auto both = world.accounts.set_disabled(world.admin, "amy", false, "back");
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().code, core::ErrorCode::kConflict);
}

}  // namespace
}  // namespace hearth::access
