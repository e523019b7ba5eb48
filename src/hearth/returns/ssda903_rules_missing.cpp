// SSDA903 rules on missing and away-from-placement spells (the Missing table): a spell's own
// items, spells of one child against each other, and spells against the child's episodes (the
// placement a spell began in, the period of care, the day care ended). Source and conventions as
// in ssda903_rules.hpp; each rule's logic follows the open-source validator's
// (data-to-insight/csc-validator-be-903, lac_validator/rules/lac2022_23, unchanged since), except
// where its code and the DfE's wording differ, which is said at the rule. As in the other Missing
// rules (565, 567, 570, 576, 578, 581, 586, 1004-1006): a spell whose MIS_START is not a date is
// 1004's to report and is not judged here; a blank MIS_END is a spell still going on, and one that
// is not a date is 1005's.
#include <optional>
#include <set>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;

// A child's period of care: episodes that follow on without a gap, from the first one's start to
// the last one's end (none while it goes on).
struct PeriodOfCare {
  Date from;
  std::optional<Date> to;
};

// A child's periods of care from their episodes in DECOM order: the next episode begins a new
// period when it starts after the one before had ended (as 577 in the validator).
std::vector<PeriodOfCare> periods_of_care(const std::vector<std::pair<Date, size_t>>& episodes,
                                          const Column& dec) {
  std::vector<PeriodOfCare> out;
  for (const auto& [from, row] : episodes) {
    const auto to = uk_date(dec(row));
    if (out.empty() || (out.back().to && from > *out.back().to)) {
      out.push_back({from, to});
    } else {
      out.back().to = to;
    }
  }
  return out;
}

void r564(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kMissing);
  const Column missing(t, "MISSING"), start(t, "MIS_START");
  each_row(c, out, T::kMissing, [&](size_t r) {
    return in(missing(r), {"M", "A", "m", "a"}) && start(r).empty();
  });
}

void r566(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kMissing);
  const Column missing(t, "MISSING"), end(t, "MIS_END");
  each_row(c, out, T::kMissing, [&](size_t r) { return missing(r).empty() && !end(r).empty(); });
}

void r571(const Ssda903Context& c, Out& out) {
  const Column end(c.table(T::kMissing), "MIS_END");
  each_row(c, out, T::kMissing, [&](size_t r) {
    auto ended = uk_date(end(r));
    return ended && (*ended < c.start || *ended > c.end);
  });
}

// In MIS_START order, a spell fails when an earlier one of the child's is still open or ends
// after it starts (ending the day it starts is not an overlap). The validator orders spells by
// their end and compares each with the one before only, so it reports the other spell of an
// overlapping pair and misses a spell inside a long one; the DfE's wording is of any overlap.
void r574(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kMissing);
  const Column end(t, "MIS_END");
  for (const auto& [child, spells] : by_child_and_date(t, "MIS_START")) {
    bool open = false;
    std::optional<Date> latest_end;
    for (const auto& [start, row] : spells) {
      if (open || (latest_end && start < *latest_end)) fail(c, out, T::kMissing, row);
      if (end(row).empty()) {
        open = true;
      } else if (auto ended = uk_date(end(row)); ended && (!latest_end || *ended > *latest_end)) {
        latest_end = ended;
      }
    }
  }
}

// An open spell that began in an episode (placement) that has ended.
void r575(const Ssda903Context& c, Out& out) {
  const auto episodes = episodes_by_child(c);
  const Column dec(c.table(T::kEpisodes), "DEC");
  const CsvTable& t = c.table(T::kMissing);
  const Column child(t, "CHILD"), start(t, "MIS_START"), end(t, "MIS_END");
  each_row(c, out, T::kMissing, [&](size_t r) {
    auto began = uk_date(start(r));
    auto found = episodes.find(child(r));
    if (!began || !end(r).empty() || found == episodes.end()) return false;
    return std::any_of(found->second.begin(), found->second.end(), [&](const auto& episode) {
      auto ended = uk_date(dec(episode.second));
      return episode.first <= *began && ended && *began <= *ended;
    });
  });
}

