// SSDA903 rules on episodes: how long a legal status may last, ages at the start and end of care,
// how a child's episodes follow one another (the reason for a new episode against the episode
// before it), temporary placements, respite care, and the participation code of a review against
// the child's age. Source and conventions as in ssda903_rules.hpp; each rule's logic follows the
// open-source validator's (data-to-insight/csc-validator-be-903, lac_validator/rules), except
// where its code and the DfE's wording differ, which is said at the rule.
//
// A child's episodes are put in DECOM order; an episode whose DECOM is not a date cannot be, and
// is left out (141 reports it). An open episode lasts to the year's end (31 March); one whose DEC
// is there but not a date is not judged for how long it lasted (147 reports it). An age is
// reached on the birthday (a 29 February birthday falls on 28th).
#include <set>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;

// ----------------------------------------------------------------------------- shared shapes

// When an episode ended: its DEC, or the year's end while it is open; nothing when the DEC is
// not a date.
std::optional<Date> ended_or_open(std::string_view dec, Date year_end) {
  if (dec.empty()) return year_end;
  return uk_date(dec);
}

// The children with an episode whose DECOM is not a date: which of their episodes came first,
// or last, cannot be told (357, 388, 502, 562 leave them out).
std::set<std::string_view> undated_children(const Ssda903Context& c) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), decom(t, "DECOM");
  std::set<std::string_view> out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (!uk_date(decom(r))) out.insert(child(r));
  }
  return out;
}

// Each of a child's episodes after its first, in DECOM order, judged with the one before it:
// `failing(before, row, start)` where `start` is the row's DECOM.
template <typename F>
void each_after_previous(const Ssda903Context& c, Out& out, F&& failing) {
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 1; i < rows.size(); ++i) {
      if (failing(rows[i - 1].second, rows[i].second, rows[i].first)) {
        fail(c, out, T::kEpisodes, rows[i].second);
      }
    }
  }
}

// Two episodes have the same placement: type, postcode, Ofsted URN and provider (the columns
// the validator compares; blank matches blank).
bool same_placement(const CsvTable& t, size_t a, size_t b) {
  for (std::string_view name : {"PLACE", "PL_POST", "URN", "PLACE_PROVIDER"}) {
    const Column value(t, name);
    if (value(a) != value(b)) return false;
  }
  return true;
}

// 361-364: runs of a child's consecutive episodes under legal status `ls`, each starting the day
// the one before it ended; every episode of a run that lasted more than `days` fails.
void status_lasted_over(const Ssda903Context& c, Out& out, std::string_view ls, int days) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column status(t, "LS"), dec(t, "DEC");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    std::vector<size_t> run;
    Date from;
    std::optional<Date> to;  // the run's end so far; nothing when a DEC is not a date
    auto judge = [&] {
      if (!run.empty() && to && from.days_until(*to) > days) {
        for (size_t r : run) fail(c, out, T::kEpisodes, r);
      }
      run.clear();
    };
    for (const auto& [start, r] : rows) {
      if (status(r) != ls) {
        judge();
        continue;
      }
      if (run.empty() || !to || *to != start) {
        judge();
        from = start;
      }
      run.push_back(r);
      to = ended_or_open(dec(r), c.end);
    }
    judge();
  }
}

// 375, 376: a closed temporary placement of type `place` that lasted more than `days`. Unlike the
// validator, a child without a Header date of birth is judged too (as 379): the DOB plays no
// part in the rule.
void temporary_over(const Ssda903Context& c, Out& out, std::string_view place, int days) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column placement(t, "PLACE"), decom(t, "DECOM"), dec(t, "DEC");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto from = uk_date(decom(r)), to = uk_date(dec(r));
    return placement(r) == place && from && to && *to > from->add_days(days);
  });
}

