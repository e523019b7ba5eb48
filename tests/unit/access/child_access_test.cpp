// Opening a child's record: what each relationship sees, what leaves the service, and the audit
// entry every look leaves.
#include "hearth/access/child_access.hpp"

#include <gtest/gtest.h>

#include "access_world.hpp"

namespace hearth::access {
namespace {

using core::Date;
using test::AccessWorld;

Date day(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}

class ChildAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    domain::Child child;
    child.id = "C1";
    child.la_code = "999";
    child.name = {"Eva", "", "Testcase", "", ""};
    child.date_of_birth = day(2015, 6, 14);
    child.allocated_worker_id = "W1";
    child.team_id = "T1";
    domain::Child secret = child;
    secret.id = "C2";
    secret.restricted = true;
    domain::Child elsewhere = child;
    elsewhere.id = "C3";
    elsewhere.la_code = "202";
    domain::Referral referral;
    referral.id = "R1";
    referral.la_code = "999";
    referral.child_id = "C1";
    referral.referral_date = day(2025, 3, 1);
    domain::CaseNote note{"CN1",        "999", "C1",         day(2025, 3, 3),
                          "home_visit", "W1",  "Home visit", "Saw Eva alone."};
    world_.store.seed({child, secret, elsewhere, referral, note});
    worker_ = world_.add("amy", Role::kSocialWorker, "W1", "T1");
    other_ = world_.add("ben", Role::kSocialWorker, "W3", "T2");
    manager_ = world_.add("cara", Role::kTeamManager, "", "T1");
    partner_ = world_.add("dan", Role::kPartner);
  }

  std::vector<store::AuditEntry> about(const std::string& child_id) {
    std::vector<store::AuditEntry> out;
    for (auto& e : world_.audit()) {
      if (e.event.child_id == child_id) out.push_back(e);
    }
    return out;
  }

  AccessWorld world_;
  Principal worker_, other_, manager_, partner_;
};

TEST_F(ChildAccessTest, TheAllocatedWorkerGetsTheWholeRecordAndItIsAudited) {
  auto opened = world_.records.open(worker_, "999", "C1", "GET /children/999/C1");
  ASSERT_TRUE(opened) << opened.error().describe();
  EXPECT_TRUE(opened->full);
  EXPECT_EQ(opened->decision.basis, Basis::kAllocatedWorker);
  EXPECT_EQ(opened->record.referrals.size(), 1u);
  EXPECT_EQ(opened->record.case_notes.size(), 1u);
  EXPECT_TRUE(opened->status.open_referral);
  ASSERT_TRUE(opened->worker);
  EXPECT_EQ(opened->worker->id, "W1");
  ASSERT_TRUE(opened->team);
  EXPECT_EQ(opened->team->name, "Assessment team 1");
  EXPECT_TRUE(opened->shows_break_glass);
  const auto audited = about("C1");
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].event.action, "child.record");
  EXPECT_EQ(audited[0].event.actor_id, worker_.account_id);
  EXPECT_EQ(audited[0].event.reason, "allocated_worker");
  EXPECT_EQ(audited[0].event.target, "GET /children/999/C1");
}

TEST_F(ChildAccessTest, TheTeamManagerGetsTheWholeRecord) {
  auto opened = world_.records.open(manager_, "999", "C1", "t");
  ASSERT_TRUE(opened);
  EXPECT_TRUE(opened->full);
  EXPECT_EQ(opened->decision.basis, Basis::kTeamManager);
}

TEST_F(ChildAccessTest, AnotherWorkerGetsOnlyTheSummaryWithNothingElseInIt) {
  auto opened = world_.records.open(other_, "999", "C1", "t");
  ASSERT_TRUE(opened) << opened.error().describe();
  EXPECT_FALSE(opened->full);
  EXPECT_EQ(opened->decision.denial, Denial::kNeedsReason);
  EXPECT_EQ(opened->record.child.value.name.given, "Eva");
  EXPECT_TRUE(opened->record.referrals.empty());
  EXPECT_TRUE(opened->record.case_notes.empty());
  EXPECT_TRUE(opened->status.open_referral);  // the status is part of the summary
  EXPECT_FALSE(opened->shows_break_glass);
  EXPECT_EQ(about("C1").back().event.action, "child.summary");
  auto note = world_.records.case_note(other_, "999", "C1", "CN1", "t");
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().code, core::ErrorCode::kForbidden);
  EXPECT_EQ(about("C1").back().event.outcome, "denied");
}

