// The request and response as plain values, with no socket and no Beast: handlers take a Request
// and return a Response, so they are tested without a server (see router.hpp). The server
// (server.hpp) turns the bytes on the wire into a Request and a Response back into bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hearth/access/roles.hpp"
#include "hearth/core/result.hpp"

namespace hearth::web {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

Method method_from_name(std::string_view name);  // "GET" -> kGet; unknown names -> kOther
std::string_view method_name(Method method);     // kGet -> "GET"; kOther -> "OTHER"

// Name/value pairs in the order they came. Names of headers compare case-insensitively.
using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::kGet;
  std::string method_text;  // as sent, for the access log ("GET", "PROPFIND")
  std::string target;       // as sent: "/children?q=smith&page=2"
  std::string path;         // the target before '?', still percent-encoded: "/children"
  Fields query;             // decoded query parameters: {"q", "smith"}, {"page", "2"}
  Fields headers;
  std::string body;
  std::string client_address;  // the peer's IP address, as the server saw it
  // Filled in by the router before the handler runs (gate.hpp): who is asking, and for a POST
  // of a form, its fields.
  access::Principal user;
  Fields form;

  // The first value of a query parameter, or nullopt when absent.
  std::optional<std::string_view> param(std::string_view name) const;
  // The first value of a header (name case-insensitive), or nullopt when absent.
  std::optional<std::string_view> header(std::string_view name) const;
  // The value of a cookie the browser sent (the first, if it sent the name twice).
  std::optional<std::string> cookie(std::string_view name) const;
  // The first value of a form field, or "" when absent.
  std::string_view field(std::string_view name) const;
};

// The name=value pairs of a Cookie header. Pairs without '=' or with an empty name are skipped;
// values in double quotes lose them. Never fails: a malformed cookie is no cookie.
Fields parse_cookies(std::string_view header);

// The fields of an application/x-www-form-urlencoded body. Fails with kInvalid for bad
// percent-encoding, text that is not UTF-8, a NUL, or more than kMaxFormFields fields.
inline constexpr size_t kMaxFormFields = 100;
core::Result<Fields> parse_form(std::string_view body);

struct CookieOptions {
  int64_t max_age_seconds = -1;  // -1: until the browser closes; 0: delete it now
  bool secure = false;           // HTTPS only (when Hearth is served through TLS)
};
// A Set-Cookie value: always HttpOnly, SameSite=Strict and Path=/. The name and value are
// Hearth's own (fixed names, hex tokens); one outside RFC 6265's cookie-octets (a ';', ',',
// quote, backslash, space or control character, or an empty name or an '=' in it) could add
// an attribute, so it throws std::invalid_argument rather than write it.
std::string cookie_header(std::string_view name, std::string_view value,
                          const CookieOptions& options);

// Splits an origin-form target ("/path?query") into a Request's target, path and query.
// Fails with kInvalid for what a browser never sends and a server must not guess at: a target
// that does not start with '/', bad percent-encoding, a NUL or backslash, a "." or ".." path
// segment (raw or encoded), or text that is not UTF-8. The message says which, for a 400 page.
core::Result<Request> parse_target(std::string_view target);

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  Fields headers;  // besides Content-Type and Content-Length: Location, Allow, Cache-Control, ...
  std::string body;
  // A reply to HEAD: Content-Length says body.size(), but the body is not sent.
  bool head = false;

  // Sets a header, replacing any with the same name (case-insensitive).
  void set_header(std::string_view name, std::string value);
  // Adds a header even if one of the name is there (Set-Cookie).
  void add_header(std::string_view name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;
};

Response html_response(int status, std::string body);
Response text_response(int status, std::string body);
// 302 Found with a Location header.
Response redirect_response(std::string location);
// 303 See Other with a Location header: the answer to a form posted, so that reloading the page
// does not post it again.
Response see_other(std::string location);

// Adds the headers every response carries: Content-Security-Policy (no inline script, no
// framing), X-Content-Type-Options, Referrer-Policy, X-Frame-Options; and Cache-Control: no-store
// unless the handler chose a cache policy (pages show children's details; assets may be cached).
void add_security_headers(Response& response);

// "Not Found" for 404; "Unknown" for codes it does not know.
std::string_view status_reason(int status);

// Decodes %XX escapes (and '+' as space when `plus_is_space`, as in query strings).
// nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
// Encodes everything but unreserved characters (RFC 3986), for building links with user text.
std::string percent_encode(std::string_view text);
// "a=1&b=two%20words" from name/value pairs.
std::string encode_query(const Fields& params);

// A page number from a query string ("?page=3"): digits only, 1 to kMaxPageNumber; nullopt for
// anything else.
inline constexpr int kMaxPageNumber = 1'000'000;
std::optional<int> parse_page_number(std::string_view text);

// The target as the access log shows it: the path, then the query with every value replaced by
// "*" except those that cannot identify a person (page, la), and unknown names replaced too.
// A search for a child's name must not end up in a log file:
// "/children?q=smith&page=2&x=1" -> "/children?q=*&page=2&*=*".
std::string redact_target(std::string_view target);

}  // namespace hearth::web
