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

// 2025-26 (or the same a number of years earlier): C1 came into care in June, with a review
// and a missing spell; C2 is a care leaver and a mother.
Ssda903Files valid_return(int year = 2026) {
  const int shift = year - 2026;
  auto on = [&](std::string_view day_month, int y) {
    return std::string(day_month) + std::to_string(y + shift);
  };
  const std::string male = year >= 2025 ? "M" : "1", female = year >= 2025 ? "F" : "2";
  Ssda903Files f;
  f.year = year;
  f.current[T::kHeader] = make(
      T::kHeader, {{"C1", male, on("17/05/", 2012), "WBRI", "A999123456789", "", ""},
                   {"C2", female, on("02/09/", 2006), "BAFR", "UN3", "1", on("01/02/", 2024)}});
  f.current[T::kEpisodes] =
      make(T::kEpisodes, {{"C1", on("01/06/", 2025), "S", "C2", "N1", "U4", "PR1",
                           on("01/09/", 2025), "X1", "CARPL", "ZZ1 1AA", "ZZ1 2BB", "SC123456"},
                          {"C1", on("01/09/", 2025), "P", "C2", "N1", "U5", "PR1", "", "", "",
                           "ZZ1 1AA", "ZZ1 3CC", "SC654321"}});
  f.current[T::kReviews] =
      make(T::kReviews, {{"C1", on("17/05/", 2012), on("01/09/", 2025), "PN1"}});
  f.current[T::kUasc] = make(T::kUasc, {});
  f.current[T::kOc3] = make(T::kOc3, {{"C2", on("02/09/", 2006), "YES", "F5", "S1"}});
  f.current[T::kMissing] =
      make(T::kMissing, {{"C1", on("17/05/", 2012), "M", on("01/07/", 2025), on("03/07/", 2025)}});
  const std::string dob = on("17/05/", 2012);
  f.current[T::kOc2] = make(T::kOc2, {{"C1", dob, "12", "", "0", "1", "1", "1", "1", "0", "", ""}});
  f.current[T::kAd1] =
      make(T::kAd1, {{"C1", dob, on("01/07/", 2025), on("01/08/", 2025), "0", "2", "MF", "L11"}});
  f.current[T::kPlacedAdoption] =
      make(T::kPlacedAdoption, {{"C1", dob, on("01/07/", 2025), "", ""}});
  f.current[T::kPrevPerm] = make(T::kPrevPerm, {{"C1", dob, "Z1", "", ""}});
  f.current[T::kSwEpisodes] =
      make(T::kSwEpisodes, {{"C1", dob, "SW1234567", on("01/06/", 2025), "", ""}});
  // Last year's return: C1 was looked after for a month in January 2025, and missing for two
  // days of it.
  f.previous[T::kHeader] = f.current[T::kHeader];
  f.previous[T::kEpisodes] =
      make(T::kEpisodes, {{"C1", on("01/01/", 2025), "S", "C2", "N1", "U4", "PR1",
                           on("01/02/", 2025), "E13", "", "ZZ1 1AA", "ZZ1 2BB", "SC123456"}});
  f.previous[T::kMissing] =
      make(T::kMissing, {{"C1", dob, "M", on("10/01/", 2025), on("12/01/", 2025)}});
  return f;
}

// A value of last year's table.
std::string& last_year(Ssda903Files& f, T table, size_t row, std::string_view column) {
  CsvTable& t = f.previous.at(table);
  return t.rows.at(row).at(t.column(column).value());
}

