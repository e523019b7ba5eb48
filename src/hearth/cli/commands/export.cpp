// hearth export 903|cin: one authority's statutory return for a collection year.
// - 903: the SSDA903 return as the DfE's CSV tables in a folder, with the previous year's
//   tables (which the DfE's rules compare against) in previous/ inside it;
// - cin: the CIN census as the DfE's XML, one file.
// Files are written whole or not at all: each to a temporary name first, renamed once every
// one is written and every child in them is audited.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "hearth/access/accounts.hpp"
#include "hearth/access/audit_log.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"
#include "hearth/returns/authority_records.hpp"
#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/ssda903.hpp"

namespace hearth::cli {
namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  std::string db = kDefaultDatabase;
  std::string la;
  int year = 0;
  std::string out;
};

// The authority to export: --la, or the only one the database holds.
core::Result<std::string> choose_authority(store::Store& store, const std::string& la) {
  auto authorities = store.authorities();
  if (!authorities) return authorities.error();
  std::vector<std::string> codes;
  for (const auto& [code, children] : *authorities) codes.push_back(code);
  if (!la.empty()) {
    if (std::find(codes.begin(), codes.end(), la) == codes.end()) {
      return core::Error::not_found(
          fmt::format("the database has no records of authority {} (it has {})", la,
                      codes.empty() ? "none" : fmt::format("{}", fmt::join(codes, ", "))));
    }
    return la;
  }
  if (codes.size() == 1) return codes.front();
  if (codes.empty()) return core::Error::not_found("the database holds no authority's records");
  return core::Error::invalid("--la", fmt::format("the database holds {} authorities; name one "
                                                  "with --la (one of {})",
                                                  codes.size(), fmt::join(codes, ", ")));
}

struct PendingFile {
  fs::path temp;
  fs::path final_path;
};

core::Status write_file(const fs::path& path, const std::string& text,
                        std::vector<PendingFile>& pending) {
  PendingFile file{path.string() + ".tmp", path};
  std::ofstream out(file.temp, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::error_code ec;
    fs::remove(file.temp, ec);  // a half-written file is not left behind
    return core::Error::io("cannot write " + file.temp.string());
  }
  pending.push_back(std::move(file));
  return {};
}

// One audit entry a child named in a return's files (returns.export), in one listing.
core::Status audit_export(store::Store& store, const std::string& la,
                          const std::set<std::string>& exported, const std::string& what) {
  core::SystemClock clock;
  access::AuditLog log(store.access(), clock);
  std::vector<std::pair<std::string, std::string>> children;
  children.reserve(exported.size());
  for (const auto& id : exported) children.emplace_back(la, id);
  return log.record_listing(access::command_line_principal(),
                            {"returns.export", "allowed", la, "", what, "statutory return"},
                            children);
}

int run_export_903(const ExportOptions& o) {
  store::OpenOptions open;
  open.create = false;
  open.sqlite_map_for_reading = true;  // the year's records are read once, in bulk
  auto store = store::Store::open(o.db, open);
  if (!store) return report(store.error());
  auto la = choose_authority(**store, o.la);
  if (!la) return report(la.error());
  const int year = collection_year_or_last(o.year);
  std::cerr << fmt::format("export: reading authority {}'s records...\n", *la);
  auto records = returns::load_authority_records(**store, *la);
  if (!records) return report(records.error());

  const fs::path folder(o.out);
  std::error_code ec;
  fs::create_directories(folder / "previous", ec);
  if (ec) return report(core::Error::io(fmt::format("cannot make {}: {}", o.out, ec.message())));
  std::vector<std::pair<fs::path, std::string>> files;  // each table's path and text
  std::vector<std::string> shown;
  std::set<std::string> exported;  // the children named in either year's Header
  for (const auto& [subfolder, tables_year] :
       {std::pair{fs::path(), year}, std::pair{fs::path("previous"), year - 1}}) {
    for (const auto& table : returns::export_ssda903(*records, tables_year)) {
      if (table.file == returns::ssda903_layout(returns::Ssda903Table::kHeader).file) {
        for (const auto& row : table.rows) exported.insert(row.front());
      }
      files.emplace_back(folder / subfolder / table.file, returns::write_csv(table));
      if (subfolder.empty()) {
        shown.push_back(fmt::format("  {:<26} {:>7} rows\n", table.file, table.rows.size()));
      }
    }
  }
  // Every child whose record leaves in the files is audited before any file is written (so
  // that nothing is on disk if the audit fails, however it fails: the database is read through
  // a memory map, where an I/O error ends the process).
  if (auto audited = audit_export(
          **store, *la, exported,
          fmt::format("hearth export 903 {}-{:02} to {}", year - 1, year % 100, o.out));
      !audited) {
    return report(audited.error());
  }
  std::vector<PendingFile> pending;
  auto discard = [&] {
    for (const auto& file : pending) fs::remove(file.temp, ec);
  };
  for (const auto& [path, text] : files) {
    if (auto written = write_file(path, text, pending); !written) {
      discard();
      return report(written.error());
    }
  }
  for (const auto& line : shown) std::cout << line;
  // A table of another year that this one does not have (SWEpisodes before 2023-24) would
  // otherwise be read with this year's by validate and import.
  for (const auto& folder_of : {folder, folder / "previous"}) {
    for (const auto& layout : returns::ssda903_layouts()) {
      const fs::path path = folder_of / layout.file;
      const bool written = std::any_of(pending.begin(), pending.end(),
                                       [&](const PendingFile& f) { return f.final_path == path; });
      if (!written) fs::remove(path, ec);
    }
  }
  for (const auto& file : pending) {
    fs::rename(file.temp, file.final_path, ec);
    if (ec) {
      discard();
      return report(core::Error::io(
          fmt::format("cannot write {}: {}", file.final_path.string(), ec.message())));
    }
  }
  std::cout << fmt::format(
      "SSDA903 {}-{:02} of authority {} in {} (the previous year's tables in {})\n", year - 1,
      year % 100, *la, folder.string(), (folder / "previous").string());
  return kExitOk;
}

