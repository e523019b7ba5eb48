// GET /my-work: the practitioner's home. A social worker's allocated children; a team manager's
// team's children, with who holds each; a reviewing officer's children in care and on plans; the
// front door's children with a contact in the last 30 days. Each with where they stand and the
// next statutory date, soonest first.
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response my_work(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
