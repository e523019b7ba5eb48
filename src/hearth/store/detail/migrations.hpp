// Versioned SQL migrations, applied in order on open, each in its own transaction together with
// its row in schema_migrations: a migration that fails leaves the database at the version before.
// The SQL lives in store/migrations/<dialect>/NNNN_name.sql and is compiled into the program.
#pragma once

#include <span>
#include <string_view>

#include "hearth/core/result.hpp"
#include "hearth/store/detail/sql.hpp"

namespace hearth::store::detail {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The migrations this program carries for a dialect ("sqlite" or "postgresql"), in order.
std::span<const Migration> builtin_migrations(std::string_view dialect);

// The version the database is at: 0 for an empty database. kCorrupt if the database holds
// tables but is not a Hearth database.
core::Result<int> current_version(Connection& connection);

// Brings the database to the last of `migrations`. kConflict, touching nothing, if the database
// is at a version newer than any of them; with `apply` false, kConflict if any is pending.
core::Result<int> migrate(Connection& connection, std::span<const Migration> migrations,
                          bool apply);

}  // namespace hearth::store::detail
