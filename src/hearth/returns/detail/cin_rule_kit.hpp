// What the CIN census rules are written with (cin_rules_*.cpp): the context a rule runs in,
// reading a module's values, and recording a failure.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearth/core/calendar.hpp"
#include "hearth/core/date.hpp"
#include "hearth/returns/cin_rules.hpp"
#include "hearth/returns/detail/column.hpp"

namespace hearth::returns {
namespace detail {

// The rows of a module by the value of a column (LAchildID, CINdetailsID, AssessmentID, CPPID).
// Built once a validation for each (module, column) a rule asks for: CinContext::groups.
class Groups {
 public:
  Groups(const CsvTable& t, std::string_view column) {
    const Column key(t, column);
    for (size_t r = 0; r < t.rows.size(); ++r) rows_[key(r)].push_back(r);
  }
  const std::vector<size_t>& operator[](std::string_view key) const {
    static const std::vector<size_t> kNone;
    auto found = rows_.find(key);
    return found == rows_.end() ? kNone : found->second;
  }
  const auto& all() const { return rows_; }

 private:
  std::unordered_map<std::string_view, std::vector<size_t>> rows_;
};

}  // namespace detail

// The groupings rules share, made the first time a rule asks. The rules run on several threads
// (validate_cin_census), so the cache is read and filled under a lock.
struct CinGroupCache {
  std::mutex lock;
  std::map<std::pair<CinModule, std::string>, std::unique_ptr<detail::Groups>> groups;
};

struct CinContext {
  const CinCensus& census;
  const CinRule* rule = nullptr;
  core::Date start;  // 1 April of year - 1: the census year's first day
  core::Date end;    // 31 March of year: the ReferenceDate
  std::unordered_map<std::string_view, size_t> details_by_id;  // CINdetailsID: its row
  std::unordered_map<std::string_view, size_t> child_by_id;    // LAchildID: its first row
  CinGroupCache* group_cache = nullptr;                        // never null while a rule runs

