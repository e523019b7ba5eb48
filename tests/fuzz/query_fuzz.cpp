// Fuzz target: what the web module makes of the request target a client sends (src/hearth/web/
// http.hpp and router.hpp): parse_target (path checks and query-string decoding),
// percent_decode / percent_encode / encode_query, the UTF-8 checks, redact_target (what reaches
// the access log), the method names, and the router's matching of a path against the site's
// routes and a table of patterns like those to come.
//
// Beyond "does not crash", it checks the promises of http.hpp: an accepted target has no NUL, no
// "." or ".." segment, no backslash or encoded slash, and only valid UTF-8; encoding the decoded
// query and parsing it again gives the same query; the redacted target shows no value of a
// parameter that could identify a person.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/text.hpp"
#include "hearth/web/http.hpp"
#include "hearth/web/router.hpp"
#include "hearth/web/routes.hpp"

#include "fuzz_check.hpp"

namespace {

using hearth::web::Fields;
using hearth::web::Method;
using hearth::web::Request;
using hearth::web::Response;
using hearth::web::RouteParams;
using hearth::web::Router;
using hearth::web::Services;

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A router with the site's real routes, and one with patterns of every kind.
const Router& site() {
  static const Router router = hearth::web::site_router();
  return router;
}

const Router& patterns() {
  static const Router router = [] {
    Router r;
    auto handler = [](const Request&, const RouteParams&, Services&) { return Response{}; };
    r.get("/", "home", "public", handler);
    r.get("/children", "children.index", "children.search", handler);
    r.get("/children/new", "children.new", "child.record", handler);
    r.get("/children/{la}/{id}", "children.show", "child.summary", handler);
    r.add({Method::kPost, "/children/{la}/{id}", "children.update", "child.record", handler});
    r.get("/children/{la}/{id}/chronology", "children.chronology", "child.summary", handler);
    r.get("/assets/{path...}", "assets", "public", handler);
    r.add({Method::kHead, "/healthz", "health.head", "public", handler});
    r.get("/healthz", "health", "public", handler);
    return r;
  }();
  return router;
}

void check_encoding(std::string_view text) {
  for (const bool plus : {false, true}) {
    auto decoded = hearth::web::percent_decode(text, plus);
    if (!decoded) continue;
    HEARTH_FUZZ_CHECK(decoded->size() <= text.size());
    const std::string encoded = hearth::web::percent_encode(*decoded);
    for (size_t i = 0; i < encoded.size(); ++i) {
      if (encoded[i] == '%') {
        HEARTH_FUZZ_CHECK(i + 2 < encoded.size() && is_hex(encoded[i + 1]) &&
                          is_hex(encoded[i + 2]));
        i += 2;
      } else {
        HEARTH_FUZZ_CHECK(is_unreserved(encoded[i]));
      }
    }
    auto again = hearth::web::percent_decode(encoded, plus);
    HEARTH_FUZZ_CHECK(again && *again == *decoded);
  }
  // A malformed escape is refused whatever '+' means.
  HEARTH_FUZZ_CHECK(hearth::web::percent_decode(text, false).has_value() ==
                    hearth::web::percent_decode(text, true).has_value());

  const bool valid = hearth::core::is_valid_utf8(text);
  const size_t length = hearth::core::utf8_length(text);
  HEARTH_FUZZ_CHECK(length <= text.size());
  if (valid) {
    // Valid UTF-8 of only ASCII has one character a byte.
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    HEARTH_FUZZ_CHECK(!ascii || length == text.size());
  }
}

void check_method(std::string_view text) {
  const Method method = hearth::web::method_from_name(text);
  if (method != Method::kOther) HEARTH_FUZZ_CHECK(hearth::web::method_name(method) == text);
}

void check_redaction(std::string_view text) {
  const std::string redacted = hearth::web::redact_target(text);
  const size_t question = text.find('?');
  HEARTH_FUZZ_CHECK(redacted.substr(0, redacted.find('?')) == text.substr(0, question));
  if (question == std::string_view::npos) {
    HEARTH_FUZZ_CHECK(redacted == text);
    return;
  }
  // After the path: name=value pairs where every name is q, page, la or *, and every value is
  // * except the raw value of page or la.
  std::string_view query = std::string_view(redacted).substr(
      redacted.find('?') == std::string::npos ? redacted.size() : redacted.find('?') + 1);
  std::vector<std::pair<std::string_view, std::string_view>> raw_pairs;
  std::string_view raw = text.substr(question + 1);
  while (!raw.empty()) {
    const size_t amp = raw.find('&');
    const std::string_view pair = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    raw_pairs.emplace_back(pair.substr(0, equals), equals == std::string_view::npos
                                                       ? std::string_view()
                                                       : pair.substr(equals + 1));
  }
  size_t index = 0;
  while (!query.empty()) {
    HEARTH_FUZZ_CHECK(index < raw_pairs.size());
    const auto [raw_name, raw_value] = raw_pairs[index++];
    // Only page numbers and authority codes are logged, and only when they are digits (1 to 6).
    const bool digits = !raw_value.empty() && raw_value.size() <= 6 &&
                        raw_value.find_first_not_of("0123456789") == std::string_view::npos;
    const bool known = raw_name == "page" || raw_name == "la";
    const bool kept = known && digits;
    const size_t equals = query.find('=');
    const size_t amp = query.find('&');
    const std::string_view name = query.substr(0, std::min(equals, amp));
    HEARTH_FUZZ_CHECK(name == "q" || name == "page" || name == "la" || name == "*");
    HEARTH_FUZZ_CHECK(name == raw_name || (name == "*" && raw_name != "q" && !known));
    if (equals == std::string_view::npos || (amp != std::string_view::npos && amp < equals)) {
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      continue;
    }
    query = query.substr(equals + 1);
    const std::string_view value = kept ? query.substr(0, raw_value.size()) : query.substr(0, 1);
    HEARTH_FUZZ_CHECK(kept ? value == raw_value : value == "*");
    query = query.substr(value.size());
    if (!query.empty()) {
      HEARTH_FUZZ_CHECK(query.front() == '&');
      query = query.substr(1);
    }
  }
  HEARTH_FUZZ_CHECK(index == raw_pairs.size());
}

void check_match(const Router& router, std::string_view path, bool accepted,
                 std::string_view text) {
  for (const Method method : {Method::kGet, Method::kHead, Method::kPost, Method::kDelete}) {
    const Router::Match match = router.match(method, path);
    if (match.route == nullptr) continue;
    HEARTH_FUZZ_CHECK(match.route->method == method ||
                      (method == Method::kHead && match.route->method == Method::kGet));
    if (!accepted) continue;
    // Parameters of an accepted target are decoded, non-empty, valid UTF-8 without NUL, and only
    // a {name...} tail may hold '/'.
    const bool tail = match.route->pattern.find("...}") != std::string::npos;
    for (const char* name : {"la", "id", "path"}) {
      const auto value = match.params.find(name);
      if (!value) continue;
      HEARTH_FUZZ_CHECK(!value->empty());
      HEARTH_FUZZ_CHECK(hearth::core::is_valid_utf8(*value));
      HEARTH_FUZZ_CHECK(value->find('\0') == std::string_view::npos);
      HEARTH_FUZZ_CHECK(tail || value->find('/') == std::string_view::npos);
      HEARTH_FUZZ_CHECK(*value != "." && *value != "..");
      HEARTH_FUZZ_CHECK(value->find("/../") == std::string_view::npos);
      HEARTH_FUZZ_CHECK(value->rfind("../", 0) != 0);
    }
  }
}

void check_target(std::string_view text) {
  auto parsed = hearth::web::parse_target(text);
  if (!parsed) {
    HEARTH_FUZZ_CHECK(!parsed.error().message.empty());
    check_match(site(), text, false, text);
    check_match(patterns(), text, false, text);
    return;
  }
  const Request& request = *parsed;
  HEARTH_FUZZ_CHECK(request.target == text);
  HEARTH_FUZZ_CHECK(!request.path.empty() && request.path.front() == '/');
  HEARTH_FUZZ_CHECK(text.substr(0, text.find('?')) == request.path);
  HEARTH_FUZZ_CHECK(request.path.find('\\') == std::string::npos);
  // No segment is "." or "..", raw or encoded, and none decodes to a slash or a NUL.
  size_t start = 1;
  while (start <= request.path.size()) {
    size_t end = request.path.find('/', start);
    if (end == std::string::npos) end = request.path.size();
    auto segment = hearth::web::percent_decode(
        std::string_view(request.path).substr(start, end - start), false);
    HEARTH_FUZZ_CHECK(segment.has_value());
    HEARTH_FUZZ_CHECK(*segment != "." && *segment != "..");
    HEARTH_FUZZ_CHECK(segment->find('/') == std::string::npos);
    HEARTH_FUZZ_CHECK(segment->find('\0') == std::string::npos);
    HEARTH_FUZZ_CHECK(hearth::core::is_valid_utf8(*segment));
    start = end + 1;
  }
  for (const auto& [name, value] : request.query) {
    HEARTH_FUZZ_CHECK(hearth::core::is_valid_utf8(name) && hearth::core::is_valid_utf8(value));
    HEARTH_FUZZ_CHECK(name.find('\0') == std::string::npos);
    HEARTH_FUZZ_CHECK(value.find('\0') == std::string::npos);
  }
  if (!request.query.empty()) {
    HEARTH_FUZZ_CHECK(request.param(request.query.front().first).has_value());
  }
  // Encoding the decoded query and parsing it again gives the same query.
  const std::string rebuilt = "/x?" + hearth::web::encode_query(request.query);
  auto again = hearth::web::parse_target(rebuilt);
  HEARTH_FUZZ_CHECK(again.ok());
  HEARTH_FUZZ_CHECK(again->query == request.query);

  check_match(site(), request.path, true, text);
  check_match(patterns(), request.path, true, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_encoding(text);
  check_method(text);
  check_redaction(text);
  check_target(text);
  return 0;
}
