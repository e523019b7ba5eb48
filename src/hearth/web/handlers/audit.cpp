#include "hearth/web/handlers/audit.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hearth/access/audit_verify.hpp"
#include "hearth/access/sessions.hpp"
#include "hearth/core/text.hpp"
#include "hearth/domain/values.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/handlers/child_record.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

constexpr int kPageSize = 100;

std::string action_label(std::string_view action) {
  static const std::pair<std::string_view, std::string_view> kLabels[] = {
      {"child.record", "Opened the whole record"},
      {"child.summary", "Saw the summary"},
      {"child.break_glass", "Gave a reason to open the record"},
      {"case_note.read", "Read a case note"},
      {"route.denied", "Was refused a page"},
      {"csrf.refused", "Sent a form that was refused"},
      {"sign_in", "Signed in"},
      {"sign_out", "Signed out"},
      {"children.search", "Saw in a list or search of children"},
      {"work.list", "Saw on My work"},
      {"agency.records", "Looked at the agency's records"},
      {"statistics.read", "Looked at the statistics"},
      {"returns.validate", "Checked a statutory return"},
      {"account.add", "Added an account"},
      {"account.disable", "Disabled an account"},
      {"account.enable", "Enabled an account"},
      {"account.reset_password", "Reset a password"},
      {"restricted.add", "Put an account on a restricted list"},
      {"restricted.remove", "Took an account off a restricted list"},
      {"audit.search", "Searched the audit log"},
      {"audit.verify", "Checked the audit log"},
      {"records.load", "Loaded records"},
      {"accounts.list", "Listed the accounts"},
      {"returns.export", "Exported in a statutory return"},
      {"returns.import", "Imported a statutory return"},
  };
  for (const auto& [key, label] : kLabels) {
    if (key == action) return std::string(label);
  }
  return std::string(action);
}

// The search's fields, checked. An auditor sees their own authority's entries only (about
// its children, or by its staff); a national account may name any authority.
struct AuditSearch {
  std::string la;
  std::string child;
  std::string username;
  int64_t before = 0;
};

void add_field_error(json& view, std::string_view field, const std::string& text) {
  view["has_errors"] = true;
  if (!view.contains("errors")) view["errors"] = json::array();
  view["errors"].push_back({{"href", "#" + std::string(field)}, {"text", text}});
  view[std::string(field) + "_error"] = text;
}

