// A child's record (access::ChildRecords decides how much of it):
//
//   GET  /children/{la}/{id}                 the whole record for those with a relationship to
//                                            the child; the summary, and a form to give a
//                                            reason, for other social-care staff
//   POST /children/{la}/{id}/break-glass     the reason given; then the whole record
//   GET  /children/{la}/{id}/notes/{note}    one case note
//
// A child hidden from the user (restricted, another authority's) is "Page not found", as a
// child that does not exist is.
#pragma once

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

Response child_page(const Request& request, const RouteParams& params, Services& services);
Response break_glass(const Request& request, const RouteParams& params, Services& services);
Response case_note_page(const Request& request, const RouteParams& params, Services& services);

// "/children/999/C0001234".
std::string child_href(std::string_view la_code, std::string_view child_id);

}  // namespace hearth::web
