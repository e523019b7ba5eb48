#include "hearth/store/detail/sql.hpp"

namespace hearth::store::detail {

core::Result<std::vector<std::optional<std::string>>> query_column(
    Connection& connection, std::string_view sql,
    std::span<const std::optional<std::string>> params) {
  auto prepared = connection.prepare(sql);
  if (!prepared) return prepared.error();
  Statement& statement = **prepared;
  statement.reset();
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i]) {
      statement.bind_text(static_cast<int>(i + 1), *params[i]);
    } else {
      statement.bind_null(static_cast<int>(i + 1));
    }
  }
  std::vector<std::optional<std::string>> rows;
  auto read = each_row(statement, [&](Statement& row) -> core::Status {
    rows.push_back(row.column_is_null(0)
                       ? std::nullopt
                       : std::optional<std::string>(std::string(row.column_text(0))));
    return {};
  });
  if (!read) return read.error();
  return rows;
}

core::Result<std::optional<int64_t>> run_statement(Statement& statement,
                                                   std::initializer_list<std::string_view> params) {
  statement.reset();
  int index = 1;
  for (std::string_view p : params) statement.bind_text(index++, p);
  auto row = statement.step();
  if (!row) {
    statement.reset();
    return row.error();
  }
  std::optional<int64_t> first;
  if (*row && !statement.column_is_null(0)) first = statement.column_int(0);
  while (*row) {
    row = statement.step();
    if (!row) {
      statement.reset();
      return row.error();
    }
  }
  statement.reset();
  return first;
}

core::Result<std::optional<int64_t>> run_sql(Connection& connection, std::string_view sql,
                                             std::initializer_list<std::string_view> params) {
  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  return run_statement(**statement, params);
}

core::Status each_row(Statement& statement, const std::function<core::Status(Statement&)>& on_row) {
  while (true) {
    auto row = statement.step();
    if (!row) {
      statement.reset();
      return row.error();
    }
    if (!*row) break;
    if (auto done = on_row(statement); !done) {
      statement.reset();
      return done;
    }
  }
  statement.reset();
  return {};
}

core::Status in_write_transaction(Connection& connection,
                                  const std::function<core::Status()>& work) {
  if (auto begun = connection.begin_write(); !begun) return begun.error();
  core::Status outcome;
  try {
    outcome = work();
  } catch (...) {
    (void)connection.exec("ROLLBACK");
    throw;
  }
  if (!outcome) {
    (void)connection.exec("ROLLBACK");
    return outcome;
  }
  if (auto committed = connection.exec("COMMIT"); !committed) {
    (void)connection.exec("ROLLBACK");
    return committed.error();
  }
  return {};
}

void bind_texts(Statement& statement, std::span<const std::string> params) {
  for (size_t i = 0; i < params.size(); ++i) {
    statement.bind_text(static_cast<int>(i + 1), params[i]);
  }
}

core::Result<int64_t> count_rows(Connection& connection, std::string_view sql,
                                 std::span<const std::string> params) {
  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  (*statement)->reset();
  bind_texts(**statement, params);
  int64_t count = 0;
  auto read = each_row(**statement, [&](Statement& row) -> core::Status {
    count = row.column_int(0);
    return {};
  });
  if (!read) return read.error();
  return count;
}

core::Status check_change(const Change& change) {
  if (change.by.empty()) return core::Error::invalid("by", "a change must say who made it");
  if (change.reason.empty()) {
    return core::Error::invalid("reason", "a change must say why it was made");
  }
  return {};
}

}  // namespace hearth::store::detail
