// How pages show values: dates, counts, names. Pure functions, tested on their own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "hearth/core/date.hpp"
#include "hearth/domain/entities.hpp"

namespace hearth::web {

// "3 Mar 2019": the short date of tables (GOV.UK style uses no leading zero).
std::string format_date_short(core::Date date);
// "1 Jun 2025, 13:05": a recording time in UK time (GMT, or BST from the last Sunday of March
// to the last Sunday of October, changing at 01:00 GMT).
std::string format_timestamp(core::Timestamp at);
// "1 June 2025": the long date of headings and summaries.
std::string format_date_long(core::Date date);
// "1,234".
std::string format_count(int64_t count);
// "SMITH, Rebecca": the family name in capitals (ASCII letters; other letters are kept as they
// are), then the given name. Either alone when the other is missing; "" when both are.
std::string family_first_name(const domain::PersonName& name);
// Whole calendar months from `birth` to `today` (0 when `today` is before `birth`).
int months_between(core::Date birth, core::Date today);

}  // namespace hearth::web
