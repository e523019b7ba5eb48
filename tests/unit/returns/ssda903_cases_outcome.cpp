// SSDA903 rule cases: OC2 and OC3 (ssda903_rules_outcomes.cpp). Each is a change to valid_return()
// that the rule's wording says must fail it, with the other rules the same change fails
// (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> outcome_cases() {
  return {
      // Outcomes: OC2 (C3, looked after since January 2024), OC3 (C2), and their relations.
      // 134: C1, who has AD1 data, given care leaver data; C1 (13) is under 17 (391) and was
      // never looked after after their 14th birthday (1001).
      {"134",
       [](auto& f) {
         auto& t = f.current.at(T::kOc3);
         t.rows.push_back({"C4", "10/10/2021", "YES", "F5", "D1"});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"391"}},
      {"153", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = ""; }, 2026, {"132"}},
      {"157",
       [](auto& f) {
         cell(f, T::kOc2, 0, "SDQ_SCORE") = "";
         cell(f, T::kOc2, 0, "SDQ_REASON") = "SDQ1";
       }},
      // Invalid, and a male; then a female with episodes in the year and no mother status.
      {"165", [](auto& f) { cell(f, T::kHeader, 0, "MOTHER") = "2"; }},
      {"165", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "F"; }, 2026, {"202", "393"}},
      {"165", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "2"; }, 2024, {"202", "393"}},
      // 1/2 until 2023-24
      // One of the four blank (the CLA child's 191; CONVICTED 0 is conviction information, 544).
      {"182", [](auto& f) { cell(f, T::kOc2, 0, "IMMUNISATIONS") = ""; }, 2026, {"191", "544"}},
      // Some of the four given and none of the other four: the DfE's wording fails it (the
      // validator's code does not); no conviction information at 13 is 543's.
      {"182",
       [](auto& f) {
         cell(f, T::kOc2, 0, "CONVICTED") = "";
         cell(f, T::kOc2, 0, "IMMUNISATIONS") = "";
       },
       2026,
       {"191", "543"}},
      // C1, who came into care in June, with an SDQ score.
      {"185",
       [](auto& f) {
         auto& t = f.current.at(T::kOc2);
         t.rows.push_back({"C1", "17/05/2012", "12", "", "", "", "", "", "", "", "", ""});
         t.lines.push_back(t.lines.back() + 1);
       }},
      {"186", [](auto& f) { cell(f, T::kOc2, 0, "SDQ_SCORE") = ""; }},
      // The cohort's C3 with adoption data; then with care leaver data, which also has the OC2
      // items beside it (215), is for a 13-year-old (391) never looked after past 14 (1001).
      {"187",
       [](auto& f) {
         auto& t = f.current.at(T::kAd1);
         t.rows.push_back({"C3", "17/05/2012", "01/07/2025", "01/08/2025", "0", "2", "MF", "L11"});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"602"}},
      {"187",
       [](auto& f) {
         auto& t = f.current.at(T::kOc3);
         t.rows.push_back({"C3", "17/05/2012", "YES", "F5", "D1"});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"215", "391"}},
      {"190",
       [](auto& f) {
         auto& t = f.current.at(T::kOc2);
         t.rows.push_back({"C1", "17/05/2012", "", "", "", "", "1", "1", "1", "0", "", ""});
         t.lines.push_back(t.lines.back() + 1);
       }},
      {"191", [](auto& f) { cell(f, T::kOc2, 0, "TEETH_CHECK") = ""; }, 2026, {"182", "544"}},
      // No OC2 row at all for C3: reported at C3's episode.
      {"191", [](auto& f) { f.current[T::kOc2] = make(T::kOc2, {}); }},
      // 17 on 1 June 2025, with neither a score nor a reason.
      {"197B",
       [](auto& f) {
         cell(f, T::kOc2, 0, "DOB") = "01/06/2008";
         cell(f, T::kOc2, 0, "SDQ_SCORE") = "";
       },
       2026,
       {"INT14"}},
      {"198",
       [](auto& f) {
         auto& t = f.current.at(T::kOc2);
         t.rows.push_back({"C1", "17/05/2012", "", "SDQ4", "", "", "", "", "", "", "", ""});
         t.lines.push_back(t.lines.back() + 1);
       }},
      // The care leaver C2 with OC2 items: not looked after (190), and OC2 data for an OC3 child
      // with no episodes this year (1012).
      {"215",
       [](auto& f) {
         auto& t = f.current.at(T::kOc2);
         t.rows.push_back({"C2", "02/09/2006", "", "", "", "", "1", "1", "1", "0", "", ""});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"190", "1012"}},
      {"344", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = "DIED"; }},
      {"345", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = "0"; }},
      // 17 on 1 April 2025, in a foyer.
      {"347",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2007";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2007";
         cell(f, T::kOc3, 0, "ACCOM") = "T1";
       },
       2026,
       {"203"}},
      // 16 on 31 March 2026; then she was only 15 when her episode ended, never looked after
      // past 16 (1001).
      {"391",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2009";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2009";
       },
       2026,
       {"203"}},
      {"542", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/06/2016"; }, 2026, {"INT14"}},
      {"543", [](auto& f) { cell(f, T::kOc2, 0, "CONVICTED") = ""; }},
      // CONVICTED 0 is conviction information too.
      {"544", [](auto& f) { cell(f, T::kOc2, 0, "SUBSTANCE_MISUSE") = ""; }, 2026, {"182", "191"}},
      // 4 at 31 March (no conviction information, which 542 would fail under 10).
      {"545",
       [](auto& f) {
         cell(f, T::kOc2, 0, "DOB") = "01/06/2021";
         cell(f, T::kOc2, 0, "CONVICTED") = "";
       },
       2026,
       {"INT14"}},
      {"546", [](auto& f) { cell(f, T::kOc2, 0, "HEALTH_CHECK") = "1"; }},
      // A 4-year-old (so 546 does not apply) with health promotion information and no teeth
      // check.
      {"547",
       [](auto& f) {
         cell(f, T::kOc2, 0, "DOB") = "01/06/2021";
         cell(f, T::kOc2, 0, "CONVICTED") = "";
         cell(f, T::kOc2, 0, "HEALTH_CHECK") = "1";
         cell(f, T::kOc2, 0, "TEETH_CHECK") = "";
       },
       2026,
       {"182", "191", "INT14"}},
      // Against last year's return: row 1 is C2's episode, 01/09/2020 to 02/09/2024.
      {"1000", [](auto& f) { last_year(f, T::kEpisodes, 1, "REC") = "E2"; }},
      // 84 days after her 14th birthday; then adopted.
      // 1001 and 1002 judge care leavers 17 in the year (born 2 September 2008): C2's care then
      // ended on her 16th birthday, after 84 days, or in adoption.
      {"1001",
       [](auto& f) {
         set_dob(f, "C2", "02/09/2008");
         last_year(f, T::kEpisodes, 1, "DECOM") = "10/06/2024";
         last_year(f, T::kEpisodes, 1, "REC") = "E8";
       }},
      {"1001",
       [](auto& f) {
         set_dob(f, "C2", "02/09/2008");
         last_year(f, T::kEpisodes, 1, "REC") = "E11";
       }},
      // Not C2's episode after all: none in either year (so not a relevant child either, 1001).
      {"1002",
       [](auto& f) {
         set_dob(f, "C2", "02/09/2008");
         last_year(f, T::kEpisodes, 1, "CHILD") = "C9";
       },
       2026,
       {"1001"}},
      // 17 on 2 September 2025, looked after since June and still (the validator's code passes
      // an open episode).
      {"1007",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2008";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2008";
         auto& t = f.current.at(T::kEpisodes);
         t.rows.push_back({"C2", "01/06/2025", "S", "C2", "N1", "U4", "PR1", "", "", "", "ZZ1 1AA",
                           "ZZ1 5EE", "SC123456"});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"165", "203", "393", "630"}},
      {"1010",
       [](auto& f) {
         last_year(f, T::kEpisodes, 1, "DEC") = "";
         last_year(f, T::kEpisodes, 1, "REC") = "";
       }},
      // C2's episode went on into this year and ended when another authority took her care over.
      {"1011",
       [](auto& f) {
         last_year(f, T::kEpisodes, 1, "DEC") = "";
         last_year(f, T::kEpisodes, 1, "REC") = "";
         auto& t = f.current.at(T::kEpisodes);
         t.rows.push_back({"C2", "01/09/2020", "S", "C2", "N1", "U4", "PR1", "01/05/2025", "E3", "",
                           "ZZ1 1AA", "ZZ1 2BB", "SC123456"});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"165", "393", "607"}},
      {"1012",
       [](auto& f) {
         auto& t = f.current.at(T::kReviews);
         t.rows.push_back({"C2", "02/09/2006", "01/09/2025", "PN1"});
         t.lines.push_back(t.lines.back() + 1);
       }},
      {"1014",
       [](auto& f) {
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", ""}});
       },
       2026,
       {"205D"}},
      // 18 on 2 September 2025, the day her care ended (ended on the birthday, she was not still
      // looked after on it: not 1007).
      {"1016",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2007";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2007";
         auto& t = f.current.at(T::kEpisodes);
         t.rows.push_back({"C2", "01/06/2025", "S", "C2", "N1", "U4", "PR1", "02/09/2025", "E17",
                           "", "ZZ1 1AA", "ZZ1 5EE", "SC123456"});
         t.lines.push_back(t.lines.back() + 1);
       },
       2026,
       {"165", "203", "393", "607", "630"}},
      // 17 on 1 April 2025 (the first day of the year), with former foster carers.
      {"3001",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "01/04/2008";
         cell(f, T::kOc3, 0, "DOB") = "01/04/2008";
         cell(f, T::kOc3, 0, "ACCOM") = "Z1";
       },
       2026,
       {"203"}},
      // Last year's OC3 said C2 had died.
      {"348",
       [](auto& f) {
         f.previous[T::kOc3] = make(T::kOc3, {{"C2", "02/09/2006", "DIED", "0", "0"}});
       }},
  };
}

}  // namespace hearth::returns::test
