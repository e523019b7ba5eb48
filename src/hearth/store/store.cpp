#include "hearth/store/store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hearth/store/detail/codec.hpp"
#include "hearth/store/detail/open.hpp"
#include "hearth/store/detail/sql_store.hpp"
#include "hearth/store/postgres/postgres_connection.hpp"
#include "hearth/store/sqlite/sqlite_connection.hpp"

namespace hearth::store {

static_assert(std::variant_size_v<Record> == std::size(domain::kAllRecordKinds),
              "Record must have one alternative per RecordKind, in the same order");

RecordKind kind_of(const Record& record) {
  return static_cast<RecordKind>(record.index());
}

ChildSummary summary_of(const domain::Child& child) {
  return {child.id,
          child.la_code,
          child.name,
          child.sex,
          child.date_of_birth,
          child.postcode,
          child.team_id,
          child.allocated_worker_id,
          child.restricted};
}

const std::string& id_of(const Record& record) {
  return std::visit([](const auto& value) -> const std::string& { return value.id; }, record);
}

const std::string& la_code_of(const Record& record) {
  return std::visit([](const auto& value) -> const std::string& { return value.la_code; }, record);
}

std::string child_id_of(const Record& record) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, domain::Child>) {
          return value.id;
        } else if constexpr (requires { value.child_id; }) {
          return value.child_id;
        } else {
          return {};
        }
      },
      record);
}

std::optional<ActivePeriod> active_period(const Record& record) {
  return std::visit(
      [](const auto& v) -> std::optional<ActivePeriod> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, domain::Referral>) {
          return ActivePeriod{v.referral_date, v.closure_date};
        } else if constexpr (std::is_same_v<T, domain::Assessment>) {
          return ActivePeriod{v.start_date, v.authorisation_date};
        } else if constexpr (std::is_same_v<T, domain::Section47Enquiry>) {
          // Its start and its conference, whichever is first: the census takes an enquiry
          // that began in the year or whose conference fell in it.
          if (!v.icpc_date) return ActivePeriod{v.start_date, std::nullopt};
          return ActivePeriod{std::min(v.start_date, *v.icpc_date),
                              std::max(v.start_date, *v.icpc_date)};
        } else if constexpr (std::is_same_v<T, domain::CinPlan> ||
                             std::is_same_v<T, domain::ProtectionPlan> ||
                             std::is_same_v<T, domain::LookedAfterEpisode>) {
          return ActivePeriod{v.start_date, v.end_date};
        } else {
          return std::nullopt;
        }
      },
      record);
}

std::string to_json(const Record& record) {
  return detail::encode(record);
}

Result<Record> from_json(RecordKind kind, std::string_view json) {
  return detail::decode(kind, json);
}

Result<int> Store::put(const Record& record, const Change& change,
                       std::optional<int> expected_revision) {
  int revision = 0;
  auto done = transact([&](Writer& writer) -> Status {
    auto written = writer.put(record, change, expected_revision);
    if (!written) return written.error();
    revision = *written;
    return {};
  });
  if (!done) return done.error();
  return revision;
}

Result<int> Store::withdraw(const RecordKey& key, const Change& change) {
  int revision = 0;
  auto done = transact([&](Writer& writer) -> Status {
    auto written = writer.withdraw(key, change);
    if (!written) return written.error();
    revision = *written;
    return {};
  });
  if (!done) return done.error();
  return revision;
}

Result<std::unique_ptr<Store>> Store::open(std::string_view target, OpenOptions options) {
  return detail::open_store(target, options);
}

namespace detail {

Result<std::unique_ptr<Store>> open_store(std::string_view target, const OpenOptions& options,
                                          std::optional<std::span<const Migration>> migrations) {
  if (target.empty()) return core::Error::invalid("--db", "no database given");
  const bool is_postgres = target.starts_with("postgresql://") || target.starts_with("postgres://");
  ConnectionFactory factory;
  std::string backend;
  std::string shown;
  if (is_postgres) {
    backend = "postgresql";
    shown = postgres::redact(target);
    factory = [url = std::string(target)] { return postgres::open_connection(url); };
  } else {
    backend = "sqlite";
    shown = std::string(target);
    sqlite::SqliteOpen first{std::string(target), options.create, options.sqlite_page_limit,
                             options.sqlite_map_for_reading};
    auto first_connection = sqlite::open_connection(first);
    if (!first_connection) return first_connection.error();
    // Later connections must find the file the first one made.
    factory = [path = std::string(target), limit = options.sqlite_page_limit,
               map = options.sqlite_map_for_reading] {
      return sqlite::open_connection({path, false, limit, map});
    };
    // Refuse a database that is not ours before changing anything in it.
    auto found = current_version(**first_connection);
    if (!found) {
      core::Error error = found.error();
      error.message = fmt::format("{}: {}", shown, error.message);
      return error;
    }
    if (auto wal = (*first_connection)->exec("PRAGMA journal_mode = WAL"); !wal) {
      core::Error error = wal.error();
      error.message = fmt::format("cannot use {}: {}", shown, error.message);
      return error;
    }
    auto version = migrate(**first_connection, migrations.value_or(builtin_migrations("sqlite")),
                           options.migrate);
    if (!version) {
      core::Error error = version.error();
      error.message = fmt::format("{}: {}", shown, error.message);
      return error;
    }
    return std::unique_ptr<Store>(
        std::make_unique<SqlStore>(backend, std::move(factory), std::move(*first_connection)));
  }
  auto first_connection = factory();
  if (!first_connection) return first_connection.error();
  auto version = migrate(**first_connection, migrations.value_or(builtin_migrations("postgresql")),
                         options.migrate);
  if (!version) {
    core::Error error = version.error();
    error.message = fmt::format("{}: {}", shown, error.message);
    return error;
  }
  return std::unique_ptr<Store>(
      std::make_unique<SqlStore>(backend, std::move(factory), std::move(*first_connection)));
}

}  // namespace detail
}  // namespace hearth::store
