#include "hearth/web/handlers/returns.hpp"

#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hearth/returns/authority_records.hpp"
#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/cin_rules.hpp"
#include "hearth/returns/ssda903.hpp"
#include "hearth/returns/ssda903_rules.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/handlers/child_record.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

constexpr size_t kShownPerRule = 100;  // the rest are in the CSV
constexpr std::string_view kRestricted = "(a restricted record)";

// Which return and year the page is asked for.
struct Asked {
  std::string which;  // "cin" or "903"
  int year = 0;
};

// The return and year asked for, or what is wrong with them (a 400 names the parameter).
core::Result<Asked> asked(const Request& request, int last_year) {
  Asked a;
  a.which = std::string(request.param("return").value_or("cin"));
  if (a.which != "cin" && a.which != "903") {
    return core::Error::invalid("return", "return must be cin (the CIN census) or 903 (SSDA903)");
  }
  const int first = a.which == "cin" ? returns::kFirstCinCensusYear : 2014;
  const std::string year(request.param("year").value_or(std::to_string(last_year)));
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
    return core::Error::invalid(
        "year", "year must be a collection year such as " + std::to_string(last_year));
  }
  a.year = std::stoi(year);
  if (a.year < first || a.year > last_year) {
    return core::Error::invalid(
        "year", fmt::format("year must be from {} to {} (the last collection year ended)", first,
                            last_year));
  }
  return a;
}

// The return made from the authority's records, its report, and what the policy needs to
// know of each child it names.
struct Made {
  returns::ValidationReport report;
  std::unordered_map<std::string, access::ChildFacts> facts;  // by child id
};

core::Result<Made> report_of(Services& services, const access::Principal& user, const Asked& a) {
  const std::string& la = user.la_code;
  auto records = a.which == "cin" ? returns::load_cin_census_records(services.store, la, a.year)
                                  : returns::load_authority_records(services.store, la);
  if (!records) return records.error();
  Made made;
  made.report = a.which == "cin"
                    ? returns::validate_cin_census(
                          returns::export_cin_census(*records, a.year, services.clock.now()))
                    : returns::validate_ssda903(returns::export_ssda903_files(*records, a.year));
  std::set<std::string_view> named;
  for (const auto& f : made.report.failures) named.insert(f.child);
  for (const auto& child : records->children) {
    if (!named.contains(child.id)) continue;
    access::ChildFacts facts;
    facts.la_code = child.la_code;
    facts.child_id = child.id;
    facts.allocated_worker_id = child.allocated_worker_id;
    facts.team_id = child.team_id;
    facts.restricted = child.restricted;
    if (child.restricted) {
      auto member = services.store.access().is_restricted_member(la, child.id, user.account_id);
      if (!member) return member.error();
      facts.on_restricted_list = *member;
    }
    made.facts.emplace(child.id, std::move(facts));
  }
  // A restricted child is hidden from everyone not on its list, in a report as anywhere: the
  // failure is still counted, but the child is not named.
  for (auto& f : made.report.failures) {
    auto found = made.facts.find(f.child);
    if (found != made.facts.end() && found->second.restricted &&
        !found->second.on_restricted_list) {
      f.child = kRestricted;
    }
  }
  return made;
}

std::string year_label(int year) {
  return fmt::format("{}-{:02}", year - 1, year % 100);
}

// The children the page names, for the audit entry.
std::vector<std::pair<std::string, std::string>> children_named(
    const returns::ValidationReport& report, const std::string& la) {
  std::set<std::string> ids;
  std::map<std::string_view, size_t> shown;
  for (const auto& f : report.failures) {
    if (!f.child.empty() && f.child != kRestricted && shown[f.rule]++ < kShownPerRule) {
      ids.insert(f.child);
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& id : ids) out.emplace_back(la, id);
  return out;
}

}  // namespace

