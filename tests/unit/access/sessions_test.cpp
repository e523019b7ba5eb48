// Signing in and out: argon2id-checked passwords, random tokens stored hashed, expiry after
// inactivity and at an absolute end, revocation, throttling per account and per address, and
// every attempt audited.
#include "hearth/access/sessions.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "hearth/core/digest.hpp"

#include "access_world.hpp"

namespace hearth::access {
namespace {

using test::AccessWorld;
using test::kPassword;

SignInAttempt attempt(std::string username, std::string_view password,
                      std::string address = "10.0.0.1") {
  return {std::move(username), std::string(password), std::move(address), "test browser"};
}

class SessionsTest : public ::testing::Test {
 protected:
  void SetUp() override { amy_ = world_.add("amy.khan", Role::kSocialWorker, "W1", "T1"); }
  std::vector<store::AuditEntry> sign_ins() {
    std::vector<store::AuditEntry> out;
    for (auto& e : world_.audit()) {
      if (e.event.action == "sign_in") out.push_back(e);
    }
    return out;
  }

  AccessWorld world_;
  Principal amy_;
};

TEST_F(SessionsTest, ASignInGivesARandomTokenThatOnlyItsHashIsStoredFor) {
  auto session = world_.sessions.sign_in(attempt("Amy.Khan ", kPassword));
  ASSERT_TRUE(session) << session.error().describe();
  EXPECT_EQ(session->token.size(), 64u);
  EXPECT_EQ(session->principal.username, "amy.khan");
  EXPECT_EQ(session->principal.role, Role::kSocialWorker);
  EXPECT_EQ(session->principal.practitioner_id, "W1");
  EXPECT_EQ(session->principal.csrf_token.size(), 64u);
  auto stored = world_.store.access().find_session(session->principal.session_token_hash);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->session.token_hash, core::sha256_hex(session->token));
  EXPECT_FALSE(world_.store.access().find_session(session->token));  // the token itself: no

  auto again = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(again);
  EXPECT_NE(again->token, session->token);
  EXPECT_NE(again->principal.csrf_token, session->principal.csrf_token);
}

TEST_F(SessionsTest, TheTokenAuthenticatesUntilSignOut) {
  auto session = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(session);
  auto who = world_.sessions.authenticate(session->token, "10.0.0.2");
  ASSERT_TRUE(who) << who.error().describe();
  EXPECT_EQ(who->account_id, amy_.account_id);
  EXPECT_EQ(who->address, "10.0.0.2");
  ASSERT_TRUE(world_.sessions.sign_out(*who));
  auto after = world_.sessions.authenticate(session->token, "10.0.0.2");
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, core::ErrorCode::kNotFound);
  EXPECT_NE(after.error().message.find("signed out"), std::string::npos);
}

TEST_F(SessionsTest, SigningOutEverywhereEndsEverySessionOfTheAccount) {
  auto first = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  auto second = world_.sessions.sign_in(attempt("amy.khan", kPassword, "10.9.9.9"));
  ASSERT_TRUE(first && second);
  auto ended = world_.sessions.sign_out_everywhere(second->principal);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 2);
  EXPECT_FALSE(world_.sessions.authenticate(first->token, "10.0.0.1"));
  EXPECT_FALSE(world_.sessions.authenticate(second->token, "10.9.9.9"));
}

TEST_F(SessionsTest, ASessionEndsAfterThirtyMinutesIdleButActivityKeepsItOpen) {
  auto session = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(session);
  for (int i = 0; i < 5; ++i) {
    world_.clock.advance_seconds(25 * 60);
    ASSERT_TRUE(world_.sessions.authenticate(session->token, "10.0.0.1")) << i;
  }
  world_.clock.advance_seconds(30 * 60);
  auto idle = world_.sessions.authenticate(session->token, "10.0.0.1");
  ASSERT_FALSE(idle);
  EXPECT_NE(idle.error().message.find("had not used Hearth for 30 minutes"), std::string::npos);
}

