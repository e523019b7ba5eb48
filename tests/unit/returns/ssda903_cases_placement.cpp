// SSDA903 rule cases: placements, ages at placement, adopters, missing spells and last year's first
// episode (ssda903_rules_placements.cpp). Each is a change to valid_return() that the rule's
// wording says must fail it, with the other rules the same change fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> placement_cases() {
  return {
      // Against last year's return: C1's January episode left open at the year's end.
      {"503A",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "RNE") = "P";
       },
       2026,
       {"502"}},
      {"503B",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "LS") = "C1";
       },
       2026,
       {"502"}},
      {"503C",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "CIN") = "N2";
       },
       2026,
       {"502"}},
      {"503D",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "PLACE") = "U5";
       },
       2026,
       {"502"}},
      {"503E",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "PLACE_PROVIDER") = "PR2";
       },
       2026,
       {"502"}},
      {"503F",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "URN") = "SC000001";
       },
       2026,
       {"502"}},
      {"504", [](auto& f) { cell(f, T::kEpisodes, 1, "CIN") = "N2"; }},
      {"208", [](auto& f) { last_year(f, T::kHeader, 0, "UPN") = "B999123456789"; }},
      {"576", [](auto& f) { last_year(f, T::kMissing, 0, "MIS_END") = ""; }},
      // Placements, ages, adopters, missing spells, previous permanence
      {"184",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/01/2012"; },
       2026,
       {"1003", "559"}},
      {"188",
       [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/06/2022"; },
       2026,
       {"542", "545", "INT14"}},
      {"189", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/04/2008"; }, 2026, {"INT14"}},
      {"217", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "A3"; }},
      {"225", [](auto& f) { cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = ""; }},
      {"226", [](auto& f) { set_place(f, 1, "T1"); }},
      {"226", [](auto& f) { set_place(f, 1, "T1"); }, 2025},
      // Its own reason, judged even when its DECOM is not a date (which 141 reports).
      {"226",
       [](auto& f) {
         set_place(f, 1, "T1");
         cell(f, T::kEpisodes, 1, "DECOM") = "";
         cell(f, T::kEpisodes, 1, "REASON_PLACE_CHANGE") = "CARPL";
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
       },
       2026,
       {"141", "233"}},
      {"359", [](auto& f) { set_dob(f, "C1", "01/01/2007"); }, 2026, {"352"}},
      {"371", [](auto& f) { set_place(f, 0, "K3"); }},
      {"371", [](auto& f) { set_place(f, 0, "H5"); }, 2024},
      {"371", [](auto& f) { set_place(f, 0, "H5"); }, 2023},
      {"373",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "S1";
         set_dob(f, "C1", "01/01/2022");
       },
       2026,
       {"441"}},
      {"374", [](auto& f) { set_place(f, 0, "P3"); }},
      {"379", [](auto& f) { set_place(f, 0, "T4"); }, 2026, {"226", "380"}},
      {"380", [](auto& f) { set_place(f, 0, "T0"); }, 2026, {"226"}},
      {"398",
       [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "V3"; },
       2026,
       {"214", "365", "366", "367", "435"}},
      {"408", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "A6"; }},
      {"446",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "DECOM") = "01/11/2005";
         cell(f, T::kEpisodes, 0, "LS") = "E1";
       },
       2026,
       {"191", "302", "435", "554", "562", "SW12STG2"}},
      {"518", [](auto& f) { cell(f, T::kAd1, 0, "LS_ADOPTR") = "L4"; }},
      {"519",
       [](auto& f) {
         cell(f, T::kAd1, 0, "LS_ADOPTR") = "L2";
         cell(f, T::kAd1, 0, "NB_ADOPTR") = "1";
         cell(f, T::kAd1, 0, "SEX_ADOPTR") = "F1";
       }},
      {"524", [](auto& f) { cell(f, T::kAd1, 0, "LS_ADOPTR") = "L12"; }},
      {"526", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = ""; }},
      {"526", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = ""; }, 2025},
      {"528",
       [](auto& f) {
         set_place(f, 1, "R2");
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR2";
       }},
      {"531",
       [](auto& f) {
         set_place(f, 1, "P1");
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR5";
       }},
      {"550", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR0"; }},
      // Z11-Z14 came in 2025-26 (with no provider and no URN); T0-T4 before.
      {"213",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "Z12";
         cell(f, T::kEpisodes, 1, "URN") = "";
       },
       2026,
       {"178"}},
      // After an episode with a reason for the change: 226 too.
      {"213", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "T1"; }, 2025, {"222", "226"}},
      // The placement's postcode is there: 398 (distance completed under V3/V4) too.
      {"214",
       [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "V3"; },
       2026,
       {"365", "366", "367", "398", "435"}},
      {"218", [](auto& f) { cell(f, T::kEpisodes, 1, "URN") = ""; }},
      {"222", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "R1"; }},
      {"392b", [](auto& f) { cell(f, T::kEpisodes, 1, "HOME_POST") = ""; }},
      {"392c", [](auto& f) { cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 ZZZ"; }},
      {"392c", [](auto& f) { cell(f, T::kEpisodes, 0, "HOME_POST") = "1ZZ 1AA"; }},
      {"392d", [](auto& f) { cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 1AA"; }},
      {"527", [](auto& f) { set_place(f, 1, "R5"); }},
      {"529", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR3"; }},
      {"530",
       [](auto& f) {
         set_place(f, 1, "P1");
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR4";
       }},
      {"565", [](auto& f) { cell(f, T::kMissing, 0, "MISSING") = ""; }, 2026, {"566"}},
      {"578",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
         cell(f, T::kMissing, 0, "MIS_START") = "01/12/2025";
         cell(f, T::kMissing, 0, "MIS_END") = "03/12/2025";
       }},
      {"581",
       [](auto& f) {
         cell(f, T::kMissing, 0, "MIS_START") = "01/05/2025";
         cell(f, T::kMissing, 0, "MIS_END") = "03/05/2025";
       }},
      {"586", [](auto& f) { cell(f, T::kMissing, 0, "DOB") = "01/07/2025"; }, 2026, {"INT13"}},
      {"607",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2026,
       {"165", "202", "393"}},
      {"607",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "2";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2024,
       {"165", "202", "393"}},
      {"633",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "123";
       },
       2026,
       {"630"}},
      {"635", [](auto& f) { cell(f, T::kPrevPerm, 0, "LA_PERM") = "202"; }},
      // C1's placement now open, with a reason for a change that has not happened.
      {"233", [](auto& f) { cell(f, T::kEpisodes, 1, "REASON_PLACE_CHANGE") = "CARPL"; }},
      // C1 is 10 on 2 September 2025: his first placement ended on 1 September, for custody.
      {"234",
       [](auto& f) {
         set_dob(f, "C1", "02/09/2015");
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "CUSTOD";
       }},
      // A children's home (not a regional adoption agency's placement) given the URN XXXXXXX.
      {"242",
       [](auto& f) {
         set_place(f, 1, "K2");
         cell(f, T::kEpisodes, 1, "URN") = "XXXXXXX";
       }},
  };
}

}  // namespace hearth::returns::test
