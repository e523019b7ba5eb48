// Fuzz target: what the web module makes of the rest of a request a browser (or anyone) sends
// (src/hearth/web/http.hpp and gate.hpp): form bodies (parse_form), Cookie headers
// (parse_cookies, and Request::cookie as the gate reads the session), the Set-Cookie values
// Hearth writes back (cookie_header), and the "next" address after signing in (is_local_path).
//
// The input is three parts split at the first two newlines: a form body, a Cookie header, an
// address. Beyond "does not crash", it checks http.hpp's promises: an accepted form has at most
// kMaxFormFields fields of valid UTF-8 without NUL, and encoding it and parsing it again gives
// the same fields; a cookie has a name and no separator in it; every Set-Cookie is HttpOnly and
// SameSite=Strict, and a value cannot add an attribute; a local path cannot leave the site.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "hearth/core/text.hpp"
#include "hearth/web/gate.hpp"
#include "hearth/web/http.hpp"

#include "fuzz_check.hpp"

namespace {

using hearth::web::Fields;

void check_form(std::string_view body, std::string_view text) {
  auto form = hearth::web::parse_form(body);
  if (!form) {
    HEARTH_FUZZ_CHECK(form.error().field == "form");
    HEARTH_FUZZ_CHECK(!form.error().message.empty());
    return;
  }
  HEARTH_FUZZ_CHECK(form->size() <= hearth::web::kMaxFormFields);
  for (const auto& [name, value] : *form) {
    HEARTH_FUZZ_CHECK(hearth::core::is_valid_utf8(name) && hearth::core::is_valid_utf8(value));
    HEARTH_FUZZ_CHECK(name.find('\0') == std::string::npos);
    HEARTH_FUZZ_CHECK(value.find('\0') == std::string::npos);
  }
  // Empty pairs ("&&") are skipped, so compare the fields, not the text.
  auto again = hearth::web::parse_form(hearth::web::encode_query(*form));
  HEARTH_FUZZ_CHECK(again && *again == *form);
}

void check_set_cookie(std::string_view value, std::string_view text) {
  std::string set;
  try {
    set = hearth::web::cookie_header(hearth::web::kSessionCookie, value, {0, true});
  } catch (const std::invalid_argument&) {
    return;
  }
  const std::string expected = std::string(hearth::web::kSessionCookie) + "=" + std::string(value) +
                               "; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure";
  HEARTH_FUZZ_CHECK(set == expected);
  HEARTH_FUZZ_CHECK(value.find_first_of(";, \"\\\r\n") == std::string_view::npos);
}

void check_cookies(std::string_view header, std::string_view text) {
  const Fields cookies = hearth::web::parse_cookies(header);
  for (const auto& [name, value] : cookies) {
    HEARTH_FUZZ_CHECK(!name.empty());
    HEARTH_FUZZ_CHECK(name.find(';') == std::string::npos);
    HEARTH_FUZZ_CHECK(value.find(';') == std::string::npos);
    HEARTH_FUZZ_CHECK(name.front() != ' ' && name.back() != ' ');
  }
  hearth::web::Request request;
  request.headers.emplace_back("Cookie", std::string(header));
  const auto session = request.cookie(std::string(hearth::web::kSessionCookie));
  if (session) HEARTH_FUZZ_CHECK(session->find(';') == std::string::npos);

  // What Hearth writes back: its own values are hex tokens, but whatever value it is handed
  // (here the raw header, bytes and all), either the value is refused or the attributes that
  // protect the session stay and the value cannot add one of its own.
  check_set_cookie(header, text);
  for (const auto& [name, value] : cookies) check_set_cookie(value, text);
}

void check_local_path(std::string_view target, std::string_view text) {
  if (!hearth::web::is_local_path(target)) return;
  HEARTH_FUZZ_CHECK(!target.empty() && target.front() == '/');
  HEARTH_FUZZ_CHECK(target.size() == 1 || (target[1] != '/' && target[1] != '\\'));
  for (const char c : target) {
    HEARTH_FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '\\');
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t first = text.find('\n');
  const std::string_view body = text.substr(0, first);
  std::string_view rest =
      first == std::string_view::npos ? std::string_view() : text.substr(first + 1);
  const size_t second = rest.find('\n');
  const std::string_view cookies = rest.substr(0, second);
  const std::string_view path =
      second == std::string_view::npos ? std::string_view() : rest.substr(second + 1);
  check_form(body, text);
  check_cookies(cookies, text);
  check_local_path(path, text);
  check_local_path(body, text);
  return 0;
}