  const CsvTable& table(CinModule m) const { return census.table(m); }
  // The rows of a module by a column's value.
  const detail::Groups& groups(CinModule m, std::string_view column) const {
    std::lock_guard held(group_cache->lock);
    auto& slot = group_cache->groups[{m, std::string(column)}];
    if (!slot) slot = std::make_unique<detail::Groups>(census.table(m), column);
    return *slot;  // a map's nodes stay where they are as others are added
  }
};

// The <Child> element (its ChildNumber) that the CINdetails `detail_id` is in, or "" for none:
// the child a rule means, which LAchildID is not for children given none, or one id twice.
inline std::string_view child_of_detail(const CinContext& c, std::string_view detail_id) {
  auto found = c.details_by_id.find(detail_id);
  if (found == c.details_by_id.end()) return {};
  const CsvTable& details = c.table(CinModule::kCinDetails);
  return details.rows[found->second][details.column("ChildNumber").value()];
}

namespace detail {

using core::Date;
using M = CinModule;
using Out = std::vector<RuleFailure>;

// Collection years a rule applies to: every year, to the last the census is read for.
inline constexpr int kAll = 2014;
inline constexpr int kLast = kLastCinCensusYear;

inline std::optional<Date> iso_date(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto d = Date::parse_iso(text);
  return d ? std::optional<Date>(*d) : std::nullopt;
}

// ReferralNFA and ICPCnotRequired: the schema allows true/false, TRUE/FALSE and 1/0.
inline bool is_yes(std::string_view v) {
  return v == "true" || v == "TRUE" || v == "1";
}
inline bool is_no(std::string_view v) {
  return v == "false" || v == "FALSE" || v == "0";
}

// A failure of the rule being run on `row` of `module`, naming the rule's fields.
inline void fail(const CinContext& c, Out& out, M module, size_t row) {
  const CsvTable& t = c.table(module);
  RuleFailure f;
  f.rule = c.rule->code;
  f.table = cin_module(module).name;
  f.file = t.file;
  f.line = row < t.lines.size() ? t.lines[row] : 0;
  if (auto child = t.column("LAchildID")) f.child = std::string(core::trim(t.rows[row][*child]));
  f.fields = c.rule->fields;
  out.push_back(std::move(f));
}

// A failure of the return as a whole (a proportion, a count), at the Header (or the file's
// first line, when it has none).
inline void fail_return(const CinContext& c, Out& out, M module) {
  const CsvTable& header = c.table(M::kHeader);
  RuleFailure f;
  f.rule = c.rule->code;
  f.table = cin_module(module).name;
  f.file = header.file;
  f.line = header.lines.empty() ? 1 : header.lines.front();
  f.fields = c.rule->fields;
  out.push_back(std::move(f));
}

// The CINdetails row a nested module's row belongs to.
inline std::optional<size_t> details_row(const CinContext& c, M module, size_t row) {
  const Column id(c.table(module), "CINdetailsID");
  auto found = c.details_by_id.find(id(row));
  if (found == c.details_by_id.end()) return std::nullopt;
  return found->second;
}

// The ChildIdentifiers row of a module's row's child.
inline std::optional<size_t> child_row(const CinContext& c, M module, size_t row) {
  const Column id(c.table(module), "LAchildID");
  auto found = c.child_by_id.find(id(row));
  if (found == c.child_by_id.end()) return std::nullopt;
  return found->second;
}

// A date of the CINdetails row that `row` of `module` belongs to.
inline std::optional<Date> details_date(const CinContext& c, M module, size_t row,
                                        std::string_view column) {
  auto d = details_row(c, module, row);
  if (!d) return std::nullopt;
  return iso_date(Column(c.table(M::kCinDetails), column)(*d));
}

// A date of the child of `row` of `module`.
inline std::optional<Date> child_date(const CinContext& c, M module, size_t row,
                                      std::string_view column) {
  auto r = child_row(c, module, row);
  if (!r) return std::nullopt;
  return iso_date(Column(c.table(M::kChildIdentifiers), column)(*r));
}

// `n` working days (England and Wales) before `date`: 31 March less 44 working days is where
// "more than 45 working days before the end of the census year" begins, counting 31 March.
inline Date working_days_before(Date date, int n) {
  static const core::WorkingDayCalendar calendar;
  Date d = date;
  int counted = 0;
  if (!calendar.is_working_day(d)) {
    while (!calendar.is_working_day(d)) d = d.add_days(-1);
    ++counted;  // the step back to a working day is the first
  }
  while (counted < n) {
    d = d.add_days(-1);
    if (calendar.is_working_day(d)) ++counted;
  }
  return d;
}

// Every row of `module` for which `failing(row)` holds fails.
template <typename F>
void each_row(const CinContext& c, Out& out, M module, F&& failing) {
  const size_t rows = c.table(module).rows.size();
  for (size_t r = 0; r < rows; ++r) {
    if (failing(r)) fail(c, out, module, r);
  }
}

// The module's date is outside the census year (a blank passes).
inline void date_outside_year(const CinContext& c, Out& out, M module, std::string_view column) {
  const Column value(c.table(module), column);
  each_row(c, out, module, [&](size_t r) {
    auto d = iso_date(value(r));
    return d && (*d < c.start || *d > c.end);
  });
}

// Each row of `module` whose date `column` is before its episode's referral date fails.
inline void before_referral(const CinContext& c, Out& out, M module, std::string_view column) {
  const Column value(c.table(module), column);
  each_row(c, out, module, [&](size_t r) {
    auto d = iso_date(value(r));
    auto referral = details_date(c, module, r, "CINreferralDate");
    return d && referral && *d < *referral;
  });
}

// Periods of one group (start, end; an open end runs to the census's end) that overlap: a row
// fails when it starts on or after another's start and on or before that one's end.
void overlapping(const CinContext& c, Out& out, M module, std::string_view group_column,
                 std::string_view start_column, std::string_view end_column);

}  // namespace detail

// Each file's part of the registry.
std::vector<CinRule> cin_child_rules();
std::vector<CinRule> cin_episode_rules();
std::vector<CinRule> cin_protection_rules();

}  // namespace hearth::returns
