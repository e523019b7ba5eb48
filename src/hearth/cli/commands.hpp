// Wiring shared by the subcommands.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hearth/core/error.hpp"
#include "hearth/store/store.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Each registers its subcommand on `app` and returns the function that runs it after parsing.
using Runner = std::function<int()>;
Runner add_migrate(CLI::App& app);
Runner add_synth(CLI::App& app);
Runner add_serve(CLI::App& app);
Runner add_demo(CLI::App& app);
Runner add_user(CLI::App& app);
Runner add_audit(CLI::App& app);
Runner add_export(CLI::App& app);
Runner add_validate(CLI::App& app);
Runner add_import(CLI::App& app);

// "hearth: <message>" on standard error; returns the exit code for the error's kind.
int report(const core::Error& error);
// The same message, but exit 1 whatever the kind: for input files that could not be read (the
// command was used rightly; the work failed).
int report_input_failure(const core::Error& error);

// --year: the collection year by the 31 March it ends on; 0 (not given) means the last ended.
void add_collection_year_option(CLI::App* command, int& year);
// The year --year gave, or the last one ended (by today's date) when it gave none.
int collection_year_or_last(int year);

// The default database: var/hearth.db.
inline const char* kDefaultDatabase = "var/hearth.db";

struct ServeOptions {
  std::string db;
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 0;
  std::string web_root;
  bool behind_tls = false;
  std::vector<std::string> trusted_proxies;
};
int serve(const ServeOptions& options, bool create_database);

}  // namespace hearth::cli
