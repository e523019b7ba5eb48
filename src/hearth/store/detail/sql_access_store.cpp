#include "hearth/store/detail/sql_access_store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hearth/core/text.hpp"
#include "hearth/store/store.hpp"

namespace hearth::store::detail {
namespace {

using core::Error;
using core::Result;
using core::Status;
using core::Timestamp;

constexpr std::string_view kAccountColumns =
    "r.account_id, r.revision, r.username, r.display_name, r.role, r.la_code, r.team_id, "
    "r.agency_id, r.practitioner_id, r.disabled, r.recorded_at, r.recorded_by, r.reason";

constexpr std::string_view kSessionColumns =
    "s.token_hash, s.account_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, "
    "s.revoked_at, s.address, s.user_agent";
constexpr int kSessionColumnCount = 9;

constexpr std::string_view kAuditColumns =
    "seq, at, actor_id, actor_name, actor_role, action, outcome, la_code, child_id, target, "
    "reason, address, prev_hash, hash";

constexpr std::string_view kBreakGlassColumns =
    "account_id, la_code, child_id, reason, at, expires_at";

std::string text(Statement& row, int column) {
  return std::string(row.column_text(column));
}

Timestamp timestamp(Statement& row, int column) {
  return Timestamp::parse_iso(row.column_text(column)).value_or(Timestamp());
}

StoredAccount read_account(Statement& row, int first) {
  StoredAccount out;
  Account& a = out.account;
  a.id = text(row, first);
  out.revision = static_cast<int>(row.column_int(first + 1));
  a.username = text(row, first + 2);
  a.display_name = text(row, first + 3);
  a.role = text(row, first + 4);
  a.la_code = text(row, first + 5);
  a.team_id = text(row, first + 6);
  a.agency_id = text(row, first + 7);
  a.practitioner_id = text(row, first + 8);
  a.disabled = row.column_int(first + 9) != 0;
  out.recorded_at = timestamp(row, first + 10);
  out.recorded_by = text(row, first + 11);
  out.reason = text(row, first + 12);
  return out;
}

Session read_session(Statement& row, int first) {
  Session s;
  s.token_hash = text(row, first);
  s.account_id = text(row, first + 1);
  s.csrf_token = text(row, first + 2);
  s.created_at = timestamp(row, first + 3);
  s.last_seen_at = timestamp(row, first + 4);
  s.expires_at = timestamp(row, first + 5);
  if (!row.column_is_null(first + 6)) s.revoked_at = timestamp(row, first + 6);
  s.address = text(row, first + 7);
  s.user_agent = text(row, first + 8);
  return s;
}

AuditEntry read_audit(Statement& row) {
  AuditEntry entry;
  entry.seq = row.column_int(0);
  AuditEvent& e = entry.event;
  e.at = timestamp(row, 1);
  e.actor_id = text(row, 2);
  e.actor_name = text(row, 3);
  e.actor_role = text(row, 4);
  e.action = text(row, 5);
  e.outcome = text(row, 6);
  e.la_code = text(row, 7);
  e.child_id = text(row, 8);
  e.target = text(row, 9);
  e.reason = text(row, 10);
  e.address = text(row, 11);
  entry.prev_hash = text(row, 12);
  entry.hash = text(row, 13);
  return entry;
}

BreakGlass read_break_glass(Statement& row) {
  return BreakGlass{text(row, 0), text(row, 1),      text(row, 2),
                    text(row, 3), timestamp(row, 4), timestamp(row, 5)};
}

std::string_view scope_name(ThrottleScope scope) {
  return scope == ThrottleScope::kAccount ? "account" : "address";
}

// Runs a prepared, bound statement, collecting one value per row.
template <typename T>
Result<std::vector<T>> collect(Statement& statement, const std::function<T(Statement&)>& read) {
  std::vector<T> out;
  auto done = each_row(statement, [&](Statement& row) -> Status {
    out.push_back(read(row));
    return {};
  });
  if (!done) return done.error();
  return out;
}

template <typename T>
Result<std::vector<T>> query(Connection& connection, std::string_view sql,
                             std::span<const std::string> params,
                             const std::function<T(Statement&)>& read) {
  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  (*statement)->reset();
  bind_texts(**statement, params);
  return collect<T>(**statement, read);
}

Result<StoredAccount> account_where(ConnectionPool& pool, std::string_view condition,
                                    std::string_view value) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  const std::string sql = fmt::format(
      "SELECT {} FROM account_current c JOIN account_revision r ON r.account_id = c.account_id "
      "AND r.revision = c.revision WHERE {}",
      kAccountColumns, condition);
  const std::string params[] = {std::string(value)};
  auto rows = query<StoredAccount>(**lease, sql, params,
                                   [](Statement& row) { return read_account(row, 0); });
  if (!rows) return rows.error();
  if (rows->empty()) return Error::not_found(fmt::format("no account {}", value));
  return std::move(rows->front());
}

Result<AuditHead> read_head(Connection& connection, std::string_view sql) {
  auto rows = query<AuditHead>(connection, sql, {}, [](Statement& row) {
    return AuditHead{row.column_int(0), text(row, 1)};
  });
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error::corrupt("the audit log has no head row: the database was altered");
  }
  return rows->front();
}

}  // namespace

