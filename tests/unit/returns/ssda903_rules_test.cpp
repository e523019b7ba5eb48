// Each SSDA903 rule against a return that passes every rule, and against the same return with
// one change made from the rule's own wording, which must fail that rule (and only that rule,
// so that a rule cannot pass its test by accident of another).
#include "hearth/returns/ssda903_rules.hpp"

#include <functional>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tables.hpp"

namespace hearth::returns {
namespace {

using ::testing::HasSubstr;
using T = Ssda903Table;
using test::make;

// 2025-26 (or the same a number of years earlier):
// - C1 came into care in June, with a review, a missing spell and a decision that he should be
//   placed for adoption; last year he was looked after for a month in January;
// - C2 is a care leaver, not looked after this year (her care ended at 18 last year);
// - C3 has been looked after since January 2024: the OC2 cohort;
// - C4 came into care in April and was adopted in December (AD1).
Ssda903Files valid_return(int year = 2026) {
  const int shift = year - 2026;
  auto on = [&](std::string_view day_month, int y) {
    return std::string(day_month) + std::to_string(y + shift);
  };
  const std::string male = year >= 2025 ? "M" : "1", female = year >= 2025 ? "F" : "2";
  Ssda903Files f;
  f.year = year;
  const std::string dob = on("17/05/", 2012), dob4 = on("10/10/", 2021);
  f.current[T::kHeader] =
      make(T::kHeader, {{"C1", male, dob, "WBRI", "U999123456789", "", ""},
                        {"C2", female, on("02/09/", 2006), "BAFR", "UN3", "", ""},
                        {"C3", male, dob, "WBRI", "E999123456790", "", ""},
                        {"C4", male, dob4, "WBRI", "UN1", "", ""}});
  f.current[T::kEpisodes] =
      make(T::kEpisodes, {{"C1", on("01/06/", 2025), "S", "C2", "N1", "U4", "PR1",
                           on("01/09/", 2025), "X1", "CARPL", "ZZ1 1AA", "ZZ1 2BB", "SC123456"},
                          {"C1", on("01/09/", 2025), "P", "C2", "N1", "U5", "PR1", "", "", "",
                           "ZZ1 1AA", "ZZ1 3CC", "SC654321"},
                          {"C3", on("01/01/", 2024), "S", "C2", "N1", "U4", "PR1", "", "", "",
                           "ZZ1 1AA", "ZZ1 4DD", "SC234567"},
                          {"C4", on("01/04/", 2025), "S", "C2", "N1", "U4", "PR1",
                           on("01/06/", 2025), "X1", "", "ZZ2 1AA", "ZZ2 5EE", "SC123456"},
                          {"C4", on("01/06/", 2025), "L", "E1", "N1", "U4", "PR1",
                           on("01/08/", 2025), "X1", "PLACE", "ZZ2 1AA", "ZZ2 5EE", "SC123456"},
                          {"C4", on("01/08/", 2025), "P", "E1", "N1", "A6", "PR1",
                           on("01/12/", 2025), "E11", "", "ZZ2 1AA", "ZZ2 6FF", "SC345678"}});
  f.current[T::kReviews] = make(T::kReviews, {{"C1", dob, on("01/09/", 2025), "PN1"}});
  f.current[T::kUasc] = make(T::kUasc, {});
  f.current[T::kOc3] = make(T::kOc3, {{"C2", on("02/09/", 2006), "YES", "F5", "S1"}});
  f.current[T::kMissing] =
      make(T::kMissing, {{"C1", dob, "M", on("01/07/", 2025), on("03/07/", 2025)}});
  f.current[T::kOc2] = make(T::kOc2, {{"C3", dob, "12", "", "0", "", "1", "1", "1", "0", "", ""}});
  f.current[T::kAd1] =
      make(T::kAd1, {{"C4", dob4, on("01/06/", 2025), on("01/07/", 2025), "0", "2", "MF", "L11"}});
  f.current[T::kPlacedAdoption] =
      make(T::kPlacedAdoption,
           {{"C1", dob, on("01/07/", 2025), "", ""}, {"C4", dob4, on("01/06/", 2025), "", ""}});
  f.current[T::kPrevPerm] =
      make(T::kPrevPerm, {{"C1", dob, "Z1", "", ""}, {"C4", dob4, "Z1", "", ""}});
  f.current[T::kSwEpisodes] =
      make(T::kSwEpisodes, {{"C1", dob, "SW1234567", on("01/06/", 2025), "", "FCONTA"},
                            {"C3", dob, "SW7654321", on("01/01/", 2024), "", "FCONTA"},
                            {"C4", dob4, "SW1234568", on("01/04/", 2025), "", "FCONTA"}});
  // Last year's return: C1 was looked after for a month in January 2025, and missing for two
  // days of it; C2's care ended on her 18th birthday; C3 was there.
  f.previous[T::kHeader] = f.current[T::kHeader];
  f.previous[T::kEpisodes] =
      make(T::kEpisodes, {{"C1", on("01/01/", 2025), "S", "C2", "N1", "U4", "PR1",
                           on("01/02/", 2025), "E13", "", "ZZ1 1AA", "ZZ1 2BB", "SC123456"},
                          {"C2", on("01/09/", 2020), "S", "C2", "N1", "U4", "PR1",
                           on("02/09/", 2024), "E17", "", "ZZ1 1AA", "ZZ1 2BB", "SC123456"},
                          {"C3", on("01/01/", 2024), "S", "C2", "N1", "U4", "PR1", "", "", "",
                           "ZZ1 1AA", "ZZ1 4DD", "SC234567"}});
  f.previous[T::kUasc] = make(T::kUasc, {});
  f.previous[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
  f.previous[T::kOc3] = make(T::kOc3, {});
  f.previous[T::kMissing] =
      make(T::kMissing, {{"C1", dob, "M", on("10/01/", 2025), on("12/01/", 2025)}});
  return f;
}

// A value of last year's table.
std::string& last_year(Ssda903Files& f, T table, size_t row, std::string_view column) {
  CsvTable& t = f.previous.at(table);
  return t.rows.at(row).at(t.column(column).value());
}

// A placement as a return would give it: a temporary or "other" placement (Z11-Z14) has no
// provider and no URN, and the placements Ofsted does not register have no URN.
void set_place(Ssda903Files& f, size_t row, std::string_view code) {
  CsvTable& t = f.current.at(T::kEpisodes);
  auto& values = t.rows.at(row);
  values.at(t.column("PLACE").value()) = code;
  auto any_of = [&](std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), code) != set.end();
  };
  if (any_of({"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"})) {
    values.at(t.column("PLACE_PROVIDER").value()) = "";
  }
  if (any_of({"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13",
              "Z14"}) ||
      (f.year < 2025 && any_of({"H5", "P2"}))) {
    values.at(t.column("URN").value()) = "";
  }
}

// A child's date of birth, the same in every table of both years that gives one (so that a
// case about age fails no rule about tables disagreeing).
void set_dob(Ssda903Files& f, std::string_view child, std::string_view dob) {
  for (auto* tables : {&f.current, &f.previous}) {
    for (auto& [table, t] : *tables) {
      auto child_column = t.column("CHILD"), dob_column = t.column("DOB");
      if (!child_column || !dob_column) continue;
      for (auto& row : t.rows) {
        if (row.at(*child_column) == child) row.at(*dob_column) = dob;
      }
    }
  }
}

// A second copy of a row: a child twice in a table.
// The copy comes right after the row, as row + 1; the rows after it, and their lines, move down.
void twice(Ssda903Files& f, T table, size_t row) {
  CsvTable& t = f.current.at(table);
  t.rows.insert(t.rows.begin() + static_cast<std::ptrdiff_t>(row) + 1, t.rows.at(row));
  t.lines.push_back(t.lines.back() + 1);
}

std::string& cell(Ssda903Files& f, T table, size_t row, std::string_view column) {
  CsvTable& t = f.current.at(table);
  return t.rows.at(row).at(t.column(column).value());
}

std::set<std::string> failing_rules(const Ssda903Files& f) {
  std::set<std::string> out;
  for (const auto& failure : validate_ssda903(f).failures) out.insert(std::string(failure.rule));
  return out;
}

TEST(Ssda903Rules, TheValidReturnPassesEveryRule) {
  const ValidationReport report = validate_ssda903(valid_return());
  EXPECT_TRUE(report.failures.empty()) << report_text(report);
  EXPECT_TRUE(report.rules_skipped.empty());
  EXPECT_EQ(report.rules_run.size(), ssda903_rules_for(2026).size());
}

struct Case {
  std::string rule;
  std::function<void(Ssda903Files&)> change;
  int year = 2026;
  std::set<std::string> also = {};  // other rules the same change fails, by their wording
};

class EachRule : public ::testing::TestWithParam<Case> {};

TEST_P(EachRule, FailsOnTheChangeItsWordingDescribes) {
  const Case& c = GetParam();
  Ssda903Files f = valid_return(c.year);
  ASSERT_EQ(failing_rules(f), std::set<std::string>{}) << "the base return must pass in " << c.year;
  c.change(f);
  std::set<std::string> expected = c.also;
  expected.insert(c.rule);
  EXPECT_EQ(failing_rules(f), expected);
}

// Every rule in the registry has a case here (checked below).
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {"101", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "1"; }},  // 1/2 before 2024-25
      {"101", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "M"; }, 2024},
      {"102", [](auto& f) { cell(f, T::kHeader, 0, "DOB") = "31/02/2012"; }, 2026, {"203"}},
      {"103", [](auto& f) { cell(f, T::kHeader, 0, "ETHNIC") = "wbri"; }},
      {"104",
       [](auto& f) {
         f.current[T::kUasc] = make(T::kUasc, {{"C1", "M", "17/05/2012", "2025-06-01"}});
       }, 2026, {"205D"}},
      {"131", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = "MAYBE"; }},
      {"131", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = ""; }, 2026, {"153"}},
      {"132", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = "F9"; }},
      {"132", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = ""; }, 2026, {"153"}},
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = "S9"; }},
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = ""; }, 2026, {"153"}},
      // The missing spell is then before the child's first episode that has a date.
      {"141", [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "June 2025"; }, 2026, {"581"}},
      {"142",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "DEC") = "";
         cell(f, T::kEpisodes, 0, "REC") = "";
       }, 2026, {"233", "433"}},
      {"143", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "Q"; }},
      {"144", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "C9"; }, 2026, {"435"}},
      {"145", [](auto& f) { cell(f, T::kEpisodes, 1, "CIN") = "N9"; }, 2026, {"504"}},
      {"146", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "H5"; }},  // gone by 2025-26
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
      {"353", [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "13/10/1991"; }, 2026, {"191", "302", "562", "SW12STG2"}},
      {"354", [](auto& f) { cell(f, T::kEpisodes, 1, "DECOM") = "01/04/2026"; }, 2026, {"388", "433"}},
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
      {"501", [](auto& f) { cell(f, T::kEpisodes, 0, "DEC") = "02/09/2025"; }, 2026, {"388", "433"}},
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
       }, 2026, {"391", "628"}},
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
      {"116", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "31/13/2025"; }, 2026, {"119"}},
      {"120", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD9"; }, 2026, {"119"}},
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
       }, 2026, {"520"}},
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
      {"355", [](auto& f) { cell(f, T::kEpisodes, 0, "DEC") = "01/06/2025"; }, 2026, {"388", "433", "578"}},
      {"511", [](auto& f) { cell(f, T::kAd1, 0, "SEX_ADOPTR") = "M1"; }, 2026, {"520"}},
      {"522", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/06/2025"; }, 2026, {"119"}},
      {"631", [](auto& f) { cell(f, T::kPrevPerm, 0, "PREV_PERM") = ""; }, 2026, {"630"}},
      {"1009", [](auto& f) { cell(f, T::kEpisodes, 1, "REASON_PLACE_CHANGE") = "XYZ"; }, 2026, {"233"}},
      // Against last year's return: C1's January episode left open at the year's end.
      {"503A",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "RNE") = "P";
       }, 2026, {"502"}},
      {"503B",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "LS") = "C1";
       }, 2026, {"502"}},
      {"503C",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "CIN") = "N2";
       }, 2026, {"502"}},
      {"503D",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "PLACE") = "U5";
       }, 2026, {"502"}},
      {"503E",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "PLACE_PROVIDER") = "PR2";
       }, 2026, {"502"}},
      {"503F",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "URN") = "SC000001";
       }, 2026, {"502"}},
      {"504", [](auto& f) { cell(f, T::kEpisodes, 1, "CIN") = "N2"; }},
      {"208", [](auto& f) { last_year(f, T::kHeader, 0, "UPN") = "B999123456789"; }},
      {"576", [](auto& f) { last_year(f, T::kMissing, 0, "MIS_END") = ""; }},
      // Placements, ages, adopters, missing spells, previous permanence
      {"184", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/01/2012"; }, 2026, {"1003", "559"}},
      {"188", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/06/2022"; }, 2026, {"542", "545", "INT14"}},
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
       }, 2026, {"141", "233"}},
      {"359", [](auto& f) { set_dob(f, "C1", "01/01/2007"); }, 2026, {"352"}},
      {"371", [](auto& f) { set_place(f, 0, "K3"); }},
      {"371", [](auto& f) { set_place(f, 0, "H5"); }, 2024},
      {"371", [](auto& f) { set_place(f, 0, "H5"); }, 2023},
      {"373",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "S1";
         set_dob(f, "C1", "01/01/2022");
       }, 2026, {"441"}},
      {"374", [](auto& f) { set_place(f, 0, "P3"); }},
      {"379", [](auto& f) { set_place(f, 0, "T4"); }, 2026, {"226", "380"}},
      {"380", [](auto& f) { set_place(f, 0, "T0"); }, 2026, {"226"}},
      {"398", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "V3"; }, 2026, {"214", "365", "366", "367", "435"}},
      {"408", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "A6"; }},
      {"446",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "DECOM") = "01/11/2005";
         cell(f, T::kEpisodes, 0, "LS") = "E1";
       }, 2026, {"191", "302", "435", "554", "562", "SW12STG2"}},
      {"518", [](auto& f) { cell(f, T::kAd1, 0, "LS_ADOPTR") = "L4"; }},
      {"519", [](auto& f) {
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
       }, 2026, {"178"}},
      // After an episode with a reason for the change: 226 too.
      {"213", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "T1"; }, 2025, {"222", "226"}},
      // The placement's postcode is there: 398 (distance completed under V3/V4) too.
      {"214", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "V3"; }, 2026, {"365", "366", "367", "398", "435"}},
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
       }, 2026, {"165", "202", "393"}},
      {"607",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "2";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }, 2024, {"165", "202", "393"}},
      {"633",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "123";
       }, 2026, {"630"}},
      {"635", [](auto& f) { cell(f, T::kPrevPerm, 0, "LA_PERM") = "202"; }},
      // Then it ends before 31 March with none after it: SW11 too.
      {"SW09STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/06/2025"; }, 2026, {"SW11STG2", "SW17STG2"}},
      {"SW10STG2",
       [](auto& f) {
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DEC") = "";
       }, 2026, {"SW10bSTG2"}},
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
       }, 2026, {"1014", "205D"}},
      {"INT03", [](auto& f) { cell(f, T::kEpisodes, 1, "CHILD") = "C9"; }, 2026, {"357", "388"}},
      {"INT32", [](auto& f) { twice(f, T::kHeader, 0); }, 2026, {"444"}},
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
       }, 2026, {"1014"}},
      {"205B",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "01/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "01/09/2024"}});
       }, 2026, {"1014"}},
      {"205D",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
       }, 2026, {"1014"}},
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
       }, 2026, {"1014"}},
      {"393",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
       }, 2026, {"165"}},
      {"393",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "2";
         last_year(f, T::kHeader, 0, "SEX") = "2";
       }, 2024, {"165"}},
      // Every episode under V4 (a series of short breaks), with a review; then, for a girl, with
      // MOTHER given and no review. 398: the postcodes; 384 (not yet in the registry): V4 in
      // the U4 long-term foster placement.
      {"399",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
       }, 2026, {"214", "384", "398"}},
      {"399",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         last_year(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kHeader, 0, "MOTHER") = "0";
         cell(f, T::kEpisodes, 0, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         f.current[T::kReviews] = make(T::kReviews, {});
       }, 2026, {"214", "384", "398"}},
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
       }, 2026, {"1014"}},
      {"INT21",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", "02/09/2024"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C2", "M", "02/09/2006", "02/09/2024"}});
       }, 2026, {"1014"}},
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
       }, 2026, {"191", "562", "SW12STG2"}},
      // Last year's episode ended in adoption: both of this year's come after it.
      {"199", [](auto& f) { last_year(f, T::kEpisodes, 0, "REC") = "E11"; }},
      // Episodes: legal-status durations, ages, how episodes follow one another, temporary
      // placements, respite care, reviews (ssda903_rules_episodes.cpp).
      // 18 on the day the episode began; the open episode then also fails 359.
      {"352", [](auto& f) { set_dob(f, "C1", "01/06/2007"); }, 2026, {"359"}},
      {"357", [](auto& f) { cell(f, T::kEpisodes, 0, "RNE") = "P"; }},
      // The day before the 10th birthday (RNE B: legal status and placement both change).
      {"358",
       [](auto& f) {
         set_dob(f, "C1", "02/09/2015");
         cell(f, T::kEpisodes, 1, "LS") = "J1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      // Each legal status one day over its limit, the next episode starting the day it ended.
      {"361",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "L1";
         cell(f, T::kEpisodes, 0, "DEC") = "05/06/2025";  // 4 days
         cell(f, T::kEpisodes, 1, "DECOM") = "05/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      {"362",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "L2";
         cell(f, T::kEpisodes, 0, "DEC") = "23/06/2025";  // 22 days
         cell(f, T::kEpisodes, 1, "DECOM") = "23/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      {"363",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "L3";
         cell(f, T::kEpisodes, 0, "DEC") = "09/06/2025";  // 8 days
         cell(f, T::kEpisodes, 1, "DECOM") = "09/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      {"364",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "J2";
         cell(f, T::kEpisodes, 0, "DEC") = "23/06/2025";  // 22 days
         cell(f, T::kEpisodes, 1, "DECOM") = "23/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      // Respite (V3) in a short-term foster placement (U3: 384 bars U1 and U4); V3 with
      // postcodes also fails 398.
      {"365",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         cell(f, T::kEpisodes, 0, "PLACE") = "U3";
         cell(f, T::kEpisodes, 0, "DEC") = "19/06/2025";  // 18 days
         cell(f, T::kEpisodes, 1, "DECOM") = "19/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"214", "398"}},
      {"366",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "V3";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
         cell(f, T::kEpisodes, 1, "DEC") = "10/09/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }, 2026, {"214", "398"}},
      // 76 days of respite in the year, in one break (so over 365's 17 days too).
      {"367",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         cell(f, T::kEpisodes, 0, "PLACE") = "U3";
         cell(f, T::kEpisodes, 0, "DEC") = "16/08/2025";
         cell(f, T::kEpisodes, 1, "DECOM") = "16/08/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"214", "365", "398"}},
      // Began the day before the 10th birthday; a private provider (527 bars PR1 with R5).
      {"372",
       [](auto& f) {
         set_dob(f, "C1", "02/06/2015");
         cell(f, T::kEpisodes, 0, "PLACE") = "R5";
         cell(f, T::kEpisodes, 0, "PLACE_PROVIDER") = "PR4";
       }, 2026, {"222"}},
      // A first episode that is temporary, with a reason for the change, also fails 226 and 380
      // (as 379's case).
      {"375",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "T1";
         cell(f, T::kEpisodes, 0, "DEC") = "14/07/2025";  // 43 days
         cell(f, T::kEpisodes, 1, "DECOM") = "14/07/2025";
       }, 2026, {"178", "213", "222", "226", "380"}},
      {"376",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "T3";
         cell(f, T::kEpisodes, 0, "DEC") = "23/06/2025";  // 22 days
         cell(f, T::kEpisodes, 1, "DECOM") = "23/06/2025";
       }, 2026, {"178", "213", "222", "226", "380"}},
      // Three two-day T3 placements within four months, each back to the usual placement.
      {"377",
       [](auto& f) {
         auto episode = [](std::string from, std::string to, bool on_holiday) {
           return std::vector<std::string>{
               "C1", from, from == "01/06/2025" ? "S" : "P", "C2", "N1",
               on_holiday ? "T3" : "U4", on_holiday ? "" : "PR1", to, to.empty() ? "" : "X1",
               "", "ZZ1 1AA", on_holiday ? "" : "ZZ1 2BB", on_holiday ? "" : "SC123456"};
         };
         f.current[T::kEpisodes] = make(T::kEpisodes, {episode("01/06/2025", "10/06/2025", false),
                                                       episode("10/06/2025", "12/06/2025", true),
                                                       episode("12/06/2025", "10/08/2025", false),
                                                       episode("10/08/2025", "12/08/2025", true),
                                                       episode("12/08/2025", "10/10/2025", false),
                                                       episode("10/10/2025", "12/10/2025", true),
                                                       episode("12/10/2025", "", false)});
       }, 2026, {"185", "190", "392b", "602", "EPI"}},
      {"378",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "V2";
         cell(f, T::kEpisodes, 1, "PLACE") = "P1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"222", "527"}},
      // The episode before gives no reason for the change, as none is wanted before a temporary
      // placement (226).
      {"381",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "PLACE") = "T0";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }, 2026, {"178", "213", "222"}},
      {"382",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "PLACE") = "T0";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"178", "213", "214", "222", "398"}},
      // From the U4 placement to four days of T3, then to U5 (not back to U4): from 2025-26 the
      // episode after the temporary one fails, until 2024-25 the temporary one.
      {"383",
       [](auto& f) {
         twice(f, T::kEpisodes, 1);
         cell(f, T::kEpisodes, 2, "DECOM") = "05/09/2025";
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "PLACE") = "T3";
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "";
         cell(f, T::kEpisodes, 1, "DEC") = "05/09/2025";
         cell(f, T::kEpisodes, 1, "REC") = "X1";
         cell(f, T::kEpisodes, 1, "PL_POST") = "";
         cell(f, T::kEpisodes, 1, "URN") = "";
       }, 2026, {"392b"}},
      {"383",
       [](auto& f) {
         twice(f, T::kEpisodes, 1);
         cell(f, T::kEpisodes, 2, "DECOM") = "05/09/2024";
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "PLACE") = "T3";
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "";
         cell(f, T::kEpisodes, 1, "DEC") = "05/09/2024";
         cell(f, T::kEpisodes, 1, "REC") = "X1";
         cell(f, T::kEpisodes, 1, "PL_POST") = "";
         cell(f, T::kEpisodes, 1, "URN") = "";
       }, 2025, {"392b"}},
      {"384",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "PLACE") = "U1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"214", "398"}},
      // Ages on the day care ended: on the 18th birthday (386, 407), the day before the 14th,
      // 16th and 18th (387, 389, 460).
      {"386",
       [](auto& f) {
         set_dob(f, "C1", "01/11/2007");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
       }, 2026, {"390", "601"}},
      {"387",
       [](auto& f) {
         set_dob(f, "C1", "02/11/2011");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E5";
       }},
      // The last episode ends X1, with no episode after it.
      {"388",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "X1";
       }},
      {"389",
       [](auto& f) {
         set_dob(f, "C1", "02/11/2009");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E7";
       }},
      {"407",
       [](auto& f) {
         set_dob(f, "C1", "01/11/2007");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E45";
       }, 2026, {}},
      {"426",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         cell(f, T::kEpisodes, 0, "PLACE") = "U3";
         cell(f, T::kEpisodes, 0, "DEC") = "05/06/2025";
         cell(f, T::kEpisodes, 1, "DECOM") = "05/06/2025";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"214", "398", "399"}},
      {"431", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "S"; }},
      // Care ended (E13) the day the next episode began: 388 fails the E13 too.
      {"432", [](auto& f) { cell(f, T::kEpisodes, 0, "REC") = "E13"; }, 2026, {"388"}},
      // A day's gap after an X1: 388 fails the X1 too.
      {"433", [](auto& f) { cell(f, T::kEpisodes, 1, "DECOM") = "02/09/2025"; }, 2026, {"388"}},
      // 434-436: the legal status, then the placement, contradicting the reason.
      {"434", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "L"; }},
      {"434",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "RNE") = "L";
         cell(f, T::kEpisodes, 1, "LS") = "C1";
       }},
      {"435", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "C1"; }},
      {"435",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "U4";
         cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 2BB";
         cell(f, T::kEpisodes, 1, "URN") = "SC123456";
       }},
      {"436", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "B"; }},
      {"436",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "RNE") = "B";
         cell(f, T::kEpisodes, 1, "LS") = "C1";
         cell(f, T::kEpisodes, 1, "PLACE") = "U4";
         cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 2BB";
         cell(f, T::kEpisodes, 1, "URN") = "SC123456";
       }},
      // Died, and looked after again the next day.
      {"437",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "REC") = "E2";
         cell(f, T::kEpisodes, 1, "DECOM") = "02/09/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "S";
       }},
      {"440", [](auto& f) { cell(f, T::kReviews, 0, "REVIEW_CODE") = "PN0"; }},
      // A review on the 4th birthday is of a child aged 4 (the validator's 440 passes it).
      {"440",
       [](auto& f) {
         cell(f, T::kReviews, 0, "DOB") = "01/09/2021";
         cell(f, T::kReviews, 0, "REVIEW_CODE") = "PN0";
       }, 2026, {"INT17"}},
      // The day before the 4th birthday.
      {"441", [](auto& f) { cell(f, T::kReviews, 0, "DOB") = "02/09/2021"; }, 2026, {"INT17"}},
      {"445",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }, 2026, {"556"}},
      // Open under D1: one that began after December 2005 fails 445 too.
      {"451",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026, {"445"}},
      {"460",
       [](auto& f) {
         set_dob(f, "C1", "02/11/2007");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E17";
       }, 2026, {}},
      // Against last year's return: C1's January episode left open at the year's end.
      {"502",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
       }},
      // Began in March 2025, but last year's latest episode began in January.
      {"562", [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "01/03/2025"; }, 2026, {"191", "SW12STG2"}},
      // Missing and away-from-placement spells
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
       2026, {"575"}},
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
       2026, {"575"}},
      // Missing until the 18th birthday (by the Missing table's DOB), the day care ended, E13.
      {"580",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "03/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
         cell(f, T::kMissing, 0, "DOB") = "03/11/2007";
         cell(f, T::kMissing, 0, "MIS_START") = "01/11/2025";
         cell(f, T::kMissing, 0, "MIS_END") = "03/11/2025";
       }, 2026, {"INT13"}},
      // Social worker episodes (the base return's episode with reason FCONTA)
      {"SW01STG1", [](auto& f) { f.current[T::kSwEpisodes] = make(T::kSwEpisodes, {}); }, 2025},
      {"SW01STG1", [](auto& f) { f.current[T::kSwEpisodes] = make(T::kSwEpisodes, {}); }, 2024},
      // 2023-24 also wants a reason among the child's episodes.
      {"SW01STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = ""; }, 2024,
       {"SW03STG1", "SW13STG1"}},
      {"SW02STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_ID") = "AB1234567"; }},
      // From 2025-26 the two letters alone are not an ID.
      {"SW02STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_ID") = "SW"; }},
      {"SW02STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_ID") = "sw1234567"; }, 2025},
      {"SW03STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = ""; }, 2025, {}},
      {"SW04STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DECOM") = "2025-06-01"; }},
      {"SW05STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/13/2025"; }},
      // Also: C1's social worker episodes then begin after C1's care did.
      {"SW06STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DECOM") = "01/04/2026"; }, 2026,
       {"SW12STG2"}},
      // Before the reporting period (1 April 2024), and with no episode after it.
      {"SW07STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/03/2024"; }, 2026, {"SW11STG2", "SW17STG2", "SW18STG2"}},
      {"SW07STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/04/2026"; }},
      // In 2023-24 the reporting period is the collection year (from 1 April 2023).
      {"SW07STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/03/2023"; }, 2024,
       {"SW11STG2"}},
      {"SW108STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
       }, 2026, {}},
      {"SW11STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025"; }, 2026, {"SW17STG2"}},
      // C1 has been looked after since 1 June, the social worker episodes only from 2 June.
      {"SW12STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DECOM") = "02/06/2025"; }},
      {"SW13STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = "LAZY"; }},
      // From 2024-25 only the child's first episode of the year may have no reason.
      {"SW13STG1",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
         cell(f, T::kSwEpisodes, 1, "SW_REASON") = "";
       }},
      {"SW13STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = "LAZY"; }, 2024},
      {"SW14STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2024";
       },
       2025, {"SW108STG2"}},
      // A change of worker in the year with no reason (the child's first episode needs none).
      {"SW15STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2024";
         cell(f, T::kSwEpisodes, 1, "SW_ID") = "SW2345678";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2024";
         cell(f, T::kSwEpisodes, 1, "SW_REASON") = "";
       },
       2025, {"SW03STG1", "SW13STG1"}},
      // Against last year's return: C1's episode left open at its end, carried on this year.
      {"SW16aSTG2",
       [](auto& f) {
         f.previous[T::kSwEpisodes] = f.current[T::kSwEpisodes];
         last_year(f, T::kSwEpisodes, 0, "SW_ID") = "SW7654321";
       },
       2025},
      {"SW16bSTG2",
       [](auto& f) {
         f.previous[T::kSwEpisodes] = f.current[T::kSwEpisodes];
         last_year(f, T::kSwEpisodes, 0, "SW_DECOM") = "01/02/2024";
       },
       2025},
      {"SW16cSTG2",
       [](auto& f) {
         f.previous[T::kSwEpisodes] = f.current[T::kSwEpisodes];
         last_year(f, T::kSwEpisodes, 0, "SW_REASON") = "OTHERS";
       },
       2025},
      // Outcomes: OC2 (C3, looked after since January 2024), OC3 (C2), and their relations.
      // 134: C1, who has AD1 data, given care leaver data; C1 (13) is under 17 (391) and was
      // never looked after after their 14th birthday (1001).
      {"134",
       [](auto& f) {
         auto& t = f.current.at(T::kOc3);
         t.rows.push_back({"C4", "10/10/2021", "YES", "F5", "S1"});
         t.lines.push_back(t.lines.back() + 1);
       }, 2026, {"391"}},
      {"153", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = ""; }, 2026, {"132"}},
      {"157",
       [](auto& f) {
         cell(f, T::kOc2, 0, "SDQ_SCORE") = "";
         cell(f, T::kOc2, 0, "SDQ_REASON") = "SDQ1";
       }},
      // Invalid, and a male; then a female with episodes in the year and no mother status.
      {"165", [](auto& f) { cell(f, T::kHeader, 0, "MOTHER") = "2"; }},
      {"165", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "F"; }, 2026, {"202", "393"}},
      {"165", [](auto& f) { cell(f, T::kHeader, 0, "SEX") = "2"; }, 2024, {"202", "393"}},  // 1/2 until 2023-24
      // One of the four blank (the CLA child's 191; CONVICTED 0 is conviction information, 544).
      {"182", [](auto& f) { cell(f, T::kOc2, 0, "IMMUNISATIONS") = ""; }, 2026, {"191", "544"}},
      // Some of the four given and none of the other four: the DfE's wording fails it (the
      // validator's code does not); no conviction information at 13 is 543's.
      {"182",
       [](auto& f) {
         cell(f, T::kOc2, 0, "CONVICTED") = "";
         cell(f, T::kOc2, 0, "IMMUNISATIONS") = "";
       },
       2026, {"191", "543"}},
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
         t.rows.push_back(
             {"C3", "17/05/2012", "01/07/2025", "01/08/2025", "0", "2", "MF", "L11"});
         t.lines.push_back(t.lines.back() + 1);
       }, 2026, {"602"}},
      {"187",
       [](auto& f) {
         auto& t = f.current.at(T::kOc3);
         t.rows.push_back({"C3", "17/05/2012", "YES", "F5", "S1"});
         t.lines.push_back(t.lines.back() + 1);
       }, 2026, {"215", "391"}},
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
       }, 2026, {"INT14"}},
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
       2026, {"190", "1012"}},
      {"344", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = "DIED"; }},
      {"345", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = "0"; }},
      // 17 on 1 April 2025, in a foyer.
      {"347",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2007";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2007";
         cell(f, T::kOc3, 0, "ACCOM") = "T1";
       }, 2026, {"203"}},
      // 16 on 31 March 2026; then she was only 15 when her episode ended, never looked after
      // past 16 (1001).
      {"391",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2009";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2009";
       }, 2026, {"203"}},
      {"542", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/06/2016"; }, 2026, {"INT14"}},
      {"543", [](auto& f) { cell(f, T::kOc2, 0, "CONVICTED") = ""; }},
      // CONVICTED 0 is conviction information too.
      {"544", [](auto& f) { cell(f, T::kOc2, 0, "SUBSTANCE_MISUSE") = ""; }, 2026,
       {"182", "191"}},
      // 4 at 31 March (no conviction information, which 542 would fail under 10).
      {"545",
       [](auto& f) {
         cell(f, T::kOc2, 0, "DOB") = "01/06/2021";
         cell(f, T::kOc2, 0, "CONVICTED") = "";
       }, 2026, {"INT14"}},
      {"546", [](auto& f) { cell(f, T::kOc2, 0, "HEALTH_CHECK") = "1"; }},
      // A 4-year-old (so 546 does not apply) with health promotion information and no teeth
      // check.
      {"547",
       [](auto& f) {
         cell(f, T::kOc2, 0, "DOB") = "01/06/2021";
         cell(f, T::kOc2, 0, "CONVICTED") = "";
         cell(f, T::kOc2, 0, "HEALTH_CHECK") = "1";
         cell(f, T::kOc2, 0, "TEETH_CHECK") = "";
       }, 2026, {"182", "191", "INT14"}},
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
       2026, {"1001"}},
      // 17 on 2 September 2025, looked after since June and still (the validator's code passes
      // an open episode).
      {"1007",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "02/09/2008";
         cell(f, T::kOc3, 0, "DOB") = "02/09/2008";
         auto& t = f.current.at(T::kEpisodes);
         t.rows.push_back({"C2", "01/06/2025", "S", "C2", "N1", "U4", "PR1", "", "", "",
                           "ZZ1 1AA", "ZZ1 5EE", "SC123456"});
         t.lines.push_back(t.lines.back() + 1);
       }, 2026, {"165", "203", "393", "630"}},
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
         t.rows.push_back({"C2", "01/09/2020", "S", "C2", "N1", "U4", "PR1", "01/05/2025", "E3",
                           "", "ZZ1 1AA", "ZZ1 2BB", "SC123456"});
         t.lines.push_back(t.lines.back() + 1);
       }, 2026, {"165", "393", "607"}},
      {"1012",
       [](auto& f) {
         auto& t = f.current.at(T::kReviews);
         t.rows.push_back({"C2", "02/09/2006", "01/09/2025", "PN1"});
         t.lines.push_back(t.lines.back() + 1);
       }},
      {"1014",
       [](auto& f) { f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "02/09/2006", ""}}); }, 2026, {"205D"}},
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
       }, 2026, {"165", "203", "393", "607", "630"}},
      // 17 on 1 April 2025 (the first day of the year), with former foster carers.
      {"3001",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "01/04/2008";
         cell(f, T::kOc3, 0, "DOB") = "01/04/2008";
         cell(f, T::kOc3, 0, "ACCOM") = "Z1";
       }, 2026, {"203"}},
      // Adoption: AD1, PlacedAdoption (this year and last), PrevPerm, episodes placed for
      // adoption. Written against valid_return() as it stands, except that (a) 602 is assumed
      // fixed in the base (see the report: C1 has AD1 data but is not adopted) and (b) the base
      // is assumed to give last year's PlacedAdoption (empty will do), so that 559, 560, 561
      // and 584 run; their cases below set that table themselves.
      {"117", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/04/2026"; }, 2026, {}},
      // Reversed after the child ceased to be looked after.
      {"117",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/12/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       }, 2026, {}},
      // Reversed before the child's first episode (01/06/2025), so before the decision too.
      {"118",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/05/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       }, 2026, {"522"}},
      {"119", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1"; }},
      {"119", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025"; }, 2026, {}},
      {"151", [](auto& f) { cell(f, T::kAd1, 0, "FOSTER_CARE") = ""; }, 2026, {"601"}},
      // Adopted from an A4 placement that began 01/09/2025, matched a month after.
      {"331",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         cell(f, T::kAd1, 0, "DATE_MATCH") = "01/10/2025";
       }, 2026, {"601"}},
      // Before the latest period of care began (01/06/2025).
      // Before C4's period of care began (1 April).
      {"334", [](auto& f) { cell(f, T::kAd1, 0, "DATE_INT") = "01/03/2025"; }, 2026, {"523"}},
      // C4 adopted from A6 (not the foster carers) with FOSTER_CARE 1; then from A5 with 0.
      {"335", [](auto& f) { cell(f, T::kAd1, 0, "FOSTER_CARE") = "1"; }},
      {"335", [](auto& f) { cell(f, T::kEpisodes, 5, "PLACE") = "A5"; }, 2026, {"217"}},
      // Placed with current foster carers (A3) straight from a children's home.
      {"336",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "K2";
         cell(f, T::kEpisodes, 1, "PLACE") = "A3";
       },
       2026, {"217"}},
      {"390",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
       }, 2026, {"601"}},
      {"514", [](auto& f) { cell(f, T::kAd1, 0, "LS_ADOPTR") = "L0"; }},
      {"516",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "K2";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E45";
       }},
      {"517",
       [](auto& f) {
         cell(f, T::kAd1, 0, "LS_ADOPTR") = "L3";
         cell(f, T::kAd1, 0, "SEX_ADOPTR") = "MM";
       }},
      {"520", [](auto& f) { cell(f, T::kAd1, 0, "SEX_ADOPTR") = "FF"; }},
      {"521",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kAd1, 0, "DATE_INT") = "01/10/2025";
         cell(f, T::kAd1, 0, "DATE_MATCH") = "01/10/2025";
       }, 2026, {"331", "523"}},
      {"523", [](auto& f) { cell(f, T::kAd1, 0, "DATE_INT") = "02/07/2025"; }, 2026, {"333"}},
      {"525",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 1, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 1, "REASON_PLACED_CEASED") = "RD1";
       }, 2026, {"558"}},
      {"551",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         f.current[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       }, 2026, {"553"}},
      {"552",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/10/2025";
       }, 2026, {}},
      {"553",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "E1";
         cell(f, T::kEpisodes, 1, "LS") = "E1";
         f.current[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       }, 2026, {"551"}},
      // The decision reversed while the placement order's episode is still open.
      {"553",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "E1";
         cell(f, T::kEpisodes, 1, "LS") = "E1";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/06/2025";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
         cell(f, T::kAd1, 0, "DATE_INT") = "01/06/2025";
       }, 2026, {}},
      // The decision (01/07/2025) after the placement order (the first E1 episode, 01/06/2025).
      {"554",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "E1";
         cell(f, T::kEpisodes, 1, "LS") = "E1";
       }},
      // A freeing order (D1) after 2005 is 445's, and one still open 451's.
      {"555",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         f.current[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       }, 2026, {"445", "451", "551", "553"}},
      {"555",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/06/2025";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
         cell(f, T::kAd1, 0, "DATE_INT") = "01/06/2025";
       }, 2026, {"445", "451"}},
      {"556",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "LS") = "D1";
       },
       2026, {"445", "451"}},
      // Left care from an A4 placement, not adopted, the decision not reversed.
      {"557",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }},
      {"557",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2024},
      // Before 2024-25 a freeing order (D1) counts too (a legal status changed with reason P is
      // 435's).
      {"557",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2024, {"435", "445"}},
      {"558",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/10/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       }, 2026, {"601"}},
      {"563",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       }, 2026, {"115"}},
      // Two decisions, the first still open.
      {"579", [](auto& f) { twice(f, T::kPlacedAdoption, 0); }, 2026, {"583"}},
      // A new decision (01/08/2025) before the previous one ceased (01/09/2025).
      {"579",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/09/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
         twice(f, T::kPlacedAdoption, 0);
         cell(f, T::kPlacedAdoption, 1, "DATE_PLACED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 1, "DATE_PLACED_CEASED") = "";
         cell(f, T::kPlacedAdoption, 1, "REASON_PLACED_CEASED") = "";
       }, 2026, {}},
      // Matched on the day of adoption, so after the A4 placement began (331).
      // Matched on the day of the adoption, which is after the placement (331 too).
      {"582", [](auto& f) { cell(f, T::kAd1, 0, "DATE_MATCH") = "01/12/2025"; }, 2026, {"331"}},
      {"583", [](auto& f) { twice(f, T::kPlacedAdoption, 0); }, 2026, {"579"}},
      {"601",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         cell(f, T::kAd1, 0, "NB_ADOPTR") = "";
       },
       2026, {"151"}},
      // Adopted with no AD1 row at all.
      {"601",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         f.current[T::kAd1] = make(T::kAd1, {});
       }},
      // Adoption data for C2, who was not adopted (and is a care leaver: 134). Against the base
      // as it stands C1's row already fails 602.
      {"602", [](auto& f) { cell(f, T::kAd1, 0, "CHILD") = "C2"; }, 2026, {"1012", "134", "601", "INT11"}},
      {"630", [](auto& f) { cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1"; }},
      {"630", [](auto& f) { f.current[T::kPrevPerm] = make(T::kPrevPerm, {}); }},
      {"632",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "202";
         cell(f, T::kPrevPerm, 0, "DATE_PERM") = "31/02/2020";
       }},
      // Day not known: at the earliest 1 July 2025, after the first episode began (01/06/2025).
      {"632",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "202";
         cell(f, T::kPrevPerm, 0, "DATE_PERM") = "ZZ/07/2025";
       }},
      // C3, looked after only in January 2015, has a PrevPerm row. An episode that began before
      // the year with none last year is NoE's and 562's.
      {"634",
       [](auto& f) {
         auto add = [](CsvTable& t, std::vector<std::string> row) {
           t.rows.push_back(std::move(row));
           t.lines.push_back(t.lines.back() + 1);
         };
         add(f.current.at(T::kHeader), {"C5", "M", "17/05/2012", "WBRI", "UN5", "", ""});
         add(f.current.at(T::kEpisodes),
             {"C5", "01/01/2015", "S", "C2", "N1", "U4", "PR1", "01/02/2015", "E13", "",
              "ZZ1 1AA", "ZZ1 2BB", "SC123456"});
         add(f.current.at(T::kPrevPerm), {"C5", "17/05/2012", "Z1", "", ""});
       },
       2026, {"NoE", "562"}},
      // Before the child started to be looked after (01/06/2025).
      {"1003", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/05/2025"; }, 2026, {}},
      // Against last year's PlacedAdoption (only the order of the dates matters to these rules).
      // A decision made before the year, of which last year's return has no date.
      {"559",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/03/2025";
         f.previous[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       }, 2026, {"1003"}},
      // Last year's decision of 01/03/2025 was still open; this year's is another date.
      {"560",
       [](auto& f) {
         f.previous[T::kPlacedAdoption] =
             make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/03/2025", "", ""}});
       }},
      // The same date as last year's, which last year's return shows reversed (so no later: 584).
      {"561",
       [](auto& f) {
         f.previous[T::kPlacedAdoption] =
             make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/07/2025", "01/08/2025", "RD1"}});
       },
       2026, {"584"}},
      {"584",
       [](auto& f) {
         f.previous[T::kPlacedAdoption] =
             make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/08/2025", "01/09/2025", "RD1"}});
       }},
      // ---- 2025-26 rules (lac2025_26): new codes and year variants --------------------------
      // 178 until 2024-25: a valid code (the placement is 213's).
      {"178", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR9"; }, 2025},
      // From 2025-26 a provider given for an "other" placement (Z11-Z14) or T0-T3 fails too (and
      // 213, which has T4 as well). The 2026 case with PR9 already in the list stays as it is.
      {"178",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "Z11";
         cell(f, T::kEpisodes, 1, "URN") = "";
       }, 2026, {"213"}},
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
      // Last year's OC3 said C2 had died.
      {"348",
       [](auto& f) {
         f.previous[T::kOc3] = make(T::kOc3, {{"C2", "02/09/2006", "DIED", "0", "0"}});
       }},
      // C3 given C1's UPN, in both years (so not 208): both rows fail.
      {"444",
       [](auto& f) {
         cell(f, T::kHeader, 2, "UPN") = "U999123456789";
         last_year(f, T::kHeader, 2, "UPN") = "U999123456789";
       }},
      // C1's first social worker ended on 1 August, the next (a change of social worker, not a
      // first contact) began on 1 September: 31 days later.
      {"SW10aSTG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
         cell(f, T::kSwEpisodes, 1, "SW_REASON") = "CHCHAN";
       }},
      // A first contact on 1 August while the episode before runs to 1 September: also SW10's
      // (every SW10b failure is one).
      {"SW10bSTG2",
       [](auto& f) {
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DEC") = "";
       }, 2026, {"SW10STG2"}},
      // C1's only episode ended on 31 March itself (not before it: not SW11).
      {"SW17STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/03/2026"; }},
      // Not the child's last episode, so neither SW11 nor SW17.
      {"SW18STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/05/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
       }},
      // Two open episodes from 1 June: the first is not the last (SW108).
      {"SW19STG2", [](auto& f) { twice(f, T::kSwEpisodes, 0); }, 2026, {"SW108STG2"}},
  };
  return kCases;
}

