#include "hearth/access/audit_log.hpp"

#include <algorithm>
#include <functional>
#include <span>
#include <vector>

namespace hearth::access {
namespace {

// Enough to amortise a commit, small enough that one transaction stays short. Each commit waits
// for the disk (an fdatasync, some 6 ms here): at 512 an export naming 24,767 children made 49
// commits, a third of a second; at 4096 it makes 7, and a page waiting behind a full batch waits
// some tens of milliseconds.
constexpr size_t kMaxBatch = 4096;
// What the log keeps of a field: an audit entry is a trace, not a store for whatever a request
// carried (a search of a megabyte, an address full of junk).
constexpr size_t kMaxField = 500;

void cut(std::string& field) {
  if (field.size() <= kMaxField) return;
  size_t end = kMaxField;
  while (end > 0 && (static_cast<unsigned char>(field[end]) & 0xC0) == 0x80) --end;  // whole UTF-8
  field.resize(end);
  field += "…";
}

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

store::AuditEvent AuditLog::event_of(const Principal& who, AuditDetail detail) const {
  store::AuditEvent event;
  event.at = clock_.now();
  event.actor_id = who.account_id;
  event.actor_name = who.username;
  event.actor_role = who.signed_in ? std::string(role_name(who.role)) : "";
  event.action = std::move(detail.action);
  event.outcome = std::move(detail.outcome);
  // With no child, the entry belongs to the actor's authority, so that an authority's auditor
  // sees its sign-ins and searches too.
  event.la_code = detail.la_code.empty() ? who.la_code : std::move(detail.la_code);
  event.child_id = std::move(detail.child_id);
  event.target = std::move(detail.target);
  event.reason = std::move(detail.reason);
  event.address = who.address;
  return event;
}

core::Status AuditLog::record(const Principal& who, AuditDetail detail) {
  return record(event_of(who, std::move(detail)));
}

core::Status AuditLog::record(store::AuditEvent event) {
  std::vector<Pending> pending(1);
  pending.front().event = std::move(event);
  return write(pending);
}

core::Status AuditLog::record_all(const Principal& who, std::vector<AuditDetail> details) {
  if (details.empty()) return {};
  std::vector<Pending> pending(details.size());
  for (size_t i = 0; i < details.size(); ++i) {
    pending[i].event = event_of(who, std::move(details[i]));
  }
  return write(pending);
}

core::Status AuditLog::record_listing(
    const Principal& who, const AuditDetail& detail,
    const std::vector<std::pair<std::string, std::string>>& children) {
  std::vector<AuditDetail> details;
  details.reserve(std::max<size_t>(children.size(), 1));
  for (const auto& [la_code, child_id] : children) {
    AuditDetail one = detail;
    one.la_code = la_code;
    one.child_id = child_id;
    details.push_back(std::move(one));
  }
  if (details.empty()) details.push_back(detail);
  return record_all(who, std::move(details));
}

core::Status AuditLog::write(std::vector<Pending>& pending) {
  for (Pending& one : pending) {
    for (std::string* field : {&one.event.actor_name, &one.event.la_code, &one.event.child_id,
                               &one.event.target, &one.event.reason, &one.event.address}) {
      cut(*field);
    }
  }
  std::unique_lock lock(mutex_);
  if (stopping_) return core::Error::unavailable("the audit log is shutting down");
  for (Pending& one : pending) queue_.push_back(&one);
  work_.notify_one();
  done_.wait(lock, [&] {
    return std::all_of(pending.begin(), pending.end(), [](const Pending& p) { return p.done; });
  });
  for (const Pending& one : pending) {
    if (!one.status) return one.status;
  }
  return {};
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
    // Nothing may end this thread: every caller in the batch is waiting for an answer.
    int64_t written = 0;
    int64_t commits = 0;
    try {
      events.clear();
      for (const Pending* pending : batch) events.push_back(pending->event);
      auto appended = store_.append_audit(events);
      if (appended) {
        written = static_cast<int64_t>(batch.size());
        commits = 1;
        for (Pending* pending : batch) pending->status = {};
      } else if (batch.size() == 1) {
        batch.front()->status = appended.error();
      } else {
        // One entry the database refuses must not fail the others: each half on its own, and
        // so on down to the one (a dozen commits for a batch of 4,096, not 4,096).
        std::function<void(std::span<Pending*>)> each_half = [&](std::span<Pending*> part) {
          const size_t half = part.size() / 2;
          for (auto side : {part.first(half), part.subspan(half)}) {
            std::vector<store::AuditEvent> some;
            for (const Pending* pending : side) some.push_back(pending->event);
            auto appended_side = store_.append_audit(some);
            if (appended_side) {
              for (Pending* pending : side) pending->status = {};
              written += static_cast<int64_t>(side.size());
              ++commits;
            } else if (side.size() == 1) {
              side.front()->status = appended_side.error();
            } else {
              each_half(side);
            }
          }
        };
        each_half(batch);
      }
    } catch (const std::exception& e) {
      for (Pending* pending : batch) {
        pending->status =
            core::Error::internal(std::string("writing the audit log failed: ") + e.what());
      }
    }
    lock.lock();
    written_ += written;
    commits_ += commits;
    for (Pending* pending : batch) pending->done = true;
    done_.notify_all();
  }
}

}  // namespace hearth::access
