// An in-memory AccessStore (store/access_store.hpp) for tests: accounts with revisions,
// passwords, sessions, failed sign-ins, restricted lists, break-glass grants and a chained audit
// log, under one mutex, with the interface's documented behaviour and no SQL.
//
// `tamper_audit` changes a stored entry in place, as someone with access to the database file
// might: for the tests of `hearth audit verify`.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "hearth/store/access_store.hpp"
#include "hearth/store/store.hpp"

namespace hearth::fakes {

class FakeAccessStore final : public store::AccessStore {
 public:
  // While set, every call fails with kUnavailable.
  void set_unavailable(bool unavailable) { unavailable_.store(unavailable); }
  // While set, append_audit fails with kIo (a full disk): for "no audit, no record".
  void set_audit_failing(bool failing) { audit_failing_.store(failing); }
  // A batch holding an entry about this child is refused whole, as a database refuses a
  // transaction with one bad row (empty: none).
  void set_audit_refusing_child(std::string child_id) {
    std::lock_guard lock(mutex_);
    refused_child_ = std::move(child_id);
  }
  void tamper_audit(int64_t seq, const std::function<void(store::AuditEntry&)>& change);

  core::Result<int> put_account(const store::Account& account, const store::Change& change,
                                std::optional<int> expected_revision) override;
  core::Result<store::StoredAccount> get_account(std::string_view account_id) override;
  core::Result<store::StoredAccount> find_account(std::string_view username) override;
  core::Result<std::vector<store::StoredAccount>> list_accounts() override;
  core::Result<std::vector<store::StoredAccount>> account_history(
      std::string_view account_id) override;
  core::Status set_password_hash(std::string_view account_id, std::string_view hash,
                                 core::Timestamp at) override;
  core::Result<std::string> password_hash(std::string_view account_id) override;

  core::Status create_session(const store::Session& session) override;
  core::Result<store::SessionWithAccount> find_session(std::string_view token_hash) override;
  core::Status touch_session(std::string_view token_hash, core::Timestamp at) override;
  core::Status revoke_session(std::string_view token_hash, core::Timestamp at) override;
  core::Result<int64_t> revoke_sessions(std::string_view account_id, core::Timestamp at) override;
  core::Result<std::vector<store::Session>> open_sessions(std::string_view account_id) override;

  core::Status record_sign_in_failure(store::ThrottleScope scope, std::string_view subject,
                                      core::Timestamp at) override;
  core::Result<std::vector<core::Timestamp>> sign_in_failures(store::ThrottleScope scope,
                                                              std::string_view subject,
                                                              core::Timestamp since) override;
  core::Status clear_sign_in_failures(store::ThrottleScope scope,
                                      std::string_view subject) override;

  core::Status set_restricted_member(std::string_view la_code, std::string_view child_id,
                                     std::string_view account_id, bool member,
                                     const store::Change& change) override;
  core::Result<bool> is_restricted_member(std::string_view la_code, std::string_view child_id,
                                          std::string_view account_id) override;
  core::Result<std::vector<std::string>> restricted_members(std::string_view la_code,
                                                            std::string_view child_id) override;

  core::Status record_break_glass(const store::BreakGlass& grant) override;
  core::Result<std::optional<store::BreakGlass>> active_break_glass(std::string_view account_id,
                                                                    std::string_view la_code,
                                                                    std::string_view child_id,
                                                                    core::Timestamp now) override;
  core::Result<std::vector<store::BreakGlass>> break_glass_for_child(
      std::string_view la_code, std::string_view child_id) override;

  core::Result<std::vector<store::AuditEntry>> append_audit(
      std::span<const store::AuditEvent> events) override;
  core::Result<std::vector<store::AuditEntry>> find_audit(const store::AuditQuery& query) override;
  core::Result<std::vector<store::AuditEntry>> audit_range(int64_t after_seq, int limit) override;
  core::Result<store::AuditHead> audit_head() override;

 private:
  core::Status check_available() const;

  mutable std::mutex mutex_;
  std::map<std::string, std::vector<store::StoredAccount>> accounts_;  // by id; guarded
  std::map<std::string, std::pair<std::string, core::Timestamp>> passwords_;
  std::map<std::string, store::Session> sessions_;  // by token hash
  std::vector<std::tuple<store::ThrottleScope, std::string, core::Timestamp>> failures_;
  std::map<std::tuple<std::string, std::string>, std::vector<std::string>> restricted_;
  std::vector<store::BreakGlass> grants_;
  std::vector<store::AuditEntry> audit_;
  store::AuditHead head_;
  std::atomic<bool> unavailable_{false};
  std::atomic<bool> audit_failing_{false};
  std::string refused_child_;  // guarded by mutex_
};

}  // namespace hearth::fakes
