// hearth import 903 PATH... --la CODE: an authority's SSDA903 CSV tables (from Hearth or any
// other system) into the store, each record remembering the file and line it came from. All or
// nothing: a file that cannot be read, a bad date, or a record already there, and nothing is
// written.
#include <iostream>

#include <fmt/format.h>

#include "hearth/access/accounts.hpp"
#include "hearth/access/audit_log.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"
#include "hearth/domain/values.hpp"
#include "hearth/returns/ssda903_import.hpp"

namespace hearth::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> paths;
  std::string db = kDefaultDatabase;
  std::string la;
  int year = 0;
};

int run_import_903(const ImportOptions& o) {
  if (!domain::is_la_code(o.la)) {
    return report(
        core::Error::invalid("--la", "the local authority code is three digits, like 202"));
  }
  core::SystemClock clock;
  const int year = collection_year_or_last(o.year);
  auto files = returns::read_ssda903_files(o.paths, year);
  if (!files) return report_input_failure(files.error());
  auto records = returns::records_from_ssda903(*files, o.la);
  if (!records) return report_input_failure(records.error());
  auto store = store::Store::open(o.db);
  if (!store) return report(store.error());
  for (const auto& why : files->ignored) std::cerr << "import: passed over " << why << "\n";
  // Audited first, as every change is: the entry says what is about to be written.
  access::AuditLog log((*store)->access(), clock);
  if (auto audited = log.record(access::command_line_principal(),
                                {"returns.import", "allowed", o.la, "",
                                 fmt::format("hearth import 903 {}-{:02}: {} records", year - 1,
                                             year % 100, records->size()),
                                 "statutory return"});
      !audited) {
    return report(audited.error());
  }
  std::cerr << fmt::format("import: writing {} records...\n", records->size());
  auto written = returns::import_records(**store, *records,
                                         access::command_line_principal().username, clock.now());
  if (!written) return report_input_failure(written.error());
  std::cout << fmt::format("imported {} records of authority {} (SSDA903 {}-{:02}) into {}\n",
                           *written, o.la, year - 1, year % 100, o.db);
  return kExitOk;
}

}  // namespace

Runner add_import(CLI::App& app) {
  auto* command = app.add_subcommand("import", "Load a statutory return's files into the records");
  command->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  auto* ssda903 = command->add_subcommand(
      "903",
      "The SSDA903 return's CSV tables: files, or folders of them (previous/ is not "
      "imported)");
  ssda903->add_option("paths", o->paths, "CSV files or folders")->required();
  ssda903->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  ssda903->add_option("--la", o->la, "The authority the return is of: its three-digit code")
      ->required();
  add_collection_year_option(ssda903, o->year);
  return [o, ssda903]() -> int {
    if (ssda903->parsed()) return run_import_903(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
