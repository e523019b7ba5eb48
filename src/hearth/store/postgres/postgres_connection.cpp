#include "hearth/store/postgres/postgres_connection.hpp"

#include <regex>
#include <unordered_map>

#include <fmt/format.h>
#include <libpq-fe.h>

namespace hearth::store::postgres {
namespace {

using core::Error;

std::string trimmed(const char* text) {
  std::string out = text ? text : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

Error error_from_result(PGresult* result, PGconn* conn, std::string_view doing) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string message = fmt::format(
      "{}: {}", doing, trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn)));
  const std::string sqlstate = state ? state : "";
  if (PQstatus(conn) != CONNECTION_OK) return Error::unavailable(message);
  if (sqlstate.rfind("23", 0) == 0) return Error::conflict(message);  // integrity violation
  if (sqlstate == "53100") return Error::io(message);                 // disk full
  if (sqlstate == "25006") return Error::io(message);                 // read-only transaction
  if (sqlstate.rfind("08", 0) == 0) return Error::unavailable(message);
  if (sqlstate == "40001" || sqlstate == "40P01") return Error::conflict(message);
  return Error::internal(message);
}

// Rewrites ? placeholders to $1, $2, ... outside quoted text.
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  bool in_quote = false;
  for (char c : sql) {
    if (c == '\'') in_quote = !in_quote;
    if (c == '?' && !in_quote) {
      out += fmt::format("${}", next++);
    } else {
      out += c;
    }
  }
  return out;
}

// A statement prepared on the server the first time it runs (a named statement of this
// connection), then executed by name: the server parses and plans it once, not on every call.
class PostgresStatement final : public detail::Statement {
 public:
  PostgresStatement(PGconn* conn, std::string sql, std::string name)
      : conn_(conn), sql_(std::move(sql)), name_(std::move(name)) {}
  ~PostgresStatement() override { clear_result(); }

  void bind_text(int index, std::string_view value) override { slot(index) = std::string(value); }
  void bind_int(int index, int64_t value) override { slot(index) = std::to_string(value); }
  void bind_null(int index) override { slot(index).reset(); }

  core::Result<bool> step() override {
    if (!result_) {
      std::vector<const char*> values;
      values.reserve(params_.size());
      for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
      if (!prepared_) {
        PGresult* made = PQprepare(conn_, name_.c_str(), sql_.c_str(), 0, nullptr);
        const bool ok = PQresultStatus(made) == PGRES_COMMAND_OK;
        Error error = ok ? Error{} : error_from_result(made, conn_, "preparing a query failed");
        PQclear(made);
        if (!ok) return error;
        prepared_ = true;
      }
      result_ = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values.size()), values.data(),
                               nullptr, nullptr, 0);
      const auto status = PQresultStatus(result_);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        Error error = error_from_result(result_, conn_, "query failed");
        clear_result();
        return error;
      }
      row_ = -1;
      rows_ = PQntuples(result_);
    }
    ++row_;
    return row_ < rows_;
  }

  std::string_view column_text(int index) override {
    return {PQgetvalue(result_, row_, index),
            static_cast<size_t>(PQgetlength(result_, row_, index))};
  }
  int64_t column_int(int index) override {
    return std::strtoll(PQgetvalue(result_, row_, index), nullptr, 10);
  }
  bool column_is_null(int index) override { return PQgetisnull(result_, row_, index) != 0; }
  void reset() override {
    clear_result();
    params_.clear();
  }

 private:
  std::optional<std::string>& slot(int index) {
    if (params_.size() < static_cast<size_t>(index)) params_.resize(index);
    return params_[index - 1];
  }
  void clear_result() {
    if (result_) PQclear(result_);
    result_ = nullptr;
  }

  PGconn* conn_;
  std::string sql_;
  std::string name_;
  bool prepared_ = false;
  std::vector<std::optional<std::string>> params_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
};

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
void append_copy_field(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

class PostgresConnection final : public detail::Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override {
    cache_.clear();
    PQfinish(conn_);
  }

  std::string_view dialect() const override { return "postgresql"; }
  bool healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

  core::Status exec(std::string_view sql) override {
    PGresult* result = PQexec(conn_, std::string(sql).c_str());
    const auto status = PQresultStatus(result);
    core::Status outcome;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      outcome = error_from_result(result, conn_, "statement failed");
    }
    PQclear(result);
    return outcome;
  }

  core::Result<detail::Statement*> prepare(std::string_view sql) override {
    if (PQstatus(conn_) != CONNECTION_OK) {
      return Error::unavailable(
          fmt::format("the PostgreSQL connection was lost: {}", trimmed(PQerrorMessage(conn_))));
    }
    auto found = cache_.find(std::string(sql));
    if (found != cache_.end()) return found->second.get();
    auto statement = std::make_unique<PostgresStatement>(
        conn_, number_placeholders(sql), fmt::format("hearth_{}", cache_.size() + 1));
    auto* raw = statement.get();
    cache_.emplace(std::string(sql), std::move(statement));
    return raw;
  }

  core::Status insert_rows(std::string_view table, std::span<const std::string_view> columns,
                           std::span<const std::optional<std::string>> values) override {
    std::string sql = fmt::format("COPY {} (", table);
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + std::string(columns[i]);
    sql += ") FROM STDIN";
    PGresult* start = PQexec(conn_, sql.c_str());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
      Error error = error_from_result(start, conn_, "bulk load failed");
      PQclear(start);
      return error;
    }
    PQclear(start);
    const size_t width = columns.size();
    std::string buffer;
    buffer.reserve(1 << 20);
    bool sent_ok = true;
    for (size_t i = 0; i < values.size() && sent_ok; ++i) {
      append_copy_field(buffer, values[i]);
      buffer += (i % width == width - 1) ? '\n' : '\t';
      if (buffer.size() > (1 << 20) - 4096) {
        sent_ok = PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
        buffer.clear();
      }
    }
    if (sent_ok && !buffer.empty()) {
      sent_ok = PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
    }
    PQputCopyEnd(conn_, sent_ok ? nullptr : "client failed to send data");
    core::Status outcome;
    while (PGresult* result = PQgetResult(conn_)) {
      if (PQresultStatus(result) != PGRES_COMMAND_OK && outcome.ok()) {
        outcome = error_from_result(result, conn_, "bulk load failed");
      }
      PQclear(result);
    }
    return outcome;
  }

  core::Status begin_write() override { return exec("BEGIN"); }

 private:
  PGconn* conn_;
  std::unordered_map<std::string, std::unique_ptr<PostgresStatement>> cache_;
};

}  // namespace

std::string redact(std::string_view url) {
  static const std::regex password(R"(^(postgres(?:ql)?://[^:/@]+:)[^@]*@)");
  return std::regex_replace(std::string(url), password, "$1***@");
}

core::Result<std::unique_ptr<detail::Connection>> open_connection(const std::string& url) {
  // connect_timeout keeps an unreachable host from hanging a command for minutes.
  std::string target = url;
  if (target.find("connect_timeout") == std::string::npos) {
    target += target.find('?') == std::string::npos ? "?connect_timeout=10" : "&connect_timeout=10";
  }
  PGconn* conn = PQconnectdb(target.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    Error error = Error::unavailable(fmt::format("cannot connect to PostgreSQL at {}: {}",
                                                 redact(url), trimmed(PQerrorMessage(conn))));
    PQfinish(conn);
    return error;
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  if (auto quiet = connection->exec("SET client_min_messages = warning"); !quiet) {
    return quiet.error();
  }
  return std::unique_ptr<detail::Connection>(std::move(connection));
}

}  // namespace hearth::store::postgres
