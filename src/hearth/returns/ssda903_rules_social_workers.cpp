// SSDA903 rules on social worker episodes (the SWEpisodes table, from 2023-24): each episode's
// items, a child's episodes against each other, against the child's care (Episodes) and against
// last year's return. Source and conventions as in ssda903_rules.hpp; each rule's logic follows
// the open-source validator's (data-to-insight/csc-validator-be-903, lac_validator/rules: the
// lac2023_24 files, with their lac2024_25 and lac2025_26 replacements as year variants), except
// where its code and the DfE's wording differ, which is said at the rule. SW09STG2 and SW10STG2
// are in ssda903_rules.cpp.
//
// Years. The validator's rule list for 2024-25 (903_2024_25_rule_info.csv, Hearth's source) has
// every rule here. A later version of its 2024-25 registry deletes SW01STG1, SW03STG1, SW14STG2,
// SW15STG2 and SW16a-cSTG2 (SW01a/bSTG1 take SW01's and SW03's place); its 2025-26 registry adds
// none of them back (one stored version deletes SW16aSTG2 and SW16cSTG2, the other, with the
// entries taken out, nothing, as it must once 2024-25 has deleted them). So those rules run to
// 2024-25 and not in 2025-26.
//
// 2025-26 adds SW10aSTG2, SW10bSTG2 and SW17-SW19STG2 (lac2025_26; no rule list of that year
// is published in the validator's repository, so their messages are its rule definitions').
//
// The social worker reporting period begins with the collection year in 2023-24, and from 2024-25
// a year before it (1 April 2024 for 2025-26).
#include <iterator>
#include <set>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;
namespace codes = domain::codes;

// The validator subtracts an average year (365.24 days) from 1 April, which moves its boundary by
// a day in some years; Hearth takes 1 April.
Date reporting_period_start(const Ssda903Context& c) {
  return c.files.year <= 2024 ? c.start : c.start.add_years(-1);
}

// Looked after on 31 March: an episode without an end date, other than a short break (V3, V4).
bool open_at_end(std::string_view dec, std::string_view ls) {
  return dec.empty() && !in(ls, {"V3", "V4"});
}

// The children looked after on 31 March.
std::set<std::string_view> looked_after_at_end(const Ssda903Context& c) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), dec(t, "DEC"), ls(t, "LS");
  std::set<std::string_view> out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (open_at_end(dec(r), ls(r))) out.insert(child(r));
  }
  return out;
}

// Each child's social worker episodes in SW_DECOM order.
std::map<std::string_view, std::vector<std::pair<Date, size_t>>> sw_episodes_by_child(
    const CsvTable& t) {
  return by_child_and_date(t, "SW_DECOM");
}

// SW01STG1: a child looked after on 31 March whose social worker episodes give no SW_ID, no
// SW_DECOM or (2023-24) no SW_REASON. As the DfE states it, at least one of each among the
// child's episodes; the validator's code fails the child when any one episode lacks one (which is
// SW03STG1's).
void no_social_worker(const Ssda903Context& c, Out& out, bool reason_too) {
  const CsvTable& sw = c.table(T::kSwEpisodes);
  const Column who(sw, "CHILD"), id(sw, "SW_ID"), decom(sw, "SW_DECOM"), reason(sw, "SW_REASON");
  std::set<std::string_view> with_id, with_start, with_reason;
  for (size_t r = 0; r < sw.rows.size(); ++r) {
    if (!id(r).empty()) with_id.insert(who(r));
    if (!decom(r).empty()) with_start.insert(who(r));
    if (!reason(r).empty()) with_reason.insert(who(r));
  }
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), dec(t, "DEC"), ls(t, "LS");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    if (!open_at_end(dec(r), ls(r))) return false;
    return !with_id.contains(child(r)) || !with_start.contains(child(r)) ||
           (reason_too && !with_reason.contains(child(r)));
  });
}

