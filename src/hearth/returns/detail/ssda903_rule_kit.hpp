// What the SSDA903 rules are written with (ssda903_rules*.cpp): the context a rule runs in,
// reading a table's values, recording a failure, and the shapes many rules share.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "hearth/core/date.hpp"
#include "hearth/domain/codes.hpp"
#include "hearth/returns/detail/column.hpp"
#include "hearth/returns/ssda903_rules.hpp"

namespace hearth::returns {

// What rules derive from the files and share, made the first time a rule asks. The rules run on
// several threads (validate_ssda903), so each is made once, whichever thread asks first.
struct Ssda903Derived {
  std::once_flag current_once, previous_once;
  std::vector<PlacementPlace> current_places, previous_places;
};

struct Ssda903Context {
  const Ssda903Files& files;
  const Ssda903Rule* rule = nullptr;
  core::Date start;                             // 1 April of year - 1
  core::Date end;                               // 31 March of year
  const Ssda903Reference* reference = nullptr;  // never null while a rule runs
  Ssda903Derived* derived = nullptr;            // never null while a rule runs

  const CsvTable& table(Ssda903Table t) const { return files.current.at(t); }
  // Last year's table (a rule that reads one names it in previous_tables).
  const CsvTable& previous(Ssda903Table t) const { return files.previous.at(t); }

  // PL_LA, PL_LOCATION and PL_DISTANCE of row `row` of this year's Episodes, or of last year's
  // (judged against this year's authority, as the DfE's validator does). Only for rules that
  // need kPostcodes.
  const PlacementPlace& place(size_t row, bool last_year = false) const {
    auto& places = last_year ? derived->previous_places : derived->current_places;
    std::call_once(last_year ? derived->previous_once : derived->current_once, [&] {
      const CsvTable& t =
          last_year ? previous(Ssda903Table::kEpisodes) : table(Ssda903Table::kEpisodes);
      const auto home = t.column("HOME_POST"), placed = t.column("PL_POST");
      places.reserve(t.rows.size());
      for (const auto& cells : t.rows) {
        places.push_back(placement_place(*reference, home ? core::trim(cells[*home]) : "",
                                         placed ? core::trim(cells[*placed]) : ""));
      }
    });
    return places.at(row);
  }
  // Ofsted's registration at `urn`, or none (also for a blank URN and XXXXXXX). Only for rules
  // that need kProviders.
  const RegisteredProvider* provider(std::string_view urn) const {
    return reference->providers ? reference->providers->find(urn) : nullptr;
  }
};

namespace detail {

using core::Date;
using T = Ssda903Table;
using Out = std::vector<RuleFailure>;

// Collection years a rule applies to: from the first return, to no last one yet.
inline constexpr int kAny = 0;
inline constexpr int kOpen = 9999;

inline std::optional<Date> uk_date(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto d = Date::parse_uk(text);
  return d ? std::optional<Date>(*d) : std::nullopt;
}

// Records a failure of the rule being run on `row` of `table`, naming the rule's fields that
// the table has.
inline void fail(const Ssda903Context& c, Out& out, T table, size_t row) {
  const CsvTable& t = c.table(table);
  RuleFailure f;
  f.rule = c.rule->code;
  f.table = ssda903_layout(table).name;
  f.file = t.file;
  f.line = row < t.lines.size() ? t.lines[row] : static_cast<int64_t>(row) + 2;
  if (auto child = t.column("CHILD")) f.child = std::string(core::trim(t.rows[row][*child]));
  for (std::string_view field : c.rule->fields) {
    if (t.column(field)) f.fields.push_back(field);
  }
  out.push_back(std::move(f));
}

// ------------------------------------------------------------------ shapes many rules share

// The column holds a code of `set` valid in the year (blank fails when `required`).
inline void code_in(const Ssda903Context& c, Out& out, T table, std::string_view column,
                    const domain::CodeSet& set, bool required) {
  const CsvTable& t = c.table(table);
  const Column value(t, column);
  const int year = c.files.year;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto v = value(r);
    if (v.empty() ? required : !set.valid_in(v, year)) fail(c, out, table, r);
  }
}

// The column holds a dd/mm/YYYY date (blank fails when `required`).
inline void valid_date(const Ssda903Context& c, Out& out, T table, std::string_view column,
                       bool required) {
  const CsvTable& t = c.table(table);
  const Column value(t, column);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto v = value(r);
    if (v.empty() ? required : !uk_date(v)) fail(c, out, table, r);
  }
}

