// GET /returns?return=cin|903&year=YYYY: the user's authority's statutory return for a
// collection year, made from the records as they stood on 31 March, checked against the DfE's
// rules: a summary with each failing rule's count, then each rule's failures, the child named
// by LA child id (a link to the child's page for those who may open it). GET /returns/report.csv
// with the same parameters: every failure, as `hearth validate --format csv` writes it.
// For performance analysts and team managers (returns.read).
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response returns_page(const Request& request, const RouteParams& params, Services& services);
Response returns_report_csv(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
