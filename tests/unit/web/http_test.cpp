#include "hearth/web/http.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "hearth/core/text.hpp"

namespace hearth::web {
namespace {

TEST(ParseTarget, SplitsPathAndDecodedQuery) {
  auto request = parse_target("/children?q=jo+smith&page=2&la=202&empty=&flag");
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->path, "/children");
  EXPECT_EQ(request->param("q"), "jo smith");
  EXPECT_EQ(request->param("page"), "2");
  EXPECT_EQ(request->param("la"), "202");
  EXPECT_EQ(request->param("empty"), "");
  EXPECT_EQ(request->param("flag"), "");
  EXPECT_FALSE(request->param("missing").has_value());
}

TEST(ParseTarget, DecodesPercentEscapesInTheQuery) {
  auto request = parse_target("/children?q=%3Cscript%3E%20O%27Brien%C3%A9");
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->param("q"), "<script> O'Brien\xC3\xA9");
}

TEST(ParseTarget, RefusesWhatABrowserNeverSends) {
  for (const char* target :
       {"children", "http://example.com/children", "*", "/assets/../secret.txt", "/assets/./x",
        "/assets/%2e%2e/secret.txt", "/assets/%2E%2e/secret.txt", "/assets/..", "/a/%00b",
        "/a/%2fetc%2fpasswd", "/a\\b", "/a/%zz", "/a/%4", "/children?q=%", "/children?q=%00",
        "/children?q=%C3", "/children?q=%C0%AF", "/a/%ED%A0%80"}) {
    auto request = parse_target(target);
    EXPECT_FALSE(request.ok()) << target;
    if (!request.ok()) {
      EXPECT_EQ(request.error().code, core::ErrorCode::kInvalid) << target;
    }
  }
}

TEST(ParseTarget, AcceptsDotsInsideNames) {
  EXPECT_TRUE(parse_target("/assets/govuk-frontend.min.css").ok());
  EXPECT_TRUE(parse_target("/assets/...hidden").ok());
  EXPECT_TRUE(parse_target("/").ok());
}

TEST(PercentEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(percent_encode("Jo Smith-O'Brien_~.x&y=z"), "Jo%20Smith-O%27Brien_~.x%26y%3Dz");
  EXPECT_EQ(percent_decode(percent_encode("<é>&"), false), "<é>&");
  EXPECT_EQ(encode_query({{"la", "202"}, {"q", "a b"}}), "la=202&q=a%20b");
}

TEST(PercentDecode, RejectsMalformedEscapes) {
  EXPECT_FALSE(percent_decode("%", false).has_value());
  EXPECT_FALSE(percent_decode("%G0", false).has_value());
  EXPECT_FALSE(percent_decode("ab%2", false).has_value());
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
}

TEST(Utf8, CountsCharactersNotBytes) {
  EXPECT_TRUE(core::is_valid_utf8("Zoë 😀"));
  EXPECT_EQ(core::utf8_length("Zoë"), 3u);
  EXPECT_EQ(core::utf8_length("😀"), 1u);
  EXPECT_FALSE(core::is_valid_utf8("\xC3"));
  EXPECT_FALSE(core::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(core::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(RedactTarget, KeepsPagingButHidesSearchWords) {
  EXPECT_EQ(redact_target("/children"), "/children");
  EXPECT_EQ(redact_target("/children?q=Smith&page=2&la=202"), "/children?q=*&page=2&la=202");
  EXPECT_EQ(redact_target("/children?Rebecca+Smith&x=1"), "/children?*&*=*");
  // Only digits are logged for page and la: a name typed there stays out of the log.
  EXPECT_EQ(redact_target("/children?page=Smith&la=Jo+Bloggs"), "/children?page=*&la=*");
}

TEST(CookieHeader, IsHttpOnlyStrictAndRefusesAValueThatCouldAddAnAttribute) {
  EXPECT_EQ(cookie_header("hearth_session", "ab12", {-1, false}),
            "hearth_session=ab12; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(cookie_header("hearth_session", "", {0, true}),
            "hearth_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure");
  const std::string_view refused[] = {
      "x; Domain=evil.example",   "x\r\nSet-Cookie: y=1", "a b", "a,b", "\"q\"",
      std::string_view("a\0b", 3)};
  for (std::string_view value : refused) {
    EXPECT_THROW(cookie_header("hearth_session", value, {}), std::invalid_argument) << value;
  }
  EXPECT_THROW(cookie_header("", "x", {}), std::invalid_argument);
  EXPECT_THROW(cookie_header("a=b", "x", {}), std::invalid_argument);
}

TEST(Response, SetHeaderReplacesCaseInsensitively) {
  Response response;
  response.set_header("Cache-Control", "no-store");
  response.set_header("cache-control", "public");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.header("CACHE-CONTROL"), "public");
}

TEST(SecurityHeaders, ForbidInlineScriptFramingAndSniffing) {
  Response response = html_response(200, "<p>hi</p>");
  add_security_headers(response);
  const std::string csp(response.header("Content-Security-Policy").value_or(""));
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(response.header("Cache-Control"), "no-store");
}

TEST(SecurityHeaders, KeepACachePolicyTheHandlerChose) {
  Response response = text_response(200, "body{}");
  response.set_header("Cache-Control", "public, max-age=86400");
  add_security_headers(response);
  EXPECT_EQ(response.header("Cache-Control"), "public, max-age=86400");
}

}  // namespace
}  // namespace hearth::web
