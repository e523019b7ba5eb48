// The auditor's pages (audit.read):
//
//   GET /audit?la=&child=     who looked at this child's record, and what was done to it
//   GET /audit?user=          what this user looked at and did
//   GET /audit/verify         the hash chain checked end to end
//
// Newest first, 100 a page, "older entries" by ?before=<seq>. Reading the audit log is itself
// audited.
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response audit_page(const Request& request, const RouteParams& params, Services& services);
Response audit_verify_page(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