// SW02STG1; from 2025-26 the ID must also be at least 4 characters long.
void sw_id_prefix(const Ssda903Context& c, Out& out, size_t shortest) {
  const Column id(c.table(T::kSwEpisodes), "SW_ID");
  each_row(c, out, T::kSwEpisodes, [&](size_t r) {
    const auto v = id(r);
    return !(v.starts_with("SW") || v.starts_with("XX")) || v.size() < shortest;
  });
}

// SW108STG2, SW14STG2: an episode without an end date that is not the child's last.
void open_before_last(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column dec(t, "SW_DEC");
  for (const auto& [child, rows] : sw_episodes_by_child(t)) {
    for (size_t i = 0; i + 1 < rows.size(); ++i) {
      if (dec(rows[i].second).empty()) fail(c, out, T::kSwEpisodes, rows[i].second);
    }
  }
}

// SW13STG1 from 2024-25: as 2023-24, except that the child's first episode of the year (the last
// one begun before the year when it was still open on 1 April, else the first begun in the year)
// may have no reason.
void sw13(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column reason(t, "SW_REASON"), dec(t, "SW_DEC");
  std::set<size_t> may_be_blank;
  for (const auto& [child, rows] : sw_episodes_by_child(t)) {
    auto first_this_year =
        std::find_if(rows.begin(), rows.end(), [&](const auto& e) { return e.first >= c.start; });
    std::optional<size_t> first;
    if (first_this_year != rows.begin()) {
      const size_t before = std::prev(first_this_year)->second;
      auto ended = uk_date(dec(before));
      if (!ended || *ended >= c.start) first = before;
    }
    if (!first && first_this_year != rows.end()) first = first_this_year->second;
    if (first) may_be_blank.insert(*first);
  }
  const int year = c.files.year;
  each_row(c, out, T::kSwEpisodes, [&](size_t r) {
    const auto v = reason(r);
    return v.empty() ? !may_be_blank.contains(r)
                     : !codes::social_worker_change_reason().valid_in(v, year);
  });
}

// SW16a-cSTG2: the child's first episode this year against last year's latest, when that one
// was still open at the year's end, by one column (SW_DECOM compared as dates).
void differs_from_last_year(const Ssda903Context& c, Out& out, std::string_view column) {
  const CsvTable& last = c.previous(T::kSwEpisodes);
  const Column last_value(last, column), last_end(last, "SW_DEC");
  const auto last_episodes = sw_episodes_by_child(last);
  const CsvTable& now = c.table(T::kSwEpisodes);
  const Column value(now, column), now_end(now, "SW_DEC");
  for (const auto& [child, rows] : sw_episodes_by_child(now)) {
    auto found = last_episodes.find(child);
    if (found == last_episodes.end()) continue;
    const auto& [last_start, latest] = found->second.back();
    if (!last_end(latest).empty()) continue;  // closed last year: nothing to carry on
    // This year's episode open on 1 April, else its first begun in the year: the reporting
    // period may reach back before the year, so the earliest row need not be the carried one.
    auto carried = std::find_if(rows.begin(), rows.end(), [&](const auto& e) {
      auto ended = uk_date(now_end(e.second));
      return e.first <= c.start && (!ended || *ended >= c.start);
    });
    if (carried == rows.end()) {
      carried =
          std::find_if(rows.begin(), rows.end(), [&](const auto& e) { return e.first >= c.start; });
    }
    if (carried == rows.end()) continue;
    const auto& [start, first] = *carried;
    const bool same =
        column == "SW_DECOM" ? start == last_start : value(first) == last_value(latest);
    if (!same) fail(c, out, T::kSwEpisodes, first);
  }
}

