#include "hearth/web/handlers/pages.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "hearth/web/services.hpp"

namespace hearth::web {

nlohmann::json page_view(std::string_view title) {
  return nlohmann::json{{"page_title", std::string(title)}};
}

Response render_page(const Services& services, int status, std::string_view template_name,
                     const nlohmann::json& view) {
  return html_response(status, services.site.templates.render(template_name, view));
}

Response not_found_page(Services& services) {
  return render_page(services, 404, "errors/not_found",
                     page_view(services.site.messages.text("errors.not_found.title")));
}

Response problem_page(Services& services, int status) {
  return render_page(services, status, "errors/problem",
                     page_view(services.site.messages.text("errors.problem.title")));
}

Response bad_request_page(Services& services, std::string_view message) {
  nlohmann::json view = page_view(services.site.messages.text("errors.bad_request.title"));
  view["message"] = std::string(message);
  return render_page(services, 400, "errors/bad_request", view);
}

Response store_failure_page(Services& services, std::string_view what, const core::Error& error) {
  spdlog::error("{}: the store failed: {}", what, error.describe());
  return problem_page(services, error.code == core::ErrorCode::kUnavailable ? 503 : 500);
}

}  // namespace hearth::web
