#include "hearth/store/detail/migrations.hpp"

#include <fmt/format.h>

namespace hearth::store::detail {
namespace {

using core::Error;

core::Result<bool> table_exists(Connection& connection, std::string_view table) {
  const std::string sql =
      connection.dialect() == "sqlite"
          ? "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?"
          : "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_name = ?";
  const std::optional<std::string> params[] = {std::string(table)};
  auto rows = query_column(connection, sql, params);
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<int64_t> count_tables(Connection& connection) {
  const std::string sql = connection.dialect() == "sqlite"
                              ? "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                              : "SELECT count(*) FROM information_schema.tables "
                                "WHERE table_schema = current_schema()";
  auto rows = query_column(connection, sql, {});
  if (!rows) return rows.error();
  return std::stoll(*(*rows)[0]);
}

}  // namespace

core::Result<int> current_version(Connection& connection) {
  auto has_migrations = table_exists(connection, "schema_migrations");
  if (!has_migrations) return has_migrations.error();
  if (!*has_migrations) {
    auto tables = count_tables(connection);
    if (!tables) return tables.error();
    if (*tables > 0) {
      return Error::corrupt(
          "this database holds other tables but is not a Hearth database; Hearth will not touch "
          "it (point --db at a new file or an empty database)");
    }
    return 0;
  }
  auto rows = query_column(connection, "SELECT max(version) FROM schema_migrations", {});
  if (!rows) return rows.error();
  if (rows->empty() || !(*rows)[0]) return 0;
  return std::stoi(*(*rows)[0]);
}

core::Result<int> migrate(Connection& connection, std::span<const Migration> migrations,
                          bool apply) {
  auto version = current_version(connection);
  if (!version) return version.error();
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (*version > latest) {
    return Error::conflict(fmt::format(
        "this database is at schema version {}, newer than this program knows (up to {}); it was "
        "written by a newer Hearth. Upgrade Hearth to open it; the database was not changed",
        *version, latest));
  }
  if (*version == latest) return latest;
  if (!apply) {
    return Error::conflict(fmt::format(
        "this database is at schema version {} and needs migrating to {}: run `hearth migrate`",
        *version, latest));
  }
  int at = *version;
  for (const Migration& migration : migrations) {
    if (migration.version <= at) continue;
    if (auto begun = connection.begin_write(); !begun) return begun.error();
    core::Status step = connection.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
        "NULL, applied_at TEXT NOT NULL)");
    if (step) step = connection.exec(migration.sql);
    if (step) {
      step = connection.exec(fmt::format(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ({}, '{}', {})",
          migration.version, migration.name,
          connection.dialect() == "sqlite" ? "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                                           : "to_char(now() AT TIME ZONE 'UTC', "
                                             "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));
    }
    if (step) step = connection.exec("COMMIT");
    if (!step) {
      (void)connection.exec("ROLLBACK");
      Error error = step.error();
      error.message = fmt::format(
          "migration {} failed: {}. Nothing of it was applied; the database is still at schema "
          "version {}",
          migration.name, error.message, at);
      return error;
    }
    at = migration.version;
  }
  return latest;
}

}  // namespace hearth::store::detail
