// The server on a free port with a fake store, spoken to by a Beast client over real sockets.
// Waits are bounded (kBound): a hang fails the test instead of blocking it. No test asserts how
// long anything took.
#include "hearth/web/server.hpp"

#include <future>
#include <sstream>
#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "test_world.hpp"

namespace hearth::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using test::numbered_children;
using test::TempWebRoot;
using test::World;

constexpr std::chrono::seconds kBound{10};

using HttpResponse = http::response<http::string_body>;

// A blocking HTTP/1.1 client on one connection. Each operation gives up after kBound.
class Client {
 public:
  explicit Client(uint16_t port) : stream_(io_) {
    stream_.expires_after(kBound);
    beast::error_code result = net::error::would_block;
    stream_.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                          [&](beast::error_code ec) { result = ec; });
    run();
    if (result) throw beast::system_error(result);
  }

  HttpResponse get(std::string_view target, http::verb verb = http::verb::get) {
    send_request(target, verb);
    return read(verb == http::verb::head);
  }

  // Sends a request without waiting for the answer.
  void send_request(std::string_view target, http::verb verb = http::verb::get,
                    std::string body = {}) {
    http::request<http::string_body> request{verb, std::string(target), 11};
    request.set(http::field::host, "127.0.0.1");
    if (!cookie.empty()) request.set(http::field::cookie, cookie);
    request.body() = std::move(body);
    request.prepare_payload();
    std::ostringstream bytes;
    bytes << request;
    write_raw(bytes.str());
  }

  void write_raw(const std::string& bytes) {
    beast::error_code result = net::error::would_block;
    stream_.expires_after(kBound);
    net::async_write(stream_, net::buffer(bytes),
                     [&](beast::error_code ec, size_t) { result = ec; });
    run();
    if (result) throw beast::system_error(result);
  }

  HttpResponse read(bool head = false) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    parser.skip(head);
    beast::error_code result = net::error::would_block;
    stream_.expires_after(kBound);
    http::async_read(stream_, buffer_, parser, [&](beast::error_code ec, size_t) { result = ec; });
    run();
    if (result) throw beast::system_error(result);
    return parser.release();
  }

  // Sent with every request when set: "hearth_session=<token>".
  std::string cookie;

  // True when the server closes the connection; false if it is still open after kBound.
  bool closed_by_server() {
    char byte = 0;
    beast::error_code result = net::error::would_block;
    stream_.expires_after(kBound);
    stream_.async_read_some(net::buffer(&byte, 1),
                            [&](beast::error_code ec, size_t) { result = ec; });
    run();
    return result == net::error::eof || result == net::error::connection_reset;
  }

 private:
  void run() {
    io_.restart();
    io_.run();
  }

  net::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

std::string header(const HttpResponse& response, http::field field) {
  auto found = response.find(field);
  return found == response.end() ? "" : std::string(found->value());
}

std::string header(const HttpResponse& response, std::string_view name) {
  auto found = response.find(beast::string_view(name.data(), name.size()));
  return found == response.end() ? "" : std::string(found->value());
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    spdlog::set_level(spdlog::level::warn);
    world_.store.seed(numbered_children("202", 60));
  }

  void TearDown() override {
    server_.reset();
    spdlog::set_level(spdlog::level::info);
  }

  // Makes the server; add test routes with server_->router() before start().
  void make_server(ServerOptions options = {}) {
    options.port = 0;
    if (options.threads == 0) options.threads = 2;
    server_ = std::make_unique<Server>(options, world_.services);
  }

  void start() {
    if (!server_) make_server();
    auto port = server_->start();
    ASSERT_TRUE(port.ok()) << port.error().describe();
    port_ = *port;
  }

  World world_;
  std::unique_ptr<Server> server_;  // destroyed before world_
  uint16_t port_ = 0;
};

TEST_F(ServerTest, AnswersTheHealthCheck) {
  start();
  Client client(port_);
  HttpResponse response = client.get("/healthz");
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "ok");
  EXPECT_EQ(header(response, http::field::content_type), "text/plain; charset=utf-8");
}

TEST_F(ServerTest, AnswersTheHealthCheckWith503WhenTheStoreIsDown) {
  start();
  world_.store.set_unavailable(true);
  Client client(port_);
  HttpResponse response = client.get("/healthz");
  EXPECT_EQ(response.result_int(), 503);
  EXPECT_EQ(response.body(), "unavailable");
}

