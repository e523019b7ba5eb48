// The validation report as CSV, JSON and text (validation_report.hpp).
#include "hearth/returns/validation_report.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hearth/core/text.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::returns {

namespace {

std::string fields_text(const RuleFailure& f) {
  return fmt::format("{}", fmt::join(f.fields, ";"));
}

}  // namespace

const RuleSummary* ValidationReport::rule(std::string_view code) const {
  for (const auto& r : rules_run) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::vector<std::pair<const RuleSummary*, size_t>> ValidationReport::summary() const {
  std::map<std::string_view, size_t> counts;
  for (const auto& f : failures) ++counts[f.rule];
  std::vector<std::pair<const RuleSummary*, size_t>> out;
  for (const auto& rule : rules_run) {
    auto found = counts.find(rule.code);
    if (found != counts.end()) out.emplace_back(&rule, found->second);
  }
  return out;
}

std::string report_csv(const ValidationReport& report) {
  CsvTable t;
  t.columns = {"rule", "message", "table", "file", "line", "child", "fields"};
  for (const auto& f : report.failures) {
    const RuleSummary* rule = report.rule(f.rule);
    // A return made from the records, not read from a file, has no lines to name.
    t.rows.push_back({std::string(f.rule), rule ? std::string(rule->message) : "",
                      std::string(f.table), f.file, f.line > 0 ? std::to_string(f.line) : "",
                      f.child, fields_text(f)});
  }
  return write_csv(t);
}

std::string report_json(const ValidationReport& report) {
  nlohmann::json out;
  out["return"] = report.return_name;
  out["year"] = report.year;
  out["rules_run"] = report.rules_run.size();
  out["rules_skipped"] = nlohmann::json::array();
  for (const auto& rule : report.rules_skipped) out["rules_skipped"].push_back(rule.code);
  out["summary"] = nlohmann::json::array();
  for (const auto& [rule, count] : report.summary()) {
    out["summary"].push_back(
        {{"rule", rule->code}, {"message", rule->message}, {"failures", count}});
  }
  out["failures"] = nlohmann::json::array();
  for (const auto& f : report.failures) {
    out["failures"].push_back({{"rule", f.rule},
                               {"table", f.table},
                               {"file", f.file},
                               {"line", f.line > 0 ? nlohmann::json(f.line) : nlohmann::json()},
                               {"child", f.child},
                               {"fields", f.fields}});
  }
  return out.dump(2) + "\n";
}

std::string report_text(const ValidationReport& report) {
  std::string out = fmt::format("{} {}-{:02}: {} rules run", report.return_name, report.year - 1,
                                report.year % 100, report.rules_run.size());
  if (!report.rules_skipped.empty()) {
    out += fmt::format(", {} not run (a table or reference data they need was not given)",
                       report.rules_skipped.size());
  }
  out += fmt::format("; {} failures\n", report.failures.size());
  for (const auto& [rule, count] : report.summary()) {
    out += fmt::format("  {:<8} {:>6}  {}\n", rule->code, count, core::trim(rule->message));
  }
  constexpr size_t kShown = 50;
  for (size_t i = 0; i < report.failures.size() && i < kShown; ++i) {
    const auto& f = report.failures[i];
    out += fmt::format("{}{}: rule {}: child {} ({})\n", f.file,
                       f.line > 0 ? fmt::format(" line {}", f.line) : "", f.rule, f.child,
                       fields_text(f));
  }
  if (report.failures.size() > kShown) {
    out += fmt::format("... and {} more (--format csv or json for all)\n",
                       report.failures.size() - kShown);
  }
  return out;
}

}  // namespace hearth::returns
