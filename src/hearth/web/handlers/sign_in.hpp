// Signing in and out, and the signed-in person's own account page.
//
//   GET  /sign-in              the form (public); signed in already: to the home page
//   POST /sign-in              username and password; a session cookie, then back where they
//                              were going (?next=, local paths only) or home
//   POST /sign-out             ends this session
//   POST /sign-out/everywhere  ends every session of the account
//   GET  /account              who you are signed in as, and your open sessions
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response sign_in_form(const Request& request, const RouteParams& params, Services& services);
Response sign_in(const Request& request, const RouteParams& params, Services& services);
Response sign_out(const Request& request, const RouteParams& params, Services& services);
Response sign_out_everywhere(const Request& request, const RouteParams& params, Services& services);
Response account_page(const Request& request, const RouteParams& params, Services& services);

// Where a role starts: /my-work for social care, /agency for partners, /statistics for
// analysts, /admin/users for administrators, /audit for auditors.
std::string home_path(const access::Principal& user);

}  // namespace hearth::web
