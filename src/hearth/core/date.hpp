// Civil dates (no time zone) for statutory facts, and UTC timestamps for when things were recorded.
// A Date is a count of days since 1970-01-01, so comparison and day arithmetic are integer
// operations; it can only hold real dates (no 31 February), because every way of making one checks.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "hearth/core/result.hpp"

namespace hearth::core {

enum class Weekday { kMonday = 0, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  // 1970-01-01. Prefer the factories; a default Date exists so that Date can sit in containers.
  constexpr Date() = default;

  // Fails with kInvalid (naming the field as "date") for 2023-02-29, month 13, day 0, or a
  // year outside 1800..2200 (outside that range a date in this domain is a typing error).
  static Result<Date> from_ymd(int year, int month, int day);
  // "2024-03-31".
  static Result<Date> parse_iso(std::string_view text);
  // "31/03/2024", the DfE returns' format. One-digit day or month is accepted ("1/4/2024").
  static Result<Date> parse_uk(std::string_view text);
  // Either of the above.
  static Result<Date> parse(std::string_view text);

  static constexpr Date from_days(int32_t days_since_epoch) { return Date(days_since_epoch); }
  constexpr int32_t days_since_epoch() const { return days_; }

  int year() const;
  int month() const;
  int day() const;
  Weekday weekday() const;
  bool is_weekend() const;

  std::string to_iso() const;  // "2024-03-31"
  std::string to_uk() const;   // "31/03/2024"

  constexpr Date add_days(int32_t n) const { return Date(days_ + n); }
  // Adds calendar months; a day past the end of the target month is clamped (31 Jan + 1 month
  // is 28 or 29 Feb), as statutory "within 3 months" periods are read.
  Date add_months(int n) const;
  Date add_years(int n) const { return add_months(12 * n); }
  // Whole years from `birth` to this date: the age on this date.
  int years_since(Date birth) const;
  constexpr int32_t days_until(Date later) const { return later.days_ - days_; }

  static bool is_leap_year(int year);
  static int days_in_month(int year, int month);

  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// The start of the collection year that ends on 31 March of `year` (1 April of year - 1).
Date collection_year_start(int year);
// 31 March of `year`: the reference date of the CIN census and the SSDA903 return.
Date collection_year_end(int year);
// The collection year that ended most recently: on 1 December 2026, 2026 (ended 31 March).
int last_collection_year_ended(Date today);

// A UTC instant with microsecond precision, for recording times.
class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp from_micros(int64_t micros) { return Timestamp(micros); }
  static Timestamp from_date(Date date, int hour = 0, int minute = 0, int second = 0);
  // "2024-03-31T12:00:00Z" or with fractional seconds "2024-03-31T12:00:00.123456Z".
  static Result<Timestamp> parse_iso(std::string_view text);

  constexpr int64_t micros() const { return micros_; }
  // `seconds` later (earlier when negative).
  constexpr Timestamp plus_seconds(int64_t seconds) const {
    return Timestamp(micros_ + seconds * 1'000'000);
  }
  Date date() const;
  std::string to_iso() const;  // always with 6 fractional digits, so text order is time order

  constexpr auto operator<=>(const Timestamp&) const = default;

 private:
  constexpr explicit Timestamp(int64_t micros) : micros_(micros) {}
  int64_t micros_ = 0;
};

}  // namespace hearth::core