// A second copy of a row: a child twice in a table.
void twice(Ssda903Files& f, T table, size_t row) {
  CsvTable& t = f.current.at(table);
  t.rows.push_back(t.rows.at(row));
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
  ASSERT_TRUE(failing_rules(f).empty()) << "the base return must pass in " << c.year;
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
      {"102", [](auto& f) { cell(f, T::kHeader, 0, "DOB") = "31/02/2012"; }},
      {"103", [](auto& f) { cell(f, T::kHeader, 0, "ETHNIC") = "wbri"; }},
      {"104",
       [](auto& f) {
         f.current[T::kUasc] = make(T::kUasc, {{"C1", "M", "17/05/2012", "2025-06-01"}});
       }},
      {"131", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = "MAYBE"; }},
      {"131", [](auto& f) { cell(f, T::kOc3, 0, "IN_TOUCH") = ""; }},
      {"132", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = "F9"; }},
      {"132", [](auto& f) { cell(f, T::kOc3, 0, "ACTIV") = ""; }},
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = "S9"; }},
      {"133", [](auto& f) { cell(f, T::kOc3, 0, "ACCOM") = ""; }},
      // The missing spell is then before the child's first episode that has a date.
      {"141", [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "June 2025"; }, 2026, {"581"}},
      {"142",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "DEC") = "";
         cell(f, T::kEpisodes, 0, "REC") = "";
       }},
      {"143", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "Q"; }},
      {"144", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "C9"; }},
      {"145", [](auto& f) { cell(f, T::kEpisodes, 1, "CIN") = "N9"; }, 2026, {"504"}},
      {"146", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "H5"; }},  // gone by 2025-26
      {"147",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "2025-12-01";
         cell(f, T::kEpisodes, 1, "REC") = "E4A";
       }},
      {"148", [](auto& f) { cell(f, T::kEpisodes, 1, "REC") = "E4A"; }},
      {"149", [](auto& f) { cell(f, T::kEpisodes, 0, "REC") = "E99"; }},
      {"166", [](auto& f) { cell(f, T::kReviews, 0, "REVIEW") = ""; }},
      {"167", [](auto& f) { cell(f, T::kReviews, 0, "REVIEW_CODE") = "PN9"; }},
      {"171", [](auto& f) { cell(f, T::kHeader, 1, "MC_DOB") = "1/2/24"; }},
      {"174", [](auto& f) { cell(f, T::kHeader, 0, "MC_DOB") = "01/01/2025"; }},
      {"178", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR9"; }},
      {"301", [](auto& f) { cell(f, T::kHeader, 0, "DOB") = "01/04/2026"; }},
      // 25 years and 10 months on 1 April 2025: past the 25th birthday.
      {"351", [](auto& f) { cell(f, T::kHeader, 1, "DOB") = "01/06/1999"; }},
      {"353", [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "13/10/1991"; }},
      {"354", [](auto& f) { cell(f, T::kEpisodes, 1, "DECOM") = "01/04/2026"; }},
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
      {"501", [](auto& f) { cell(f, T::kEpisodes, 0, "DEC") = "02/09/2025"; }},
      {"567", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = "30/06/2025"; }},
      {"570",
       [](auto& f) {
         cell(f, T::kMissing, 0, "MIS_START") = "02/04/2026";
         cell(f, T::kMissing, 0, "MIS_END") = "";
       }},
      {"611", [](auto& f) { cell(f, T::kHeader, 1, "MC_DOB") = ""; }},
      {"612", [](auto& f) { cell(f, T::kHeader, 1, "MOTHER") = "0"; }},
      {"620",
       [](auto& f) {
         cell(f, T::kHeader, 1, "DOB") = "01/05/2015";
         cell(f, T::kHeader, 1, "MC_DOB") = "01/02/2025";
       }},
      {"621", [](auto& f) { cell(f, T::kHeader, 1, "MC_DOB") = "01/09/2006"; }},
      {"1004", [](auto& f) { cell(f, T::kMissing, 0, "MIS_START") = ""; }},
      {"1005", [](auto& f) { cell(f, T::kMissing, 0, "MIS_END") = "3 July"; }},
      {"1006", [](auto& f) { cell(f, T::kMissing, 0, "MISSING") = "X"; }},
      {"112", [](auto& f) { cell(f, T::kAd1, 0, "DATE_INT") = "2025-07-01"; }},
      {"113", [](auto& f) { cell(f, T::kAd1, 0, "DATE_MATCH") = "August"; }},
      {"114", [](auto& f) { cell(f, T::kAd1, 0, "FOSTER_CARE") = "2"; }},
      {"115", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = ""; }},
      {"116", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "31/13/2025"; }},
      {"120", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD9"; }},
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
       }},
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
      {"333", [](auto& f) { cell(f, T::kAd1, 0, "DATE_MATCH") = "01/06/2025"; }},
      // The missing spell of 1 July is then after the first episode ended, before the second.
      {"355", [](auto& f) { cell(f, T::kEpisodes, 0, "DEC") = "01/06/2025"; }, 2026, {"578"}},
      {"511", [](auto& f) { cell(f, T::kAd1, 0, "SEX_ADOPTR") = "M1"; }},
      {"522", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/06/2025"; }},
      {"631", [](auto& f) { cell(f, T::kPrevPerm, 0, "PREV_PERM") = ""; }},
      {"1009", [](auto& f) { cell(f, T::kEpisodes, 1, "REASON_PLACE_CHANGE") = "XYZ"; }},
      // Against last year's return: C1's January episode left open at the year's end.
      {"503A",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "RNE") = "P";
       }},
      {"503B",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "LS") = "C1";
       }},
      {"503C",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "CIN") = "N2";
       }},
      {"503D",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "PLACE") = "U5";
       }},
      {"503E",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "PLACE_PROVIDER") = "PR2";
       }},
      {"503F",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
         last_year(f, T::kEpisodes, 0, "URN") = "SC000001";
       }},
      {"504", [](auto& f) { cell(f, T::kEpisodes, 1, "CIN") = "N2"; }},
      {"208", [](auto& f) { last_year(f, T::kHeader, 0, "UPN") = "B999123456789"; }},
      {"576", [](auto& f) { last_year(f, T::kMissing, 0, "MIS_END") = ""; }},
      // Placements, ages, adopters, missing spells, previous permanence
      {"184", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/01/2012"; }},
      {"188", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/06/2022"; }},
      {"189", [](auto& f) { cell(f, T::kOc2, 0, "DOB") = "01/04/2008"; }},
      {"217", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "A3"; }},
      {"225", [](auto& f) { cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = ""; }},
      {"226", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "T1"; }},
      {"226", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "T1"; }, 2025},
      // Its own reason, judged even when its DECOM is not a date (which 141 reports).
      {"226",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "T1";
         cell(f, T::kEpisodes, 1, "DECOM") = "";
         cell(f, T::kEpisodes, 1, "REASON_PLACE_CHANGE") = "CARPL";
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
       },
       2026, {"141"}},
      {"359", [](auto& f) { cell(f, T::kHeader, 0, "DOB") = "01/01/2007"; }},
      {"371", [](auto& f) { cell(f, T::kEpisodes, 0, "PLACE") = "K3"; }},
      {"371", [](auto& f) { cell(f, T::kEpisodes, 0, "PLACE") = "H5"; }, 2024},
      {"371", [](auto& f) { cell(f, T::kEpisodes, 0, "PLACE") = "H5"; }, 2023},
      {"373",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "S1";
         cell(f, T::kHeader, 0, "DOB") = "01/01/2022";
       }},
      {"374", [](auto& f) { cell(f, T::kEpisodes, 0, "PLACE") = "P3"; }},
      {"379", [](auto& f) { cell(f, T::kEpisodes, 0, "PLACE") = "T4"; }, 2026, {"226", "380"}},
      {"380", [](auto& f) { cell(f, T::kEpisodes, 0, "PLACE") = "T0"; }, 2026, {"226"}},
      {"398", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "V3"; }},
      {"408", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "A6"; }},
      {"446",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "DECOM") = "01/11/2005";
         cell(f, T::kEpisodes, 0, "LS") = "E1";
       }},
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
         cell(f, T::kEpisodes, 1, "PLACE") = "R2";
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR2";
       }},
      {"531",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "P1";
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR5";
       }},
      {"550", [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR0"; }},
      {"565", [](auto& f) { cell(f, T::kMissing, 0, "MISSING") = ""; }},
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
      {"586", [](auto& f) { cell(f, T::kMissing, 0, "DOB") = "01/07/2025"; }},
      {"607",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "F";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }},
      {"607",
       [](auto& f) {
         cell(f, T::kHeader, 0, "SEX") = "2";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2024},
      {"633",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "123";
       }},
      {"635", [](auto& f) { cell(f, T::kPrevPerm, 0, "LA_PERM") = "202"; }},
      {"SW09STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/06/2025"; }},
      {"SW10STG2",
       [](auto& f) {
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DEC") = "";
       }},
      {"INT01", [](auto& f) { cell(f, T::kAd1, 0, "CHILD") = "C9"; }},
      {"INT02", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "CHILD") = "C9"; }},
      {"INT04", [](auto& f) { cell(f, T::kMissing, 0, "CHILD") = "C9"; }},
      {"INT05", [](auto& f) { cell(f, T::kOc2, 0, "CHILD") = "C9"; }},
      {"INT06", [](auto& f) { cell(f, T::kOc3, 0, "CHILD") = "C9"; }},
      {"INT07", [](auto& f) { cell(f, T::kPrevPerm, 0, "CHILD") = "C9"; }},
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
       }},
      {"INT03", [](auto& f) { cell(f, T::kEpisodes, 1, "CHILD") = "C9"; }},
      {"INT32",
       [](auto& f) {
         auto& header = f.current.at(T::kHeader);
         header.rows.push_back(header.rows[0]);
         header.lines.push_back(4);
       }},
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
  cell(f, T::kHeader, 1, "DOB") = "02/04/2000";  // 25 on 2 April 2025
  cell(f, T::kOc3, 0, "DOB") = "02/04/2000";
  EXPECT_TRUE(failing_rules(f).empty());
  cell(f, T::kHeader, 1, "DOB") = "31/03/2000";  // 25 on 31 March 2025
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"351"}));
}

TEST(Ssda903Rules, AReviewRowWithNeitherDateNorCodeFailsOnlyTheDate) {
  Ssda903Files f = valid_return();
  cell(f, T::kReviews, 0, "REVIEW") = "";
  cell(f, T::kReviews, 0, "REVIEW_CODE") = "";
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"166"}));
}

TEST(Ssda903Rules, PaddedValuesAreReadTrimmed) {
  Ssda903Files f = valid_return();
  cell(f, T::kHeader, 0, "ETHNIC") = " WBRI ";
  EXPECT_TRUE(failing_rules(f).empty());
}

}  // namespace
}  // namespace hearth::returns