INSTANTIATE_TEST_SUITE_P(Ssda903, EachRule, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return "Rule" + info.param.rule + "In" +
                                  std::to_string(info.param.year) + "Case" +
                                  std::to_string(info.index);
                         });

TEST(Ssda903Rules, EveryRuleInTheRegistryHasAFailingCase) {
  std::set<std::pair<std::string, int>> tested;
  for (const auto& c : cases()) tested.emplace(c.rule, c.year);
  for (const auto& rule : ssda903_rules()) {
    const int year = std::clamp(2026, rule.first_year, rule.last_year);
    EXPECT_TRUE(tested.contains({std::string(rule.code), year}))
        << "rule " << rule.code << " (" << rule.first_year << "-" << rule.last_year
        << ") has no case for " << year;
    EXPECT_FALSE(rule.message.empty()) << rule.code;
    EXPECT_FALSE(rule.fields.empty()) << rule.code;
  }
}

TEST(Ssda903Rules, AFailureNamesTheRuleTheFileLineChildAndFields) {
  Ssda903Files f = valid_return();
  cell(f, T::kEpisodes, 1, "LS") = "C9";
  cell(f, T::kEpisodes, 1, "RNE") = "B";  // legal status and placement both changed
  const ValidationReport report = validate_ssda903(f);
  ASSERT_EQ(report.failures.size(), 1u);
  const RuleFailure& failure = report.failures[0];
  EXPECT_EQ(failure.rule, "144");
  EXPECT_EQ(failure.file, "episodes.csv");
  EXPECT_EQ(failure.line, 3);
  EXPECT_EQ(failure.child, "C1");
  EXPECT_EQ(failure.fields, (std::vector<std::string_view>{"LS"}));
  EXPECT_THAT(report_csv(report),
              HasSubstr("144,The legal status code is not a valid code.,Episodes,episodes.csv,3,"
                        "C1,LS"));
  EXPECT_THAT(report_json(report), HasSubstr("\"failures\": 1"));
  EXPECT_THAT(report_text(report), HasSubstr("episodes.csv line 3: rule 144: child C1 (LS)"));
}

