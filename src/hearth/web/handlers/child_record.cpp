#include "hearth/web/handlers/child_record.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "hearth/domain/codes.hpp"
#include "hearth/domain/values.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/gate.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"
#include "hearth/workflow/statutory_dates.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;
namespace codes = domain::codes;

// The words a page shows for a code: its label, or the code itself for one the set lacks.
std::string label(const domain::CodeSet& set, const std::string& code) {
  if (code.empty()) return "";
  const auto found = set.label(code);
  return found ? std::string(*found) : code;
}

std::string date_or(const domain::OptionalDate& date, std::string_view otherwise) {
  return date ? format_date_short(*date) : std::string(otherwise);
}

std::string person_name(const domain::PersonName& name) {
  std::string out = name.given;
  if (!name.family.empty()) out += (out.empty() ? "" : " ") + name.family;
  return out;
}

}  // namespace

std::string child_href(std::string_view la_code, std::string_view child_id) {
  return "/children/" + percent_encode(la_code) + "/" + percent_encode(child_id);
}

namespace {

// Names of the practitioners a record names, by id.
struct OpenedRecordView {
  std::map<std::string, std::string> practitioners;
};

std::string practitioner_name(const OpenedRecordView& names, const std::string& id) {
  const auto found = names.practitioners.find(id);
  return found == names.practitioners.end() ? id : found->second;
}

json summary_row(std::string key, std::string value) {
  return json{{"key", std::move(key)}, {"value", std::move(value)}};
}

json status_view(const workflow::ChildStatus& status) {
  json tags = json::array();
  json lines = json::array();
  if (status.looked_after) {
    tags.push_back({{"text", "Looked after"}, {"colour", "govuk-tag--purple"}});
    lines.push_back(summary_row(
        "Looked after", "Since " + date_or(status.looked_after_since, "a date not recorded") +
                            " (" + label(codes::legal_status(), status.legal_status) + "; " +
                            label(codes::placement_type(), status.placement_type) + "; " +
                            std::to_string(status.placements_this_period) +
                            " placements in this period)"));
  }
  if (status.on_protection_plan) {
    tags.push_back({{"text", "Child protection plan"}, {"colour", "govuk-tag--red"}});
    lines.push_back(summary_row(
        "Child protection plan",
        "Since " + date_or(status.protection_plan_since, "") +
            " (category: " + label(codes::category_of_abuse(), status.protection_category) + ")"));
  }
  if (status.section47_open) {
    tags.push_back({{"text", "Section 47 enquiry"}, {"colour", "govuk-tag--orange"}});
    lines.push_back(
        summary_row("Section 47 enquiry", "Started " + date_or(status.section47_started, "")));
  }
  if (status.on_cin_plan) {
    tags.push_back({{"text", "Child in need plan"}, {"colour", "govuk-tag--blue"}});
    lines.push_back(
        summary_row("Child in need plan", "Since " + date_or(status.cin_plan_since, "")));
  }
  if (status.assessment_in_progress) {
    tags.push_back({{"text", "Assessment in progress"}, {"colour", "govuk-tag--light-blue"}});
    lines.push_back(summary_row("Assessment", "Started " + date_or(status.assessment_started, "")));
  }
  if (status.open_referral) {
    lines.push_back(
        summary_row("Open episode of need", "Since " + date_or(status.referral_since, "")));
  }
  if (!status.open()) {
    tags.push_back({{"text", "Case closed"}, {"colour", "govuk-tag--grey"}});
    lines.push_back(summary_row(
        "Case", status.referral_closed ? "Closed on " + format_date_short(*status.referral_closed)
                                       : "Nothing open"));
  }
  return json{{"tags", tags}, {"lines", lines}};
}

json identity_view(const Messages& messages, const domain::Child& child, core::Date today) {
  json rows = json::array();
  std::string name = person_name(child.name);
  if (!child.name.middle.empty())
    name = child.name.given + " " + child.name.middle + " " + child.name.family;
  rows.push_back(summary_row("Name", name.empty() ? "Not recorded" : name));
  if (!child.name.preferred.empty()) rows.push_back(summary_row("Known as", child.name.preferred));
  if (!child.name.former_family.empty()) {
    rows.push_back(summary_row("Former family name", child.name.former_family));
  }
  if (child.date_of_birth) {
    rows.push_back(summary_row("Date of birth", format_date_long(*child.date_of_birth) + " (age " +
                                                    age_text(messages, child.date_of_birth, today) +
                                                    ")"));
  } else if (child.expected_date_of_birth) {
    rows.push_back(
        summary_row("Expected date of birth", format_date_long(*child.expected_date_of_birth)));
  } else {
    rows.push_back(summary_row("Date of birth", "Not recorded"));
  }
  rows.push_back(summary_row("Sex", sex_label(messages, child.sex)));
  return rows;
}

json characteristics_view(const domain::Child& child) {
  json rows = json::array();
  rows.push_back(summary_row("Ethnicity", child.ethnicity.empty()
                                              ? "Not recorded"
                                              : label(codes::ethnicity(), child.ethnicity)));
  std::string nhs = child.nhs_number.empty() ? "Not recorded" : child.nhs_number;
  if (!child.nhs_number.empty() && !domain::NhsNumber::parse(child.nhs_number)) {
    nhs += " (fails its check digit: check it with the child's GP)";
  }
  rows.push_back(summary_row("NHS number", nhs));
  std::string upn = child.upn.empty() ? (child.upn_unknown.empty()
                                             ? "Not recorded"
                                             : label(codes::upn_unknown(), child.upn_unknown))
                                      : child.upn;
  if (!child.upn.empty() && !domain::Upn::parse(child.upn)) upn += " (fails its check letter)";
  rows.push_back(summary_row("Unique pupil number", upn));
  std::string disabilities;
  for (const auto& code : child.disabilities) {
    disabilities += (disabilities.empty() ? "" : ", ") + label(codes::disability(), code);
  }
  rows.push_back(summary_row("Disability", disabilities.empty() ? "Not recorded" : disabilities));
  std::string address = child.address_line;
  if (!child.postcode.empty()) address += (address.empty() ? "" : ", ") + child.postcode;
  rows.push_back(summary_row("Address", address.empty() ? "Not recorded" : address));
  if (!child.school_urn.empty()) rows.push_back(summary_row("School (URN)", child.school_urn));
  if (child.uasc) {
    rows.push_back(
        summary_row("Unaccompanied asylum-seeking child",
                    child.uasc_ceased ? "Until " + format_date_short(*child.uasc_ceased) : "Yes"));
  }
  return rows;
}

json network_view(const store::ChildRecord& record,
                  const std::vector<domain::Child>& related_children) {
  std::map<std::string, const domain::Person*> people;
  for (const auto& person : record.people) people[person.id] = &person;
  std::map<std::string, const domain::Child*> children;
  for (const auto& child : related_children) children[child.id] = &child;
  json rows = json::array();
  for (const auto& relationship : record.relationships) {
    json r;
    r["relation"] = label(codes::relationship(), relationship.relation);
    r["responsibility"] = relationship.parental_responsibility ? "Yes" : "No";
    r["lives_with"] = relationship.lives_with_child ? "Yes" : "No";
    r["is_child"] = relationship.other_is_child;
    r["href"] = "";
    if (relationship.other_is_child) {
      const auto found = children.find(relationship.person_id);
      const std::string name = found == children.end() ? "" : person_name(found->second->name);
      r["name"] = name.empty() ? "Child " + relationship.person_id : name;
      r["href"] = child_href(relationship.la_code, relationship.person_id);
      r["born"] = found == children.end() ? "" : date_or(found->second->date_of_birth, "");
    } else if (const auto found = people.find(relationship.person_id); found != people.end()) {
      r["name"] = person_name(found->second->name);
      r["born"] = date_or(found->second->date_of_birth, "Not recorded");
    } else {
      r["name"] = "Person " + relationship.person_id + " (record not found)";
      r["born"] = "";
    }
    rows.push_back(r);
  }
  return rows;
}

json dates_view(const store::ChildRecord& record, core::Date today) {
  json rows = json::array();
  for (const auto& date :
       workflow::next_statutory_dates(record, today, core::WorkingDayCalendar())) {
    const auto& rule = workflow::rule_for(date.event);
    rows.push_back({{"what", std::string(rule.name)},
                    {"due", format_date_short(date.due)},
                    {"rule", std::string(rule.rule)},
                    {"from", format_date_short(date.counted_from)},
                    {"overdue", date.overdue(today)}});
  }
  return rows;
}

// Every episode on record, one table each, in date order (the store's).
json episodes_view(const store::ChildRecord& r, const OpenedRecordView& names) {
  json sections = json::array();
  auto section = [&](std::string id, std::string title, std::vector<std::string> headers,
                     json rows) {
    if (rows.empty()) return;
    json head = json::array();
    for (auto& h : headers) head.push_back(h);
    sections.push_back({{"id", std::move(id)},
                        {"title", std::move(title)},
                        {"headers", head},
                        {"rows", std::move(rows)},
                        {"count", rows.size()}});
  };
  auto cells = [](std::vector<std::string> values) {
    json out = json::array();
    for (auto& v : values) out.push_back({{"text", std::move(v)}});
    return json{{"cells", out}};
  };
  json rows = json::array();
  for (const auto& c : r.contacts) {
    rows.push_back(cells({format_date_short(c.received), label(codes::referral_source(), c.source),
                          label(codes::contact_outcome(), c.outcome)}));
  }
  section("contacts", "Contacts", {"Received", "From", "Outcome"}, rows);
  rows = json::array();
  for (const auto& x : r.referrals) {
    rows.push_back(
        cells({format_date_short(x.referral_date), label(codes::referral_source(), x.source),
               label(codes::primary_need(), x.primary_need),
               x.no_further_action ? "No further action" : date_or(x.closure_date, "Open"),
               label(codes::reason_for_closure(), x.reason_for_closure)}));
  }
  section("referrals", "Referrals (episodes of need)",
          {"Referred", "Source", "Primary need", "Closed", "Reason for closure"}, rows);
  rows = json::array();
  for (const auto& a : r.assessments) {
    std::string factors;
    for (const auto& f : a.factors)
      factors += (factors.empty() ? "" : "; ") + label(codes::assessment_factor(), f);
    rows.push_back(cells(
        {format_date_short(a.start_date), date_or(a.authorisation_date, "In progress"), factors}));
  }
  section("assessments", "Assessments", {"Started", "Authorised", "Factors identified"}, rows);
  rows = json::array();
  for (const auto& p : r.cin_plans) {
    rows.push_back(cells({format_date_short(p.start_date), date_or(p.end_date, "Open")}));
  }
  section("cin-plans", "Child in need plans", {"Started", "Ended"}, rows);
  rows = json::array();
  for (const auto& d : r.strategy_discussions) {
    std::string agencies;
    for (const auto& a : d.agencies_present)
      agencies += (agencies.empty() ? "" : ", ") + label(codes::agency_kind(), a);
    rows.push_back(
        cells({format_date_short(d.date),
               d.section47_initiated ? "Section 47 enquiry started" : "No enquiry", agencies}));
  }
  section("strategy", "Strategy discussions", {"Date", "Decision", "Agencies present"}, rows);
  rows = json::array();
  for (const auto& e : r.section47_enquiries) {
    rows.push_back(cells({format_date_short(e.start_date), date_or(e.icpc_target_date, ""),
                          e.icpc_not_required ? "Not required" : date_or(e.icpc_date, "Not yet"),
                          label(codes::section47_outcome(), e.outcome)}));
  }
  section("section47", "Section 47 enquiries",
          {"Started", "Conference due", "Initial conference", "Outcome"}, rows);
  rows = json::array();
  for (const auto& c : r.conferences) {
    rows.push_back(cells({format_date_short(c.date), label(codes::conference_type(), c.type),
                          c.plan_decided ? "Child protection plan" : "No plan"}));
  }
  section("conferences", "Child protection conferences", {"Date", "Type", "Decision"}, rows);
  rows = json::array();
  for (const auto& p : r.protection_plans) {
    std::string reviews;
    for (const auto& d : p.review_dates)
      reviews += (reviews.empty() ? "" : ", ") + format_date_short(d);
    rows.push_back(cells({format_date_short(p.start_date), date_or(p.end_date, "Open"),
                          label(codes::category_of_abuse(), p.initial_category),
                          label(codes::category_of_abuse(), p.latest_category),
                          reviews.empty() ? "None yet" : reviews}));
  }
  section("protection-plans", "Child protection plans",
          {"Started", "Ended", "Initial category", "Latest category", "Reviews"}, rows);
  rows = json::array();
  for (const auto& e : r.episodes) {
    rows.push_back(cells({format_date_short(e.start_date),
                          label(codes::reason_new_episode(), e.reason_new_episode),
                          label(codes::legal_status(), e.legal_status),
                          label(codes::placement_type(), e.place), date_or(e.end_date, "Open"),
                          label(codes::reason_episode_ceased(), e.reason_episode_ceased)}));
  }
  section("episodes", "Periods looked after (episodes)",
          {"Started", "Reason for the new episode", "Legal status", "Placement", "Ended",
           "Reason it ended"},
          rows);
  rows = json::array();
  for (const auto& p : r.placements) {
    rows.push_back(cells({format_date_short(p.start_date), label(codes::placement_type(), p.place),
                          label(codes::placement_provider(), p.provider_kind), p.postcode,
                          date_or(p.end_date, "Current")}));
  }
  section("placements", "Placements", {"Started", "Type", "Provider", "Postcode", "Ended"}, rows);
  rows = json::array();
  for (const auto& v : r.reviews) {
    rows.push_back(
        cells({format_date_short(v.date), label(codes::review_participation(), v.participation)}));
  }
  section("reviews", "Reviews while looked after", {"Date", "How the child took part"}, rows);
  rows = json::array();
  for (const auto& m : r.missing_episodes) {
    rows.push_back(cells({format_date_short(m.start_date), label(codes::missing_type(), m.type),
                          date_or(m.end_date, "Still missing")}));
  }
  section("missing", "Missing or away from placement", {"From", "Type", "Returned"}, rows);
  rows = json::array();
  for (const auto& a : r.adoptions) {
    // The decision that the child should be placed for adoption (AD1's DATE_INT, the same as
    // PlacedAdoption's DATE_PLACED), matching, and a decision that the child no longer should.
    rows.push_back(
        cells({date_or(a.decision_date ? a.decision_date : a.placed_date, "Not recorded"),
               date_or(a.matched_date, "Not yet"), date_or(a.placed_ceased_date, "")}));
  }
  section("adoption", "Adoption",
          {"Decided to place for adoption", "Matched with adopters", "Decision reversed"}, rows);
  rows = json::array();
  for (const auto& c : r.care_leaver_outcomes) {
    rows.push_back(cells({domain::collection_year_label(c.collection_year),
                          label(codes::in_touch(), c.in_touch),
                          label(codes::care_leaver_activity(), c.activity),
                          label(codes::care_leaver_accommodation(), c.accommodation)}));
  }
  section("care-leaver", "Care leaver", {"Year", "In touch", "Activity", "Accommodation"}, rows);
  rows = json::array();
  for (const auto& w : r.social_worker_episodes) {
    rows.push_back(cells({practitioner_name(names, w.practitioner_id),
                          format_date_short(w.start_date), date_or(w.end_date, "Current"),
                          label(codes::social_worker_change_reason(), w.change_reason)}));
  }
  section("social-workers", "Social workers",
          {"Social worker", "From", "To", "Why the worker changed"}, rows);
  return sections;
}

json notes_view(const store::ChildRecord& record, const OpenedRecordView& names) {
  json rows = json::array();
  // Newest first: what a worker looks for.
  for (auto it = record.case_notes.rbegin(); it != record.case_notes.rend(); ++it) {
    rows.push_back(
        {{"date", format_date_short(it->date)},
         {"kind", label(codes::case_note_kind(), it->kind)},
         {"subject", it->subject},
         {"author", practitioner_name(names, it->author_id)},
         {"href", child_href(it->la_code, it->child_id) + "/notes/" + percent_encode(it->id)}});
  }
  return rows;
}

Response opened_failure(Services& services, const Request& request, const core::Error& error) {
  switch (error.code) {
    case core::ErrorCode::kNotFound:
      return not_found_page(services);
    case core::ErrorCode::kForbidden:
      return forbidden_page(services, request, error.message);
    default:
      return store_failure_page(services, "child record", error);
  }
}

json child_header(const Request& request, Services& services, const access::OpenedRecord& opened) {
  const domain::Child& child = opened.record.child.value;
  std::string name = person_name(child.name);
  if (name.empty()) name = services.site.messages.text("children.name_not_recorded");
  json view = page_view(request, name, "children");
  view["child_name"] = name;
  view["child_id"] = child.id;
  view["la_code"] = child.la_code;
  view["restricted"] = child.restricted;
  view["status"] = status_view(opened.status);
  view["identity"] = identity_view(services.site.messages, child, services.clock.today());
  view["team"] = opened.team ? opened.team->name : "Not allocated";
  view["worker"] = opened.worker ? person_name(opened.worker->name) : "Not allocated";
  view["record_href"] = child_href(child.la_code, child.id);
  return view;
}

}  // namespace

