// SSDA903 rule cases: the Header, UASC status and last year's return (ssda903_rules_history.cpp).
// Each is a change to valid_return() that the rule's wording says must fail it, with the other
// rules the same change fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> history_cases() {
  return {
      // A wrong check letter (U is right), a code that is no UN1-UN5, too short.
      {"168",
       [](auto& f) {
         cell(f, T::kHeader, 0, "UPN") = "A999123456789";
         last_year(f, T::kHeader, 0, "UPN") = "A999123456789";
       }},
      {"168", [](auto& f) { cell(f, T::kHeader, 1, "UPN") = "UN6"; }},
      {"168",
       [](auto& f) {
         cell(f, T::kHeader, 0, "UPN") = "U99912345678";
         last_year(f, T::kHeader, 0, "UPN") = "U99912345678";
       }},
      {"202", [](auto& f) { last_year(f, T::kHeader, 0, "SEX") = "F"; }},
      // 2023-24's code 2 is F: not this year's M.
      {"202", [](auto& f) { last_year(f, T::kHeader, 0, "SEX") = "2"; }, 2025},
      {"203", [](auto& f) { last_year(f, T::kHeader, 0, "DOB") = "18/05/2012"; }},
      {"204", [](auto& f) { last_year(f, T::kHeader, 0, "ETHNIC") = "WIRI"; }},
      // C2 was UASC last year and is not this year: last year's DUC blank, or before last year.
      {"205A",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", ""}});
       }},
      {"205A",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2023"}});
       }},
      // UASC both years: this year's DUC blank; last year's not her 18th birthday.
      {"205B",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", ""}});
       },
       2026,
       {"1014"}},
      {"205B",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "01/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "01/09/2024"}});
       },
       2026,
       {"1014"}},
      {"205D",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
       },
       2026,
       {"1014"}},
      // C1 a girl, a mother last year and not this year.
      {"207",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "MOTHER") = "1";
         cell(f, T::kHeader, 0, "MOTHER") = "0";
       }},
      {"209",
       [](auto& f) {
         cell(f, T::kHeader, 1, "UPN") = "UN1";
         last_year(f, T::kHeader, 1, "UPN") = "UN1";
       }},
      // C1 looked after since 1 June.
      {"210",
       [](auto& f) {
         cell(f, T::kHeader, 0, "UPN") = "UN4";
         last_year(f, T::kHeader, 0, "UPN") = "UN4";
       }},
      // Born the day after the first episode began: then an SDQ under 4 (188) and a review's
      // participation code for a child of 4 or over (441) fail too.
      {"302", [](auto& f) { set_dob(f, "C1", "02/06/2025"); }, 2026, {"441"}},
      // The day after her 18th birthday (last year's DUC is it, so 205B holds).
      {"304",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "01/06/2025"}});
       },
       2026,
       {"1014"}},
      {"393",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
       },
       2026,
       {"165"}},
      {"393",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "2";
         last_year(f, T::kHeader, 0, "SEX") = "2";
       },
       2024,
       {"165"}},
      // Every episode under V4 (a series of short breaks), with a review; then, for a girl, with
      // MOTHER given and no review. 398: the postcodes; 384 (not yet in the registry): V4 in
      // the U4 long-term foster placement.
      {"399",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
       },
       2026,
       {"214", "384", "398"}},
      {"399",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kHeader, 0, "MOTHER") = "0";
         cell(f, T::kEpisodes, 0, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         f.current[T::kReviews] = make(T::kReviews, {});
       },
       2026,
       {"214", "384", "398"}},
      {"442",
       [](auto& f) {
         cell(f, T::kHeader, 0, "UPN") = "";
         last_year(f, T::kHeader, 0, "UPN") = "";
       }},
      {"624",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kHeader, 0, "MOTHER") = "1";
         last_year(f, T::kHeader, 0, "MOTHER") = "1";
         cell(f, T::kHeader, 0, "MC_DOB") = "01/02/2025";
         last_year(f, T::kHeader, 0, "MC_DOB") = "01/03/2025";
       }},
      // After 31 March; after the end of her latest episode.
      {"625",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kHeader, 0, "MOTHER") = "1";
         cell(f, T::kHeader, 0, "MC_DOB") = "01/04/2026";
       }},
      {"625",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kHeader, 0, "MOTHER") = "1";
         cell(f, T::kHeader, 0, "MC_DOB") = "01/12/2025";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }},
      {"626",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kHeader, 0, "MOTHER") = "1";
         cell(f, T::kHeader, 0, "MC_DOB") = "01/02/2025";
         last_year(f, T::kHeader, 0, "MOTHER") = "0";
       }},
      {"628", [](auto& f) { cell(f, T::kHeader, 1, "MOTHER") = "0"; }},
      {"INT11", [](auto& f) { cell(f, T::kAd1, 0, "DOB") = "18/05/2012"; }},
      {"INT12", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DOB") = "18/05/2012"; }},
      {"INT13", [](auto& f) { cell(f, T::kMissing, 0, "DOB") = "18/05/2012"; }},
      {"INT14", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "18/05/2012"; }},
      {"INT15", [](auto& f) { cell(f, T::kOc3, 0, "DOB") = "03/09/2006"; }},
      {"INT16", [](auto& f) { cell(f, T::kPrevPerm, 0, "DOB") = "18/05/2012"; }},
      {"INT17", [](auto& f) { cell(f, T::kReviews, 0, "DOB") = "18/05/2012"; }},
      // UASC both years with DUC her 18th birthday (205B holds; 304 by the UASC DOB holds).
      {"INT18",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "03/09/2006", "02/09/2024"}});
       },
       2026,
       {"1014"}},
      {"INT21",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "M", "02/09/2006", "02/09/2024"}});
       },
       2026,
       {"1014"}},
      // C2 then has neither episodes nor care leaver information.
      {"EPI", [](auto& f) { f.current[T::kOc3] = make(T::kOc3, {}); }},
      // C1's care began before the year, and last year's return has no episode for C1. 562
      // (not yet in the registry) fails by the same change: the continuous episode last year is
      // missing. C1 is then also looked after continuously for 12 months at 31 March, which the
      // OC2 cohort rules, when written, may judge.
      {"NoE",
       [](auto& f) {
         f.previous[T::kEpisodes] = make(T::kEpisodes, {});
         cell(f, T::kEpisodes, 0, "DECOM") = "31/03/2025";
       },
       2026,
       {"191", "562", "SW12STG2"}},
      // Last year's episode ended in adoption: both of this year's come after it.
      {"199", [](auto& f) { last_year(f, T::kEpisodes, 0, "REC") = "E11"; }},
      // C3 given C1's UPN, in both years (so not 208): both rows fail.
      {"444",
       [](auto& f) {
         cell(f, T::kHeader, 2, "UPN") = "U999123456789";
         last_year(f, T::kHeader, 2, "UPN") = "U999123456789";
       }},
  };
}

}  // namespace hearth::returns::test
