#include "hearth/web/routes.hpp"

#include "hearth/web/handlers/children.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/handlers/site.hpp"

namespace hearth::web {

void add_site_routes(Router& router) {
  router.get("/", "home", std::string(kPublic), &home);
  router.get("/healthz", "health", std::string(kPublic), &health);
  router.get("/assets/{path...}", "assets", std::string(kPublic), &asset);
  router.get("/children", "children.index", "children.list", &children_index);

  router.set_fallbacks(FallbackPages{
      .not_found = [](Services& services) { return not_found_page(services); },
      .problem = [](Services& services) { return problem_page(services); },
      .bad_request = [](Services& services,
                        std::string_view message) { return bad_request_page(services, message); },
  });
}

Router site_router() {
  Router router;
  add_site_routes(router);
  return router;
}

}  // namespace hearth::web
