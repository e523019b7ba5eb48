// The small slice of SQL that both backends speak, so that the store's logic is written once
// (sql_store.cpp) and the backends only translate. Statements use `?` placeholders; the PostgreSQL
// connection rewrites them to $1, $2, ....
//
// A Connection and its Statements belong to one thread at a time (the pool hands them out).
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/result.hpp"
#include "hearth/store/store.hpp"

namespace hearth::store::detail {

class Statement {
 public:
  virtual ~Statement() = default;
  // Parameters are 1-based, as in SQL.
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_int(int index, int64_t value) = 0;
  virtual void bind_null(int index) = 0;
  // Runs the statement (first call) or moves to the next row: true while a row is available.
  virtual core::Result<bool> step() = 0;
  // Columns are 0-based. Text stays valid until the next step or reset.
  virtual std::string_view column_text(int index) = 0;
  virtual int64_t column_int(int index) = 0;
  virtual bool column_is_null(int index) = 0;
  // Clears the result and the bindings, ready to run again.
  virtual void reset() = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual std::string_view dialect() const = 0;  // "sqlite" or "postgresql"
  // False once the connection is broken (a PostgreSQL server went away): the pool drops it.
  virtual bool healthy() const { return true; }
  // Runs one or more statements without parameters or results (migrations, BEGIN, COMMIT).
  virtual core::Status exec(std::string_view sql) = 0;
  // A statement ready to bind and step. It may be cached by the connection: the returned pointer
  // is valid until the connection is destroyed, and must be reset before being prepared again.
  virtual core::Result<Statement*> prepare(std::string_view sql) = 0;
  // Bulk insert of text rows (nullopt = NULL) into `table`'s `columns`. PostgreSQL uses COPY;
  // SQLite a prepared INSERT.
  virtual core::Status insert_rows(std::string_view table,
                                   std::span<const std::string_view> columns,
                                   std::span<const std::optional<std::string>> values) = 0;
  // Starts a transaction that will write (SQLite takes the write lock at once, so two writers
  // never deadlock upgrading from read to write).
  virtual core::Status begin_write() = 0;
};

// Runs `sql` with text parameters and returns the first column of every row (nullopt for NULL):
// for one-off look-ups such as counts and versions.
core::Result<std::vector<std::optional<std::string>>> query_column(
    Connection& connection, std::string_view sql,
    std::span<const std::optional<std::string>> params);

// Binds texts to a statement and runs it to completion, returning the first column of the first
// row as an integer if there is one.
core::Result<std::optional<int64_t>> run_statement(Statement& statement,
                                                   std::initializer_list<std::string_view> params);
// Prepares `sql` on the connection, then as run_statement.
core::Result<std::optional<int64_t>> run_sql(Connection& connection, std::string_view sql,
                                             std::initializer_list<std::string_view> params);

// Steps a bound statement through its rows, calling `on_row` for each; the statement is reset
// however the walk ends, ready for its next use from the connection's cache.
core::Status each_row(Statement& statement, const std::function<core::Status(Statement&)>& on_row);

// Runs `work` in a write transaction on the connection: committed when it succeeds, rolled back
// when it fails or throws (the exception is rethrown).
core::Status in_write_transaction(Connection& connection,
                                  const std::function<core::Status()>& work);

// Binds texts to parameters 1, 2, ... in order.
void bind_texts(Statement& statement, std::span<const std::string> params);

// Runs a `SELECT count(*) ...` with texts bound in order; its one number.
core::Result<int64_t> count_rows(Connection& connection, std::string_view sql,
                                 std::span<const std::string> params);

// kInvalid unless the change says who made it and why: every revision carries both.
core::Status check_change(const Change& change);

}  // namespace hearth::store::detail
