#include "hearth/web/server.hpp"

#include <atomic>
#include <csignal>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "hearth/web/detail/connection_registry.hpp"
#include "hearth/web/detail/http_connection.hpp"
#include "hearth/web/routes.hpp"

namespace hearth::web {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

int thread_count(const ServerOptions& options) {
  if (options.threads > 0) return options.threads;
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

std::string host_port(const std::string& address, uint16_t port) {
  if (address.find(':') != std::string::npos) return fmt::format("[{}]:{}", address, port);
  return fmt::format("{}:{}", address, port);
}

// After a failed accept (out of file descriptors, say), wait this long before the next, so that
// the loop does not spin.
constexpr std::chrono::milliseconds kAcceptBackoff{50};
// At most this many waiting connections taken at once before the queue's other work runs.
constexpr int kAcceptBurst = 256;

}  // namespace

struct Server::Impl {
  enum class State { kNew, kRunning, kStopping, kStopped };

  Impl(ServerOptions server_options, Services& server_services)
      : options(std::move(server_options)),
        services(server_services),
        router(site_router()),
        threads_wanted(thread_count(options)),
        io(threads_wanted),
        control(net::make_strand(io)),
        acceptor(control),
        drain_timer(control),
        accept_backoff(control) {
    limits.max_header_bytes = options.max_header_bytes;
    limits.max_body_bytes = options.max_body_bytes;
    limits.idle_timeout = options.idle_timeout;
  }

  core::Result<uint16_t> start();
  void accept();
  void accept_waiting();
  void request_stop();
  void begin_stop();  // on `control`
  void finish();      // on `control`
  void force_stop();  // on `control`
  void wait_for_signal();
  void wait();
  void run_io();
  bool stop_requested() {
    std::lock_guard lock(mutex);
    return state != State::kRunning;
  }

  // Declaration order matters: `io` is destroyed before the registry, router and services that
  // the connections it still holds refer to, and after the I/O objects made on it.
  ServerOptions options;
  Services& services;
  Router router;
  detail::ConnectionLimits limits;
  detail::ConnectionRegistry registry;

  std::mutex mutex;
  State state = State::kNew;  // guarded by mutex

  std::mutex join_mutex;
  std::vector<std::thread> threads;  // started by start(), joined under join_mutex

  // Set once `io` is stopped: from then on nothing may be posted to `control` (it may be gone).
  std::atomic<bool> io_stopped{false};

  const int threads_wanted;
  net::io_context io;
  // The acceptor, the drain timer and the signals live on this strand.
  net::strand<net::io_context::executor_type> control;
  tcp::acceptor acceptor;
  net::steady_timer drain_timer;
  net::steady_timer accept_backoff;
  std::optional<net::signal_set> signals;
};

core::Result<uint16_t> Server::Impl::start() {
  {
    std::lock_guard lock(mutex);
    if (state != State::kNew) return core::Error::conflict("the server has already been started");
  }
  boost::system::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) {
    return core::Error::invalid("address", options.address + " is not an IP address");
  }
  const tcp::endpoint endpoint(address, options.port);
  const std::string where = host_port(options.address, options.port);
  const auto refuse = [&](std::string_view step) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    return core::Error::unavailable(
        fmt::format("cannot listen on {}: {} ({})", where, ec.message(), step));
  };
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return refuse("open");
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return refuse("set_option");
  acceptor.bind(endpoint, ec);
  if (ec) return refuse("bind");
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return refuse("listen");
  acceptor.non_blocking(true, ec);  // so that accept_waiting() never blocks a thread
  if (ec) return refuse("non_blocking");
  const uint16_t port = acceptor.local_endpoint(ec).port();
  if (ec) return refuse("local_endpoint");

  {
    std::lock_guard lock(mutex);
    state = State::kRunning;
  }
  accept();  // no thread runs `io` yet, so touching the acceptor here is safe
  std::lock_guard join_lock(join_mutex);
  threads.reserve(threads_wanted);
  for (int i = 0; i < threads_wanted; ++i) threads.emplace_back([this] { run_io(); });
  spdlog::info("listening on http://{}/ with {} threads", host_port(options.address, port),
               threads_wanted);
  return port;
}

void Server::Impl::accept() {
  // Each connection gets its own strand, so its handlers never run concurrently.
  acceptor.async_accept(net::make_strand(io),
                        [this](boost::system::error_code ec, tcp::socket socket) {
                          if (!acceptor.is_open()) return;  // stopping
                          if (ec) {
                            spdlog::warn("accepting a connection failed: {}", ec.message());
                            accept_backoff.expires_after(kAcceptBackoff);
                            accept_backoff.async_wait([this](boost::system::error_code wait_ec) {
                              if (!wait_ec && acceptor.is_open()) accept();
                            });
                            return;
                          }
                          detail::serve_http(std::move(socket), limits, router, services, registry);
                          accept_waiting();
                          accept();
                        });
}