// The column's date is after `limit` (a blank or bad date is another rule's business).
inline void date_after(const Ssda903Context& c, Out& out, T table, std::string_view column,
                       Date limit) {
  const CsvTable& t = c.table(table);
  const Column value(t, column);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto d = uk_date(value(r));
    if (d && *d > limit) fail(c, out, table, r);
  }
}

// Both dates are there and `to` is before `from`.
inline void ends_before_start(const Ssda903Context& c, Out& out, T table,
                              std::string_view from_column, std::string_view to_column) {
  const CsvTable& t = c.table(table);
  const Column from_value(t, from_column), to_value(t, to_column);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto from = uk_date(from_value(r));
    auto to = uk_date(to_value(r));
    if (from && to && *to < *from) fail(c, out, table, r);
  }
}

// The children of the Header, by CHILD.
inline std::unordered_map<std::string_view, size_t> header_rows(const Ssda903Context& c) {
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD");
  std::unordered_map<std::string_view, size_t> out;
  for (size_t r = 0; r < h.rows.size(); ++r) out.emplace(child(r), r);
  return out;
}

// Every CHILD of `table` is in the Header.
inline void child_in_header(const Ssda903Context& c, Out& out, T table) {
  const auto header = header_rows(c);
  const CsvTable& t = c.table(table);
  const Column child(t, "CHILD");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (!header.contains(child(r))) fail(c, out, table, r);
  }
}

// Each CHILD once in `table`: the second and later rows fail.
inline void child_once(const Ssda903Context& c, Out& out, T table) {
  const CsvTable& t = c.table(table);
  const Column child(t, "CHILD");
  std::set<std::string_view> seen;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (!seen.insert(child(r)).second) fail(c, out, table, r);
  }
}

// A table's rows per child, in the order of a date column (rows whose date does not parse are
// left out: another rule reports them).
inline std::map<std::string_view, std::vector<std::pair<Date, size_t>>> by_child_and_date(
    const CsvTable& t, std::string_view date_column) {
  const Column child(t, "CHILD");
  const Column date(t, date_column);
  std::map<std::string_view, std::vector<std::pair<Date, size_t>>> out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (auto d = uk_date(date(r))) out[child(r)].emplace_back(*d, r);
  }
  for (auto& [id, rows] : out) std::sort(rows.begin(), rows.end());
  return out;
}

// Every value of `columns` is 0, 1 or blank.
inline void flags(const Ssda903Context& c, Out& out, T table,
                  std::initializer_list<std::string_view> columns) {
  const CsvTable& t = c.table(table);
  std::vector<Column> values;
  for (auto name : columns) values.emplace_back(t, name);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const bool bad = std::any_of(values.begin(), values.end(), [&](const Column& v) {
      return !v(r).empty() && v(r) != "0" && v(r) != "1";
    });
    if (bad) fail(c, out, table, r);
  }
}

// Two dates of one row on the same day: an episode that "lasted less than 24 hours".
inline void same_day(const Ssda903Context& c, Out& out, T table, std::string_view from_column,
                     std::string_view to_column) {
  const CsvTable& t = c.table(table);
  const Column from_value(t, from_column), to_value(t, to_column);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto from = uk_date(from_value(r));
    auto to = uk_date(to_value(r));
    if (from && to && *from == *to) fail(c, out, table, r);
  }
}

// A child's next row starts before the row before it ended.
inline void starts_before_previous_end(const Ssda903Context& c, Out& out, T table,
                                       std::string_view from_column, std::string_view to_column) {
  const CsvTable& t = c.table(table);
  const Column to(t, to_column);
  for (const auto& [child, rows] : by_child_and_date(t, from_column)) {
    for (size_t i = 1; i < rows.size(); ++i) {
      auto previous_end = uk_date(to(rows[i - 1].second));
      if (previous_end && rows[i].first < *previous_end) fail(c, out, table, rows[i].second);
    }
  }
}

// ------------------------------------------------------------------ small helpers

