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

}  // namespace
}  // namespace hearth::access