TEST_F(SessionsTest, ASessionEndsAfterTwelveHoursWhateverTheActivity) {
  auto session = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(session);
  for (int i = 0; i < 12 * 4 - 1; ++i) {
    world_.clock.advance_seconds(15 * 60);
    ASSERT_TRUE(world_.sessions.authenticate(session->token, "10.0.0.1")) << i;
  }
  world_.clock.advance_seconds(15 * 60);
  auto ended = world_.sessions.authenticate(session->token, "10.0.0.1");
  ASSERT_FALSE(ended);
  EXPECT_NE(ended.error().message.find("ended"), std::string::npos);
}

TEST_F(SessionsTest, MalformedAndUnknownTokensAreNotSessions) {
  for (const std::string& token : std::vector<std::string>{
           "", "abc", std::string(64, 'g'), std::string(64, 'A'), std::string(65, 'a'),
           std::string(64, 'a'), std::string("../../etc/passwd")}) {
    auto who = world_.sessions.authenticate(token, "10.0.0.1");
    ASSERT_FALSE(who) << token;
    EXPECT_EQ(who.error().code, core::ErrorCode::kNotFound);
  }
}

TEST_F(SessionsTest, AWrongPasswordAndAnUnknownUsernameGetTheSameAnswerAndAreAudited) {
  auto wrong = world_.sessions.sign_in(attempt("amy.khan", "not the password at all"));
  auto unknown = world_.sessions.sign_in(attempt("nobody.here", kPassword));
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(wrong.error().field, unknown.error().field);
  const auto audited = sign_ins();
  ASSERT_EQ(audited.size(), 2u);
  EXPECT_EQ(audited[0].event.outcome, "failed");
  EXPECT_EQ(audited[0].event.actor_name, "amy.khan");
  EXPECT_EQ(audited[0].event.reason, "wrong password");
  EXPECT_EQ(audited[1].event.reason, "no such account");
  EXPECT_EQ(audited[1].event.address, "10.0.0.1");
}

TEST_F(SessionsTest, EmptyAndOverlongFieldsAreRefusedNamingTheField) {
  auto no_name = world_.sessions.sign_in(attempt("  ", kPassword));
  ASSERT_FALSE(no_name);
  EXPECT_EQ(no_name.error().field, "username");
  auto long_name = world_.sessions.sign_in(attempt(std::string(65, 'a'), kPassword));
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().field, "username");
  auto no_password = world_.sessions.sign_in(attempt("amy.khan", ""));
  ASSERT_FALSE(no_password);
  EXPECT_EQ(no_password.error().field, "password");
  auto long_password = world_.sessions.sign_in(attempt("amy.khan", std::string(300, 'x')));
  ASSERT_FALSE(long_password);
  EXPECT_NE(long_password.error().message.find("256"), std::string::npos);
  EXPECT_TRUE(sign_ins().empty());  // nothing was tried, so nothing counts against the account
}

TEST_F(SessionsTest, FiveFailuresLockTheUsernameForFifteenMinutesEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_FALSE(world_.sessions.sign_in(
        attempt("amy.khan", "wrong password " + std::to_string(i), "10.0.0." + std::to_string(i))));
    world_.clock.advance_seconds(60);
  }
  auto locked = world_.sessions.sign_in(attempt("amy.khan", kPassword, "10.7.7.7"));
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, core::ErrorCode::kForbidden);
  EXPECT_NE(locked.error().message.find("Try again in 10 minutes"), std::string::npos)
      << locked.error().message;
  EXPECT_EQ(sign_ins().back().event.outcome, "denied");
  world_.clock.advance_seconds(10 * 60);
  EXPECT_TRUE(world_.sessions.sign_in(attempt("amy.khan", kPassword, "10.7.7.7")));
}

