// SSDA903 rules on adoption: the AD1 table (a child adopted in the year), PlacedAdoption (the
// decisions that a child should, or should no longer, be placed for adoption, this year against
// last year's), previous permanence (PrevPerm), and the episodes that show a child placed for
// adoption (placements A3 to A6), under a placement or freeing order (LS E1, D1), or adopted
// (REC E11, E12). Source and conventions as in ssda903_rules.hpp; each rule's logic follows the
// open-source validator's (data-to-insight/csc-validator-be-903, lac_validator/rules), except
// where its code and the DfE's wording differ, which is said at the rule. A date that does not
// parse is left to the rule that reports it (115, 116, 112, 113, 141, 147).
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;

// ------------------------------------------------------------------ helpers

// Placements A3 to A6: placed for adoption.
bool placed_for_adoption(std::string_view place) {
  return in(place, {"A3", "A4", "A5", "A6"});
}

// Reasons episode ceased E11, E12: adopted.
bool adopted(std::string_view rec) {
  return in(rec, {"E11", "E12"});
}

// A table's rows per child, in file order.
std::unordered_map<std::string_view, std::vector<size_t>> rows_by_child(const CsvTable& t) {
  const Column child(t, "CHILD");
  std::unordered_map<std::string_view, std::vector<size_t>> out;
  for (size_t r = 0; r < t.rows.size(); ++r) out[child(r)].push_back(r);
  return out;
}

// Each child's episodes that began a period of care (RNE S), in DECOM order: the first is when
// the child started to be looked after as far as the return shows, the last began the latest
// period of care.
std::map<std::string_view, std::vector<std::pair<Date, size_t>>> care_starts(
    const Ssda903Context& c) {
  const Column rne(c.table(T::kEpisodes), "RNE");
  auto out = episodes_by_child(c);
  for (auto& [child, rows] : out) {
    std::erase_if(rows, [&](const auto& episode) { return rne(episode.second) != "S"; });
  }
  std::erase_if(out, [](const auto& child) { return child.second.empty(); });
  return out;
}

// The children of PlacedAdoption with a date of decision given.
std::set<std::string_view> decided(const CsvTable& placed_adoption) {
  const Column child(placed_adoption, "CHILD"), placed(placed_adoption, "DATE_PLACED");
  std::set<std::string_view> out;
  for (size_t r = 0; r < placed_adoption.rows.size(); ++r) {
    if (!placed(r).empty()) out.insert(child(r));
  }
  return out;
}

// Two dates of decision are the same: the same day, or (not being dates) the same text.
bool same_date(std::string_view a, std::string_view b) {
  auto x = uk_date(a), y = uk_date(b);
  return x && y ? *x == *y : a == b;
}

// The AD1 items recorded for a child adopted in the year (151, 525, 601, 602).
class AdoptionItems {
 public:
  explicit AdoptionItems(const CsvTable& ad1) {
    for (auto name :
         {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"}) {
      items_.emplace_back(ad1, name);
    }
  }
  // How many of a row's items are given.
  size_t given(size_t row) const {
    return static_cast<size_t>(std::count_if(
        items_.begin(), items_.end(), [&](const Column& item) { return !item(row).empty(); }));
  }
  bool none(size_t row) const { return given(row) == 0; }
  bool all(size_t row) const { return given(row) == items_.size(); }

 private:
  std::vector<Column> items_;
};

// The children with an episode that ended in the year with their adoption (601, 602).
std::set<std::string_view> adopted_in_year(const Ssda903Context& c) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), rec(t, "REC"), dec(t, "DEC");
  std::set<std::string_view> out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto ended = uk_date(dec(r));
    if (adopted(rec(r)) && ended && *ended >= c.start && *ended <= c.end) out.insert(child(r));
  }
  return out;
}

// Each row `e` of `table` for which `judged(e)` holds fails with every row `r` of table `other`
// for the same child for which `failing(e, r)` holds; so do those rows, when `report_other`.
template <typename Judged, typename Failing>
void rows_against(const Ssda903Context& c, Out& out, T table, T other, Judged&& judged,
                  Failing&& failing, bool report_other = true) {
  const auto rows = rows_by_child(c.table(other));
  const Column child(c.table(table), "CHILD");
  std::set<size_t> others;
  each_row(c, out, table, [&](size_t e) {
    if (!judged(e)) return false;
    auto found = rows.find(child(e));
    if (found == rows.end()) return false;
    bool any = false;
    for (size_t r : found->second) {
      if (failing(e, r)) {
        any = true;
        others.insert(r);
      }
    }
    return any;
  });
  if (report_other) {
    for (size_t r : others) fail(c, out, other, r);
  }
}

// The same with the episodes as `table`.
template <typename Episode, typename Failing>
void episodes_against(const Ssda903Context& c, Out& out, T other, Episode&& episode,
                      Failing&& failing, bool report_other = true) {
  rows_against(c, out, T::kEpisodes, other, std::forward<Episode>(episode),
               std::forward<Failing>(failing), report_other);
}

