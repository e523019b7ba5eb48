#include "hearth/web/detail/http_connection.hpp"

#include <array>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web::detail {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

// After answering and shutting down our side, how long to read and discard what the client is
// still sending (a body we refused), so that closing does not reset the connection before the
// client has read the answer.
constexpr std::chrono::seconds kLingerTimeout{2};

std::string to_string(beast::string_view text) {
  return std::string(text.data(), text.size());
}

// Header values come from our own code, but a CR or LF in one would split the response.
std::string without_line_breaks(std::string value) {
  for (char& c : value) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return value;
}

// What the access log says about one request.
struct AccessEntry {
  std::string method = "-";
  std::string target = "-";
  int status = 0;
  size_t body_bytes = 0;
  SteadyClock::time_point started;
};

class HttpConnection final : public Connection,
                             public std::enable_shared_from_this<HttpConnection> {
 public:
  HttpConnection(tcp::socket&& socket, const ConnectionLimits& limits, const Router& router,
                 Services& services, ConnectionRegistry& registry)
      : stream_(std::move(socket)),
        limits_(limits),
        router_(router),
        services_(services),
        registry_(registry) {}

  ~HttpConnection() override { registry_.remove(this); }

  void start() {
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    peer_address_ = ec ? "unknown" : peer.address().to_string();
    // Refused while stopping: the socket closes as this object goes.
    if (!registry_.add(shared_from_this())) return;
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&HttpConnection::read_request, shared_from_this()));
  }

  void close_when_idle() override {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->close_requested_ = true;
      // Waiting for a request that has not begun to arrive: nothing is in flight.
      if (self->state_ == State::kReading && (!self->parser_ || !self->parser_->got_some())) {
        self->close();
      }
    });
  }

  void close_now() override {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
  }

 private:
  enum class State { kReading, kHandling, kWriting, kLingering, kClosed };

  void read_request() {
    if (close_requested_ || state_ == State::kClosed) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
    parser_->body_limit(static_cast<std::uint64_t>(limits_.max_body_bytes));
    state_ = State::kReading;
    // Also bounds how long a request may take to arrive, so a client trickling bytes cannot
    // hold a connection open.
    stream_.expires_after(limits_.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpConnection::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, size_t /*bytes*/) {
    if (state_ == State::kClosed) return;
    state_ = State::kHandling;
    AccessEntry entry;
    entry.started = SteadyClock::now();
    if (ec) return on_read_error(ec, std::move(entry));

    http::request<http::string_body>& message = parser_->get();
    entry.method = to_string(message.method_string());
    entry.target = to_string(message.target());
    const unsigned version = message.version();  // 10 or 11: Beast refuses the others
    const bool keep_alive = message.keep_alive();
    Response response = respond(message, entry);
    // Whatever answered, a reply to HEAD has no body.
    if (message.method() == http::verb::head) response.head = true;
    send(std::move(response), version, keep_alive, std::move(entry));
  }

  Response respond(http::request<http::string_body>& message, const AccessEntry& entry) {
    try {
      auto request = parse_target(entry.target);
      if (!request) return router_.reject(request.error(), services_);
      request->method_text = entry.method;
      request->method = method_from_name(entry.method);
      for (const auto& field : message) {
        request->headers.emplace_back(to_string(field.name_string()), to_string(field.value()));
      }
      request->body = std::move(message.body());
      request->client_address = peer_address_;
      return router_.handle(std::move(*request), services_);
    } catch (const std::exception& e) {
      // The router catches handlers' exceptions; this is for anything else (out of memory).
      spdlog::error("request {} {} failed: {}", entry.method, redact_target(entry.target),
                    e.what());
      Response response = text_response(500, "Sorry, there is a problem with the service\n");
      Router::secure(response, services_);
      return response;
    }
  }

  void on_read_error(beast::error_code ec, AccessEntry entry) {
    int status = 0;
    std::string text;
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
      status = 431;
      text = "Request header fields too large\n";
    } else if (ec == http::error::body_limit) {
      status = 413;
      text = "Request body too large\n";
    } else if (ec == http::error::end_of_stream || ec == http::error::partial_message) {
      status = 0;  // the client closed the connection: nothing to answer
    } else if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
      status = 400;
      text = "Bad request: not a valid HTTP request\n";
    }
    if (status == 0) return close();  // timeout, cancelled by a stop, reset by the peer

    if (parser_ && parser_->is_header_done()) {
      entry.method = to_string(parser_->get().method_string());
      entry.target = to_string(parser_->get().target());
    }
    Response response = text_response(status, std::move(text));
    Router::secure(response, services_);
    // The rest of the request is still coming: read it away after answering.
    unread_input_ = true;
    send(std::move(response), 11, /*keep_alive=*/false, std::move(entry));
  }

  void send(Response response, unsigned version, bool keep_alive, AccessEntry entry) {
    keep_alive = keep_alive && !close_requested_ && !registry_.stopping();
    auto message = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), version);
    message->set(http::field::server, "Hearth");
    message->set(http::field::content_type, without_line_breaks(response.content_type));
    for (auto& [name, value] : response.headers) {
      // insert, not set: a response may carry several Set-Cookie headers.
      message->insert(name, without_line_breaks(std::move(value)));
    }
    entry.status = response.status;
    if (response.head) {
      // HEAD: the length the GET would have, and no body.
      message->content_length(response.body.size());
    } else {
      entry.body_bytes = response.body.size();
      message->body() = std::move(response.body);
      message->prepare_payload();
    }
    message->keep_alive(keep_alive);

    state_ = State::kWriting;
    stream_.expires_after(limits_.idle_timeout);
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message, keep_alive, entry = std::move(entry)](
                          beast::error_code ec, size_t) { self->on_write(ec, keep_alive, entry); });
  }

  void on_write(beast::error_code ec, bool keep_alive, const AccessEntry& entry) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - entry.started)
            .count();
    spdlog::info("access method={} target={} status={} bytes={} us={}{}", entry.method,
                 redact_target(entry.target), entry.status, entry.body_bytes, micros,
                 ec ? " write_error=" + ec.message() : std::string());
    if (ec || state_ == State::kClosed) return close();
    if (!keep_alive || close_requested_ || registry_.stopping()) {
      return unread_input_ ? linger() : close();
    }
    read_request();
  }

  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    state_ = State::kLingering;
    stream_.expires_after(kLingerTimeout);
    discard();
  }

  void discard() {
    stream_.async_read_some(net::buffer(discard_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec || self->state_ == State::kClosed) return self->close();
                              self->discard();  // under the deadline set by linger()
                            });
  }

  void close() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 4096> discard_{};
  const ConnectionLimits& limits_;
  const Router& router_;
  Services& services_;
  ConnectionRegistry& registry_;
  // Touched only on the connection's strand.
  State state_ = State::kReading;
  bool close_requested_ = false;
  bool unread_input_ = false;  // a request was refused before all of it was read
  std::string peer_address_;
};

}  // namespace

void serve_http(tcp::socket socket, const ConnectionLimits& limits, const Router& router,
                Services& services, ConnectionRegistry& registry) {
  std::make_shared<HttpConnection>(std::move(socket), limits, router, services, registry)->start();
}

}  // namespace hearth::web::detail
