// Before any handler runs: who is asking (the session cookie), whether the route's permission
// allows them (access::decide, by role), and, for a form posted, whether it carries this
// session's anti-forgery token. A refusal is answered here and audited; the handler never sees
// the request. Decisions about one child (the whole record or the summary) are the handler's
// service's (access::ChildRecords), by the same policy.
//
//   not signed in, page needs it    303 to /sign-in?next=<where they were going>
//   signed in, role may not         403 "You do not have permission", audited (route.denied)
//   form without the right token    403 "This form has expired", audited (csrf.refused)
//   form that is not a form         400
//   a dead session cookie           treated as no session, and cleared
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

inline constexpr std::string_view kSessionCookie = "hearth_session";
// The sign-in form's anti-forgery token, before there is a session (double-submit: the cookie and
// the form field must match).
inline constexpr std::string_view kSignInCookie = "hearth_signin";
inline constexpr std::string_view kCsrfField = "csrf_token";

struct SecurityOptions;
// The cookies' names as sent. Behind TLS they carry the __Host- prefix, which browsers accept
// only from the host itself over HTTPS with Path=/ and no Domain: a sibling subdomain cannot
// plant one. (Over plain HTTP on loopback the prefix would make browsers refuse the cookie.)
std::string session_cookie(const SecurityOptions& security);
std::string sign_in_cookie(const SecurityOptions& security);

// The client's address: the TCP peer's, or, when the peer is a proxy named by --trusted-proxy,
// the last address its X-Forwarded-For header adds that is not itself a trusted proxy.
std::string client_address(const Request& request, const SecurityOptions& security);

struct Admission {
  std::optional<Response> refusal;
  std::vector<std::string> cookies;  // Set-Cookie values to add to the response
};

Admission admit(const Route& route, const RouteParams& params, Request& request,
                Services& services);

// What an audit entry names as the target of a request: "GET /children/999/C1", with the query's
// values redacted (redact_target) so that search words stay out of the log.
std::string audit_target(const Request& request);

// A path Hearth may send someone back to after signing in: one of its own ("/..."), never
// another site's ("//evil.example", "https://...").
bool is_local_path(std::string_view target);

}  // namespace hearth::web