// 386, 387, 389, 407, 460: an episode that ended for one of `reasons` with the child aged
// `years` or over on that day (`too_old`), or under `years` (otherwise). With `header_too` the
// child's Header row (its DOB) fails as well, as the validator reports it.
void ceased_at_age(const Ssda903Context& c, Out& out,
                   std::initializer_list<std::string_view> reasons, int years, bool too_old,
                   bool header_too = false) {
  const auto births = header_births(c);
  const auto headers = header_rows(c);
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), rec(t, "REC"), dec(t, "DEC");
  std::set<size_t> header_failing;
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto ended = uk_date(dec(r));
    auto birth = births.find(child(r));
    if (!in(rec(r), reasons) || !ended || birth == births.end()) return false;
    const bool reached = *ended >= birth->second.add_years(years);
    const bool failing = reached == too_old;
    if (failing && header_too) header_failing.insert(headers.at(child(r)));
    return failing;
  });
  for (size_t r : header_failing) fail(c, out, T::kHeader, r);
}

// ----------------------------------------------------------------------------- the rules

void r352(const Ssda903Context& c, Out& out) {
  const auto births = header_births(c);
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), rne(t, "RNE"), decom(t, "DECOM");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto start = uk_date(decom(r));
    auto birth = births.find(child(r));
    return rne(r) == "S" && start && birth != births.end() && *start >= birth->second.add_years(18);
  });
}

// The child's first episode, when it began this year (one that began earlier may follow an
// episode of an earlier return).
void r357(const Ssda903Context& c, Out& out) {
  const auto undated = undated_children(c);
  const Column rne(c.table(T::kEpisodes), "RNE");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    const auto& [start, first] = rows.front();
    if (!undated.contains(child) && start >= c.start && rne(first) != "S") {
      fail(c, out, T::kEpisodes, first);
    }
  }
}

// As the DfE words it, a child aged 10 on the episode's first day is not under 10 (the
// validator also fails an episode that began on the 10th birthday).
void r358(const Ssda903Context& c, Out& out) {
  const auto births = header_births(c);
  const auto headers = header_rows(c);
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), ls(t, "LS"), decom(t, "DECOM");
  std::set<size_t> header_failing;
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto start = uk_date(decom(r));
    auto birth = births.find(child(r));
    const bool failing = in(ls(r), {"J1", "J2", "J3"}) && start && birth != births.end() &&
                         *start < birth->second.add_years(10);
    if (failing) header_failing.insert(headers.at(child(r)));
    return failing;
  });
  for (size_t r : header_failing) fail(c, out, T::kHeader, r);
}

// 72 hours: more than 3 days from the first DECOM to the last DEC.
void r361(const Ssda903Context& c, Out& out) {
  status_lasted_over(c, out, "L1", 3);
}
void r362(const Ssda903Context& c, Out& out) {
  status_lasted_over(c, out, "L2", 21);
}
void r363(const Ssda903Context& c, Out& out) {
  status_lasted_over(c, out, "L3", 7);
}
// The DfE's message names no limit; the validator's is 21 days.
void r364(const Ssda903Context& c, Out& out) {
  status_lasted_over(c, out, "J2", 21);
}

void r365(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), decom(t, "DECOM"), dec(t, "DEC");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto from = uk_date(decom(r));
    auto to = ended_or_open(dec(r), c.end);
    return ls(r) == "V3" && from && to && *to > from->add_days(17);
  });
}

// Each short break (V3) is a period of care of its own, so it starts with reason S.
void r366(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), rne(t, "RNE");
  each_row(c, out, T::kEpisodes, [&](size_t r) { return ls(r) == "V3" && rne(r) != "S"; });
}

// Days of V3 episodes within the collection year (the 12-month period the return covers, as the
// validator counts: episodes are cut at 1 April and 31 March, an open one runs to 31 March);
// every V3 episode of a child with more than 75 fails.
void r367(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), ls(t, "LS"), decom(t, "DECOM"), dec(t, "DEC");
  std::map<std::string_view, std::pair<int, std::vector<size_t>>> respite;  // days, rows
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto from = uk_date(decom(r));
    auto to = ended_or_open(dec(r), c.end);
    if (ls(r) != "V3" || !from || !to) continue;
    const int days = std::max(*from, c.start).days_until(std::min(*to, c.end));
    if (days <= 0) continue;
    auto& [total, rows] = respite[child(r)];
    total += days;
    rows.push_back(r);
  }
  for (const auto& [id, days_rows] : respite) {
    if (days_rows.first > 75) {
      for (size_t r : days_rows.second) fail(c, out, T::kEpisodes, r);
    }
  }
}

