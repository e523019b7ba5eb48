// What validating a statutory return found, in the same shape for both returns (the SSDA903
// tables and the CIN census XML), so that one report page and one set of formats serve both.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::returns {

// One rule failing on one row of a table (for the CIN census: one element of a module).
struct RuleFailure {
  std::string_view rule;   // the rule's code: "101", "INT03", "8500"
  std::string_view table;  // the DfE's name of the table or module: "Episodes", "Section47"
  std::string file;
  int64_t line = 0;                      // the row's (or element's) line in its file
  std::string child;                     // CHILD or LAchildID
  std::vector<std::string_view> fields;  // the rule's fields in that table
};

// A rule as a report names it.
struct RuleSummary {
  std::string_view code;
  std::string_view message;  // as the DfE words it
};

struct ValidationReport {
  std::string_view return_name;  // "SSDA903", "CIN census"
  int year = 0;                  // the collection year, by the 31 March it ends on
  std::vector<RuleSummary> rules_run;
  std::vector<RuleSummary> rules_skipped;  // a table they need was not given
  std::vector<RuleFailure> failures;       // by rule, then file and line

  // The rule of a failure, by its code, among those run.
  const RuleSummary* rule(std::string_view code) const;
  // The failures of each rule that has any, in the order the rules ran.
  std::vector<std::pair<const RuleSummary*, size_t>> summary() const;
};

// The report as CSV (rule,message,table,file,line,child,fields), JSON ({"return", "year",
// "summary": [{rule, message, failures}], "failures": [...]}) and text for a terminal.
std::string report_csv(const ValidationReport& report);
std::string report_json(const ValidationReport& report);
std::string report_text(const ValidationReport& report);

}  // namespace hearth::returns
