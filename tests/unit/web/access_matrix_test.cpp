// Every role, and someone not signed in, against every route of the site (site_router(), so a
// route added later is walked too), through the router as the server calls it. The expected
// table below is written out apart from the policy: a new route that is not in it fails this
// test until someone decides who may use it.
//
// What is checked is the gate's decision: a role the route's permission refuses gets 403 and one
// "route.denied" audit entry; a role it admits reaches the handler (whatever the handler then
// decides about one child: that is child_access_test's and child_page_test's); someone not
// signed in is sent to sign in, except on public routes.
#include <map>
#include <optional>
#include <set>

#include <gtest/gtest.h>

#include "hearth/web/routes.hpp"

#include "test_world.hpp"

namespace hearth::web {
namespace {

using access::Role;
using test::World;

constexpr Role kStaff[] = {Role::kSocialWorker, Role::kTeamManager, Role::kReviewingOfficer,
                           Role::kFrontDoor};

std::set<Role> every_role() {
  return {access::all_roles().begin(), access::all_roles().end()};
}

std::set<Role> staff() {
  return {std::begin(kStaff), std::end(kStaff)};
}

// Route name -> the roles that may use it; nullopt: public (anyone, signed in or not).
const std::map<std::string, std::optional<std::set<Role>>>& expected() {
  static const std::map<std::string, std::optional<std::set<Role>>> table = {
      {"home", std::nullopt},
      {"health", std::nullopt},
      {"assets", std::nullopt},
      {"sign_in.form", std::nullopt},
      {"sign_in", std::nullopt},
      {"sign_out", every_role()},
      {"sign_out.everywhere", every_role()},
      {"account", every_role()},
      {"work.mine", staff()},
      {"children.index", staff()},
      {"children.show", staff()},
      {"children.break_glass", staff()},
      {"children.case_note", staff()},
      {"agency.records", std::set<Role>{Role::kPartner}},
      {"statistics", std::set<Role>{Role::kAnalyst, Role::kTeamManager}},
      {"returns", std::set<Role>{Role::kAnalyst, Role::kTeamManager}},
      {"returns.csv", std::set<Role>{Role::kAnalyst, Role::kTeamManager}},
      {"accounts.index", std::set<Role>{Role::kAdministrator}},
      {"accounts.new", std::set<Role>{Role::kAdministrator}},
      {"accounts.create", std::set<Role>{Role::kAdministrator}},
      {"accounts.show", std::set<Role>{Role::kAdministrator}},
      {"accounts.disable", std::set<Role>{Role::kAdministrator}},
      {"accounts.enable", std::set<Role>{Role::kAdministrator}},
      {"accounts.reset_password", std::set<Role>{Role::kAdministrator}},
      {"accounts.restricted", std::set<Role>{Role::kAdministrator}},
      {"audit.index", std::set<Role>{Role::kAuditor}},
      {"audit.verify", std::set<Role>{Role::kAuditor}},
  };
  return table;
}

// A path for a route's pattern, its parameters filled with things that exist in the world.
std::string path_for(const std::string& pattern) {
  static const std::map<std::string, std::string> kValues = {
      {"{la}", "202"},
      {"{id}", "C0001"},
      {"{note}", "CN1"},
      {"{username}", "the.target"},
      {"{path...}", "govuk-frontend.min.css"}};
  std::string out = pattern;
  for (const auto& [name, value] : kValues) {
    for (size_t at = out.find(name); at != std::string::npos; at = out.find(name)) {
      out.replace(at, name.size(), value);
    }
  }
  return out;
}

class AccessMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    domain::Child child =
        test::make_child("202", "C0001", "Eva", "Matrix", core::Date::from_ymd(2016, 1, 1).value());
    child.allocated_worker_id = "W1";
    child.team_id = "T1";
    world_.store.seed(child);
    world_.store.seed(domain::CaseNote{"CN1", "202", "C0001",
                                       core::Date::from_ymd(2025, 5, 1).value(), "home_visit", "W1",
                                       "Visit", "Saw Eva."});
    for (Role role : access::all_roles()) world_.session_for(role);  // every account exists
    // The account the administrator's routes act on (disable, reset): not one signed in here.
    world_.sign_in(Role::kSocialWorker, "the.target", "W2");
  }