void r372(const Ssda903Context& c, Out& out) {
  placed_too_young(c, out, "R5", 10);
}

// Six weeks: more than 42 days.
void r375(const Ssda903Context& c, Out& out) {
  temporary_over(c, out, "T1", 42);
}
// Three weeks: more than 21 days.
void r376(const Ssda903Context& c, Out& out) {
  temporary_over(c, out, "T3", 21);
}

// As the DfE words it: a third T3 placement starting within 12 months of the first (the
// validator counts a child's T3 episodes in the whole return, whatever their dates). Each T3
// episode of those 12 months fails.
void r377(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE");
  std::set<size_t> failing;
  for (const auto& [child, rows] : episodes_by_child(c)) {
    std::vector<std::pair<Date, size_t>> holidays;
    for (const auto& episode : rows) {
      if (place(episode.second) == "T3") holidays.push_back(episode);
    }
    for (size_t i = 0; i < holidays.size(); ++i) {
      const Date year_later = holidays[i].first.add_months(12);
      size_t j = i;
      while (j < holidays.size() && holidays[j].first < year_later) ++j;
      if (j - i > 2) {
        for (size_t k = i; k < j; ++k) failing.insert(holidays[k].second);
      }
    }
  }
  for (size_t r : failing) fail(c, out, T::kEpisodes, r);
}

void r378(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), ls(t, "LS");
  each_row(c, out, T::kEpisodes, [&](size_t r) { return place(r) == "P1" && ls(r) == "V2"; });
}

void r381(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), rec(t, "REC");
  each_row(c, out, T::kEpisodes,
           [&](size_t r) { return temporary(place(r)) && !rec(r).empty() && rec(r) != "X1"; });
}

void r382(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), place(t, "PLACE");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    return in(ls(r), {"V3", "V4"}) && temporary(place(r));
  });
}

// Until 2024-25: a temporary placement between two episodes fails unless the next one returns
// (reason P) to the placement type before it.
void r383_before_2026(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), rne(t, "RNE");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 1; i + 1 < rows.size(); ++i) {
      const size_t before = rows[i - 1].second, r = rows[i].second, next = rows[i + 1].second;
      if (temporary(place(r)) && (rne(next) != "P" || place(next) != place(before))) {
        fail(c, out, T::kEpisodes, r);
      }
    }
  }
}

// From 2025-26: the episode after a temporary placement fails unless it returns (reason P) to
// the placement type and postcode before it. A blank postcode on both sides is the same (the
// validator's comparison fails it).
void r383(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), rne(t, "RNE"), post(t, "PL_POST");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 2; i < rows.size(); ++i) {
      const size_t usual = rows[i - 2].second, r = rows[i].second;
      if (temporary(place(rows[i - 1].second)) &&
          (rne(r) != "P" || place(r) != place(usual) || post(r) != post(usual))) {
        fail(c, out, T::kEpisodes, r);
      }
    }
  }
}

void r384(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), place(t, "PLACE");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    return in(ls(r), {"V3", "V4"}) && in(place(r), {"U1", "U4"});
  });
}

void r386(const Ssda903Context& c, Out& out) {
  ceased_at_age(c, out, {"E11", "E12"}, 18, true);
}
void r387(const Ssda903Context& c, Out& out) {
  ceased_at_age(c, out, {"E5", "E6"}, 14, false);
}

// X1 says a new episode began the day this one ended: it fails when the next episode began
// another day, or there is none; another reason fails when the next episode began that day.
void r388(const Ssda903Context& c, Out& out) {
  const auto undated = undated_children(c);
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rec(t, "REC"), dec(t, "DEC");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 0; i < rows.size(); ++i) {
      const size_t r = rows[i].second;
      auto ended = uk_date(dec(r));
      if (!ended || rec(r).empty()) continue;
      const bool continued = rec(r) == "X1";
      const bool failing = i + 1 < rows.size() ? continued != (*ended == rows[i + 1].first)
                                               : continued && !undated.contains(child);
      if (failing) fail(c, out, T::kEpisodes, r);
    }
  }
}

