#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "hearth/access/services.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/cli/dataset_io.hpp"
#include "hearth/cli/demo_accounts.hpp"

namespace hearth::cli {

Runner add_demo(CLI::App& app) {
  auto* command = app.add_subcommand(
      "demo",
      "Create a synthetic local authority (medium-sized, five years of history) in var/demo.db "
      "if it is not there yet, with one account for each role, and serve it");
  auto o = std::make_shared<ServeOptions>();
  o->db = "var/demo.db";
  auto seed = std::make_shared<uint64_t>(1);
  auto size = std::make_shared<std::string>("medium");
  auto years = std::make_shared<int>(5);
  auto no_serve = std::make_shared<bool>(false);
  command->add_option("--db", o->db, "The demo database (SQLite file or postgresql:// URL)")
      ->capture_default_str();
  command->add_option("--port", o->port, "Port (0: any free port)")->capture_default_str();
  command->add_option("--seed", *seed, "Seed of the synthetic authority")->capture_default_str();
  command->add_option("--size", *size, "small, medium or large (when the database is new)")
      ->check(CLI::IsMember({"small", "medium", "large"}))
      ->capture_default_str();
  command->add_option("--years", *years, "Years of history (when the database is new)")
      ->check(CLI::Range(1, 10))
      ->capture_default_str();
  command->add_flag("--no-serve", *no_serve,
                    "Make the database and the accounts, print the accounts, and stop");
  command->add_option("--web-root", o->web_root, "Folder with the templates and assets");
  return [o, seed, size, years, no_serve] {
    const bool is_file = o->db.find("://") == std::string::npos;
    std::optional<std::filesystem::path> passwords_file;
    if (is_file) {
      const auto folder = std::filesystem::path(o->db).parent_path();
      std::error_code ec;
      if (!folder.empty()) std::filesystem::create_directories(folder, ec);
      passwords_file = std::filesystem::path(o->db + ".accounts");
    }
    {
      auto store = store::Store::open(o->db);
      if (!store) return report(store.error());
      auto children = (*store)->count(domain::RecordKind::kChild, "");
      if (!children) return report(children.error());
      const auto parsed_size = synth::parse_size(*size);
      if (!parsed_size) return report(parsed_size.error());
      const auto profile = synth::fictional_authority(*parsed_size);
      if (*children == 0) {
        std::cerr << fmt::format(
            "demo: generating a synthetic {} local authority with {} years of history to today "
            "(seed {})...\n",
            *size, *years, *seed);
        // A live authority's records run to today, so that My work's dates are current.
        synth::Options options;
        options.seed = *seed;
        options.years = *years;
        options.end = core::SystemClock().today();
        const auto dataset = synth::generate(profile, options);
        std::cerr << fmt::format("demo: loading {} records into {}...\n", dataset.record_count(),
                                 o->db);
        auto loaded = load_dataset(**store, dataset, *seed);
        if (!loaded) return report(loaded.error());
      } else {
        std::cerr << fmt::format("demo: using {} ({} children already there)\n", o->db, *children);
      }
      core::SystemClock clock;
      access::AccessServices services(**store, clock);
      auto accounts = ensure_demo_accounts(**store, services, profile.la_code, passwords_file);
      if (!accounts) return report(accounts.error());
      std::cout << "Demo accounts (synthetic data only; passwords kept in "
                << (passwords_file ? passwords_file->string() : std::string("no file")) << "):\n"
                << format_demo_accounts(*accounts) << std::flush;
    }
    if (*no_serve) return kExitOk;
    return serve(*o, /*create_database=*/false);
  };
}

}  // namespace hearth::cli
