#include "hearth/metrics/caseload_figures.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace hearth::metrics {
namespace {

bool open_on(core::Date start, const std::optional<core::Date>& end, core::Date on) {
  return start <= on && (!end || *end > on);
}

size_t age_band(const domain::Child& child, core::Date on) {
  if (!child.date_of_birth || *child.date_of_birth > on) return 0;
  const int age = on.years_since(*child.date_of_birth);
  if (age < 1) return 0;
  if (age < 5) return 1;
  if (age < 10) return 2;
  if (age < 16) return 3;
  return 4;
}

template <typename T>
std::vector<T> of_kind(const std::vector<store::Record>& records) {
  std::vector<T> out;
  out.reserve(records.size());
  for (const auto& record : records) out.push_back(std::get<T>(record));
  return out;
}

}  // namespace

core::Result<CaseloadInput> load_caseload_input(store::Store& store, std::string_view la_code) {
  CaseloadInput input;
  auto load = [&](domain::RecordKind kind) { return store.load_all(kind, la_code); };
  auto children = load(domain::RecordKind::kChild);
  if (!children) return children.error();
  input.children = of_kind<domain::Child>(*children);
  auto referrals = load(domain::RecordKind::kReferral);
  if (!referrals) return referrals.error();
  input.referrals = of_kind<domain::Referral>(*referrals);
  auto cin_plans = load(domain::RecordKind::kCinPlan);
  if (!cin_plans) return cin_plans.error();
  input.cin_plans = of_kind<domain::CinPlan>(*cin_plans);
  auto plans = load(domain::RecordKind::kProtectionPlan);
  if (!plans) return plans.error();
  input.protection_plans = of_kind<domain::ProtectionPlan>(*plans);
  auto episodes = load(domain::RecordKind::kLookedAfterEpisode);
  if (!episodes) return episodes.error();
  input.episodes = of_kind<domain::LookedAfterEpisode>(*episodes);
  return input;
}

CaseloadFigures caseload_figures(const CaseloadInput& input, core::Date on) {
  CaseloadFigures out;
  out.on = on;
  std::map<std::string, std::array<bool, kGroups>> in_group;  // by child id
  for (const auto& r : input.referrals) {
    if (open_on(r.referral_date, r.closure_date, on)) in_group[r.child_id][kInNeed] = true;
  }
  for (const auto& p : input.cin_plans) {
    if (open_on(p.start_date, p.end_date, on)) in_group[p.child_id][kCinPlan] = true;
  }
  for (const auto& p : input.protection_plans) {
    if (open_on(p.start_date, p.end_date, on)) in_group[p.child_id][kProtectionPlan] = true;
  }
  for (const auto& e : input.episodes) {
    if (open_on(e.start_date, e.end_date, on)) in_group[e.child_id][kLookedAfter] = true;
  }
  static constexpr const char* kBands[] = {"Under 1", "1 to 4", "5 to 9", "10 to 15",
                                           "16 and over"};
  for (const char* band : kBands) out.by_age.push_back({band, {}});
  const std::vector<std::pair<std::string, std::string>> sexes = {
      {"F", "Female"}, {"M", "Male"}, {"U", "Not known or unborn"}};
  for (const auto& [code, name] : sexes) out.by_sex.push_back({name, {}});
  for (const auto& child : input.children) {
    ++out.children_with_records;
    const auto found = in_group.find(child.id);
    if (found == in_group.end()) continue;
    const size_t band = age_band(child, on);
    size_t sex = 2;
    if (child.sex == "F") sex = 0;
    if (child.sex == "M") sex = 1;
    for (int group = 0; group < kGroups; ++group) {
      if (!found->second[group]) continue;
      ++out.totals[group];
      ++out.by_age[band].counts[group];
      ++out.by_sex[sex].counts[group];
    }
  }
  // Referrals in the year, and re-referrals: within 12 months of the child's previous one.
  std::map<std::string, std::vector<core::Date>> by_child;
  for (const auto& r : input.referrals) by_child[r.child_id].push_back(r.referral_date);
  const core::Date year_ago = on.add_years(-1);
  for (auto& [child, dates] : by_child) {
    std::sort(dates.begin(), dates.end());
    for (size_t i = 0; i < dates.size(); ++i) {
      if (dates[i] <= year_ago || dates[i] > on) continue;
      ++out.referrals_in_year;
      if (i > 0 && dates[i - 1].add_years(1) >= dates[i]) ++out.re_referrals_in_year;
    }
  }
  return out;
}

std::string shown(int64_t count) {
  if (count > 0 && count < kSuppressBelow) return "c";
  std::string digits = std::to_string(count);
  std::string out;
  const size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first);
  for (size_t i = first; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
  return out;
}

}  // namespace hearth::metrics

namespace hearth::metrics {

std::vector<std::string> shown_with_secondary(const std::vector<int64_t>& cells) {
  std::vector<std::string> out;
  size_t hidden = 0;
  for (const int64_t cell : cells) {
    out.push_back(shown(cell));
    if (out.back() == "c") ++hidden;
  }
  if (hidden == 1) {
    size_t smallest = cells.size();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (out[i] == "c" || cells[i] == 0) continue;
      if (smallest == cells.size() || cells[i] < cells[smallest]) smallest = i;
    }
    if (smallest < cells.size()) out[smallest] = "c";
  }
  return out;
}

std::string re_referral_percent_shown(const CaseloadFigures& figures) {
  const int64_t again = figures.re_referrals_in_year;
  const int64_t first_time = figures.referrals_in_year - again;
  if (figures.referrals_in_year == 0 || shown(again) == "c" || shown(first_time) == "c") {
    return "c";
  }
  return fmt::format("{:.0f}%", 100.0 * static_cast<double>(again) /
                                    static_cast<double>(figures.referrals_in_year));
}

}  // namespace hearth::metrics
