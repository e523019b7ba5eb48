// AccessStore (access_store.hpp) over the same connections as the SqlStore, for both backends.
#pragma once

#include "hearth/store/access_store.hpp"
#include "hearth/store/detail/connection_pool.hpp"

namespace hearth::store::detail {

class SqlAccessStore final : public AccessStore {
 public:
  explicit SqlAccessStore(ConnectionPool& pool) : pool_(pool) {}

  core::Result<int> put_account(const Account& account, const Change& change,
                                std::optional<int> expected_revision) override;
  core::Result<StoredAccount> get_account(std::string_view account_id) override;
  core::Result<StoredAccount> find_account(std::string_view username) override;
  core::Result<std::vector<StoredAccount>> list_accounts() override;
  core::Result<std::vector<StoredAccount>> account_history(std::string_view account_id) override;
  core::Status set_password_hash(std::string_view account_id, std::string_view hash,
                                 core::Timestamp at) override;
  core::Result<std::string> password_hash(std::string_view account_id) override;

  core::Status create_session(const Session& session) override;
  core::Result<SessionWithAccount> find_session(std::string_view token_hash) override;
  core::Status touch_session(std::string_view token_hash, core::Timestamp at) override;
  core::Status revoke_session(std::string_view token_hash, core::Timestamp at) override;
  core::Result<int64_t> revoke_sessions(std::string_view account_id, core::Timestamp at) override;
  core::Result<std::vector<Session>> open_sessions(std::string_view account_id) override;

  core::Status record_sign_in_failure(ThrottleScope scope, std::string_view subject,
                                      core::Timestamp at) override;
  core::Result<std::vector<core::Timestamp>> sign_in_failures(ThrottleScope scope,
                                                              std::string_view subject,
                                                              core::Timestamp since) override;
  core::Status clear_sign_in_failures(ThrottleScope scope, std::string_view subject) override;

  core::Status set_restricted_member(std::string_view la_code, std::string_view child_id,
                                     std::string_view account_id, bool member,
                                     const Change& change) override;
  core::Result<bool> is_restricted_member(std::string_view la_code, std::string_view child_id,
                                          std::string_view account_id) override;
  core::Result<std::vector<std::string>> restricted_members(std::string_view la_code,
                                                            std::string_view child_id) override;

  core::Status record_break_glass(const BreakGlass& grant) override;
  core::Result<std::optional<BreakGlass>> active_break_glass(std::string_view account_id,
                                                             std::string_view la_code,
                                                             std::string_view child_id,
                                                             core::Timestamp now) override;
  core::Result<std::vector<BreakGlass>> break_glass_for_child(std::string_view la_code,
                                                              std::string_view child_id) override;

  core::Result<std::vector<AuditEntry>> append_audit(std::span<const AuditEvent> events) override;
  core::Result<std::vector<AuditEntry>> find_audit(const AuditQuery& query) override;
  core::Result<std::vector<AuditEntry>> audit_range(int64_t after_seq, int limit) override;
  core::Result<AuditHead> audit_head() override;

 private:
  ConnectionPool& pool_;
};

}  // namespace hearth::store::detail