void r389(const Ssda903Context& c, Out& out) {
  ceased_at_age(c, out, {"E7"}, 16, false);
}

// As the DfE words it, an order made on the 18th birthday is made at 18 (the validator fails
// only a later one).
void r407(const Ssda903Context& c, Out& out) {
  ceased_at_age(c, out, {"E45", "E46", "E47", "E48"}, 18, true, true);
}

void r426(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), ls(t, "LS");
  std::map<std::string_view, std::pair<std::vector<size_t>, std::vector<size_t>>> respite;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (ls(r) == "V3") respite[child(r)].first.push_back(r);
    if (ls(r) == "V4") respite[child(r)].second.push_back(r);
  }
  std::set<size_t> failing;
  for (const auto& [id, v3_v4] : respite) {
    if (v3_v4.first.empty() || v3_v4.second.empty()) continue;
    failing.insert(v3_v4.first.begin(), v3_v4.first.end());
    failing.insert(v3_v4.second.begin(), v3_v4.second.end());
  }
  for (size_t r : failing) fail(c, out, T::kEpisodes, r);
}

// As the DfE words it: the episode before ended the day this one began (the validator also fails
// an episode that began before the one before ended, which 501 reports).
void r431(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rne(t, "RNE"), dec(t, "DEC");
  each_after_previous(c, out, [&](size_t before, size_t r, Date start) {
    return rne(r) == "S" && uk_date(dec(before)) == start;
  });
}

// Every reason episode ceased but X1 ends the period of care.
void r432(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rne(t, "RNE"), rec(t, "REC");
  each_after_previous(c, out, [&](size_t before, size_t r, Date) {
    return in(rec(before),
              {"E2",  "E3",  "E4A", "E4B", "E5",  "E6",  "E7",  "E8",  "E9",  "E11", "E12",
               "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"}) &&
           rne(r) != "S";
  });
}

// The episode before did not end (no DEC, or one that is not a date) the day this one began.
void r433(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rne(t, "RNE"), dec(t, "DEC");
  each_after_previous(c, out, [&](size_t before, size_t r, Date start) {
    return in(rne(r), {"P", "L", "T", "U", "B"}) && uk_date(dec(before)) != start;
  });
}

void r434(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rne(t, "RNE"), ls(t, "LS");
  each_after_previous(c, out, [&](size_t before, size_t r, Date) {
    return rne(r) == "L" && (ls(r) == ls(before) || !same_placement(t, before, r));
  });
}
void r435(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rne(t, "RNE"), ls(t, "LS");
  each_after_previous(c, out, [&](size_t before, size_t r, Date) {
    return in(rne(r), {"P", "T"}) && (ls(r) != ls(before) || same_placement(t, before, r));
  });
}
void r436(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column rne(t, "RNE"), ls(t, "LS");
  each_after_previous(c, out, [&](size_t before, size_t r, Date) {
    return in(rne(r), {"U", "B"}) && (ls(r) == ls(before) || same_placement(t, before, r));
  });
}

// Died (E2) or found to be 18 or over (E15), with a later episode.
void r437(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 0; i + 1 < rows.size(); ++i) {
      if (in(rec(rows[i].second), {"E2", "E15"})) fail(c, out, T::kEpisodes, rows[i].second);
    }
  }
}

// Reviews has its own DOB, which the validator judges. As the DfE words it, a review on the 4th
// birthday is of a child aged 4 (the validator's 440 passes PN0 on that day).
void r440(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kReviews);
  const Column code(t, "REVIEW_CODE"), review(t, "REVIEW"), dob(t, "DOB");
  each_row(c, out, T::kReviews, [&](size_t r) {
    auto held = uk_date(review(r)), born = uk_date(dob(r));
    return code(r) == "PN0" && held && born && *held >= born->add_years(4);
  });
}
void r441(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kReviews);
  const Column code(t, "REVIEW_CODE"), review(t, "REVIEW"), dob(t, "DOB");
  each_row(c, out, T::kReviews, [&](size_t r) {
    auto held = uk_date(review(r)), born = uk_date(dob(r));
    return in(code(r), {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}) && held && born &&
           *held < born->add_years(4);
  });
}

