// The caseload's de-identified figures: who is counted in which group on a day, by age band and
// sex, referrals and re-referrals in the year, and the suppression of small counts.
#include "hearth/metrics/caseload_figures.hpp"

#include <gtest/gtest.h>

namespace hearth::metrics {
namespace {

using core::Date;

Date day(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}

domain::Child child(std::string id, Date born, std::string sex) {
  domain::Child c;
  c.id = std::move(id);
  c.la_code = "999";
  c.date_of_birth = born;
  c.sex = std::move(sex);
  return c;
}

domain::Referral referral(std::string child_id, Date on, std::optional<Date> closed = {}) {
  domain::Referral r;
  r.id = "R" + child_id + on.to_iso();
  r.child_id = std::move(child_id);
  r.referral_date = on;
  r.closure_date = closed;
  return r;
}

TEST(CaseloadFigures, CountsEachChildInEveryGroupTheyAreInOnTheDay) {
  const Date on = day(2025, 6, 1);
  CaseloadInput input;
  input.children = {child("A", day(2025, 1, 1), "F"), child("B", day(2020, 1, 1), "M"),
                    child("C", day(2012, 1, 1), "F"), child("D", day(2008, 1, 1), "M")};
  input.referrals = {referral("A", day(2025, 3, 1)), referral("B", day(2024, 9, 1)),
                     referral("C", day(2023, 1, 1), day(2024, 1, 1)),  // closed before the day
                     referral("D", day(2025, 7, 1))};                  // after the day
  domain::ProtectionPlan plan;
  plan.child_id = "B";
  plan.start_date = day(2024, 10, 1);
  input.protection_plans = {plan};
  domain::LookedAfterEpisode episode;
  episode.child_id = "C";
  episode.start_date = day(2024, 2, 1);
  input.episodes = {episode};
  const auto figures = caseload_figures(input, on);
  EXPECT_EQ(figures.children_with_records, 4);
  EXPECT_EQ(figures.totals[kInNeed], 2);
  EXPECT_EQ(figures.totals[kProtectionPlan], 1);
  EXPECT_EQ(figures.totals[kLookedAfter], 1);
  EXPECT_EQ(figures.totals[kCinPlan], 0);
  EXPECT_EQ(figures.by_age[0].label, "Under 1");
  EXPECT_EQ(figures.by_age[0].counts[kInNeed], 1);          // A, 5 months
  EXPECT_EQ(figures.by_age[2].counts[kProtectionPlan], 1);  // B, 5
  EXPECT_EQ(figures.by_age[3].counts[kLookedAfter], 1);     // C, 13
  EXPECT_EQ(figures.by_sex[0].counts[kInNeed], 1);          // A, female
  EXPECT_EQ(figures.by_sex[1].counts[kInNeed], 1);          // B, male
}

TEST(CaseloadFigures, PutsChildrenInTheDfesAgeBands) {
  const Date on = day(2025, 6, 1);
  CaseloadInput input;
  const std::pair<const char*, Date> born[] = {
      {"u1", day(2025, 1, 1)},  {"a1", day(2024, 6, 1)},  {"a4", day(2020, 6, 2)},
      {"a5", day(2020, 6, 1)},  {"a9", day(2015, 6, 2)},  {"a10", day(2015, 6, 1)},
      {"a15", day(2009, 6, 2)}, {"a16", day(2009, 6, 1)}, {"a17", day(2008, 1, 1)}};
  for (const auto& [id, birth] : born) {
    input.children.push_back(child(id, birth, "F"));
    input.referrals.push_back(referral(id, day(2025, 5, 1)));
  }
  const auto figures = caseload_figures(input, on);
  const int64_t expected[] = {1, 2, 2, 2, 2};  // under 1; 1-4; 5-9; 10-15; 16+
  for (size_t band = 0; band < 5; ++band) {
    EXPECT_EQ(figures.by_age[band].counts[kInNeed], expected[band]) << figures.by_age[band].label;
  }
}

TEST(CaseloadFigures, CountsReferralsInTheYearAndThoseWithin12MonthsOfAnEarlierOne) {
  CaseloadInput input;
  input.children = {child("A", day(2015, 1, 1), "F"), child("B", day(2015, 1, 1), "M")};
  input.referrals = {referral("A", day(2024, 1, 10), day(2024, 2, 1)),
                     referral("A", day(2024, 12, 1), day(2025, 1, 1)),  // re-referral
                     referral("B", day(2023, 1, 1), day(2023, 2, 1)),
                     referral("B", day(2025, 3, 1))};  // not within 12 months
  const auto figures = caseload_figures(input, day(2025, 6, 1));
  EXPECT_EQ(figures.referrals_in_year, 2);
  EXPECT_EQ(figures.re_referrals_in_year, 1);
}

TEST(Suppression, HidesCountsFromOneToFiveAndKeepsZero) {
  EXPECT_EQ(shown(0), "0");
  for (int n = 1; n <= 5; ++n) EXPECT_EQ(shown(n), "c") << n;
  EXPECT_EQ(shown(6), "6");
  EXPECT_EQ(shown(1234567), "1,234,567");
}

TEST(Suppression, HidesASecondCellWhenOneHiddenCellCouldBeWorkedOutFromTheTotal) {
  EXPECT_EQ(shown_with_secondary({3, 40, 12, 0}), (std::vector<std::string>{"c", "40", "c", "0"}));
  // Two hidden already: neither can be worked out alone.
  EXPECT_EQ(shown_with_secondary({3, 40, 2, 9}), (std::vector<std::string>{"c", "40", "c", "9"}));
  EXPECT_EQ(shown_with_secondary({30, 40}), (std::vector<std::string>{"30", "40"}));
}

}  // namespace
}  // namespace hearth::metrics
