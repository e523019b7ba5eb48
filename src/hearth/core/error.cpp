#include "hearth/core/error.hpp"

#include <fmt/format.h>

namespace hearth::core {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kNotFound:
      return "not found";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kIo:
      return "i/o";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "unknown";
}

namespace {
Error make(ErrorCode code, std::string message) {
  Error error;
  error.code = code;
  error.message = std::move(message);
  return error;
}
}  // namespace

Error Error::invalid(std::string field, std::string message) {
  Error error = make(ErrorCode::kInvalid, std::move(message));
  error.field = std::move(field);
  return error;
}
Error Error::not_found(std::string message) {
  return make(ErrorCode::kNotFound, std::move(message));
}
Error Error::forbidden(std::string message) {
  return make(ErrorCode::kForbidden, std::move(message));
}
Error Error::conflict(std::string message) {
  return make(ErrorCode::kConflict, std::move(message));
}
Error Error::unavailable(std::string message) {
  return make(ErrorCode::kUnavailable, std::move(message));
}
Error Error::corrupt(std::string message) {
  return make(ErrorCode::kCorrupt, std::move(message));
}
Error Error::io(std::string message) {
  return make(ErrorCode::kIo, std::move(message));
}
Error Error::internal(std::string message) {
  return make(ErrorCode::kInternal, std::move(message));
}

Error Error::at(std::string file_name, int64_t line_number) const {
  Error copy = *this;
  copy.file = std::move(file_name);
  copy.line = line_number;
  return copy;
}

Error Error::in_field(std::string field_name) const {
  Error copy = *this;
  copy.field = std::move(field_name);
  return copy;
}

std::string Error::describe() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += fmt::format(" line {}", line);
    out += ": ";
  } else if (line > 0) {
    out += fmt::format("line {}: ", line);
  }
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

}  // namespace hearth::core
