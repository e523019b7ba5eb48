#include "fakes/fake_access_store.hpp"

#include <algorithm>

#include "hearth/core/text.hpp"

namespace hearth::fakes {
namespace {

using core::Error;
using core::Result;
using core::Status;
using core::Timestamp;

}  // namespace

Status FakeAccessStore::check_available() const {
  if (unavailable_.load()) return Error::unavailable("the fake store is unavailable");
  return {};
}

void FakeAccessStore::tamper_audit(int64_t seq,
                                   const std::function<void(store::AuditEntry&)>& change) {
  std::lock_guard lock(mutex_);
  for (auto& entry : audit_) {
    if (entry.seq == seq) change(entry);
  }
}

Result<int> FakeAccessStore::put_account(const store::Account& account_in,
                                         const store::Change& change,
                                         std::optional<int> expected_revision) {
  HEARTH_RETURN_IF_ERROR(check_available());
  if (change.by.empty() || change.reason.empty()) {
    return Error::invalid("reason", "a change must say who made it and why");
  }
  store::Account account = account_in;
  account.username = core::ascii_lower(account.username);
  std::lock_guard lock(mutex_);
  auto& revisions = accounts_[account.id];
  const int at = static_cast<int>(revisions.size());
  if (expected_revision && *expected_revision != at) {
    if (revisions.empty()) accounts_.erase(account.id);
    return Error::conflict("account " + account.username + " is at revision " + std::to_string(at));
  }
  for (const auto& [id, other] : accounts_) {
    if (id != account.id && !other.empty() && other.back().account.username == account.username) {
      if (revisions.empty()) accounts_.erase(account.id);
      return Error::conflict("the username " + account.username + " is taken by another account")
          .in_field("username");
    }
  }
  revisions.push_back(store::StoredAccount{account, at + 1, change.at, change.by, change.reason});
  return at + 1;
}

Result<store::StoredAccount> FakeAccessStore::get_account(std::string_view account_id) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = accounts_.find(std::string(account_id));
  if (found == accounts_.end() || found->second.empty()) {
    return Error::not_found("no account " + std::string(account_id));
  }
  return found->second.back();
}

Result<store::StoredAccount> FakeAccessStore::find_account(std::string_view username) {
  HEARTH_RETURN_IF_ERROR(check_available());
  const std::string wanted = core::ascii_lower(username);
  std::lock_guard lock(mutex_);
  for (const auto& [id, revisions] : accounts_) {
    if (!revisions.empty() && revisions.back().account.username == wanted) return revisions.back();
  }
  return Error::not_found("no account " + wanted);
}

Result<std::vector<store::StoredAccount>> FakeAccessStore::list_accounts() {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::vector<store::StoredAccount> out;
  for (const auto& [id, revisions] : accounts_) {
    if (!revisions.empty()) out.push_back(revisions.back());
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.account.username < b.account.username; });
  return out;
}

Result<std::vector<store::StoredAccount>> FakeAccessStore::account_history(
    std::string_view account_id) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = accounts_.find(std::string(account_id));
  if (found == accounts_.end() || found->second.empty()) {
    return Error::not_found("no account " + std::string(account_id));
  }
  return found->second;
}

Status FakeAccessStore::set_password_hash(std::string_view account_id, std::string_view hash,
                                          Timestamp at) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  if (accounts_.count(std::string(account_id)) == 0) {
    return Error::not_found("no account " + std::string(account_id));
  }
  passwords_[std::string(account_id)] = {std::string(hash), at};
  return {};
}

Result<std::string> FakeAccessStore::password_hash(std::string_view account_id) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = passwords_.find(std::string(account_id));
  if (found == passwords_.end()) return Error::not_found("no password");
  return found->second.first;
}

Status FakeAccessStore::create_session(const store::Session& session) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  if (!sessions_.emplace(session.token_hash, session).second) {
    return Error::conflict("session exists");
  }
  return {};
}

Result<store::SessionWithAccount> FakeAccessStore::find_session(std::string_view token_hash) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(std::string(token_hash));
  if (found == sessions_.end()) return Error::not_found("no such session");
  auto account = accounts_.find(found->second.account_id);
  if (account == accounts_.end() || account->second.empty()) {
    return Error::not_found("no such session");
  }
  return store::SessionWithAccount{found->second, account->second.back().account};
}

Status FakeAccessStore::touch_session(std::string_view token_hash, Timestamp at) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(std::string(token_hash));
  if (found != sessions_.end()) found->second.last_seen_at = at;
  return {};
}

Status FakeAccessStore::revoke_session(std::string_view token_hash, Timestamp at) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(std::string(token_hash));
  if (found != sessions_.end() && !found->second.revoked_at) found->second.revoked_at = at;
  return {};
}

Result<int64_t> FakeAccessStore::revoke_sessions(std::string_view account_id, Timestamp at) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  int64_t revoked = 0;
  for (auto& [hash, session] : sessions_) {
    if (session.account_id == account_id && !session.revoked_at) {
      session.revoked_at = at;
      ++revoked;
    }
  }
  return revoked;
}

Result<std::vector<store::Session>> FakeAccessStore::open_sessions(std::string_view account_id) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::vector<store::Session> out;
  for (const auto& [hash, session] : sessions_) {
    if (session.account_id == account_id && !session.revoked_at) out.push_back(session);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  return out;
}