void r445(const Ssda903Context& c, Out& out) {
  const Date december_2005 = Date::from_ymd(2005, 12, 31).value();
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), decom(t, "DECOM");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto start = uk_date(decom(r));
    return ls(r) == "D1" && start && *start > december_2005;
  });
}

void r451(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), dec(t, "DEC"), rec(t, "REC");
  each_row(c, out, T::kEpisodes,
           [&](size_t r) { return ls(r) == "D1" && dec(r).empty() && rec(r).empty(); });
}

void r460(const Ssda903Context& c, Out& out) {
  ceased_at_age(c, out, {"E17"}, 18, false);
}

// Last year's return (previous/). 502: each episode still open at last year's end (no DEC date)
// against the child's first episode this year.
void r502(const Ssda903Context& c, Out& out) {
  const CsvTable& last = c.previous(T::kEpisodes);
  const Column last_child(last, "CHILD"), last_start(last, "DECOM"), last_end(last, "DEC");
  std::map<std::string_view, std::vector<std::optional<Date>>> open_last;  // their DECOMs
  for (size_t r = 0; r < last.rows.size(); ++r) {
    if (!uk_date(last_end(r))) open_last[last_child(r)].push_back(uk_date(last_start(r)));
  }
  const auto undated = undated_children(c);
  for (const auto& [child, rows] : episodes_by_child(c)) {
    auto found = open_last.find(child);
    if (found == open_last.end() || undated.contains(child)) continue;
    const Date first = rows.front().first;
    const bool differs = std::any_of(found->second.begin(), found->second.end(),
                                     [&](const std::optional<Date>& d) { return d != first; });
    if (differs) fail(c, out, T::kEpisodes, rows.front().second);
  }
}

// 562: a child's first episode began before this year, so it should be last year's latest.
void r562(const Ssda903Context& c, Out& out) {
  const auto last_episodes = by_child_and_date(c.previous(T::kEpisodes), "DECOM");
  const auto undated = undated_children(c);
  for (const auto& [child, rows] : episodes_by_child(c)) {
    const auto& [start, first] = rows.front();
    if (start >= c.start || undated.contains(child)) continue;
    auto found = last_episodes.find(child);
    if (found == last_episodes.end() || found->second.back().first != start) {
      fail(c, out, T::kEpisodes, first);
    }
  }
}

}  // namespace

