#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "hearth/synth/synth.hpp"

namespace hearth::synth {

Summary summarise(const Dataset& dataset, const Options& options) {
  Summary s;
  const double per10k = dataset.authority.children > 0 ? 10000.0 / dataset.authority.children : 0;
  const double years = std::max(1, options.years);
  const core::Date end = options.end;
  const core::Date year_start = end.add_years(-1).add_days(1);
  const core::Date window_start = end.add_years(-options.years).add_days(1);
  s.children_population = dataset.authority.children;
  s.children_with_records = static_cast<int64_t>(dataset.children.size());
  s.referrals_per_10k_per_year = dataset.referrals.size() * per10k / years;

  // Re-referrals: a referral within 12 months of the same child's previous one.
  std::unordered_map<std::string, core::Date> last;
  int64_t repeats = 0;
  std::vector<const domain::Referral*> referrals;
  for (const auto& r : dataset.referrals) referrals.push_back(&r);
  std::sort(referrals.begin(), referrals.end(),
            [](auto* a, auto* b) { return a->referral_date < b->referral_date; });
  for (const auto* r : referrals) {
    auto found = last.find(r->child_id);
    if (found != last.end() && found->second.add_years(1) >= r->referral_date) ++repeats;
    last[r->child_id] = r->referral_date;
  }
  s.re_referral_percent = referrals.empty() ? 0 : 100.0 * repeats / referrals.size();
  s.section47_per_10k_per_year = dataset.section47_enquiries.size() * per10k / years;
  s.plans_started_per_10k_per_year = dataset.protection_plans.size() * per10k / years;
  for (const auto& plan : dataset.protection_plans) {
    if (!plan.end_date || *plan.end_date > end) ++s.plans_open_at_end;
  }

  std::unordered_set<std::string> at_end;
  std::unordered_map<std::string, int> placements_in_year;
  std::unordered_set<std::string> started;
  for (const auto& episode : dataset.episodes) {
    if (!episode.end_date || *episode.end_date > end) at_end.insert(episode.child_id);
    if (episode.reason_new_episode == "S" && episode.start_date >= window_start) {
      started.insert(episode.id);
    }
    const bool in_year =
        episode.start_date <= end && (!episode.end_date || *episode.end_date >= year_start);
    if (in_year) {
      auto& count = placements_in_year[episode.child_id];
      if (episode.start_date < year_start || episode.reason_new_episode == "S" ||
          episode.reason_new_episode == "P" || episode.reason_new_episode == "B" ||
          episode.reason_new_episode == "T" || episode.reason_new_episode == "U") {
        ++count;
      }
    }
  }
  s.looked_after_at_end = static_cast<int64_t>(at_end.size());
  s.looked_after_per_10k_at_end = at_end.size() * per10k;
  s.started_care_per_10k_per_year = started.size() * per10k / years;
  int64_t three_plus = 0;
  for (const auto& [child, count] : placements_in_year) three_plus += count >= 3 ? 1 : 0;
  s.three_plus_placements_percent =
      placements_in_year.empty() ? 0 : 100.0 * three_plus / placements_in_year.size();
  s.agency_records = static_cast<int64_t>(dataset.agency_records.size());
  return s;
}

}  // namespace hearth::synth
