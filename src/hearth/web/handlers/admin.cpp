#include "hearth/web/handlers/admin.hpp"

#include <nlohmann/json.hpp>

#include "hearth/web/format.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

std::string account_href(std::string_view username) {
  return "/admin/users/" + percent_encode(username);
}

Response failure(Services& services, const Request& request, const core::Error& error) {
  if (error.code == core::ErrorCode::kNotFound) return not_found_page(services);
  if (error.code == core::ErrorCode::kForbidden) return forbidden_page(services, request);
  return store_failure_page(services, "accounts", error);
}

json role_options(std::string_view selected) {
  json out = json::array();
  for (const access::Role role : access::all_roles()) {
    out.push_back({{"value", std::string(access::role_name(role))},
                   {"label", std::string(access::role_label(role))},
                   {"selected", access::role_name(role) == selected}});
  }
  return out;
}

json errors_view(const core::Error& error) {
  const std::string field = error.field.empty() ? "username" : error.field;
  return json::array({json{{"href", "#" + field}, {"text", error.message}}});
}

Response new_form(Services& services, const Request& request, const access::NewAccount& values,
                  const std::string& reason, const core::Error* error) {
  json view = page_view(request, "Add an account", "accounts");
  view["username"] = values.username;
  view["display_name"] = values.display_name;
  view["roles"] = role_options(values.role.empty() ? "social_worker" : values.role);
  view["la_code"] = values.la_code.empty() ? request.user.la_code : values.la_code;
  view["team_id"] = values.team_id;
  view["agency_id"] = values.agency_id;
  view["practitioner_id"] = values.practitioner_id;
  view["reason"] = reason;
  view["has_errors"] = error != nullptr;
  if (error) {
    view["errors"] = errors_view(*error);
    view["error_" + (error->field.empty() ? std::string("username") : error->field)] =
        error->message;
  }
  return render_page(services, error ? 400 : 200, "admin/new", view);
}

}  // namespace

Response accounts_index(const Request& request, const RouteParams&, Services& services) {
  auto accounts = services.accounts.list(request.user);
  if (!accounts) return failure(services, request, accounts.error());
  json rows = json::array();
  for (const auto& stored : *accounts) {
    const auto& a = stored.account;
    std::string where = a.la_code.empty() ? "All authorities" : a.la_code;
    if (!a.team_id.empty()) where += ", team " + a.team_id;
    if (!a.agency_id.empty()) where += ", agency " + a.agency_id;
    rows.push_back({{"name", a.display_name},
                    {"username", a.username},
                    {"href", account_href(a.username)},
                    {"role", access::role_label(a.role)},
                    {"where", where},
                    {"disabled", a.disabled}});
  }
  json view = page_view(request, "Accounts", "accounts");
  view["rows"] = rows;
  view["count"] = format_count(static_cast<int64_t>(rows.size()));
  return render_page(services, 200, "admin/index", view);
}

Response account_new(const Request& request, const RouteParams&, Services& services) {
  return new_form(services, request, {}, "", nullptr);
}

Response account_create(const Request& request, const RouteParams&, Services& services) {
  access::NewAccount values;
  values.username = std::string(request.field("username"));
  values.display_name = std::string(request.field("display_name"));
  values.role = std::string(request.field("role"));
  values.la_code = std::string(request.field("la_code"));
  values.team_id = std::string(request.field("team_id"));
  values.agency_id = std::string(request.field("agency_id"));
  values.practitioner_id = std::string(request.field("practitioner_id"));
  const std::string reason(request.field("reason"));
  auto added = services.accounts.add(request.user, values, reason);
  if (!added) {
    const auto code = added.error().code;
    if (code == core::ErrorCode::kInvalid || code == core::ErrorCode::kConflict) {
      return new_form(services, request, values, reason, &added.error());
    }
    return failure(services, request, added.error());
  }
  json view = page_view(request, "Account added", "accounts");
  view["username"] = added->account.username;
  view["display_name"] = added->account.display_name;
  view["password"] = added->password;
  view["href"] = account_href(added->account.username);
  view["heading"] = "Account added";
  return render_page(services, 200, "admin/password", view);
}

