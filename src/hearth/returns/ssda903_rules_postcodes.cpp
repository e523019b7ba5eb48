// SSDA903 rules on what the postcode directory says of an episode's postcodes: its placement's
// local authority (PL_LA), in or out of the return's own (PL_LOCATION) and distance from home
// (PL_DISTANCE), derived as the DfE's validator derives them (ssda903_reference.hpp), alone,
// against the episode's legal status, placement and URN, and against last year's open episode.
#include <cmath>
#include <set>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {

std::vector<Ssda903Rule> ssda903_postcode_rules();

namespace {

using namespace detail;

bool short_breaks(std::string_view ls) {
  return in(ls, {"V3", "V4"});
}

// A distance in tenths of a mile: PL_DISTANCE is given to one decimal place, so its limits and
// differences are compared as whole numbers.
long tenths(double miles) {
  return std::lround(miles * 10.0);
}

// Each episode of a child not (or no longer) an asylum-seeker for which `failing(row, distance)`
// holds (164, 392a) or, with `of_uasc`, of a child who is or was one (406).
template <typename F>
void by_uasc_status(const Ssda903Context& c, Out& out, bool of_uasc, F&& failing) {
  const auto uasc = uasc_children(c);
  const Column child(c.table(T::kEpisodes), "CHILD");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    return uasc.contains(child(r)) == of_uasc && failing(r, c.place(r).distance);
  });
}

// A child's first episode this year (by DECOM) and last year's latest, when that one was still
// open at last year's end (DEC blank, or not a date, as in 503A-F).
struct CarriedOn {
  size_t now, before;  // rows of this year's and last year's Episodes
};

std::vector<CarriedOn> carried_on(const Ssda903Context& c) {
  const CsvTable& last = c.previous(T::kEpisodes);
  const Column last_end(last, "DEC");
  const auto last_episodes = by_child_and_date(last, "DECOM");
  std::vector<CarriedOn> out;
  for (const auto& [child, rows] : episodes_by_child(c)) {
    auto found = last_episodes.find(child);
    if (found == last_episodes.end()) continue;
    const size_t latest = found->second.back().second;
    if (!uk_date(last_end(latest))) out.push_back({rows.front().second, latest});
  }
  return out;
}

// 452, 453: the pair fails when its reasons for new episode agree and `differs(this year's place,
// last year's)` holds.
template <typename F>
void same_episode_differs(const Ssda903Context& c, Out& out, F&& differs) {
  const Column rne(c.table(T::kEpisodes), "RNE"), last_rne(c.previous(T::kEpisodes), "RNE");
  for (const CarriedOn& pair : carried_on(c)) {
    if (rne(pair.now) == last_rne(pair.before) &&
        differs(c.place(pair.now), c.place(pair.before, true))) {
      fail(c, out, T::kEpisodes, pair.now);
    }
  }
}

// 503G-J: the pair fails when `differs` holds, whatever the reasons for new episode.
template <typename F>
void first_episode_differs(const Ssda903Context& c, Out& out, F&& differs) {
  for (const CarriedOn& pair : carried_on(c)) {
    if (differs(c.place(pair.now), c.place(pair.before, true))) {
      fail(c, out, T::kEpisodes, pair.now);
    }
  }
}

bool distances_differ(const PlacementPlace& now, const PlacementPlace& before) {
  return now.distance && before.distance &&
         std::abs(tenths(*now.distance) - tenths(*before.distance)) >= 2;
}

// 1015: own provision (PR1), other than a placement of `exempt`, outside the return's authority
// (a placement no postcode places, PL_LA blank, included). Short breaks and an episode without a
// legal status or placement are not judged.
void own_provision_elsewhere(const Ssda903Context& c, Out& out,
                             std::initializer_list<std::string_view> exempt) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), place(t, "PLACE"), by(t, "PLACE_PROVIDER");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    return !ls(r).empty() && !place(r).empty() && !short_breaks(ls(r)) && by(r) == "PR1" &&
           !in(place(r), exempt) && c.place(r).la != c.reference->authority;
  });
}

constexpr std::string_view k1015 =
    "Placement provider is own provision but child not placed in own LA.";
constexpr unsigned kPlace = kPostcodes | kAuthority;  // IN or OUT, or the own LA

// 411 ("Placement location code disagrees with LA of placement.": PL_LOCATION IN with a PL_LA
// other than the return's) is not here: PL_LOCATION is IN only when PL_LA is the return's
// authority, so with both derived it cannot fail.

}  // namespace

