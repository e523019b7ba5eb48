// GET /statistics: de-identified figures of the authority's caseload today (metrics module),
// small counts suppressed. For performance analysts and team managers; no child is named.
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response statistics_page(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
