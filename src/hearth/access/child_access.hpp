// Opening a child's record: the one service the child's page (and later the API) calls. It
// gathers the facts the policy needs (allocation, restriction, break-glass), asks the policy,
// writes the audit entry, and gives back only what the decision allows: the whole record, or the
// summary with nothing else in it, so that no page can show more than was decided.
//
//   auto opened = records.open(principal, "999", "C0001234", "GET /children/999/C0001234");
//   if (!opened) ... kNotFound (no such child, or hidden from this principal), kForbidden
//   (this role never sees children's records), kUnavailable (the store, or the audit log)
//   opened->full ? the whole record : opened->record holds only the child and opened->status
//
// No audit, no record: when the audit entry cannot be written, open() fails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hearth/access/audit_log.hpp"
#include "hearth/access/policy.hpp"
#include "hearth/core/env.hpp"
#include "hearth/store/store.hpp"
#include "hearth/workflow/status.hpp"

namespace hearth::access {

inline constexpr int64_t kBreakGlassHours = 8;  // a working day
inline constexpr size_t kMinBreakGlassReason = 10;
inline constexpr size_t kMaxBreakGlassReason = 1000;

struct OpenedRecord {
  bool full = false;
  Decision decision;          // full: why it was allowed; summary: kNeedsReason
  store::ChildRecord record;  // summary: only `child` is filled
  workflow::ChildStatus status;
  std::optional<domain::Team> team;            // the team the child is allocated to
  std::optional<domain::Practitioner> worker;  // the allocated worker
  // Full record only: the practitioners its case notes and social worker episodes name, and
  // the related children (siblings in care) the principal may see; relationships to the others
  // are left out of the record.
  std::vector<domain::Practitioner> practitioners;
  std::vector<domain::Child> related_children;
  // Who gave a reason to open this record: shown to the allocated worker and the team manager.
  std::vector<store::BreakGlass> break_glass;
  bool shows_break_glass = false;
};

class ChildRecords {
 public:
  ChildRecords(store::Store& store, const core::Clock& clock, AuditLog& audit);

  // `target` says what was asked for, for the audit entry ("GET /children/999/C1").
  core::Result<OpenedRecord> open(const Principal& principal, std::string_view la_code,
                                  std::string_view child_id, std::string_view target);

  // One case note, for those who may open the whole record. kNotFound for a note that is not
  // this child's.
  core::Result<domain::CaseNote> case_note(const Principal& principal, std::string_view la_code,
                                           std::string_view child_id, std::string_view note_id,
                                           std::string_view target);

  // Records a reason to open the whole record for kBreakGlassHours. kInvalid in field "reason"
  // when it is shorter than kMinBreakGlassReason or longer than kMaxBreakGlassReason characters.
  core::Status break_glass(const Principal& principal, std::string_view la_code,
                           std::string_view child_id, std::string_view reason);

  // The policy's facts about a child for a principal (reads the restricted list and the
  // principal's break-glass grants when they matter).
  core::Result<ChildFacts> facts(const Principal& principal, const store::ChildRecord& record);

 private:
  // Whether the principal is on the child's named list (asked of restricted children only).
  core::Result<bool> on_restricted_list(const Principal& principal, const domain::Child& child);
  core::Result<OpenedRecord> decide_open(const Principal& principal, std::string_view la_code,
                                         std::string_view child_id, std::string_view target,
                                         std::string_view action);
  core::Status audit_refusal(const Principal& principal, std::string_view la_code,
                             std::string_view child_id, std::string_view target,
                             std::string_view action, const Decision& decision);

  store::Store& store_;
  const core::Clock& clock_;
  AuditLog& audit_;
};

}  // namespace hearth::access