std::vector<Ssda903Rule> ssda903_episode_rules() {
  return {
      {"352",
       "Child who started to be looked after was aged 18 or over.",
       {"DECOM", "RNE"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r352},
      {"357",
       "If this is the first episode ever for this child, reason for new episode must be S.  "
       "Check whether there is an episode immediately preceding this one, which has been left "
       "out.  If not the reason for new episode code must be amended to S.",
       {"RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r357},
      {"358",
       "Child with this legal status should not be under 10.",
       {"DECOM", "DOB", "LS"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r358},
      {"361",
       "Police protection legal status lasted longer than maximum 72 hours allowed in the "
       "Children Act 1989.",
       {"DEC", "DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r361},
      {"362",
       "Emergency protection order (EPO) lasted longer than 21 days",
       {"DEC", "DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r362},
      {"363",
       "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
       {"DEC", "DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r363},
      {"364",
       "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a "
       "child can be detained in custody in Local Authority (LA) accommodation.",
       {"DEC", "DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r364},
      {"365",
       "Any individual short- term respite placement must not exceed 17 days.",
       {"DEC", "DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r365},
      {"366",
       "A child cannot change placement during the course of an individual short-term respite "
       "break.",
       {"RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r366},
      {"367",
       "The maximum amount of respite care allowable is 75 days in any 12-month period.",
       {"DEC", "DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r367},
      {"372",
       "Child in youth custody or prison should be at least 10.",
       {"DECOM", "PLACE"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r372},
      {"375",
       "Hospitalisation coded as a temporary placement exceeds six weeks.",
       {"DECOM", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r375},
      {"376",
       "Temporary placements coded as being due to holiday of usual foster carer(s) cannot "
       "exceed three weeks.",
       {"DECOM", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r376},
      {"377",
       "Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
       "allowed in any 12- month period.",
       {"PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r377},
      {"378",
       "A child who is placed with parent(s) cannot be looked after under a single period of "
       "accommodation under Section 20 of the Children Act 1989.",
       {"LS", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r378},
      {"381",
       "A period of care cannot end with a temporary placement.",
       {"PLACE", "REC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r381},
      {"382",
       "A child receiving respite care cannot be in a temporary placement.",
       {"LS", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r382},
      {"383",
       "A child in a temporary placement must subsequently return to his/her normal placement.",
       {"PLACE"},
       {T::kEpisodes},
       kAny,
       2025,
       r383_before_2026},
      {"383",
       "A child in a temporary placement must subsequently return to his/her normal placement.",
       {"PLACE", "RNE", "PL_POST"},
       {T::kEpisodes},
       2026,
       kOpen,
       r383},
      {"384",
       "A child receiving respite care cannot be in a long-term foster placement ",
       {"LS", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r384},
      {"386",
       "Reason episode ceased is adopted but child has reached age 18.",
       {"REC"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r386},
      {"387",
       "Reason episode ceased is child moved into independent living arrangement, but the child "
       "is aged under 14.",
       {"REC"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r387},
      {"388",
       "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
       {"REC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r388},
      {"389",
       "Reason episode ceased is that child transferred to care of adult social care services, "
       "but child is aged under 16.",
       {"REC"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r389},
      {"407",
       "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
       {"DEC", "DOB", "REC"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r407},
      {"426",
       "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in "
       "the same year.",
       {"LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r426},
      {"431",
       "The reason for new episode is started to be looked after, but the previous episode ended "
       "on the same day.",
       {"DECOM", "RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r431},
      {"432",
       "The child ceased to be looked after at the end of the previous episode but the reason for "
       "the new episode is not started to be looked after.",
       {"RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r432},
      {"433",
       "The reason for new episode suggests that this is a continuation episode, but the episode "
       "does not start on the same day as the last episode finished.",
       {"DECOM", "RNE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r433},
      {"434",
       "Reason for new episode is that child's legal status has changed but not the placement, "
       "but this is not reflected in the episode data.",
       {"LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r434},
      {"435",
       "Reason for new episode is that child\u2019s placement has changed but not the legal "
       "status, but this is not reflected in the episode data recorded.",
       {"LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r435},
      {"436",
       "Reason for new episode is that both child\u2019s placement and legal status have changed, "
       "but this is not reflected in the episode data.",
       {"LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r436},
      {"437",
       "Reason episode ceased is child has died or is aged 18 or over but there are further "
       "episodes.",
       {"REC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r437},
      {"440",
       "Participation method indicates child was under 4 years old at the time of the review, but "
       "date of birth and review date indicates the child was 4 years old or over.",
       {"DOB", "REVIEW", "REVIEW_CODE"},
       {T::kReviews},
       kAny,
       kOpen,
       r440},
      {"441",
       "Participation method indicates child was 4 years old or over at the time of the review, "
       "but the date of birth and review date indicates the child was under 4 years old.",
       {"DOB", "REVIEW", "REVIEW_CODE"},
       {T::kReviews},
       kAny,
       kOpen,
       r441},
      {"445",
       "D1 is not a valid code for episodes starting after December 2005.",
       {"DECOM", "LS"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r445},
      {"451",
       "Child is still freed for adoption, but freeing orders could not be applied for since 30 "
       "December 2005.",
       {"DEC", "LS", "REC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r451},
      {"460",
       "Reason episode ceased is that child stayed with current carers at age 18 (or above), but "
       "child is aged under 18.",
       {"DEC", "REC"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r460},
      {"502",
       "Last year's record ended with an open episode. The date on which that episode started "
       "does not match the start date of the first episode on this year\u2019s record.",
       {"DECOM"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r502,
       {T::kEpisodes}},
      {"562",
       "Episode commenced before the start of the current collection year but there is a missing "
       "continuous episode in the previous year.",
       {"DECOM"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r562,
       {T::kEpisodes}},
  };
}

}  // namespace hearth::returns
