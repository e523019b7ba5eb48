#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "hearth/cli/commands.hpp"
#include "hearth/cli/dataset_io.hpp"

namespace hearth::cli {

Runner add_demo(CLI::App& app) {
  auto* command = app.add_subcommand(
      "demo",
      "Create a synthetic medium-sized local authority (five years of history) in var/demo.db "
      "if it is not there yet, and serve it");
  auto o = std::make_shared<ServeOptions>();
  o->db = "var/demo.db";
  auto seed = std::make_shared<uint64_t>(1);
  command->add_option("--db", o->db, "The demo database (SQLite file or postgresql:// URL)")
      ->capture_default_str();
  command->add_option("--port", o->port, "Port (0: any free port)")->capture_default_str();
  command->add_option("--seed", *seed, "Seed of the synthetic authority")->capture_default_str();
  command->add_option("--web-root", o->web_root, "Folder with the templates and assets");
  return [o, seed] {
    const bool is_file = o->db.find("://") == std::string::npos;
    if (is_file) {
      const auto folder = std::filesystem::path(o->db).parent_path();
      std::error_code ec;
      if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    }
    auto store = store::Store::open(o->db);
    if (!store) return report(store.error());
    auto children = (*store)->count(domain::RecordKind::kChild, "");
    if (!children) return report(children.error());
    if (*children == 0) {
      std::cerr << "demo: generating a synthetic medium-sized local authority with five years of "
                   "history (seed "
                << *seed << ")...\n";
      synth::Options options;
      options.seed = *seed;
      const auto dataset =
          synth::generate(synth::fictional_authority(synth::Size::kMedium), options);
      std::cerr << fmt::format("demo: loading {} records into {}...\n", dataset.record_count(),
                               o->db);
      auto loaded = load_dataset(**store, dataset, *seed);
      if (!loaded) return report(loaded.error());
    } else {
      std::cerr << fmt::format("demo: using {} ({} children already there)\n", o->db, *children);
    }
    store->reset();
    return serve(*o, /*create_database=*/false);
  };
}

}  // namespace hearth::cli
