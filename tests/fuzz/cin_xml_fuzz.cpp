// Fuzz target: the CIN census XML reader (src/hearth/returns/cin_census.hpp), and what is done
// next with a census read: validate_cin_census and records_from_cin_census.
//
// Beyond "does not crash": a refusal names the file and a line within the text, and says
// something; an accepted census has every module's table with rows as wide as its columns and
// lines within the text, every nested row names a CINdetails that is there; writing it and
// reading it again gives the same tables (the round trip an import then export relies on); a
// failure the rules report is on a line of the text; an import either gives records or names a
// line. The reader refuses DTDs and unknown entities, so no input can make it expand one.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/cin_import.hpp"
#include "hearth/returns/cin_rules.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using hearth::returns::CinModule;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto census = hearth::returns::parse_cin_census(text, "fuzz.xml", 2026);
  const int64_t lines = 1 + static_cast<int64_t>(std::count(text.begin(), text.end(), '\n') +
                                                 std::count(text.begin(), text.end(), '\r'));
  if (!census) {
    HEARTH_FUZZ_CHECK(census.error().file == "fuzz.xml");
    HEARTH_FUZZ_CHECK(census.error().line >= 0 && census.error().line <= lines);
    HEARTH_FUZZ_CHECK(!census.error().message.empty());
    return 0;
  }
  HEARTH_FUZZ_CHECK(census->year >= hearth::returns::kFirstCinCensusYear);
  std::set<std::string> details;
  for (const auto& row : census->table(CinModule::kCinDetails).rows) details.insert(row[1]);
  for (const auto& layout : hearth::returns::cin_modules()) {
    const auto& t = census->table(layout.module);
    HEARTH_FUZZ_CHECK(t.columns.size() == layout.columns.size());
    HEARTH_FUZZ_CHECK(t.rows.size() == t.lines.size());
    for (size_t r = 0; r < t.rows.size(); ++r) {
      HEARTH_FUZZ_CHECK(t.rows[r].size() == t.columns.size());
      HEARTH_FUZZ_CHECK(t.lines[r] >= 1 && t.lines[r] <= lines);
      if (auto id = t.column("CINdetailsID"); id && layout.module != CinModule::kCinDetails) {
        HEARTH_FUZZ_CHECK(details.contains(t.rows[r][*id]));
      }
    }
  }
  const std::string written = hearth::returns::write_cin_census(*census);
  auto again = hearth::returns::parse_cin_census(written, "fuzz.xml", census->year);
  HEARTH_FUZZ_CHECK(again);
  for (const auto& layout : hearth::returns::cin_modules()) {
    HEARTH_FUZZ_CHECK(again->table(layout.module).rows == census->table(layout.module).rows);
  }
  const auto report = hearth::returns::validate_cin_census(*census);
  for (const auto& failure : report.failures) {
    HEARTH_FUZZ_CHECK(failure.file == "fuzz.xml" && failure.line >= 1 && failure.line <= lines);
  }
  auto records = hearth::returns::records_from_cin_census(*census, "202");
  if (!records) {
    HEARTH_FUZZ_CHECK(records.error().line >= 1 && records.error().line <= lines);
    HEARTH_FUZZ_CHECK(!records.error().message.empty());
  }
  return 0;
}
