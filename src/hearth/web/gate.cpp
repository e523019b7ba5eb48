#include "hearth/web/gate.hpp"

#include <spdlog/spdlog.h>

#include "hearth/access/policy.hpp"
#include "hearth/core/digest.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

bool changes_something(Method method) {
  return method != Method::kGet && method != Method::kHead && method != Method::kOptions;
}

std::string audit_target(const Request& request) {
  return request.method_text + " " + redact_target(request.target);
}

core::Status audit_refusal(Services& services, const Request& request, const RouteParams& params,
                           std::string action, std::string reason) {
  std::string la;
  std::string child;
  if (auto found = params.find("la")) la = std::string(*found);
  if (auto found = params.find("id")) child = std::string(*found);
  return services.audit.record(request.user, {std::move(action), "denied", la, child,
                                              audit_target(request), std::move(reason)});
}

}  // namespace

bool is_local_path(std::string_view target) {
  return target.size() >= 1 && target.front() == '/' &&
         (target.size() == 1 || (target[1] != '/' && target[1] != '\\')) &&
         target.find_first_of("\r\n") == std::string_view::npos;
}

Admission admit(const Route& route, const RouteParams& params, Request& request,
                Services& services) {
  Admission admission;
  request.user = access::Principal::anonymous(request.client_address);
  if (auto token = request.cookie(kSessionCookie)) {
    auto principal = services.sessions.authenticate(*token, request.client_address);
    if (principal) {
      request.user = std::move(*principal);
    } else if (principal.error().code == core::ErrorCode::kNotFound) {
      // Signed out, expired, or not a token at all: forget it.
      admission.cookies.push_back(
          cookie_header(kSessionCookie, "", {0, services.security.behind_tls}));
    } else {
      admission.refusal = store_failure_page(services, "session", principal.error());
      return admission;
    }
  }

  const auto permission = access::permission_from_name(route.permission);
  const access::Decision decision =
      permission ? access::decide(request.user, *permission)
                 : access::Decision::deny(access::Denial::kRole);  // default deny
  if (!decision.allowed) {
    if (decision.denial == access::Denial::kNotSignedIn) {
      std::string next = request.method == Method::kGet ? request.target : "/";
      admission.refusal = see_other("/sign-in?next=" + percent_encode(next));
      return admission;
    }
    spdlog::warn("forbidden: {} ({}) may not {} ({})", request.user.username,
                 access::role_name(request.user.role), route.name, route.permission);
    if (auto audited = audit_refusal(services, request, params, "route.denied",
                                     "route " + route.name + " needs " + route.permission);
        !audited) {
      admission.refusal = store_failure_page(services, "audit", audited.error());
      return admission;
    }
    admission.refusal = forbidden_page(services, request);
    return admission;
  }

  if (changes_something(request.method)) {
    const auto type = request.header("content-type").value_or("");
    if (type.find("application/x-www-form-urlencoded") == std::string_view::npos) {
      admission.refusal =
          bad_request_page(services, "This address takes a form from a page of Hearth");
      return admission;
    }
    auto form = parse_form(request.body);
    if (!form) {
      admission.refusal = bad_request_page(services, form.error().message);
      return admission;
    }
    request.form = std::move(*form);
    const std::string_view sent = request.field(kCsrfField);
    const std::string expected = request.user.signed_in
                                     ? request.user.csrf_token
                                     : request.cookie(kSignInCookie).value_or("");
    if (expected.empty() || !core::constant_time_equal(sent, expected)) {
      spdlog::warn("refused a form without its anti-forgery token: {} {} by {}",
                   request.method_text, redact_target(request.target),
                   request.user.signed_in ? request.user.username : "(not signed in)");
      if (auto audited = audit_refusal(services, request, params, "csrf.refused",
                                       sent.empty() ? "no token" : "wrong token");
          !audited) {
        admission.refusal = store_failure_page(services, "audit", audited.error());
        return admission;
      }
      admission.refusal =
          forbidden_page(services, request, services.site.messages.text("errors.csrf"));
      return admission;
    }
  }
  return admission;
}

}  // namespace hearth::web