TEST_F(SessionsTest, ASuccessfulSignInForgetsTheAccountsEarlierFailures) {
  for (int i = 0; i < 4; ++i)
    ASSERT_FALSE(world_.sessions.sign_in(attempt("amy.khan", "nope nope nope")));
  ASSERT_TRUE(world_.sessions.sign_in(attempt("amy.khan", kPassword)));
  for (int i = 0; i < 4; ++i)
    ASSERT_FALSE(world_.sessions.sign_in(attempt("amy.khan", "nope nope nope")));
  EXPECT_TRUE(world_.sessions.sign_in(attempt("amy.khan", kPassword)));
}

TEST_F(SessionsTest, FiftyFailuresFromOneAddressLockThatAddressForEveryUsername) {
  world_.add("ben.ola", Role::kSocialWorker, "W2", "T1");
  for (int i = 0; i < 50; ++i) {
    ASSERT_FALSE(world_.sessions.sign_in(
        attempt("guess" + std::to_string(i), "some password", "192.0.2.1")));
  }
  auto locked = world_.sessions.sign_in(attempt("ben.ola", kPassword, "192.0.2.1"));
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, core::ErrorCode::kForbidden);
  EXPECT_NE(locked.error().message.find("this network"), std::string::npos);
  EXPECT_TRUE(world_.sessions.sign_in(attempt("ben.ola", kPassword, "192.0.2.2")));
}

TEST_F(SessionsTest, ADisabledAccountCannotSignInAndItsSessionsEnd) {
  auto session = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(session);
  ASSERT_TRUE(world_.accounts.set_disabled(world_.admin, "amy.khan", true, "left the authority"));
  EXPECT_FALSE(world_.sessions.authenticate(session->token, "10.0.0.1"));
  auto refused = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "Enter a correct username and password");
  EXPECT_EQ(sign_ins().back().event.reason, "account disabled");
}

TEST_F(SessionsTest, ABurstOfParallelGuessesIsCountedOneByOne) {
  std::vector<std::thread> threads;
  std::atomic<int> signed_in{0};
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      if (world_.sessions.sign_in(attempt("amy.khan", "guess number " + std::to_string(i),
                                          "10.0.1." + std::to_string(i)))) {
        ++signed_in;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(signed_in.load(), 0);
  // Five were tried and counted; the other seven found the username locked.
  EXPECT_EQ(world_.store.access()
                .sign_in_failures(store::ThrottleScope::kAccount, "amy.khan", core::Timestamp{})
                ->size(),
            5u);
}

TEST_F(SessionsTest, AnAccountWithAnUnknownRoleHasNoSessionAndNoRights) {
  store::Account odd = world_.store.access().find_account("amy.khan")->account;
  odd.role = "superuser";
  ASSERT_TRUE(world_.store.access().put_account(odd, {"test", "corrupted", {}}, std::nullopt));
  EXPECT_FALSE(world_.sessions.sign_in(attempt("amy.khan", kPassword)));
}

TEST_F(SessionsTest, ExpiredAndTimedOutSessionsAreNotListedAsOpen) {
  auto first = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(first);
  world_.clock.advance_seconds(31 * 60);
  auto second = world_.sessions.sign_in(attempt("amy.khan", kPassword));
  ASSERT_TRUE(second);
  auto open = world_.sessions.open_sessions(second->principal);
  ASSERT_TRUE(open);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().token_hash, second->principal.session_token_hash);
}

TEST_F(SessionsTest, EverySignInIsAuditedWithWhoAndWhere) {
  ASSERT_TRUE(world_.sessions.sign_in(attempt("amy.khan", kPassword, "203.0.113.5")));
  const auto audited = sign_ins();
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].event.outcome, "allowed");
  EXPECT_EQ(audited[0].event.actor_id, amy_.account_id);
  EXPECT_EQ(audited[0].event.address, "203.0.113.5");
}

}  // namespace
}  // namespace hearth::access
