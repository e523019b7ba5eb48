// Expected failures as values: bad input, not found, forbidden, conflict, and the like.
// An Error says what went wrong for a person to read, and where (field, file, row or line).
// Exceptions are reserved for bugs and broken invariants (see ../../../../shared/DESIGN.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hearth::core {

enum class ErrorCode {
  kInvalid,      // input that breaks a rule: a bad code, a malformed date, a failed check digit
  kNotFound,     // a record, file or route that does not exist
  kForbidden,    // the caller may not do this
  kConflict,     // a concurrent change got there first, or the record already exists
  kUnavailable,  // a server or resource that could not be reached
  kCorrupt,      // stored data that is not what it should be
  kIo,           // the operating system said no: disk full, read-only, permission
  kInternal,     // a bug, reported rather than crashed on
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;  // the data item involved, if any: "NHS number", "ReferralSource"
  std::string file;   // the input file, if any
  int64_t line = 0;   // 1-based line or row in `file`; 0 when not known

  static Error invalid(std::string field, std::string message);
  static Error not_found(std::string message);
  static Error forbidden(std::string message);
  static Error conflict(std::string message);
  static Error unavailable(std::string message);
  static Error corrupt(std::string message);
  static Error io(std::string message);
  static Error internal(std::string message);

  // Returns a copy that also names where the problem was found.
  Error at(std::string file_name, int64_t line_number) const;
  Error in_field(std::string field_name) const;

  // "people.csv line 12: date_of_birth: 31/02/2019 is not a date".
  std::string describe() const;
};

}  // namespace hearth::core
