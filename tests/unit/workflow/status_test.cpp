// Where a child stands, from the records, and the next statutory dates their own dates decide.
#include "hearth/workflow/status.hpp"

#include <gtest/gtest.h>

#include "hearth/workflow/statutory_dates.hpp"

namespace hearth::workflow {
namespace {

using core::Date;

Date day(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}

store::ChildRecord record_with_referral(Date referred, std::optional<Date> closed = {}) {
  store::ChildRecord record;
  record.child.value.id = "C1";
  record.child.value.la_code = "999";
  domain::Referral referral;
  referral.id = "R1";
  referral.child_id = "C1";
  referral.referral_date = referred;
  referral.closure_date = closed;
  record.referrals.push_back(referral);
  return record;
}

TEST(ChildStatus, AnOpenReferralWithAnAssessmentUnderWay) {
  auto record = record_with_referral(day(2025, 5, 1));
  domain::Assessment assessment;
  assessment.id = "A1";
  assessment.referral_id = "R1";
  assessment.start_date = day(2025, 5, 2);
  record.assessments.push_back(assessment);
  const auto status = current_status(record, day(2025, 6, 1));
  EXPECT_TRUE(status.open_referral);
  EXPECT_EQ(status.referral_since, day(2025, 5, 1));
  EXPECT_TRUE(status.assessment_in_progress);
  EXPECT_FALSE(status.looked_after);
  EXPECT_TRUE(status.open());
}

TEST(ChildStatus, AClosedCaseIsNotOpenAndSaysWhenItClosed) {
  const auto status =
      current_status(record_with_referral(day(2024, 1, 1), day(2024, 3, 1)), day(2025, 6, 1));
  EXPECT_FALSE(status.open());
  EXPECT_EQ(status.referral_closed, day(2024, 3, 1));
}

TEST(ChildStatus, NothingAfterTodayCounts) {
  const auto status = current_status(record_with_referral(day(2025, 7, 1)), day(2025, 6, 1));
  EXPECT_FALSE(status.open_referral);
}

TEST(ChildStatus, LookedAfterSinceTheStartOfThePeriodOfCareAcrossEpisodes) {
  auto record = record_with_referral(day(2024, 1, 1));
  domain::LookedAfterEpisode first;
  first.id = "E1";
  first.start_date = day(2024, 2, 1);
  first.end_date = day(2024, 9, 1);
  first.reason_new_episode = "S";
  first.legal_status = "V2";
  domain::LookedAfterEpisode second = first;
  second.id = "E2";
  second.start_date = day(2024, 9, 1);
  second.end_date.reset();
  second.reason_new_episode = "L";
  second.legal_status = "C2";
  second.place = "U1";
  record.episodes = {first, second};
  const auto status = current_status(record, day(2025, 6, 1));
  EXPECT_TRUE(status.looked_after);
  EXPECT_EQ(status.looked_after_since, day(2024, 2, 1));
  EXPECT_EQ(status.legal_status, "C2");
  EXPECT_EQ(status.placement_type, "U1");
}

TEST(ChildStatus, OnAProtectionPlanWithItsLatestCategory) {
  auto record = record_with_referral(day(2025, 1, 6));
  domain::ProtectionPlan plan;
  plan.id = "P1";
  plan.start_date = day(2025, 2, 3);
  plan.initial_category = "NEG";
  plan.latest_category = "EMO";
  record.protection_plans.push_back(plan);
  const auto status = current_status(record, day(2025, 6, 1));
  EXPECT_TRUE(status.on_protection_plan);
  EXPECT_EQ(status.protection_category, "EMO");
}

core::WorkingDayCalendar calendar;

TEST(StatutoryDates, AnAssessmentIsDue45WorkingDaysAfterTheReferral) {
  auto record = record_with_referral(day(2025, 4, 1));
  domain::Assessment assessment;
  assessment.id = "A1";
  assessment.referral_id = "R1";
  assessment.start_date = day(2025, 4, 2);
  record.assessments.push_back(assessment);
  const auto dates = next_statutory_dates(record, day(2025, 5, 1), calendar);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].event, StatutoryEvent::kAssessment);
  // 45 working days from Tuesday 1 April 2025, skipping Good Friday, Easter Monday and the two
  // May bank holidays.
  EXPECT_EQ(dates[0].due, calendar.add_working_days(day(2025, 4, 1), 45));
  EXPECT_EQ(dates[0].due, day(2025, 6, 9));
  EXPECT_FALSE(dates[0].overdue(day(2025, 6, 9)));
  EXPECT_TRUE(dates[0].overdue(day(2025, 6, 10)));
}

