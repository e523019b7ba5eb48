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

struct Admission {
  std::optional<Response> refusal;
  std::vector<std::string> cookies;  // Set-Cookie values to add to the response
};

Admission admit(const Route& route, const RouteParams& params, Request& request,
                Services& services);

// A path Hearth may send someone back to after signing in: one of its own ("/..."), never
// another site's ("//evil.example", "https://...").
bool is_local_path(std::string_view target);

}  // namespace hearth::web
