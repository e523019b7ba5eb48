#include "hearth/web/handlers/my_work.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "hearth/access/child_access.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/handlers/child_record.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"
#include "hearth/workflow/caseload.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

std::string status_text(const workflow::ChildStatus& status) {
  if (status.looked_after) return "Looked after";
  if (status.on_protection_plan) return "Child protection plan";
  if (status.section47_open) return "Section 47 enquiry";
  if (status.on_cin_plan) return "Child in need plan";
  if (status.assessment_in_progress) return "Assessment";
  if (status.open_referral) return "Open referral";
  return "Closed";
}

}  // namespace

Response my_work(const Request& request, const RouteParams&, Services& services) {
  const access::Principal& user = request.user;
  const core::Date today = services.clock.today();
  workflow::CaseloadQuery query;
  query.la_code = user.la_code;
  query.viewer_account_id = user.account_id;
  std::string heading = "Your allocated children";
  std::string empty = "No children are allocated to you.";
  bool show_worker = false;
  switch (user.role) {
    case access::Role::kTeamManager:
      query.team_id = user.team_id;
      heading = "Your team’s children";
      empty = "No children are allocated to your team.";
      show_worker = true;
      break;
    case access::Role::kReviewingOfficer: {
      auto ids = workflow::children_in_care_or_on_a_plan(services.store, user.la_code, today);
      if (!ids) return store_failure_page(services, "my work", ids.error());
      query.child_ids = std::move(*ids);
      heading = "Children looked after or on a child protection plan";
      empty = "No children are looked after or on a plan.";
      show_worker = true;
      break;
    }
    case access::Role::kFrontDoor: {
      auto ids = workflow::children_with_recent_contacts(services.store, user.la_code, today,
                                                         workflow::kRecentContactDays);
      if (!ids) return store_failure_page(services, "my work", ids.error());
      query.child_ids = std::move(*ids);
      heading = "Children with a contact in the last 30 days";
      empty = "No contacts have come in during the last 30 days.";
      show_worker = true;
      break;
    }
    default:
      query.allocated_worker_id = user.practitioner_id;
      if (user.practitioner_id.empty()) {
        empty =
            "Your account is not linked to a practitioner record, so no children can be "
            "allocated to you. Ask your administrator.";
      }
      break;
  }
  workflow::Caseload found;
  if (!query.child_ids.empty() || !query.team_id.empty() || !query.allocated_worker_id.empty()) {
    auto loaded = workflow::caseload(services.store, query, today, core::WorkingDayCalendar());
    if (!loaded) return store_failure_page(services, "my work", loaded.error());
    found = std::move(*loaded);
  }
  {
    std::vector<std::pair<std::string, std::string>> listed;
    for (const auto& entry : found.entries)
      listed.emplace_back(entry.child.la_code, entry.child.id);
    if (auto audited = services.audit.record_listing(
            user, {"work.list", "allowed", user.la_code, "", "GET /my-work", heading}, listed);
        !audited) {
      return store_failure_page(services, "audit", audited.error());
    }
  }

  std::map<std::string, std::string> workers;
  if (show_worker) {
    auto practitioners = services.store.load_all(domain::RecordKind::kPractitioner, user.la_code);
    if (!practitioners) return store_failure_page(services, "my work", practitioners.error());
    for (const auto& record : *practitioners) {
      const auto& p = std::get<domain::Practitioner>(record);
      workers[p.id] = p.name.given + " " + p.name.family;
    }
  }

  json view = page_view(request, "My work", "work");
  view["heading"] = heading;
  view["empty"] = empty;
  view["show_worker"] = show_worker;
  view["today"] = format_date_long(today);
  json rows = json::array();
  int overdue = 0;
  int due_soon = 0;
  for (const auto& entry : found.entries) {
    std::string name = family_first_name(entry.child.name);
    if (name.empty()) name = services.site.messages.text("children.name_not_recorded");
    json r{{"name", name},
           {"href", child_href(entry.child.la_code, entry.child.id)},
           {"id", entry.child.id},
           {"age", age_text(services.site.messages, entry.child.date_of_birth, today)},
           {"status", status_text(entry.status)},
           {"restricted", entry.child.restricted},
           {"worker", workers.count(entry.child.allocated_worker_id)
                          ? workers[entry.child.allocated_worker_id]
                          : std::string("Not allocated")},
           {"has_next", entry.next.has_value()},
           {"overdue", false}};
    if (entry.next) {
      r["next_what"] = std::string(workflow::rule_for(entry.next->event).name);
      r["next_due"] = format_date_short(entry.next->due);
      r["overdue"] = entry.next->overdue(today);
      if (entry.next->overdue(today)) {
        ++overdue;
      } else if (entry.next->due <= today.add_days(7)) {
        ++due_soon;
      }
    }
    rows.push_back(r);
  }
  view["rows"] = rows;
  view["has_rows"] = !rows.empty();
  view["count"] = format_count(static_cast<int64_t>(found.entries.size()));
  view["overdue"] = overdue;
  view["due_soon"] = due_soon;
  view["truncated"] = found.total > static_cast<int64_t>(found.entries.size());
  view["total"] = format_count(found.total);
  return render_page(services, 200, "work/index", view);
}

}  // namespace hearth::web
