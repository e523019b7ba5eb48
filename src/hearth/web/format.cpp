#include "hearth/web/format.hpp"

#include <fmt/format.h>

namespace hearth::web {

std::string format_date_short(core::Date date) {
  // Month abbreviations as GOV.UK tables write them (a Welsh catalogue would replace these).
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {} {}", date.day(), kMonths[date.month() - 1], date.year());
}

namespace {

// The last Sunday of `month` in `year`.
core::Date last_sunday(int year, int month) {
  core::Date day =
      core::Date::from_ymd(year, month, core::Date::days_in_month(year, month)).value();
  while (day.weekday() != core::Weekday::kSunday) day = day.add_days(-1);
  return day;
}

}  // namespace

std::string format_timestamp(core::Timestamp at) {
  const int year = at.date().year();
  const auto summer_starts = core::Timestamp::from_date(last_sunday(year, 3), 1);
  const auto summer_ends = core::Timestamp::from_date(last_sunday(year, 10), 1);
  const bool summer = at >= summer_starts && at < summer_ends;
  const auto shifted = at.plus_seconds(summer ? 3600 : 0);
  const int64_t seconds_of_day = (shifted.micros() / 1'000'000) % 86400;
  return fmt::format("{}, {:02}:{:02}", format_date_short(shifted.date()), seconds_of_day / 3600,
                     (seconds_of_day / 60) % 60);
}

std::string format_date_long(core::Date date) {
  static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  return fmt::format("{} {} {}", date.day(), kMonths[date.month() - 1], date.year());
}

std::string format_count(int64_t count) {
  std::string digits = std::to_string(count < 0 ? -count : count);
  std::string out;
  const size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first_group);
  for (size_t i = first_group; i < digits.size(); i += 3) {
    out.push_back(',');
    out.append(digits, i, 3);
  }
  return count < 0 ? "-" + out : out;
}

std::string family_first_name(const domain::PersonName& name) {
  std::string family = name.family;
  for (char& c : family) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (family.empty()) return name.given;
  if (name.given.empty()) return family;
  return family + ", " + name.given;
}

int months_between(core::Date birth, core::Date today) {
  int months = (today.year() - birth.year()) * 12 + (today.month() - birth.month());
  if (today.day() < birth.day()) --months;
  return months < 0 ? 0 : months;
}

}  // namespace hearth::web
