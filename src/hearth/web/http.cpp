#include "hearth/web/http.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "hearth/core/text.hpp"

namespace hearth::web {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

core::Error bad_target(std::string message) {
  return core::Error::invalid("target", message);
}

// Checks one percent-encoded path segment.
core::Status check_segment(std::string_view raw) {
  if (raw.find('\\') != std::string_view::npos) {
    return bad_target("The web address contains a backslash");
  }
  auto decoded = percent_decode(raw, /*plus_is_space=*/false);
  if (!decoded) return bad_target("The web address has a malformed % escape");
  if (*decoded == "." || *decoded == "..") {
    return bad_target("The web address contains a . or .. segment");
  }
  if (decoded->find('\0') != std::string::npos) {
    return bad_target("The web address contains a NUL character");
  }
  if (decoded->find('/') != std::string::npos || decoded->find('\\') != std::string::npos) {
    return bad_target("The web address contains an encoded slash");
  }
  if (!core::is_valid_utf8(*decoded)) return bad_target("The web address is not valid UTF-8");
  return core::ok_status();
}

}  // namespace

Method method_from_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Method>, 7> kMethods = {{
      {"GET", Method::kGet},
      {"HEAD", Method::kHead},
      {"POST", Method::kPost},
      {"PUT", Method::kPut},
      {"PATCH", Method::kPatch},
      {"DELETE", Method::kDelete},
      {"OPTIONS", Method::kOptions},
  }};
  for (const auto& [text, method] : kMethods) {
    if (text == name) return method;
  }
  return Method::kOther;
}

std::string_view method_name(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      break;
  }
  return "OTHER";
}

std::optional<std::string_view> Request::param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (!iequals(key, "cookie")) continue;
    for (auto& [cookie_name, cookie_value] : parse_cookies(value)) {
      if (cookie_name == name) return cookie_value;
    }
  }
  return std::nullopt;
}

std::string_view Request::field(std::string_view name) const {
  for (const auto& [key, value] : form) {
    if (key == name) return value;
  }
  return {};
}

Fields parse_cookies(std::string_view header) {
  Fields out;
  while (!header.empty()) {
    const size_t semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view name = core::trim(pair.substr(0, equals));
    std::string_view value = core::trim(pair.substr(equals + 1));
    if (name.empty()) continue;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    out.emplace_back(std::string(name), std::string(value));
  }
  return out;
}

core::Result<Fields> parse_form(std::string_view body) {
  Fields out;
  while (!body.empty()) {
    const size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    if (out.size() == kMaxFormFields) {
      return core::Error::invalid("form", "The form has too many fields");
    }
    const size_t equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), /*plus_is_space=*/true);
    auto value = percent_decode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!name || !value) return core::Error::invalid("form", "The form has a malformed % escape");
    if (!core::is_valid_utf8(*name) || !core::is_valid_utf8(*value)) {
      return core::Error::invalid("form", "The form is not valid UTF-8 text");
    }
    if (name->find('\0') != std::string::npos || value->find('\0') != std::string::npos) {
      return core::Error::invalid("form", "The form contains a NUL character");
    }
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

namespace {

// RFC 6265 section 4.1.1: cookie-octet, printable ASCII but for space, '"', ',', ';' and '\\'.
bool is_cookie_octets(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
  });
}

}  // namespace

std::string cookie_header(std::string_view name, std::string_view value,
                          const CookieOptions& options) {
  if (name.empty() || name.find('=') != std::string_view::npos || !is_cookie_octets(name) ||
      !is_cookie_octets(value)) {
    throw std::invalid_argument("a cookie's name or value has a character it may not have");
  }
  std::string out =
      std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Strict";
  if (options.max_age_seconds >= 0) out += "; Max-Age=" + std::to_string(options.max_age_seconds);
  if (options.secure) out += "; Secure";
  return out;
}

core::Result<Request> parse_target(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return bad_target("The web address must begin with /");
  }
  Request request;
  request.target = std::string(target);
  const size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  request.path = std::string(path);

  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    HEARTH_RETURN_IF_ERROR(check_segment(path.substr(start, end - start)));
    start = end + 1;
  }

  if (question == std::string_view::npos) return request;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), /*plus_is_space=*/true);
    auto value = percent_decode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!name || !value) return bad_target("The web address has a malformed % escape");
    if (!core::is_valid_utf8(*name) || !core::is_valid_utf8(*value)) {
      return bad_target("The web address is not valid UTF-8");
    }
    if (name->find('\0') != std::string::npos || value->find('\0') != std::string::npos) {
      return bad_target("The web address contains a NUL character");
    }
    request.query.emplace_back(std::move(*name), std::move(*value));
  }
  return request;
}

void Response::add_header(std::string_view name, std::string value) {
  headers.emplace_back(std::string(name), std::move(value));
}

void Response::set_header(std::string_view name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (iequals(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

Response html_response(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response text_response(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response redirect_response(std::string location) {
  Response response = text_response(302, "Found: " + location + "\n");
  response.set_header("Location", std::move(location));
  return response;
}

Response see_other(std::string location) {
  Response response = text_response(303, "See other: " + location + "\n");
  response.set_header("Location", std::move(location));
  return response;
}

void add_security_headers(Response& response) {
  // Scripts only from our own origin (no inline script, so no nonce is needed); no plugins; no
  // framing by anyone; forms post only back to us.
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; object-src 'none'; base-uri 'none'; "
                      "form-action 'self'; frame-ancestors 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  if (!response.header("Cache-Control")) response.set_header("Cache-Control", "no-store");
}

std::string_view status_reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Content Too Large";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

std::string encode_query(const Fields& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out.push_back('&');
    out += percent_encode(name);
    out.push_back('=');
    out += percent_encode(value);
  }
  return out;
}

std::optional<int> parse_page_number(std::string_view text) {
  if (text.empty() || text.size() > 7) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > kMaxPageNumber) return std::nullopt;
  return value;
}

std::string redact_target(std::string_view target) {
  const size_t question = target.find('?');
  std::string out(target.substr(0, question));
  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  char separator = '?';
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    const bool known = name == "q" || name == "page" || name == "la";
    out.push_back(separator);
    separator = '&';
    out += known ? name : "*";
    if (equals == std::string_view::npos) continue;
    out.push_back('=');
    const std::string_view value = pair.substr(equals + 1);
    // Page numbers and authority codes are digits; anything else typed there might be a name.
    const bool digits = !value.empty() && value.size() <= 6 &&
                        value.find_first_not_of("0123456789") == std::string_view::npos;
    if ((name == "page" || name == "la") && digits) {
      out += value;
    } else {
      out.push_back('*');
    }
  }
  return out;
}

}  // namespace hearth::web