Status FakeAccessStore::record_sign_in_failure(store::ThrottleScope scope, std::string_view subject,
                                               Timestamp at) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  failures_.emplace_back(scope, std::string(subject), at);
  return {};
}

Result<std::vector<Timestamp>> FakeAccessStore::sign_in_failures(store::ThrottleScope scope,
                                                                 std::string_view subject,
                                                                 Timestamp since) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::vector<Timestamp> out;
  for (const auto& [s, who, at] : failures_) {
    if (s == scope && who == subject && at >= since) out.push_back(at);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Status FakeAccessStore::clear_sign_in_failures(store::ThrottleScope scope,
                                               std::string_view subject) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::erase_if(failures_, [&](const auto& failure) {
    return std::get<0>(failure) == scope && std::get<1>(failure) == subject;
  });
  return {};
}

Status FakeAccessStore::set_restricted_member(std::string_view la_code, std::string_view child_id,
                                              std::string_view account_id, bool member,
                                              const store::Change& change) {
  HEARTH_RETURN_IF_ERROR(check_available());
  if (change.by.empty() || change.reason.empty()) {
    return Error::invalid("reason", "a change must say who made it and why");
  }
  std::lock_guard lock(mutex_);
  auto& list = restricted_[{std::string(la_code), std::string(child_id)}];
  std::erase(list, std::string(account_id));
  if (member) list.push_back(std::string(account_id));
  std::sort(list.begin(), list.end());
  return {};
}

Result<bool> FakeAccessStore::is_restricted_member(std::string_view la_code,
                                                   std::string_view child_id,
                                                   std::string_view account_id) {
  auto members = restricted_members(la_code, child_id);
  if (!members) return members.error();
  return std::find(members->begin(), members->end(), account_id) != members->end();
}

Result<std::vector<std::string>> FakeAccessStore::restricted_members(std::string_view la_code,
                                                                     std::string_view child_id) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  auto found = restricted_.find({std::string(la_code), std::string(child_id)});
  if (found == restricted_.end()) return std::vector<std::string>{};
  return found->second;
}

Status FakeAccessStore::record_break_glass(const store::BreakGlass& grant) {
  HEARTH_RETURN_IF_ERROR(check_available());
  if (grant.reason.empty()) return Error::invalid("reason", "a break-glass grant needs a reason");
  std::lock_guard lock(mutex_);
  grants_.push_back(grant);
  return {};
}

Result<std::optional<store::BreakGlass>> FakeAccessStore::active_break_glass(
    std::string_view account_id, std::string_view la_code, std::string_view child_id,
    Timestamp now) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  for (auto it = grants_.rbegin(); it != grants_.rend(); ++it) {
    if (it->account_id == account_id && it->la_code == la_code && it->child_id == child_id &&
        it->expires_at > now && it->at <= now) {
      return std::optional<store::BreakGlass>(*it);
    }
  }
  return std::optional<store::BreakGlass>();
}

Result<std::vector<store::BreakGlass>> FakeAccessStore::break_glass_for_child(
    std::string_view la_code, std::string_view child_id) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::vector<store::BreakGlass> out;
  for (auto it = grants_.rbegin(); it != grants_.rend(); ++it) {
    if (it->la_code == la_code && it->child_id == child_id) out.push_back(*it);
  }
  return out;
}

Result<std::vector<store::AuditEntry>> FakeAccessStore::append_audit(
    std::span<const store::AuditEvent> events) {
  HEARTH_RETURN_IF_ERROR(check_available());
  if (audit_failing_.load()) return Error::io("the disk is full (fake)");
  std::lock_guard lock(mutex_);
  if (!refused_child_.empty()) {
    for (const auto& event : events) {
      if (event.child_id == refused_child_) return Error::invalid("child_id", "refused (fake)");
    }
  }
  std::vector<store::AuditEntry> written;
  for (const auto& event : events) {
    store::AuditEntry entry;
    entry.seq = head_.seq + 1;
    entry.event = event;
    entry.prev_hash = head_.hash;
    entry.hash = store::audit_hash(entry.prev_hash, entry.seq, event);
    head_ = {entry.seq, entry.hash};
    audit_.push_back(entry);
    written.push_back(std::move(entry));
  }
  return written;
}

Result<std::vector<store::AuditEntry>> FakeAccessStore::find_audit(const store::AuditQuery& query) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::vector<store::AuditEntry> out;
  const size_t limit = static_cast<size_t>(std::clamp(query.limit, 1, 1000));
  for (auto it = audit_.rbegin(); it != audit_.rend() && out.size() < limit; ++it) {
    const auto& e = it->event;
    if (!query.la_code.empty() && e.la_code != query.la_code) continue;
    if (!query.child_id.empty() && e.child_id != query.child_id) continue;
    if (!query.actor_id.empty() && e.actor_id != query.actor_id) continue;
    if (query.before_seq > 0 && it->seq >= query.before_seq) continue;
    out.push_back(*it);
  }
  return out;
}

Result<std::vector<store::AuditEntry>> FakeAccessStore::audit_range(int64_t after_seq, int limit) {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  std::vector<store::AuditEntry> out;
  for (const auto& entry : audit_) {
    if (entry.seq > after_seq && static_cast<int>(out.size()) < limit) out.push_back(entry);
  }
  return out;
}

Result<store::AuditHead> FakeAccessStore::audit_head() {
  HEARTH_RETURN_IF_ERROR(check_available());
  std::lock_guard lock(mutex_);
  return head_;
}

}  // namespace hearth::fakes
