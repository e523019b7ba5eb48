#include <iostream>

#include "hearth/cli/commands.hpp"

namespace hearth::cli {

Runner add_migrate(CLI::App& app) {
  auto* command = app.add_subcommand(
      "migrate", "Bring a database to this program's schema version (or create it)");
  auto db = std::make_shared<std::string>(kDefaultDatabase);
  auto status_only = std::make_shared<bool>(false);
  command->add_option("--db", *db, "SQLite file or postgresql:// URL")->capture_default_str();
  command->add_flag("--status", *status_only,
                    "Say which version the database is at and whether it needs migrating; change "
                    "nothing");
  return [db, status_only]() {
    store::OpenOptions options;
    options.migrate = !*status_only;
    options.create = !*status_only;
    auto store = store::Store::open(*db, options);
    if (!store) {
      if (*status_only && store.error().code == core::ErrorCode::kConflict) {
        std::cout << store.error().message << "\n";
        return kExitFailure;
      }
      return report(store.error());
    }
    auto version = (*store)->schema_version();
    if (!version) return report(version.error());
    std::cout << *db << " (" << (*store)->backend() << ") is at schema version " << *version
              << (*status_only ? "; nothing to migrate" : "") << "\n";
    return kExitOk;
  };
}

}  // namespace hearth::cli
