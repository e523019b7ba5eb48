// Fuzz target: the parsers of text people type into Hearth or that arrives in imported returns:
// dates (Date::parse, parse_iso, parse_uk), UTC timestamps (Timestamp::parse_iso) and the
// identifiers that check themselves (NhsNumber, Upn, Postcode).
//
// Beyond "does not crash" (the sanitisers judge memory and undefined behaviour), each accepted
// value must be canonical: printing it and parsing the print gives the same value, and the parts
// agree with the whole.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hearth/core/date.hpp"
#include "hearth/domain/values.hpp"

#include "fuzz_check.hpp"

namespace {

using hearth::core::Date;
using hearth::core::Timestamp;
using hearth::domain::NhsNumber;
using hearth::domain::Postcode;
using hearth::domain::Upn;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A date accepted by any of the parsers round-trips through both of its printed forms.
void check_date(const Date& date, std::string_view text) {
  HEARTH_FUZZ_CHECK(date.year() >= 1800 && date.year() <= 2200);
  HEARTH_FUZZ_CHECK(date.month() >= 1 && date.month() <= 12);
  HEARTH_FUZZ_CHECK(date.day() >= 1 &&
                    date.day() <= Date::days_in_month(date.year(), date.month()));
  const std::string iso = date.to_iso();
  const std::string uk = date.to_uk();
  auto from_iso = Date::parse_iso(iso);
  HEARTH_FUZZ_CHECK(from_iso && *from_iso == date);
  auto from_uk = Date::parse_uk(uk);
  HEARTH_FUZZ_CHECK(from_uk && *from_uk == date);
  auto either_iso = Date::parse(iso);
  HEARTH_FUZZ_CHECK(either_iso && *either_iso == date);
  auto either_uk = Date::parse(uk);
  HEARTH_FUZZ_CHECK(either_uk && *either_uk == date);
  auto built = Date::from_ymd(date.year(), date.month(), date.day());
  HEARTH_FUZZ_CHECK(built && *built == date);
  HEARTH_FUZZ_CHECK(Date::from_days(date.days_since_epoch()) == date);
}

void dates(std::string_view text) {
  auto iso = Date::parse_iso(text);
  if (iso) {
    check_date(*iso, text);
    // An ISO date is only ever written one way.
    HEARTH_FUZZ_CHECK(iso->to_iso() == text);
  }
  auto uk = Date::parse_uk(text);
  if (uk) {
    check_date(*uk, text);
    // The UK form may drop leading zeros ("1/4/2024"), so compare the numbers, not the text.
    HEARTH_FUZZ_CHECK(text.size() >= 8 && text.size() <= 10);
  }
  HEARTH_FUZZ_CHECK(!(iso && uk));  // no text is both
  auto either = Date::parse(text);
  if (either) {
    check_date(*either, text);
    HEARTH_FUZZ_CHECK((iso && *iso == *either) || (uk && *uk == *either));
  } else {
    // parse() picks the form by the '/', so it refuses only what both forms refuse.
    HEARTH_FUZZ_CHECK(!iso && !uk);
  }
}

void timestamps(std::string_view text) {
  auto parsed = Timestamp::parse_iso(text);
  if (!parsed) return;
  const std::string printed = parsed->to_iso();
  auto again = Timestamp::parse_iso(printed);
  HEARTH_FUZZ_CHECK(again && *again == *parsed);
  HEARTH_FUZZ_CHECK(again->to_iso() == printed);
  // The date part is the date of the instant.
  auto day = Date::parse_iso(text.substr(0, 10));
  HEARTH_FUZZ_CHECK(day && parsed->date() == *day);
  HEARTH_FUZZ_CHECK(Timestamp::from_date(*day) <= *parsed);
  HEARTH_FUZZ_CHECK(*parsed < Timestamp::from_date(day->add_days(1)));
}

void nhs_numbers(std::string_view text) {
  (void)NhsNumber::check_digit(text);  // any text: no crash
  auto parsed = NhsNumber::parse(text);
  if (!parsed) return;
  const std::string& digits = parsed->digits();
  HEARTH_FUZZ_CHECK(digits.size() == 10);
  for (char c : digits) HEARTH_FUZZ_CHECK(is_digit(c));
  HEARTH_FUZZ_CHECK(NhsNumber::check_digit(std::string_view(digits).substr(0, 9)) ==
                    digits[9] - '0');
  auto again = NhsNumber::parse(digits);
  HEARTH_FUZZ_CHECK(again && *again == *parsed);
  const std::string formatted = parsed->formatted();
  HEARTH_FUZZ_CHECK(formatted.size() == 12 && formatted[3] == ' ' && formatted[7] == ' ');
  auto from_formatted = NhsNumber::parse(formatted);
  HEARTH_FUZZ_CHECK(from_formatted && *from_formatted == *parsed);
}

void upns(std::string_view text) {
  (void)Upn::check_letter(text);  // any text: no crash
  auto parsed = Upn::parse(text);
  if (!parsed) return;
  const std::string& upn = parsed->text();
  HEARTH_FUZZ_CHECK(upn.size() == 13);
  HEARTH_FUZZ_CHECK(upn[0] >= 'A' && upn[0] <= 'Z');
  for (size_t i = 1; i < 12; ++i) HEARTH_FUZZ_CHECK(is_digit(upn[i]));
  HEARTH_FUZZ_CHECK(Upn::check_letter(std::string_view(upn).substr(1)) == upn[0]);
  HEARTH_FUZZ_CHECK(parsed->is_temporary() == !is_digit(upn[12]));
  auto again = Upn::parse(upn);
  HEARTH_FUZZ_CHECK(again && *again == *parsed);
}

void postcodes(std::string_view text) {
  auto parsed = Postcode::parse(text);
  if (!parsed) return;
  const std::string& postcode = parsed->text();
  HEARTH_FUZZ_CHECK(postcode.size() >= 6 && postcode.size() <= 8);
  HEARTH_FUZZ_CHECK(postcode.find(' ') == postcode.size() - 4);
  HEARTH_FUZZ_CHECK(postcode.find(' ', postcode.size() - 3) == std::string::npos);
  for (char c : postcode) HEARTH_FUZZ_CHECK(c == ' ' || is_digit(c) || (c >= 'A' && c <= 'Z'));
  auto again = Postcode::parse(postcode);
  HEARTH_FUZZ_CHECK(again && *again == *parsed);
  const std::string outward = parsed->outward();
  const std::string sector = parsed->sector();
  const std::string area = parsed->area();
  HEARTH_FUZZ_CHECK(postcode.rfind(outward + " ", 0) == 0);
  HEARTH_FUZZ_CHECK(postcode.rfind(sector, 0) == 0 && sector.size() == postcode.size() - 2);
  HEARTH_FUZZ_CHECK(outward.rfind(area, 0) == 0);
  HEARTH_FUZZ_CHECK(area.size() >= 1 && area.size() <= 3);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dates(text);
  timestamps(text);
  nhs_numbers(text);
  upns(text);
  postcodes(text);
  return 0;
}
