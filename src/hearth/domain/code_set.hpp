// Code sets: the closed lists of codes that the CIN census and SSDA903 use (referral source,
// legal status, placement type, ...). Each set is data: its codes, their meanings, the collection
// years in which each is valid, and the source it was taken from. Entities hold codes as text;
// `check` is the one place a code is judged.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/result.hpp"

namespace hearth::domain {

struct CodeEntry {
  std::string_view code;
  std::string_view label;
  // Collection years (ending 31 March) in which the code is valid; 0 means open-ended.
  int first_year = 0;
  int last_year = 0;
};

class CodeSet {
 public:
  CodeSet(std::string_view name, std::string_view field, std::string_view source,
          std::vector<CodeEntry> entries);

  std::string_view name() const { return name_; }    // "ReferralSource"
  std::string_view field() const { return field_; }  // the data item: "CINreferralSource"
  std::string_view source() const { return source_; }
  std::span<const CodeEntry> entries() const { return entries_; }

  const CodeEntry* find(std::string_view code) const;
  bool contains(std::string_view code) const { return find(code) != nullptr; }
  // Valid in the collection year ending 31 March `year` (0: in any year).
  bool valid_in(std::string_view code, int year) const;
  std::optional<std::string_view> label(std::string_view code) const;

  // kInvalid in field() when the code is empty, unknown or not valid in `year`; the message
  // names the code and the set: "'ZZ' is not a ReferralSource code (valid: 1A, 1B, ...)", or
  // "'H5' (semi-independent living) is a PLACE code only until 2023-24, not in 2025-26".
  // Codes are case-sensitive: "b1" is not "B1" (the message then suggests the right case).
  core::Status check(std::string_view code, int year = 0) const;

 private:
  std::string name_;
  std::string field_;
  std::string source_;
  std::vector<CodeEntry> entries_;
};

// The collection year (ending 31 March) that contains `date`: 2025-04-01 and 2026-03-31 are both
// in 2026, the 2025-26 collection year.
int collection_year_of(core::Date date);
// "2025-26" for 2026.
std::string collection_year_label(int year);

}  // namespace hearth::domain