Response child_page(const Request& request, const RouteParams& params, Services& services) {
  auto opened =
      services.records.open(request.user, params.at("la"), params.at("id"), audit_target(request));
  if (!opened) return opened_failure(services, request, opened.error());
  json view = child_header(request, services, *opened);
  view["full"] = opened->full;
  if (!opened->full) {
    view["reason"] = "";
    view["has_errors"] = false;
    return render_page(services, 200, "children/summary", view);
  }
  OpenedRecordView names;
  for (const auto& p : opened->practitioners) names.practitioners[p.id] = person_name(p.name);
  const store::ChildRecord& record = opened->record;
  const core::Date today = services.clock.today();
  view["by_break_glass"] = opened->decision.basis == access::Basis::kBreakGlass;
  view["characteristics"] = characteristics_view(record.child.value);
  view["network"] = network_view(record, opened->related_children);
  view["has_network"] = !record.relationships.empty();
  view["dates"] = dates_view(record, today);
  view["has_dates"] = !view["dates"].empty();
  view["episodes"] = episodes_view(record, names);
  view["has_episodes"] = !view["episodes"].empty();
  view["notes"] = notes_view(record, names);
  view["has_notes"] = !record.case_notes.empty();
  view["note_count"] = format_count(static_cast<int64_t>(record.case_notes.size()));
  view["shows_break_glass"] = opened->shows_break_glass;
  json grants = json::array();
  for (const auto& grant : opened->break_glass) {
    auto account = services.store.access().get_account(grant.account_id);
    grants.push_back(
        {{"who", account ? account->account.display_name + " (" + account->account.username + ")"
                         : grant.account_id},
         {"when", format_timestamp(grant.at)},
         {"reason", grant.reason}});
  }
  view["break_glass"] = grants;
  view["has_break_glass"] = !grants.empty();
  view["revision"] = record.child.info.revision;
  view["recorded_at"] = format_timestamp(record.child.info.change.at);
  view["recorded_by"] = record.child.info.change.by;
  return render_page(services, 200, "children/record", view);
}