// As the DfE words it: an open spell that began in a period of care that has ended. The
// validator also fails a closed spell that ends outside every period of care, and an open one
// that began before the child's care did (581's), neither of which the message speaks of.
void r577(const Ssda903Context& c, Out& out) {
  const Column dec(c.table(T::kEpisodes), "DEC");
  std::map<std::string_view, std::vector<PeriodOfCare>> periods;
  for (const auto& [child, episodes] : episodes_by_child(c)) {
    periods.emplace(child, periods_of_care(episodes, dec));
  }
  const CsvTable& t = c.table(T::kMissing);
  const Column child(t, "CHILD"), start(t, "MIS_START"), end(t, "MIS_END");
  each_row(c, out, T::kMissing, [&](size_t r) {
    auto began = uk_date(start(r));
    auto found = periods.find(child(r));
    if (!began || !end(r).empty() || found == periods.end()) return false;
    for (const PeriodOfCare& period : found->second) {
      if (period.from <= *began && (!period.to || *began <= *period.to)) {
        return period.to.has_value();
      }
    }
    return false;
  });
}

// The validator's reading: the child turned 18 while missing, the spell ending on the birthday
// (by the Missing table's DOB, as 586 reads it) and the episode with it. An episode that ended
// X1 (a new one begins the same day) is not "ceasing to be looked after" and is not judged,
// which the validator's code does.
void r580(const Ssda903Context& c, Out& out) {
  const CsvTable& m = c.table(T::kMissing);
  const Column who(m, "CHILD"), dob(m, "DOB"), end(m, "MIS_END");
  std::set<std::pair<std::string_view, Date>> missing_until_18;  // CHILD, 18th birthday
  for (size_t r = 0; r < m.rows.size(); ++r) {
    auto born = uk_date(dob(r)), ended = uk_date(end(r));
    if (born && ended && born->add_years(18) == *ended) missing_until_18.emplace(who(r), *ended);
  }
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), dec(t, "DEC"), rec(t, "REC");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto ended = uk_date(dec(r));
    return ended && !in(rec(r), {"E8", "X1"}) && missing_until_18.contains({child(r), *ended});
  });
}

}  // namespace

std::vector<Ssda903Rule> ssda903_missing_rules() {
  return {
      {"564",
       "Child was missing or away from placement without authorisation and the date started is "
       "blank.",
       {"MISSING", "MIS_START"},
       {T::kMissing},
       kAny,
       kOpen,
       r564},
      {"566",
       "The date that the child's episode of being missing or away from placement without "
       "authorisation ended has been completed but whether the child was missing or away without "
       "authorisation has not been completed.",
       {"MISSING", "MIS_END"},
       {T::kMissing},
       kAny,
       kOpen,
       r566},
      {"571",
       "The date that the child ceased to be missing or away from placement without authorisation "
       "is before the start or after the end of the collection year.",
       {"MIS_END"},
       {T::kMissing},
       kAny,
       kOpen,
       r571},
      {"574",
       "A new missing/away from placement without authorisation period cannot start when the "
       "previous missing/away from placement without authorisation period is still open. "
       "Missing/away from placement without authorisation periods should also not overlap.",
       {"MIS_END", "MIS_START"},
       {T::kMissing},
       kAny,
       kOpen,
       r574},
      {"575",
       "If the placement from which the child goes missing/away from placement without "
       "authorisation ends, the missing/away from placement without authorisation period in the "
       "missing module must also have an end date.",
       {"MIS_END"},
       {T::kEpisodes, T::kMissing},
       kAny,
       kOpen,
       r575},
      {"577",
       "Child ceased to be looked after but there is a missing/away from placement without "
       "authorisation period without an end date.",
       {"MIS_END"},
       {T::kEpisodes, T::kMissing},
       kAny,
       kOpen,
       r577},
      {"580",
       "Child is missing when cease being looked after but reason episode ceased not "
       "\u2018E8\u2019.",
       {"REC"},
       {T::kEpisodes, T::kMissing},
       kAny,
       kOpen,
       r580},
  };
}

}  // namespace hearth::returns
