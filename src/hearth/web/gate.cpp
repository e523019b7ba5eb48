#include "hearth/web/gate.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "hearth/access/policy.hpp"
#include "hearth/core/digest.hpp"
#include "hearth/core/text.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

bool changes_something(Method method) {
  return method != Method::kGet && method != Method::kHead && method != Method::kOptions;
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

std::string audit_target(const Request& request) {
  return request.method_text + " " + redact_target(request.target);
}

std::string session_cookie(const SecurityOptions& security) {
  return (security.behind_tls ? "__Host-" : "") + std::string(kSessionCookie);
}

std::string sign_in_cookie(const SecurityOptions& security) {
  return (security.behind_tls ? "__Host-" : "") + std::string(kSignInCookie);
}

std::string client_address(const Request& request, const SecurityOptions& security) {
  const auto trusted = [&](std::string_view address) {
    return std::find(security.trusted_proxies.begin(), security.trusted_proxies.end(), address) !=
           security.trusted_proxies.end();
  };
  if (!trusted(request.client_address)) return request.client_address;
  const auto forwarded = request.header("x-forwarded-for");
  if (!forwarded) return request.client_address;
  // Right to left: the last hop a trusted proxy added is the first we cannot vouch for.
  std::string_view rest = *forwarded;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view hop =
        core::trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (hop.empty() || hop.size() > 45 ||
        hop.find_first_not_of("0123456789abcdefABCDEF.:") != std::string_view::npos) {
      break;  // not an address: believe nothing further left
    }
    if (!trusted(hop)) return std::string(hop);
  }
  return request.client_address;
}

bool is_local_path(std::string_view target) {
  if (target.empty() || target.front() != '/') return false;
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return false;
  // Browsers drop tabs, line breaks and spaces from an address ("/\t/evil.example" is
  // "//evil.example" to them) and read a backslash as a slash: none may be in one.
  return std::none_of(target.begin(), target.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f || c == '\\';
  });
}

Admission admit(const Route& route, const RouteParams& params, Request& request,
                Services& services) {
  Admission admission;
  request.client_address = client_address(request, services.security);
  request.user = access::Principal::anonymous(request.client_address);
  if (auto token = request.cookie(session_cookie(services.security))) {
    auto principal = services.sessions.authenticate(*token, request.client_address);
    if (principal) {
      request.user = std::move(*principal);
    } else if (principal.error().code == core::ErrorCode::kNotFound) {
      // Signed out, expired, or not a token at all: forget it.
      admission.cookies.push_back(
          cookie_header(session_cookie(services.security), "", {0, services.security.behind_tls}));
    } else {
      admission.refusal = store_failure_page(services, "session", principal.error());
      return admission;
    }
  }

  const auto permission = access::permission_from_name(route.permission);
  const access::Decision decision =
      permission ? access::decide_by_role(request.user, *permission)
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
      spdlog::warn("refused a {} to {} that is not a form (Content-Type {}) from {}",
                   request.method_text, redact_target(request.target),
                   type.empty() ? "none" : std::string(type.substr(0, 80)), request.client_address);
      admission.refusal =
          bad_request_page(services, "This address takes a form from a page of Hearth");
      return admission;
    }
    auto form = parse_form(request.body);
    if (!form) {
      spdlog::warn("refused a malformed form to {} from {}: {}", redact_target(request.target),
                   request.client_address, form.error().message);
      admission.refusal = bad_request_page(services, form.error().message);
      return admission;
    }
    request.form = std::move(*form);
    const std::string_view sent = request.field(kCsrfField);
    const std::string expected =
        request.user.signed_in ? request.user.csrf_token
                               : request.cookie(sign_in_cookie(services.security)).value_or("");
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
