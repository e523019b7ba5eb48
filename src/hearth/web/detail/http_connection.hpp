// One HTTP/1.1 connection (Boost.Beast): read a request, answer it through the Router, keep the
// connection alive for the next, until the client closes, the idle timeout, an error, or a stop.
// Only http_connection.cpp includes Beast.
#pragma once

#include <chrono>
#include <cstddef>

#include <boost/asio/ip/tcp.hpp>

#include "hearth/web/detail/connection_registry.hpp"

namespace hearth::web {
class Router;
struct Services;
}  // namespace hearth::web

namespace hearth::web::detail {

struct ConnectionLimits {
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;
  std::chrono::seconds idle_timeout{30};
};

// Serves HTTP on `socket`, whose executor must be a strand of its own. The router, services and
// registry must outlive the connection (the server's io_context is destroyed first).
void serve_http(boost::asio::ip::tcp::socket socket, const ConnectionLimits& limits,
                const Router& router, Services& services, ConnectionRegistry& registry);

}  // namespace hearth::web::detail
