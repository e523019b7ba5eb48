// Identifiers that carry their own checks. Each `parse` accepts the forms people actually type
// (spaces, lower case) and returns the canonical form, or kInvalid naming the field and the fault.
#pragma once

#include <string>
#include <string_view>

#include "hearth/core/result.hpp"

namespace hearth::domain {

// A local authority code: the DfE's three-digit number of the authority ("202" for Camden).
bool is_la_code(std::string_view text);

// A child's id within its authority (LAchildID): at most this many letters and digits.
inline constexpr size_t kMaxChildIdLength = 20;

// NHS number: ten digits, the tenth a modulus 11 check digit over the first nine with weights
// 10..2 (NHS Data Dictionary, "NHS Number"). A remainder giving check 10 means the number is
// invalid. "943 476 5919" and "9434765919" are the same number.
class NhsNumber {
 public:
  static core::Result<NhsNumber> parse(std::string_view text);
  // The check digit for nine leading digits, or -1 when no valid number begins with them.
  static int check_digit(std::string_view first_nine);
  const std::string& digits() const { return digits_; }  // "9434765919"
  std::string formatted() const;                         // "943 476 5919"
  bool operator==(const NhsNumber&) const = default;

 private:
  explicit NhsNumber(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

// Unique Pupil Number: 13 characters, a check letter then the LA code (3 digits), the DfE
// establishment number (4), the year of allocation (2) and a serial (3); a temporary UPN ends in
// a letter instead of the last digit. The check letter is the sum of characters 2..13 times
// weights 2..13, modulo 23, as a letter of ABCDEFGHJKLMNPQRTUVWXYZ (A = 0 ... Z = 22; I, O and S
// are never used). The letter ending a temporary UPN counts as its value in that same list (DfE,
// "Unique pupil numbers (UPNs): guidance for schools and local authorities"; CIN census rule
// 1510, checked against data-to-insight/csc-validator-be-cin rule_1510 and python-stdnum
// stdnum/gb/upn.py). Whether characters 2..4 are a recognised LA code (rule 1530) is not judged
// here. "a 950 000 178 301" parses as "A950000178301".
class Upn {
 public:
  static core::Result<Upn> parse(std::string_view text);
  // The check letter for the 12 characters after it, or '\0' if they are not well formed.
  static char check_letter(std::string_view last_twelve);
  const std::string& text() const { return text_; }
  bool is_temporary() const;
  bool operator==(const Upn&) const = default;

 private:
  explicit Upn(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

// UK postcode: outward code (area letters, district) and inward code (sector digit, unit
// letters), e.g. "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT"; also "GIR 0AA".
// The outward code is A9, A99, AA9, AA99, A9A or AA9A; the unit letters never include C, I, K, M,
// O or V. Whether the postcode exists is not judged (that needs the ONS postcode directory).
// "sw1a1aa" parses as "SW1A 1AA".
class Postcode {
 public:
  static core::Result<Postcode> parse(std::string_view text);
  const std::string& text() const { return text_; }  // upper case, one space: "SW1A 1AA"
  std::string outward() const;                       // "SW1A"
  std::string sector() const;                        // "SW1A 1"
  std::string area() const;                          // "SW"
  bool operator==(const Postcode&) const = default;

 private:
  explicit Postcode(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace hearth::domain
