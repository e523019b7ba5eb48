// The access module's tables, as plain rows: accounts, their passwords, sessions, failed
// sign-ins, the named lists of restricted records, break-glass grants and the audit log.
// Reached through `Store::access()`; the rules about them (who may do what, when a session
// expires, how many failures lock an account) live in the access module, not here.
//
// What is kept how:
//   - Accounts are records: each change is a new revision with who, when and why
//     (account_history). Usernames are unique, compared in lower case.
//   - A password hash is a secret, not a record: a reset replaces it (the reset itself is a
//     revision of the account, with who and why), so old hashes are not kept.
//   - Sessions and failed sign-ins are working state, changed in place (last seen, revoked).
//   - The audit log is append-only and chained: each entry carries the SHA-256 of its content and
//     of the entry before (`audit_hash`). The tables refuse UPDATE and DELETE (triggers), and
//     `audit_head` records the last entry, so a removed tail shows too.
//   - Restricted-record lists and break-glass grants are append-only.
//
// Thread-safety: as Store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/result.hpp"

namespace hearth::store {

struct Change;
struct RevisionInfo;

// A person who signs in to Hearth.
struct Account {
  std::string id;               // "U0000001": stable, never reused
  std::string username;         // lower case, unique: "amy.khan"
  std::string display_name;     // "Amy Khan"
  std::string role;             // an access::Role name: "social_worker", "partner", ...
  std::string la_code;          // the authority the account works for ("" for a national role)
  std::string team_id;          // social-care staff: their team
  std::string agency_id;        // partner-agency practitioners: their agency
  std::string practitioner_id;  // social-care staff: their Practitioner record (allocation)
  bool disabled = false;
  bool operator==(const Account&) const = default;
};

struct StoredAccount {
  Account account;
  int revision = 0;
  core::Timestamp recorded_at;
  std::string recorded_by;
  std::string reason;
};

struct Session {
  std::string token_hash;  // SHA-256 of the token in the cookie: the token itself is never stored
  std::string account_id;
  std::string csrf_token;  // the session's anti-forgery token, put in every form
  core::Timestamp created_at;
  core::Timestamp last_seen_at;
  core::Timestamp expires_at;  // absolute end, whatever the activity
  std::optional<core::Timestamp> revoked_at;
  std::string address;     // where it was opened from
  std::string user_agent;  // the browser that opened it (cut to 200 characters)
};

struct SessionWithAccount {
  Session session;
  Account account;
};

// Failed sign-ins are counted per account and per client address.
enum class ThrottleScope { kAccount, kAddress };

// One thing that happened, for the audit log.
struct AuditEvent {
  core::Timestamp at;
  std::string actor_id;    // account id; "" when no one was signed in
  std::string actor_name;  // username (as typed, for a failed sign-in)
  std::string actor_role;
  std::string action;   // "child.read", "sign_in", "break_glass", "account.add", ...
  std::string outcome;  // "allowed", "denied", "failed"
  std::string la_code;  // the child's authority, when a child is involved
  std::string child_id;
  std::string target;   // what was touched: a route and path, a record, an account
  std::string reason;   // why: the break-glass reason, the change's reason, why it was denied
  std::string address;  // client address
  bool operator==(const AuditEvent&) const = default;
};

struct AuditEntry {
  int64_t seq = 0;  // 1, 2, 3, ...: no gaps
  AuditEvent event;
  std::string prev_hash;  // the hash of entry seq - 1 (kAuditGenesis for the first)
  std::string hash;       // audit_hash(prev_hash, seq, event)
};

// The hash before the first entry.
inline constexpr std::string_view kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 (hex) over the entry's sequence number, every field of the event and the previous
// hash, each field length-prefixed so that no two different entries give the same text.
std::string audit_hash(std::string_view prev_hash, int64_t seq, const AuditEvent& event);

struct AuditHead {
  int64_t seq = 0;  // 0 when the log is empty
  std::string hash{kAuditGenesis};
};

// Newest first. Filters combine; an empty filter matches everything.
struct AuditQuery {
  std::string la_code;     // entries of this authority (about its children, or by its staff)
  std::string child_id;    // with la_code: entries about this child
  std::string actor_id;    // entries by this account
  int64_t before_seq = 0;  // > 0: only entries with seq < before_seq (paging back)
  int limit = 100;         // 1..1000
};

// A reason given to open a record one's role does not otherwise open.
struct BreakGlass {
  std::string account_id;
  std::string la_code;
  std::string child_id;
  std::string reason;
  core::Timestamp at;
  core::Timestamp expires_at;
};

class AccessStore {
 public:
  virtual ~AccessStore() = default;

