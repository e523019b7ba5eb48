// SSDA903 rule cases: the first rules (ssda903_rules.cpp): codes, dates, and each table against the
// Header. Each is a change to valid_return() that the rule's wording says must fail it, with the
// other rules the same change fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> core_cases() {
  return {
      {"101", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "1"; }},
      // 1/2 before 2024-25
      {"101", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "M"; }, 2024},
      {"102", [](auto& f) { cell(f, T::kHeader, 0, "DOB") = "31/02/2012"; }, 2026, {"203"}},
      {"103", [](auto& f) { cell(f, T::kHeader, 0, "ETHNIC") = "wbri"; }},
      {"104",
       [](auto& f) {
         f.current[T::kUasc] = make(T::kUasc, {{"C1", "M", "17/05/2012", "2025-06-01"}});
       },
       2026,
       {"205D"}},
      {"131", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = "MAYBE"; }},
      {"131", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = ""; }, 2026, {"153"}},
      {"132", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = "F9"; }},
      {"132", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = ""; }, 2026, {"153"}},
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = "S9"; }},
      // No fixed abode is never suitable accommodation: S2, not S1.
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = "S1"; }},
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = ""; }, 2026, {"153"}},
      // The missing spell is then before the child's first episode that has a date.
      {"141", [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "June 2025"; }, 2026, {"581"}},
      {"142",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "DEC") = "";
         cell(f, T::kEpisodes, 0, "REC") = "";
       },
       2026,
       {"233", "433"}},
      {"143", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "Q"; }},
      {"144", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "C9"; }, 2026, {"435"}},
      {"145", [](auto& f) { cell(f, T::kEpisodes, 1, "CIN") = "N9"; }, 2026, {"504"}},
      {"146", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "H5"; }},
      // gone by 2025-26
      {"147",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "2025-12-01";
         cell(f, T::kEpisodes, 1, "REC") = "E4A";
       }},
      {"148", [](auto& f) { cell(f, T::kEpisodes, 1, "REC") = "E4A"; }},
      {"149", [](auto& f) { cell(f, T::kEpisodes, 0, "REC") = "E99"; }, 2026, {"388"}},
      {"166", [](auto& f) { cell(f, T::kReviews, 0, "REVIEW") = ""; }},
      {"167", [](auto& f) { cell(f, T::kReviews, 0, "REVIEW_CODE") = "PN9"; }},
      // C2 is no mother (a care leaver not looked after this year gives no MOTHER: 628), so a
      // child's date of birth is 612's business as well.
      {"171", [](auto& f) { cell(f, T::kHeader, 1, "MC_DOB") = "1/2/24"; }, 2026, {"612"}},
      {"174", [](auto& f) { cell(f, T::kHeader, 0, "MC_DOB") = "01/01/2025"; }},
      {"178", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR9"; }},
      {"301", [](auto& f) { set_dob(f, "C1", "01/04/2026"); }, 2026, {"184", "302", "441", "586"}},
      // 25 years and 10 months on 1 April 2025: past the 25th birthday.
      {"351", [](auto& f) { set_dob(f, "C2", "01/06/1999"); }},
      {"353",
       [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "13/10/1991"; },
       2026,
       {"191", "302", "562", "SW12STG2"}},
      {"354",
       [](auto& f) { cell(f, T::kEpisodes, 1, "DECOM") = "01/04/2026"; },
       2026,
       {"388", "433"}},
      {"356",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "31/08/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E4A";
       }},
      {"385",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/04/2026";
         cell(f, T::kEpisodes, 1, "REC") = "E4A";
       }},
      {"501",
       [](auto& f) { cell(f, T::kEpisodes, 0, "DEC") = "02/09/2025"; },
       2026,
       {"388", "433"}},
      {"567", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = "30/06/2025"; }},
      {"570",
       [](auto& f) {
         cell(f, T::kMissing, 0, "MIS_START") = "02/04/2026";
         cell(f, T::kMissing, 0, "MIS_END") = "";
       }},
      {"611", [](auto& f) { cell(f, T::kHeader, 1, "MOTHER") = "1"; }, 2026, {"628"}},
      {"612", [](auto& f) { cell(f, T::kHeader, 1, "MC_DOB") = "01/02/2024"; }},
      {"620",
       [](auto& f) {
         set_dob(f, "C2", "01/05/2015");
         cell(f, T::kHeader, 1, "MOTHER") = "1";
         cell(f, T::kHeader, 1, "MC_DOB") = "01/02/2025";
       },
       2026,
       {"391", "628"}},
      {"621",
       [](auto& f) {
         cell(f, T::kHeader, 1, "MOTHER") = "1";
         cell(f, T::kHeader, 1, "MC_DOB") = "01/09/2006";
       },
       2026,
       {"628"}},
      {"1004", [](auto& f) { cell(f, T::kMissing, 0, "MIS_START") = ""; }, 2026, {"564"}},
      {"1005", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = "3 July"; }},
      {"1006", [](auto& f) { cell(f, T::kMissing, 0, "MISSING") = "X"; }},
      {"112", [](auto& f) { cell(f, T::kAd1, 0, "DATE_INT") = "2025-07-01"; }},
      {"113", [](auto& f) { cell(f, T::kAd1, 0, "DATE_MATCH") = "August"; }},
      {"114", [](auto& f) { cell(f, T::kAd1, 0, "FOSTER_CARE") = "2"; }},
      {"115", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = ""; }},
      {"116",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "31/13/2025"; },
       2026,
       {"119"}},
      {"120",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD9"; },
       2026,
       {"119"}},
      {"158",
       [](auto& f) {
         cell(f, T::kOc2, 0, "SUBSTANCE_MISUSE") = "1";
         cell(f, T::kOc2, 0, "INTERVENTION_RECEIVED") = "1";
         cell(f, T::kOc2, 0, "INTERVENTION_OFFERED") = "1";
       }},
      {"159",
       [](auto& f) {
         cell(f, T::kOc2, 0, "SUBSTANCE_MISUSE") = "1";
         cell(f, T::kOc2, 0, "INTERVENTION_RECEIVED") = "0";
       }},
      {"175", [](auto& f) { cell(f, T::kAd1, 0, "NB_ADOPTR") = "3"; }},
      {"176",
       [](auto& f) {
         cell(f, T::kAd1, 0, "NB_ADOPTR") = "1";
         cell(f, T::kAd1, 0, "SEX_ADOPTR") = "XY";
       },
       2026,
       {"520"}},
      {"177", [](auto& f) { cell(f, T::kAd1, 0, "LS_ADOPTR") = "L9"; }},
      {"180", [](auto& f) { cell(f, T::kOc2, 0, "SDQ_SCORE") = "41"; }},
      {"181", [](auto& f) { cell(f, T::kOc2, 0, "CONVICTED") = "2"; }},
      {"192", [](auto& f) { cell(f, T::kOc2, 0, "SUBSTANCE_MISUSE") = "1"; }},
      {"193", [](auto& f) { cell(f, T::kOc2, 0, "INTERVENTION_OFFERED") = "1"; }},
      {"196",
       [](auto& f) {
         cell(f, T::kOc2, 0, "SDQ_SCORE") = "";
         cell(f, T::kOc2, 0, "SDQ_REASON") = "SDQ9";
       }},
      {"197a", [](auto& f) { cell(f, T::kOc2, 0, "SDQ_REASON") = "SDQ1"; }},
      {"333", [](auto& f) { cell(f, T::kAd1, 0, "DATE_MATCH") = "01/05/2025"; }},
      // The missing spell of 1 July is then after the first episode ended, before the second.
      {"355",
       [](auto& f) { cell(f, T::kEpisodes, 0, "DEC") = "01/06/2025"; },
       2026,
       {"388", "433", "578"}},
      {"511", [](auto& f) { cell(f, T::kAd1, 0, "SEX_ADOPTR") = "M1"; }, 2026, {"520"}},
      {"522",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/06/2025"; },
       2026,
       {"119"}},
      {"631", [](auto& f) { cell(f, T::kPrevPerm, 0, "PREV_PERM") = ""; }, 2026, {"630"}},
      {"1009",
       [](auto& f) { cell(f, T::kEpisodes, 1, "REASON_PLACE_CHANGE") = "XYZ"; },
       2026,
       {"233"}},
      // Then it ends before 31 March with none after it: SW11 too.
      {"SW09STG2",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/06/2025"; },
       2026,
       {"SW11STG2", "SW17STG2"}},
      {"SW10STG2",
       [](auto& f) {
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DEC") = "";
       },
       2026,
       {"SW10bSTG2"}},
      {"INT01", [](auto& f) { cell(f, T::kAd1, 0, "CHILD") = "C9"; }, 2026, {"601", "602"}},
      {"INT02", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "CHILD") = "C9"; }},
      {"INT04", [](auto& f) { cell(f, T::kMissing, 0, "CHILD") = "C9"; }},
      {"INT05", [](auto& f) { cell(f, T::kOc2, 0, "CHILD") = "C9"; }, 2026, {"185", "190", "191"}},
      {"INT06", [](auto& f) { cell(f, T::kOc3, 0, "CHILD") = "C9"; }, 2026, {"EPI"}},
      {"INT07", [](auto& f) { cell(f, T::kPrevPerm, 0, "CHILD") = "C9"; }, 2026, {"630"}},
      {"INT08", [](auto& f) { cell(f, T::kReviews, 0, "CHILD") = "C9"; }},
      {"INT09",
       [](auto& f) {
         f.current[T::kUasc] = make(T::kUasc, {{"C9", "F", "02/09/2006", ""}});
       }},
      {"INT31", [](auto& f) { twice(f, T::kAd1, 0); }},
      {"INT33", [](auto& f) { twice(f, T::kOc2, 0); }},
      {"INT34", [](auto& f) { twice(f, T::kOc3, 0); }},
      {"INT35", [](auto& f) { twice(f, T::kPrevPerm, 0); }},
      {"INT36",
       [](auto& f) {
         f.current[T::kUasc] =
             make(T::kUasc, {{"C2", "F", "02/09/2006", ""}, {"C2", "F", "02/09/2006", ""}});
       },
       2026,
       {"1014", "205D"}},
      {"INT03", [](auto& f) { cell(f, T::kEpisodes, 1, "CHILD") = "C9"; }, 2026, {"357", "388"}},
      {"INT32", [](auto& f) { twice(f, T::kHeader, 0); }, 2026, {"444"}},
      // 2025-26's changes (lac2025_26).
      // 178 until 2024-25: a valid code (the placement is 213's).
      {"178", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR9"; }, 2025},
      // From 2025-26 a provider given for an "other" placement (Z11-Z14) or T0-T3 fails too (and
      // 213, which has T4 as well). The 2026 case with PR9 already in the list stays as it is.
      {"178",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "Z11";
         cell(f, T::kEpisodes, 1, "URN") = "";
       },
       2026,
       {"213"}},
  };
}

}  // namespace hearth::returns::test