Response break_glass(const Request& request, const RouteParams& params, Services& services) {
  const std::string& la = params.at("la");
  const std::string& id = params.at("id");
  const std::string reason(request.field("reason"));
  auto done = services.records.break_glass(request.user, la, id, reason);
  if (done) return see_other(child_href(la, id));
  if (done.error().code != core::ErrorCode::kInvalid) {
    return opened_failure(services, request, done.error());
  }
  // The summary again, with the reason kept and the error on the form.
  auto opened = services.records.open(request.user, la, id, audit_target(request));
  if (!opened) return opened_failure(services, request, opened.error());
  json view = child_header(request, services, *opened);
  view["full"] = false;
  view["reason"] = reason;
  view["has_errors"] = true;
  view["errors"] = json::array({json{{"href", "#reason"}, {"text", done.error().message}}});
  view["reason_error"] = done.error().message;
  return render_page(services, 400, "children/summary", view);
}

Response case_note_page(const Request& request, const RouteParams& params, Services& services) {
  const std::string& la = params.at("la");
  const std::string& id = params.at("id");
  auto note =
      services.records.case_note(request.user, la, id, params.at("note"), audit_target(request));
  if (!note) return opened_failure(services, request, note.error());
  json view = page_view(request, note->subject, "children");
  view["subject"] = note->subject;
  view["date"] = format_date_long(note->date);
  view["kind"] = label(codes::case_note_kind(), note->kind);
  auto author = services.store.get_as<domain::Practitioner>(
      {domain::RecordKind::kPractitioner, la, note->author_id});
  view["author"] = author ? person_name(author->value.name) : note->author_id;
  view["text"] = note->text;
  view["record_href"] = child_href(la, id);
  view["child_id"] = id;
  return render_page(services, 200, "children/note", view);
}

}  // namespace hearth::web
