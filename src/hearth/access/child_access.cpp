#include "hearth/access/child_access.hpp"

#include <set>

#include <fmt/format.h>

#include "hearth/core/text.hpp"

namespace hearth::access {
namespace {

using core::Error;

}  // namespace

ChildRecords::ChildRecords(store::Store& store, const core::Clock& clock, AuditLog& audit)
    : store_(store), clock_(clock), audit_(audit) {}

core::Result<bool> ChildRecords::on_restricted_list(const Principal& principal,
                                                    const domain::Child& child) {
  if (!principal.signed_in) return false;
  return store_.access().is_restricted_member(child.la_code, child.id, principal.account_id);
}

core::Result<ChildFacts> ChildRecords::facts(const Principal& principal,
                                             const store::ChildRecord& record) {
  const domain::Child& child = record.child.value;
  ChildFacts facts;
  facts.la_code = child.la_code;
  facts.child_id = child.id;
  facts.allocated_worker_id = child.allocated_worker_id;
  facts.team_id = child.team_id;
  facts.restricted = child.restricted;
  if (child.restricted) {
    auto member = on_restricted_list(principal, child);
    if (!member) return member.error();
    facts.on_restricted_list = *member;
  }
  // The grant matters only when nothing else opens the record: ask the store only then.
  if (principal.signed_in && !decide(principal, Permission::kChildRecord, &facts).allowed) {
    auto grant = store_.access().active_break_glass(principal.account_id, child.la_code, child.id,
                                                    clock_.now());
    if (!grant) return grant.error();
    facts.break_glass_active = grant->has_value();
  }
  return facts;
}

core::Status ChildRecords::audit_refusal(const Principal& principal, std::string_view la_code,
                                         std::string_view child_id, std::string_view target,
                                         std::string_view action, const Decision& decision) {
  return audit_.record(principal,
                       {std::string(action), "denied", std::string(la_code), std::string(child_id),
                        std::string(target), std::string(denial_name(decision.denial))});
}

core::Result<OpenedRecord> ChildRecords::decide_open(const Principal& principal,
                                                     std::string_view la_code,
                                                     std::string_view child_id,
                                                     std::string_view target,
                                                     std::string_view action) {
  const Decision by_role = decide_by_role(principal, Permission::kChildSummary);
  if (!by_role.allowed) {
    HEARTH_RETURN_IF_ERROR(audit_refusal(principal, la_code, child_id, target, action, by_role));
    return Error::forbidden("You do not have access to children's records");
  }
  auto record = store_.child_record(la_code, child_id);
  if (!record) {
    if (record.error().code == core::ErrorCode::kNotFound) {
      HEARTH_RETURN_IF_ERROR(
          audit_.record(principal, {std::string(action), "failed", std::string(la_code),
                                    std::string(child_id), std::string(target), "no such child"}));
    }
    return record.error();
  }
  OpenedRecord opened;
  opened.status = workflow::current_status(*record, clock_.today());
  auto facts = this->facts(principal, *record);
  if (!facts) return facts.error();
  const Decision summary = decide(principal, Permission::kChildSummary, &*facts);
  if (!summary.allowed) {
    HEARTH_RETURN_IF_ERROR(audit_refusal(principal, la_code, child_id, target, action, summary));
    // Hidden and other authorities' children are answered as if they did not exist.
    return Error::not_found(fmt::format("no child {} in authority {}", child_id, la_code));
  }
  const Decision full = decide(principal, Permission::kChildRecord, &*facts);
  opened.full = full.allowed;
  opened.decision = full.allowed ? full : Decision::deny(full.denial);
  const domain::Child& child = record->child.value;
  // The team and the workers the page names, in one read.
  std::set<std::string> named{child.allocated_worker_id};
  if (opened.full) {
    for (const auto& note : record->case_notes) named.insert(note.author_id);
    for (const auto& episode : record->social_worker_episodes) {
      named.insert(episode.practitioner_id);
    }
  }
  std::vector<store::RecordKey> keys;
  if (!child.team_id.empty()) {
    keys.push_back({domain::RecordKind::kTeam, child.la_code, child.team_id});
  }
  for (const auto& id : named) {
    if (!id.empty()) keys.push_back({domain::RecordKind::kPractitioner, child.la_code, id});
  }
  if (opened.full) {
    for (const auto& relationship : record->relationships) {
      if (relationship.other_is_child) {
        keys.push_back({domain::RecordKind::kChild, child.la_code, relationship.person_id});
      }
    }
  }
  auto found = store_.get_many(keys);
  if (!found) return found.error();
  std::set<std::string> visible_children;
  for (auto& stored : *found) {
    if (auto* team = std::get_if<domain::Team>(&stored.record)) {
      opened.team = std::move(*team);
    } else if (auto* practitioner = std::get_if<domain::Practitioner>(&stored.record)) {
      if (practitioner->id == child.allocated_worker_id) opened.worker = *practitioner;
      if (opened.full) opened.practitioners.push_back(std::move(*practitioner));
    } else if (auto* sibling = std::get_if<domain::Child>(&stored.record)) {
      bool visible = !sibling->restricted;
      if (!visible) {
        auto member = on_restricted_list(principal, *sibling);
        if (!member) return member.error();
        visible = *member;
      }
      if (visible) {
        visible_children.insert(sibling->id);
        opened.related_children.push_back(std::move(*sibling));
      }
    }
  }
  if (opened.full) {
    // A related child who is restricted (an adopted sibling) is not even named to those off
    // their list.
    std::erase_if(record->relationships, [&](const domain::Relationship& r) {
      return r.other_is_child && visible_children.count(r.person_id) == 0;
    });
    opened.record = std::move(*record);
    opened.shows_break_glass =
        full.basis == Basis::kAllocatedWorker || full.basis == Basis::kTeamManager;
    if (opened.shows_break_glass) {
      auto grants = store_.access().break_glass_for_child(la_code, child_id);
      if (!grants) return grants.error();
      opened.break_glass = std::move(*grants);
    }
  } else {
    // The summary: who the child is and who holds the case, and nothing else leaves here (no
    // address, identifiers, characteristics or episodes).
    const domain::Child& whole = record->child.value;
    domain::Child summary;
    summary.id = whole.id;
    summary.la_code = whole.la_code;
    summary.name = whole.name;
    summary.sex = whole.sex;
    summary.date_of_birth = whole.date_of_birth;
    summary.expected_date_of_birth = whole.expected_date_of_birth;
    summary.team_id = whole.team_id;
    summary.allocated_worker_id = whole.allocated_worker_id;
    summary.restricted = whole.restricted;
    opened.record.child = {std::move(summary), record->child.info};
  }
  return opened;
}

core::Result<OpenedRecord> ChildRecords::open(const Principal& principal, std::string_view la_code,
                                              std::string_view child_id, std::string_view target) {
  auto opened = decide_open(principal, la_code, child_id, target, "child.record");
  if (!opened) return opened.error();
  HEARTH_RETURN_IF_ERROR(audit_.record(
      principal, {opened->full ? "child.record" : "child.summary", "allowed", std::string(la_code),
                  std::string(child_id), std::string(target),
                  std::string(opened->full ? basis_name(opened->decision.basis)
                                           : "summary only: no relationship to the child")}));
  return opened;
}

core::Result<domain::CaseNote> ChildRecords::case_note(const Principal& principal,
                                                       std::string_view la_code,
                                                       std::string_view child_id,
                                                       std::string_view note_id,
                                                       std::string_view target) {
  auto opened = decide_open(principal, la_code, child_id, target, "case_note.read");
  if (!opened) return opened.error();
  if (!opened->full) {
    HEARTH_RETURN_IF_ERROR(
        audit_refusal(principal, la_code, child_id, target, "case_note.read", opened->decision));
    return Error::forbidden("Give a reason to open this child's record before reading its notes");
  }
  for (auto& note : opened->record.case_notes) {
    if (note.id == note_id) {
      HEARTH_RETURN_IF_ERROR(audit_.record(
          principal, {"case_note.read", "allowed", std::string(la_code), std::string(child_id),
                      std::string(target), std::string(basis_name(opened->decision.basis))}));
      return std::move(note);
    }
  }
  return Error::not_found(fmt::format("no case note {} on this child's record", note_id));
}

core::Status ChildRecords::break_glass(const Principal& principal, std::string_view la_code,
                                       std::string_view child_id, std::string_view reason_in) {
  const std::string_view reason = core::trim(reason_in);
  const size_t length = core::utf8_length(reason);
  if (length < kMinBreakGlassReason) {
    return Error::invalid("reason", fmt::format("Enter why you need to see this record, in at "
                                                "least {} characters",
                                                kMinBreakGlassReason));
  }
  if (length > kMaxBreakGlassReason) {
    return Error::invalid(
        "reason", fmt::format("Reason must be {} characters or fewer", kMaxBreakGlassReason));
  }
  const Decision by_role = decide_by_role(principal, Permission::kBreakGlass);
  const std::string target = fmt::format("break-glass {}/{}", la_code, child_id);
  if (!by_role.allowed) {
    HEARTH_RETURN_IF_ERROR(
        audit_refusal(principal, la_code, child_id, target, "child.break_glass", by_role));
    return Error::forbidden("You do not have access to children's records");
  }
  auto record = store_.child_record(la_code, child_id);
  if (!record) return record.error();
  auto facts = this->facts(principal, *record);
  if (!facts) return facts.error();
  const Decision decision = decide(principal, Permission::kBreakGlass, &*facts);
  if (!decision.allowed) {
    HEARTH_RETURN_IF_ERROR(
        audit_refusal(principal, la_code, child_id, target, "child.break_glass", decision));
    return Error::not_found(fmt::format("no child {} in authority {}", child_id, la_code));
  }
  // Audited first: a grant without its trace must never exist.
  HEARTH_RETURN_IF_ERROR(
      audit_.record(principal, {"child.break_glass", "allowed", std::string(la_code),
                                std::string(child_id), target, std::string(reason)}));
  const core::Timestamp now = clock_.now();
  return store_.access().record_break_glass({principal.account_id, std::string(la_code),
                                             std::string(child_id), std::string(reason), now,
                                             now.plus_seconds(kBreakGlassHours * 3600)});
}

}  // namespace hearth::access
