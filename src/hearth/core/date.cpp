#include "hearth/core/date.hpp"

#include <charconv>

#include <fmt/format.h>

namespace hearth::core {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar, by counting whole 400-year
// eras from 0000-03-01 (years start in March so that the leap day falls at a year's end).
int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Civil {
  int year;
  int month;
  int day;
};

Civil civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int mp = (5 * day_of_year + 2) / 153;
  const int d = day_of_year - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const int y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

constexpr int64_t kMicrosPerDay = 86'400'000'000;

}  // namespace

bool Date::is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1800 || year > 2200) {
    return Error::invalid("date", fmt::format("year {} is out of range (1800 to 2200)", year));
  }
  if (month < 1 || month > 12) {
    return Error::invalid("date", fmt::format("month {} is not a month", month));
  }
  if (day < 1 || day > days_in_month(year, month)) {
    return Error::invalid(
        "date", fmt::format("{:04}-{:02}-{:02} is not a date: {}/{} has {} days", year, month, day,
                            month, year, days_in_month(year, month)));
  }
  return Date(days_from_civil(year, month, day));
}

Result<Date> Date::parse_iso(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_int(text.substr(0, 4), y) ||
      !parse_int(text.substr(5, 2), m) || !parse_int(text.substr(8, 2), d)) {
    return Error::invalid("date", fmt::format("'{}' is not a date in the form YYYY-MM-DD", text));
  }
  return from_ymd(y, m, d);
}

Result<Date> Date::parse_uk(std::string_view text) {
  const auto first = text.find('/');
  const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
  int y = 0, m = 0, d = 0;
  if (second == std::string_view::npos || first == 0 || first > 2 || second - first - 1 == 0 ||
      second - first - 1 > 2 || text.size() - second - 1 != 4 ||
      !parse_int(text.substr(0, first), d) ||
      !parse_int(text.substr(first + 1, second - first - 1), m) ||
      !parse_int(text.substr(second + 1), y)) {
    return Error::invalid("date", fmt::format("'{}' is not a date in the form dd/mm/YYYY", text));
  }
  return from_ymd(y, m, d);
}

Result<Date> Date::parse(std::string_view text) {
  if (text.find('/') != std::string_view::npos) return parse_uk(text);
  return parse_iso(text);
}

int Date::year() const {
  return civil_from_days(days_).year;
}
int Date::month() const {
  return civil_from_days(days_).month;
}
int Date::day() const {
  return civil_from_days(days_).day;
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  const int index = ((days_ % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(index);
}

bool Date::is_weekend() const {
  const Weekday w = weekday();
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

std::string Date::to_iso() const {
  const Civil c = civil_from_days(days_);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string Date::to_uk() const {
  const Civil c = civil_from_days(days_);
  return fmt::format("{:02}/{:02}/{:04}", c.day, c.month, c.year);
}

Date Date::add_months(int n) const {
  const Civil c = civil_from_days(days_);
  const int total = c.year * 12 + (c.month - 1) + n;
  const int year = total / 12;
  const int month = total % 12 + 1;
  const int day = std::min(c.day, days_in_month(year, month));
  return Date(days_from_civil(year, month, day));
}

int Date::years_since(Date birth) const {
  const Civil now = civil_from_days(days_);
  const Civil born = civil_from_days(birth.days_);
  int years = now.year - born.year;
  if (now.month < born.month || (now.month == born.month && now.day < born.day)) --years;
  return years;
}

Date collection_year_start(int year) {
  return Date::from_days(days_from_civil(year - 1, 4, 1));
}
Date collection_year_end(int year) {
  return Date::from_days(days_from_civil(year, 3, 31));
}

int last_collection_year_ended(Date today) {
  return today >= collection_year_end(today.year()) ? today.year() : today.year() - 1;
}

Timestamp Timestamp::from_date(Date date, int hour, int minute, int second) {
  return Timestamp(static_cast<int64_t>(date.days_since_epoch()) * kMicrosPerDay +
                   ((hour * 60LL + minute) * 60LL + second) * 1'000'000LL);
}

Result<Timestamp> Timestamp::parse_iso(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.ffffff]Z
  auto bad = [&] {
    return Error::invalid("timestamp",
                          fmt::format("'{}' is not a UTC time like 2024-03-31T12:00:00Z", text));
  };
  if (text.size() < 20 || text.back() != 'Z' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':') {
    return bad();
  }
  auto date = Date::parse_iso(text.substr(0, 10));
  if (!date) return bad();
  int h = 0, mi = 0, s = 0;
  if (!parse_int(text.substr(11, 2), h) || !parse_int(text.substr(14, 2), mi) ||
      !parse_int(text.substr(17, 2), s) || h > 23 || mi > 59 || s > 59) {
    return bad();
  }
  int64_t micros = 0;
  const std::string_view rest = text.substr(19, text.size() - 20);
  if (!rest.empty()) {
    if (rest[0] != '.' || rest.size() < 2 || rest.size() > 7) return bad();
    int fraction = 0;
    if (!parse_int(rest.substr(1), fraction)) return bad();
    micros = fraction;
    for (size_t digits = rest.size() - 1; digits < 6; ++digits) micros *= 10;
  }
  return Timestamp(from_date(*date, h, mi, s).micros_ + micros);
}

Date Timestamp::date() const {
  int64_t days = micros_ / kMicrosPerDay;
  if (micros_ % kMicrosPerDay < 0) --days;
  return Date::from_days(static_cast<int32_t>(days));
}

std::string Timestamp::to_iso() const {
  const Date d = date();
  const int64_t in_day = micros_ - static_cast<int64_t>(d.days_since_epoch()) * kMicrosPerDay;
  const int64_t seconds = in_day / 1'000'000;
  return fmt::format("{}T{:02}:{:02}:{:02}.{:06}Z", d.to_iso(), seconds / 3600, seconds / 60 % 60,
                     seconds % 60, in_day % 1'000'000);
}

}  // namespace hearth::core