Result<int> SqlAccessStore::put_account(const Account& account, const Change& change,
                                        std::optional<int> expected_revision) {
  HEARTH_RETURN_IF_ERROR(check_change(change));
  if (account.id.empty()) return Error::invalid("id", "an account needs an id");
  const std::string username = core::ascii_lower(account.username);
  if (username.empty()) return Error::invalid("username", "an account needs a username");
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  int revision = 0;
  auto done = in_write_transaction(connection, [&]() -> Status {
    auto current = run_sql(connection, "SELECT revision FROM account_current WHERE account_id = ?",
                           {account.id});
    if (!current) return current.error();
    const int at = current->has_value() ? static_cast<int>(**current) : 0;
    if (expected_revision && *expected_revision != at) {
      return Error::conflict(fmt::format(
          "account {} was changed by someone else: it is at revision {}, not {}; reload and try "
          "again",
          account.username, at, *expected_revision));
    }
    auto taken = run_sql(connection,
                         "SELECT count(*) FROM account_current WHERE username = ? AND "
                         "account_id <> ?",
                         {username, account.id});
    if (!taken) return taken.error();
    if (taken->value_or(0) > 0) {
      return Error::conflict(fmt::format("the username {} is taken by another account", username))
          .in_field("username");
    }
    revision = at + 1;
    const std::string revision_text = std::to_string(revision);
    auto inserted =
        run_sql(connection,
                "INSERT INTO account_revision (account_id, revision, username, display_name, role, "
                "la_code, team_id, agency_id, practitioner_id, disabled, recorded_at, recorded_by, "
                "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {account.id, revision_text, username, account.display_name, account.role,
                 account.la_code, account.team_id, account.agency_id, account.practitioner_id,
                 account.disabled ? "1" : "0", change.at.to_iso(), change.by, change.reason});
    if (!inserted) return inserted.error();
    auto pointed = run_sql(connection,
                           "INSERT INTO account_current (account_id, username, revision) VALUES "
                           "(?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET username = "
                           "excluded.username, revision = excluded.revision",
                           {account.id, username, revision_text});
    if (!pointed) return pointed.error();
    return {};
  });
  if (!done) return done.error();
  return revision;
}

Result<StoredAccount> SqlAccessStore::get_account(std::string_view account_id) {
  return account_where(pool_, "c.account_id = ?", account_id);
}

Result<StoredAccount> SqlAccessStore::find_account(std::string_view username) {
  return account_where(pool_, "c.username = ?", core::ascii_lower(username));
}

Result<std::vector<StoredAccount>> SqlAccessStore::list_accounts() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql = fmt::format(
      "SELECT {} FROM account_current c JOIN account_revision r ON r.account_id = c.account_id "
      "AND r.revision = c.revision ORDER BY c.username",
      kAccountColumns);
  return query<StoredAccount>(**lease, sql, {},
                              [](Statement& row) { return read_account(row, 0); });
}

Result<std::vector<StoredAccount>> SqlAccessStore::account_history(std::string_view account_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql =
      fmt::format("SELECT {} FROM account_revision r WHERE r.account_id = ? ORDER BY r.revision",
                  kAccountColumns);
  const std::string params[] = {std::string(account_id)};
  auto rows = query<StoredAccount>(**lease, sql, params,
                                   [](Statement& row) { return read_account(row, 0); });
  if (!rows) return rows.error();
  if (rows->empty()) return Error::not_found(fmt::format("no account {}", account_id));
  return rows;
}

