// The SSDA903 rule tests' base return (a return of four children that passes every rule, in
// each year the rules know) and the changes a test makes to it: each rule's cases, in
// ssda903_cases_<concern>.cpp, are changes its wording says must fail it.
#pragma once

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/returns/ssda903_rules.hpp"

#include "tables.hpp"

namespace hearth::returns::test {

using T = Ssda903Table;

// 2025-26 (or the same a number of years earlier):
// - C1 came into care in June, with a review, a missing spell and a decision that he should be
//   placed for adoption; last year he was looked after for a month in January;
// - C2 is a care leaver, not looked after this year (her care ended at 18 last year);
// - C3 has been looked after since January 2024: the OC2 cohort;
// - C4 came into care in April and was adopted in December (AD1).
inline Ssda903Files valid_return(int year = 2026) {
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
  f.current[T::kOc3] = make(T::kOc3, {{"C2", on("02/09/", 2006), "YES", "F5", "D1"}});
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
inline std::string& last_year(Ssda903Files& f, T table, size_t row, std::string_view column) {
  CsvTable& t = f.previous.at(table);
  return t.rows.at(row).at(t.column(column).value());
}

// A placement as a return would give it: a temporary or "other" placement (Z11-Z14) has no
// provider and no URN, and the placements Ofsted does not register have no URN.
inline void set_place(Ssda903Files& f, size_t row, std::string_view code) {
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
inline void set_dob(Ssda903Files& f, std::string_view child, std::string_view dob) {
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
inline void twice(Ssda903Files& f, T table, size_t row) {
  CsvTable& t = f.current.at(table);
  t.rows.insert(t.rows.begin() + static_cast<std::ptrdiff_t>(row) + 1, t.rows.at(row));
  t.lines.push_back(t.lines.back() + 1);
}

inline std::string& cell(Ssda903Files& f, T table, size_t row, std::string_view column) {
  CsvTable& t = f.current.at(table);
  return t.rows.at(row).at(t.column(column).value());
}

// The reference data (ssda903_reference.hpp) the base return's rules are judged with: every
// postcode and URN of valid_return is known, all in the return's own authority (a fictional
// unitary, E06000999) and a few miles apart, and each URN is registered for the placements
// and providers the return gives it. Lists, so that a case can change them.
struct Reference {
  std::string authority = "E06000999";
  std::vector<PostcodeDirectory::Entry> postcodes;
  std::vector<RegisteredProvider> providers;
};

inline Reference valid_reference() {
  Reference r;
  auto at = [&](std::string postcode, int32_t east, int32_t north) {
    r.postcodes.push_back({std::move(postcode), {std::pair{east, north}, r.authority}});
  };
  // Homes and placements 1 to 6 km apart on the National Grid.
  at("ZZ1 1AA", 400000, 300000);
  at("ZZ1 2BB", 401000, 300000);
  at("ZZ1 3CC", 402000, 301000);
  at("ZZ1 4DD", 400000, 303000);
  at("ZZ2 1AA", 410000, 310000);
  at("ZZ2 5EE", 412000, 310000);
  at("ZZ2 6FF", 416000, 310000);
  at("ZZ9 9ZZ", 405000, 305000);  // the providers' offices
  auto provider = [&](std::string urn, std::vector<std::string> places) {
    r.providers.push_back({std::move(urn), std::move(places), {"PR1"}, "ZZ9 9ZZ", std::nullopt});
  };
  provider("SC123456", {"U4"});
  provider("SC654321", {"U5"});
  provider("SC234567", {"U4"});
  provider("SC345678", {"A6"});
  return r;
}

inline ValidationReport validate_with(const Ssda903Files& f, const Reference& r) {
  const PostcodeDirectory postcodes(r.postcodes);
  const ProviderRegister providers(r.providers);
  return validate_ssda903(f, Ssda903Reference{r.authority, &postcodes, &providers});
}

// The rules the files fail: with reference data given, every rule of the year; without, the
// rules that need none.
inline std::set<std::string> failing_rules(const Ssda903Files& f, const Reference* r = nullptr) {
  std::set<std::string> out;
  const ValidationReport report = r ? validate_with(f, *r) : validate_ssda903(f);
  for (const auto& failure : report.failures) out.insert(std::string(failure.rule));
  return out;
}

// A postcode of the reference, moved: into another authority (or country, "W06000015"), or off
// the grid (no grid reference).
inline void set_postcode_place(Reference& r, std::string_view postcode, PostcodePlace place) {
  for (auto& entry : r.postcodes) {
    if (entry.postcode == postcode) entry.place = std::move(place);
  }
}

// One change to the base return of `year` that must fail `rule`, and `also` (the other rules
// the same change fails by their wording), and no other.
struct Case {
  std::string rule;
  std::function<void(Ssda903Files&)> change;
  int year = 2026;
  std::set<std::string> also = {};  // other rules the same change fails, by their wording
  // A change to the reference data too (a provider deregistered, a postcode in Wales).
  std::function<void(Reference&)> change_reference = nullptr;
  // Judged with the reference data, by every rule of the year: set for the cases of the rules
  // that need it. The other cases, made from rules about the return alone, are judged by the
  // rules that need no reference data (a placement changed to K2 keeps its URN, which Ofsted's
  // register would then not match).
  bool with_reference = false;
};

// The cases, a file for each file of rules.
std::vector<Case> core_cases();           // ssda903_rules.cpp
std::vector<Case> placement_cases();      // ssda903_rules_placements.cpp
std::vector<Case> history_cases();        // ssda903_rules_history.cpp
std::vector<Case> episode_cases();        // ssda903_rules_episodes.cpp
std::vector<Case> outcome_cases();        // ssda903_rules_outcomes.cpp
std::vector<Case> adoption_cases();       // ssda903_rules_adoption.cpp
std::vector<Case> missing_cases();        // ssda903_rules_missing.cpp
std::vector<Case> social_worker_cases();  // ssda903_rules_social_workers.cpp
std::vector<Case> postcode_cases();       // ssda903_rules_postcodes.cpp
std::vector<Case> provider_cases();       // ssda903_rules_providers.cpp

}  // namespace hearth::returns::test