inline bool in(std::string_view value, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

// A URN of a placement Ofsted registers: neither blank nor the DfE's XXXXXXX (a placement
// Ofsted does not register, or one outside England).
inline bool urn_given(std::string_view urn) {
  return !urn.empty() && urn != "XXXXXXX";
}

// Children who are or were unaccompanied asylum-seekers: a row in this year's UASC table, or in
// last year's when it is given (Hearth's tables carry the status there, not in a Header column).
inline std::set<std::string_view> uasc_children(const Ssda903Context& c) {
  std::set<std::string_view> out;
  auto add = [&](const CsvTable& t) {
    const Column child(t, "CHILD");
    for (size_t r = 0; r < t.rows.size(); ++r) out.insert(child(r));
  };
  add(c.table(Ssda903Table::kUasc));
  if (c.files.previous.contains(Ssda903Table::kUasc)) add(c.previous(Ssda903Table::kUasc));
  return out;
}

// Placements T0-T4: temporary, while the usual one goes on.
inline bool temporary(std::string_view place) {
  return in(place, {"T0", "T1", "T2", "T3", "T4"});
}

// Each row of `table` for which `failing(row)` holds fails.
template <typename F>
void each_row(const Ssda903Context& c, Out& out, T table, F&& failing) {
  const size_t rows = c.table(table).rows.size();
  for (size_t r = 0; r < rows; ++r) {
    if (failing(r)) fail(c, out, table, r);
  }
}

// The Header's date of birth of each child (a child whose DOB does not parse is left out).
inline std::unordered_map<std::string_view, Date> header_births(const Ssda903Context& c) {
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), dob(h, "DOB");
  std::unordered_map<std::string_view, Date> out;
  for (size_t r = 0; r < h.rows.size(); ++r) {
    if (auto d = uk_date(dob(r))) out.emplace(child(r), *d);
  }
  return out;
}

// Each child's episodes in DECOM order, with their rows.
inline std::map<std::string_view, std::vector<std::pair<Date, size_t>>> episodes_by_child(
    const Ssda903Context& c) {
  return by_child_and_date(c.table(T::kEpisodes), "DECOM");
}

// The children a table names.
inline std::unordered_set<std::string_view> children(const CsvTable& t) {
  const Column child(t, "CHILD");
  std::unordered_set<std::string_view> out;
  for (size_t r = 0; r < t.rows.size(); ++r) out.insert(child(r));
  return out;
}

// The AD1 rows of adopters' legal status `status` whose sexes are not one of `sexes`.
inline void adopters_sexes(const Ssda903Context& c, Out& out, std::string_view status,
                           std::initializer_list<std::string_view> sexes) {
  const CsvTable& t = c.table(T::kAd1);
  const Column legal(t, "LS_ADOPTR"), sex(t, "SEX_ADOPTR");
  each_row(c, out, T::kAd1, [&](size_t r) { return legal(r) == status && !in(sex(r), sexes); });
}

// A closed episode of placement `place` that began before the child's `years`th birthday
// (371-374: open episodes are not judged, as in the validator).
inline void placed_too_young(const Ssda903Context& c, Out& out, std::string_view place, int years) {
  const auto births = header_births(c);
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), placement(t, "PLACE"), decom(t, "DECOM"), dec(t, "DEC");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    if (placement(r) != place || !uk_date(dec(r))) return false;
    auto start = uk_date(decom(r));
    auto birth = births.find(child(r));
    return start && birth != births.end() && *start < birth->second.add_years(years);
  });
}

}  // namespace detail

// Each file's part of the registry.
std::vector<Ssda903Rule> ssda903_placement_rules();
std::vector<Ssda903Rule> ssda903_history_rules();        // ssda903_rules_history.cpp
std::vector<Ssda903Rule> ssda903_episode_rules();        // ssda903_rules_episodes.cpp
std::vector<Ssda903Rule> ssda903_outcome_rules();        // ssda903_rules_outcomes.cpp
std::vector<Ssda903Rule> ssda903_adoption_rules();       // ssda903_rules_adoption.cpp
std::vector<Ssda903Rule> ssda903_missing_rules();        // ssda903_rules_missing.cpp
std::vector<Ssda903Rule> ssda903_social_worker_rules();  // ssda903_rules_social_workers.cpp
std::vector<Ssda903Rule> ssda903_postcode_rules();       // ssda903_rules_postcodes.cpp
std::vector<Ssda903Rule> ssda903_provider_rules();       // ssda903_rules_providers.cpp

}  // namespace hearth::returns
