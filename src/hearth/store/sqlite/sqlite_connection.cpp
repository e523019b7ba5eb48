#include "hearth/store/sqlite/sqlite_connection.hpp"

#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

namespace hearth::store::sqlite {
namespace {

using core::Error;

Error error_from(sqlite3* db, int code, std::string_view doing) {
  const char* text = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  const std::string message = fmt::format("{}: {}", doing, text);
  switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error::corrupt(message);
    case SQLITE_FULL:
      return Error::io(fmt::format("{}: the disk is full", doing));
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return Error::io(message);
    case SQLITE_CONSTRAINT:
      return Error::conflict(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::unavailable(message);
    default:
      return Error::internal(message);
  }
}

class SqliteStatement final : public detail::Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bind_text(int index, std::string_view value) override {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void bind_int(int index, int64_t value) override { sqlite3_bind_int64(stmt_, index, value); }
  void bind_null(int index) override { sqlite3_bind_null(stmt_, index); }

  core::Result<bool> step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return error_from(db_, rc, "query failed");
  }

  std::string_view column_text(int index) override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
    if (!text) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, index))};
  }
  int64_t column_int(int index) override { return sqlite3_column_int64(stmt_, index); }
  bool column_is_null(int index) override {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public detail::Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    cache_.clear();
    sqlite3_close_v2(db_);
  }

  std::string_view dialect() const override { return "sqlite"; }

  core::Status exec(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string detail = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      Error error = error_from(nullptr, rc, "statement failed");
      error.message = detail;
      if ((rc & 0xff) == SQLITE_FULL) error.message = "the disk is full (" + detail + ")";
      return error;
    }
    return {};
  }

  core::Result<detail::Statement*> prepare(std::string_view sql) override {
    auto found = cache_.find(std::string(sql));
    if (found != cache_.end()) return found->second.get();
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return error_from(db_, rc, "preparing a statement failed");
    auto statement = std::make_unique<SqliteStatement>(db_, stmt);
    auto* raw = statement.get();
    cache_.emplace(std::string(sql), std::move(statement));
    return raw;
  }

  core::Status insert_rows(std::string_view table, std::span<const std::string_view> columns,
                           std::span<const std::optional<std::string>> values) override {
    std::string sql = fmt::format("INSERT INTO {} (", table);
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + std::string(columns[i]);
    sql += ") VALUES (";
    for (size_t i = 0; i < columns.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
    auto statement = prepare(sql);
    if (!statement) return statement.error();
    detail::Statement& insert = **statement;
    const size_t width = columns.size();
    for (size_t row = 0; row * width < values.size(); ++row) {
      insert.reset();
      for (size_t column = 0; column < width; ++column) {
        const auto& value = values[row * width + column];
        if (value) {
          insert.bind_text(static_cast<int>(column + 1), *value);
        } else {
          insert.bind_null(static_cast<int>(column + 1));
        }
      }
      auto done = insert.step();
      if (!done) {
        insert.reset();
        return done.error();
      }
    }
    insert.reset();
    return {};
  }

  core::Status begin_write() override { return exec("BEGIN IMMEDIATE"); }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

}  // namespace

core::Result<std::unique_ptr<detail::Connection>> open_connection(const SqliteOpen& options) {
  namespace fs = std::filesystem;
  const fs::path path(options.path);
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists) {
    if (!options.create) {
      return Error::not_found(fmt::format("{} does not exist (check --db)", options.path));
    }
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
      return Error::io(fmt::format("cannot create {}: the folder {} does not exist", options.path,
                                   folder.string()));
    }
  } else if (fs::is_directory(path, ec)) {
    return Error::io(fmt::format("{} is a folder, not a database file", options.path));
  }

  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = error_from(db, rc, fmt::format("cannot open {}", options.path));
    sqlite3_close_v2(db);
    if ((rc & 0xff) == SQLITE_CANTOPEN) {
      error.message = fmt::format(
          "cannot open {}: the file or its folder is read-only, or the folder is missing",
          options.path);
    }
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  auto connection = std::make_unique<SqliteConnection>(db);

  // Read before anything writes: a file that is not a database must be left exactly as it was.
  if (auto read = connection->exec("SELECT count(*) FROM sqlite_schema"); !read) {
    Error error = read.error();
    if (error.code == core::ErrorCode::kCorrupt) {
      error.message = fmt::format("{} is not a SQLite database ({})", options.path, error.message);
    } else {
      error.message = fmt::format("cannot read {}: {}", options.path, error.message);
    }
    return error;
  }
  // busy_timeout first, so that the journal-mode change waits for other openers.
  // A 16 MiB page cache a connection (the default is 2 MiB): the server's pages read a few dozen
  // database pages each, and re-reading them from the operating system (pread) was a tenth of its
  // time (docs/PERFORMANCE.md). A memory map was tried for the server and is worse there: each
  // write that grows the file remaps it, and the remaps cost more than the reads saved. A
  // command that reads much of the file once asks for one (map_for_reading).
  for (const char* pragma : {"PRAGMA busy_timeout = 10000", "PRAGMA foreign_keys = ON",
                             "PRAGMA synchronous = FULL", "PRAGMA cache_size = -16384"}) {
    if (auto done = connection->exec(pragma); !done) return done.error();
  }
  // SQLite caps the map at its compiled limit (2 GB in Debian's build); pages past it are read
  // as before.
  if (options.map_for_reading) {
    if (auto done = connection->exec("PRAGMA mmap_size = 2147418112"); !done) return done.error();
  }
  if (options.page_limit > 0) {
    if (auto done = connection->exec(fmt::format("PRAGMA max_page_count = {}", options.page_limit));
        !done) {
      return done.error();
    }
  }
  return std::unique_ptr<detail::Connection>(std::move(connection));
}

}  // namespace hearth::store::sqlite