void sw01_before_2025(const Ssda903Context& c, Out& out) {
  no_social_worker(c, out, true);
}
void sw01(const Ssda903Context& c, Out& out) {
  no_social_worker(c, out, false);
}
// A blank ID does not begin with SW or XX: it fails, as in the validator.
void sw02_before_2026(const Ssda903Context& c, Out& out) {
  sw_id_prefix(c, out, 0);
}
void sw02(const Ssda903Context& c, Out& out) {
  sw_id_prefix(c, out, 4);
}
void sw03(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column id(t, "SW_ID"), decom(t, "SW_DECOM"), reason(t, "SW_REASON");
  each_row(c, out, T::kSwEpisodes,
           [&](size_t r) { return id(r).empty() || decom(r).empty() || reason(r).empty(); });
}
// Until 2025-26 the validator also took ZZ/ZZ/ZZZZ placeholders (632's convention) for a date;
// the DfE's wording, and its 2025-26 code, do not.
void sw04(const Ssda903Context& c, Out& out) {
  valid_date(c, out, T::kSwEpisodes, "SW_DECOM", true);
}
// The message names the start date; the rule is on SW_DEC, as the DfE lists it. A blank end
// date is an episode still open (SW17STG2 from 2025-26 wants the last one open), though the
// validator's 2025-26 code fails it.
void sw05(const Ssda903Context& c, Out& out) {
  valid_date(c, out, T::kSwEpisodes, "SW_DEC", false);
}
void sw06(const Ssda903Context& c, Out& out) {
  date_after(c, out, T::kSwEpisodes, "SW_DECOM", c.end);
}
void sw07(const Ssda903Context& c, Out& out) {
  const Date from = reporting_period_start(c);
  const Column dec(c.table(T::kSwEpisodes), "SW_DEC");
  each_row(c, out, T::kSwEpisodes, [&](size_t r) {
    auto ended = uk_date(dec(r));
    return ended && (*ended < from || *ended > c.end);
  });
}
// As the DfE words it: the child's last episode ended before 31 March. The validator's code
// instead wants each episode to start the day the one before it ended, and compares a child's
// first episode with the previous child's last.
void sw11(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column dec(t, "SW_DEC");
  for (const auto& [child, rows] : sw_episodes_by_child(t)) {
    const size_t last = rows.back().second;
    auto ended = uk_date(dec(last));
    if (ended && *ended < c.end) fail(c, out, T::kSwEpisodes, last);
  }
}
// The validator's code for this rule does not run in 2023-24 and in 2024-25 fails an open episode
// that carries on a period of care; Hearth reads the DfE's wording: the social worker episodes of
// a child looked after on 31 March reach back to the start of the reporting period, or to the
// start of the child's care when that is later. The child's earliest episode fails; a child with
// no dated episode is not judged.
void sw12(const Ssda903Context& c, Out& out) {
  const auto looked_after = looked_after_at_end(c);
  const CsvTable& e = c.table(T::kEpisodes);
  const Column who(e, "CHILD"), decom(e, "DECOM"), ls(e, "LS");
  std::map<std::string_view, Date> care_began;
  for (size_t r = 0; r < e.rows.size(); ++r) {
    auto began = uk_date(decom(r));
    if (!began || in(ls(r), {"V3", "V4"})) continue;
    auto [it, added] = care_began.emplace(who(r), *began);
    if (!added && *began < it->second) it->second = *began;
  }
  const Date period = reporting_period_start(c);
  for (const auto& [child, rows] : sw_episodes_by_child(c.table(T::kSwEpisodes))) {
    if (!looked_after.contains(child)) continue;
    Date from = period;
    if (auto began = care_began.find(child); began != care_began.end() && began->second > from) {
      from = began->second;
    }
    if (rows.front().first > from) fail(c, out, T::kSwEpisodes, rows.front().second);
  }
}
void sw13_before_2025(const Ssda903Context& c, Out& out) {
  code_in(c, out, T::kSwEpisodes, "SW_REASON", codes::social_worker_change_reason(), true);
}
// An episode begun before the reporting period may have no reason; one whose start is not a
// date is SW04's. (A child's first social worker has one too: FCONTA, first contact.)
void sw15(const Ssda903Context& c, Out& out) {
  const Date from = reporting_period_start(c);
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column reason(t, "SW_REASON"), decom(t, "SW_DECOM");
  each_row(c, out, T::kSwEpisodes, [&](size_t r) {
    auto began = uk_date(decom(r));
    return reason(r).empty() && began && *began >= from;
  });
}

