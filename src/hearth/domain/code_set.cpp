#include "hearth/domain/code_set.hpp"

#include <cassert>
#include <cctype>

#include <fmt/format.h>

namespace hearth::domain {
namespace {

// Enough codes for a person to recognise the list; longer sets are cut short with a count.
constexpr size_t kMaxListedCodes = 20;

bool entry_valid_in(const CodeEntry& entry, int year) {
  if (year == 0) return true;
  if (entry.first_year != 0 && year < entry.first_year) return false;
  if (entry.last_year != 0 && year > entry.last_year) return false;
  return true;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// "a ReferralSource code", "an Ethnicity code".
std::string_view article(std::string_view name) {
  return !name.empty() && std::string_view("AEIOUaeiou").find(name[0]) != std::string_view::npos
             ? "an"
             : "a";
}

}  // namespace

CodeSet::CodeSet(std::string_view name, std::string_view field, std::string_view source,
                 std::vector<CodeEntry> entries)
    : name_(name), field_(field), source_(source), entries_(std::move(entries)) {
  // Sets are data written by hand; a duplicate is a typing error in codes.cpp.
  for (size_t i = 0; i < entries_.size(); ++i) {
    for (size_t j = i + 1; j < entries_.size(); ++j) {
      assert(entries_[i].code != entries_[j].code && "duplicate code in a code set");
    }
  }
}

const CodeEntry* CodeSet::find(std::string_view code) const {
  for (const CodeEntry& entry : entries_) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

bool CodeSet::valid_in(std::string_view code, int year) const {
  const CodeEntry* entry = find(code);
  return entry != nullptr && entry_valid_in(*entry, year);
}

std::optional<std::string_view> CodeSet::label(std::string_view code) const {
  const CodeEntry* entry = find(code);
  if (entry == nullptr) return std::nullopt;
  return entry->label;
}

core::Status CodeSet::check(std::string_view code, int year) const {
  const CodeEntry* entry = find(code);
  if (entry != nullptr && entry_valid_in(*entry, year)) return core::ok_status();

  std::string valid;
  size_t listed = 0;
  size_t total = 0;
  for (const CodeEntry& candidate : entries_) {
    if (!entry_valid_in(candidate, year)) continue;
    ++total;
    if (listed < kMaxListedCodes) {
      if (listed > 0) valid += ", ";
      valid += candidate.code;
      ++listed;
    }
  }
  if (total > listed) valid += fmt::format(", ... {} codes in all", total);

  if (code.empty()) {
    return core::Error::invalid(field_, fmt::format("no {} code given (valid: {})", name_, valid));
  }
  if (entry == nullptr) {
    std::string hint;
    for (const CodeEntry& candidate : entries_) {
      if (equal_ignoring_case(candidate.code, code)) {
        hint = fmt::format("; codes are case-sensitive: did you mean '{}'?", candidate.code);
        break;
      }
    }
    return core::Error::invalid(field_, fmt::format("'{}' is not {} {} code (valid: {}){}", code,
                                                    article(name_), name_, valid, hint));
  }
  const std::string in_year = fmt::format("not in {}", collection_year_label(year));
  std::string when;
  if (entry->first_year != 0 && year < entry->first_year) {
    when = fmt::format("only from {}", collection_year_label(entry->first_year));
    if (entry->last_year != 0) {
      when += fmt::format(" to {}", collection_year_label(entry->last_year));
    }
  } else {
    when = fmt::format("only until {}", collection_year_label(entry->last_year));
  }
  return core::Error::invalid(
      field_, fmt::format("'{}' ({}) is {} {} code {}, {} (valid: {})", code, entry->label,
                          article(name_), name_, when, in_year, valid));
}

int collection_year_of(core::Date date) {
  return date.month() >= 4 ? date.year() + 1 : date.year();
}

std::string collection_year_label(int year) {
  return fmt::format("{}-{:02}", year - 1, year % 100);
}

}  // namespace hearth::domain