TEST_F(ChildAccessTest, AReasonOpensTheWholeRecordForEightHoursAndTheWorkerSeesWhoGaveIt) {
  auto short_reason = world_.records.break_glass(other_, "999", "C1", "because");
  ASSERT_FALSE(short_reason);
  EXPECT_EQ(short_reason.error().field, "reason");
  ASSERT_TRUE(world_.records.break_glass(other_, "999", "C1",
                                         "Duty worker: police called about a new incident"));
  auto opened = world_.records.open(other_, "999", "C1", "t");
  ASSERT_TRUE(opened);
  EXPECT_TRUE(opened->full);
  EXPECT_EQ(opened->decision.basis, Basis::kBreakGlass);
  EXPECT_TRUE(world_.records.case_note(other_, "999", "C1", "CN1", "t"));

  auto seen_by_worker = world_.records.open(worker_, "999", "C1", "t");
  ASSERT_TRUE(seen_by_worker);
  ASSERT_EQ(seen_by_worker->break_glass.size(), 1u);
  EXPECT_EQ(seen_by_worker->break_glass[0].account_id, other_.account_id);
  EXPECT_EQ(seen_by_worker->break_glass[0].reason,
            "Duty worker: police called about a new incident");

  world_.clock.advance_seconds(8 * 3600);
  auto later = world_.records.open(other_, "999", "C1", "t");
  ASSERT_TRUE(later);
  EXPECT_FALSE(later->full);
  bool audited = false;
  for (const auto& e : about("C1")) {
    if (e.event.action == "child.break_glass") {
      audited = true;
      EXPECT_EQ(e.event.reason, "Duty worker: police called about a new incident");
    }
  }
  EXPECT_TRUE(audited);
}

TEST_F(ChildAccessTest, ARestrictedChildIsNotFoundForThoseOffItsList) {
  auto hidden = world_.records.open(worker_, "999", "C2", "t");
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(about("C2").back().event.reason, "hidden");
  EXPECT_FALSE(world_.records.break_glass(worker_, "999", "C2", "I need to see this record"));

  ASSERT_TRUE(
      world_.accounts.set_restricted_member(world_.admin, "999", "C2", "amy", true, "case holder"));
  auto opened = world_.records.open(worker_, "999", "C2", "t");
  ASSERT_TRUE(opened) << opened.error().describe();
  EXPECT_TRUE(opened->full);
}

TEST_F(ChildAccessTest, AnotherAuthoritysChildIsNotFound) {
  auto opened = world_.records.open(worker_, "202", "C3", "t");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(about("C3").back().event.reason, "other_authority");
}

TEST_F(ChildAccessTest, APartnerIsRefusedAndTheRefusalIsAudited) {
  auto opened = world_.records.open(partner_, "999", "C1", "GET /children/999/C1");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kForbidden);
  auto note = world_.records.case_note(partner_, "999", "C1", "CN1", "GET note");
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().code, core::ErrorCode::kForbidden);
  const auto audited = about("C1");
  ASSERT_EQ(audited.size(), 2u);
  EXPECT_EQ(audited[1].event.action, "case_note.read");
  EXPECT_EQ(audited[1].event.outcome, "denied");
  EXPECT_EQ(audited[1].event.actor_role, "partner");
}

TEST_F(ChildAccessTest, NoAuditNoRecord) {
  world_.store.fake_access().set_audit_failing(true);
  auto opened = world_.records.open(worker_, "999", "C1", "t");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kIo);
}

TEST_F(ChildAccessTest, AnUnknownChildIsNotFoundAndTheLookIsAudited) {
  auto opened = world_.records.open(worker_, "999", "C404", "t");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(about("C404").back().event.outcome, "failed");
}

TEST_F(ChildAccessTest, ACaseNoteOfAnotherChildIsNotFoundThroughThisChild) {
  domain::Child other;
  other.id = "C5";
  other.la_code = "999";
  other.allocated_worker_id = "W1";
  world_.store.seed(other);
  auto note = world_.records.case_note(worker_, "999", "C5", "CN1", "t");
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().code, core::ErrorCode::kNotFound);
}

TEST_F(ChildAccessTest, ARestrictedSiblingIsNotNamedToThoseOffItsList) {
  domain::Child brother;
  brother.id = "C4";
  brother.la_code = "999";
  brother.name = {"Leo", "", "Testcase", "", ""};
  brother.date_of_birth = day(2017, 2, 2);
  domain::Relationship to_secret{"REL1", "999", "C1", "C2", "sibling", false, false, true};
  domain::Relationship to_brother{"REL2", "999", "C1", "C4", "sibling", false, true, true};
  world_.store.seed({brother, to_secret, to_brother});
  auto opened = world_.records.open(worker_, "999", "C1", "t");
  ASSERT_TRUE(opened) << opened.error().describe();
  ASSERT_EQ(opened->related_children.size(), 1u);
  EXPECT_EQ(opened->related_children[0].name.given, "Leo");
  ASSERT_EQ(opened->record.relationships.size(), 1u);
  EXPECT_EQ(opened->record.relationships[0].person_id, "C4");
  ASSERT_TRUE(world_.accounts.set_restricted_member(world_.admin, "999", "C2", "amy", true,
                                                    "allocated after adoption support"));
  opened = world_.records.open(worker_, "999", "C1", "t");
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->related_children.size(), 2u);
  EXPECT_EQ(opened->record.relationships.size(), 2u);
}

}  // namespace
}  // namespace hearth::access
