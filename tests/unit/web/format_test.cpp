#include "hearth/web/format.hpp"

#include <gtest/gtest.h>

namespace hearth::web {
namespace {

core::Date ymd(int y, int m, int d) {
  return core::Date::from_ymd(y, m, d).value();
}

TEST(FormatDateShort, WritesDayMonthAbbreviationAndYear) {
  EXPECT_EQ(format_date_short(ymd(2019, 3, 3)), "3 Mar 2019");
  EXPECT_EQ(format_date_short(ymd(2024, 12, 31)), "31 Dec 2024");
  EXPECT_EQ(format_date_short(ymd(2000, 1, 10)), "10 Jan 2000");
}

TEST(FormatCount, GroupsThousandsWithCommas) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1234), "1,234");
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_count(-1000), "-1,000");
}

TEST(FamilyFirstName, CapitalisesTheFamilyName) {
  domain::PersonName name;
  name.given = "Rebecca";
  name.family = "O'Brien-smith";
  EXPECT_EQ(family_first_name(name), "O'BRIEN-SMITH, Rebecca");
  name.given.clear();
  EXPECT_EQ(family_first_name(name), "O'BRIEN-SMITH");
  name.family.clear();
  name.given = "Jo";
  EXPECT_EQ(family_first_name(name), "Jo");
  name.given.clear();
  EXPECT_EQ(family_first_name(name), "");
}

TEST(MonthsBetween, CountsWholeMonths) {
  EXPECT_EQ(months_between(ymd(2025, 1, 15), ymd(2025, 6, 1)), 4);
  EXPECT_EQ(months_between(ymd(2025, 1, 1), ymd(2025, 6, 1)), 5);
  EXPECT_EQ(months_between(ymd(2025, 6, 2), ymd(2025, 6, 1)), 0);
}

}  // namespace
}  // namespace hearth::web
