// De-identified figures of an authority's caseload on a day: how many children are in need,
// on a child in need plan, on a child protection plan or looked after, by age band and sex, and
// how many referrals came in over the year before. What a performance analyst may see: counts,
// never a child. Counts from 1 to kSuppressBelow - 1 are shown as "c" (the GSS symbol the DfE's
// statistics use "to protect confidentiality"), so that no small group can be picked out.
//
// The engine works on plain records (`CaseloadInput`), loaded by `load_caseload_input`: no SQL
// inside.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/result.hpp"
#include "hearth/store/store.hpp"

namespace hearth::metrics {

// Counts below this (but above 0) are suppressed. Hearth's choice, not a DfE figure: the DfE's
// policy statement on confidentiality leaves the threshold to each table.
inline constexpr int64_t kSuppressBelow = 6;

struct CaseloadInput {
  std::vector<domain::Child> children;
  std::vector<domain::Referral> referrals;
  std::vector<domain::CinPlan> cin_plans;
  std::vector<domain::ProtectionPlan> protection_plans;
  std::vector<domain::LookedAfterEpisode> episodes;
};

core::Result<CaseloadInput> load_caseload_input(store::Store& store, std::string_view la_code);

// The groups each breakdown counts.
enum Group { kInNeed = 0, kCinPlan, kProtectionPlan, kLookedAfter, kGroups };

struct Breakdown {
  std::string label;                      // "Under 1", "Female"
  std::array<int64_t, kGroups> counts{};  // by Group
};

struct CaseloadFigures {
  core::Date on;
  int64_t children_with_records = 0;
  std::array<int64_t, kGroups> totals{};
  int64_t referrals_in_year = 0;     // referrals in the 12 months to `on`
  int64_t re_referrals_in_year = 0;  // of those, within 12 months of an earlier referral
  std::vector<Breakdown> by_age;     // the DfE's bands: under 1, 1-4, 5-9, 10-15, 16+
  std::vector<Breakdown> by_sex;
};

CaseloadFigures caseload_figures(const CaseloadInput& input, core::Date on);

// "c" for a suppressed count, else the count with thousands grouped ("1,234").
std::string shown(int64_t count);
// The cells of one breakdown that adds up to a total shown beside it: as `shown`, and when that
// hides exactly one cell, the smallest other non-zero cell too (secondary suppression), so that
// the hidden one cannot be worked out by subtraction.
std::vector<std::string> shown_with_secondary(const std::vector<int64_t>& cells);
// The share of the year's referrals that were re-referrals, as a whole percentage ("23%"), or
// "c" when there were none, or when the re-referrals or the others are few enough to be
// suppressed themselves (1 of 10 shown as 10% would give the 1 away).
std::string re_referral_percent_shown(const CaseloadFigures& figures);

}  // namespace hearth::metrics
