// Result<T>: either a value or an Error. Result<void> for operations with nothing to return.
//
//   Result<Date> d = Date::parse_iso(text);
//   if (!d) return d.error();
//   use(*d);
#pragma once

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "hearth/core/error.hpp"

namespace hearth::core {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T value_or(T fallback) const { return ok() ? std::get<0>(state_) : std::move(fallback); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status ok_status() {
  return {};
}

}  // namespace hearth::core

// Returns early from the enclosing function with the error of `expr` if it failed.
#define HEARTH_RETURN_IF_ERROR(expr)                    \
  do {                                                  \
    auto hearth_status_ = (expr);                       \
    if (!hearth_status_) return hearth_status_.error(); \
  } while (false)