// A burst of connections (a shift starting, or wrk's 200) waits in the listen queue. Accepting
// one a turn of the queue, behind every request of the connections already open, left the last
// of 200 waiting over 2 seconds for their first page (measured: bench/README.md, pages); taking
// all that are waiting at each turn accepts the burst at once.
void Server::Impl::accept_waiting() {
  for (int taken = 0; taken < kAcceptBurst; ++taken) {
    boost::system::error_code ec;
    tcp::socket socket(acceptor.accept(net::make_strand(io), ec));
    if (ec) return;  // would_block: none left; any other error: the async accept reports it
    detail::serve_http(std::move(socket), limits, router, services, registry);
  }
}

void Server::Impl::request_stop() {
  {
    std::lock_guard lock(mutex);
    if (state == State::kNew) {
      state = State::kStopped;
      return;
    }
    if (state != State::kRunning) return;
    state = State::kStopping;
  }
  net::post(control, [this] { begin_stop(); });
}

void Server::Impl::begin_stop() {
  boost::system::error_code ignored;
  acceptor.close(ignored);
  accept_backoff.cancel();
  const auto open = registry.begin_stop([this] {
    if (!io_stopped.load()) net::post(control, [this] { finish(); });
  });
  spdlog::info("stopping: accepting no more connections; {} open, {}s for requests in flight",
               open.size(), options.drain_timeout.count());
  drain_timer.expires_after(options.drain_timeout);
  drain_timer.async_wait([this](boost::system::error_code ec) {
    if (ec) return;  // cancelled: everything finished in time
    spdlog::warn("stopping: {} connections still open after {}s; closing them", registry.size(),
                 options.drain_timeout.count());
    force_stop();
  });
  for (const auto& connection : open) connection->close_when_idle();
}

void Server::Impl::finish() {
  drain_timer.cancel();
  if (signals) {
    boost::system::error_code ignored;
    signals->cancel(ignored);
  }
  spdlog::info("stopped");
  io_stopped.store(true);
  io.stop();
}

void Server::Impl::force_stop() {
  for (const auto& connection : registry.open_connections()) connection->close_now();
  drain_timer.cancel();
  if (signals) {
    boost::system::error_code ignored;
    signals->cancel(ignored);
  }
  io_stopped.store(true);
  io.stop();
}

void Server::Impl::wait_for_signal() {
  signals->async_wait([this](boost::system::error_code ec, int signal_number) {
    if (ec) return;
    if (!stop_requested()) {
      spdlog::info("signal {}: stopping gracefully (again to stop at once)", signal_number);
      request_stop();
      wait_for_signal();
    } else {
      spdlog::warn("signal {} while stopping: closing every connection now", signal_number);
      force_stop();
    }
  });
}

void Server::Impl::run_io() {
  for (;;) {
    try {
      io.run();
      return;
    } catch (const std::exception& e) {
      // Connections catch their own errors; this is the last line, and the loop goes on.
      spdlog::error("unexpected exception in the server loop: {}", e.what());
    }
  }
}

void Server::Impl::wait() {
  {
    std::lock_guard join_lock(join_mutex);
    for (auto& thread : threads) {
      if (thread.joinable()) thread.join();
    }
  }
  std::lock_guard lock(mutex);
  if (state != State::kNew) state = State::kStopped;
}

Server::Server(ServerOptions options, Services& services)
    : impl_(std::make_unique<Impl>(std::move(options), services)) {}

Server::~Server() {
  impl_->request_stop();
  impl_->wait();
  impl_->io_stopped.store(true);
}

Router& Server::router() {
  return impl_->router;
}

core::Result<uint16_t> Server::start() {
  return impl_->start();
}

void Server::wait() {
  impl_->wait();
}

void Server::request_stop() {
  impl_->request_stop();
}

size_t Server::connection_count() const {
  return impl_->registry.size();
}

void run_until_signal(Server& server, const std::function<void()>& on_ready) {
  Server::Impl& impl = *server.impl_;
  // The signals are taken on the control strand; wait until they are, so that whoever
  // on_ready tells (a person, a test) can stop the server with a signal straight away.
  std::promise<void> installed;
  net::post(impl.control, [&impl, &installed] {
    if (!impl.stop_requested()) {
      impl.signals.emplace(impl.control, SIGINT, SIGTERM);
      impl.wait_for_signal();
    }
    installed.set_value();
  });
  installed.get_future().wait();
  if (on_ready) on_ready();
  server.wait();
}

}  // namespace hearth::web
