// GET /agency: a partner-agency practitioner's page: what their own agency has told children's
// social care, newest first, searchable by the agency's own reference, with what has happened
// to each. Nothing of the child's social-care record is on it.
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response agency_records(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
