#include "hearth/returns/cin_rules.hpp"

#include <algorithm>
#include <tuple>

#include "hearth/returns/detail/cin_rule_kit.hpp"
#include "hearth/returns/detail/rule_runner.hpp"

namespace hearth::returns {
namespace {

const std::vector<CinRule>& rules() {
  static const std::vector<CinRule> kRules = [] {
    std::vector<CinRule> all;
    for (auto part : {cin_child_rules(), cin_episode_rules(), cin_protection_rules()}) {
      all.insert(all.end(), part.begin(), part.end());
    }
    // By code, as the DfE lists them (numbers before the letters of Q rules).
    std::stable_sort(all.begin(), all.end(), [](const CinRule& a, const CinRule& b) {
      return std::make_tuple(std::stoi(std::string(a.code)), a.code) <
             std::make_tuple(std::stoi(std::string(b.code)), b.code);
    });
    return all;
  }();
  return kRules;
}

}  // namespace

std::span<const CinRule> cin_rules() {
  return rules();
}

std::vector<const CinRule*> cin_rules_for(int year) {
  std::vector<const CinRule*> out;
  for (const auto& rule : rules()) {
    if (year >= rule.first_year && year <= rule.last_year) out.push_back(&rule);
  }
  return out;
}

ValidationReport validate_cin_census(const CinCensus& census, size_t threads) {
  ValidationReport report;
  report.return_name = "CIN census";
  report.year = census.year;
  CinGroupCache group_cache;
  CinContext shared{census,
                    nullptr,
                    core::collection_year_start(census.year),
                    core::collection_year_end(census.year),
                    {},
                    {},
                    &group_cache};
  const detail::Column detail_id(census.table(CinModule::kCinDetails), "CINdetailsID");
  for (size_t r = 0; r < census.table(CinModule::kCinDetails).rows.size(); ++r) {
    shared.details_by_id.emplace(detail_id(r), r);
  }
  const detail::Column child_id(census.table(CinModule::kChildIdentifiers), "LAchildID");
  for (size_t r = 0; r < census.table(CinModule::kChildIdentifiers).rows.size(); ++r) {
    shared.child_by_id.emplace(child_id(r), r);
  }
  const std::vector<const CinRule*> rules = cin_rules_for(census.year);
  for (const CinRule* rule : rules) report.rules_run.push_back({rule->code, rule->message});
  report.failures = detail::run_rules(std::span<const CinRule* const>(rules), shared, threads);
  return report;
}

}  // namespace hearth::returns
