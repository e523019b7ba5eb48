#include "hearth/domain/values.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace hearth::domain {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
char to_upper(char c) {
  return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

// The letters of UPN check characters, in value order: A to Z without I, O and S. The 13th
// character of a temporary UPN is drawn from the same letters.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

// The value of a UPN character in the check-letter sum: a digit its own value, a letter its
// place in kUpnLetters; -1 for anything else.
int upn_value(char c) {
  if (is_digit(c)) return c - '0';
  const size_t index = kUpnLetters.find(c);
  return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

// Postcode unit letters (the last two characters) never include C, I, K, M, O or V (Royal Mail
// Postcode Address File rules; BS 7666).
bool is_unit_letter(char c) {
  return is_upper(c) && std::string_view("CIKMOV").find(c) == std::string_view::npos;
}

}  // namespace

bool is_la_code(std::string_view text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), is_digit);
}

// ---------------------------------------------------------------------------------------------
// NHS number

int NhsNumber::check_digit(std::string_view first_nine) {
  if (first_nine.size() != 9) return -1;
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    if (!is_digit(first_nine[i])) return -1;
    sum += (first_nine[i] - '0') * static_cast<int>(10 - i);
  }
  const int check = 11 - sum % 11;
  if (check == 11) return 0;
  if (check == 10) return -1;
  return check;
}

core::Result<NhsNumber> NhsNumber::parse(std::string_view text) {
  constexpr std::string_view kField = "NHS number";
  std::string digits;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (!is_digit(c)) {
      return core::Error::invalid(
          std::string(kField),
          fmt::format("must be 10 digits, but '{}' contains '{}'", text, std::string(1, c)));
    }
    digits += c;
  }
  if (digits.size() != 10) {
    return core::Error::invalid(std::string(kField),
                                fmt::format("must be 10 digits, got {}", digits.size()));
  }
  const int expected = check_digit(std::string_view(digits).substr(0, 9));
  if (expected < 0) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("{} is not a valid NHS number: no number can begin {} (its check digit "
                    "would be 10)",
                    digits, digits.substr(0, 9)));
  }
  const int actual = digits[9] - '0';
  if (actual != expected) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("check digit should be {}, not {} ({})", expected, actual, digits));
  }
  return NhsNumber(std::move(digits));
}

std::string NhsNumber::formatted() const {
  return fmt::format("{} {} {}", digits_.substr(0, 3), digits_.substr(3, 3), digits_.substr(6));
}

// ---------------------------------------------------------------------------------------------
// UPN

char Upn::check_letter(std::string_view last_twelve) {
  if (last_twelve.size() != 12) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 12; ++i) {
    const char c = last_twelve[i];
    // Characters 2 to 12 of the UPN are digits; character 13 may be a letter (temporary UPN).
    if (i < 11 ? !is_digit(c) : upn_value(c) < 0) return '\0';
    sum += upn_value(c) * static_cast<int>(i + 2);
  }
  return kUpnLetters[static_cast<size_t>(sum % 23)];
}

core::Result<Upn> Upn::parse(std::string_view text) {
  constexpr std::string_view kField = "UPN";
  std::string upn;
  for (char c : text) {
    if (c == ' ') continue;
    upn += to_upper(c);
  }
  if (upn.size() != 13) {
    return core::Error::invalid(std::string(kField),
                                fmt::format("must be 13 characters, got {}", upn.size()));
  }
  if (upn_value(upn[0]) < 0 || !is_upper(upn[0])) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("must begin with a check letter (A to Z but not I, O or S), not '{}'",
                    std::string(1, upn[0])));
  }
  for (size_t i = 1; i < 12; ++i) {
    if (!is_digit(upn[i])) {
      return core::Error::invalid(std::string(kField),
                                  fmt::format("characters 2 to 12 must be digits, but character "
                                              "{} is '{}'",
                                              i + 1, std::string(1, upn[i])));
    }
  }
  if (upn_value(upn[12]) < 0) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("character 13 must be a digit or a letter other than I, O and S, not '{}'",
                    std::string(1, upn[12])));
  }
  const char expected = check_letter(std::string_view(upn).substr(1));
  if (upn[0] != expected) {
    return core::Error::invalid(std::string(kField),
                                fmt::format("check letter should be {}, not {} ({})",
                                            std::string(1, expected), std::string(1, upn[0]), upn));
  }
  return Upn(std::move(upn));
}

bool Upn::is_temporary() const {
  return !text_.empty() && is_upper(text_.back());
}

// ---------------------------------------------------------------------------------------------
// Postcode

core::Result<Postcode> Postcode::parse(std::string_view text) {
  constexpr std::string_view kField = "postcode";
  std::string compact;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    compact += to_upper(c);
  }
  if (compact.empty()) return core::Error::invalid(std::string(kField), "is empty");
  if (compact.size() < 5 || compact.size() > 7) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("'{}' is not a postcode: a postcode has 5 to 7 letters and digits, like "
                    "'M1 1AE' or 'SW1A 1AA'",
                    text));
  }
  const std::string outward = compact.substr(0, compact.size() - 3);
  const std::string inward = compact.substr(compact.size() - 3);
  if (!is_digit(inward[0]) || !is_upper(inward[1]) || !is_upper(inward[2])) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("'{}' is not a postcode: it should end with a digit and two letters, like "
                    "'1AA'",
                    text));
  }
  for (char c : inward.substr(1)) {
    if (!is_unit_letter(c)) {
      return core::Error::invalid(
          std::string(kField),
          fmt::format("'{}' is not a postcode: the last two letters never include '{}' (C, I, "
                      "K, M, O and V are not used there)",
                      text, std::string(1, c)));
    }
  }
  // Girobank's GIR 0AA is the one postcode outside the pattern.
  const bool girobank = outward == "GIR" && inward == "0AA";
  // Outward code: A9, A99, AA9, AA99, A9A or AA9A.
  size_t letters = 0;
  while (letters < outward.size() && is_upper(outward[letters])) ++letters;
  const std::string_view district = std::string_view(outward).substr(letters);
  const bool district_ok =
      (district.size() == 1 && is_digit(district[0])) ||
      (district.size() == 2 && is_digit(district[0]) &&
       (is_digit(district[1]) || (letters + district.size() <= 4 && is_upper(district[1]))));
  if (!girobank && (letters < 1 || letters > 2 || !district_ok)) {
    return core::Error::invalid(
        std::string(kField),
        fmt::format("'{}' is not a postcode: it should begin with one or two letters and a "
                    "district, like 'M1', 'B33', 'CR2' or 'SW1A'",
                    text));
  }
  return Postcode(outward + " " + inward);
}

std::string Postcode::outward() const {
  return text_.substr(0, text_.find(' '));
}

std::string Postcode::sector() const {
  return text_.substr(0, text_.size() - 2);
}

std::string Postcode::area() const {
  size_t letters = 0;
  while (letters < text_.size() && is_upper(text_[letters])) ++letters;
  return text_.substr(0, letters);
}

}  // namespace hearth::domain
