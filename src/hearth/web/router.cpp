#include "hearth/web/router.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "hearth/access/policy.hpp"
#include "hearth/web/gate.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  size_t start = 1;
  while (true) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is_parameter_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string allow_header(std::vector<Method> methods) {
  std::sort(methods.begin(), methods.end(),
            [](Method a, Method b) { return method_name(a) < method_name(b); });
  std::string out;
  for (const Method method : methods) {
    if (!out.empty()) out += ", ";
    out += method_name(method);
  }
  return out;
}

}  // namespace

void RouteParams::add(std::string name, std::string value) {
  values_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> RouteParams::find(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

const std::string& RouteParams::at(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  throw std::out_of_range("route has no parameter named " + std::string(name));
}

Router::Router() {
  fallbacks_.not_found = [](Services&) { return text_response(404, "Not found\n"); };
  fallbacks_.problem = [](Services&) {
    return text_response(500, "Sorry, there is a problem with the service\n");
  };
  fallbacks_.bad_request = [](Services&, std::string_view message) {
    return text_response(400, "Bad request: " + std::string(message) + "\n");
  };
}

Router::Compiled Router::compile(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must begin with /: " + pattern);
  }
  Compiled compiled;
  const auto parts = split_path(pattern);
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      std::string_view name = part.substr(1, part.size() - 2);
      SegmentKind kind = SegmentKind::kParam;
      if (name.size() > 3 && name.substr(name.size() - 3) == "...") {
        if (i + 1 != parts.size()) {
          throw std::invalid_argument("{name...} must be the last segment: " + pattern);
        }
        name.remove_suffix(3);
        kind = SegmentKind::kTail;
      }
      if (!is_parameter_name(name)) {
        throw std::invalid_argument("bad parameter name in route pattern: " + pattern);
      }
      for (const auto& existing : compiled.segments) {
        if (existing.kind != SegmentKind::kLiteral && existing.text == name) {
          throw std::invalid_argument("parameter named twice in route pattern: " + pattern);
        }
      }
      compiled.segments.push_back({kind, std::string(name)});
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("a parameter must be a whole segment: " + pattern);
      }
      if (part.empty() && !(parts.size() == 1 && pattern == "/")) {
        throw std::invalid_argument("empty segment in route pattern: " + pattern);
      }
      compiled.segments.push_back({SegmentKind::kLiteral, std::string(part)});
    }
  }
  return compiled;
}

bool Router::match_segments(const Compiled& compiled, const std::vector<std::string_view>& parts,
                            RouteParams& params) {
  const auto& segments = compiled.segments;
  size_t i = 0;
  for (; i < segments.size(); ++i) {
    const Segment& segment = segments[i];
    if (segment.kind == SegmentKind::kTail) {
      if (i >= parts.size()) return false;
      std::string joined;
      for (size_t k = i; k < parts.size(); ++k) {
        auto decoded = percent_decode(parts[k], /*plus_is_space=*/false);
        if (!decoded || decoded->empty()) return false;
        if (k > i) joined.push_back('/');
        joined += *decoded;
      }
      params.add(segment.text, std::move(joined));
      return true;
    }
    if (i >= parts.size()) return false;
    if (segment.kind == SegmentKind::kLiteral) {
      if (parts[i] != segment.text) return false;
      continue;
    }
    auto decoded = percent_decode(parts[i], /*plus_is_space=*/false);
    if (!decoded || decoded->empty()) return false;
    params.add(segment.text, std::move(*decoded));
  }
  return i == parts.size();
}

bool Router::more_specific(const Compiled& a, const Compiled& b) {
  const size_t n = std::min(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < n; ++i) {
    if (a.segments[i].kind != b.segments[i].kind) {
      return static_cast<int>(a.segments[i].kind) < static_cast<int>(b.segments[i].kind);
    }
  }
  return a.segments.size() > b.segments.size();
}