TEST(Ssda903Rules, ARuleWhoseTableIsMissingIsSkippedAndSaidSo) {
  Ssda903Files f = valid_return();
  f.current.erase(T::kMissing);
  const ValidationReport report = validate_ssda903(f);
  EXPECT_TRUE(report.failures.empty());
  std::set<std::string> skipped;
  for (const auto& rule : report.rules_skipped) skipped.insert(std::string(rule.code));
  EXPECT_TRUE(skipped.contains("1004"));
  EXPECT_THAT(report_text(report), HasSubstr("not run (a table they need was not given)"));
}

TEST(Ssda903Rules, TheDayBeforeThe25thBirthdayIsNotOver25) {
  Ssda903Files f = valid_return();
  set_dob(f, "C2", "02/04/2000");  // 25 on 2 April 2025
  EXPECT_TRUE(failing_rules(f).empty());
  set_dob(f, "C2", "31/03/2000");  // 25 on 31 March 2025
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"351"}));
}

TEST(Ssda903Rules, AReviewRowWithNeitherDateNorCodeFailsOnlyTheDate) {
  Ssda903Files f = valid_return();
  cell(f, T::kReviews, 0, "REVIEW") = "";
  cell(f, T::kReviews, 0, "REVIEW_CODE") = "";
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"166"}));
}