TEST(StatutoryDates, AnAuthorisedAssessmentHasNoDateLeft) {
  auto record = record_with_referral(day(2025, 4, 1));
  domain::Assessment assessment;
  assessment.referral_id = "R1";
  assessment.start_date = day(2025, 4, 2);
  assessment.authorisation_date = day(2025, 4, 30);
  record.assessments.push_back(assessment);
  EXPECT_TRUE(next_statutory_dates(record, day(2025, 5, 1), calendar).empty());
}

TEST(StatutoryDates, TheInitialConferenceIsDueOnTheTargetDate) {
  auto record = record_with_referral(day(2025, 4, 1));
  domain::Section47Enquiry enquiry;
  enquiry.id = "S1";
  enquiry.start_date = day(2025, 4, 2);
  enquiry.icpc_target_date = day(2025, 4, 25);
  record.section47_enquiries.push_back(enquiry);
  const auto dates = next_statutory_dates(record, day(2025, 4, 10), calendar);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].event, StatutoryEvent::kInitialConference);
  EXPECT_EQ(dates[0].due, day(2025, 4, 25));
}

TEST(StatutoryDates, AProtectionPlanIsReviewedWithinThreeMonthsThenSix) {
  auto record = record_with_referral(day(2025, 1, 6));
  domain::ProtectionPlan plan;
  plan.id = "P1";
  plan.start_date = day(2025, 1, 31);
  record.protection_plans.push_back(plan);
  auto dates = next_statutory_dates(record, day(2025, 3, 1), calendar);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].due, day(2025, 4, 30));  // 31 January + 3 months, clamped
  record.protection_plans[0].review_dates = {day(2025, 4, 28)};
  dates = next_statutory_dates(record, day(2025, 5, 1), calendar);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].due, day(2025, 10, 28));
}

TEST(StatutoryDates, AChildInCareIsReviewedWithin20WorkingDaysThen3MonthsThen6) {
  store::ChildRecord record;
  domain::LookedAfterEpisode episode;
  episode.id = "E1";
  episode.start_date = day(2025, 3, 3);
  episode.reason_new_episode = "S";
  record.episodes.push_back(episode);
  auto dates = next_statutory_dates(record, day(2025, 3, 10), calendar);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].event, StatutoryEvent::kLookedAfterReview);
  EXPECT_EQ(dates[0].due, calendar.add_working_days(day(2025, 3, 3), 20));
  record.reviews.push_back({"LR1", "999", "C1", day(2025, 3, 28), "PN1"});
  dates = next_statutory_dates(record, day(2025, 4, 10), calendar);
  EXPECT_EQ(dates[0].due, day(2025, 6, 28));
  record.reviews.push_back({"LR2", "999", "C1", day(2025, 6, 20), "PN1"});
  dates = next_statutory_dates(record, day(2025, 7, 1), calendar);
  EXPECT_EQ(dates[0].due, day(2025, 12, 20));
}

TEST(StatutoryDates, SoonestFirstAndEachRuleCitesItsSource) {
  for (const auto& rule : statutory_rules()) {
    EXPECT_FALSE(rule.source.empty()) << rule.name;
    EXPECT_EQ(&rule_for(rule.event), &rule);
  }
  auto record = record_with_referral(day(2025, 4, 1));
  domain::Assessment assessment;
  assessment.referral_id = "R1";
  assessment.start_date = day(2025, 4, 2);
  record.assessments.push_back(assessment);
  domain::Section47Enquiry enquiry;
  enquiry.start_date = day(2025, 4, 2);
  enquiry.icpc_target_date = day(2025, 4, 25);
  record.section47_enquiries.push_back(enquiry);
  const auto dates = next_statutory_dates(record, day(2025, 4, 10), calendar);
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_LT(dates[0].due, dates[1].due);
}

}  // namespace
}  // namespace hearth::workflow
