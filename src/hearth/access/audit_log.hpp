// The audit log's writer: every read and change of a child's record, every sign-in, every
// break-glass, every refusal and every account change goes through `record`, which returns only
// once the entry is in the database. A caller that cannot audit does not go on: no audit, no
// record shown.
//
// Group commit: entries from many threads wait in a queue and one writer thread appends them
// in one transaction (store::AccessStore::append_audit chains them), so a busy server pays one
// commit, not one per page.
//
// Thread-safety: `record` may be called from any number of threads. The destructor writes what
// is queued, then stops the writer; no call may be in progress.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hearth/access/roles.hpp"
#include "hearth/core/env.hpp"
#include "hearth/store/access_store.hpp"

namespace hearth::access {

// What an audit entry says beyond who and when.
struct AuditDetail {
  std::string action;   // "child.record", "sign_in", ...
  std::string outcome;  // "allowed", "denied", "failed"
  std::string la_code;
  std::string child_id;
  std::string target;
  std::string reason;
};

class AuditLog {
 public:
  AuditLog(store::AccessStore& store, const core::Clock& clock);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Writes one entry for `who` (signed in or not) and waits until it is stored. The event's time
  // is the clock's when this is called. Errors: the store's (kUnavailable, kIo).
  core::Status record(const Principal& who, AuditDetail detail);
  // The same with an event already filled in (its `at` is kept).
  core::Status record(store::AuditEvent event);
  // What a page that lists children leaves: `detail` once for each child listed (la_code,
  // child_id), since their names are on the page and "who looked at this child" must find the
  // list too; or once without a child when the list is empty.
  core::Status record_listing(const Principal& who, const AuditDetail& detail,
                              const std::vector<std::pair<std::string, std::string>>& children);

  // Entries written since start, and commits made: for the log and the benchmarks.
  int64_t entries_written() const;
  int64_t commits() const;

 private:
  struct Pending {
    store::AuditEvent event;
    core::Status status;
    bool done = false;
  };

  store::AuditEvent event_of(const Principal& who, AuditDetail detail) const;
  // Several entries for `who` at once, waiting once for them all. The first error, if any.
  core::Status record_all(const Principal& who, std::vector<AuditDetail> details);
  // Queues the entries and waits until every one is written.
  core::Status write(std::vector<Pending>& pending);
  void run();

  store::AccessStore& store_;
  const core::Clock& clock_;
  mutable std::mutex mutex_;
  std::condition_variable work_;  // the writer waits here for entries
  std::condition_variable done_;  // callers wait here for their entry
  std::deque<Pending*> queue_;    // guarded by mutex_
  bool stopping_ = false;         // guarded by mutex_
  int64_t written_ = 0;           // guarded by mutex_
  int64_t commits_ = 0;           // guarded by mutex_
  std::thread writer_;
};

}  // namespace hearth::access
