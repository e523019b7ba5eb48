// The HTTP server: HTTP/1.1 with keep-alive (Boost.Beast), on an io_context run by a pool of
// threads. It turns bytes into a Request, asks the Router for the Response, and writes it back,
// with one access-log line per request. No Beast or Asio type appears in this header.
//
//   hearth::web::Services services{*store, clock, *site};
//   hearth::web::Server server({.address = "127.0.0.1", .port = 8080}, services);
//   auto port = server.start();           // binds and starts the threads
//   if (!port) { report(port.error()); return 1; }
//   hearth::web::run_until_signal(server, announce);  // SIGINT or SIGTERM: stop, then return
//
// Limits: a request header larger than max_header_bytes gets 431, a body larger than
// max_body_bytes 413, a request that is not HTTP 400; each then closes the connection. A
// connection idle (or a request trickling in) for idle_timeout is closed. Handlers that throw
// get the 500 page (router.hpp); nothing a client sends can take the server down.
//
// Lifetime: `services` (and what it refers to) must outlive the Server. start() once; a stopped
// server does not start again. The destructor stops the server and waits for it.
//
// Thread-safety: router() before start() only; start() from one thread; request_stop() from any
// thread, any number of times (including from a handler); wait() from any thread but a handler.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "hearth/core/result.hpp"
#include "hearth/web/router.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {

struct ServerOptions {
  std::string address = "127.0.0.1";  // "0.0.0.0" or "::" to listen on every interface
  uint16_t port = 8080;               // 0: any free port (start() says which)
  int threads = 0;                    // 0: std::thread::hardware_concurrency()
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;
  std::chrono::seconds idle_timeout{30};
  // How long request_stop() lets requests in flight run before closing their connections.
  std::chrono::seconds drain_timeout{10};
};

class Server {
 public:
  // Serves the site's routes (routes.hpp). Add more with router() before start().
  Server(ServerOptions options, Services& services);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  Router& router();

  // Binds and listens, then starts the threads. Returns the bound port. Fails with kInvalid for
  // an address that is not an IP address, kUnavailable when the address cannot be bound (in use,
  // not permitted, not an address of this machine), naming the address and the reason; kConflict
  // if already started.
  core::Result<uint16_t> start();

  // Blocks until the server has stopped (request_stop, or a signal under run_until_signal).
  // Returns at once if the server never started.
  void wait();

  // Graceful stop: stops accepting, closes idle keep-alive connections, lets requests in flight
  // finish (each answered with Connection: close), then ends wait(). Connections still busy after
  // drain_timeout are closed. Returns at once; call wait() to wait for the end.
  void request_stop();

  // The number of open connections (for tests and the log).
  size_t connection_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend void run_until_signal(Server& server, const std::function<void()>& on_ready);
};

// Stops `server` gracefully on SIGINT or SIGTERM (a second signal closes every connection at
// once) and returns when it has stopped. Call after start(). `on_ready` runs once a signal
// would be caught: announce the server there, not before.
void run_until_signal(Server& server, const std::function<void()>& on_ready = {});

}  // namespace hearth::web