  // Accounts. put_account appends a revision (expected_revision as Writer::put: 0 for a new
  // account); kConflict for a username another account has, or a stale revision.
  virtual core::Result<int> put_account(const Account& account, const Change& change,
                                        std::optional<int> expected_revision) = 0;
  // kNotFound when there is no such account.
  virtual core::Result<StoredAccount> get_account(std::string_view account_id) = 0;
  virtual core::Result<StoredAccount> find_account(std::string_view username) = 0;
  // Every account's current revision, by username.
  virtual core::Result<std::vector<StoredAccount>> list_accounts() = 0;
  // Every revision, oldest first.
  virtual core::Result<std::vector<StoredAccount>> account_history(std::string_view account_id) = 0;
  virtual core::Status set_password_hash(std::string_view account_id, std::string_view hash,
                                         core::Timestamp at) = 0;
  // kNotFound when the account has no password.
  virtual core::Result<std::string> password_hash(std::string_view account_id) = 0;

  // Sessions. find_session gives the session with its account's current revision, or
  // kNotFound (revoked and expired sessions are found: the caller judges them).
  virtual core::Status create_session(const Session& session) = 0;
  virtual core::Result<SessionWithAccount> find_session(std::string_view token_hash) = 0;
  virtual core::Status touch_session(std::string_view token_hash, core::Timestamp at) = 0;
  virtual core::Status revoke_session(std::string_view token_hash, core::Timestamp at) = 0;
  // Revokes every open session of the account; returns how many.
  virtual core::Result<int64_t> revoke_sessions(std::string_view account_id,
                                                core::Timestamp at) = 0;
  // The account's sessions that are not revoked, newest first.
  virtual core::Result<std::vector<Session>> open_sessions(std::string_view account_id) = 0;

  // Failed sign-ins. Recording one also forgets that subject's failures older than a day.
  virtual core::Status record_sign_in_failure(ThrottleScope scope, std::string_view subject,
                                              core::Timestamp at) = 0;
  // The failures since `since`, oldest first (for when a lock ends).
  virtual core::Result<std::vector<core::Timestamp>> sign_in_failures(ThrottleScope scope,
                                                                      std::string_view subject,
                                                                      core::Timestamp since) = 0;
  virtual core::Status clear_sign_in_failures(ThrottleScope scope, std::string_view subject) = 0;

  // The named list of who may see a restricted child's record.
  virtual core::Status set_restricted_member(std::string_view la_code, std::string_view child_id,
                                             std::string_view account_id, bool member,
                                             const Change& change) = 0;
  virtual core::Result<bool> is_restricted_member(std::string_view la_code,
                                                  std::string_view child_id,
                                                  std::string_view account_id) = 0;
  // The account ids on a child's list.
  virtual core::Result<std::vector<std::string>> restricted_members(std::string_view la_code,
                                                                    std::string_view child_id) = 0;

  // Break-glass grants.
  virtual core::Status record_break_glass(const BreakGlass& grant) = 0;
  // The account's latest grant for the child that has not expired at `now`.
  virtual core::Result<std::optional<BreakGlass>> active_break_glass(std::string_view account_id,
                                                                     std::string_view la_code,
                                                                     std::string_view child_id,
                                                                     core::Timestamp now) = 0;
  // Every grant for a child, newest first.
  virtual core::Result<std::vector<BreakGlass>> break_glass_for_child(
      std::string_view la_code, std::string_view child_id) = 0;

  // The audit log. append_audit chains the events in one transaction, after the last entry
  // written by any process, and returns them as written.
  virtual core::Result<std::vector<AuditEntry>> append_audit(
      std::span<const AuditEvent> events) = 0;
  virtual core::Result<std::vector<AuditEntry>> find_audit(const AuditQuery& query) = 0;
  // Entries with seq > after_seq, oldest first, at most `limit`: for walking the whole chain.
  virtual core::Result<std::vector<AuditEntry>> audit_range(int64_t after_seq, int limit) = 0;
  virtual core::Result<AuditHead> audit_head() = 0;
};

}  // namespace hearth::store
