// Fresh databases for tests, one per test: a SQLite file in a temporary folder, or a schema of
// its own on the PostgreSQL server that tools/pg_harness.sh started (its URL in the file named by
// HEARTH_TEST_PG_URL_FILE, or in HEARTH_TEST_PG_URL). Without either, PostgreSQL tests fail with
// a message saying how to run them: they are never skipped silently.
#pragma once

#include <filesystem>
#include <string>

namespace hearth::testing {

// A temporary folder removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class TestDatabase {
 public:
  // backend: "sqlite" or "postgresql".
  explicit TestDatabase(std::string backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The --db target for Store::open. Empty (with `error()` set) if PostgreSQL is not available.
  const std::string& target() const { return target_; }
  const std::string& error() const { return error_; }
  const std::string& backend() const { return backend_; }

 private:
  std::string backend_;
  std::string target_;
  std::string error_;
  std::string schema_;
  std::string server_url_;
  TempDir dir_;
};

// The URL of the test PostgreSQL server, or "" if none was started.
std::string postgres_server_url();

}  // namespace hearth::testing
