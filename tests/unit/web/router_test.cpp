#include "hearth/web/router.hpp"

#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "hearth/web/routes.hpp"

#include "test_world.hpp"

namespace hearth::web {
namespace {

using test::make_request;
using test::World;

Handler reply(std::string text) {
  return [text](const Request&, const RouteParams&, Services&) { return text_response(200, text); };
}

Handler echo_params() {
  return [](const Request&, const RouteParams& params, Services&) {
    std::string body;
    for (const char* name : {"la", "id", "path"}) {
      if (auto value = params.find(name))
        body += std::string(name) + "=" + std::string(*value) + ";";
    }
    return text_response(200, body);
  };
}

TEST(Router, MatchesALiteralPath) {
  World world;
  Router router;
  router.get("/children", "children.index", std::string(kPublic), reply("list"));
  Response response = router.handle(make_request("/children"), world.services);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "list");
}

TEST(Router, PassesDecodedSegmentParameters) {
  World world;
  Router router;
  router.get("/children/{la}/{id}", "children.show", std::string(kPublic), echo_params());
  Response response = router.handle(make_request("/children/202/AB%20C"), world.services);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "la=202;id=AB C;");
}

TEST(Router, PassesTheRestOfThePathToATailParameter) {
  World world;
  Router router;
  router.get("/assets/{path...}", "assets", std::string(kPublic), echo_params());
  EXPECT_EQ(router.handle(make_request("/assets/fonts/a.woff2"), world.services).body,
            "path=fonts/a.woff2;");
  EXPECT_EQ(router.handle(make_request("/assets"), world.services).status, 404);
}

TEST(Router, PrefersTheMoreLiteralPatternWhateverTheOrder) {
  World world;
  Router router;
  router.get("/children/{la}", "children.by_la", std::string(kPublic), reply("by la"));
  router.get("/children/new", "children.new", std::string(kPublic), reply("new"));
  EXPECT_EQ(router.handle(make_request("/children/new"), world.services).body, "new");
  EXPECT_EQ(router.handle(make_request("/children/202"), world.services).body, "by la");
}

TEST(Router, AnswersUnknownPathsWith404) {
  World world;
  Router router;
  router.get("/children", "children.index", std::string(kPublic), reply("list"));
  for (const char* target : {"/", "/childrens", "/children/", "/children/202", "//children"}) {
    EXPECT_EQ(router.handle(make_request(target), world.services).status, 404) << target;
  }
}

TEST(Router, AnswersAKnownPathWithTheWrongMethodWith405AndAllow) {
  World world;
  Router router;
  router.get("/children", "children.index", std::string(kPublic), reply("list"));
  router.add(
      Route{Method::kPost, "/children", "children.create", std::string(kPublic), reply("made")});
  Response response = router.handle(make_request("/children", Method::kDelete), world.services);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("Allow"), "GET, HEAD, POST");
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
}

TEST(Router, AnswersHeadAsGetWithoutTheBody) {
  World world;
  Router router;
  router.get("/children", "children.index", std::string(kPublic), reply("list"));
  Response response = router.handle(make_request("/children", Method::kHead), world.services);
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.head);
  EXPECT_EQ(response.body, "list");  // the server sends its length, not the body
}

TEST(Router, AnswersHeadWithoutABodyWhenNoGetRouteMatches) {
  World world;
  Router router;
  router.add(
      Route{Method::kPost, "/children", "children.create", std::string(kPublic), reply("made")});
  Response wrong_method = router.handle(make_request("/children", Method::kHead), world.services);
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_TRUE(wrong_method.head);
  Response unknown = router.handle(make_request("/nowhere", Method::kHead), world.services);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(unknown.head);
}

TEST(Router, TurnsAHandlerExceptionIntoA500) {
  World world;
  Router router;
  router.get("/boom", "boom", std::string(kPublic),
             [](const Request&, const RouteParams&, Services&) -> Response {
               throw std::runtime_error("broken invariant");
             });
  Response response = router.handle(make_request("/boom"), world.services);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.header("Content-Security-Policy").has_value(), true);
}

TEST(Router, PutsSecurityHeadersOnEveryResponse) {
  World world;
  Router router;
  router.get("/children", "children.index", std::string(kPublic), reply("list"));
  for (const char* target : {"/children", "/nowhere"}) {
    Response response = router.handle(make_request(target), world.services);
    EXPECT_TRUE(response.header("Content-Security-Policy").has_value()) << target;
    EXPECT_EQ(response.header("X-Frame-Options"), "DENY") << target;
    EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer") << target;
  }
}

TEST(Router, RefusesBadRoutesAtStart) {
  Router router;
  router.get("/children", "children.index", std::string(kPublic), reply("list"));
  EXPECT_THROW(router.get("/children", "other", std::string(kPublic), reply("x")),
               std::invalid_argument);
  EXPECT_THROW(router.get("/other", "children.index", std::string(kPublic), reply("x")),
               std::invalid_argument);
  const std::string p(kPublic);
  EXPECT_THROW(router.get("no-slash", "a", p, reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/a/{x}/{x}", "b", p, reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/a/{rest...}/b", "c", p, reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/a/x{y}", "d", p, reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/a", "", p, reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/a", "e", "", reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/a", "f", p, nullptr), std::invalid_argument);
  // Default deny starts here: a permission the policy does not know is a mistake.
  EXPECT_THROW(router.get("/a", "g", "children.list", reply("x")), std::invalid_argument);
  EXPECT_THROW(router.post("/a", "h", "PUBLIC", reply("x")), std::invalid_argument);
}

TEST(Router, RouteParamsAtThrowsForANameThePatternLacks) {
  RouteParams params;
  params.add("la", "202");
  EXPECT_EQ(params.at("la"), "202");
  EXPECT_THROW(params.at("id"), std::out_of_range);
}

// The access matrix (access_matrix_test.cpp) walks this table: every route names its permission.
TEST(SiteRoutes, EachHaveAUniqueNameAndAPermission) {
  Router router = site_router();
  std::set<std::string> names;
  ASSERT_FALSE(router.routes().empty());
  for (const Route& route : router.routes()) {
    EXPECT_FALSE(route.name.empty()) << route.pattern;
    EXPECT_FALSE(route.permission.empty()) << route.name;
    EXPECT_TRUE(names.insert(route.name).second) << route.name;
  }
  ASSERT_NE(router.find_route("children.index"), nullptr);
  EXPECT_EQ(router.find_route("children.index")->permission, "children.search");
  EXPECT_EQ(router.find_route("health")->permission, kPublic);
}

}  // namespace
}  // namespace hearth::web
