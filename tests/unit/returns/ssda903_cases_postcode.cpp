// SSDA903 rule cases: what the postcode directory says of an episode's postcodes, PL_LA,
// PL_LOCATION and PL_DISTANCE (ssda903_rules_postcodes.cpp). Each is a change to valid_return(),
// or to valid_reference() (a postcode moved, a provider registered for more), that the rule's
// wording says must fail it, with the other rules the same change fails (ssda903_return.hpp).
//
// The base return's placements, all in the return's authority E06000999 and a few miles from
// home (ZZ1 1AA at 400000, 300000): C1's second, open episode (row 1) at ZZ1 3CC (402000, 301000),
// 1.4 miles; C3's (row 2, and row 2 of last year's, open in both years with RNE S) at ZZ1 4DD
// (400000, 303000), 1.9 miles.
#include <stdexcept>

#include "ssda903_return.hpp"

namespace hearth::returns::test {
namespace {

constexpr std::pair<int32_t, int32_t> kC1Placed{402000, 301000};  // ZZ1 3CC
constexpr std::pair<int32_t, int32_t> kC3Placed{400000, 303000};  // ZZ1 4DD

void add_postcode(Reference& r, std::string postcode,
                  std::optional<std::pair<int32_t, int32_t>> grid, std::string authority) {
  r.postcodes.push_back({std::move(postcode), {grid, std::move(authority)}});
}

RegisteredProvider& registered(Reference& r, std::string_view urn) {
  for (auto& provider : r.providers) {
    if (provider.urn == urn) return provider;
  }
  throw std::out_of_range(std::string(urn));
}

// C1's second placement 1,700 km north of home: 1,056.4 miles.
void c1_placed_off_the_map(Reference& r) {
  set_postcode_place(r, "ZZ1 3CC", {std::pair{402000, 2000000}, r.authority});
}

// C1 an asylum-seeker last year, his status ceasing in February (205A's reading).
void c1_formerly_uasc(Ssda903Files& f) {
  f.previous[T::kUasc] = make(T::kUasc, {{"C1", "M", "17/05/2012", "01/02/2025"}});
}

}  // namespace

std::vector<Case> postcode_cases() {
  return {
      // 164 does not excuse a child never an asylum-seeker; 454 judges the same distance.
      {"164", [](auto&) {}, 2026, {"454"}, c1_placed_off_the_map},
      {"164", [](auto&) {}, 2025, {}, c1_placed_off_the_map},
      // In the Isle of Man: the directory knows the postcode but gives it a pseudo-code (no
      // authority) and no grid reference, so no distance either. PL_LOCATION is OUT, so not 179.
      {"169",
       [](auto&) {},
       2026,
       {"392a"},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {std::nullopt, ""});
       }},
      // A placement postcode of the right shape (not 392c) the directory does not know: no LA,
      // no location, no distance.
      {"179",
       [](auto& f) { cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 9XX"; },
       2026,
       {"169", "392a"}},
      // A home postcode the directory does not know: the placement's LA is still known.
      {"392a", [](auto& f) { cell(f, T::kEpisodes, 1, "HOME_POST") = "ZZ1 9XX"; }},
      // Formerly UASC (last year's table): both of C1's episodes have a distance.
      {"406", [](auto& f) { c1_formerly_uasc(f); }},
      // ... and with no distance for the second (an unknown home postcode), 392a excuses him:
      // only the first fails 406.
      {"406",
       [](auto& f) {
         c1_formerly_uasc(f);
         cell(f, T::kEpisodes, 1, "HOME_POST") = "ZZ1 9XX";
       }},
      // ... and 164 excuses him a distance over 999.9 miles, which 454 does not.
      {"406", [](auto& f) { c1_formerly_uasc(f); }, 2026, {"454"}, c1_placed_off_the_map},
      // UASC in both years, status ceasing at 18 (205B's reading).
      {"406",
       [](auto& f) {
         f.previous[T::kUasc] = make(T::kUasc, {{"C3", "M", "17/05/2012", "17/05/2030"}});
         f.current[T::kUasc] = make(T::kUasc, {{"C3", "M", "17/05/2012", "17/05/2030"}});
       }},
      // C1's first episode a 17-day short break (V3) in a U3 placement its provider is
      // registered for: a placement postcode and URN (214), postcodes (398), so a PL_LA.
      {"420",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         set_place(f, 0, "U3");
         cell(f, T::kEpisodes, 0, "DEC") = "18/06/2025";
         cell(f, T::kEpisodes, 1, "DECOM") = "18/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"214", "398"},
       [](Reference& r) { registered(r, "SC123456").place_codes.push_back("U3"); }},
      // C3 placed in another authority (E09000001) last year, and in a third (E09000002) this
      // year's first episode, the same distance from home, with no new episode: OUT both years.
      {"452",
       [](auto& f) { cell(f, T::kEpisodes, 2, "PL_POST") = "ZZ3 1AA"; },
       2026,
       {"503H"},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 4DD", {kC3Placed, "E09000001"});
         add_postcode(r, "ZZ3 1AA", kC3Placed, "E09000002");
       }},
      // C3's placement this year 2.1 miles from home (3,380 m), last year's 1.9: 0.2 apart, the
      // least that fails; 503G, without 453's RNE condition, too.
      {"453",
       [](auto& f) { cell(f, T::kEpisodes, 2, "PL_POST") = "ZZ1 7GG"; },
       2026,
       {"503G"},
       [](Reference& r) {
         add_postcode(r, "ZZ1 7GG", std::pair{400000, 303380}, r.authority);
       }},
      // No distance last year (a home postcode the directory does not know), one this year.
      {"503G", [](auto& f) { last_year(f, T::kEpisodes, 2, "HOME_POST") = "ZZ1 9XX"; }},
      // Last year's open episode placed in another authority, this year's in the return's own:
      // the LA (and, the RNE the same, 452) and IN or OUT (503J) disagree.
      {"503H",
       [](auto& f) { last_year(f, T::kEpisodes, 2, "PL_POST") = "ZZ3 1AA"; },
       2026,
       {"452", "503J"},
       [](Reference& r) { add_postcode(r, "ZZ3 1AA", kC3Placed, "E09000001"); }},
      // Last year in the Isle of Man (no LA, OUT); this year a postcode the directory does not
      // know (no LA, no location): the LAs agree, blank and blank, the locations do not.
      {"503J",
       [](auto& f) { cell(f, T::kEpisodes, 2, "PL_POST") = "ZZ1 9XX"; },
       2026,
       {"169", "179", "392a"},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 4DD", {std::nullopt, ""});
       }},
      // C1's second placement a residential care home (R1, no URN) of the authority's own in
      // another authority.
      {"1015",
       [](auto& f) { set_place(f, 1, "R1"); },
       2025,
       {},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {kC1Placed, "E09000001"});
       }},
      {"1015",
       [](auto& f) { set_place(f, 1, "R1"); },
       2026,
       {},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {kC1Placed, "E09000001"});
       }},
      // C1's second placement supported accommodation (K3), registered at its postcode, in
      // another authority: from 2025-26 1015 excuses K3 (and 229 does).
      {"241",
       [](auto& f) { set_place(f, 1, "K3"); },
       2026,
       {},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {kC1Placed, "E09000001"});
         RegisteredProvider& provider = registered(r, "SC654321");
         provider.place_codes = {"K3"};
         provider.postcode = "ZZ1 3CC";
       }},
      // C1's second placement in Wales (Cardiff), its URN still given.
      {"243",
       [](auto&) {},
       2026,
       {},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {kC1Placed, "W06000015"});
       }},
      // ... or given as XXXXXXX: still a URN reported (U5 may have it: not 242).
      {"243",
       [](auto& f) { cell(f, T::kEpisodes, 1, "URN") = "XXXXXXX"; },
       2026,
       {},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {kC1Placed, "W06000015"});
       }},
      // 601 km north of home: 373.5 miles.
      {"454",
       [](auto&) {},
       2026,
       {},
       [](Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {std::pair{402000, 901000}, r.authority});
       }},
  };
}

}  // namespace hearth::returns::test
