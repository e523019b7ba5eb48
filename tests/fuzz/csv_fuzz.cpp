// Fuzz target: the CSV reader the returns use (src/hearth/returns/csv.hpp), and what is done
// next with a table read: identify_ssda903_table, then validate_ssda903 and
// records_from_ssda903.
//
// Beyond "does not crash": a refusal names the file and a line within the text, and says
// something; an accepted table has at least one named column, no repeated or blank names, every
// row exactly as wide as the header, no row of only blanks, and rows' lines in increasing order
// within the text; writing it and reading it again gives the same table (the round trip an
// import then export relies on); identification either finds a layout with exactly the
// table's columns or refuses naming "columns".
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "hearth/core/text.hpp"
#include "hearth/returns/csv.hpp"
#include "hearth/returns/ssda903.hpp"
#include "hearth/returns/ssda903_import.hpp"
#include "hearth/returns/ssda903_rules.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = hearth::returns::parse_csv(text, "fuzz.csv");
  const int64_t lines = 1 + static_cast<int64_t>(std::count(text.begin(), text.end(), '\n') +
                                                 std::count(text.begin(), text.end(), '\r'));
  if (!table) {
    HEARTH_FUZZ_CHECK(table.error().file == "fuzz.csv");
    HEARTH_FUZZ_CHECK(table.error().line >= 0 && table.error().line <= lines);
    HEARTH_FUZZ_CHECK(!table.error().message.empty());
    return 0;
  }
  HEARTH_FUZZ_CHECK(!table->columns.empty());
  std::set<std::string> names;
  for (const auto& name : table->columns) {
    HEARTH_FUZZ_CHECK(!name.empty() && hearth::core::trim(name) == name);
    HEARTH_FUZZ_CHECK(names.insert(name).second);
  }
  HEARTH_FUZZ_CHECK(table->rows.size() == table->lines.size());
  int64_t previous_line = 1;
  for (size_t i = 0; i < table->rows.size(); ++i) {
    HEARTH_FUZZ_CHECK(table->rows[i].size() == table->columns.size());
    HEARTH_FUZZ_CHECK(
        std::any_of(table->rows[i].begin(), table->rows[i].end(),
                    [](const std::string& f) { return !hearth::core::trim(f).empty(); }));
    HEARTH_FUZZ_CHECK(table->lines[i] > previous_line && table->lines[i] <= lines);
    previous_line = table->lines[i];
    for (const auto& field : table->rows[i]) HEARTH_FUZZ_CHECK(hearth::core::is_valid_utf8(field));
  }
  const std::string written = hearth::returns::write_csv(*table);
  auto again = hearth::returns::parse_csv(written, "fuzz.csv");
  HEARTH_FUZZ_CHECK(again);
  HEARTH_FUZZ_CHECK(again->columns == table->columns);
  HEARTH_FUZZ_CHECK(again->rows == table->rows);

  auto layout = hearth::returns::identify_ssda903_table(*table);
  if (layout) {
    const std::set<std::string_view> want((*layout)->columns.begin(), (*layout)->columns.end());
    const std::set<std::string_view> have(table->columns.begin(), table->columns.end());
    HEARTH_FUZZ_CHECK(want == have);
    // A table read is then validated or imported: neither may crash on what it holds, and a
    // refusal to import names the file and a line of it.
    hearth::returns::Ssda903Files files;
    files.year = 2026;
    files.current[(*layout)->table] = *table;
    const auto report = hearth::returns::validate_ssda903(files);
    for (const auto& failure : report.failures) {
      HEARTH_FUZZ_CHECK(failure.file == "fuzz.csv" && failure.line >= 2 && failure.line <= lines);
    }
    // Import needs the Header: give it one naming each child of the table, so that import
    // reaches the table's own rows.
    using hearth::returns::Ssda903Table;
    if ((*layout)->table != Ssda903Table::kHeader && table->column("CHILD")) {
      const size_t child = *table->column("CHILD");
      hearth::returns::CsvTable header;
      header.file = "header.csv";
      const auto& columns = hearth::returns::ssda903_layout(Ssda903Table::kHeader).columns;
      header.columns.assign(columns.begin(), columns.end());
      std::set<std::string> ids;
      for (const auto& row : table->rows) {
        const std::string id(hearth::core::trim(row[child]));
        if (!id.empty() && ids.insert(id).second) {
          header.rows.push_back({id, "M", "01/01/2010", "WBRI", "UN1", "", ""});
          header.lines.push_back(static_cast<int64_t>(header.rows.size()) + 1);
        }
      }
      files.current[Ssda903Table::kHeader] = std::move(header);
    }
    auto records = hearth::returns::records_from_ssda903(files, "999");
    if (!records && !files.current.contains(Ssda903Table::kHeader)) {
      HEARTH_FUZZ_CHECK(records.error().message.find("no Header") != std::string::npos);
    } else if (!records) {
      HEARTH_FUZZ_CHECK(records.error().file == "fuzz.csv");
      HEARTH_FUZZ_CHECK(records.error().line >= 2 && records.error().line <= lines);
    }
  } else {
    HEARTH_FUZZ_CHECK(layout.error().field == "columns");
  }
  return 0;
}
