#include "hearth/web/handlers/sign_in.hpp"

#include <nlohmann/json.hpp>

#include "hearth/core/digest.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/gate.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

// The sign-in form's token lives an hour: long enough to type, short enough to go stale.
constexpr int64_t kSignInCookieSeconds = 3600;

std::string next_from(const Request& request) {
  const std::string next(request.param("next").value_or(request.field("next")));
  return is_local_path(next) && next != "/sign-in" ? next : "";
}

Response render_form(Services& services, const Request& request, int status,
                     const std::string& token, const std::string& username,
                     const core::Error* error) {
  const Messages& messages = services.site.messages;
  json view = page_view(messages.text("sign_in.title"));
  view["csrf_token"] = token;
  view["username"] = username;
  view["next"] = next_from(request);
  view["asked_to_sign_in"] = !view["next"].get<std::string>().empty() && error == nullptr;
  const auto signed_out = request.param("signed_out");
  view["signed_out"] = signed_out.has_value() && error == nullptr;
  view["signed_out_everywhere"] = signed_out == "all";
  view["has_errors"] = error != nullptr;
  if (error) {
    const bool on_username = error->field == "username";
    view["errors"] = json::array(
        {json{{"href", on_username ? "#username" : "#password"}, {"text", error->message}}});
    view["username_error"] = on_username ? error->message : "";
    view["has_username_error"] = on_username;
    view["password_error"] = on_username ? "" : error->message;
    view["has_password_error"] = !on_username;
  }
  Response response = render_page(services, status, "sign_in/form", view);
  response.add_header("Set-Cookie",
                      cookie_header(sign_in_cookie(services.security), token,
                                    {kSignInCookieSeconds, services.security.behind_tls}));
  return response;
}

}  // namespace

std::string home_path(const access::Principal& user) {
  if (!user.signed_in) return "/sign-in";
  switch (user.role) {
    case access::Role::kPartner:
      return "/agency";
    case access::Role::kAnalyst:
      return "/statistics";
    case access::Role::kAdministrator:
      return "/admin/users";
    case access::Role::kAuditor:
      return "/audit";
    default:
      return "/my-work";
  }
}

Response sign_in_form(const Request& request, const RouteParams&, Services& services) {
  if (request.user.signed_in) return redirect_response(home_path(request.user));
  // A fresh token each time the form is shown: the cookie and the field must match on POST.
  return render_form(services, request, 200, core::random_hex(16), "", nullptr);
}

Response sign_in(const Request& request, const RouteParams&, Services& services) {
  if (request.user.signed_in) return see_other(home_path(request.user));
  const std::string username(request.field("username"));
  auto session = services.sessions.sign_in(
      {username, std::string(request.field("password")), request.client_address,
       std::string(request.header("user-agent").value_or(""))});
  if (!session) {
    const auto code = session.error().code;
    if (code != core::ErrorCode::kInvalid && code != core::ErrorCode::kForbidden) {
      return store_failure_page(services, "sign-in", session.error());
    }
    // Too many failures is 429, as HTTP names it; a wrong password is the form's 400.
    return render_form(services, request, code == core::ErrorCode::kForbidden ? 429 : 400,
                       core::random_hex(16), username, &session.error());
  }
  const std::string next = next_from(request);
  Response response = see_other(next.empty() ? home_path(session->principal) : next);
  response.add_header("Set-Cookie", cookie_header(session_cookie(services.security), session->token,
                                                  {-1, services.security.behind_tls}));
  response.add_header("Set-Cookie", cookie_header(sign_in_cookie(services.security), "",
                                                  {0, services.security.behind_tls}));
  return response;
}

Response sign_out(const Request& request, const RouteParams&, Services& services) {
  if (auto done = services.sessions.sign_out(request.user); !done) {
    return store_failure_page(services, "sign-out", done.error());
  }
  Response response = see_other("/sign-in?signed_out=1");
  response.add_header("Set-Cookie", cookie_header(session_cookie(services.security), "",
                                                  {0, services.security.behind_tls}));
  return response;
}

Response sign_out_everywhere(const Request& request, const RouteParams&, Services& services) {
  auto ended = services.sessions.sign_out_everywhere(request.user);
  if (!ended) return store_failure_page(services, "sign-out", ended.error());
  Response response = see_other("/sign-in?signed_out=all");
  response.add_header("Set-Cookie", cookie_header(session_cookie(services.security), "",
                                                  {0, services.security.behind_tls}));
  return response;
}

Response account_page(const Request& request, const RouteParams&, Services& services) {
  const access::Principal& user = request.user;
  json view = page_view(request, services.site.messages.text("account.title"), "account");
  view["display_name"] = user.display_name;
  view["username"] = user.username;
  view["role"] = std::string(access::role_label(user.role));
  view["la_code"] = user.la_code.empty() ? "All authorities" : user.la_code;
  auto sessions = services.sessions.open_sessions(user);
  if (!sessions) return store_failure_page(services, "account", sessions.error());
  json rows = json::array();
  for (const auto& session : *sessions) {
    rows.push_back({{"opened", format_timestamp(session.created_at)},
                    {"last_seen", format_timestamp(session.last_seen_at)},
                    {"address", session.address},
                    {"browser", session.user_agent.empty() ? "Not known" : session.user_agent},
                    {"this_one", session.token_hash == user.session_token_hash}});
  }
  view["sessions"] = rows;
  view["session_count"] = format_count(static_cast<int64_t>(sessions->size()));
  return render_page(services, 200, "account/show", view);
}

}  // namespace hearth::web
