// SSDA903 rule cases: missing and away-from-placement spells (ssda903_rules_missing.cpp). Each is a
// change to valid_return() that the rule's wording says must fail it, with the other rules the same
// change fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> missing_cases() {
  return {
      {"564", [](auto& f) { cell(f, T::kMissing, 0, "MIS_START") = ""; }, 2026, {"1004"}},
      {"566", [](auto& f) { cell(f, T::kMissing, 0, "MISSING") = ""; }, 2026, {"565"}},
      {"571", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = "01/04/2026"; }},
      // Before the year, and so before the spell began.
      {"571", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = "31/03/2025"; }, 2026, {"567"}},
      {"574",
       [](auto& f) {
         twice(f, T::kMissing, 0);
         cell(f, T::kMissing, 1, "MIS_START") = "02/07/2025";
         cell(f, T::kMissing, 1, "MIS_END") = "05/07/2025";
       }},
      // A spell while the one before is still open; that one began in the placement that ended
      // on 1 September.
      {"574",
       [](auto& f) {
         twice(f, T::kMissing, 0);
         cell(f, T::kMissing, 1, "MIS_START") = "10/07/2025";
         cell(f, T::kMissing, 1, "MIS_END") = "12/07/2025";
         cell(f, T::kMissing, 0, "MIS_END") = "";
       },
       2026,
       {"575"}},
      // The spell of 1 July began in the first placement, which ended on 1 September; C1 is
      // still looked after (the second episode carries on), so not 577.
      {"575", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = ""; }},
      // C1 ceases to be looked after on 1 November; the spell's placement had ended too (575).
      {"577",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
         cell(f, T::kMissing, 0, "MIS_END") = "";
       },
       2026,
       {"575"}},
      // Missing until the 18th birthday (by the Missing table's DOB), the day care ended, E13.
      {"580",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "03/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
         cell(f, T::kMissing, 0, "DOB") = "03/11/2007";
         cell(f, T::kMissing, 0, "MIS_START") = "01/11/2025";
         cell(f, T::kMissing, 0, "MIS_END") = "03/11/2025";
       },
       2026,
       {"INT13"}},
  };
}

}  // namespace hearth::returns::test
