#include "hearth/workflow/caseload.hpp"

#include <algorithm>
#include <set>

namespace hearth::workflow {

core::Result<Caseload> caseload(store::Store& store, const CaseloadQuery& query, Date today,
                                const core::WorkingDayCalendar& calendar) {
  Caseload out;
  auto add = [&](store::ChildSummary child, const store::ChildRecord& record) {
    CaseloadEntry entry;
    entry.status = current_status(record, today);
    const auto dates = next_statutory_dates(record, today, calendar);
    entry.dates_running = dates.size();
    if (!dates.empty()) entry.next = dates.front();
    entry.child = std::move(child);
    out.entries.push_back(std::move(entry));
  };
  if (!query.child_ids.empty()) {
    // Each child's whole record is read once: the summary comes from it.
    for (const auto& id : query.child_ids) {
      if (out.entries.size() == kMaxRead) break;
      auto record = store.child_record(query.la_code, id);
      if (!record) {
        if (record.error().code == core::ErrorCode::kNotFound) continue;
        return record.error();
      }
      const domain::Child& c = record->child.value;
      if (c.restricted) {
        auto member = store.access().is_restricted_member(c.la_code, c.id, query.viewer_account_id);
        if (!member) return member.error();
        if (!*member) continue;
      }
      add(store::summary_of(c), *record);
    }
    out.total = static_cast<int64_t>(query.child_ids.size());
  } else {
    std::vector<store::ChildSummary> children;
    store::ChildQuery find;
    find.la_code = query.la_code;
    find.allocated_worker_id = query.allocated_worker_id;
    find.team_id = query.team_id;
    find.viewer_account_id = query.viewer_account_id;
    find.page_size = 200;
    for (find.page = 1;; ++find.page) {
      auto page = store.find_children(find);
      if (!page) return page.error();
      out.total = page->total;
      for (auto& row : page->rows) children.push_back(std::move(row));
      if (page->rows.size() < 200 || children.size() >= kMaxRead) break;
    }
    for (auto& child : children) {
      auto record = store.child_record(child.la_code, child.id);
      if (!record) {
        if (record.error().code == core::ErrorCode::kNotFound) continue;
        return record.error();
      }
      add(std::move(child), *record);
    }
  }
  std::stable_sort(out.entries.begin(), out.entries.end(), [](const auto& a, const auto& b) {
    if (a.next.has_value() != b.next.has_value()) return a.next.has_value();
    if (a.next && a.next->due != b.next->due) return a.next->due < b.next->due;
    return false;  // keep the store's name order
  });
  if (out.entries.size() > query.limit) out.entries.resize(query.limit);
  return out;
}

core::Result<std::vector<std::string>> children_in_care_or_on_a_plan(store::Store& store,
                                                                     std::string_view la_code,
                                                                     Date today) {
  std::set<std::string> ids;
  for (const auto kind :
       {domain::RecordKind::kLookedAfterEpisode, domain::RecordKind::kProtectionPlan}) {
    auto records = store.load_all(kind, la_code);
    if (!records) return records.error();
    for (const auto& record : *records) {
      std::visit(
          [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, domain::LookedAfterEpisode> ||
                          std::is_same_v<T, domain::ProtectionPlan>) {
              if (open_on(value.start_date, value.end_date, today)) {
                ids.insert(value.child_id);
              }
            }
          },
          record);
    }
  }
  return std::vector<std::string>(ids.begin(), ids.end());
}

core::Result<std::vector<std::string>> children_with_recent_contacts(store::Store& store,
                                                                     std::string_view la_code,
                                                                     Date today, int days) {
  auto contacts = store.load_all(domain::RecordKind::kContact, la_code);
  if (!contacts) return contacts.error();
  const Date since = today.add_days(-days);
  std::set<std::string> ids;
  for (const auto& record : *contacts) {
    const auto& contact = std::get<domain::Contact>(record);
    if (contact.received >= since && contact.received <= today) ids.insert(contact.child_id);
  }
  return std::vector<std::string>(ids.begin(), ids.end());
}

}  // namespace hearth::workflow
