#include "hearth/core/date.hpp"

#include <gtest/gtest.h>

namespace hearth::core {
namespace {

Date ymd(int y, int m, int d) {
  auto date = Date::from_ymd(y, m, d);
  EXPECT_TRUE(date.ok()) << y << "-" << m << "-" << d;
  return *date;
}

TEST(Date, AcceptsTwentyNinthFebruaryOnlyInLeapYears) {
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29).ok());
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29).ok());  // divisible by 400
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29).ok());
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29).ok());  // divisible by 100, not by 400
  EXPECT_FALSE(Date::from_ymd(2100, 2, 29).ok());
}

TEST(Date, KnowsLeapYears) {
  EXPECT_TRUE(Date::is_leap_year(2024));
  EXPECT_TRUE(Date::is_leap_year(2000));
  EXPECT_FALSE(Date::is_leap_year(2023));
  EXPECT_FALSE(Date::is_leap_year(1900));
  EXPECT_EQ(Date::days_in_month(2024, 2), 29);
  EXPECT_EQ(Date::days_in_month(2023, 2), 28);
  EXPECT_EQ(Date::days_in_month(2023, 4), 30);
  EXPECT_EQ(Date::days_in_month(2023, 12), 31);
}

TEST(Date, RejectsThirtyFirstFebruaryAndOtherImpossibleDates) {
  auto feb31 = Date::from_ymd(2024, 2, 31);
  ASSERT_FALSE(feb31.ok());
  EXPECT_EQ(feb31.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(feb31.error().field, "date");
  EXPECT_NE(feb31.error().message.find("2024-02-31"), std::string::npos);
  EXPECT_FALSE(Date::from_ymd(2023, 4, 31).ok());
  EXPECT_FALSE(Date::from_ymd(2023, 13, 1).ok());
  EXPECT_FALSE(Date::from_ymd(2023, 0, 1).ok());
  EXPECT_FALSE(Date::from_ymd(2023, 1, 0).ok());
  EXPECT_FALSE(Date::from_ymd(2023, 1, 32).ok());
}

TEST(Date, RejectsYearsOutsideTheDomainRange) {
  EXPECT_TRUE(Date::from_ymd(1800, 1, 1).ok());
  EXPECT_TRUE(Date::from_ymd(2200, 12, 31).ok());
  EXPECT_FALSE(Date::from_ymd(1799, 12, 31).ok());
  EXPECT_FALSE(Date::from_ymd(2201, 1, 1).ok());
}

TEST(Date, ParsesIsoAndWritesItBack) {
  for (const char* text : {"2024-03-31", "2024-02-29", "1970-01-01", "1800-01-01", "2199-12-31"}) {
    auto date = Date::parse_iso(text);
    ASSERT_TRUE(date.ok()) << text;
    EXPECT_EQ(date->to_iso(), text);
  }
}

TEST(Date, RejectsMalformedIsoText) {
  for (const char* text : {"", "2024-3-31", "2024/03/31", "31-03-2024", "2024-03-31T00:00",
                           "2024-02-30", "20240331", "2024-0a-31", "+024-03-31", " 2024-03-31"}) {
    auto date = Date::parse_iso(text);
    EXPECT_FALSE(date.ok()) << text;
    if (!date.ok()) {
      EXPECT_EQ(date.error().code, ErrorCode::kInvalid) << text;
    }
  }
}

TEST(Date, ParsesUkFormatWithOneOrTwoDigitDayAndMonth) {
  EXPECT_EQ(Date::parse_uk("31/03/2024")->to_iso(), "2024-03-31");
  EXPECT_EQ(Date::parse_uk("1/4/2024")->to_iso(), "2024-04-01");
  EXPECT_EQ(Date::parse_uk("01/4/2024")->to_iso(), "2024-04-01");
  EXPECT_EQ(ymd(2024, 4, 1).to_uk(), "01/04/2024");
}

TEST(Date, RoundTripsUkFormat) {
  for (const char* text : {"31/03/2024", "29/02/2024", "01/01/1970", "25/12/2022"}) {
    auto date = Date::parse_uk(text);
    ASSERT_TRUE(date.ok()) << text;
    EXPECT_EQ(date->to_uk(), text);
    EXPECT_EQ(Date::parse_iso(date->to_iso())->to_uk(), text);
  }
}

TEST(Date, RejectsMalformedUkText) {
  for (const char* text :
       {"", "31/03/24", "31-03-2024", "2024/03/31", "/03/2024", "31//2024", "123/03/2024",
        "31/003/2024", "29/02/2023", "31/03/2024 ", "a1/03/2024", "31/03"}) {
    EXPECT_FALSE(Date::parse_uk(text).ok()) << text;
  }
}

TEST(Date, ParseAcceptsEitherFormat) {
  EXPECT_EQ(*Date::parse("2024-03-31"), ymd(2024, 3, 31));
  EXPECT_EQ(*Date::parse("31/03/2024"), ymd(2024, 3, 31));
  EXPECT_FALSE(Date::parse("31.03.2024").ok());
}

TEST(Date, ConvertsToAndFromDayCountsAcrossTheWholeRange) {
  // Every day from 1800 to 2200 survives days -> y/m/d -> days, and consecutive days are one apart.
  const Date first = ymd(1800, 1, 1);
  const Date last = ymd(2200, 12, 31);
  Date previous = first;
  for (Date d = first; d <= last; d = d.add_days(1)) {
    auto again = Date::from_ymd(d.year(), d.month(), d.day());
    ASSERT_TRUE(again.ok()) << d.to_iso();
    ASSERT_EQ(*again, d);
    if (d != first) {
      ASSERT_EQ(previous.days_until(d), 1);
    }
    previous = d;
  }
  EXPECT_EQ(ymd(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(ymd(1969, 12, 31).days_since_epoch(), -1);
  EXPECT_EQ(ymd(2000, 3, 1).days_since_epoch(), 11017);
}

TEST(Date, KnowsTheDayOfTheWeek) {
  EXPECT_EQ(ymd(1970, 1, 1).weekday(), Weekday::kThursday);
  EXPECT_EQ(ymd(1969, 12, 31).weekday(), Weekday::kWednesday);
  EXPECT_EQ(ymd(2024, 3, 31).weekday(), Weekday::kSunday);
  EXPECT_EQ(ymd(2024, 4, 1).weekday(), Weekday::kMonday);
  EXPECT_EQ(ymd(1800, 1, 1).weekday(), Weekday::kWednesday);
  EXPECT_TRUE(ymd(2024, 3, 30).is_weekend());
  EXPECT_TRUE(ymd(2024, 3, 31).is_weekend());
  EXPECT_FALSE(ymd(2024, 3, 29).is_weekend());
}

TEST(Date, AddMonthsClampsToTheEndOfShorterMonths) {
  EXPECT_EQ(ymd(2024, 1, 31).add_months(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2023, 1, 31).add_months(1), ymd(2023, 2, 28));
  EXPECT_EQ(ymd(2023, 10, 31).add_months(1), ymd(2023, 11, 30));
  EXPECT_EQ(ymd(2024, 3, 31).add_months(-1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2024, 8, 31).add_months(6), ymd(2025, 2, 28));
  EXPECT_EQ(ymd(2024, 1, 15).add_months(3), ymd(2024, 4, 15));
}

TEST(Date, AddMonthsCrossesYearsBothWays) {
  EXPECT_EQ(ymd(2023, 12, 15).add_months(1), ymd(2024, 1, 15));
  EXPECT_EQ(ymd(2024, 1, 15).add_months(-1), ymd(2023, 12, 15));
  EXPECT_EQ(ymd(2024, 1, 15).add_months(-13), ymd(2022, 12, 15));
  EXPECT_EQ(ymd(2024, 5, 10).add_months(24), ymd(2026, 5, 10));
  EXPECT_EQ(ymd(2024, 5, 10).add_months(0), ymd(2024, 5, 10));
}

TEST(Date, AddYearsMovesTheTwentyNinthOfFebruaryToTheTwentyEighth) {
  EXPECT_EQ(ymd(2024, 2, 29).add_years(1), ymd(2025, 2, 28));
  EXPECT_EQ(ymd(2024, 2, 29).add_years(4), ymd(2028, 2, 29));
  EXPECT_EQ(ymd(2024, 6, 1).add_years(-18), ymd(2006, 6, 1));
}

TEST(Date, YearsSinceIsTheAgeOnThatDay) {
  const Date born = ymd(2010, 6, 15);
  EXPECT_EQ(ymd(2028, 6, 14).years_since(born), 17);
  EXPECT_EQ(ymd(2028, 6, 15).years_since(born), 18);
  EXPECT_EQ(ymd(2028, 12, 31).years_since(born), 18);
  EXPECT_EQ(ymd(2011, 1, 1).years_since(born), 0);
  EXPECT_EQ(born.years_since(born), 0);
}

TEST(Date, YearsSinceALeapDayBirthTurnsOverOnFirstMarchInOtherYears) {
  const Date born = ymd(2008, 2, 29);
  EXPECT_EQ(ymd(2026, 2, 28).years_since(born), 17);
  EXPECT_EQ(ymd(2026, 3, 1).years_since(born), 18);
  EXPECT_EQ(ymd(2024, 2, 29).years_since(born), 16);
}

TEST(Date, CountsDaysBetweenDates) {
  EXPECT_EQ(ymd(2024, 1, 1).days_until(ymd(2024, 12, 31)), 365);
  EXPECT_EQ(ymd(2023, 1, 1).days_until(ymd(2023, 12, 31)), 364);
  EXPECT_EQ(ymd(2024, 3, 1).days_until(ymd(2024, 2, 28)), -2);
  EXPECT_EQ(ymd(2024, 2, 28).add_days(2), ymd(2024, 3, 1));
}

TEST(Date, OrdersByDay) {
  EXPECT_LT(ymd(2024, 3, 30), ymd(2024, 3, 31));
  EXPECT_GT(ymd(2025, 1, 1), ymd(2024, 12, 31));
  EXPECT_EQ(ymd(2024, 3, 31), *Date::parse_uk("31/03/2024"));
}

TEST(CollectionYear, RunsFromFirstAprilToThirtyFirstMarch) {
  EXPECT_EQ(collection_year_start(2026), ymd(2025, 4, 1));
  EXPECT_EQ(collection_year_end(2026), ymd(2026, 3, 31));
  EXPECT_EQ(collection_year_end(2024).add_days(1), collection_year_start(2025));
}

TEST(Timestamp, ParsesAndWritesIsoWithSixFractionalDigits) {
  auto t = Timestamp::parse_iso("2024-03-31T12:34:56Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->to_iso(), "2024-03-31T12:34:56.000000Z");
  EXPECT_EQ(t->date(), ymd(2024, 3, 31));

  auto fraction = Timestamp::parse_iso("2024-03-31T00:00:00.5Z");
  ASSERT_TRUE(fraction.ok());
  EXPECT_EQ(fraction->to_iso(), "2024-03-31T00:00:00.500000Z");

  auto micros = Timestamp::parse_iso("2024-03-31T23:59:59.123456Z");
  ASSERT_TRUE(micros.ok());
  EXPECT_EQ(micros->to_iso(), "2024-03-31T23:59:59.123456Z");
  EXPECT_EQ(*Timestamp::parse_iso(micros->to_iso()), *micros);
}

TEST(Timestamp, RejectsMalformedText) {
  for (const char* text :
       {"", "2024-03-31", "2024-03-31T12:34:56", "2024-03-31 12:34:56Z", "2024-03-31T24:00:00Z",
        "2024-03-31T12:60:00Z", "2024-02-30T12:00:00Z", "2024-03-31T12:00:00.1234567Z",
        "2024-03-31T12:00:00.Z", "2024-03-31T12:00:00,5Z"}) {
    EXPECT_FALSE(Timestamp::parse_iso(text).ok()) << text;
  }
}

TEST(Timestamp, FromDateCountsHoursMinutesAndSeconds) {
  const Timestamp t = Timestamp::from_date(ymd(1970, 1, 2), 1, 2, 3);
  EXPECT_EQ(t.micros(), (86'400LL + 3'723LL) * 1'000'000LL);
  EXPECT_EQ(t.to_iso(), "1970-01-02T01:02:03.000000Z");
}

TEST(Timestamp, DateOfAnInstantBeforeTheEpochRoundsDown) {
  const Timestamp t = Timestamp::from_micros(-1);
  EXPECT_EQ(t.date(), ymd(1969, 12, 31));
  EXPECT_EQ(t.to_iso(), "1969-12-31T23:59:59.999999Z");
}

TEST(Timestamp, TextOrderIsTimeOrder) {
  const Timestamp a = *Timestamp::parse_iso("2024-03-31T09:00:00Z");
  const Timestamp b = *Timestamp::parse_iso("2024-03-31T10:00:00.000001Z");
  EXPECT_LT(a, b);
  EXPECT_LT(a.to_iso(), b.to_iso());
}

}  // namespace
}  // namespace hearth::core
