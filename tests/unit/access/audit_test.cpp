// The audit log: entries from many threads, written before record() returns, chained; and the
// verification that names the first broken entry when one is changed, removed or cut off.
#include <thread>

#include <gtest/gtest.h>

#include "hearth/access/audit_log.hpp"
#include "hearth/access/audit_verify.hpp"

#include "access_world.hpp"

namespace hearth::access {
namespace {

using test::AccessWorld;

Principal someone() {
  Principal p;
  p.signed_in = true;
  p.account_id = "U1";
  p.username = "amy";
  p.role = Role::kSocialWorker;
  p.address = "10.1.2.3";
  return p;
}

TEST(AuditLog, WritesEachEntryBeforeRecordReturnsWithWhoWhatWhenAndWhere) {
  AccessWorld world;
  const size_t before = world.audit().size();
  ASSERT_TRUE(world.audit_log.record(
      someone(), {"child.record", "allowed", "999", "C1", "GET /children/999/C1", "allocated"}));
  const auto entries = world.audit();
  ASSERT_EQ(entries.size(), before + 1);
  const auto& e = entries.back().event;
  EXPECT_EQ(e.actor_id, "U1");
  EXPECT_EQ(e.actor_name, "amy");
  EXPECT_EQ(e.actor_role, "social_worker");
  EXPECT_EQ(e.action, "child.record");
  EXPECT_EQ(e.la_code, "999");
  EXPECT_EQ(e.child_id, "C1");
  EXPECT_EQ(e.address, "10.1.2.3");
  EXPECT_EQ(e.at, test::test_now());
}

TEST(AuditLog, ManyThreadsAtOnceGiveOneUnbrokenChainWithEveryEntry) {
  AccessWorld world;
  const size_t before = world.audit().size();
  constexpr int kThreads = 8;
  constexpr int kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        ASSERT_TRUE(world.audit_log.record(
            someone(), {"child.record", "allowed", "999", "C" + std::to_string(t), "", ""}));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(world.audit().size(), before + kThreads * kEach);
  auto report = verify_audit_chain(world.store.access());
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->entries, static_cast<int64_t>(before + kThreads * kEach));
  EXPECT_LE(world.audit_log.commits(), world.audit_log.entries_written());
}

TEST(AuditLog, AFailureToWriteIsReportedToTheCaller) {
  AccessWorld world;
  world.store.fake_access().set_audit_failing(true);
  auto written = world.audit_log.record(someone(), {"child.record", "allowed", "", "", "", ""});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, core::ErrorCode::kIo);
}

TEST(AuditLog, AnEntryTheDatabaseRefusesFailsAloneAndTheOthersAreWrittenInFewCommits) {
  AccessWorld world;
  const size_t before = world.audit().size();
  world.store.fake_access().set_audit_refusing_child("C700");
  std::vector<std::pair<std::string, std::string>> children;
  for (int i = 0; i < 1000; ++i) children.emplace_back("999", "C" + std::to_string(i));
  const int64_t commits_before = world.audit_log.commits();
  auto written = world.audit_log.record_listing(
      someone(), {"returns.export", "allowed", "999", "", "test", "statutory return"}, children);
  EXPECT_FALSE(written);  // the caller hears of the one refused
  EXPECT_EQ(world.audit().size(), before + 999);
  // Halved down to the one: about two commits for each halving, not one for each entry.
  EXPECT_LE(world.audit_log.commits() - commits_before, 25);
  auto report = verify_audit_chain(world.store.access());
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
}

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 10; ++i) {
      ASSERT_TRUE(world_.audit_log.record(
          someone(), {"child.record", "allowed", "999", "C" + std::to_string(i), "", ""}));
    }
    count_ = static_cast<int64_t>(world_.audit().size());
  }
  core::Result<ChainReport> verify() { return verify_audit_chain(world_.store.access()); }

  AccessWorld world_;
  int64_t count_ = 0;
};

TEST_F(AuditChainTest, AnUntouchedLogIsIntact) {
  auto report = verify();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact);
  EXPECT_EQ(report->entries, count_);
  EXPECT_EQ(report->head.seq, count_);
}

TEST_F(AuditChainTest, AChangedEntryIsNamedAsTheFirstBroken) {
  world_.store.fake_access().tamper_audit(5,
                                          [](store::AuditEntry& e) { e.event.child_id = "C99"; });
  auto report = verify();
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->first_broken_seq, 5);
  EXPECT_NE(report->problem.find("entry 5 was changed"), std::string::npos) << report->problem;
}

TEST_F(AuditChainTest, AnEntryRehashedToHideAChangeBreaksTheLinkToTheNext) {
  world_.store.fake_access().tamper_audit(5, [](store::AuditEntry& e) {
    e.event.actor_name = "someone else";
    e.hash = store::audit_hash(e.prev_hash, e.seq, e.event);
  });
  auto report = verify();
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->first_broken_seq, 6);
}

TEST_F(AuditChainTest, ARemovedEntryIsNamed) {
  world_.store.fake_access().tamper_audit(4, [](store::AuditEntry& e) { e.seq = 1000; });
  auto report = verify();
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->first_broken_seq, 4);
  EXPECT_NE(report->problem.find("entry 4 is missing"), std::string::npos) << report->problem;
}

TEST_F(AuditChainTest, ACutOffEndShowsAgainstTheHead) {
  const int64_t last = count_;
  world_.store.fake_access().tamper_audit(last, [](store::AuditEntry& e) { e.seq = -1; });
  auto report = verify();
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->first_broken_seq, last);
  EXPECT_NE(report->problem.find("missing from the end"), std::string::npos) << report->problem;
}

}  // namespace
}  // namespace hearth::access