TEST(Ssda903Rules, AnEpisodeClosedBeforeTheYearBeganNeedsNoUrn) {
  Ssda903Files f = valid_return();
  CsvTable& episodes = f.current.at(T::kEpisodes);
  episodes.rows.push_back(episodes.rows.at(0));
  episodes.lines.push_back(episodes.lines.back() + 1);
  cell(f, T::kEpisodes, 2, "DECOM") = "01/01/2025";
  cell(f, T::kEpisodes, 2, "DEC") = "31/03/2025";
  cell(f, T::kEpisodes, 2, "URN") = "";
  EXPECT_FALSE(failing_rules(f).contains("218"));
  cell(f, T::kEpisodes, 2, "DEC") = "01/04/2025";
  EXPECT_TRUE(failing_rules(f).contains("218"));
}

TEST(Ssda903Rules, FormerUnaccompaniedAsylumSeekersNeedNoPostcodes) {
  Ssda903Files f = valid_return();
  cell(f, T::kEpisodes, 1, "HOME_POST") = "";
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"392b"}));
  f.previous[T::kUasc] = make(T::kUasc, {{"C1", "M", "17/05/2012", "01/02/2025"}});
  EXPECT_TRUE(failing_rules(f).empty());
}

TEST(Ssda903Rules, PostcodesOfEveryShapeAreRead) {
  Ssda903Files f = valid_return();
  for (const char* postcode :
       {"M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "ec1a1bb"}) {
    cell(f, T::kEpisodes, 1, "PL_POST") = postcode;
    EXPECT_TRUE(failing_rules(f).empty()) << postcode;
  }
  for (const char* postcode : {"M1", "EC1A 1B", "11 1AA", "M1 AAA", "EC1AA 1BB", "M1 1A1"}) {
    cell(f, T::kEpisodes, 1, "PL_POST") = postcode;
    EXPECT_EQ(failing_rules(f), (std::set<std::string>{"392c"})) << postcode;
  }
}

TEST(Ssda903Rules, AnEpisodeOfExactlyItsLimitPasses) {
  struct Limit {
    std::string ls, place, dec;
    std::set<std::string> failing;  // other rules the change fails
  };
  const std::vector<Limit> limits = {
      {"L1", "U4", "04/06/2025", {}},                     // 361: 3 days (72 hours)
      {"L2", "U4", "22/06/2025", {}},                     // 362: 21 days
      {"L3", "U4", "08/06/2025", {}},                     // 363: 7 days
      {"J2", "U4", "22/06/2025", {}},                     // 364: 21 days
      {"V3", "U3", "18/06/2025", {"214", "398"}},         // 365: 17 days
      {"V3", "U3", "15/08/2025", {"214", "365", "398"}},  // 367: 75 days
      {"C2", "T1", "13/07/2025", {"226", "380"}},         // 375: 42 days
      {"C2", "T3", "22/06/2025", {"226", "380"}},         // 376: 21 days
  };
  for (const Limit& limit : limits) {
    Ssda903Files f = valid_return();
    cell(f, T::kEpisodes, 0, "LS") = limit.ls;
    set_place(f, 0, limit.place);
    cell(f, T::kEpisodes, 0, "DEC") = limit.dec;
    cell(f, T::kEpisodes, 1, "DECOM") = limit.dec;
    if (limit.ls != "C2") cell(f, T::kEpisodes, 1, "RNE") = "B";
    EXPECT_EQ(failing_rules(f), limit.failing) << limit.ls << " " << limit.place;
  }
}

// Two years' files cannot show an older care leaver's care: 1001 and 1002 judge only those 17
// in the year.
TEST(Ssda903Rules, ACareLeaverOlderThan17IsNotJudgedOnEpisodesTheReturnsCannotHold) {
  Ssda903Files f = valid_return();
  last_year(f, T::kEpisodes, 1, "CHILD") = "C9";  // C2 (19 in September) has no episode
  EXPECT_TRUE(failing_rules(f).empty());
  set_dob(f, "C2", "02/09/2008");  // 17 in September
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"1001", "1002"}));
}

// A spell that began in an episode of last year's return is not "before the child started to
// be looked after", though before this year's first episode.
TEST(Ssda903Rules, AMissingSpellBegunInLastYearsCareIsNotBeforeCare) {
  Ssda903Files f = valid_return();
  CsvTable& missing = f.current.at(T::kMissing);
  missing.rows.push_back({"C1", "17/05/2012", "M", "20/01/2025", "02/04/2025"});
  missing.lines.push_back(missing.lines.back() + 1);
  EXPECT_FALSE(failing_rules(f).contains("581"));
  f.previous.erase(T::kEpisodes);
  EXPECT_TRUE(failing_rules(f).contains("581"));
}

TEST(Ssda903Rules, PaddedValuesAreReadTrimmed) {
  Ssda903Files f = valid_return();
  cell(f, T::kHeader, 0, "ETHNIC") = " WBRI ";
  EXPECT_TRUE(failing_rules(f).empty());
}

}  // namespace
}  // namespace hearth::returns
