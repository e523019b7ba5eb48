// hearth import 903 PATH... --la CODE, hearth import cin FILE --la CODE: an authority's
// SSDA903 CSV tables or CIN census XML (from Hearth or any other system) into the store, each
// record remembering the file and line it came from. All or nothing: a file that cannot be
// read, a bad date, or a record already there, and nothing is written.
#include <iostream>

#include <fmt/format.h>

#include "hearth/access/accounts.hpp"
#include "hearth/access/audit_log.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"
#include "hearth/domain/values.hpp"
#include "hearth/returns/cin_import.hpp"
#include "hearth/returns/ssda903_import.hpp"

namespace hearth::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> paths;
  std::string db = kDefaultDatabase;
  std::string la;
  int year = 0;
};

core::Status check_la(const std::string& la) {
  if (domain::is_la_code(la)) return {};
  return core::Error::invalid("--la", "the local authority code is three digits, like 202");
}

// Audits, then writes, the records read from a return's files.
int write_imported(const ImportOptions& o, std::string_view what, int year,
                   const std::vector<returns::ImportedRecord>& records) {
  core::SystemClock clock;
  auto store = store::Store::open(o.db);
  if (!store) return report(store.error());
  // Audited first, as every change is: the entry says what is about to be written.
  access::AuditLog log((*store)->access(), clock);
  if (auto audited = log.record(access::command_line_principal(),
                                {"returns.import", "allowed", o.la, "",
                                 fmt::format("hearth import {} {}-{:02}: {} records", what,
                                             year - 1, year % 100, records.size()),
                                 "statutory return"});
      !audited) {
    return report(audited.error());
  }
  std::cerr << fmt::format("import: writing {} records...\n", records.size());
  auto written = returns::import_records(**store, records,
                                         access::command_line_principal().username, clock.now());
  if (!written) return report_input_failure(written.error());
  std::cout << fmt::format("imported {} records of authority {} ({} {}-{:02}) into {}\n", *written,
                           o.la, what == "903" ? "SSDA903" : "CIN census", year - 1, year % 100,
                           o.db);
  return kExitOk;
}

int run_import_903(const ImportOptions& o) {
  if (auto ok = check_la(o.la); !ok) return report(ok.error());
  const int year = collection_year_or_last(o.year);
  auto files = returns::read_ssda903_files(o.paths, year);
  if (!files) return report_input_failure(files.error());
  auto records = returns::records_from_ssda903(*files, o.la);
  if (!records) return report_input_failure(records.error());
  for (const auto& why : files->ignored) std::cerr << "import: passed over " << why << "\n";
  return write_imported(o, "903", year, *records);
}

int run_import_cin(ImportOptions o) {
  if (!o.la.empty()) {
    if (auto ok = check_la(o.la); !ok) return report(ok.error());
  }
  auto census = returns::read_cin_census_file(o.paths.front(), collection_year_or_last(o.year));
  if (!census) return report_input_failure(census.error());
  // The census names its authority (LEA); another's would be filed under the wrong one.
  const auto& header = census->table(returns::CinModule::kHeader);
  const std::string lea = header.rows.empty() ? "" : header.rows[0][*header.column("LEA")];
  if (o.la.empty()) {
    if (!domain::is_la_code(lea)) {
      return report(core::Error::invalid(
          "--la", "the census's Header has no three-digit <LEA>: name the authority with --la"));
    }
    o.la = lea;
  } else if (!lea.empty() && lea != o.la) {
    return report_input_failure(
        core::Error::invalid("LEA", fmt::format("<LEA> is {}, but --la is {}: is this the right "
                                                "authority's census?",
                                                lea, o.la))
            .at(census->file, header.lines[0]));
  }
  auto records = returns::records_from_cin_census(*census, o.la);
  if (!records) return report_input_failure(records.error());
  return write_imported(o, "cin", census->year, *records);
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
  auto* cin = command->add_subcommand("cin", "The CIN census XML: one file");
  cin->add_option("file", o->paths, "The census file")->required()->expected(1);
  cin->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  cin->add_option("--la", o->la,
                  "The authority the census is of: its three-digit code (default: the "
                  "Header's LEA)");
  cin->add_option("--year", o->year,
                  "The collection year, by the 31 March it ends on, for a file whose Header has "
                  "no ReferenceDate (the ReferenceDate decides otherwise)")
      ->check(CLI::Range(returns::kFirstCinCensusYear, returns::kLastCinCensusYear));
  return [o, ssda903, cin]() -> int {
    if (ssda903->parsed()) return run_import_903(*o);
    if (cin->parsed()) return run_import_cin(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
