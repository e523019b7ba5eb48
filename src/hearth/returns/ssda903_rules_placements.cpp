// SSDA903 rules on placements, ages, adopters, missing spells and previous permanence (the
// third batch). Source and conventions as in ssda903_rules.hpp; each rule's logic follows the
// open-source validator's (data-to-insight/csc-validator-be-903, lac_validator/rules), except
// where its code and the DfE's wording differ, which is said at the rule.
#include <cctype>
#include <set>

#include "hearth/core/text.hpp"
#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;

// An OC2 row whose SDQ score or reason is given (188, 189).
bool sdq_given(const CsvTable& t, size_t r) {
  return !Column(t, "SDQ_SCORE")(r).empty() || !Column(t, "SDQ_REASON")(r).empty();
}

void place_and_provider(const Ssda903Context& c, Out& out,
                        std::initializer_list<std::string_view> places, std::string_view provider) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), by(t, "PLACE_PROVIDER");
  each_row(c, out, T::kEpisodes,
           [&](size_t r) { return in(place(r), places) && by(r) == provider; });
}

void missing_provider(const Ssda903Context& c, Out& out,
                      std::initializer_list<std::string_view> exempt) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), by(t, "PLACE_PROVIDER");
  each_row(c, out, T::kEpisodes, [&](size_t r) { return !in(place(r), exempt) && by(r).empty(); });
}

// 226: a temporary placement with a reason for placement change, or after an episode with one.
// A row whose DECOM is not a date cannot be put in order, but its own reason is still judged.
void temporary_with_reason(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), reason(t, "REASON_PLACE_CHANGE"), decom(t, "DECOM");
  std::set<size_t> failing;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (temporary(place(r)) && !reason(r).empty()) failing.insert(r);
  }
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 1; i < rows.size(); ++i) {
      const size_t r = rows[i].second;
      if (temporary(place(r)) && !reason(rows[i - 1].second).empty()) failing.insert(r);
    }
  }
  for (size_t r : failing) fail(c, out, T::kEpisodes, r);
}

// 607: the episode that ended and the child's Header row (where MOTHER is to be filled in).
void mother_not_given(const Ssda903Context& c, Out& out, std::string_view female) {
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), sex(h, "SEX"), mother(h, "MOTHER");
  std::unordered_map<std::string_view, size_t> unknown_mothers;  // CHILD: Header row
  for (size_t r = 0; r < h.rows.size(); ++r) {
    if (sex(r) == female && mother(r).empty()) unknown_mothers.emplace(child(r), r);
  }
  const CsvTable& t = c.table(T::kEpisodes);
  const Column who(t, "CHILD"), dec(t, "DEC"), rec(t, "REC"), ls(t, "LS");
  std::set<size_t> headers;
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto ended = uk_date(dec(r));
    auto found = unknown_mothers.find(who(r));
    const bool failing = ended && *ended >= c.start && *ended <= c.end && !rec(r).empty() &&
                         rec(r) != "X1" && !in(ls(r), {"V3", "V4"}) &&
                         found != unknown_mothers.end();
    if (failing) headers.insert(found->second);
    return failing;
  });
  for (size_t r : headers) fail(c, out, T::kHeader, r);
}

// 503A-F: the child's first episode this year against last year's latest episode, when that
// one was still open at the year's end, by one column. `exempt` excuses a change from the first
// code to the second (a code the DfE replaced that year).
void differs_from_last_year(
    const Ssda903Context& c, Out& out, std::string_view column,
    std::vector<std::pair<std::string_view, std::string_view>> exempt = {}) {
  const CsvTable& now = c.table(T::kEpisodes);
  const CsvTable& last = c.previous(T::kEpisodes);
  const Column value(now, column), last_value(last, column), last_end(last, "DEC");
  const auto last_episodes = by_child_and_date(last, "DECOM");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    auto found = last_episodes.find(child);
    if (found == last_episodes.end()) continue;
    const size_t latest = found->second.back().second;
    if (uk_date(last_end(latest))) continue;  // closed last year: nothing to carry on
    const size_t first = rows.front().second;
    const auto before = last_value(latest), after = value(first);
    const bool excused = std::any_of(exempt.begin(), exempt.end(), [&](const auto& change) {
      return before == change.first && after == change.second;
    });
    if (before != after && !excused) fail(c, out, T::kEpisodes, first);
  }
}