// The episodes of `episodes` (by row, with their DECOM) against their child's PlacedAdoption
// rows: a date of decision after the episode began fails both (554), or the episode only (556).
void decided_after(const Ssda903Context& c, Out& out, const std::map<size_t, Date>& episodes,
                   bool report_decision = true) {
  const Column placed(c.table(T::kPlacedAdoption), "DATE_PLACED");
  episodes_against(
      c, out, T::kPlacedAdoption, [&](size_t e) { return episodes.contains(e); },
      [&](size_t e, size_t p) {
        auto decision = uk_date(placed(p));
        return decision && *decision > episodes.at(e);
      },
      report_decision);
}

// ------------------------------------------------------------------ the rules

// The child's latest episode that did not end in a new one (X1) shows when the child ceased to
// be looked after, if it has ended. As the DfE words it, a date beyond the year fails whether
// or not the child has episodes (the validator judges only children with episodes).
void r117(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC"), dec(c.table(T::kEpisodes), "DEC");
  std::unordered_map<std::string_view, size_t> latest;
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
      if (rec(it->second) != "X1") {
        latest.emplace(child, it->second);
        break;
      }
    }
  }
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column child(t, "CHILD"), placed(t, "DATE_PLACED"), ceased(t, "DATE_PLACED_CEASED");
  std::set<size_t> episodes;
  each_row(c, out, T::kPlacedAdoption, [&](size_t r) {
    auto found = latest.find(child(r));
    std::optional<Date> left;
    if (found != latest.end()) left = uk_date(dec(found->second));
    bool failing = false;
    for (const auto& decision : {uk_date(placed(r)), uk_date(ceased(r))}) {
      if (!decision) continue;
      if (*decision > c.end) failing = true;
      if (left && *decision > *left) {
        failing = true;
        episodes.insert(found->second);
      }
    }
    return failing;
  });
  for (size_t e : episodes) fail(c, out, T::kEpisodes, e);
}

// The child started to be looked after with its first episode not under short-term breaks (V3,
// V4). As with 117, a date before the year fails with or without episodes.
void r118(const Ssda903Context& c, Out& out) {
  const Column ls(c.table(T::kEpisodes), "LS");
  std::unordered_map<std::string_view, std::pair<Date, size_t>> first;
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (const auto& episode : rows) {
      if (!in(ls(episode.second), {"V3", "V4"})) {
        first.emplace(child, episode);
        break;
      }
    }
  }
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column child(t, "CHILD"), ceased(t, "DATE_PLACED_CEASED");
  std::set<size_t> episodes;
  each_row(c, out, T::kPlacedAdoption, [&](size_t r) {
    auto decision = uk_date(ceased(r));
    if (!decision) return false;
    auto found = first.find(child(r));
    const bool before_care = found != first.end() && *decision < found->second.first;
    if (before_care) episodes.insert(found->second.second);
    return *decision < c.start || before_care;
  });
  for (size_t e : episodes) fail(c, out, T::kEpisodes, e);
}

void r119(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column ceased(t, "DATE_PLACED_CEASED"), reason(t, "REASON_PLACED_CEASED");
  each_row(c, out, T::kPlacedAdoption,
           [&](size_t r) { return ceased(r).empty() != reason(r).empty(); });
}

void r151(const Ssda903Context& c, Out& out) {
  const AdoptionItems items(c.table(T::kAd1));
  each_row(c, out, T::kAd1, [&](size_t r) { return !items.none(r) && !items.all(r); });
}

// The date of placement for adoption is the start of the episode that ended in the adoption.
void r331(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC"), decom(c.table(T::kEpisodes), "DECOM");
  const Column match(c.table(T::kAd1), "DATE_MATCH");
  episodes_against(
      c, out, T::kAd1, [&](size_t e) { return adopted(rec(e)) && uk_date(decom(e)); },
      [&](size_t e, size_t a) {
        auto matched = uk_date(match(a));
        return matched && *matched > *uk_date(decom(e));
      });
}

void r334(const Ssda903Context& c, Out& out) {
  std::map<size_t, Date> latest;
  for (const auto& [child, starts] : care_starts(c)) {
    latest.emplace(starts.back().second, starts.back().first);
  }
  const Column date_int(c.table(T::kAd1), "DATE_INT");
  episodes_against(
      c, out, T::kAd1, [&](size_t e) { return latest.contains(e); },
      [&](size_t e, size_t a) {
        auto decision = uk_date(date_int(a));
        return decision && *decision < latest.at(e);
      });
}

// The last placement is the one of the episode that ended in the adoption (A1 and A2 are no
// longer placement codes, but are the DfE's wording).
void r335(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC"), place(c.table(T::kEpisodes), "PLACE");
  const Column foster_care(c.table(T::kAd1), "FOSTER_CARE");
  episodes_against(
      c, out, T::kAd1, [&](size_t e) { return adopted(rec(e)); },
      [&](size_t e, size_t a) {
        return (in(place(e), {"A2", "A3", "A5"}) && foster_care(a) == "0") ||
               (in(place(e), {"A1", "A4", "A6"}) && foster_care(a) == "1");
      });
}

