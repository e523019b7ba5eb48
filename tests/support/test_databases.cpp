#include "support/test_databases.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include <libpq-fe.h>
#include <unistd.h>

namespace hearth::testing {
namespace {

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device device;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(device() % 100000);
}

bool run_admin(const std::string& url, const std::string& sql, std::string& error) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
    PQfinish(conn);
    return false;
  }
  PQclear(PQexec(conn, "SET client_min_messages = warning"));
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  if (!ok) error = PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  return ok;
}

}  // namespace

TempDir::TempDir() {
  path_ = std::filesystem::temp_directory_path() / ("hearth-test-" + unique_suffix());
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::string postgres_server_url() {
  if (const char* url = std::getenv("HEARTH_TEST_PG_URL"); url && *url) return url;
  if (const char* file = std::getenv("HEARTH_TEST_PG_URL_FILE"); file && *file) {
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    return url;
  }
  return {};
}

TestDatabase::TestDatabase(std::string backend) : backend_(std::move(backend)) {
  if (backend_ == "sqlite") {
    target_ = (dir_.path() / "test.db").string();
    return;
  }
  server_url_ = postgres_server_url();
  if (server_url_.empty()) {
    error_ =
        "no PostgreSQL server for tests: run the tests through ctest (which starts one with "
        "tools/pg_harness.sh), or set HEARTH_TEST_PG_URL";
    return;
  }
  schema_ = "t_" + unique_suffix();
  if (!run_admin(server_url_, "CREATE SCHEMA " + schema_, error_)) return;
  const char* joiner = server_url_.find('?') == std::string::npos ? "?" : "&";
  target_ = server_url_ + joiner + "options=-csearch_path%3D" + schema_;
}

TestDatabase::~TestDatabase() {
  if (!schema_.empty()) {
    std::string ignored;
    run_admin(server_url_, "DROP SCHEMA " + schema_ + " CASCADE", ignored);
  }
}

}  // namespace hearth::testing