// An episode not begun for a first contact starts more than 7 days either side of the day the
// one before it ended. When the one before has no end date (SW108STG2's failure) there is no day
// to compare with: the validator's code fails it, Hearth does not.
void sw10a(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column reason(t, "SW_REASON"), dec(t, "SW_DEC");
  for (const auto& [child, rows] : sw_episodes_by_child(t)) {
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& [start, row] = rows[i];
      auto previous_end = uk_date(dec(rows[i - 1].second));
      if (reason(row) == "FCONTA" || !previous_end) continue;
      const int gap = previous_end->days_until(start);
      if (gap > 7 || gap < -7) fail(c, out, T::kSwEpisodes, row);
    }
  }
}
// The validator's code (and the DfE's condition) also fails a first contact on the day the one
// before ended; the message says before it ended, which Hearth follows.
void sw10b(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column reason(t, "SW_REASON"), dec(t, "SW_DEC");
  for (const auto& [child, rows] : sw_episodes_by_child(t)) {
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& [start, row] = rows[i];
      auto previous_end = uk_date(dec(rows[i - 1].second));
      if (reason(row) == "FCONTA" && previous_end && start < *previous_end) {
        fail(c, out, T::kSwEpisodes, row);
      }
    }
  }
}
// The child's last episode has ended by 31 March. An end date after it leaves the episode open on
// the day (SW07STG2 reports the date), and one that is not a date is SW05STG1's; the validator's
// code fails any end date.
void sw17(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kSwEpisodes);
  const Column dec(t, "SW_DEC");
  for (const auto& [child, rows] : sw_episodes_by_child(t)) {
    const size_t last = rows.back().second;
    auto ended = uk_date(dec(last));
    if (ended && *ended <= c.end) fail(c, out, T::kSwEpisodes, last);
  }
}
// Strictly before, as the message says: the validator's code (SW_DEC must be after SW_DECOM) also
// fails an episode ending the day it began, which is SW09STG2's.
void sw18(const Ssda903Context& c, Out& out) {
  ends_before_start(c, out, T::kSwEpisodes, "SW_DECOM", "SW_DEC");
}
// The second and later episodes of a child to start on one day.
void sw19(const Ssda903Context& c, Out& out) {
  for (const auto& [child, rows] : sw_episodes_by_child(c.table(T::kSwEpisodes))) {
    for (size_t i = 1; i < rows.size(); ++i) {
      if (rows[i].first == rows[i - 1].first) fail(c, out, T::kSwEpisodes, rows[i].second);
    }
  }
}

}  // namespace