// Fills `view`'s errors and returns false when a field is wrong.
bool read_audit_search(const Request& request, AuditSearch& search, json& view) {
  const std::string& own_la = request.user.la_code;
  search.la = std::string(core::trim(request.param("la").value_or(own_la)));
  search.child = std::string(core::trim(request.param("child").value_or("")));
  search.username = std::string(core::trim(request.param("user").value_or("")));
  view["la"] = search.la;
  view["la_fixed"] = !own_la.empty();
  view["child"] = search.child;
  view["user"] = search.username;
  bool ok = true;
  if (!own_la.empty() && search.la != own_la) {
    add_field_error(view, "la", "You can search the audit log of authority " + own_la + " only");
    view["la"] = own_la;
    ok = false;
  } else if (!search.la.empty() && !domain::is_la_code(search.la)) {
    add_field_error(view, "la", "The local authority code is three digits, like 202");
    ok = false;
  }
  if (search.child.size() > domain::kMaxChildIdLength) {
    add_field_error(view, "child",
                    fmt::format("A child ID is {} characters or fewer", domain::kMaxChildIdLength));
    ok = false;
  } else if (!search.child.empty() && search.la.empty()) {
    add_field_error(view, "la", "Enter the local authority code of the child");
    ok = false;
  }
  if (search.username.size() > access::kMaxUsernameLength) {
    add_field_error(
        view, "user",
        fmt::format("A username is {} characters or fewer", access::kMaxUsernameLength));
    ok = false;
  }
  if (auto text = request.param("before")) {
    const bool digits = !text->empty() && text->size() <= 18 &&
                        text->find_first_not_of("0123456789") == std::string_view::npos;
    if (digits) search.before = std::stoll(std::string(*text));
    if (search.before <= 0) {
      add_field_error(view, "before", "‘before’ must be an entry number, like 1200");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

Response audit_page(const Request& request, const RouteParams&, Services& services) {
  json view = page_view(request, "Audit log", "audit");
  AuditSearch search;
  if (!read_audit_search(request, search, view)) {
    return render_page(services, 400, "audit/index", view);
  }
  const std::string& la = search.la;
  const std::string& child = search.child;
  const std::string& username = search.username;
  store::AuditQuery query;
  query.limit = kPageSize;
  query.before_seq = search.before;
  query.la_code = request.user.la_code;
  std::string searched;
  if (!child.empty()) {
    query.la_code = la;
    query.child_id = child;
    searched = "child " + la + "/" + child;
    view["about_child"] = true;
    view["child_href"] = child_href(la, child);
  }
  if (!username.empty()) {
    auto account = services.store.access().find_account(username);
    if (!account && account.error().code != core::ErrorCode::kNotFound) {
      return store_failure_page(services, "audit", account.error());
    }
    // Another authority's account is as unknown as one that does not exist.
    const std::string& own_la = request.user.la_code;
    if (!account || (!own_la.empty() && account->account.la_code != own_la)) {
      add_field_error(view, "user",
                      own_la.empty() ? "There is no account with the username " + username
                                     : "There is no account in authority " + own_la +
                                           " with the username " + username);
      return render_page(services, 400, "audit/index", view);
    }
    query.actor_id = account->account.id;
    searched += (searched.empty() ? "" : ", ") + ("user " + account->account.username);
    view["about_user"] = account->account.display_name + " (" + account->account.username + ")";
  }
  view["searched"] = !searched.empty();
  auto entries = services.store.access().find_audit(query);
  if (!entries) return store_failure_page(services, "audit", entries.error());
  if (auto audited = services.audit.record(
          request.user, {"audit.search", "allowed", query.la_code, query.child_id, "GET /audit",
                         searched.empty() ? "latest entries" : searched});
      !audited) {
    return store_failure_page(services, "audit", audited.error());
  }
  json rows = json::array();
  for (const auto& entry : *entries) {
    const auto& e = entry.event;
    rows.push_back({{"seq", entry.seq},
                    {"when", format_timestamp(e.at)},
                    {"who", e.actor_name.empty() ? "(not signed in)" : e.actor_name},
                    {"role", e.actor_role},
                    {"action", action_label(e.action)},
                    {"denied", e.outcome != "allowed"},
                    {"outcome", e.outcome},
                    {"child", e.child_id.empty() ? "" : e.la_code + "/" + e.child_id},
                    {"target", e.target},
                    {"reason", e.reason},
                    {"address", e.address}});
  }
  view["rows"] = rows;
  view["has_rows"] = !rows.empty();
  if (static_cast<int>(entries->size()) == kPageSize) {
    Fields params;
    if (!child.empty()) {
      params.emplace_back("la", la);
      params.emplace_back("child", child);
    }
    if (!username.empty()) params.emplace_back("user", username);
    params.emplace_back("before", std::to_string(entries->back().seq));
    view["older_href"] = "/audit?" + encode_query(params);
    view["has_older"] = true;
  }
  return render_page(services, 200, "audit/index", view);
}

Response audit_verify_page(const Request& request, const RouteParams&, Services& services) {
  auto report = access::verify_audit_chain(services.store.access());
  if (!report) return store_failure_page(services, "audit", report.error());
  if (auto audited = services.audit.record(request.user,
                                           {"audit.verify", "allowed", "", "", "GET /audit/verify",
                                            report->intact ? "intact" : report->problem});
      !audited) {
    return store_failure_page(services, "audit", audited.error());
  }
  json view = page_view(request, "Check the audit log", "audit");
  view["intact"] = report->intact;
  view["entries"] = format_count(report->entries);
  view["problem"] = report->problem;
  view["first_broken"] = report->first_broken_seq;
  view["head_seq"] = format_count(report->head.seq);
  view["head_hash"] = report->head.hash;
  return render_page(services, report->intact ? 200 : 409, "audit/verify", view);
}

}  // namespace hearth::web
