// Checking the audit log's hash chain (`hearth audit verify`): each entry's hash must be the
// hash of its own content and the hash before it, the sequence must run 1, 2, 3 without a gap,
// and the chain must reach the head the log recorded when the check began, so that an entry
// changed, removed from the middle or cut from the end all show, with the first entry where the
// chain breaks. Entries written during the check (by a running server) are left for the next.
//
// Tamper-evident, not tamper-proof: someone able to rewrite the whole table and its head could
// rebuild a consistent chain. Copying the head's hash somewhere else now and then (`hearth audit
// verify` prints it) anchors the log up to that point.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "hearth/core/result.hpp"
#include "hearth/store/access_store.hpp"

namespace hearth::access {

struct ChainReport {
  int64_t entries = 0;  // entries read
  bool intact = true;
  int64_t first_broken_seq = 0;  // 0 when intact
  std::string problem;           // what is wrong with it, for a person
  store::AuditHead head;         // as recorded
};

// Reads the whole log in pages. `progress` (optional) is called after each page with the
// entries read so far. Errors are the store's; a broken chain is a report, not an error.
core::Result<ChainReport> verify_audit_chain(
    store::AccessStore& store, const std::function<void(int64_t)>& progress = nullptr);

}  // namespace hearth::access