// A UK postcode's shape (outward code, optional space, inward code: "ZZ1 1AA", "SW1A1AA").
// The validator looks each one up in the ONS postcode directory, which Hearth does not ship: a
// well-formed postcode that does not exist is not caught here.
bool postcode_shaped(std::string_view text) {
  std::string p;
  for (char ch : text) {
    if (ch != ' ') p += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  auto alpha = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  if (p.size() < 5 || p.size() > 7) return false;
  const std::string_view inward = std::string_view(p).substr(p.size() - 3);
  if (!digit(inward[0]) || !alpha(inward[1]) || !alpha(inward[2])) return false;
  const std::string_view outward = std::string_view(p).substr(0, p.size() - 3);
  // A9, A99, A9A, AA9, AA99, AA9A
  if (!alpha(outward[0])) return false;
  const size_t letters = alpha(outward[1]) ? 2 : 1;
  if (outward.size() <= letters || !digit(outward[letters])) return false;
  const std::string_view rest = outward.substr(letters + 1);
  return rest.empty() || (rest.size() == 1 && (digit(rest[0]) || alpha(rest[0])));
}

// Placements that need no Ofsted URN (218) and must not have one (222), by year: the list of
// 2025-26 names Z11-Z14 where earlier years had Z1, and no longer H5 or P2.
bool needs_no_urn(std::string_view place, int year) {
  if (year >= 2026) {
    return in(place, {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12",
                      "Z13", "Z14"});
  }
  if (year == 2025) {
    return in(place, {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"});
  }
  return in(place, {"H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"});
}

// 234: a reason of custody on the episode before one that began before the child's 10th birthday,
// as the DfE states it; the validator's code takes the age at the start of the episode giving the
// reason, not at the change.
void custody_under_ten(const Ssda903Context& c, Out& out) {
  const auto births = header_births(c);
  const Column reason(c.table(T::kEpisodes), "REASON_PLACE_CHANGE");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    auto birth = births.find(child);
    if (birth == births.end()) continue;
    const Date tenth = birth->second.add_years(10);
    for (size_t i = 1; i < rows.size(); ++i) {
      const size_t before = rows[i - 1].second;
      if (reason(before) == "CUSTOD" && rows[i].first < tenth) {
        fail(c, out, T::kEpisodes, before);
      }
    }
  }
}

// 218: an episode open at some point in the year in a placement that needs a URN, without one.
// The validator excuses placements outside England by the placement's LA, which it derives
// from the postcode through the ONS directory; Hearth's Episodes have no PL_LA, so a placement
// outside England is excused by the DfE's "XXXXXXX" URN alone.
void urn_required(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), urn(t, "URN"), dec(t, "DEC");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto ended = uk_date(dec(r));
    const bool in_year = dec(r).empty() || (ended && *ended >= c.start);
    // A placement outside England has no Ofsted URN: known by its PL_LA, when the postcode
    // directory is given.
    const bool outside_england = c.reference->postcodes && in(c.place(r).la, {"WAL", "SCO", "NIR"});
    return in_year && urn(r).empty() && !place(r).empty() &&
           !needs_no_urn(place(r), c.files.year) && !outside_england;
  });
}

}  // namespace

