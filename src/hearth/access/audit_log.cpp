#include "hearth/access/audit_log.hpp"

#include <vector>

namespace hearth::access {
namespace {

// Enough to amortise a commit, small enough that one transaction stays short.
constexpr size_t kMaxBatch = 512;

}  // namespace

AuditLog::AuditLog(store::AccessStore& store, const core::Clock& clock)
    : store_(store), clock_(clock), writer_([this] { run(); }) {}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  writer_.join();
}

core::Status AuditLog::record(const Principal& who, AuditDetail detail) {
  store::AuditEvent event;
  event.at = clock_.now();
  event.actor_id = who.account_id;
  event.actor_name = who.username;
  event.actor_role = who.signed_in ? std::string(role_name(who.role)) : "";
  event.action = std::move(detail.action);
  event.outcome = std::move(detail.outcome);
  event.la_code = std::move(detail.la_code);
  event.child_id = std::move(detail.child_id);
  event.target = std::move(detail.target);
  event.reason = std::move(detail.reason);
  event.address = who.address;
  return record(std::move(event));
}

core::Status AuditLog::record(store::AuditEvent event) {
  Pending pending{std::move(event), {}, false};
  std::unique_lock lock(mutex_);
  if (stopping_) return core::Error::unavailable("the audit log is shutting down");
  queue_.push_back(&pending);
  work_.notify_one();
  done_.wait(lock, [&] { return pending.done; });
  return pending.status;
}

int64_t AuditLog::entries_written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

int64_t AuditLog::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void AuditLog::run() {
  std::vector<Pending*> batch;
  std::vector<store::AuditEvent> events;
  std::unique_lock lock(mutex_);
  while (true) {
    work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) {
      if (stopping_) return;
      continue;
    }
    batch.clear();
    while (!queue_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    events.clear();
    for (const Pending* pending : batch) events.push_back(pending->event);
    core::Status status;
    try {
      auto written = store_.append_audit(events);
      if (!written) status = written.error();
    } catch (const std::exception& e) {
      status = core::Error::internal(std::string("writing the audit log failed: ") + e.what());
    }
    lock.lock();
    if (status) {
      written_ += static_cast<int64_t>(batch.size());
      ++commits_;
    }
    for (Pending* pending : batch) {
      pending->status = status;
      pending->done = true;
    }
    done_.notify_all();
  }
}

}  // namespace hearth::access
