// The route table: method + path pattern -> handler, each route with a name and the permission it
// needs. A handler is a plain function of the request and the services; it returns the response
// and touches no socket (Beast's handle_request idea), so handler tests need no server.
//
//   router.get("/children/{la}/{id}", "children.show", "children.read", &show_child);
//
// Patterns are literal segments, `{name}` (one whole segment) and, last only, `{name...}` (one or
// more remaining segments, joined with '/'). Parameters reach the handler percent-decoded. When
// several patterns match a path, the most literal one wins ("/children/new" before
// "/children/{id}"), whatever the order they were added in.
//
// Every route names a permission of access/policy.hpp ("children.search", or kPublic); a name
// the policy does not know is refused when the route is added. Before a handler runs, the gate
// (gate.hpp) signs the request in from its cookie and asks the policy; the access tests walk
// every role against every route.
//
// Thread-safety: add routes before the server starts; after that the router is only read, from
// any number of threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/error.hpp"
#include "hearth/web/http.hpp"

namespace hearth::web {

struct Services;

// The permission of routes anyone may use: assets, the health check, error pages.
inline constexpr std::string_view kPublic = "public";

class RouteParams {
 public:
  void add(std::string name, std::string value);
  std::optional<std::string_view> find(std::string_view name) const;
  // The value of a parameter the route's pattern names. Throws std::out_of_range for a name the
  // pattern does not have: a bug in the handler, answered with a 500.
  const std::string& at(std::string_view name) const;
  size_t size() const { return values_.size(); }

 private:
  Fields values_;
};

using Handler = std::function<Response(const Request&, const RouteParams&, Services&)>;

struct Route {
  Method method = Method::kGet;
  std::string pattern;     // "/children/{la}/{id}"
  std::string name;        // "children.index": unique and stable
  std::string permission;  // "children.list", or kPublic
  Handler handler;
};

// The responses for requests that no handler answers, or that a handler fails. The defaults are
// plain text; add_site_routes (routes.hpp) installs the GOV.UK pages.
struct FallbackPages {
  std::function<Response(Services&)> not_found;                              // 404
  std::function<Response(Services&)> problem;                                // 500
  std::function<Response(Services&, std::string_view message)> bad_request;  // 400
};

class Router {
 public:
  Router();

  // Adds a route. Throws std::invalid_argument for a malformed pattern, an empty name, a
  // permission the policy does not know, a missing handler, or a name or (method, pattern)
  // already taken: mistakes in the route table fail at start, not at request time.
  Router& add(Route route);
  Router& get(std::string pattern, std::string name, std::string permission, Handler handler);
  Router& post(std::string pattern, std::string name, std::string permission, Handler handler);

  void set_fallbacks(FallbackPages pages);
  const FallbackPages& fallbacks() const { return fallbacks_; }

  const std::vector<Route>& routes() const { return routes_; }
  const Route* find_route(std::string_view name) const;

  struct Match {
    const Route* route = nullptr;  // null when no route serves this method on this path
    RouteParams params;
    std::vector<Method> allowed;  // methods that do have a route for this path, for 405's Allow
  };
  // HEAD matches a GET route unless a HEAD route exists.
  Match match(Method method, std::string_view path) const;

  // The request in, the response out: 404 for an unknown path, 405 with Allow for a known path
  // and another method, HEAD answered as GET without the body; then the gate (sign-in, the
  // route's permission, the form's anti-forgery token); then the handler, or 500 (and an error
  // logged) when it throws. Every response carries the security headers. Never throws.
  // Takes the request by value: the gate fills in who is asking and the form, in place.
  Response handle(Request request, Services& services) const;

  // Adds the security headers (add_security_headers), and Strict-Transport-Security behind TLS.
  static void secure(Response& response, const Services& services);

  // The 400 response for a target that parse_target refused, with its message.
  Response reject(const core::Error& error, Services& services) const;
  // A response with the security headers, from a fallback page, or plain text if the page
  // itself fails (a broken template must not take the error pages down with it).
  Response fallback(int status, Services& services, std::string_view message = {}) const;

 private:
  enum class SegmentKind { kLiteral, kParam, kTail };
  struct Segment {
    SegmentKind kind;
    std::string text;  // the literal, or the parameter's name
  };
  struct Compiled {
    std::vector<Segment> segments;
  };

  static Compiled compile(const std::string& pattern);
  static bool match_segments(const Compiled& compiled, const std::vector<std::string_view>& parts,
                             RouteParams& params);
  static bool more_specific(const Compiled& a, const Compiled& b);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;  // parallel to routes_
  FallbackPages fallbacks_;
};

}  // namespace hearth::web
