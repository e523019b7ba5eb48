// hearth validate 903 PATH... | cin FILE: the DfE's validation rules over a return from any
// system. For 903, each PATH is a CSV file or a folder of them; a folder's previous/ holds last
// year's tables (as `hearth export 903` writes them), and files are known by their columns, not
// names. For cin, FILE is the census XML.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"
#include "hearth/returns/cin_rules.hpp"
#include "hearth/returns/ssda903_rules.hpp"

namespace hearth::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  int year = 0;
  std::string format = "text";
  std::string out;
  bool fail_on_failures = false;
};

int write_report(const ValidateOptions& o, const returns::ValidationReport& result) {
  std::string text = o.format == "csv"    ? returns::report_csv(result)
                     : o.format == "json" ? returns::report_json(result)
                                          : returns::report_text(result);
  if (o.out.empty()) {
    std::cout << text;
  } else {
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return report(core::Error::io("cannot write " + o.out));
    std::cerr << fmt::format("validate: {} failures of {} rules written to {}\n",
                             result.failures.size(), result.rules_run.size(), o.out);
  }
  return o.fail_on_failures && !result.failures.empty() ? kExitFailure : kExitOk;
}

int run_validate_903(const ValidateOptions& o) {
  const int year = collection_year_or_last(o.year);
  auto read = returns::read_ssda903_files(o.paths, year);
  if (!read) return report_input_failure(read.error());
  const returns::Ssda903Files& files = *read;
  for (const auto& why : files.ignored) std::cerr << "validate: passed over " << why << "\n";
  return write_report(o, returns::validate_ssda903(files));
}

int run_validate_cin(const ValidateOptions& o) {
  auto census = returns::read_cin_census_file(o.paths.front(), collection_year_or_last(o.year));
  if (!census) return report_input_failure(census.error());
  return write_report(o, returns::validate_cin_census(*census));
}

// The options both returns take.
void add_report_options(CLI::App* command, ValidateOptions& o) {
  command->add_option("--format", o.format, "text, csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->capture_default_str();
  command->add_option("--out", o.out, "Write the report to this file");
  command->add_flag("--fail-on-failures", o.fail_on_failures,
                    "Exit 1 when any rule fails (for scripts)");
}

}  // namespace

Runner add_validate(CLI::App& app) {
  auto* command =
      app.add_subcommand("validate", "Check a statutory return against the DfE's rules");
  command->require_subcommand(1);
  auto o = std::make_shared<ValidateOptions>();
  auto* ssda903 = command->add_subcommand(
      "903",
      "The SSDA903 return's CSV tables: files, or folders of them (previous/ inside a "
      "folder holds last year's)");
  ssda903->add_option("paths", o->paths, "CSV files or folders")->required();
  add_collection_year_option(ssda903, o->year);
  add_report_options(ssda903, *o);
  auto* cin = command->add_subcommand("cin", "The CIN census XML: one file");
  cin->add_option("file", o->paths, "The census file")->required()->expected(1);
  cin->add_option("--year", o->year,
                  "The collection year, by the 31 March it ends on, for a file whose Header has "
                  "no ReferenceDate (the ReferenceDate decides otherwise)")
      ->check(CLI::Range(returns::kFirstCinCensusYear, returns::kLastCinCensusYear));
  add_report_options(cin, *o);
  return [o, ssda903, cin]() -> int {
    if (ssda903->parsed()) return run_validate_903(*o);
    if (cin->parsed()) return run_validate_cin(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