std::vector<Ssda903Rule> ssda903_placement_rules() {
  return {
      {"184",
       "Date of decision that a child should be placed for adoption is before the child was born.",
       {"DATE_PLACED", "DOB"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // The validator compares with PlacedAdoption's own DOB column; so does Hearth.
         const CsvTable& t = c.table(T::kPlacedAdoption);
         const Column placed(t, "DATE_PLACED"), dob(t, "DOB");
         each_row(c, out, T::kPlacedAdoption, [&](size_t r) {
           auto decided = uk_date(placed(r)), born = uk_date(dob(r));
           return decided && born && *decided < *born;
         });
       }},
      {"188",
       "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) "
       "score or a reason for no SDQ score has been completed. ",
       {"SDQ_REASON", "SDQ_SCORE"},
       {T::kOc2},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kOc2);
         const Column dob(t, "DOB");
         each_row(c, out, T::kOc2, [&](size_t r) {
           auto born = uk_date(dob(r));
           return born && born->add_years(4) > c.end && sdq_given(t, r);
         });
       }},
      {"189",
       "Child is aged 17 years or over at the beginning of the year, but an Strengths and "
       "Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has "
       "been completed.",
       {"DOB", "SDQ_REASON", "SDQ_SCORE"},
       {T::kOc2},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // 17 on 1 April is "17 or over at the beginning of the year".
         const CsvTable& t = c.table(T::kOc2);
         const Column dob(t, "DOB");
         each_row(c, out, T::kOc2, [&](size_t r) {
           auto born = uk_date(dob(r));
           return born && born->add_years(17) <= c.start && sdq_given(t, r);
         });
       }},
      {"217",
       "Children who are placed for adoption with current foster carers (placement types A3 or A5) "
       "must have a reason for new episode of S, T or U.",
       {"DECOM", "PLACE", "RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Date from = Date::from_ymd(2015, 4, 1).value();
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), decom(t, "DECOM"), rne(t, "RNE");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           auto start = uk_date(decom(r));
           return in(place(r), {"A3", "A5"}) && start && *start >= from &&
                  !in(rne(r), {"S", "T", "U"});
         });
       }},
      // An episode whose DECOM is not a date is not "the next episode" here (the validator
      // sorts it last); 141 reports the date.
      {"225",
       "Reason for placement change must be recorded.",
       {"REASON_PLACE_CHANGE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column rec(t, "REC"), reason(t, "REASON_PLACE_CHANGE"), place(t, "PLACE"),
             rne(t, "RNE");
         for (const auto& [child, rows] : episodes_by_child(c)) {
           for (size_t i = 0; i + 1 < rows.size(); ++i) {
             const size_t r = rows[i].second, next = rows[i + 1].second;
             if (rec(r) == "X1" && reason(r).empty() && !temporary(place(r)) &&
                 in(rne(next), {"P", "B", "T", "U"}) && !temporary(place(next))) {
               fail(c, out, T::kEpisodes, r);
             }
           }
         }
       }},
      {"226",
       "Reason for placement change is not required.",
       {"PLACE", "REASON_PLACE_CHANGE"},
       {T::kEpisodes},
       kAny,
       2025,
       temporary_with_reason},
      {"226",
       "Reason for placement change is not required for temporary placements.",
       {"PLACE", "REASON_PLACE_CHANGE"},
       {T::kEpisodes},
       2026,
       kOpen,
       temporary_with_reason},
      // The validator's code reads a column the Episodes do not have (DATE_EPISODE_CEASED); the
      // rule is on DEC.
      {"233",
       "Reason for placement change is not required when the episode has not ceased.",
       {"REASON_PLACE_CHANGE"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column dec(t, "DEC"), reason(t, "REASON_PLACE_CHANGE");
         each_row(c, out, T::kEpisodes,
                  [&](size_t r) { return dec(r).empty() && !reason(r).empty(); });
       }},
      {"234",
       "A child aged under 10 can not change placement due to being admitted to custody",
       {"REASON_PLACE_CHANGE"},
       {T::kEpisodes, T::kHeader},
       2026,
       kOpen,
       custody_under_ten},
      {"359",
       "Child being looked after following 18th birthday must be accommodated under section 20(5) "
       "of the Children Act 1989 in a community home.",
       {"DEC", "LS", "PLACE"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const auto births = header_births(c);
         const CsvTable& t = c.table(T::kEpisodes);
         const Column child(t, "CHILD"), dec(t, "DEC"), ls(t, "LS"), place(t, "PLACE");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           auto birth = births.find(child(r));
           return birth != births.end() && birth->second.add_years(18) < c.end && dec(r).empty() &&
                  !(ls(r) == "V2" && place(r) == "K2");
         });
       }},
      {"371",
       "Child in semi-independent living accommodation not subject to children\u2019s homes "
       "regulations should be at least 14.",
       {"DECOM", "PLACE"},
       {T::kEpisodes, T::kHeader},
       kAny,
       2023,
       [](const Ssda903Context& c, Out& out) { placed_too_young(c, out, "H5", 14); }},
      {"371",
       "Child in semi-independent living accommodation not subject to children\u2019s homes "
       "regulations should be at least 16.",
       {"DECOM", "PLACE"},
       {T::kEpisodes, T::kHeader},
       2024,
       2024,
       [](const Ssda903Context& c, Out& out) { placed_too_young(c, out, "H5", 16); }},
      {"371",
       "Child in supported accomodation not subject to children\u2019s homes regulations should be "
       "at least 16.",
       {"DECOM", "PLACE"},
       {T::kEpisodes, T::kHeader},
       2025,
       kOpen,
       [](const Ssda903Context& c, Out& out) { placed_too_young(c, out, "K3", 16); }},
      {"373",
       "Child placed in a school should be at least 4 years old.",
       {"DECOM", "PLACE"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { placed_too_young(c, out, "S1", 4); }},
      {"374",
       "Child in residential employment should be at least 14 years old.",
       {"DECOM", "PLACE"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { placed_too_young(c, out, "P3", 14); }},
      // Unlike the validator, a child without a Header date of birth is judged too: the DOB
      // plays no part in the rule.
      {"379",
       "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
       {"DECOM", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), decom(t, "DECOM"), dec(t, "DEC");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           auto from = uk_date(decom(r)), to = uk_date(dec(r));
           return place(r) == "T4" && from && to && *to > from->add_days(7);
         });
       }},
      {"380",
       "A period of care cannot start with a temporary placement.",
       {"PLACE", "RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), rne(t, "RNE");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return temporary(place(r)) && !in(rne(r), {"P", "B"});
         });
       }},
      {"398",
       "Distance field completed but child looked after under legal status V3 or V4.",
       {"HOME_POST", "LS", "PL_POST"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // The validator judges the postcodes the distance is worked out from.
         const CsvTable& t = c.table(T::kEpisodes);
         const Column ls(t, "LS"), home(t, "HOME_POST"), placed(t, "PL_POST");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return in(ls(r), {"V3", "V4"}) && (!home(r).empty() || !placed(r).empty());
         });
       }},
      {"408",
       "Child is placed for adoption with a placement order, but no placement order has been "
       "recorded.",
       {"LS", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column ls(t, "LS"), place(t, "PLACE");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return in(place(r), {"A5", "A6"}) && ls(r) != "E1";
         });
       }},
      {"446",
       "E1 is not a valid code for episodes starting before December 2005.",
       {"DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Date december_2005 = Date::from_ymd(2005, 12, 1).value();
         const CsvTable& t = c.table(T::kEpisodes);
         const Column ls(t, "LS"), decom(t, "DECOM");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           auto start = uk_date(decom(r));
           return ls(r) == "E1" && start && *start < december_2005;
         });
       }},
      {"518",
       "If reporting legal status of adopters is L4 then the genders of adopters should be coded "
       "as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both "
       "females.",
       {"LS_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         adopters_sexes(c, out, "L4", {"MM", "FF"});
       }},
      {"519",
       "Data entered on the legal status of adopters shows civil partnership couple, but data "
       "entered on genders of adopters does not show it as a couple.",
       {"LS_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         adopters_sexes(c, out, "L2", {"MM", "FF", "MF"});
       }},
      {"524",
       "If reporting legal status of adopters is L12 then the genders of adopters should be coded "
       "as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both "
       "females",
       {"LS_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         adopters_sexes(c, out, "L12", {"MM", "FF"});
       }},
      {"526",
       "Child is missing a placement provider code for at least one episode.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       2025,
       [](const Ssda903Context& c, Out& out) {
         missing_provider(c, out, {"T0", "T1", "T2", "T3", "T4", "Z1"});
       }},
      {"526",
       "Child is missing a placement provider code for at least one episode.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         missing_provider(c, out, {"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"});
       }},
      {"528",
       "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         place_and_provider(c, out, {"P1", "R2", "R5"}, "PR2");
       }},
      {"531",
       "A placement provider code of PR5 cannot be associated with placements P1.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { place_and_provider(c, out, {"P1"}, "PR5"); }},
      {"550",
       "A placement provider code of PR0 can only be associated with placement P1.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), by(t, "PLACE_PROVIDER");
         each_row(c, out, T::kEpisodes,
                  [&](size_t r) { return by(r) == "PR0" && place(r) != "P1"; });
       }},
      {"565",
       "The date that the child started to be missing or away from placement without authorisation "
       "has been completed but whether the child was missing or away from placement without "
       "authorisation has not been completed.",
       {"MISSING", "MIS_START"},
       {T::kMissing},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kMissing);
         const Column start(t, "MIS_START"), missing(t, "MISSING");
         each_row(c, out, T::kMissing,
                  [&](size_t r) { return !start(r).empty() && missing(r).empty(); });
       }},
      {"578",
       "The date that the child started to be missing is after the child ceased to be looked "
       "after.",
       {"MIS_START"},
       {T::kEpisodes, T::kMissing},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // As the DfE words it: after the episode the spell began in, or the last one before
         // it, had ended (the validator also fails a spell before the first episode: 581's).
         const auto episodes = episodes_by_child(c);
         const Column dec(c.table(T::kEpisodes), "DEC");
         const CsvTable& t = c.table(T::kMissing);
         const Column child(t, "CHILD"), start(t, "MIS_START");
         each_row(c, out, T::kMissing, [&](size_t r) {
           auto began = uk_date(start(r));
           auto found = episodes.find(child(r));
           if (!began || found == episodes.end()) return false;
           std::optional<size_t> last;
           for (const auto& [from, row] : found->second) {
             if (from <= *began) last = row;
           }
           if (!last) return false;
           auto ended = uk_date(dec(*last));
           return ended && *began > *ended;
         });
       }},
      {"581",
       "Child is missing but has not yet started to be looked after.",
       {"MIS_START"},
       {T::kEpisodes, T::kMissing},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // As the DfE words it: before the child's first episode. A spell that began in one of
         // last year's episodes (last year's return given), just before 1 April, is not.
         const auto episodes = episodes_by_child(c);
         std::map<std::string_view, std::vector<std::pair<Date, std::optional<Date>>>> last_year;
         if (auto last = c.files.previous.find(T::kEpisodes); last != c.files.previous.end()) {
           const CsvTable& t = last->second;
           const Column child(t, "CHILD"), decom(t, "DECOM"), dec(t, "DEC");
           for (size_t r = 0; r < t.rows.size(); ++r) {
             if (auto from = uk_date(decom(r))) {
               last_year[child(r)].emplace_back(*from, uk_date(dec(r)));
             }
           }
         }
         const CsvTable& t = c.table(T::kMissing);
         const Column child(t, "CHILD"), start(t, "MIS_START");
         each_row(c, out, T::kMissing, [&](size_t r) {
           auto began = uk_date(start(r));
           auto found = episodes.find(child(r));
           if (!began || found == episodes.end() || *began >= found->second.front().first) {
             return false;
           }
           auto spells = last_year.find(child(r));
           const bool in_last_years_care =
               spells != last_year.end() &&
               std::any_of(spells->second.begin(), spells->second.end(), [&](const auto& e) {
                 return e.first <= *began && (!e.second || *e.second >= *began);
               });
           return !in_last_years_care;
         });
       }},
      {"586",
       "Dates of missing periods are before child\u2019s date of birth.",
       {"MIS_START"},
       {T::kMissing},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kMissing);
         const Column start(t, "MIS_START"), dob(t, "DOB");
         each_row(c, out, T::kMissing, [&](size_t r) {
           auto began = uk_date(start(r)), born = uk_date(dob(r));
           return began && born && *began <= *born;
         });
       }},
      {"607",
       "Child ceased to be looked after in the year, but mother field has not been completed.",
       {"DEC", "LS", "MOTHER", "REC", "SEX"},
       {T::kEpisodes, T::kHeader},
       kAny,
       2024,
       [](const Ssda903Context& c, Out& out) { mother_not_given(c, out, "2"); }},
      {"607",
       "Child ceased to be looked after in the year, but mother field has not been completed.",
       {"DEC", "LS", "MOTHER", "REC", "SEX"},
       {T::kEpisodes, T::kHeader},
       2025,
       kOpen,
       [](const Ssda903Context& c, Out& out) { mother_not_given(c, out, "F"); }},
      {"633",
       "Local authority code where previous permanence option was arranged is not a valid value.",
       {"LA_PERM"},
       {T::kPrevPerm},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         static const std::set<std::string_view> kCodes = {
             "800", "889", "822", "301", "304", "303", "330", "825", "837", "302", "846", "370",
             "350", "890", "867", "380", "305", "801", "351", "873", "823", "895", "896", "381",
             "909", "202", "908", "331", "306", "841", "830", "831", "878", "371", "835", "332",
             "840", "307", "308", "811", "881", "845", "390", "916", "203", "876", "850", "311",
             "204", "884", "312", "205", "313", "805", "919", "310", "309", "420", "921", "206",
             "207", "886", "810", "382", "314", "340", "888", "208", "856", "383", "855", "209",
             "925", "341", "201", "821", "352", "806", "887", "826", "315", "929", "812", "391",
             "926", "892", "813", "802", "928", "891", "392", "316", "815", "353", "931", "879",
             "836", "851", "874", "807", "354", "317", "870", "318", "372", "857", "333", "935",
             "343", "803", "373", "342", "893", "356", "355", "871", "394", "334", "933", "882",
             "936", "861", "852", "319", "860", "808", "393", "866", "210", "357", "894", "883",
             "880", "358", "211", "937", "869", "320", "359", "865", "384", "335", "336", "212",
             "868", "872", "885", "344", "877", "213", "938", "816", "999", "WAL", "SCO", "NUK",
             "NIR",
             // The authorities made since the validator's list: Dorset and Bournemouth,
             // Christchurch and Poole (2019), North and West Northamptonshire (2021),
             // Cumberland and Westmorland and Furness (2023). The old codes stay: an order may
             // have been made before.
             "838", "839", "940", "941", "942", "943"};
         const Column la(c.table(T::kPrevPerm), "LA_PERM");
         each_row(c, out, T::kPrevPerm,
                  [&](size_t r) { return !la(r).empty() && !kCodes.contains(la(r)); });
       }},
      {"635",
       "There are entries for date of order and local authority code where previous permanence "
       "option was arranged but previous permanence code is Z1",
       {"DATE_PERM", "LA_PERM", "PREV_PERM"},
       {T::kPrevPerm},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // As the DfE words it (Z1 with a date or authority); the validator's code instead
         // fails a blank PREV_PERM.
         const CsvTable& t = c.table(T::kPrevPerm);
         const Column date(t, "DATE_PERM"), la(t, "LA_PERM"), perm(t, "PREV_PERM");
         each_row(c, out, T::kPrevPerm, [&](size_t r) {
           return perm(r) == "Z1" && (!date(r).empty() || !la(r).empty());
         });
       }},
      // Last year's return (previous/): the first episode carries on last year's open one.
      {"503A",
       "The reason for new episode in the first episode does not match open episode at end of "
       "last year.",
       {"RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "RNE"); },
       {T::kEpisodes}},
      {"503B",
       "The legal status in the first episode does not match open episode at end of last year.",
       {"LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "LS"); },
       {T::kEpisodes}},
      {"503C",
       "The category of need in the first episode does not match open episode at end of last "
       "year.",
       {"CIN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "CIN"); },
       {T::kEpisodes}},
      // 2023-24 replaced H5 by K3, and 2025-26 Z1 by Z11-Z14: a placement carried on under the
      // new code is the same placement.
      {"503D",
       "The placement type in the first episode does not match open episode at end of last year",
       {"PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         std::vector<std::pair<std::string_view, std::string_view>> exempt;
         if (c.files.year == 2024) exempt = {{"H5", "K3"}};
         if (c.files.year == 2026)
           exempt = {{"Z1", "Z11"}, {"Z1", "Z12"}, {"Z1", "Z13"}, {"Z1", "Z14"}};
         differs_from_last_year(c, out, "PLACE", exempt);
       },
       {T::kEpisodes}},
      {"503E",
       "The placement provider in the first episode does not match open episode at end of last "
       "year.",
       {"PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "PLACE_PROVIDER"); },
       {T::kEpisodes}},
      {"503F",
       "The Ofsted URN in the  first episode does not match open episode at end of last year.",
       {"URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "URN"); },
       {T::kEpisodes}},
      {"504",
       "The category of need code differs from that reported at start of current period of "
       "being looked after",
       {"CIN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // Against the episode before, when it ended (X1) the day this one began.
         const CsvTable& t = c.table(T::kEpisodes);
         const Column rec(t, "REC"), dec(t, "DEC"), cin(t, "CIN");
         for (const auto& [child, rows] : episodes_by_child(c)) {
           for (size_t i = 1; i < rows.size(); ++i) {
             const size_t before = rows[i - 1].second, r = rows[i].second;
             if (rec(before) == "X1" && uk_date(dec(before)) == rows[i].first &&
                 cin(r) != cin(before)) {
               fail(c, out, T::kEpisodes, r);
             }
           }
         }
       }},
      {"208",
       "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number "
       "(UPN) already recorded for this child.",
       {"UPN"},
       {T::kHeader},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& last = c.previous(T::kHeader);
         const Column last_child(last, "CHILD"), last_upn(last, "UPN");
         std::unordered_map<std::string_view, std::string> upn_last;
         for (size_t r = 0; r < last.rows.size(); ++r) {
           upn_last.emplace(last_child(r), core::ascii_lower(last_upn(r)));
         }
         auto unknown = [](const std::string& u) {
           return u == "un1" || u == "un2" || u == "un3" || u == "un4" || u == "un5";
         };
         const CsvTable& now = c.table(T::kHeader);
         const Column child(now, "CHILD"), upn(now, "UPN");
         each_row(c, out, T::kHeader, [&](size_t r) {
           auto found = upn_last.find(child(r));
           if (found == upn_last.end()) return false;
           const std::string before = found->second, after = core::ascii_lower(upn(r));
           if (before == after) return false;
           // Allowed: a reason for no UPN given where there was UN1 or nothing; a UPN found.
           const bool reason_given =
               (before == "un1" || before.empty()) &&
               (after == "un2" || after == "un3" || after == "un4" || after == "un5");
           const bool found_upn =
               (unknown(before) || before.empty()) && !after.empty() && !unknown(after);
           return !reason_given && !found_upn;
         });
       },
       {T::kHeader}},
      {"576",
       "There is an open missing/away from placement without authorisation period in last "
       "year\u2019s return and there is no corresponding period recorded at the start of this "
       "year.",
       {"CHILD"},
       {T::kMissing},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         // Each child's first spell this year against the spells still open at last year's end.
         const CsvTable& last = c.previous(T::kMissing);
         const Column last_child(last, "CHILD"), last_start(last, "MIS_START"),
             last_end(last, "MIS_END");
         std::map<std::string_view, std::vector<std::string_view>> open_last;
         for (size_t r = 0; r < last.rows.size(); ++r) {
           if (last_end(r).empty() && uk_date(last_start(r))) {
             open_last[last_child(r)].push_back(last_start(r));
           }
         }
         for (const auto& [child, rows] : by_child_and_date(c.table(T::kMissing), "MIS_START")) {
           auto found = open_last.find(child);
           if (found == open_last.end()) continue;
           const size_t first = rows.front().second;
           const std::string_view start = Column(c.table(T::kMissing), "MIS_START")(first);
           const bool carried =
               std::all_of(found->second.begin(), found->second.end(),
                           [&](std::string_view s) { return uk_date(s) == uk_date(start); });
           if (!carried) fail(c, out, T::kMissing, first);
         }
       },
       {T::kMissing}},
      {"213",
       "Placement provider information not required.",
       {"PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       2025,
       [](const Ssda903Context& c, Out& out) {
         const Column place(c.table(T::kEpisodes), "PLACE"),
             by(c.table(T::kEpisodes), "PLACE_PROVIDER");
         each_row(c, out, T::kEpisodes,
                  [&](size_t r) { return temporary(place(r)) && !by(r).empty(); });
       }},
      {"213",
       "Placement provider information not required.",
       {"PLACE_PROVIDER"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const Column place(c.table(T::kEpisodes), "PLACE"),
             by(c.table(T::kEpisodes), "PLACE_PROVIDER");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return (temporary(place(r)) || in(place(r), {"Z11", "Z12", "Z13", "Z14"})) &&
                  !by(r).empty();
         });
       }},
      {"214",
       "Placement location information not required.",
       {"PL_POST", "URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column ls(t, "LS"), post(t, "PL_POST"), urn(t, "URN");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return in(ls(r), {"V3", "V4"}) && (!post(r).empty() || !urn(r).empty());
         });
       }},
      {"218",
       "Ofsted Unique reference number (URN) is required.",
       {"URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       urn_required},
      {"222",
       "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
       {"URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), urn(t, "URN");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return needs_no_urn(place(r), c.files.year) && urn_given(urn(r));
         });
       }},
      // Placements outside England: without the postcode directory (no PL_LA), Hearth's 218
      // takes XXXXXXX as their URN, which this rule then allows only for these placements.
      {"242",
       "URN = 'XXXXXXX' can only be used for regional adoption agencies",
       {"URN"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), urn(t, "URN");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return urn(r) == "XXXXXXX" &&
                  !in(place(r), {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"});
         });
       }},
      {"392b",
       "Child is looked after but no postcodes are recorded. [NOTE: This check may result in "
       "false positives for children formerly UASC, particularly if current & prior year UASC "
       "data not loaded]",
       {"HOME_POST", "PL_POST"},
       {T::kEpisodes, T::kUasc},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const auto uasc = uasc_children(c);
         const CsvTable& t = c.table(T::kEpisodes);
         const Column child(t, "CHILD"), ls(t, "LS"), home(t, "HOME_POST"), post(t, "PL_POST");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return !in(ls(r), {"V3", "V4"}) && (home(r).empty() || post(r).empty()) &&
                  !uasc.contains(child(r));
         });
       }},
      {"392c",
       "Postcode(s) provided are invalid.",
       {"HOME_POST", "PL_POST"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column home(t, "HOME_POST"), post(t, "PL_POST");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return (!home(r).empty() && !postcode_shaped(home(r))) ||
                  (!post(r).empty() && !postcode_shaped(post(r)));
         });
       }},
      {"392d",
       "Home and placement postcodes should not be same unless the placement type is P1.",
       {"HOME_POST", "PL_POST", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         const CsvTable& t = c.table(T::kEpisodes);
         const Column place(t, "PLACE"), home(t, "HOME_POST"), post(t, "PL_POST");
         each_row(c, out, T::kEpisodes, [&](size_t r) {
           return place(r) != "P1" && !home(r).empty() && home(r) == post(r);
         });
       }},
      {"527",
       "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         place_and_provider(c, out, {"P1", "R2", "R5"}, "PR1");
       }},
      {"529",
       "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, "
       "K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         place_and_provider(
             c, out, {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"},
             "PR3");
       }},
      {"530",
       "A placement provider code of PR4 cannot be associated with placement P1.",
       {"PLACE", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { place_and_provider(c, out, {"P1"}, "PR4"); }},
  };
}

}  // namespace hearth::returns