namespace {

// One account's page, with a notice of what was just done or the error of a form on it.
Response render_show(const Request& request, Services& services, const std::string& username,
                     std::string_view done, const core::Error* error) {
  auto history = services.accounts.history(request.user, username);
  if (!history) return failure(services, request, history.error());
  const store::StoredAccount& current = history->back();
  const store::Account& a = current.account;
  json view = page_view(request, a.display_name, "accounts");
  view["display_name"] = a.display_name;
  view["username"] = a.username;
  view["href"] = account_href(a.username);
  view["role"] = access::role_label(a.role);
  view["la_code"] = a.la_code.empty() ? "All authorities" : a.la_code;
  view["team_id"] = a.team_id.empty() ? "None" : a.team_id;
  view["agency_id"] = a.agency_id.empty() ? "None" : a.agency_id;
  view["practitioner_id"] = a.practitioner_id.empty() ? "None" : a.practitioner_id;
  view["disabled"] = a.disabled;
  json revisions = json::array();
  for (auto it = history->rbegin(); it != history->rend(); ++it) {
    revisions.push_back({{"revision", it->revision},
                         {"when", format_timestamp(it->recorded_at)},
                         {"by", it->recorded_by},
                         {"reason", it->reason},
                         {"disabled", it->account.disabled}});
  }
  view["history"] = revisions;
  // Only these words: a query parameter must not put text of its own on an administrator's page.
  const std::string notice = done == "disabled"  ? "The account is disabled and its sessions ended."
                             : done == "enabled" ? "The account is enabled."
                             : done == "restricted" ? "The restricted list is updated."
                                                    : "";
  view["has_notice"] = !notice.empty();
  view["notice"] = notice;
  view["has_errors"] = error != nullptr;
  if (error) {
    const std::string form =
        error->field == "child_id" || error->field == "la_code" ? "restricted" : "reason";
    view["errors"] = json::array({json{{"href", "#" + form}, {"text", error->message}}});
  }
  return render_page(services, error ? 400 : 200, "admin/show", view);
}

// After a change by form: back to the account (a GET, so a reload does not post again), or the
// account's page with the error.
Response back_to(const Request& request, Services& services, const std::string& username,
                 std::string_view done, const core::Status& status) {
  if (status) return see_other(account_href(username) + "?done=" + std::string(done));
  return render_show(request, services, username, "", &status.error());
}

}  // namespace

Response account_show(const Request& request, const RouteParams& params, Services& services) {
  return render_show(request, services, params.at("username"), request.param("done").value_or(""),
                     nullptr);
}

namespace {

Response set_disabled(const Request& request, const RouteParams& params, Services& services,
                      bool disabled) {
  const std::string& username = params.at("username");
  auto done =
      services.accounts.set_disabled(request.user, username, disabled, request.field("reason"));
  if (!done && done.error().code != core::ErrorCode::kInvalid) {
    return failure(services, request, done.error());
  }
  return back_to(request, services, username, disabled ? "disabled" : "enabled", done);
}

}  // namespace

Response account_disable(const Request& request, const RouteParams& params, Services& services) {
  return set_disabled(request, params, services, true);
}

Response account_enable(const Request& request, const RouteParams& params, Services& services) {
  return set_disabled(request, params, services, false);
}

Response account_reset_password(const Request& request, const RouteParams& params,
                                Services& services) {
  const std::string& username = params.at("username");
  auto password =
      services.accounts.reset_password(request.user, username, "", request.field("reason"));
  if (!password) {
    if (password.error().code == core::ErrorCode::kInvalid) {
      return back_to(request, services, username, "", password.error());
    }
    return failure(services, request, password.error());
  }
  json view = page_view(request, "Password reset", "accounts");
  view["username"] = username;
  view["password"] = *password;
  view["href"] = account_href(username);
  view["heading"] = "Password reset";
  view["reset"] = true;
  return render_page(services, 200, "admin/password", view);
}

Response account_restricted(const Request& request, const RouteParams& params, Services& services) {
  const std::string& username = params.at("username");
  const bool member = request.field("member") != "remove";
  auto done = services.accounts.set_restricted_member(request.user, request.field("la_code"),
                                                      request.field("child_id"), username, member,
                                                      request.field("reason"));
  if (!done && done.error().code != core::ErrorCode::kInvalid &&
      done.error().code != core::ErrorCode::kNotFound) {
    return failure(services, request, done.error());
  }
  if (!done && done.error().code == core::ErrorCode::kNotFound) {
    return back_to(request, services, username, "",
                   core::Error::invalid(
                       "child_id", "There is no child " + std::string(request.field("child_id")) +
                                       " in authority " + std::string(request.field("la_code"))));
  }
  return back_to(request, services, username, "restricted", done);
}

}  // namespace hearth::web
