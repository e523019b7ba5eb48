#include "hearth/domain/validate.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace hearth::domain {
namespace {

using core::Date;
using core::Error;

Date ymd(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

// A fixed "today" in the 2025-26 collection year.
const Date kToday = ymd(2025, 11, 3);

std::string describe(const std::vector<Error>& errors) {
  std::string out;
  for (const Error& error : errors) out += "\n  " + error.describe();
  return out;
}

// The errors about one field.
std::vector<Error> about(const std::vector<Error>& errors, std::string_view field) {
  std::vector<Error> found;
  for (const Error& error : errors) {
    if (error.field == field) found.push_back(error);
  }
  return found;
}

// Expects exactly one error, about `field`, whose message contains `text`.
void expect_one_error(const std::vector<Error>& errors, std::string_view field,
                      std::string_view text = {}) {
  ASSERT_EQ(errors.size(), 1u) << describe(errors);
  EXPECT_EQ(errors[0].field, field) << describe(errors);
  EXPECT_EQ(errors[0].code, core::ErrorCode::kInvalid);
  EXPECT_NE(errors[0].message.find(text), std::string::npos) << describe(errors);
}

Child valid_child() {
  Child child;
  child.id = "C123456";
  child.la_code = "202";
  child.name = {"Rebecca", "", "Stone", "Bex", ""};
  child.sex = "F";
  child.date_of_birth = ymd(2012, 6, 15);
  child.ethnicity = "WBRI";
  child.nhs_number = "943 476 5919";
  child.upn = "A950000178301";
  child.disabilities = {"NONE"};
  child.postcode = "sw1a 1aa";
  return child;
}

// ---------------------------------------------------------------------------------------------
// Child

TEST(ValidateChild, AcceptsACompleteRecord) {
  const auto errors = validate(valid_child(), kToday);
  EXPECT_TRUE(errors.empty()) << describe(errors);
}

TEST(ValidateChild, AcceptsAMinimalRecord) {
  Child child;
  child.id = "7";
  child.la_code = "940";
  EXPECT_TRUE(validate(child, kToday).empty()) << describe(validate(child, kToday));
}

TEST(ValidateChild, RequiresAnIdAndAThreeDigitLaCode) {
  Child child = valid_child();
  child.id.clear();
  child.la_code = "20";
  const auto errors = validate(child, kToday);
  ASSERT_EQ(errors.size(), 2u) << describe(errors);
  EXPECT_EQ(about(errors, "LAchildID").size(), 1u);
  ASSERT_EQ(about(errors, "la_code").size(), 1u);
  EXPECT_NE(about(errors, "la_code")[0].message.find("three digits"), std::string::npos);

  child = valid_child();
  child.la_code = "2O2";
  expect_one_error(validate(child, kToday), "la_code", "'2O2'");
  child.la_code.clear();
  expect_one_error(validate(child, kToday), "la_code", "required");
}

TEST(ValidateChild, RejectsAnIdThatIsNotShortAndAlphanumeric) {
  Child child = valid_child();
  child.id = "C-123";
  expect_one_error(validate(child, kToday), "LAchildID");
  child.id = std::string(21, '1');
  expect_one_error(validate(child, kToday), "LAchildID");
  child.id = std::string(20, '1');
  EXPECT_TRUE(validate(child, kToday).empty());
}

TEST(ValidateChild, RejectsADateOfBirthInTheFuture) {
  Child child = valid_child();
  child.date_of_birth = kToday.add_days(1);
  expect_one_error(validate(child, kToday), "PersonBirthDate", "in the future");
  child.date_of_birth = kToday;
  EXPECT_TRUE(validate(child, kToday).empty());
}

TEST(ValidateChild, AcceptsAnUnbornChildWithAnExpectedDateOfBirth) {
  Child unborn = valid_child();
  unborn.date_of_birth.reset();
  unborn.expected_date_of_birth = kToday.add_months(3);
  unborn.sex = "U";
  unborn.upn.clear();
  unborn.nhs_number.clear();
  unborn.disabilities.clear();
  const auto errors = validate(unborn, kToday);
  EXPECT_TRUE(errors.empty()) << describe(errors);
}

TEST(ValidateChild, RejectsADeathBeforeBirthOrInTheFuture) {
  Child child = valid_child();
  child.date_of_death = ymd(2012, 6, 14);
  expect_one_error(validate(child, kToday), "PersonDeathDate", "before PersonBirthDate");
  child.date_of_death = kToday.add_days(7);
  expect_one_error(validate(child, kToday), "PersonDeathDate", "in the future");
  child.date_of_death = ymd(2012, 6, 15);
  EXPECT_TRUE(validate(child, kToday).empty());
}

TEST(ValidateChild, RejectsUnknownCodesNamingTheItem) {
  Child child = valid_child();
  child.ethnicity = "WBR";
  expect_one_error(validate(child, kToday), "Ethnicity", "'WBR' is not an Ethnicity code");
  child = valid_child();
  child.upn.clear();
  child.upn_unknown = "UN9";
  expect_one_error(validate(child, kToday), "UPNunknown", "'UN9'");
}

TEST(ValidateChild, JudgesSexCodesForTheCollectionYear) {
  Child child = valid_child();
  child.sex = "2";
  expect_one_error(validate(child, kToday), "Sex", "only until 2023-24");
  // The same record checked as at the 2023-24 reference date is fine with 2, not with F.
  const Date reference_2024 = ymd(2024, 3, 31);
  EXPECT_TRUE(validate(child, reference_2024).empty()) << describe(validate(child, reference_2024));
  child.sex = "F";
  expect_one_error(validate(child, reference_2024), "Sex", "only from 2024-25");
}

TEST(ValidateChild, ChecksNhsNumberUpnAndPostcodeWhenPresent) {
  Child child = valid_child();
  child.nhs_number = "9434765918";
  expect_one_error(validate(child, kToday), "NHS number", "check digit should be 9, not 8");

  child = valid_child();
  child.upn = "B950000178301";
  expect_one_error(validate(child, kToday), "UPN", "check letter should be A, not B");

  child = valid_child();
  child.former_upn = "A95000017830";
  expect_one_error(validate(child, kToday), "FormerUPN", "13 characters");

  child = valid_child();
  child.postcode = "SW1A";
  expect_one_error(validate(child, kToday), "postcode");
}

TEST(ValidateChild, RejectsBothAUpnAndAReasonForNoUpn) {
  Child child = valid_child();
  child.upn_unknown = "UN4";
  expect_one_error(validate(child, kToday), "UPNunknown", "not both");
}

TEST(ValidateChild, RequiresNoneToBeTheOnlyDisability) {
  Child child = valid_child();
  child.disabilities = {"NONE", "MOB"};
  expect_one_error(validate(child, kToday), "Disability", "'NONE' must be the only");
  child.disabilities = {"MOB", "AUT"};
  EXPECT_TRUE(validate(child, kToday).empty());
}

TEST(ValidateChild, RejectsADisabilityGivenTwiceOrUnknown) {
  Child child = valid_child();
  child.disabilities = {"MOB", "AUT", "MOB"};
  expect_one_error(validate(child, kToday), "Disability", "'MOB' is given more than once");
  child.disabilities = {"MOB", "ADHD"};
  expect_one_error(validate(child, kToday), "Disability", "'ADHD'");
}

TEST(ValidateChild, ReportsEveryProblemAtOnce) {
  Child child = valid_child();
  child.la_code = "x";
  child.ethnicity = "??";
  child.nhs_number = "123";
  child.date_of_birth = kToday.add_days(30);
  const auto errors = validate(child, kToday);
  EXPECT_EQ(errors.size(), 4u) << describe(errors);
}

TEST(ValidateChild, KeepsTheMothersChildAndUascDatesAfterBirth) {
  Child child = valid_child();
  child.is_mother = true;
  child.mother_child_dob = ymd(2011, 1, 1);
  expect_one_error(validate(child, kToday), "MC_DOB", "before PersonBirthDate");
  child = valid_child();
  child.uasc = true;
  child.uasc_ceased = ymd(2010, 1, 1);
  expect_one_error(validate(child, kToday), "DUC");
}

// ---------------------------------------------------------------------------------------------
// Referral

Referral valid_referral() {
  Referral referral;
  referral.id = "R1";
  referral.la_code = "202";
  referral.child_id = "C123456";
  referral.referral_date = ymd(2025, 9, 1);
  referral.source = "6";
  referral.primary_need = "N1";
  return referral;
}

TEST(ValidateReferral, AcceptsAnOpenReferral) {
  EXPECT_TRUE(validate(valid_referral(), kToday).empty());
}

TEST(ValidateReferral, RequiresItsIdentifiersAndSource) {
  Referral referral = valid_referral();
  referral.id.clear();
  referral.child_id.clear();
  referral.source.clear();
  const auto errors = validate(referral, kToday);
  EXPECT_EQ(errors.size(), 3u) << describe(errors);
  EXPECT_EQ(about(errors, "id").size(), 1u);
  EXPECT_EQ(about(errors, "child_id").size(), 1u);
  ASSERT_EQ(about(errors, "ReferralSource").size(), 1u);
  EXPECT_NE(about(errors, "ReferralSource")[0].message.find("required"), std::string::npos);
}

TEST(ValidateReferral, RejectsAnUnknownSourceNamingTheCode) {
  Referral referral = valid_referral();
  referral.source = "ZZ";
  expect_one_error(validate(referral, kToday), "ReferralSource",
                   "'ZZ' is not a ReferralSource code");
}

TEST(ValidateReferral, RejectsAClosureBeforeTheReferral) {
  Referral referral = valid_referral();
  referral.closure_date = ymd(2025, 8, 31);
  referral.reason_for_closure = "RC8";
  expect_one_error(validate(referral, kToday), "CINclosureDate", "before CINreferralDate");
  referral.closure_date = ymd(2025, 9, 1);
  EXPECT_TRUE(validate(referral, kToday).empty());
}

TEST(ValidateReferral, RequiresClosureDateAndReasonTogether) {
  Referral referral = valid_referral();
  referral.closure_date = ymd(2025, 10, 1);
  expect_one_error(validate(referral, kToday), "ReasonForClosure", "required");
  referral = valid_referral();
  referral.reason_for_closure = "RC7";
  expect_one_error(validate(referral, kToday), "CINclosureDate", "required");
}

TEST(ValidateReferral, RejectsAReferralDatedInTheFuture) {
  Referral referral = valid_referral();
  referral.referral_date = kToday.add_days(1);
  expect_one_error(validate(referral, kToday), "CINreferralDate", "in the future");
}

// ---------------------------------------------------------------------------------------------
// Assessment

Assessment valid_assessment() {
  Assessment assessment;
  assessment.id = "A1";
  assessment.la_code = "202";
  assessment.child_id = "C123456";
  assessment.referral_id = "R1";
  assessment.start_date = ymd(2025, 9, 2);
  assessment.authorisation_date = ymd(2025, 10, 20);
  assessment.factors = {"3A", "4B", "16A"};
  return assessment;
}

TEST(ValidateAssessment, AcceptsAnAuthorisedAssessmentWithFactors) {
  const auto errors = validate(valid_assessment(), kToday);
  EXPECT_TRUE(errors.empty()) << describe(errors);
}

TEST(ValidateAssessment, RequiresNoFactorsIdentifiedToStandAlone) {
  Assessment assessment = valid_assessment();
  assessment.factors = {"21", "3A"};
  expect_one_error(validate(assessment, kToday), "AssessmentFactors", "'21' must be the only");
  assessment.factors = {"21"};
  EXPECT_TRUE(validate(assessment, kToday).empty());
}

TEST(ValidateAssessment, RejectsDuplicateAndUnknownFactors) {
  Assessment assessment = valid_assessment();
  assessment.factors = {"3A", "3A"};
  expect_one_error(validate(assessment, kToday), "AssessmentFactors",
                   "'3A' is given more than once");
  assessment.factors = {"8A"};
  expect_one_error(validate(assessment, kToday), "AssessmentFactors", "'8A'");
  assessment.factors = {"18A"};  // replaced by 18B and 18C in 2020-21
  expect_one_error(validate(assessment, kToday), "AssessmentFactors", "only until 2019-20");
}

TEST(ValidateAssessment, RequiresFactorsOnceAuthorised) {
  Assessment assessment = valid_assessment();
  assessment.factors.clear();
  expect_one_error(validate(assessment, kToday), "AssessmentFactors", "at least one factor");
  assessment.authorisation_date.reset();
  EXPECT_TRUE(validate(assessment, kToday).empty());
}

TEST(ValidateAssessment, RejectsAnAuthorisationBeforeTheStart) {
  Assessment assessment = valid_assessment();
  assessment.authorisation_date = ymd(2025, 9, 1);
  expect_one_error(validate(assessment, kToday), "AssessmentAuthorisationDate",
                   "before AssessmentActualStartDate");
}

// ---------------------------------------------------------------------------------------------
// Child protection plan

ProtectionPlan valid_plan() {
  ProtectionPlan plan;
  plan.id = "P1";
  plan.la_code = "202";
  plan.child_id = "C123456";
  plan.referral_id = "R1";
  plan.start_date = ymd(2025, 5, 1);
  plan.initial_category = "NEG";
  plan.latest_category = "EMO";
  plan.review_dates = {ymd(2025, 7, 30)};
  return plan;
}

TEST(ValidateProtectionPlan, AcceptsAnOpenPlanWithAReview) {
  EXPECT_TRUE(validate(valid_plan(), kToday).empty()) << describe(validate(valid_plan(), kToday));
}

TEST(ValidateProtectionPlan, RequiresBothCategoriesOfAbuse) {
  ProtectionPlan plan = valid_plan();
  plan.initial_category.clear();
  plan.latest_category = "SEX";
  const auto errors = validate(plan, kToday);
  ASSERT_EQ(errors.size(), 2u) << describe(errors);
  EXPECT_EQ(about(errors, "InitialCategoryOfAbuse").size(), 1u);
  ASSERT_EQ(about(errors, "LatestCategoryOfAbuse").size(), 1u);
  EXPECT_NE(about(errors, "LatestCategoryOfAbuse")[0].message.find("'SEX'"), std::string::npos);
}

TEST(ValidateProtectionPlan, RejectsAnEndBeforeTheStartAndReviewsOutsideThePlan) {
  ProtectionPlan plan = valid_plan();
  plan.end_date = ymd(2025, 4, 30);
  plan.review_dates.clear();
  expect_one_error(validate(plan, kToday), "CPPendDate", "before CPPstartDate");

  plan = valid_plan();
  plan.review_dates = {ymd(2025, 4, 1)};
  expect_one_error(validate(plan, kToday), "CPPreviewDate", "before CPPstartDate");

  plan = valid_plan();
  plan.end_date = ymd(2025, 7, 1);
  expect_one_error(validate(plan, kToday), "CPPendDate", "before CPPreviewDate");
}

TEST(ValidateProtectionPlan, RejectsANegativeCountOfPreviousPlans) {
  ProtectionPlan plan = valid_plan();
  plan.previous_plans = -1;
  expect_one_error(validate(plan, kToday), "NumberOfPreviousCPP", "negative");
}

// ---------------------------------------------------------------------------------------------
// Looked-after episode and placement

LookedAfterEpisode valid_episode() {
  LookedAfterEpisode episode;
  episode.id = "E1";
  episode.la_code = "202";
  episode.child_id = "C123456";
  episode.placement_id = "PL1";
  episode.start_date = ymd(2025, 6, 1);
  episode.reason_new_episode = "S";
  episode.legal_status = "C2";
  episode.category_of_need = "N1";
  episode.place = "U4";
  episode.place_provider = "PR1";
  episode.home_postcode = "B33 8TH";
  episode.placement_postcode = "CR2 6XH";
  return episode;
}

TEST(ValidateLookedAfterEpisode, AcceptsAnOpenEpisode) {
  EXPECT_TRUE(validate(valid_episode(), kToday).empty())
      << describe(validate(valid_episode(), kToday));
}

TEST(ValidateLookedAfterEpisode, RequiresTheFourCodesOfAnEpisode) {
  LookedAfterEpisode episode = valid_episode();
  episode.reason_new_episode.clear();
  episode.legal_status.clear();
  episode.category_of_need.clear();
  episode.place.clear();
  const auto errors = validate(episode, kToday);
  ASSERT_EQ(errors.size(), 4u) << describe(errors);
  for (const char* field : {"RNE", "LS", "CIN", "PLACE"}) {
    EXPECT_EQ(about(errors, field).size(), 1u) << field;
  }
}

TEST(ValidateLookedAfterEpisode, RejectsPlacementCodesNoLongerInUse) {
  LookedAfterEpisode episode = valid_episode();
  episode.place = "H5";
  expect_one_error(validate(episode, kToday), "PLACE", "only until 2023-24");
  // The same episode, begun in 2023, was fine in the 2023-24 return.
  episode.start_date = ymd(2023, 6, 1);
  EXPECT_TRUE(validate(episode, ymd(2024, 3, 31)).empty())
      << describe(validate(episode, ymd(2024, 3, 31)));
}

TEST(ValidateLookedAfterEpisode, RequiresTheEndDateAndReasonTogether) {
  LookedAfterEpisode episode = valid_episode();
  episode.end_date = ymd(2025, 10, 1);
  expect_one_error(validate(episode, kToday), "REC", "required");
  episode.reason_episode_ceased = "E4A";
  EXPECT_TRUE(validate(episode, kToday).empty());
  episode.end_date.reset();
  expect_one_error(validate(episode, kToday), "DEC", "required");
}

TEST(ValidateLookedAfterEpisode, RejectsAnEndBeforeTheStart) {
  LookedAfterEpisode episode = valid_episode();
  episode.end_date = ymd(2025, 5, 31);
  episode.reason_episode_ceased = "X1";
  expect_one_error(validate(episode, kToday), "DEC", "before DECOM");
}

TEST(ValidateLookedAfterEpisode, ChecksPostcodesUnderTheirReturnNames) {
  LookedAfterEpisode episode = valid_episode();
  episode.home_postcode = "B33";
  episode.placement_postcode = "CR2 6CH";
  const auto errors = validate(episode, kToday);
  ASSERT_EQ(errors.size(), 2u) << describe(errors);
  EXPECT_EQ(about(errors, "HOME_POST").size(), 1u);
  EXPECT_EQ(about(errors, "PL_POST").size(), 1u);
}

Placement valid_placement() {
  Placement placement;
  placement.id = "PL1";
  placement.la_code = "202";
  placement.child_id = "C123456";
  placement.place = "K2";
  placement.provider_kind = "PR4";
  placement.provider_id = "PROV1";
  placement.urn = "SC123456";
  placement.postcode = "DN55 1PT";
  placement.start_date = ymd(2025, 6, 1);
  return placement;
}

TEST(ValidatePlacement, AcceptsAPlacementInAChildrensHome) {
  EXPECT_TRUE(validate(valid_placement(), kToday).empty());
}

TEST(ValidatePlacement, RejectsUnknownCodesAndDatesOutOfOrder) {
  Placement placement = valid_placement();
  placement.place = "K9";
  placement.provider_kind = "PR9";
  placement.end_date = ymd(2025, 1, 1);
  placement.reason_for_change = "MOVED";
  const auto errors = validate(placement, kToday);
  ASSERT_EQ(errors.size(), 4u) << describe(errors);
  for (const char* field : {"PLACE", "PLACE_PROVIDER", "REASON_PLACE_CHANGE", "end_date"}) {
    EXPECT_EQ(about(errors, field).size(), 1u) << field;
  }
}

// ---------------------------------------------------------------------------------------------
// Missing episodes, people and carers

TEST(ValidateMissingEpisode, AcceptsMissingOrAwayOnly) {
  MissingEpisode episode;
  episode.id = "M1";
  episode.la_code = "202";
  episode.child_id = "C123456";
  episode.type = "M";
  episode.start_date = ymd(2025, 10, 10);
  episode.end_date = ymd(2025, 10, 11);
  EXPECT_TRUE(validate(episode, kToday).empty());
  episode.type = "A";
  EXPECT_TRUE(validate(episode, kToday).empty());
  episode.type = "X";
  expect_one_error(validate(episode, kToday), "MISSING", "'X'");
  episode.type = "M";
  episode.end_date = ymd(2025, 10, 9);
  expect_one_error(validate(episode, kToday), "MIS_END", "before MIS_START");
}

TEST(ValidatePerson, ChecksSexDateOfBirthAndPostcode) {
  Person person;
  person.id = "PE1";
  person.la_code = "202";
  person.sex = "M";
  person.date_of_birth = ymd(1990, 1, 1);
  person.postcode = "M1 1AE";
  EXPECT_TRUE(validate(person, kToday).empty());
  person.postcode = "not a postcode";
  expect_one_error(validate(person, kToday), "postcode");
  person.postcode.clear();
  person.date_of_birth = kToday.add_days(1);
  expect_one_error(validate(person, kToday), "date_of_birth", "in the future");
  person.date_of_birth.reset();
  person.sex = "X";
  expect_one_error(validate(person, kToday), "sex", "'X'");
}

TEST(ValidateCarer, RequiresAKnownKind) {
  Carer carer;
  carer.id = "CA1";
  carer.la_code = "202";
  carer.kind = "la_foster";
  carer.approved = ymd(2020, 1, 1);
  carer.approved_places = 2;
  EXPECT_TRUE(validate(carer, kToday).empty());
  carer.kind = "foster";
  expect_one_error(validate(carer, kToday), "kind", "'foster' is not a carer_kind code");
  carer.kind.clear();
  expect_one_error(validate(carer, kToday), "kind", "required");
}

TEST(ValidateCarer, RequiresAKinshipCarerToNameTheChild) {
  Carer carer;
  carer.id = "CA2";
  carer.la_code = "202";
  carer.kind = "kinship";
  expect_one_error(validate(carer, kToday), "related_child_id", "kinship");
  carer.related_child_id = "C123456";
  EXPECT_TRUE(validate(carer, kToday).empty());
}

TEST(ValidateCarer, RejectsDeregistrationBeforeApprovalAndNegativePlaces) {
  Carer carer;
  carer.id = "CA3";
  carer.la_code = "202";
  carer.kind = "ifa_foster";
  carer.approved = ymd(2020, 1, 1);
  carer.deregistered = ymd(2019, 12, 31);
  carer.approved_places = -1;
  const auto errors = validate(carer, kToday);
  ASSERT_EQ(errors.size(), 2u) << describe(errors);
  EXPECT_EQ(about(errors, "deregistered").size(), 1u);
  EXPECT_EQ(about(errors, "approved_places").size(), 1u);
}

}  // namespace
}  // namespace hearth::domain
