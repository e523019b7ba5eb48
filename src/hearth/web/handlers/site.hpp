// The routes every site has: the home page (a redirect for now), the health check, and the
// static files under /assets/.
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

// GET / -> 302 to the signed-in user's home page (sign_in.hpp home_path), or to /sign-in.
Response home(const Request& request, const RouteParams& params, Services& services);
// GET /healthz -> 200 "ok" when the store answers (schema_version), 503 "unavailable" when not.
// For load balancers and `hearth serve` scripts; it shows no data.
Response health(const Request& request, const RouteParams& params, Services& services);
// GET /assets/{path...} -> the file (assets.hpp), cacheable, or the 404 page.
Response asset(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