// Placed for adoption with current foster carers (A3, A5), as the DfE's rule has it (the
// validator's code judges A3 and A4): the episode before must be a foster or adoption placement.
// A child's first episode has none before it to judge.
void r336(const Ssda903Context& c, Out& out) {
  const Column place(c.table(T::kEpisodes), "PLACE");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (size_t i = 1; i < rows.size(); ++i) {
      const size_t r = rows[i].second, before = rows[i - 1].second;
      if (in(place(r), {"A3", "A5"}) &&
          !in(place(before), {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"})) {
        fail(c, out, T::kEpisodes, r);
      }
    }
  }
}

void r390(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC"), place(c.table(T::kEpisodes), "PLACE");
  each_row(c, out, T::kEpisodes,
           [&](size_t r) { return adopted(rec(r)) && !placed_for_adoption(place(r)); });
}

void r516(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC"), place(c.table(T::kEpisodes), "PLACE");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    return in(rec(r), {"E45", "E46"}) && !in(place(r), {"U1", "U2", "U3", "U4", "U5", "U6"});
  });
}

void r521(const Ssda903Context& c, Out& out) {
  const Column place(c.table(T::kEpisodes), "PLACE"), decom(c.table(T::kEpisodes), "DECOM");
  const Column date_int(c.table(T::kAd1), "DATE_INT");
  episodes_against(
      c, out, T::kAd1, [&](size_t e) { return placed_for_adoption(place(e)) && uk_date(decom(e)); },
      [&](size_t e, size_t a) {
        auto decision = uk_date(date_int(a));
        return decision && *decision > *uk_date(decom(e));
      });
}

void r523(const Ssda903Context& c, Out& out) {
  const Column date_int(c.table(T::kAd1), "DATE_INT");
  const Column placed(c.table(T::kPlacedAdoption), "DATE_PLACED");
  rows_against(
      c, out, T::kPlacedAdoption, T::kAd1, [&](size_t r) { return uk_date(placed(r)).has_value(); },
      [&](size_t r, size_t a) {
        auto best_interest = uk_date(date_int(a));
        return best_interest && *best_interest != *uk_date(placed(r));
      });
}

void r525(const Ssda903Context& c, Out& out) {
  const AdoptionItems items(c.table(T::kAd1));
  const Column ceased(c.table(T::kPlacedAdoption), "DATE_PLACED_CEASED");
  rows_against(
      c, out, T::kPlacedAdoption, T::kAd1, [&](size_t r) { return !ceased(r).empty(); },
      [&](size_t, size_t a) { return !items.none(a); });
}

// 551, 553, 555: "no date of decision" is no PlacedAdoption row with DATE_PLACED given (the
// validator's 553 and 555 look for no row at all; a row without the date is 115's too).
void r551(const Ssda903Context& c, Out& out) {
  const auto with_decision = decided(c.table(T::kPlacedAdoption));
  const Column child(c.table(T::kEpisodes), "CHILD"), place(c.table(T::kEpisodes), "PLACE");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    return placed_for_adoption(place(r)) && !with_decision.contains(child(r));
  });
}

// The child's first episode placed for adoption against its latest decision.
void r552(const Ssda903Context& c, Out& out) {
  const auto decisions = by_child_and_date(c.table(T::kPlacedAdoption), "DATE_PLACED");
  const Column place(c.table(T::kEpisodes), "PLACE");
  for (const auto& [child, rows] : episodes_by_child(c)) {
    auto decision = decisions.find(child);
    if (decision == decisions.end()) continue;
    const auto latest = decision->second.back();
    for (const auto& [placed, r] : rows) {
      if (!placed_for_adoption(place(r))) continue;
      if (placed < latest.first) {
        fail(c, out, T::kEpisodes, r);
        fail(c, out, T::kPlacedAdoption, latest.second);
      }
      break;
    }
  }
}

// 553, 555: an episode under the order with no date of decision fails; so, as in the validator,
// does a decision reversed while an episode under the order is still open.
void order_without_decision(const Ssda903Context& c, Out& out, std::string_view order) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const auto with_decision = decided(t);
  const Column ceased(t, "DATE_PLACED_CEASED"), reason(t, "REASON_PLACED_CEASED");
  const Column child(c.table(T::kEpisodes), "CHILD"), ls(c.table(T::kEpisodes), "LS"),
      dec(c.table(T::kEpisodes), "DEC");
  each_row(c, out, T::kEpisodes,
           [&](size_t e) { return ls(e) == order && !with_decision.contains(child(e)); });
  const auto decisions = rows_by_child(t);
  std::set<size_t> reversed;
  for (size_t e = 0; e < c.table(T::kEpisodes).rows.size(); ++e) {
    auto found = decisions.find(child(e));
    if (ls(e) != order || !dec(e).empty() || found == decisions.end()) continue;
    for (size_t p : found->second) {
      if (!ceased(p).empty() || !reason(p).empty()) reversed.insert(p);
    }
  }
  for (size_t p : reversed) fail(c, out, T::kPlacedAdoption, p);
}

