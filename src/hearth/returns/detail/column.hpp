// A column of a return's table, read by name, its values trimmed (other systems pad fields
// with spaces): what the validation rules of both returns read rows through.
#pragma once

#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "hearth/core/text.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::returns::detail {

class Column {
 public:
  // A rule names only columns its table has: a missing one is a bug in the rule, not the file.
  Column(const CsvTable& table, std::string_view name) : table_(&table) {
    auto index = table.column(name);
    if (!index) throw std::logic_error(fmt::format("{} has no column {}", table.file, name));
    index_ = *index;
  }
  std::string_view operator()(size_t row) const { return core::trim(table_->rows[row][index_]); }

 private:
  const CsvTable* table_;
  size_t index_ = 0;
};

}  // namespace hearth::returns::detail