TEST_F(ServerTest, PutsSecurityHeadersOnEveryResponse) {
  start();
  Client client(port_);
  for (const char* target :
       {"/healthz", "/children", "/nowhere", "/assets/govuk-frontend.min.css"}) {
    HttpResponse response = client.get(target);
    EXPECT_TRUE(contains(header(response, "Content-Security-Policy"), "default-src 'self'"))
        << target;
    EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer") << target;
    EXPECT_EQ(header(response, "X-Frame-Options"), "DENY") << target;
  }
}

TEST_F(ServerTest, RedirectsTheHomePageToSignInAndASignedInUserToTheirWork) {
  start();
  Client client(port_);
  HttpResponse response = client.get("/");
  EXPECT_EQ(response.result_int(), 302);
  EXPECT_EQ(header(response, http::field::location), "/sign-in");
  client.cookie = "hearth_session=" + world_.sign_in(access::Role::kSocialWorker).token;
  EXPECT_EQ(header(client.get("/"), http::field::location), "/my-work");
}

TEST_F(ServerTest, SendsSomeoneNotSignedInToSignInAndBack) {
  start();
  Client client(port_);
  HttpResponse response = client.get("/children?page=2");
  EXPECT_EQ(response.result_int(), 303);
  EXPECT_EQ(header(response, http::field::location), "/sign-in?next=%2Fchildren%3Fpage%3D2");
}

TEST_F(ServerTest, ServesTheChildrenPageByThePage) {
  start();
  Client client(port_);
  client.cookie = "hearth_session=" + world_.sign_in(access::Role::kSocialWorker).token;
  HttpResponse response = client.get("/children?page=2");
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(header(response, http::field::content_type), "text/html; charset=utf-8");
  EXPECT_EQ(header(response, http::field::cache_control), "no-store");
  EXPECT_TRUE(contains(response.body(), "Showing 26 to 50 of 60 children"));
}