Router& Router::add(Route route) {
  if (route.name.empty()) throw std::invalid_argument("route without a name: " + route.pattern);
  if (route.permission.empty()) {
    throw std::invalid_argument("route without a permission: " + route.name);
  }
  if (!access::permission_from_name(route.permission)) {
    throw std::invalid_argument("route " + route.name +
                                " names a permission the policy does not "
                                "know: " +
                                route.permission);
  }
  if (!route.handler) throw std::invalid_argument("route without a handler: " + route.name);
  Compiled compiled = compile(route.pattern);
  for (const Route& existing : routes_) {
    if (existing.name == route.name) {
      throw std::invalid_argument("route name already taken: " + route.name);
    }
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument(
          "route already defined: " + std::string(method_name(route.method)) + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
  return *this;
}

Router& Router::get(std::string pattern, std::string name, std::string permission,
                    Handler handler) {
  return add(Route{Method::kGet, std::move(pattern), std::move(name), std::move(permission),
                   std::move(handler)});
}

Router& Router::post(std::string pattern, std::string name, std::string permission,
                     Handler handler) {
  return add(Route{Method::kPost, std::move(pattern), std::move(name), std::move(permission),
                   std::move(handler)});
}

void Router::set_fallbacks(FallbackPages pages) {
  if (pages.not_found) fallbacks_.not_found = std::move(pages.not_found);
  if (pages.problem) fallbacks_.problem = std::move(pages.problem);
  if (pages.bad_request) fallbacks_.bad_request = std::move(pages.bad_request);
}

const Route* Router::find_route(std::string_view name) const {
  for (const Route& route : routes_) {
    if (route.name == name) return &route;
  }
  return nullptr;
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match result;
  const auto parts = split_path(path);
  if (parts.empty()) return result;

  const Compiled* best_compiled = nullptr;
  const Compiled* best_get = nullptr;
  const Route* best_get_route = nullptr;
  RouteParams best_get_params;
  bool has_head_route = false;
  for (size_t i = 0; i < routes_.size(); ++i) {
    RouteParams params;
    if (!match_segments(compiled_[i], parts, params)) continue;
    const Route& route = routes_[i];
    if (std::find(result.allowed.begin(), result.allowed.end(), route.method) ==
        result.allowed.end()) {
      result.allowed.push_back(route.method);
    }
    if (route.method == Method::kHead) has_head_route = true;
    if (route.method == method &&
        (best_compiled == nullptr || more_specific(compiled_[i], *best_compiled))) {
      result.route = &route;
      result.params = params;
      best_compiled = &compiled_[i];
    }
    if (route.method == Method::kGet &&
        (best_get == nullptr || more_specific(compiled_[i], *best_get))) {
      best_get_route = &route;
      best_get_params = std::move(params);
      best_get = &compiled_[i];
    }
  }
  if (best_get_route != nullptr && !has_head_route) {
    result.allowed.push_back(Method::kHead);
    if (method == Method::kHead && result.route == nullptr) {
      result.route = best_get_route;
      result.params = std::move(best_get_params);
    }
  }
  return result;
}

void Router::secure(Response& response, const Services& services) {
  add_security_headers(response);
  if (services.security.behind_tls) {
    response.set_header("Strict-Transport-Security", "max-age=31536000");
  }
}

Response Router::fallback(int status, Services& services, std::string_view message) const {
  Response response;
  try {
    switch (status) {
      case 400:
        response = fallbacks_.bad_request(services, message);
        break;
      case 404:
        response = fallbacks_.not_found(services);
        break;
      default:
        response = fallbacks_.problem(services);
        break;
    }
  } catch (const std::exception& e) {
    spdlog::error("error page {} failed: {}", status, e.what());
    response = text_response(status, std::string(status_reason(status)) + "\n");
  }
  response.status = status;
  secure(response, services);
  return response;
}

Response Router::reject(const core::Error& error, Services& services) const {
  return fallback(400, services, error.message);
}

Response Router::handle(Request request, Services& services) const {
  Match match = this->match(request.method, request.path);
  if (match.route == nullptr) {
    if (match.allowed.empty()) {
      Response response = fallback(404, services);
      response.head = request.method == Method::kHead;
      return response;
    }
    Response response = text_response(405, "Method not allowed\n");
    response.set_header("Allow", allow_header(match.allowed));
    response.head = request.method == Method::kHead;
    secure(response, services);
    return response;
  }

  Response response;
  try {
    Admission admission = admit(*match.route, match.params, request, services);
    if (admission.refusal) {
      response = std::move(*admission.refusal);
    } else {
      response = match.route->handler(request, match.params, services);
    }
    for (auto& cookie : admission.cookies) {
      // A handler's own cookie of that name wins (signing in over a dead session's cookie).
      const std::string name = cookie.substr(0, cookie.find('=') + 1);
      const bool handler_set =
          std::any_of(response.headers.begin(), response.headers.end(), [&](const auto& header) {
            return header.first == "Set-Cookie" && header.second.starts_with(name);
          });
      if (!handler_set) response.add_header("Set-Cookie", std::move(cookie));
    }
  } catch (const std::exception& e) {
    spdlog::error("route {} failed on {} {}: {}", match.route->name, request.method_text,
                  redact_target(request.target), e.what());
    response = fallback(500, services);
  } catch (...) {
    spdlog::error("route {} failed on {} {}: unknown exception", match.route->name,
                  request.method_text, redact_target(request.target));
    response = fallback(500, services);
  }
  response.head = request.method == Method::kHead;
  secure(response, services);
  return response;
}

}  // namespace hearth::web
