#include "hearth/core/calendar.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace hearth::core {
namespace {

Date ymd(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

Date first_monday(int year, int month) {
  Date d = ymd(year, month, 1);
  while (d.weekday() != Weekday::kMonday) d = d.add_days(1);
  return d;
}

Date last_monday(int year, int month) {
  Date d = ymd(year, month, Date::days_in_month(year, month));
  while (d.weekday() != Weekday::kMonday) d = d.add_days(-1);
  return d;
}

}  // namespace

Date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return ymd(year, month, day);
}

std::vector<BankHoliday> bank_holidays(int year) {
  std::vector<BankHoliday> days;
  std::set<Date> taken;
  // A weekend holiday moves forward to the next weekday not already taken.
  auto add_substitutable = [&](Date date, const char* name) {
    while (date.is_weekend() || taken.count(date)) date = date.add_days(1);
    taken.insert(date);
    days.push_back({date, name});
  };
  auto add_fixed = [&](Date date, const char* name) {
    taken.insert(date);
    days.push_back({date, name});
  };

  const Date easter = easter_sunday(year);
  add_fixed(easter.add_days(-2), "Good Friday");
  add_fixed(easter.add_days(1), "Easter Monday");

  // Early May moved to 8 May in 2020 (VE Day 75) and was joined by a coronation day in 2023.
  if (year == 2020) {
    add_fixed(ymd(2020, 5, 8), "Early May bank holiday (VE day)");
  } else {
    add_fixed(first_monday(year, 5), "Early May bank holiday");
  }
  // Spring moved to 2 June in 2002 and 2012 and 2022 for jubilees.
  if (year == 2002) {
    add_fixed(ymd(2002, 6, 4), "Spring bank holiday");
    add_fixed(ymd(2002, 6, 3), "Golden Jubilee bank holiday");
  } else if (year == 2012) {
    add_fixed(ymd(2012, 6, 4), "Spring bank holiday");
    add_fixed(ymd(2012, 6, 5), "Queen's Diamond Jubilee");
  } else if (year == 2022) {
    add_fixed(ymd(2022, 6, 2), "Spring bank holiday");
    add_fixed(ymd(2022, 6, 3), "Platinum Jubilee bank holiday");
  } else {
    add_fixed(last_monday(year, 5), "Spring bank holiday");
  }
  add_fixed(last_monday(year, 8), "Summer bank holiday");
  if (year == 2011) add_fixed(ymd(2011, 4, 29), "Royal wedding");
  if (year == 2022) add_fixed(ymd(2022, 9, 19), "State Funeral of Queen Elizabeth II");
  if (year == 2023)
    add_fixed(ymd(2023, 5, 8), "Bank holiday for the coronation of King Charles III");

  add_substitutable(ymd(year, 1, 1), "New Year's Day");
  add_substitutable(ymd(year, 12, 25), "Christmas Day");
  add_substitutable(ymd(year, 12, 26), "Boxing Day");

  std::sort(days.begin(), days.end(),
            [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return days;
}

bool WorkingDayCalendar::is_bank_holiday(Date date) const {
  // Years are computed once and kept; the table is tiny and shared by all threads.
  static std::mutex mutex;
  static std::map<int, std::set<Date>> by_year;
  const int year = date.year();
  std::lock_guard lock(mutex);
  auto it = by_year.find(year);
  if (it == by_year.end()) {
    std::set<Date> dates;
    for (const auto& holiday : bank_holidays(year)) dates.insert(holiday.date);
    it = by_year.emplace(year, std::move(dates)).first;
  }
  return it->second.count(date) > 0;
}

Date WorkingDayCalendar::add_working_days(Date start, int n) const {
  Date d = start;
  while (n > 0) {
    d = d.add_days(1);
    if (is_working_day(d)) --n;
  }
  return d;
}

int WorkingDayCalendar::working_days_between(Date from, Date to) const {
  int count = 0;
  for (Date d = from.add_days(1); d <= to; d = d.add_days(1)) {
    if (is_working_day(d)) ++count;
  }
  return count;
}

}  // namespace hearth::core