TEST_F(ServerTest, SearchesAndEscapesWhatItShows) {
  world_.store.seed(test::make_child("202", "XSS1", "<script>alert(1)</script>", "Evil",
                                     core::Date::from_ymd(2019, 3, 3).value()));
  start();
  Client client(port_);
  client.cookie = "hearth_session=" + world_.sign_in(access::Role::kSocialWorker).token;
  HttpResponse response = client.get("/children?q=evil");
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_TRUE(contains(response.body(), "Showing 1 to 1 of 1 child"));
  EXPECT_TRUE(contains(response.body(), "EVIL, &lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(contains(response.body(), "<script>alert"));
}

TEST_F(ServerTest, AnswersUnknownPathsWithTheNotFoundPage) {
  start();
  Client client(port_);
  HttpResponse response = client.get("/no/such/page");
  EXPECT_EQ(response.result_int(), 404);
  EXPECT_TRUE(contains(response.body(), "Page not found"));
}

TEST_F(ServerTest, AnswersAWrongMethodWith405AndAllow) {
  start();
  Client client(port_);
  HttpResponse response = client.get("/children", http::verb::post);
  EXPECT_EQ(response.result_int(), 405);
  EXPECT_EQ(header(response, http::field::allow), "GET, HEAD");
}

TEST_F(ServerTest, AnswersHeadWithTheLengthButNoBody) {
  start();
  Client client(port_);
  client.cookie = "hearth_session=" + world_.sign_in(access::Role::kSocialWorker).token;
  HttpResponse head = client.get("/children", http::verb::head);
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_TRUE(head.body().empty());
  HttpResponse get = client.get("/children");  // the connection is still in step
  EXPECT_EQ(header(head, http::field::content_length), std::to_string(get.body().size()));
}

TEST_F(ServerTest, AnswersHeadWithoutABodyWhateverTheStatus) {
  start();
  Client client(port_);
  for (const char* target : {"/nowhere", "/children?page=0", "/healthz"}) {
    HttpResponse response = client.get(target, http::verb::head);
    EXPECT_TRUE(response.body().empty()) << target;
    EXPECT_NE(header(response, http::field::content_length), "0") << target;
  }
  // Still in step: a body sent by mistake would be read as the next response.
  EXPECT_EQ(client.get("/healthz").body(), "ok");
}

TEST_F(ServerTest, ServesAssetsWithTypeAndCachePolicy) {
  start();
  Client client(port_);
  HttpResponse css = client.get("/assets/govuk-frontend.min.css");
  EXPECT_EQ(css.result_int(), 200);
  EXPECT_EQ(css.body(), TempWebRoot::kGovukCss);
  EXPECT_EQ(header(css, http::field::content_type), "text/css; charset=utf-8");
  EXPECT_EQ(header(css, http::field::cache_control), "public, max-age=86400");
  HttpResponse font = client.get("/assets/fonts/bold-test.woff2");
  EXPECT_EQ(header(font, http::field::content_type), "font/woff2");
  HttpResponse ours = client.get("/assets/hearth/init.js");
  EXPECT_EQ(ours.result_int(), 200);
  EXPECT_EQ(client.get("/assets/no-such-file.css").result_int(), 404);
}

TEST_F(ServerTest, NeverServesFilesOutsideTheAssetFolders) {
  start();
  for (const char* target :
       {"/assets/../secret.txt", "/assets/../../secret.txt", "/assets/%2e%2e/secret.txt",
        "/assets/%2E%2E/%2e%2e/secret.txt", "/assets/..%2fsecret.txt",
        "/assets/%2e%2e%2fsecret.txt", "/assets//etc/passwd", "/assets/%2fetc%2fpasswd",
        "/assets/index.scss", "/assets/../node_modules/govuk-frontend/package.json",
        "/assets/hearth/../../secret.txt", "/assets/govuk-frontend.min.css%00.txt",
        "/assets/fonts/..%5c..%5csecret.txt", "/..%2f..%2fsecret.txt", "/secret.txt",
        "http://localhost/secret.txt"}) {
    Client client(port_);
    HttpResponse response = client.get(target);
    EXPECT_TRUE(response.result_int() == 400 || response.result_int() == 404)
        << target << " -> " << response.result_int();
    EXPECT_FALSE(contains(response.body(), TempWebRoot::kSecret)) << target;
  }
}

TEST_F(ServerTest, KeepsAConnectionAliveForSeveralRequests) {
  start();
  Client client(port_);
  for (const char* target : {"/healthz", "/children", "/children?page=3", "/nowhere"}) {
    HttpResponse response = client.get(target);
    EXPECT_LT(response.result_int(), 500) << target;
    EXPECT_TRUE(response.keep_alive()) << target;
  }
  EXPECT_EQ(server_->connection_count(), 1u);
}

TEST_F(ServerTest, ServesEveryConnectionOfABurstLargerThanOneAcceptTurnTakes) {
  // 270 connections waiting at once, more than the 256 one accept turn takes: the rest are
  // taken at the next turn, and every one is answered.
  make_server(ServerOptions{.threads = 1});
  start();
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 270; ++i) clients.push_back(std::make_unique<Client>(port_));
  for (auto& client : clients) client->send_request("/healthz");
  int answered = 0;
  for (auto& client : clients) answered += client->read().result_int() == 200 ? 1 : 0;
  EXPECT_EQ(answered, 270);
  EXPECT_EQ(server_->connection_count(), 270u);
}

TEST_F(ServerTest, RefusesAnOversizedHeaderWith431) {
  make_server(ServerOptions{.max_header_bytes = 4096});
  start();
  Client client(port_);
  client.write_raw("GET /children HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(8000, 'a') +
                   "\r\n\r\n");
  HttpResponse response = client.read();
  EXPECT_EQ(response.result_int(), 431);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, RefusesAnOversizedBodyWith413) {
  make_server(ServerOptions{.max_body_bytes = 1024});
  start();
  Client client(port_);
  client.write_raw("POST /children HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n");
  HttpResponse response = client.read();
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, RefusesAnOversizedChunkedBodyWith413) {
  make_server(ServerOptions{.max_body_bytes = 1024});
  start();
  Client client(port_);
  client.write_raw("POST /children HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                   std::string("800\r\n") + std::string(0x800, 'b') + "\r\n0\r\n\r\n");
  EXPECT_EQ(client.read().result_int(), 413);
}

TEST_F(ServerTest, RefusesMalformedRequestsWith400) {
  start();
  for (const char* raw :
       {"THIS IS NOT HTTP\r\n\r\n", "GET /children HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
        "GET /children HTTP/1.1\r\nHost: x\r\nContent-Length: -4\r\n\r\n",
        "GET /children HTTP/1.2\r\nHost: x\r\n\r\n", "GET /children HTTP/2.0\r\n\r\n"}) {
    Client client(port_);
    client.write_raw(raw);
    HttpResponse response = client.read();
    EXPECT_EQ(response.result_int(), 400) << raw;
    EXPECT_TRUE(client.closed_by_server()) << raw;
  }
}

TEST_F(ServerTest, AnswersAHandlerThatThrowsWith500AndCarriesOn) {
  make_server();
  server_->router().get("/test/throw", "test.throw", std::string(kPublic),
                        [](const Request&, const RouteParams&, Services&) -> Response {
                          throw std::logic_error("a bug");
                        });
  start();
  Client client(port_);
  HttpResponse response = client.get("/test/throw");
  EXPECT_EQ(response.result_int(), 500);
  EXPECT_TRUE(contains(response.body(), "Sorry, there is a problem with the service"));
  EXPECT_FALSE(contains(response.body(), "a bug"));
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
}

TEST_F(ServerTest, ClosesAnIdleConnectionAfterTheIdleTimeout) {
  make_server(ServerOptions{.idle_timeout = std::chrono::seconds(1)});
  start();
  Client client(port_);
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, FinishesARequestInFlightWhenStoppedAndClosesIdleConnections) {
  // Shared with the handler, which may outlive this test body if an assertion fails.
  auto entered = std::make_shared<std::promise<void>>();
  auto entered_future = entered->get_future();
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  make_server();
  // A test-only route: it waits until the test lets it finish.
  server_->router().get("/test/slow", "test.slow", std::string(kPublic),
                        [entered, released](const Request&, const RouteParams&, Services&) {
                          entered->set_value();
                          released.wait_for(kBound);
                          return text_response(200, "finished");
                        });
  start();

  Client idle(port_);
  EXPECT_EQ(idle.get("/healthz").result_int(), 200);
  Client slow(port_);
  slow.send_request("/test/slow");
  ASSERT_EQ(entered_future.wait_for(kBound), std::future_status::ready);

  server_->request_stop();
  EXPECT_TRUE(idle.closed_by_server());

  release.set_value();
  HttpResponse response = slow.read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "finished");
  EXPECT_FALSE(response.keep_alive());

  auto stopped = std::async(std::launch::async, [this] { server_->wait(); });
  EXPECT_EQ(stopped.wait_for(kBound), std::future_status::ready);
  EXPECT_THROW(Client{port_}, beast::system_error);  // no longer listening
}

TEST_F(ServerTest, StopsAtOnceWhenNothingIsOpen) {
  start();
  server_->request_stop();
  auto stopped = std::async(std::launch::async, [this] { server_->wait(); });
  EXPECT_EQ(stopped.wait_for(kBound), std::future_status::ready);
}

TEST_F(ServerTest, FailsToStartOnAPortInUseNamingTheAddress) {
  start();
  Server second(ServerOptions{.port = port_, .threads = 1}, world_.services);
  auto result = second.start();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kUnavailable);
  EXPECT_TRUE(contains(result.error().message, "127.0.0.1:" + std::to_string(port_)))
      << result.error().message;
  EXPECT_TRUE(contains(result.error().message, "in use")) << result.error().message;
}

