// Signing in and out, and knowing who a request is from.
//
// A session is a random 256-bit token in an HttpOnly cookie; the database keeps only its SHA-256,
// so a copy of the database opens no session. Sessions live in the database, so several hearth
// processes serve the same users, and signing out (or an administrator disabling an account)
// ends a session everywhere at once. A session ends after `idle` without a request, and after
// `absolute` whatever the activity.
//
// Failed sign-ins are throttled: `account_failures` failures for one username within `window`
// lock that username until the oldest of them is `window` old; `address_failures` from one
// client address lock that address the same way. Attempts on one username are serialised within
// a process, so a burst of parallel guesses is counted one by one (across several processes a
// burst can still get one guess a process past the lock). A username that has no account is counted
// like one that has, and takes as long to refuse, so the sign-in page does not tell which usernames
// exist. Every attempt is audited.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>

#include "hearth/access/audit_log.hpp"
#include "hearth/access/passwords.hpp"
#include "hearth/access/roles.hpp"
#include "hearth/core/env.hpp"
#include "hearth/store/store.hpp"

namespace hearth::access {

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;
  int64_t absolute_seconds = 12 * 60 * 60;
  // last_seen is written at most this often: a page view is a read, not a write.
  int64_t touch_every_seconds = 60;
  int account_failures = 5;
  // Higher: an office behind one address (or a proxy without --trusted-proxy) shares it.
  int address_failures = 50;
  int64_t window_seconds = 15 * 60;
};

inline constexpr size_t kMaxUsernameLength = 64;

struct SignInAttempt {
  std::string username;
  std::string password;
  std::string address;
  std::string user_agent;
};

struct NewSession {
  std::string token;  // for the cookie; never stored
  Principal principal;
};

class Sessions {
 public:
  Sessions(store::Store& store, const core::Clock& clock, const PasswordHasher& hasher,
           AuditLog& audit, SessionPolicy policy = {});

  // Errors: kInvalid in field "username" or "password" for what was typed (empty, too long, or
  // not a correct pair: the message never says which of the two was wrong); kForbidden when the
  // username or the address is locked by failures, the message saying when to try again;
  // kUnavailable when the store or the audit log cannot be written.
  core::Result<NewSession> sign_in(const SignInAttempt& attempt);

  // The principal of a session token. kNotFound, with a message for the person, for a token
  // that is malformed, unknown, signed out, expired, timed out, or of a disabled account.
  core::Result<Principal> authenticate(std::string_view token, std::string_view address);

  // The principal's sessions that are still open: not signed out, expired or timed out.
  core::Result<std::vector<store::Session>> open_sessions(const Principal& principal);

  // Makes what the first failed sign-in would otherwise make (the hash an unknown username is
  // checked against), so that it takes no longer than the others. `hearth serve` calls it.
  void prepare();

  core::Status sign_out(const Principal& principal);
  // Ends every session of the principal's account, this one too. Returns how many.
  core::Result<int64_t> sign_out_everywhere(const Principal& principal);

  const SessionPolicy& policy() const { return policy_; }

 private:
  // Counts and audits a failed attempt; the error to answer with (or the store's).
  core::Error refuse(const SignInAttempt& attempt, const std::string& username,
                     const std::string& why);
  core::Result<std::optional<core::Timestamp>> locked_until(store::ThrottleScope scope,
                                                            const std::string& subject, int limit,
                                                            core::Timestamp now);

  store::Store& store_;
  const core::Clock& clock_;
  const PasswordHasher& hasher_;
  AuditLog& audit_;
  SessionPolicy policy_;
  // Verified against when there is no account, to take as long; made on first need (a hash at
  // full cost takes a tenth of a second, which a command that never signs in need not pay).
  const std::string& decoy_hash();
  std::once_flag decoy_once_;
  std::string decoy_hash_;
  static constexpr size_t kAttemptLocks = 64;
  std::array<std::mutex, kAttemptLocks> attempt_locks_;
};

// The SHA-256 the database keeps of a session token.
std::string session_token_hash(std::string_view token);

}  // namespace hearth::access
