// Records read from a return's files, and how they go into the store: what both importers
// (`hearth import 903`, `hearth import cin`) share.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "hearth/core/result.hpp"
#include "hearth/store/store.hpp"

// For the importers: `target = *expr`, or return expr's error (a field that cannot be read).
#define HEARTH_ASSIGN(target, expr)                   \
  do {                                                \
    auto hearth_value_ = (expr);                      \
    if (!hearth_value_) return hearth_value_.error(); \
    target = std::move(*hearth_value_);               \
  } while (false)

namespace hearth::returns {

struct ImportedRecord {
  store::Record record;
  std::string file;  // where it came from
  int64_t line = 0;
  std::string also;  // another row it took data from ("ad1.csv line 4"), if any
};

// Writes the records in one transaction (all or none), each as a first revision by `by` whose
// reason names its file and line. A record that is already there fails with kConflict, naming it.
core::Result<int64_t> import_records(store::Store& store, std::span<const ImportedRecord> records,
                                     const std::string& by, core::Timestamp at);

}  // namespace hearth::returns