// The child's first episode under the order (E1 for 554).
std::map<size_t, Date> first_under(const Ssda903Context& c, std::string_view order) {
  const Column ls(c.table(T::kEpisodes), "LS");
  std::map<size_t, Date> out;
  for (const auto& [child, rows] : episodes_by_child(c)) {
    for (const auto& [from, r] : rows) {
      if (ls(r) == order) {
        out.emplace(r, from);
        break;
      }
    }
  }
  return out;
}

void r554(const Ssda903Context& c, Out& out) {
  decided_after(c, out, first_under(c, "E1"));
}

// Every episode under a freeing order (D1), not only the first: as the validator judges it.
void r556(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), decom(t, "DECOM");
  std::map<size_t, Date> episodes;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto from = uk_date(decom(r));
    if (ls(r) == "D1" && from) episodes.emplace(r, *from);
  }
  decided_after(c, out, episodes, false);
}

// 557: an episode placed for adoption or under one of `orders` that ended (not X1) other than
// by adoption, whose child has no decision, or one whose reversal is not recorded in full.
void left_care_not_adopted(const Ssda903Context& c, Out& out,
                           std::initializer_list<std::string_view> orders) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const auto decisions = rows_by_child(t);
  const Column ceased(t, "DATE_PLACED_CEASED"), reason(t, "REASON_PLACED_CEASED");
  const CsvTable& e = c.table(T::kEpisodes);
  const Column child(e, "CHILD"), place(e, "PLACE"), ls(e, "LS"), rec(e, "REC");
  std::set<size_t> incomplete;
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    const bool left_care = !rec(r).empty() && rec(r) != "X1" && !adopted(rec(r));
    if (!left_care || !(placed_for_adoption(place(r)) || in(ls(r), orders))) return false;
    auto found = decisions.find(child(r));
    if (found == decisions.end()) return true;
    bool failing = false;
    for (size_t p : found->second) {
      if (ceased(p).empty() || reason(p).empty()) {
        failing = true;
        incomplete.insert(p);
      }
    }
    return failing;
  });
  for (size_t p : incomplete) fail(c, out, T::kPlacedAdoption, p);
}

// As the DfE words it: an adopted child's latest decision has no date it ceased (an earlier
// decision may have been reversed). The validator's code instead fails a child with more than
// one reversal dated in the same year, and none with a single one.
void r558(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const auto decisions = by_child_and_date(t, "DATE_PLACED");
  const Column ceased(t, "DATE_PLACED_CEASED");
  const Column child(c.table(T::kEpisodes), "CHILD"), rec(c.table(T::kEpisodes), "REC");
  std::set<size_t> reversed;
  each_row(c, out, T::kEpisodes, [&](size_t e) {
    auto found = decisions.find(child(e));
    if (!adopted(rec(e)) || found == decisions.end()) return false;
    const size_t latest = found->second.back().second;
    if (ceased(latest).empty()) return false;
    reversed.insert(latest);
    return true;
  });
  for (size_t p : reversed) fail(c, out, T::kPlacedAdoption, p);
}

// "Not completed in a previous return": last year's has no date of decision for the child.
void r559(const Ssda903Context& c, Out& out) {
  const auto decided_last_year = decided(c.previous(T::kPlacedAdoption));
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column child(t, "CHILD"), placed(t, "DATE_PLACED");
  each_row(c, out, T::kPlacedAdoption, [&](size_t r) {
    auto decision = uk_date(placed(r));
    return decision && *decision < c.start && !decided_last_year.contains(child(r));
  });
}

// A decision still open at last year's end must be this year's too. The validator fails every
// row whose date differs from it; a later decision, recorded with the first one's reversal
// this year, is one that changed, and does not fail here.
void r560(const Ssda903Context& c, Out& out) {
  const CsvTable& last = c.previous(T::kPlacedAdoption);
  const Column last_child(last, "CHILD"), last_placed(last, "DATE_PLACED"),
      last_ceased(last, "DATE_PLACED_CEASED");
  std::map<std::string_view, std::vector<std::string_view>> open_last_year;
  for (size_t r = 0; r < last.rows.size(); ++r) {
    if (!last_placed(r).empty() && last_ceased(r).empty()) {
      open_last_year[last_child(r)].push_back(last_placed(r));
    }
  }
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column placed(t, "DATE_PLACED");
  for (const auto& [child, rows] : rows_by_child(t)) {
    auto found = open_last_year.find(child);
    if (found == open_last_year.end()) continue;
    const bool carried_on = std::any_of(rows.begin(), rows.end(), [&](size_t r) {
      return std::any_of(found->second.begin(), found->second.end(),
                         [&](std::string_view d) { return same_date(placed(r), d); });
    });
    if (carried_on) continue;
    for (size_t r : rows) fail(c, out, T::kPlacedAdoption, r);
  }
}