std::vector<Ssda903Rule> ssda903_social_worker_rules() {
  return {
      {"SW01STG1",
       "Child looked after on 31 March, but no social worker episode information is reported",
       {"DEC"},
       {T::kEpisodes, T::kSwEpisodes},
       2024,
       2024,
       sw01_before_2025},
      {"SW01STG1",
       "Child looked after on 31 March, but no social worker episode information is reported",
       {"DEC"},
       {T::kEpisodes, T::kSwEpisodes},
       2025,
       2025,
       sw01},
      {"SW02STG1",
       "Social worker ID does not begin with the characters \u2018SW\u2019 or \u2018XX\u2019.",
       {"SW_ID"},
       {T::kSwEpisodes},
       2024,
       2025,
       sw02_before_2026},
      {"SW02STG1",
       "Social worker ID does not begin with the characters \u2018SW\u2019 or \u2018XX\u2019.",
       {"SW_ID"},
       {T::kSwEpisodes},
       2026,
       kOpen,
       sw02},
      {"SW03STG1",
       "For each social worker episode, information should be complete.",
       {"SW_DECOM", "SW_ID", "SW_REASON"},
       {T::kSwEpisodes},
       2024,
       2025,
       sw03},
      {"SW04STG1",
       "Date social worker episode began is not a valid date..",
       {"SW_DECOM"},
       {T::kSwEpisodes},
       2024,
       kOpen,
       sw04},
      {"SW05STG1",
       "Date social worker episode began is not a valid date.",
       {"SW_DEC"},
       {T::kSwEpisodes},
       2024,
       kOpen,
       sw05},
      {"SW06STG2",
       "Social worker episode data should be within the social worker data reporting year.",
       {"SW_DECOM"},
       {T::kSwEpisodes},
       2024,
       kOpen,
       sw06},
      {"SW07STG2",
       "Social worker episode end date should be on or after the start of the social worker "
       "reporting period, and should be on or before the collection end date.",
       {"SW_DEC"},
       {T::kSwEpisodes},
       2024,
       kOpen,
       sw07},
      {"SW108STG2",
       "A new social worker episode has started, but the previous episode has not ended.",
       {"SW_DEC"},
       {T::kSwEpisodes},
       2024,
       kOpen,
       open_before_last},
      {"SW11STG2",
       "Social worker episode has ended before 31 March and no subsequent social worker episode "
       "has been provided.",
       {"SW_DEC"},
       {T::kSwEpisodes},
       2024,
       kOpen,
       sw11},
      {"SW12STG2",
       "If a child is looked after on 31 March then all social worker episodes for the full "
       "previous year should be reported, even those whilst they were not looked after",
       {"SW_DECOM"},
       {T::kEpisodes, T::kSwEpisodes},
       2024,
       kOpen,
       sw12},
      {"SW13STG1",
       "The reason for social worker change is either not valid or has not been entered.",
       {"SW_REASON"},
       {T::kSwEpisodes},
       2024,
       2024,
       sw13_before_2025},
      {"SW13STG1",
       "The reason for social worker change is either not valid or has not been entered.",
       {"SW_REASON"},
       {T::kSwEpisodes},
       2025,
       kOpen,
       sw13},
      // The same test as SW108STG2's, as the validator has it.
      {"SW14STG2",
       "Social worker episode date ceased is blank.",
       {"SW_DEC"},
       {T::kSwEpisodes},
       2024,
       2025,
       open_before_last},
      {"SW15STG2",
       "Reason for social worker change is missing.",
       {"SW_REASON"},
       {T::kSwEpisodes},
       2025,
       2025,
       sw15},
      // Last year's return (previous/). SW16a's message is SW16c's, as the rule list has it.
      {"SW16aSTG2",
       "The social worker reason episode changed does not match the open episode at the end of "
       "last year.",
       {"SW_ID"},
       {T::kSwEpisodes},
       2025,
       2025,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "SW_ID"); },
       {T::kSwEpisodes}},
      {"SW16bSTG2",
       "The social worker episode start date does not match the open episode at the end of last "
       "year.",
       {"SW_DECOM"},
       {T::kSwEpisodes},
       2025,
       2025,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "SW_DECOM"); },
       {T::kSwEpisodes}},
      {"SW16cSTG2",
       "The social worker reason episode changed does not match the open episode at the end of "
       "last year.",
       {"SW_REASON"},
       {T::kSwEpisodes},
       2025,
       2025,
       [](const Ssda903Context& c, Out& out) { differs_from_last_year(c, out, "SW_REASON"); },
       {T::kSwEpisodes}},
      {"SW10aSTG2",
       "A new social worker episode has started and it is not within +/- 7 days of a previous "
       "episode.",
       {"SW_DECOM"},
       {T::kSwEpisodes},
       2026,
       kOpen,
       sw10a},
      {"SW10bSTG2",
       "A new social worker episode has started with a reason of first contact before the "
       "previous episode has ended.",
       {"SW_DECOM", "SW_REASON"},
       {T::kSwEpisodes},
       2026,
       kOpen,
       sw10b},
      {"SW17STG2",
       "There is no social worker episode open at 31 March",
       {"SW_DEC"},
       {T::kSwEpisodes},
       2026,
       kOpen,
       sw17},
      {"SW18STG2",
       "The end date of the social worker episode is before the start date",
       {"SW_DEC", "SW_DECOM"},
       {T::kSwEpisodes},
       2026,
       kOpen,
       sw18},
      {"SW19STG2",
       "There are 2 social worker episodes for the child starting on the same date.",
       {"SW_DEC", "SW_DECOM"},
       {T::kSwEpisodes},
       2026,
       kOpen,
       sw19},
  };
}

}  // namespace hearth::returns
