// hearth validate 903 PATH...: the DfE's validation rules over SSDA903 CSV tables from any
// system. Each PATH is a CSV file or a folder of them; a folder's previous/ holds last year's
// tables (as `hearth export 903` writes them). Files are known by their columns, not names.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"
#include "hearth/returns/ssda903_rules.hpp"

namespace hearth::cli {
namespace {

namespace fs = std::filesystem;

struct ValidateOptions {
  std::vector<std::string> paths;
  int year = 0;
  std::string format = "text";
  std::string out;
  bool fail_on_failures = false;
};

// Reads one file into `tables`; two files of the same table are refused, naming both.
core::Status add_file(const fs::path& path,
                      std::map<returns::Ssda903Table, returns::CsvTable>& tables,
                      std::map<returns::Ssda903Table, std::string>& from) {
  auto table = returns::read_csv_file(path);
  if (!table) return table.error();
  auto layout = returns::identify_ssda903_table(*table);
  if (!layout) return layout.error();
  const auto kind = (*layout)->table;
  if (auto seen = from.find(kind); seen != from.end()) {
    return core::Error::invalid("", fmt::format("{} and {} are both the {} table: give one",
                                                seen->second, path.string(), (*layout)->name));
  }
  from[kind] = path.string();
  tables[kind] = std::move(*table);
  return {};
}

core::Status add_folder(const fs::path& folder,
                        std::map<returns::Ssda903Table, returns::CsvTable>& tables,
                        std::map<returns::Ssda903Table, std::string>& from) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".csv")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) HEARTH_RETURN_IF_ERROR(add_file(file, tables, from));
  return {};
}

// A file that cannot be read as a table is a failure of the work (exit 1), not bad usage.
int input_failure(const core::Error& error) {
  report(error);
  return kExitFailure;
}

int run_validate_903(const ValidateOptions& o) {
  returns::Ssda903Files files;
  files.year = o.year > 0 ? o.year : core::last_collection_year_ended(core::SystemClock().today());
  std::map<returns::Ssda903Table, std::string> from_current, from_previous;
  for (const auto& text : o.paths) {
    const fs::path path(text);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      if (auto added = add_folder(path, files.current, from_current); !added) {
        return input_failure(added.error());
      }
      if (fs::is_directory(path / "previous", ec)) {
        if (auto added = add_folder(path / "previous", files.previous, from_previous); !added) {
          return input_failure(added.error());
        }
      }
    } else if (fs::exists(path, ec)) {
      if (auto added = add_file(path, files.current, from_current); !added) {
        return input_failure(added.error());
      }
    } else {
      return report(core::Error::not_found(fmt::format("there is no file or folder {}", text)));
    }
  }
  if (files.current.empty()) {
    return report(core::Error::invalid("PATH", "no SSDA903 tables among the paths given"));
  }
  const returns::Ssda903Report result = returns::validate_ssda903(files);
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
  ssda903
      ->add_option("--year", o->year,
                   "The collection year, by the 31 March it ends on (2026: 2025-26); default: "
                   "the last one ended")
      ->check(CLI::Range(2014, 2100));
  ssda903->add_option("--format", o->format, "text, csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->capture_default_str();
  ssda903->add_option("--out", o->out, "Write the report to this file");
  ssda903->add_flag("--fail-on-failures", o->fail_on_failures,
                    "Exit 1 when any rule fails (for scripts)");
  return [o, ssda903]() -> int {
    if (ssda903->parsed()) return run_validate_903(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
