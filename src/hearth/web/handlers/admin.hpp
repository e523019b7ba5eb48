// The administrator's pages (accounts.manage): the same service as `hearth user ...`
// (access::Accounts), so every change is a revision with its reason and an audit entry.
//
//   GET  /admin/users                          every account
//   GET  /admin/users/new, POST /admin/users   add one (a generated password, shown once)
//   GET  /admin/users/{username}               one account, its history, and its forms:
//   POST /admin/users/{username}/disable       disable (ends its sessions)
//   POST /admin/users/{username}/enable
//   POST /admin/users/{username}/reset-password   a new generated password, shown once
//   POST /admin/users/{username}/restricted    put on (or take off) a restricted child's list
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response accounts_index(const Request& request, const RouteParams& params, Services& services);
Response account_new(const Request& request, const RouteParams& params, Services& services);
Response account_create(const Request& request, const RouteParams& params, Services& services);
Response account_show(const Request& request, const RouteParams& params, Services& services);
Response account_disable(const Request& request, const RouteParams& params, Services& services);
Response account_enable(const Request& request, const RouteParams& params, Services& services);
Response account_reset_password(const Request& request, const RouteParams& params,
                                Services& services);
Response account_restricted(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
