// Hearth's route table: every page and endpoint, its name and the permission it needs.
// Start here to find the handler for a URL.
#pragma once

#include "hearth/web/router.hpp"

namespace hearth::web {

// Adds every route of the site to `router` and installs the GOV.UK error pages as its
// fallbacks. Throws std::invalid_argument if a route clashes with one already there.
void add_site_routes(Router& router);

// A router with the site's routes.
Router site_router();

}  // namespace hearth::web
