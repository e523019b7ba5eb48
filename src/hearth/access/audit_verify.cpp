#include "hearth/access/audit_verify.hpp"

#include <fmt/format.h>

namespace hearth::access {
namespace {

constexpr int kPage = 5000;

}  // namespace

core::Result<ChainReport> verify_audit_chain(store::AccessStore& store,
                                             const std::function<void(int64_t)>& progress) {
  ChainReport report;
  auto head = store.audit_head();
  if (!head) return head.error();
  report.head = *head;
  auto broken = [&](int64_t seq, std::string problem) {
    report.intact = false;
    report.first_broken_seq = seq;
    report.problem = std::move(problem);
    return report;
  };

  // The chain up to the head read above: entries written while the walk goes on (a server is
  // running) are newer than this check, not "added outside Hearth".
  int64_t expected_seq = 1;
  std::string prev_hash(store::kAuditGenesis);
  bool at_head = head->seq == 0;
  while (!at_head) {
    auto page = store.audit_range(expected_seq - 1, kPage);
    if (!page) return page.error();
    for (const auto& entry : *page) {
      if (entry.seq > head->seq && entry.seq == expected_seq) {
        at_head = true;
        break;
      }
      ++report.entries;
      if (entry.seq != expected_seq) {
        return broken(expected_seq, fmt::format("entry {} is missing: the next entry is {}",
                                                expected_seq, entry.seq));
      }
      if (entry.prev_hash != prev_hash) {
        return broken(entry.seq, fmt::format("entry {} does not follow entry {}: the hash it "
                                             "records of the entry before is not that entry's",
                                             entry.seq, entry.seq - 1));
      }
      if (store::audit_hash(entry.prev_hash, entry.seq, entry.event) != entry.hash) {
        return broken(entry.seq,
                      fmt::format("entry {} was changed after it was written: its content does "
                                  "not match its hash (by {}, {} at {})",
                                  entry.seq, entry.event.actor_name, entry.event.action,
                                  entry.event.at.to_iso()));
      }
      prev_hash = entry.hash;
      ++expected_seq;
      if (entry.seq == head->seq) {
        at_head = true;
        break;
      }
    }
    if (progress) progress(report.entries);
    if (static_cast<int>(page->size()) < kPage) break;
  }
  const int64_t last = expected_seq - 1;
  if (last < head->seq) {
    return broken(last + 1, fmt::format("entries {} to {} are missing from the end of the log",
                                        last + 1, head->seq));
  }
  if (head->hash != prev_hash) {
    return broken(last, fmt::format("entry {} is not the last entry the log recorded", last));
  }
  return report;
}

}  // namespace hearth::access
