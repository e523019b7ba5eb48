#include "hearth/web/handlers/site.hpp"

#include <spdlog/spdlog.h>

#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/handlers/sign_in.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {

Response home(const Request& request, const RouteParams&, Services&) {
  return redirect_response(home_path(request.user));
}

Response health(const Request&, const RouteParams&, Services& services) {
  auto version = services.store.schema_version();
  if (!version) {
    spdlog::warn("health check: the store did not answer: {}", version.error().describe());
    return text_response(503, "unavailable");
  }
  return text_response(200, "ok");
}

Response asset(const Request&, const RouteParams& params, Services& services) {
  const Asset* file = services.site.assets.find(params.at("path"));
  if (file == nullptr) return not_found_page(services);
  Response response;
  response.content_type = file->content_type;
  response.body = file->body;
  // The URLs are not fingerprinted, so a day rather than a year: a new GOV.UK Frontend reaches
  // browsers by the next day.
  response.set_header("Cache-Control", "public, max-age=86400");
  return response;
}

}  // namespace hearth::web
