// The policy: every role against every permission, and the child's facts that open or hide a
// record. The expected tables are written out here, apart from the policy's own code, so that a
// change to either shows.
#include "hearth/access/policy.hpp"

#include <map>
#include <set>

#include <gtest/gtest.h>

namespace hearth::access {
namespace {

Principal signed_in(Role role) {
  Principal p;
  p.signed_in = true;
  p.account_id = "U1";
  p.username = "someone";
  p.role = role;
  p.la_code = "999";
  p.team_id = "T1";
  p.practitioner_id = role == Role::kPartner || role == Role::kAnalyst ? "" : "W1";
  p.agency_id = role == Role::kPartner ? "AG1" : "";
  return p;
}

// Which roles may ever have each permission (before any child's facts).
const std::map<std::string, std::set<Role>>& expected_by_role() {
  using enum Role;
  static const std::map<std::string, std::set<Role>> table = {
      {"public",
       {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor, kPartner, kAnalyst,
        kAdministrator, kAuditor}},
      {"signed_in",
       {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor, kPartner, kAnalyst,
        kAdministrator, kAuditor}},
      {"work.mine", {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor}},
      {"children.search", {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor}},
      {"child.summary", {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor}},
      {"child.record", {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor}},
      {"child.break_glass", {kSocialWorker, kTeamManager, kReviewingOfficer, kFrontDoor}},
      {"agency.records", {kPartner}},
      {"statistics.read", {kAnalyst, kTeamManager}},
      {"returns.read", {kAnalyst, kTeamManager}},
      {"accounts.manage", {kAdministrator}},
      {"audit.read", {kAuditor}},
  };
  return table;
}

TEST(Policy, EveryRoleAgainstEveryPermissionIsAsTheTableSays) {
  ASSERT_EQ(expected_by_role().size(), all_permissions().size())
      << "a permission was added: add it to this test's table";
  for (const Permission permission : all_permissions()) {
    const std::string name(permission_name(permission));
    ASSERT_EQ(permission_from_name(name), permission);
    const auto& allowed = expected_by_role().at(name);
    for (const Role role : all_roles()) {
      const Decision decision = decide_by_role(signed_in(role), permission);
      EXPECT_EQ(decision.allowed, allowed.count(role) > 0) << role_name(role) << " / " << name;
      if (!decision.allowed) {
        EXPECT_EQ(decision.denial, Denial::kRole);
      }
    }
  }
}

TEST(Policy, NoOneSignedOutGetsAnythingButPublic) {
  const Principal nobody = Principal::anonymous("10.0.0.1");
  for (const Permission permission : all_permissions()) {
    const Decision decision = decide_by_role(nobody, permission);
    EXPECT_EQ(decision.allowed, permission == Permission::kPublic) << permission_name(permission);
    if (permission != Permission::kPublic) {
      EXPECT_EQ(decision.denial, Denial::kNotSignedIn);
    }
  }
}

TEST(Policy, UnknownPermissionNamesAreNotPermissions) {
  EXPECT_FALSE(permission_from_name("children.list"));
  EXPECT_FALSE(permission_from_name(""));
  EXPECT_FALSE(permission_from_name("CHILD.RECORD"));
}

ChildFacts child() {
  ChildFacts facts;
  facts.la_code = "999";
  facts.child_id = "C1";
  facts.allocated_worker_id = "W9";
  facts.team_id = "T9";
  return facts;
}

TEST(Policy, TheAllocatedWorkerOpensTheWholeRecord) {
  ChildFacts facts = child();
  facts.allocated_worker_id = "W1";
  const Decision decision =
      decide(signed_in(Role::kSocialWorker), Permission::kChildRecord, &facts);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.basis, Basis::kAllocatedWorker);
}

TEST(Policy, TheManagerOfTheChildsTeamOpensTheWholeRecordButNotAnotherTeamsManager) {
  ChildFacts facts = child();
  facts.team_id = "T1";
  const Decision manager = decide(signed_in(Role::kTeamManager), Permission::kChildRecord, &facts);
  EXPECT_TRUE(manager.allowed);
  EXPECT_EQ(manager.basis, Basis::kTeamManager);
  // A social worker in the same team is not the manager.
  EXPECT_FALSE(decide(signed_in(Role::kSocialWorker), Permission::kChildRecord, &facts).allowed);
  facts.team_id = "T2";
  EXPECT_FALSE(decide(signed_in(Role::kTeamManager), Permission::kChildRecord, &facts).allowed);
}

TEST(Policy, OtherSocialCareStaffSeeTheSummaryAndMustGiveAReason) {
  const ChildFacts facts = child();
  for (Role role :
       {Role::kSocialWorker, Role::kTeamManager, Role::kReviewingOfficer, Role::kFrontDoor}) {
    EXPECT_TRUE(decide(signed_in(role), Permission::kChildSummary, &facts).allowed);
    EXPECT_TRUE(decide(signed_in(role), Permission::kBreakGlass, &facts).allowed);
    const Decision full = decide(signed_in(role), Permission::kChildRecord, &facts);
    EXPECT_FALSE(full.allowed) << role_name(role);
    EXPECT_EQ(full.denial, Denial::kNeedsReason);
  }
}

TEST(Policy, AReasonGivenOpensTheRecordAsBreakGlass) {
  ChildFacts facts = child();
  facts.break_glass_active = true;
  const Decision decision = decide(signed_in(Role::kFrontDoor), Permission::kChildRecord, &facts);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.basis, Basis::kBreakGlass);
}