TEST_F(ServerTest, FailsToStartOnAnAddressThatIsNotOne) {
  Server server(ServerOptions{.address = "not-an-address", .port = 0, .threads = 1},
                world_.services);
  auto result = server.start();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalid);
  EXPECT_TRUE(contains(result.error().message, "not-an-address"));
}

TEST_F(ServerTest, StartsOnlyOnce) {
  start();
  EXPECT_EQ(server_->start().error().code, core::ErrorCode::kConflict);
}

TEST_F(ServerTest, LogsOneLinePerRequestWithoutTheSearchWords) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  auto capture = std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  spdlog::set_default_logger(capture);
  spdlog::set_level(spdlog::level::info);
  const std::string token = world_.sign_in(access::Role::kSocialWorker).token;
  start();
  {
    Client client(port_);
    client.cookie = "hearth_session=" + token;
    EXPECT_EQ(client.get("/children?q=Family0001&page=1").result_int(), 200);
    // The first request's line is written before the connection reads the second request.
    EXPECT_EQ(client.get("/healthz").result_int(), 200);
  }
  server_.reset();
  spdlog::set_default_logger(previous);

  const std::string text = log.str();
  EXPECT_TRUE(contains(text, "access method=GET target=/children?q=*&page=1 status=200 bytes="))
      << text;
  EXPECT_TRUE(contains(text, "access method=GET target=/healthz status=200 bytes=2 us=")) << text;
  EXPECT_FALSE(contains(text, "Family0001")) << text;
  EXPECT_FALSE(contains(text, token)) << text;  // nor the session
}

}  // namespace
}  // namespace hearth::web