std::vector<Ssda903Rule> ssda903_postcode_rules() {
  return {
      // The DfE's note "LS not V3/V4" is not in the validator's code, nor here: a short break with
      // a placement postcode fails 214 and 398 already.
      {"164",
       "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check "
       "will result in false positives for children formerly UASC not identified as such in "
       "loaded data]",
       {"PL_DISTANCE"},
       {T::kEpisodes, T::kUasc},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         by_uasc_status(c, out, false, [](size_t, const std::optional<double>& miles) {
           return miles && (*miles < 0 || tenths(*miles) > 9999);
         });
       },
       {},
       kPostcodes},
      {"169",
       "Local Authority (LA) of placement is not valid or is missing. Please check a valid "
       "postcode has been entered.",
       {"PL_LA"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Column ls(c.table(T::kEpisodes), "LS");
         each_row(c, out, T::kEpisodes,
                  [&](size_t r) { return !short_breaks(ls(r)) && c.place(r).la.empty(); });
       },
       {},
       kPostcodes},
      {"179",
       "Placement location code is not a valid code.",
       {"PL_LOCATION"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Column ls(c.table(T::kEpisodes), "LS");
         each_row(c, out, T::kEpisodes,
                  [&](size_t r) { return !short_breaks(ls(r)) && c.place(r).location.empty(); });
       },
       {},
       kPostcodes},  // blank only when the postcode is not found: IN or OUT is not judged
      {"392a",
       "Child is looked after but no distance is recorded. [NOTE: This check may result in false "
       "positives for children formerly UASC]",
       {"PL_DISTANCE"},
       {T::kEpisodes, T::kUasc},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Column ls(c.table(T::kEpisodes), "LS");
         by_uasc_status(c, out, false, [&](size_t r, const std::optional<double>& miles) {
           return !short_breaks(ls(r)) && !miles;
         });
       },
       {},
       kPostcodes},
      {"406",
       "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should "
       "be blank. [NOTE: This check will result in false negatives for children formerly UASC not "
       "identified as such in loaded data]",
       {"PL_DISTANCE"},
       {T::kEpisodes, T::kUasc},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         by_uasc_status(c, out, true, [](size_t, const std::optional<double>& miles) {
           return miles.has_value();
         });
       },
       {},
       kPostcodes},
      {"420",
       "LA of placement completed but child is looked after under legal status V3 or V4.",
       {"PL_LA"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Column ls(c.table(T::kEpisodes), "LS");
         each_row(c, out, T::kEpisodes,
                  [&](size_t r) { return short_breaks(ls(r)) && !c.place(r).la.empty(); });
       },
       {},
       kPostcodes},
      // As strings: a blank PL_LA against one given differs; two blanks agree.
      {"452",
       "Contradiction between local authority of placement code in the last episode of the "
       "previous year and in the first episode of the current year.",
       {"PL_LA"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         same_episode_differs(c, out, [](const PlacementPlace& now, const PlacementPlace& before) {
           return now.la != before.la;
         });
       },
       {T::kEpisodes},
       kPostcodes},
      // By 0.2 miles or more; a blank distance in either year is not compared.
      {"453",
       "Contradiction between placement distance in the last episode of the previous year and in "
       "the first episode of the current year.",
       {"PL_DISTANCE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { same_episode_differs(c, out, distances_differ); },
       {T::kEpisodes},
       kPostcodes},
      // By 0.2 miles or more, or given this year where last year's was blank (the validator's
      // reading from 2023-24; blank this year after one last year is not judged).
      {"503G",
       "The distance in first episode does not match open episode at end of last year.",
       {"PL_DISTANCE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         first_episode_differs(c, out, [](const PlacementPlace& now, const PlacementPlace& before) {
           return distances_differ(now, before) || (now.distance && !before.distance);
         });
       },
       {T::kEpisodes},
       kPostcodes},
      {"503H",
       "The placement LA in first episode does not match open episode at end of last year.",
       {"PL_LA"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         first_episode_differs(c, out, [](const PlacementPlace& now, const PlacementPlace& before) {
           return now.la != before.la;
         });
       },
       {T::kEpisodes},
       kPostcodes},
      // Last year's IN or OUT is judged against this year's authority, as the validator does.
      {"503J",
       "The placement location in first episode does not match open episode at end of last year.",
       {"PL_LOCATION"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         first_episode_differs(c, out, [](const PlacementPlace& now, const PlacementPlace& before) {
           return now.location != before.location;
         });
       },
       {T::kEpisodes},
       kPlace},
      {"1015",
       k1015,
       {"PL_LA"},
       {T::kEpisodes},
       kAny,
       2025,
       [](const Ssda903Context& c, Out& out) {
         own_provision_elsewhere(c, out,
                                 {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"});
       },
       {},
       kPlace},
      {"1015",
       k1015,
       {"PL_LA"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         own_provision_elsewhere(
             c, out, {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6", "K3"});
       },
       {},
       kPlace},
      // The DfE's wording is of the authorities where the provider has premises; like the
      // validator, which has no such list, the one judged by is the return's own.
      {"241",
       "LA of placement is not an LA the provider has premises.",
       {"URN"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), urn(t, "URN");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return place(r) == "K3" && urn_given(urn(r)) && c.place(r).la != c.reference->authority;
         });
       },
       {},
       kPlace},
      // Any URN, XXXXXXX too (the validator makes no exception).
      {"243",
       "Only placements with providers registered with Ofsted should have a URN reported.",
       {"URN"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Column urn(c.table(T::kEpisodes), "URN");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return !urn(r).empty() && in(c.place(r).la, {"CON", "NIR", "SCO", "WAL", "NUK"});
         });
       },
       {},
       kPostcodes},
      // Over 350 miles, other than 999.9. Despite the note, the validator excuses no UASC child;
      // neither does Hearth.
      {"454",
       "Placement distance from home is over 350 miles. [NOTE: This check will result in false "
       "positives for children formerly UASC not identified as such in loaded data]",
       {"PL_DISTANCE"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           const auto& miles = c.place(r).distance;
           return miles && tenths(*miles) > 3500 && tenths(*miles) != 9999;
         });
       },
       {},
       kPostcodes},
  };
}

}  // namespace hearth::returns
