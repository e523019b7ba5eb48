// The working-day calendar of England and Wales: weekends and bank holidays, for any year.
// Statutory deadlines counted in working days (a referral decision within 1, an assessment within
// 45, an initial child protection conference within 15) use it.
//
// Rules (shared/domain/REFERENCE.md section 2): New Year's Day, Good Friday, Easter Monday, early
// May (first Monday), spring (last Monday in May), summer (last Monday in August), Christmas and
// Boxing Day; a holiday on a weekend moves to the next weekday that is not already a holiday;
// plus one-off proclamations (2011, 2012, 2020, 2022, 2023). Banking and Financial Dealings Act
// 1971 Sch. 1; https://www.gov.uk/bank-holidays.json (division england-and-wales).
#pragma once

#include <vector>

#include "hearth/core/date.hpp"

namespace hearth::core {

struct BankHoliday {
  Date date;
  const char* name;
};

// The bank holidays of England and Wales in `year`, in date order.
std::vector<BankHoliday> bank_holidays(int year);

// Easter Sunday in the Gregorian calendar.
Date easter_sunday(int year);

class WorkingDayCalendar {
 public:
  bool is_bank_holiday(Date date) const;
  bool is_working_day(Date date) const { return !date.is_weekend() && !is_bank_holiday(date); }
  // The date `n` working days after `start` (n >= 0; n == 0 gives `start` itself).
  Date add_working_days(Date start, int n) const;
  // Working days after `from` up to and including `to` (0 if to <= from).
  int working_days_between(Date from, Date to) const;
};

}  // namespace hearth::core