Response returns_page(const Request& request, const RouteParams&, Services& services) {
  const access::Principal& user = request.user;
  const int last_year = core::last_collection_year_ended(services.clock.today());
  auto a = asked(request, last_year);
  if (!a) return bad_request_page(services, a.error().message);
  auto made = report_of(services, user, *a);
  if (!made) return store_failure_page(services, "returns", made.error());
  const returns::ValidationReport* report = &made->report;
  if (auto audited = services.audit.record_listing(user,
                                                   {"returns.validate", "allowed", user.la_code, "",
                                                    request.target, "statutory return validation"},
                                                   children_named(*report, user.la_code));
      !audited) {
    return store_failure_page(services, "audit", audited.error());
  }
  // A child is a link when the policy would show this user the child's page.
  auto link_of = [&](const std::string& child) -> std::string {
    auto found = made->facts.find(child);
    if (found == made->facts.end()) return "";
    if (!access::decide(user, access::Permission::kChildSummary, &found->second).allowed) return "";
    return child_href(user.la_code, child);
  };
  json view = page_view(request, "Statutory returns", "returns");
  view["scope"] = "Local authority " + user.la_code;
  view["return_name"] = std::string(report->return_name);
  view["year_label"] = year_label(a->year);
  view["reference_date"] = format_date_long(core::collection_year_end(a->year));
  view["rules_run"] = report->rules_run.size();
  view["failures"] = report->failures.size();
  view["csv_href"] = fmt::format("/returns/report.csv?return={}&year={}", a->which, a->year);
  json choices = json::array();
  for (const auto& [value, label] : {std::pair{"cin", "CIN census"}, std::pair{"903", "SSDA903"}}) {
    choices.push_back({{"value", value}, {"label", label}, {"selected", a->which == value}});
  }
  view["returns"] = choices;
  json years = json::array();
  const int first = a->which == "cin" ? returns::kFirstCinCensusYear : last_year - 4;
  for (int y = last_year; y >= first && y > last_year - 5; --y) {
    years.push_back({{"value", y}, {"label", year_label(y)}, {"selected", y == a->year}});
  }
  view["years"] = years;

  // Failures of each rule, in the order the rules ran.
  std::map<std::string_view, std::vector<const returns::RuleFailure*>> by_rule;
  for (const auto& f : report->failures) by_rule[f.rule].push_back(&f);
  json summary = json::array(), groups = json::array();
  size_t queries = 0;
  for (const auto& [rule, count] : report->summary()) {
    const bool query = rule->code.ends_with('Q');
    if (query) queries += count;
    const std::string anchor = "rule-" + std::string(rule->code);
    summary.push_back({{"code", rule->code},
                       {"message", rule->message},
                       {"count", count},
                       {"query", query},
                       {"anchor", anchor}});
    json rows = json::array();
    const auto& failures = by_rule[rule->code];
    for (size_t i = 0; i < failures.size() && i < kShownPerRule; ++i) {
      const returns::RuleFailure& f = *failures[i];
      json row = {{"child", f.child.empty() ? "The whole return" : f.child},
                  {"table", f.table},
                  {"fields", fmt::format("{}", fmt::join(f.fields, ", "))}};
      if (const std::string href = link_of(f.child); !href.empty()) row["child_href"] = href;
      rows.push_back(row);
    }
    json group = {{"code", rule->code}, {"message", rule->message}, {"count", count},
                  {"query", query},     {"anchor", anchor},         {"rows", rows}};
    if (failures.size() > kShownPerRule) group["more"] = failures.size() - kShownPerRule;
    groups.push_back(group);
  }
  view["summary"] = summary;
  view["groups"] = groups;
  view["errors"] = report->failures.size() - queries;
  view["queries"] = queries;
  view["clean"] = report->failures.empty();
  return render_page(services, 200, "returns/index", view);
}

Response returns_report_csv(const Request& request, const RouteParams&, Services& services) {
  const access::Principal& user = request.user;
  const int last_year = core::last_collection_year_ended(services.clock.today());
  auto a = asked(request, last_year);
  if (!a) return bad_request_page(services, a.error().message);
  auto made = report_of(services, user, *a);
  if (!made) return store_failure_page(services, "returns", made.error());
  const returns::ValidationReport* report = &made->report;
  std::vector<std::pair<std::string, std::string>> children;
  std::set<std::string> ids;
  for (const auto& f : report->failures) {
    if (!f.child.empty() && f.child != kRestricted && ids.insert(f.child).second) {
      children.emplace_back(user.la_code, f.child);
    }
  }
  if (auto audited =
          services.audit.record_listing(user,
                                        {"returns.validate", "allowed", user.la_code, "",
                                         request.target, "statutory return validation (CSV)"},
                                        children);
      !audited) {
    return store_failure_page(services, "audit", audited.error());
  }
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"{}-{}-{}-validation.csv\"", a->which,
                                  user.la_code, a->year));
  response.body = returns::report_csv(*report);
  return response;
}

}  // namespace hearth::web