Status SqlAccessStore::set_password_hash(std::string_view account_id, std::string_view hash,
                                         Timestamp at) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string when = at.to_iso();
  auto done = run_sql(**lease,
                      "INSERT INTO account_password (account_id, password_hash, changed_at) "
                      "VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET password_hash = "
                      "excluded.password_hash, changed_at = excluded.changed_at",
                      {account_id, hash, when});
  if (!done) {
    if (done.error().code == core::ErrorCode::kConflict) {
      return Error::not_found(fmt::format("no account {}", account_id));
    }
    return done.error();
  }
  return {};
}

Result<std::string> SqlAccessStore::password_hash(std::string_view account_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::optional<std::string> params[] = {std::string(account_id)};
  auto rows = query_column(
      **lease, "SELECT password_hash FROM account_password WHERE account_id = ?", params);
  if (!rows) return rows.error();
  if (rows->empty() || !rows->front()) {
    return Error::not_found(fmt::format("account {} has no password", account_id));
  }
  return *rows->front();
}

Status SqlAccessStore::create_session(const Session& session) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string created = session.created_at.to_iso();
  const std::string seen = session.last_seen_at.to_iso();
  const std::string expires = session.expires_at.to_iso();
  auto done = run_sql(**lease,
                      "INSERT INTO session (token_hash, account_id, csrf_token, created_at, "
                      "last_seen_at, expires_at, revoked_at, address, user_agent) VALUES (?, ?, "
                      "?, ?, ?, ?, NULL, ?, ?)",
                      {session.token_hash, session.account_id, session.csrf_token, created, seen,
                       expires, session.address, session.user_agent});
  if (!done) return done.error();
  return {};
}

Result<SessionWithAccount> SqlAccessStore::find_session(std::string_view token_hash) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql = fmt::format(
      "SELECT {}, {} FROM session s JOIN account_current c ON c.account_id = s.account_id JOIN "
      "account_revision r ON r.account_id = c.account_id AND r.revision = c.revision WHERE "
      "s.token_hash = ?",
      kSessionColumns, kAccountColumns);
  const std::string params[] = {std::string(token_hash)};
  auto rows = query<SessionWithAccount>(**lease, sql, params, [](Statement& row) {
    return SessionWithAccount{read_session(row, 0), read_account(row, kSessionColumnCount).account};
  });
  if (!rows) return rows.error();
  if (rows->empty()) return Error::not_found("no such session");
  return std::move(rows->front());
}

Status SqlAccessStore::touch_session(std::string_view token_hash, Timestamp at) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string when = at.to_iso();
  auto done = run_sql(**lease, "UPDATE session SET last_seen_at = ? WHERE token_hash = ?",
                      {when, token_hash});
  if (!done) return done.error();
  return {};
}

Status SqlAccessStore::revoke_session(std::string_view token_hash, Timestamp at) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string when = at.to_iso();
  auto done = run_sql(
      **lease, "UPDATE session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
      {when, token_hash});
  if (!done) return done.error();
  return {};
}

Result<int64_t> SqlAccessStore::revoke_sessions(std::string_view account_id, Timestamp at) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  int64_t revoked = 0;
  const std::string when = at.to_iso();
  auto done = in_write_transaction(connection, [&]() -> Status {
    auto open = run_sql(connection,
                        "SELECT count(*) FROM session WHERE account_id = ? AND revoked_at IS NULL",
                        {account_id});
    if (!open) return open.error();
    revoked = open->value_or(0);
    auto updated = run_sql(
        connection, "UPDATE session SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
        {when, account_id});
    if (!updated) return updated.error();
    return {};
  });
  if (!done) return done.error();
  return revoked;
}

Result<std::vector<Session>> SqlAccessStore::open_sessions(std::string_view account_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql = fmt::format(
      "SELECT {} FROM session s WHERE s.account_id = ? AND s.revoked_at IS NULL ORDER BY "
      "s.created_at DESC",
      kSessionColumns);
  const std::string params[] = {std::string(account_id)};
  return query<Session>(**lease, sql, params, [](Statement& row) { return read_session(row, 0); });
}

