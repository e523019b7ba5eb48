#include "hearth/access/sessions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hearth/core/digest.hpp"
#include "hearth/core/text.hpp"

namespace hearth::access {
namespace {

using core::Error;
using core::Timestamp;

constexpr size_t kTokenBytes = 32;

bool is_hex_token(std::string_view token) {
  return token.size() == kTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// The principal of an account, or nothing for a role this program does not know (a corrupt row,
// or one written by a newer Hearth): such an account gets no rights at all.
std::optional<Principal> principal_of(const store::Account& account, const store::Session& session,
                                      std::string_view address) {
  const auto role = role_from_name(account.role);
  if (!role) return std::nullopt;
  Principal p;
  p.signed_in = true;
  p.account_id = account.id;
  p.username = account.username;
  p.display_name = account.display_name;
  p.role = *role;
  p.la_code = account.la_code;
  p.team_id = account.team_id;
  p.agency_id = account.agency_id;
  p.practitioner_id = account.practitioner_id;
  p.session_token_hash = session.token_hash;
  p.csrf_token = session.csrf_token;
  p.address = std::string(address);
  return p;
}

std::string minutes_until(Timestamp now, Timestamp then) {
  const int64_t minutes =
      std::max<int64_t>(1, (then.micros() - now.micros() + 59'999'999) / 60'000'000);
  return minutes == 1 ? "1 minute" : fmt::format("{} minutes", minutes);
}

}  // namespace

std::string session_token_hash(std::string_view token) {
  return core::sha256_hex(token);
}

Sessions::Sessions(store::Store& store, const core::Clock& clock, const PasswordHasher& hasher,
                   AuditLog& audit, SessionPolicy policy)
    : store_(store), clock_(clock), hasher_(hasher), audit_(audit), policy_(policy) {}

const std::string& Sessions::decoy_hash() {
  std::call_once(decoy_once_,
                 [this] { decoy_hash_ = hasher_.hash(core::random_hex(16)).value_or(""); });
  return decoy_hash_;
}

core::Result<std::optional<Timestamp>> Sessions::locked_until(store::ThrottleScope scope,
                                                              const std::string& subject, int limit,
                                                              Timestamp now) {
  // A failure exactly `window` old no longer counts.
  const Timestamp since =
      Timestamp::from_micros(now.plus_seconds(-policy_.window_seconds).micros() + 1);
  auto failures = store_.access().sign_in_failures(scope, subject, since);
  if (!failures) return failures.error();
  if (static_cast<int>(failures->size()) < limit) return std::optional<Timestamp>();
  // Unlocked when all but limit - 1 of them are older than the window.
  const Timestamp oldest_counted = (*failures)[failures->size() - static_cast<size_t>(limit)];
  return std::optional<Timestamp>(oldest_counted.plus_seconds(policy_.window_seconds));
}

core::Error Sessions::refuse(const SignInAttempt& attempt, const std::string& username,
                             const std::string& why) {
  const Timestamp now = clock_.now();
  auto& access = store_.access();
  if (auto done = access.record_sign_in_failure(store::ThrottleScope::kAccount, username, now);
      !done) {
    return done.error();
  }
  if (auto done =
          access.record_sign_in_failure(store::ThrottleScope::kAddress, attempt.address, now);
      !done) {
    return done.error();
  }
  Principal who = Principal::anonymous(attempt.address);
  who.username = username;
  if (auto done = audit_.record(who, {"sign_in", "failed", "", "", "sign-in", why}); !done) {
    return done.error();
  }
  return Error::invalid("password", "Enter a correct username and password");
}

core::Result<NewSession> Sessions::sign_in(const SignInAttempt& attempt) {
  const std::string username = core::ascii_lower(core::trim(attempt.username));
  if (username.empty()) return Error::invalid("username", "Enter your username");
  if (username.size() > kMaxUsernameLength) {
    return Error::invalid(
        "username", fmt::format("Username must be {} characters or fewer", kMaxUsernameLength));
  }
  if (attempt.password.empty()) return Error::invalid("password", "Enter your password");
  if (attempt.password.size() > kMaxPasswordLength) {
    return Error::invalid(
        "password", fmt::format("Password must be {} characters or fewer", kMaxPasswordLength));
  }
  // Attempts on one username wait for each other, so that a burst of guesses sent at once is
  // counted one by one against the lock instead of all passing the check together.
  std::lock_guard serialised(attempt_locks_[std::hash<std::string>{}(username) % kAttemptLocks]);
  const Timestamp now = clock_.now();
  Principal who = Principal::anonymous(attempt.address);
  who.username = username;

  for (const auto& [scope, subject, limit, what] :
       {std::tuple{store::ThrottleScope::kAddress, attempt.address, policy_.address_failures,
                   "this network"},
        std::tuple{store::ThrottleScope::kAccount, username, policy_.account_failures,
                   "this username"}}) {
    auto until = locked_until(scope, subject, limit, now);
    if (!until) return until.error();
    if (*until) {
      HEARTH_RETURN_IF_ERROR(
          audit_.record(who, {"sign_in", "denied", "", "", "sign-in",
                              fmt::format("locked: too many failed sign-ins from {}", what)}));
      return Error::forbidden(fmt::format(
          "There have been too many failed attempts to sign in from {}. Try again in {}, or ask "
          "your administrator to reset your password",
          what, minutes_until(now, **until)));
    }
  }

  auto account = store_.access().find_account(username);
  if (!account) {
    if (account.error().code != core::ErrorCode::kNotFound) return account.error();
    (void)hasher_.verify(decoy_hash(), attempt.password);  // as long as a real check takes
    return refuse(attempt, username, "no such account");
  }
  auto hash = store_.access().password_hash(account->account.id);
  if (!hash && hash.error().code != core::ErrorCode::kNotFound) return hash.error();
  // An account without a password takes as long to refuse as one with.
  const bool matches = hash ? hasher_.verify(*hash, attempt.password)
                            : (hasher_.verify(decoy_hash(), attempt.password), false);
  if (!matches) return refuse(attempt, username, "wrong password");
  if (account->account.disabled) return refuse(attempt, username, "account disabled");

  auto& access = store_.access();
  HEARTH_RETURN_IF_ERROR(access.clear_sign_in_failures(store::ThrottleScope::kAccount, username));
  if (hasher_.needs_rehash(*hash)) {
    auto rehashed = hasher_.hash(attempt.password);
    if (rehashed) (void)access.set_password_hash(account->account.id, *rehashed, now);
  }
  store::Session session;
  const std::string token = core::random_hex(kTokenBytes);
  session.token_hash = session_token_hash(token);
  session.account_id = account->account.id;
  session.csrf_token = core::random_hex(kTokenBytes);
  session.created_at = now;
  session.last_seen_at = now;
  session.expires_at = now.plus_seconds(policy_.absolute_seconds);
  session.address = attempt.address;
  session.user_agent = attempt.user_agent.substr(0, 200);
  auto principal = principal_of(account->account, session, attempt.address);
  if (!principal) return refuse(attempt, username, "account has an unknown role");
  HEARTH_RETURN_IF_ERROR(access.create_session(session));
  HEARTH_RETURN_IF_ERROR(audit_.record(*principal, {"sign_in", "allowed", "", "", "sign-in", ""}));
  return NewSession{token, std::move(*principal)};
}

core::Result<Principal> Sessions::authenticate(std::string_view token, std::string_view address) {
  if (!is_hex_token(token)) return Error::not_found("not a session token");
  auto found = store_.access().find_session(session_token_hash(token));
  if (!found) return found.error();
  const store::Session& session = found->session;
  const Timestamp now = clock_.now();
  if (session.revoked_at) return Error::not_found("You have been signed out");
  if (session.expires_at <= now) return Error::not_found("Your session has ended");
  if (session.last_seen_at.plus_seconds(policy_.idle_seconds) <= now) {
    return Error::not_found(
        fmt::format("You were signed out because you had not used Hearth for {} minutes",
                    policy_.idle_seconds / 60));
  }
  if (found->account.disabled) return Error::not_found("This account has been disabled");
  if (session.last_seen_at.plus_seconds(policy_.touch_every_seconds) <= now) {
    HEARTH_RETURN_IF_ERROR(store_.access().touch_session(session.token_hash, now));
  }
  auto principal = principal_of(found->account, session, address);
  if (!principal)
    return Error::not_found("This account has a role this version of Hearth does not know");
  return std::move(*principal);
}

core::Result<std::vector<store::Session>> Sessions::open_sessions(const Principal& principal) {
  auto sessions = store_.access().open_sessions(principal.account_id);
  if (!sessions) return sessions.error();
  const Timestamp now = clock_.now();
  std::erase_if(*sessions, [&](const store::Session& s) {
    return s.expires_at <= now || s.last_seen_at.plus_seconds(policy_.idle_seconds) <= now;
  });
  return sessions;
}

void Sessions::prepare() {
  (void)decoy_hash();
}

core::Status Sessions::sign_out(const Principal& principal) {
  if (!principal.signed_in) return {};
  HEARTH_RETURN_IF_ERROR(
      store_.access().revoke_session(principal.session_token_hash, clock_.now()));
  return audit_.record(principal, {"sign_out", "allowed", "", "", "this session", ""});
}

core::Result<int64_t> Sessions::sign_out_everywhere(const Principal& principal) {
  if (!principal.signed_in) return int64_t{0};
  auto revoked = store_.access().revoke_sessions(principal.account_id, clock_.now());
  if (!revoked) return revoked.error();
  HEARTH_RETURN_IF_ERROR(audit_.record(principal, {"sign_out", "allowed", "", "", "every session",
                                                   fmt::format("{} sessions ended", *revoked)}));
  return *revoked;
}

}  // namespace hearth::access