int run_export_cin(const ExportOptions& o) {
  const int year = collection_year_or_last(o.year);
  if (year < returns::kFirstCinCensusYear) {
    return report(core::Error::invalid(
        "--year",
        fmt::format("Hearth writes the CIN census from {}-{:02} (when Sex replaced "
                    "GenderCurrent); {} is earlier",
                    returns::kFirstCinCensusYear - 1, returns::kFirstCinCensusYear % 100, year)));
  }
  store::OpenOptions open;
  open.create = false;
  open.sqlite_map_for_reading = true;  // the year's records are read once, in bulk
  auto store = store::Store::open(o.db, open);
  if (!store) return report(store.error());
  auto la = choose_authority(**store, o.la);
  if (!la) return report(la.error());
  std::cerr << fmt::format("export: reading authority {}'s records...\n", *la);
  auto records = returns::load_cin_census_records(**store, *la, year);
  if (!records) return report(records.error());
  // --out names the file, or a folder to write cin_census.xml in.
  std::error_code ec;
  fs::path path(o.out);
  if (fs::is_directory(path, ec)) path /= returns::kCinCensusFile;
  // The children are audited while the census and its XML are made (the audit takes about a
  // third of a large authority's export); the file is written once they are, and named once it
  // is.
  const std::set<std::string> exported = returns::cin_census_children(*records, year);
  const std::string what =
      fmt::format("hearth export cin {}-{:02} to {}", year - 1, year % 100, path.string());
  auto audit = [&] { return audit_export(**store, *la, exported, what); };
  auto in_background = [](auto work) {
    try {
      return std::async(std::launch::async, work);
    } catch (const std::system_error&) {
      return std::async(std::launch::deferred, work);  // no thread to be had: in turn
    }
  };
  auto audited = in_background(audit);
  core::SystemClock clock;
  auto census =
      std::make_shared<returns::CinCensus>(returns::export_cin_census(*records, year, clock.now()));
  // Freeing a large authority's records, or its census, takes a twentieth of a second each:
  // done beside the main thread's work.
  auto freed_records =
      in_background([done_with = std::make_shared<returns::AuthorityRecords>(std::move(*records))] {
        *done_with = {};
      });
  const auto& named = census->table(returns::CinModule::kChildIdentifiers).rows;
  if (!std::all_of(named.begin(), named.end(),
                   [&](const auto& row) { return exported.contains(row.front()); })) {
    audited.wait();
    return report(core::Error::internal("the census names a child its audit did not"));
  }
  const std::string xml = returns::write_cin_census(*census);
  if (auto audit_done = audited.get(); !audit_done) return report(audit_done.error());
  using M = returns::CinModule;
  std::map<M, size_t> counts;
  for (const auto& [module, table] : census->tables) counts[module] = table.rows.size();
  auto freed = in_background([census] { *census = {}; });
  census.reset();
  std::vector<PendingFile> pending;
  if (auto written = write_file(path, xml, pending); !written) return report(written.error());
  fs::rename(pending.front().temp, path, ec);
  if (ec) {
    fs::remove(pending.front().temp, ec);
    return report(core::Error::io(fmt::format("cannot write {}: {}", path.string(), ec.message())));
  }
  std::cout << fmt::format(
      "CIN census {}-{:02} of authority {} in {}: {} children, {} referrals, {} assessments, "
      "{} CIN plans, {} section 47 enquiries, {} protection plans\n",
      year - 1, year % 100, *la, path.string(), counts[M::kChildIdentifiers],
      counts[M::kCinDetails], counts[M::kAssessments], counts[M::kCinPlanDates],
      counts[M::kSection47], counts[M::kChildProtectionPlans]);
  return kExitOk;
}

}  // namespace

Runner add_export(CLI::App& app) {
  auto* command = app.add_subcommand("export", "Write a statutory return from the records");
  command->require_subcommand(1);
  auto o = std::make_shared<ExportOptions>();
  auto* ssda903 = command->add_subcommand(
      "903", "The SSDA903 return (children looked after) as the DfE's CSV tables in --out");
  ssda903->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  ssda903->add_option("--la", o->la,
                      "The authority's three-digit code (needed when the database holds more "
                      "than one)");
  add_collection_year_option(ssda903, o->year);
  ssda903->add_option("--out", o->out, "The folder to write the tables to")->required();
  auto* cin = command->add_subcommand(
      "cin", "The Children in Need census as the DfE's XML, in the file (or folder) --out");
  cin->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  cin->add_option("--la", o->la,
                  "The authority's three-digit code (needed when the database holds more than "
                  "one)");
  add_collection_year_option(cin, o->year);
  cin->add_option("--out", o->out, "The file to write (in a folder: cin_census.xml)")->required();
  return [o, ssda903, cin]() -> int {
    if (ssda903->parsed()) return run_export_903(*o);
    if (cin->parsed()) return run_export_cin(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
