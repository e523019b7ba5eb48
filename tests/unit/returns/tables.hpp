// Building SSDA903 tables by hand for the returns tests.
#pragma once

#include <string>
#include <vector>

#include "hearth/returns/ssda903.hpp"

namespace hearth::returns::test {

// A table with `layout`'s file name and columns, and the rows given (lines 2, 3, ...).
inline CsvTable make(Ssda903Table table, std::vector<std::vector<std::string>> rows) {
  const Ssda903Layout& layout = ssda903_layout(table);
  CsvTable t;
  t.file = std::string(layout.file);
  t.columns.assign(layout.columns.begin(), layout.columns.end());
  for (size_t i = 0; i < rows.size(); ++i) t.lines.push_back(static_cast<int64_t>(i) + 2);
  t.rows = std::move(rows);
  return t;
}

}  // namespace hearth::returns::test
