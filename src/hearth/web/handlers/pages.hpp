// What every page handler shares: the layout's part of the view, rendering a template into a
// response, and the error pages (GOV.UK patterns: "Page not found", "Sorry, there is a problem
// with the service").
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "hearth/core/error.hpp"
#include "hearth/web/http.hpp"

namespace hearth::web {

struct Services;

// The view the layout needs: {"page_title": title}. Pages add their own keys.
nlohmann::json page_view(std::string_view title);
// Renders `template_name` with `view` into an HTML response with `status`.
Response render_page(const Services& services, int status, std::string_view template_name,
                     const nlohmann::json& view);

Response not_found_page(Services& services);
// 500, or 503 when the store is unavailable.
Response problem_page(Services& services, int status = 500);
// 400 with a message saying what was wrong with the request.
Response bad_request_page(Services& services, std::string_view message);
// The page for a store call that failed: logs the error (never shown to the user), then 503 for
// kUnavailable and 500 otherwise.
Response store_failure_page(Services& services, std::string_view what, const core::Error& error);

}  // namespace hearth::web