Status SqlAccessStore::record_sign_in_failure(ThrottleScope scope, std::string_view subject,
                                              Timestamp at) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  const std::string when = at.to_iso();
  const std::string day_before = at.plus_seconds(-86'400).to_iso();
  return in_write_transaction(connection, [&]() -> Status {
    auto forgot = run_sql(connection,
                          "DELETE FROM sign_in_failure WHERE scope = ? AND subject = ? AND at < ?",
                          {scope_name(scope), subject, day_before});
    if (!forgot) return forgot.error();
    auto done =
        run_sql(connection, "INSERT INTO sign_in_failure (scope, subject, at) VALUES (?, ?, ?)",
                {scope_name(scope), subject, when});
    if (!done) return done.error();
    return {};
  });
}

Result<std::vector<Timestamp>> SqlAccessStore::sign_in_failures(ThrottleScope scope,
                                                                std::string_view subject,
                                                                Timestamp since) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string params[] = {std::string(scope_name(scope)), std::string(subject),
                                since.to_iso()};
  return query<Timestamp>(**lease,
                          "SELECT at FROM sign_in_failure WHERE scope = ? AND subject = ? AND at "
                          ">= ? ORDER BY at",
                          params, [](Statement& row) { return timestamp(row, 0); });
}

Status SqlAccessStore::clear_sign_in_failures(ThrottleScope scope, std::string_view subject) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto done = run_sql(**lease, "DELETE FROM sign_in_failure WHERE scope = ? AND subject = ?",
                      {scope_name(scope), subject});
  if (!done) return done.error();
  return {};
}

Status SqlAccessStore::set_restricted_member(std::string_view la_code, std::string_view child_id,
                                             std::string_view account_id, bool member,
                                             const Change& change) {
  HEARTH_RETURN_IF_ERROR(check_change(change));
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  const std::string when = change.at.to_iso();
  return in_write_transaction(connection, [&]() -> Status {
    auto logged = run_sql(
        connection,
        "INSERT INTO restricted_member_change (la_code, child_id, account_id, "
        "member, recorded_at, recorded_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {la_code, child_id, account_id, member ? "1" : "0", when, change.by, change.reason});
    if (!logged) return logged.error();
    auto done = run_sql(
        connection,
        member ? "INSERT INTO restricted_member (la_code, child_id, account_id) VALUES (?, ?, ?) "
                 "ON CONFLICT (la_code, child_id, account_id) DO NOTHING"
               : "DELETE FROM restricted_member WHERE la_code = ? AND child_id = ? AND "
                 "account_id = ?",
        {la_code, child_id, account_id});
    if (!done) return done.error();
    return {};
  });
}

Result<bool> SqlAccessStore::is_restricted_member(std::string_view la_code,
                                                  std::string_view child_id,
                                                  std::string_view account_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto count = run_sql(**lease,
                       "SELECT count(*) FROM restricted_member WHERE la_code = ? AND child_id = ? "
                       "AND account_id = ?",
                       {la_code, child_id, account_id});
  if (!count) return count.error();
  return count->value_or(0) > 0;
}

Result<std::vector<std::string>> SqlAccessStore::restricted_members(std::string_view la_code,
                                                                    std::string_view child_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string params[] = {std::string(la_code), std::string(child_id)};
  return query<std::string>(**lease,
                            "SELECT account_id FROM restricted_member WHERE la_code = ? AND "
                            "child_id = ? ORDER BY account_id",
                            params, [](Statement& row) { return text(row, 0); });
}

Status SqlAccessStore::record_break_glass(const BreakGlass& grant) {
  if (grant.reason.empty()) return Error::invalid("reason", "a break-glass grant needs a reason");
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string at = grant.at.to_iso();
  const std::string expires = grant.expires_at.to_iso();
  auto done = run_sql(**lease,
                      "INSERT INTO break_glass (account_id, la_code, child_id, reason, at, "
                      "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                      {grant.account_id, grant.la_code, grant.child_id, grant.reason, at, expires});
  if (!done) return done.error();
  return {};
}

Result<std::optional<BreakGlass>> SqlAccessStore::active_break_glass(std::string_view account_id,
                                                                     std::string_view la_code,
                                                                     std::string_view child_id,
                                                                     Timestamp now) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql = fmt::format(
      "SELECT {} FROM break_glass WHERE account_id = ? AND la_code = ? AND child_id = ? AND "
      "expires_at > ? AND at <= ? ORDER BY seq DESC LIMIT 1",
      kBreakGlassColumns);
  const std::string when = now.to_iso();
  const std::string params[] = {std::string(account_id), std::string(la_code),
                                std::string(child_id), when, when};
  auto rows = query<BreakGlass>(**lease, sql, params, read_break_glass);
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<BreakGlass>();
  return std::optional<BreakGlass>(std::move(rows->front()));
}

Result<std::vector<BreakGlass>> SqlAccessStore::break_glass_for_child(std::string_view la_code,
                                                                      std::string_view child_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql =
      fmt::format("SELECT {} FROM break_glass WHERE la_code = ? AND child_id = ? ORDER BY seq DESC",
                  kBreakGlassColumns);
  const std::string params[] = {std::string(la_code), std::string(child_id)};
  return query<BreakGlass>(**lease, sql, params, read_break_glass);
}

Result<std::vector<AuditEntry>> SqlAccessStore::append_audit(std::span<const AuditEvent> events) {
  std::vector<AuditEntry> written;
  if (events.empty()) return written;
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  // Appenders in other processes wait on the head row (PostgreSQL) or the write lock (SQLite),
  // so the chain has one order.
  const std::string head_sql = connection.dialect() == "postgresql"
                                   ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                   : "SELECT seq, hash FROM audit_head WHERE id = 1";
  auto done = in_write_transaction(connection, [&]() -> Status {
    written.clear();
    auto head = read_head(connection, head_sql);
    if (!head) return head.error();
    AuditHead at = *head;
    auto insert = connection.prepare(
        "INSERT INTO audit_entry (seq, at, actor_id, actor_name, actor_role, action, outcome, "
        "la_code, child_id, target, reason, address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    for (const AuditEvent& event : events) {
      AuditEntry entry;
      entry.seq = at.seq + 1;
      entry.event = event;
      entry.prev_hash = at.hash;
      entry.hash = audit_hash(entry.prev_hash, entry.seq, event);
      const std::string seq = std::to_string(entry.seq);
      const std::string when = event.at.to_iso();
      auto inserted = run_statement(
          **insert, {seq, when, event.actor_id, event.actor_name, event.actor_role, event.action,
                     event.outcome, event.la_code, event.child_id, event.target, event.reason,
                     event.address, entry.prev_hash, entry.hash});
      if (!inserted) return inserted.error();
      at.seq = entry.seq;
      at.hash = entry.hash;
      written.push_back(std::move(entry));
    }
    const std::string seq = std::to_string(at.seq);
    auto moved =
        run_sql(connection, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq, at.hash});
    if (!moved) return moved.error();
    return {};
  });
  if (!done) return done.error();
  return written;
}