  Request request_for(const Route& route, const test::SignedIn* user) {
    const std::string path = path_for(route.pattern);
    if (route.method == Method::kPost) {
      return test::post_form(path, {{"reason", "a reason of enough length"}}, user);
    }
    Request request = test::make_request(path, route.method);
    return user ? test::as(*user, std::move(request)) : request;
  }

  size_t denials() {
    size_t count = 0;
    for (const auto& entry : world_.audit()) count += entry.event.action == "route.denied";
    return count;
  }

  World world_;
  Router router_ = site_router();
};

TEST_F(AccessMatrix, EveryRouteIsInTheExpectedTable) {
  for (const Route& route : router_.routes()) {
    EXPECT_EQ(expected().count(route.name), 1u)
        << "route " << route.name << " (" << route.pattern
        << ") has no row in access_matrix_test.cpp: decide who may use it and add one";
  }
  EXPECT_EQ(expected().size(), router_.routes().size())
      << "the table names a route the site no longer has";
}

TEST_F(AccessMatrix, EveryRoleGetsExactlyTheRoutesItsRowAllows) {
  int checked = 0;
  for (const Route& route : router_.routes()) {
    const auto row = expected().find(route.name);
    if (row == expected().end()) continue;  // reported by the test above
    for (const Role role : access::all_roles()) {
      const test::SignedIn user = world_.session_for(role);
      const size_t before = denials();
      const Response response = router_.handle(request_for(route, &user), world_.services);
      const bool allowed = !row->second || row->second->count(role) > 0;
      const std::string what = std::string(access::role_name(role)) + " on " +
                               std::string(method_name(route.method)) + " " + route.pattern;
      if (allowed) {
        EXPECT_EQ(denials(), before) << what << " was refused by the gate";
        EXPECT_LT(response.status, 500) << what << ": " << response.body.substr(0, 300);
        EXPECT_NE(response.header("Location").value_or(""), "/sign-in") << what;
      } else {
        EXPECT_EQ(response.status, 403) << what;
        EXPECT_EQ(denials(), before + 1) << what << ": the refusal was not audited";
        EXPECT_NE(response.body.find("You do not have permission"), std::string::npos) << what;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(router_.routes().size() * access::all_roles().size()));
}

TEST_F(AccessMatrix, SomeoneNotSignedInIsSentToSignInFromEveryRouteButThePublicOnes) {
  for (const Route& route : router_.routes()) {
    const auto row = expected().find(route.name);
    if (row == expected().end()) continue;
    const Response response = router_.handle(request_for(route, nullptr), world_.services);
    const std::string location(response.header("Location").value_or(""));
    if (!row->second) {
      EXPECT_FALSE(location.starts_with("/sign-in?next=")) << route.name;
    } else {
      EXPECT_EQ(response.status, 303) << route.name;
      EXPECT_TRUE(location.starts_with("/sign-in?next=")) << route.name << ": " << location;
    }
  }
}

TEST_F(AccessMatrix, APartnerWhoTypesTheAddressOfACaseNoteIsRefusedAndAudited) {
  const test::SignedIn police = world_.session_for(Role::kPartner);
  const Response response = router_.handle(
      test::as(police, test::make_request("/children/202/C0001/notes/CN1")), world_.services);
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.body.find("Saw Eva."), std::string::npos);
  const auto entries = world_.audit();
  ASSERT_FALSE(entries.empty());
  const auto& last = entries.back().event;
  EXPECT_EQ(last.action, "route.denied");
  EXPECT_EQ(last.outcome, "denied");
  EXPECT_EQ(last.actor_role, "partner");
  EXPECT_EQ(last.la_code, "202");
  EXPECT_EQ(last.child_id, "C0001");
  EXPECT_EQ(last.target, "GET /children/202/C0001/notes/CN1");
}

}  // namespace
}  // namespace hearth::web
