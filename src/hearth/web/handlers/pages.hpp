// What every page handler shares: the layout's part of the view, rendering a template into a
// response, and the error pages (GOV.UK patterns: "Page not found", "Sorry, there is a problem
// with the service").
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "hearth/core/error.hpp"
#include "hearth/domain/entities.hpp"
#include "hearth/web/http.hpp"
#include "hearth/web/messages.hpp"

namespace hearth::web {

struct Services;

// The view the layout needs when no one is known (error pages, the sign-in page):
// {"page_title": title}. Pages add their own keys.
nlohmann::json page_view(std::string_view title);
// The view the layout needs for a request: the title, who is signed in, the navigation their
// permissions open (`active` names the item to mark: "work", "children", "agency",
// "statistics", "accounts", "audit", "account") and the form token for "Sign out".
nlohmann::json page_view(const Request& request, std::string_view title,
                         std::string_view active = {});
// Renders `template_name` with `view` into an HTML response with `status`.
Response render_page(const Services& services, int status, std::string_view template_name,
                     const nlohmann::json& view);

// "Female" for F, from the messages (sex.F); the code itself when it has no label.
std::string sex_label(const Messages& messages, const std::string& code);
// "7", "1 month", "5 months", "Not born yet", "Not recorded": an age on `today`.
std::string age_text(const Messages& messages, const domain::OptionalDate& birth, core::Date today);

Response not_found_page(Services& services);
// 403: "You do not have permission to see this page", or `message`; with the layout's
// navigation for the signed-in user.
Response forbidden_page(Services& services, const Request& request, std::string_view message = {});
// 500, or 503 when the store is unavailable.
Response problem_page(Services& services, int status = 500);
// 400 with a message saying what was wrong with the request.
Response bad_request_page(Services& services, std::string_view message);
// The page for a store call that failed: logs the error (never shown to the user), then 503 for
// kUnavailable and 500 otherwise.
Response store_failure_page(Services& services, std::string_view what, const core::Error& error);

}  // namespace hearth::web