// Last year's decisions whose reversal (date or reason) was recorded, by child (561, 584).
std::map<std::string_view, std::vector<std::string_view>> reversed_last_year(
    const Ssda903Context& c) {
  const CsvTable& last = c.previous(T::kPlacedAdoption);
  const Column child(last, "CHILD"), placed(last, "DATE_PLACED"),
      ceased(last, "DATE_PLACED_CEASED"), reason(last, "REASON_PLACED_CEASED");
  std::map<std::string_view, std::vector<std::string_view>> out;
  for (size_t r = 0; r < last.rows.size(); ++r) {
    if (!placed(r).empty() && (!ceased(r).empty() || !reason(r).empty())) {
      out[child(r)].push_back(placed(r));
    }
  }
  return out;
}

void r561(const Ssda903Context& c, Out& out) {
  const auto reversed = reversed_last_year(c);
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column child(t, "CHILD"), placed(t, "DATE_PLACED");
  each_row(c, out, T::kPlacedAdoption, [&](size_t r) {
    auto found = reversed.find(child(r));
    return !placed(r).empty() && found != reversed.end() &&
           std::any_of(found->second.begin(), found->second.end(),
                       [&](std::string_view d) { return same_date(placed(r), d); });
  });
}

void r563(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column placed(t, "DATE_PLACED"), ceased(t, "DATE_PLACED_CEASED"),
      reason(t, "REASON_PLACED_CEASED");
  each_row(c, out, T::kPlacedAdoption,
           [&](size_t r) { return !ceased(r).empty() && !reason(r).empty() && placed(r).empty(); });
}

// Each decision against the one before it: that one must have ceased, and not after this began.
void r579(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column ceased(t, "DATE_PLACED_CEASED");
  for (const auto& [child, rows] : by_child_and_date(t, "DATE_PLACED")) {
    for (size_t i = 1; i < rows.size(); ++i) {
      auto before_ceased = uk_date(ceased(rows[i - 1].second));
      if (!before_ceased || rows[i].first < *before_ceased) {
        fail(c, out, T::kPlacedAdoption, rows[i].second);
      }
    }
  }
}

void r582(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC"), dec(c.table(T::kEpisodes), "DEC");
  const Column match(c.table(T::kAd1), "DATE_MATCH");
  episodes_against(
      c, out, T::kAd1, [&](size_t e) { return adopted(rec(e)) && uk_date(dec(e)); },
      [&](size_t e, size_t a) { return uk_date(match(a)) == uk_date(dec(e)); }, false);
}

// Of a child's decisions only the latest may be open (no date ceased): every open one fails
// when there are two, and an open one that is not the latest fails.
void r583(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column ceased(t, "DATE_PLACED_CEASED");
  const auto dated = by_child_and_date(t, "DATE_PLACED");
  for (const auto& [child, rows] : rows_by_child(t)) {
    std::vector<size_t> open;
    for (size_t r : rows) {
      if (ceased(r).empty()) open.push_back(r);
    }
    auto found = dated.find(child);
    std::optional<size_t> latest;
    if (found != dated.end()) latest = found->second.back().second;
    for (size_t r : open) {
      if (open.size() > 1 || (latest && r != *latest)) fail(c, out, T::kPlacedAdoption, r);
    }
  }
}

// A decision reversed last year: this year's must be a later one (a blank date is no later).
void r584(const Ssda903Context& c, Out& out) {
  const auto reversed = reversed_last_year(c);
  const CsvTable& t = c.table(T::kPlacedAdoption);
  const Column child(t, "CHILD"), placed(t, "DATE_PLACED");
  each_row(c, out, T::kPlacedAdoption, [&](size_t r) {
    auto found = reversed.find(child(r));
    if (found == reversed.end()) return false;
    if (placed(r).empty()) return true;
    auto decision = uk_date(placed(r));
    return decision &&
           std::any_of(found->second.begin(), found->second.end(), [&](std::string_view d) {
             auto before = uk_date(d);
             return before && *decision <= *before;
           });
  });
}

// As the DfE words it, a child adopted in the year with no AD1 row has not had the fields
// completed either (the validator judges only children with a row).
void r601(const Ssda903Context& c, Out& out) {
  const CsvTable& ad1 = c.table(T::kAd1);
  const auto ad1_rows = rows_by_child(ad1);
  const AdoptionItems items(ad1);
  const CsvTable& e = c.table(T::kEpisodes);
  const Column child(e, "CHILD"), rec(e, "REC"), dec(e, "DEC");
  std::set<size_t> incomplete;
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto ended = uk_date(dec(r));
    if (!adopted(rec(r)) || !ended || *ended < c.start || *ended > c.end) return false;
    auto found = ad1_rows.find(child(r));
    if (found == ad1_rows.end()) return true;
    bool failing = false;
    for (size_t a : found->second) {
      if (!items.all(a)) {
        failing = true;
        incomplete.insert(a);
      }
    }
    return failing;
  });
  for (size_t a : incomplete) fail(c, out, T::kAd1, a);
}

