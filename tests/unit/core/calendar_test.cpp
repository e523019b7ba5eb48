#include "hearth/core/calendar.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace hearth::core {
namespace {

Date ymd(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

std::vector<std::string> holiday_dates(int year) {
  std::vector<std::string> dates;
  for (const BankHoliday& holiday : bank_holidays(year)) dates.push_back(holiday.date.to_iso());
  return dates;
}

// The bank holidays of England and Wales as published on gov.uk/bank-holidays (division
// england-and-wales), including the one-off days of 2020, 2022 and 2023 and the substitute days
// for Christmas and New Year falling at weekends.
const std::map<int, std::vector<std::string>>& published() {
  static const std::map<int, std::vector<std::string>> table = {
      {2020,
       {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
        "2020-12-25", "2020-12-28"}},
      {2021,
       {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
        "2021-12-27", "2021-12-28"}},
      {2022,
       {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
        "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}},
      {2023,
       {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
        "2023-08-28", "2023-12-25", "2023-12-26"}},
      {2024,
       {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
        "2024-12-25", "2024-12-26"}},
      {2025,
       {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
        "2025-12-25", "2025-12-26"}},
      {2026,
       {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
        "2026-12-25", "2026-12-28"}},
      {2027,
       {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
        "2027-12-27", "2027-12-28"}},
  };
  return table;
}

TEST(BankHolidays, MatchThePublishedListFor2020To2027) {
  for (const auto& [year, dates] : published()) {
    EXPECT_EQ(holiday_dates(year), dates) << year;
  }
}

TEST(BankHolidays, AreInDateOrderAndOnWeekdays) {
  for (int year = 1990; year <= 2060; ++year) {
    const auto holidays = bank_holidays(year);
    for (size_t i = 0; i < holidays.size(); ++i) {
      EXPECT_FALSE(holidays[i].date.is_weekend()) << holidays[i].date.to_iso();
      EXPECT_EQ(holidays[i].date.year(), year);
      if (i > 0) {
        EXPECT_LT(holidays[i - 1].date, holidays[i].date) << year;
      }
    }
  }
}

TEST(BankHolidays, IncludeTheOneOffDaysOf2011And2012) {
  const auto y2011 = holiday_dates(2011);
  EXPECT_NE(std::find(y2011.begin(), y2011.end(), "2011-04-29"), y2011.end());  // royal wedding
  EXPECT_EQ(y2011.size(), 9u);
  // 2012: the spring holiday moved from 28 May to 4 June, with 5 June for the Diamond Jubilee.
  EXPECT_EQ(holiday_dates(2012),
            (std::vector<std::string>{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07",
                                      "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25",
                                      "2012-12-26"}));
}

TEST(BankHolidays, MoveChristmasAndBoxingDayForwardOffAWeekend) {
  // 25 December on a Saturday: 27 and 28 December. On a Sunday: 26 and 27. 26 December on a
  // Saturday (25th a Friday): 25 and 28.
  auto christmas = [](int year) {
    std::vector<std::string> days;
    for (const BankHoliday& holiday : bank_holidays(year)) {
      if (holiday.date.month() == 12) days.push_back(holiday.date.to_iso());
    }
    return days;
  };
  EXPECT_EQ(christmas(2010), (std::vector<std::string>{"2010-12-27", "2010-12-28"}));
  EXPECT_EQ(christmas(2016), (std::vector<std::string>{"2016-12-26", "2016-12-27"}));
  EXPECT_EQ(christmas(2015), (std::vector<std::string>{"2015-12-25", "2015-12-28"}));
  EXPECT_EQ(christmas(2032), (std::vector<std::string>{"2032-12-27", "2032-12-28"}));
}

TEST(EasterSunday, MatchesKnownDatesIncludingTheEarliestAndLatest) {
  EXPECT_EQ(easter_sunday(2024), ymd(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2025), ymd(2025, 4, 20));
  EXPECT_EQ(easter_sunday(2000), ymd(2000, 4, 23));
  EXPECT_EQ(easter_sunday(2019), ymd(2019, 4, 21));
  EXPECT_EQ(easter_sunday(1818), ymd(1818, 3, 22));  // earliest possible
  EXPECT_EQ(easter_sunday(1943), ymd(1943, 4, 25));  // latest possible
  EXPECT_EQ(easter_sunday(2038), ymd(2038, 4, 25));
  for (int year = 1800; year <= 2200; ++year) {
    const Date easter = easter_sunday(year);
    EXPECT_EQ(easter.weekday(), Weekday::kSunday) << year;
    EXPECT_GE(easter, ymd(year, 3, 22)) << year;
    EXPECT_LE(easter, ymd(year, 4, 25)) << year;
  }
}

TEST(WorkingDayCalendar, TreatsWeekendsAndBankHolidaysAsNonWorkingDays) {
  const WorkingDayCalendar calendar;
  EXPECT_TRUE(calendar.is_bank_holiday(ymd(2022, 9, 19)));
  EXPECT_FALSE(calendar.is_working_day(ymd(2022, 9, 19)));
  EXPECT_FALSE(calendar.is_working_day(ymd(2024, 3, 30)));  // Saturday
  EXPECT_FALSE(calendar.is_working_day(ymd(2024, 3, 31)));  // Sunday
  EXPECT_FALSE(calendar.is_bank_holiday(ymd(2024, 3, 31)));
  EXPECT_TRUE(calendar.is_working_day(ymd(2024, 4, 2)));
  EXPECT_FALSE(calendar.is_bank_holiday(ymd(2022, 5, 30)));  // spring holiday moved that year
  EXPECT_TRUE(calendar.is_working_day(ymd(2022, 5, 30)));
}

TEST(WorkingDayCalendar, AddsWorkingDaysAcrossEaster) {
  const WorkingDayCalendar calendar;
  // Thursday before Good Friday 2024: the next working day is the Tuesday after Easter Monday.
  EXPECT_EQ(calendar.add_working_days(ymd(2024, 3, 28), 1), ymd(2024, 4, 2));
  EXPECT_EQ(calendar.add_working_days(ymd(2024, 3, 28), 0), ymd(2024, 3, 28));
}

TEST(WorkingDayCalendar, AddsWorkingDaysAcrossChristmas) {
  const WorkingDayCalendar calendar;
  EXPECT_EQ(calendar.add_working_days(ymd(2022, 12, 23), 1), ymd(2022, 12, 28));
  EXPECT_EQ(calendar.add_working_days(ymd(2021, 12, 24), 1), ymd(2021, 12, 29));
  EXPECT_EQ(calendar.add_working_days(ymd(2020, 12, 24), 2), ymd(2020, 12, 30));
}

TEST(WorkingDayCalendar, GivesTheAssessmentAndConferenceDeadlines) {
  const WorkingDayCalendar calendar;
  // 45 working days from a referral on Tuesday 2 January 2024: nine whole weeks, no holidays.
  EXPECT_EQ(calendar.add_working_days(ymd(2024, 1, 2), 45), ymd(2024, 3, 5));
  // 15 working days from a strategy discussion on 1 May 2023 (itself a bank holiday), skipping
  // the coronation holiday on 8 May.
  EXPECT_EQ(calendar.add_working_days(ymd(2023, 5, 1), 15), ymd(2023, 5, 23));
  // A Friday plus one working day is the Monday.
  EXPECT_EQ(calendar.add_working_days(ymd(2024, 6, 7), 1), ymd(2024, 6, 10));
}

TEST(WorkingDayCalendar, CountsWorkingDaysBetweenDates) {
  const WorkingDayCalendar calendar;
  EXPECT_EQ(calendar.working_days_between(ymd(2024, 3, 28), ymd(2024, 4, 2)), 1);
  EXPECT_EQ(calendar.working_days_between(ymd(2024, 6, 3), ymd(2024, 6, 7)), 4);
  EXPECT_EQ(calendar.working_days_between(ymd(2024, 6, 3), ymd(2024, 6, 3)), 0);
  EXPECT_EQ(calendar.working_days_between(ymd(2024, 6, 7), ymd(2024, 6, 3)), 0);
  EXPECT_EQ(calendar.working_days_between(ymd(2023, 12, 31), ymd(2024, 12, 31)), 254);
}

TEST(WorkingDayCalendar, CountingUndoesAdding) {
  const WorkingDayCalendar calendar;
  for (Date start = ymd(2021, 12, 1); start <= ymd(2023, 1, 31); start = start.add_days(3)) {
    for (int n : {0, 1, 2, 5, 10, 15, 20, 45}) {
      const Date end = calendar.add_working_days(start, n);
      EXPECT_EQ(calendar.working_days_between(start, end), n) << start.to_iso() << " + " << n;
      if (n > 0) {
        EXPECT_TRUE(calendar.is_working_day(end)) << end.to_iso();
      }
    }
  }
}

}  // namespace
}  // namespace hearth::core
