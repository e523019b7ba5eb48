#include "hearth/web/handlers/statistics.hpp"

#include <nlohmann/json.hpp>

#include "hearth/metrics/caseload_figures.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

json breakdown_view(const std::vector<metrics::Breakdown>& rows,
                    const std::array<int64_t, metrics::kGroups>& totals) {
  // Suppress column by column: each column adds up to its total.
  std::vector<std::vector<std::string>> columns;
  for (int group = 0; group < metrics::kGroups; ++group) {
    std::vector<int64_t> cells;
    for (const auto& row : rows) cells.push_back(row.counts[group]);
    columns.push_back(metrics::shown_with_secondary(cells));
  }
  json out = json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    json cells = json::array();
    for (int group = 0; group < metrics::kGroups; ++group) cells.push_back(columns[group][i]);
    out.push_back({{"label", rows[i].label}, {"cells", cells}});
  }
  json total_cells = json::array();
  for (int group = 0; group < metrics::kGroups; ++group) {
    total_cells.push_back(metrics::shown(totals[group]));
  }
  out.push_back({{"label", "Total"}, {"cells", total_cells}, {"is_total", true}});
  return out;
}

}  // namespace

Response statistics_page(const Request& request, const RouteParams&, Services& services) {
  const access::Principal& user = request.user;
  auto input = metrics::load_caseload_input(services.store, user.la_code);
  if (!input) return store_failure_page(services, "statistics", input.error());
  const core::Date today = services.clock.today();
  const auto figures = metrics::caseload_figures(*input, today);
  if (auto audited =
          services.audit.record(user, {"statistics.read", "allowed", user.la_code, "",
                                       "GET /statistics", "de-identified caseload figures"});
      !audited) {
    return store_failure_page(services, "audit", audited.error());
  }
  json view = page_view(request, "Statistics", "statistics");
  view["on"] = format_date_long(today);
  view["scope"] =
      user.la_code.empty() ? "All authorities in this database" : "Local authority " + user.la_code;
  view["children"] = metrics::shown(figures.children_with_records);
  view["in_need"] = metrics::shown(figures.totals[metrics::kInNeed]);
  view["cin_plans"] = metrics::shown(figures.totals[metrics::kCinPlan]);
  view["protection_plans"] = metrics::shown(figures.totals[metrics::kProtectionPlan]);
  view["looked_after"] = metrics::shown(figures.totals[metrics::kLookedAfter]);
  view["referrals"] = metrics::shown(figures.referrals_in_year);
  view["re_referral_percent"] = metrics::re_referral_percent_shown(figures);
  view["by_age"] = breakdown_view(figures.by_age, figures.totals);
  view["by_sex"] = breakdown_view(figures.by_sex, figures.totals);
  view["suppress_max"] = metrics::kSuppressBelow - 1;
  return render_page(services, 200, "statistics/index", view);
}

}  // namespace hearth::web