void r602(const Ssda903Context& c, Out& out) {
  const auto adopted_children = adopted_in_year(c);
  const CsvTable& ad1 = c.table(T::kAd1);
  const AdoptionItems items(ad1);
  const Column child(ad1, "CHILD");
  each_row(c, out, T::kAd1,
           [&](size_t r) { return !items.none(r) && !adopted_children.contains(child(r)); });
}

// Each child who started to be looked after in the year must have a PrevPerm row, with the
// order's date and authority unless there was none (Z1).
void r630(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kPrevPerm);
  const auto permanence = rows_by_child(t);
  const Column perm(t, "PREV_PERM"), la(t, "LA_PERM"), date(t, "DATE_PERM");
  const CsvTable& e = c.table(T::kEpisodes);
  const Column child(e, "CHILD"), rne(e, "RNE"), decom(e, "DECOM");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    auto from = uk_date(decom(r));
    if (rne(r) != "S" || !from || *from < c.start) return false;
    auto found = permanence.find(child(r));
    if (found == permanence.end()) return true;
    return std::any_of(found->second.begin(), found->second.end(), [&](size_t p) {
      return perm(p).empty() || (perm(p) != "Z1" && (la(p).empty() || date(p).empty()));
    });
  });
}

// DATE_PERM: dd/mm/YYYY, where a part that is not known may be ZZ (ZZZZ for the year).
struct PermanenceDate {
  bool valid = false;
  std::optional<Date> earliest;  // the earliest day it can be; none when the year is not known
};

PermanenceDate permanence_date(std::string_view text) {
  std::vector<std::string_view> parts;
  for (size_t from = 0;;) {
    const size_t slash = text.find('/', from);
    parts.push_back(text.substr(from, slash == std::string_view::npos ? slash : slash - from));
    if (slash == std::string_view::npos) break;
    from = slash + 1;
  }
  if (parts.size() != 3) return {};
  // A part's number (from 1), 0 for not known, -1 for neither.
  auto number = [](std::string_view part, size_t digits) {
    if (part == std::string(digits, 'Z')) return 0;
    const bool numeric = !part.empty() && part.size() <= digits &&
                         part.find_first_not_of("0123456789") == std::string_view::npos;
    if (!numeric || (digits == 4 && part.size() != 4)) return -1;
    const int n = std::stoi(std::string(part));
    return n == 0 ? -1 : n;
  };
  const int day = number(parts[0], 2), month = number(parts[1], 2), year = number(parts[2], 4);
  if (day < 0 || month < 0 || year < 0 || month > 12) return {};
  // An unknown year is judged as a leap year, an unknown month as January, to check the day.
  if (year == 0) {
    const int days = Date::days_in_month(2000, month == 0 ? 1 : month);
    return {day <= days, std::nullopt};
  }
  const auto earliest = Date::from_ymd(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  if (!earliest) return {};
  return {true, *earliest};
}

// Against the start of the child's first episode. A date with unknown parts is judged by the
// earliest day it can be, so that only a date certainly on or after it fails (the validator's
// code takes the latest, against the intent its comment states).
void r632(const Ssda903Context& c, Out& out) {
  std::unordered_map<std::string_view, std::pair<Date, size_t>> first;
  for (const auto& [child, rows] : episodes_by_child(c)) first.emplace(child, rows.front());
  const CsvTable& t = c.table(T::kPrevPerm);
  const Column child(t, "CHILD"), date(t, "DATE_PERM");
  std::set<size_t> episodes;
  each_row(c, out, T::kPrevPerm, [&](size_t r) {
    if (date(r).empty()) return false;
    const PermanenceDate order = permanence_date(date(r));
    if (!order.valid) return true;
    auto found = first.find(child(r));
    if (!order.earliest || found == first.end() || *order.earliest < found->second.first) {
      return false;
    }
    episodes.insert(found->second.second);
    return true;
  });
  for (size_t e : episodes) fail(c, out, T::kEpisodes, e);
}

// As the DfE words it, against 1 April 2016 (the validator's code compares with the start of
// the collection year).
void r634(const Ssda903Context& c, Out& out) {
  const Date april_2016 = Date::from_ymd(2016, 4, 1).value();
  const auto episodes = episodes_by_child(c);
  const CsvTable& t = c.table(T::kPrevPerm);
  const Column child(t, "CHILD"), perm(t, "PREV_PERM"), la(t, "LA_PERM"), date(t, "DATE_PERM");
  std::set<size_t> failing_episodes;
  each_row(c, out, T::kPrevPerm, [&](size_t r) {
    auto found = episodes.find(child(r));
    if ((perm(r).empty() && la(r).empty() && date(r).empty()) || found == episodes.end() ||
        found->second.back().first >= april_2016) {
      return false;
    }
    for (const auto& episode : found->second) failing_episodes.insert(episode.second);
    return true;
  });
  for (size_t e : failing_episodes) fail(c, out, T::kEpisodes, e);
}

void r1003(const Ssda903Context& c, Out& out) {
  std::map<size_t, Date> first;
  for (const auto& [child, starts] : care_starts(c)) {
    first.emplace(starts.front().second, starts.front().first);
  }
  const Column placed(c.table(T::kPlacedAdoption), "DATE_PLACED");
  episodes_against(
      c, out, T::kPlacedAdoption, [&](size_t e) { return first.contains(e); },
      [&](size_t e, size_t p) {
        auto decision = uk_date(placed(p));
        return decision && *decision < first.at(e);
      });
}

}  // namespace