TEST(Policy, APermissionAboutAChildIsRefusedWithoutTheChildsFacts) {
  for (Permission permission :
       {Permission::kChildSummary, Permission::kChildRecord, Permission::kBreakGlass}) {
    EXPECT_TRUE(decide_by_role(signed_in(Role::kSocialWorker), permission).allowed);
    const Decision decision = decide(signed_in(Role::kSocialWorker), permission);
    EXPECT_FALSE(decision.allowed) << permission_name(permission);
    EXPECT_EQ(decision.denial, Denial::kRole);
  }
  EXPECT_TRUE(decide(signed_in(Role::kSocialWorker), Permission::kMyWork).allowed);
}

TEST(Policy, ARestrictedChildIsHiddenFromEveryoneOffItsListEvenTheAllocatedWorker) {
  ChildFacts facts = child();
  facts.restricted = true;
  facts.allocated_worker_id = "W1";
  facts.break_glass_active = true;
  for (Permission permission :
       {Permission::kChildSummary, Permission::kChildRecord, Permission::kBreakGlass}) {
    const Decision decision = decide(signed_in(Role::kSocialWorker), permission, &facts);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.denial, Denial::kHidden);
  }
  facts.on_restricted_list = true;
  EXPECT_TRUE(decide(signed_in(Role::kSocialWorker), Permission::kChildRecord, &facts).allowed);
}

TEST(Policy, OnTheRestrictedListAloneDoesNotOpenTheWholeRecord) {
  ChildFacts facts = child();
  facts.restricted = true;
  facts.on_restricted_list = true;
  EXPECT_TRUE(decide(signed_in(Role::kSocialWorker), Permission::kChildSummary, &facts).allowed);
  EXPECT_EQ(decide(signed_in(Role::kSocialWorker), Permission::kChildRecord, &facts).denial,
            Denial::kNeedsReason);
}

TEST(Policy, StaffOfAnotherAuthoritySeeNothingOfAChild) {
  ChildFacts facts = child();
  facts.la_code = "202";
  facts.allocated_worker_id = "W1";  // even with the same practitioner id there
  for (Permission permission :
       {Permission::kChildSummary, Permission::kChildRecord, Permission::kBreakGlass}) {
    EXPECT_EQ(decide(signed_in(Role::kSocialWorker), permission, &facts).denial,
              Denial::kOtherAuthority);
  }
}

TEST(Policy, PartnersAnalystsAdministratorsAndAuditorsNeverSeeAChildsRecord) {
  ChildFacts facts = child();
  facts.break_glass_active = true;
  facts.allocated_worker_id = "W1";
  for (Role role : {Role::kPartner, Role::kAnalyst, Role::kAdministrator, Role::kAuditor}) {
    for (Permission permission :
         {Permission::kChildSummary, Permission::kChildRecord, Permission::kBreakGlass}) {
      const Decision decision = decide(signed_in(role), permission, &facts);
      EXPECT_FALSE(decision.allowed) << role_name(role);
      EXPECT_EQ(decision.denial, Denial::kRole);
    }
  }
}

TEST(Policy, SocialCareStaffWithoutAnAuthorityGetNothingAboutChildren) {
  Principal worker = signed_in(Role::kSocialWorker);
  worker.la_code.clear();
  EXPECT_FALSE(decide_by_role(worker, Permission::kChildrenSearch).allowed);
  Principal partner = signed_in(Role::kPartner);
  partner.agency_id.clear();
  EXPECT_FALSE(decide_by_role(partner, Permission::kAgencyRecords).allowed);
}

TEST(Roles, NamesRoundTripAndUnknownNamesAreNotRoles) {
  for (Role role : all_roles()) EXPECT_EQ(role_from_name(role_name(role)), role);
  EXPECT_FALSE(role_from_name("superuser"));
  EXPECT_EQ(role_name(Role::kReviewingOfficer), "independent_reviewing_officer");
}

}  // namespace
}  // namespace hearth::access
