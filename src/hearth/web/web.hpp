// The web module: Hearth's HTTP server and its pages, server-rendered in the GOV.UK style.
//
// Start here:
//   server.hpp    Server and run_until_signal: how `hearth serve` runs the site.
//   routes.hpp    the route table: every URL, its handler and the permission it needs.
//   router.hpp    Router, Route, Handler: a handler is a function (Request, RouteParams,
//                 Services&) -> Response, with no socket code.
//   http.hpp      Request and Response as plain values; security headers.
//   services.hpp  what handlers get: the store, the clock, the site.
//   site.hpp      templates (web/templates), words (web/messages/en.yml) and static files
//                 (GOV.UK Frontend from web/node_modules, ours from web/assets), loaded at start.
//   handlers/     one file per area of the site: children.cpp, site.cpp (home, health,
//                 assets), pages.cpp (layout and error pages).
// detail/ (connections, Beast) is internal to this module.
//
// HEARTH_DEFAULT_WEB_ROOT (a compile definition of hearth_web) is the repository's web/ folder,
// the default web root for `hearth serve`.
#pragma once

#include "hearth/web/routes.hpp"
#include "hearth/web/server.hpp"
#include "hearth/web/services.hpp"
#include "hearth/web/site.hpp"