Result<std::vector<AuditEntry>> SqlAccessStore::find_audit(const AuditQuery& query_in) {
  std::string where = "WHERE 1 = 1";
  std::vector<std::string> params;
  if (!query_in.la_code.empty()) {
    where += " AND la_code = ?";
    params.push_back(query_in.la_code);
  }
  if (!query_in.child_id.empty()) {
    where += " AND child_id = ?";
    params.push_back(query_in.child_id);
  }
  if (!query_in.actor_id.empty()) {
    where += " AND actor_id = ?";
    params.push_back(query_in.actor_id);
  }
  if (query_in.before_seq > 0) {
    where += " AND seq < ?";
    params.push_back(std::to_string(query_in.before_seq));
  }
  const int limit = std::clamp(query_in.limit, 1, 1000);
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql = fmt::format("SELECT {} FROM audit_entry {} ORDER BY seq DESC LIMIT {}",
                                      kAuditColumns, where, limit);
  return query<AuditEntry>(**lease, sql, params, read_audit);
}

Result<std::vector<AuditEntry>> SqlAccessStore::audit_range(int64_t after_seq, int limit) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql =
      fmt::format("SELECT {} FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT {}", kAuditColumns,
                  std::clamp(limit, 1, 100000));
  const std::string params[] = {std::to_string(after_seq)};
  return query<AuditEntry>(**lease, sql, params, read_audit);
}

Result<AuditHead> SqlAccessStore::audit_head() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return read_head(**lease, "SELECT seq, hash FROM audit_head WHERE id = 1");
}

}  // namespace hearth::store::detail