std::vector<Ssda903Rule> ssda903_adoption_rules() {
  return {
      {"117",
       "Date of decision that a child should/should no longer be placed for adoption is beyond "
       "the current collection year or after the child ceased to be looked after.",
       {"DATE_PLACED", "DATE_PLACED_CEASED", "DEC", "DECOM", "REC"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r117},
      // The DfE lists DECOM twice; the other is the date the decision ceased.
      {"118",
       "Date of decision that a child should no longer be placed for adoption is before the "
       "current collection year or before the date the child started to be looked after.",
       {"DATE_PLACED_CEASED", "DECOM", "LS"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r118},
      {"119",
       "If the decision is made that a child should no longer be placed for adoption, then the "
       "date of this decision and the reason why this decision was made must be completed.",
       {"DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r119},
      // The DfE lists NB_ADOPTER, the column's old name.
      {"151",
       "All data items relating to a childs adoption must be coded or left blank.",
       {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       r151},
      {"331",
       "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
       "placement of adoption.",
       {"DATE_MATCH", "DECOM", "REC"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r331},
      {"334",
       "Date child started to be looked after in latest period of care must be on or prior to "
       "the date should be placed for adoption. ",
       {"DATE_INT", "DECOM", "RNE"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r334},
      {"335",
       "The current foster value (0) suggests that child is not adopted by current foster carer, "
       "but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child "
       "is adopted by current foster carer, but last placement is A1, A4 or A6.",
       {"FOSTER_CARE", "PLACE"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r335},
      {"336",
       "Child does not have a foster placement immediately prior to being placed for adoption.",
       {"PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r336},
      {"390",
       "Reason episode ceased is adopted but child has not been previously placed for adoption.",
       {"PLACE", "REC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r390},
      {"514",
       "Data entry on the legal status of adopters shows a single adopter but data entry for the "
       "numbers of adopters shows it as a couple.",
       {"LS_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         adopters_sexes(c, out, "L0", {"M1", "F1"});
       }},
      {"516",
       "The episode data submitted for this child does not show that he/she was with their "
       "former foster carer(s) during the year.If the code in the reason episode ceased is E45 or "
       "E46 the child must have a placement code of U1 to U6.",
       {"PLACE", "REC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r516},
      {"517",
       "If reporting legal status of adopters is L3 then the genders of adopters should be coded "
       "as MF. MF = the adopting couple are male and female.",
       {"LS_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { adopters_sexes(c, out, "L3", {"MF"}); }},
      {"520",
       "Data entry on the legal status of adopters shows different gender married couple but "
       "data entry on genders of adopters shows it as a same gender couple.",
       {"LS_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { adopters_sexes(c, out, "L11", {"MF"}); }},
      {"521",
       "Date of local authority's decision (LA) that adoption is in the best interests of the "
       "child (date should be placed) must be on or prior to the date the child is placed for "
       "adoption.",
       {"DATE_INT", "DECOM", "PLACE"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r521},
      {"523",
       "Date of decision that the child should be placed for adoption should be the same date as "
       "the decision that adoption is in the best interest (date should be placed).",
       {"DATE_INT", "DATE_PLACED"},
       {T::kAd1, T::kPlacedAdoption},
       kAny,
       kOpen,
       r523},
      {"525",
       "A child for whom the decision to be placed for adoption has been reversed cannot be "
       "adopted during the year.",
       {"DATE_INT", "DATE_MATCH", "DATE_PLACED_CEASED", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR",
        "SEX_ADOPTR"},
       {T::kAd1, T::kPlacedAdoption},
       kAny,
       kOpen,
       r525},
      {"551",
       "Child has been placed for adoption but there is no date of the decision that the child "
       "should be placed for adoption.",
       {"DATE_PLACED", "PLACE"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r551},
      {"552",
       "Date of Decision to place a child for adoption should be on or prior to the date that the "
       "child was placed for adoption.",
       {"DATE_PLACED", "DECOM"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r552},
      {"553",
       "Placement order has been granted but there is no date of decision that the child should "
       "be placed for adoption.",
       {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { order_without_decision(c, out, "E1"); }},
      {"554",
       "Date of decision that the child should be placed for adoption should be on or prior to "
       "the date that the placement order was granted. [NOTE: This rule may result in false "
       "positives or false negatives if relevant episodes are in previous years; please check "
       "carefully!]",
       {"DATE_PLACED", "DECOM", "LS"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r554},
      {"555",
       "Freeing order has been granted but there is no date of decision that the child should be "
       "placed for adoption.",
       {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) { order_without_decision(c, out, "D1"); }},
      {"556",
       "Date of decision that the child should be placed for adoption should be on or prior to "
       "the date that the freeing order was granted.",
       {"DATE_PLACED", "DECOM"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r556},
      // 2024-25 dropped freeing orders (D1) from the orders judged.
      {"557",
       "Child for whom the decision was made that they should be placed for adoption has left "
       "care but was not adopted and information on the decision that they should no longer be "
       "placed for adoption items has not been completed.",
       {"DATE_PLACED_CEASED", "LS", "PLACE", "REASON_PLACED_CEASED", "REC"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       2024,
       [](const Ssda903Context& c, Out& out) {
         left_care_not_adopted(c, out, {"D1", "E1"});
       }},
      {"557",
       "Child for whom the decision was made that they should be placed for adoption has left "
       "care but was not adopted and information on the decision that they should no longer be "
       "placed for adoption items has not been completed.",
       {"DATE_PLACED_CEASED", "LS", "PLACE", "REASON_PLACED_CEASED", "REC"},
       {T::kEpisodes, T::kPlacedAdoption},
       2025,
       kOpen,
       [](const Ssda903Context& c, Out& out) { left_care_not_adopted(c, out, {"E1"}); }},
      {"558",
       "If a child has been adopted, then the decision to place them for adoption has not been "
       "disrupted and the date of the decision that a child should no longer be placed for "
       "adoption should be left blank.",
       {"DATE_PLACED_CEASED", "REC"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r558},
      {"563",
       "The child should no longer be placed for adoption but the date of the decision that the "
       "child should be placed for adoption is blank",
       {"DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r563},
      {"579",
       "A new decision that the child should be placed for adoption this year cannot start when "
       "the previous decision is still open. Decisions to place the child for adoption should "
       "also not overlap. The date of any new decision to place the child for adoption must not "
       "be before the date placed ceased of previous decisions.",
       {"DATE_PLACED", "DATE_PLACED_CEASED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r579},
      {"582",
       "Child is showing as ceasing to be looked after due to adoption, but the date of adoption "
       "is the same as the date reported for being matched with adopters. In most circumstances "
       "we expect the date the child is matched with adopters to be before the date of "
       "adoption.",
       {"DATE_MATCH", "DEC"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r582},
      {"583",
       "More than one date the child should be placed for adoption has been reported, but an "
       "earlier decision has not been revoked. Check that both dates are required and add in the "
       "date the earlier decision was revoked. Note this may be in a previous year.",
       {"DATE_PLACED", "DATE_PLACED_CEASED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r583},
      {"601",
       "The additional fields relating to adoption have not been completed although the episode "
       "data shows that the child was adopted during the year.",
       {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "REC", "SEX_ADOPTR"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r601},
      {"602",
       "The episode data submitted for this child does not show that he/she was adopted during "
       "the year.",
       {"CHILD"},
       {T::kAd1, T::kEpisodes},
       kAny,
       kOpen,
       r602},
      {"630",
       "Information on previous permanence option should be returned.",
       {"RNE"},
       {T::kEpisodes, T::kPrevPerm},
       kAny,
       kOpen,
       r630},
      {"632",
       "Date of previous permanence order not a valid value. NOTE: This rule may result in false "
       "negatives where the period of care started before the current collection year",
       {"DATE_PERM", "DECOM"},
       {T::kEpisodes, T::kPrevPerm},
       kAny,
       kOpen,
       r632},
      {"634",
       "There are entries for previous permanence options, but child has not started to be "
       "looked after from 1 April 2016 onwards.",
       {"DATE_PERM", "DECOM", "LA_PERM", "PREV_PERM"},
       {T::kEpisodes, T::kPrevPerm},
       kAny,
       kOpen,
       r634},
      {"1003",
       "Date of LA's decision that a child should be placed for adoption is before the child "
       "started to be looked after.",
       {"DATE_PLACED", "DECOM", "RNE"},
       {T::kEpisodes, T::kPlacedAdoption},
       kAny,
       kOpen,
       r1003},
      // Last year's return (previous/): this year's decisions against last year's.
      {"559",
       "Date of decision that a child should be placed for adoption was not in the current year "
       "but the date of the decision that the child should be placed for adoption was not "
       "completed in a previous return.",
       {"DATE_PLACED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r559,
       {T::kPlacedAdoption}},
      {"560",
       "Date of decision that the child should be placed for adoption this year is different "
       "from that recorded last year but the decision to place the child for adoption did not "
       "change.",
       {"DATE_PLACED", "DATE_PLACED_CEASED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r560,
       {T::kPlacedAdoption}},
      {"561",
       "Date of the decision that the child should be placed for adoption this year is the same "
       "as that recorded last year but records show that the decision changed, and the child "
       "should no longer be placed for adoption last year.",
       {"DATE_PLACED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r561,
       {T::kPlacedAdoption}},
      {"584",
       "Date of decision that the child should be placed for adoption this year is different "
       "from that recorded last year, but the decision to placed the child for adoption changed "
       "and the child should no longer be placed for adoption.",
       {"DATE_PLACED"},
       {T::kPlacedAdoption},
       kAny,
       kOpen,
       r584,
       {T::kPlacedAdoption}},
  };
}

}  // namespace hearth::returns
