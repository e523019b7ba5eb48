#include "hearth/web/handlers/audit.hpp"

#include <nlohmann/json.hpp>

#include "hearth/access/audit_verify.hpp"
#include "hearth/core/text.hpp"
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
  };
  for (const auto& [key, label] : kLabels) {
    if (key == action) return std::string(label);
  }
  return std::string(action);
}

}  // namespace

Response audit_page(const Request& request, const RouteParams&, Services& services) {
  const std::string la =
      std::string(core::trim(request.param("la").value_or(request.user.la_code)));
  const std::string child = std::string(core::trim(request.param("child").value_or("")));
  const std::string username = std::string(core::trim(request.param("user").value_or("")));
  json view = page_view(request, "Audit log", "audit");
  view["la"] = la;
  view["child"] = child;
  view["user"] = username;
  int64_t before = 0;
  if (auto text = request.param("before")) {
    try {
      before = std::stoll(std::string(*text));
    } catch (const std::exception&) {
      return bad_request_page(services, "‘before’ must be an entry number");
    }
  }
  store::AuditQuery query;
  query.limit = kPageSize;
  query.before_seq = before;
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
    if (!account) {
      if (account.error().code != core::ErrorCode::kNotFound) {
        return store_failure_page(services, "audit", account.error());
      }
      view["has_errors"] = true;
      view["errors"] = json::array(
          {json{{"href", "#user"}, {"text", "There is no account with the username " + username}}});
      view["user_error"] = "There is no account with the username " + username;
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
