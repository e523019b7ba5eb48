// The signed-in site through the router, without a socket: signing in and out, the child's
// record (whole and summary), break-glass, My work, the agency's page, statistics, accounts,
// the audit log; and the bad input the issue names: overlong fields, malformed cookies, forged
// and replayed form tokens, another user's token, each refused with the right status, logged,
// and nothing stored.
#include <gtest/gtest.h>

#include "hearth/web/gate.hpp"
#include "hearth/web/routes.hpp"

#include "test_world.hpp"

namespace hearth::web {
namespace {

using access::Role;
using test::as;
using test::make_child;
using test::make_request;
using test::post_form;
using test::SignedIn;
using test::World;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The value of the first Set-Cookie header naming `name`, or "".
std::string set_cookie(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == "Set-Cookie" && value.starts_with(std::string(name) + "=")) return value;
  }
  return "";
}

core::Date ymd(int y, int m, int d) {
  return core::Date::from_ymd(y, m, d).value();
}

class Pages : public ::testing::Test {
 protected:
  void SetUp() override {
    domain::Child child = make_child("202", "C1", "Eva", "Testcase", ymd(2015, 6, 14));
    child.allocated_worker_id = "W1";
    child.team_id = "T1";
    domain::Child other = make_child("202", "C2", "Oli", "Elsewhere", ymd(2012, 1, 1));
    other.allocated_worker_id = "W3";
    other.team_id = "T2";
    domain::Referral referral;
    referral.id = "R1";
    referral.la_code = "202";
    referral.child_id = "C1";
    referral.referral_date = ymd(2025, 5, 1);
    referral.source = "6";
    world_.store.seed({child, other, referral,
                       domain::CaseNote{"CN1", "202", "C1", ymd(2025, 5, 2), "home_visit", "W1",
                                        "Visit after the police call", "Saw Eva alone."},
                       domain::CaseNote{"CN2", "202", "C2", ymd(2025, 5, 2), "phone_call", "W3",
                                        "Call with school", "Spoke to the head teacher."}});
  }

  Response get(const SignedIn& user, std::string_view target) {
    return router_.handle(as(user, make_request(target)), world_.services);
  }
  Response post(const SignedIn* user, std::string_view target, Fields fields) {
    return router_.handle(post_form(target, std::move(fields), user), world_.services);
  }
  size_t audited(std::string_view action) {
    size_t n = 0;
    for (const auto& entry : world_.audit()) n += entry.event.action == action;
    return n;
  }

  World world_;
  Router router_ = site_router();
};

// ---------------------------------------------------------------------------------- sign-in

TEST_F(Pages, TheSignInFormSetsItsTokenCookieAndTheSameTokenInTheForm) {
  Response form = router_.handle(make_request("/sign-in"), world_.services);
  ASSERT_EQ(form.status, 200);
  const std::string cookie = set_cookie(form, "hearth_signin");
  ASSERT_FALSE(cookie.empty());
  EXPECT_TRUE(contains(cookie, "; Path=/; HttpOnly; SameSite=Strict"));
  EXPECT_FALSE(contains(cookie, "Secure"));
  const std::string token = cookie.substr(14, cookie.find(';') - 14);
  EXPECT_TRUE(contains(form.body, "name=\"csrf_token\" value=\"" + token + "\""));
}

class SignIn : public Pages {
 protected:
  void SetUp() override {
    Pages::SetUp();
    world_.sign_in(Role::kSocialWorker, "amy", "W2");
  }
  // A POST of the sign-in form with a matching token cookie, as a browser sends it.
  Response sign_in(std::string username, std::string password, std::string next = "") {
    Fields fields{{"csrf_token", "abc123"},
                  {"username", std::move(username)},
                  {"password", std::move(password)}};
    if (!next.empty()) fields.emplace_back("next", next);
    Request request = post_form("/sign-in", fields, nullptr);
    request.headers.emplace_back("Cookie", "hearth_signin=abc123");
    return router_.handle(request, world_.services);
  }
};

TEST_F(SignIn, ARightPasswordGivesAnHttpOnlyStrictSessionCookieAndGoesWhereAsked) {
  Response done = sign_in("amy", std::string(test::kTestPassword), "/children/202/C1");
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(done.header("Location"), "/children/202/C1");
  const std::string cookie = set_cookie(done, "hearth_session");
  EXPECT_EQ(cookie.find(';'), 15u + 64u);  // "hearth_session=" and 64 hex characters
  EXPECT_TRUE(contains(cookie, "HttpOnly; SameSite=Strict"));
  EXPECT_TRUE(contains(set_cookie(done, "hearth_signin"), "Max-Age=0"));
  // Without a place to go, the role's home.
  EXPECT_EQ(sign_in("amy", std::string(test::kTestPassword)).header("Location"), "/my-work");
}

TEST_F(SignIn, NeverSendsSomeoneToAnotherSiteAfterSigningIn) {
  for (const char* next :
       {"//evil.example/", "https://evil.example/", "/\\evil.example", "evil", "/sign-in",
        "/\t/evil.example", "/ /evil.example", "/\n/evil.example", "/x\\..\\evil"}) {
    Response done = sign_in("amy", std::string(test::kTestPassword), next);
    ASSERT_EQ(done.status, 303) << next;
    EXPECT_EQ(done.header("Location"), "/my-work") << next;
  }
}

TEST_F(SignIn, AWrongPasswordIs400WithTheErrorOnTheFormAndTheUsernameKept) {
  Response done = sign_in("amy", "not the password");
  EXPECT_EQ(done.status, 400);
  EXPECT_TRUE(contains(done.body, "Enter a correct username and password"));
  EXPECT_TRUE(contains(done.body, "value=\"amy\""));
  EXPECT_TRUE(set_cookie(done, "hearth_session").empty());
  EXPECT_FALSE(contains(done.body, "not the password"));  // the password is never echoed
}

TEST_F(SignIn, TooManyFailuresAre429SayingWhenToTryAgain) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in("amy", "wrong password").status, 400);
  Response locked = sign_in("amy", std::string(test::kTestPassword));
  EXPECT_EQ(locked.status, 429);
  EXPECT_TRUE(contains(locked.body, "Try again in 15 minutes"));
}

TEST_F(SignIn, OverlongFieldsAreRefusedNamingTheField) {
  Response long_name = sign_in(std::string(500, 'a'), "whatever");
  EXPECT_EQ(long_name.status, 400);
  EXPECT_TRUE(contains(long_name.body, "Username must be 64 characters or fewer"));
  Response long_password = sign_in("amy", std::string(100000, 'p'));
  EXPECT_EQ(long_password.status, 400);
  EXPECT_TRUE(contains(long_password.body, "Password must be 256 characters or fewer"));
}

TEST_F(SignIn, AFormWithoutTheTokenCookieOrWithAnotherTokenIs403AndAudited) {
  Request no_cookie = post_form("/sign-in",
                                {{"csrf_token", "abc123"},
                                 {"username", "amy"},
                                 {"password", std::string(test::kTestPassword)}},
                                nullptr);
  Response forged = router_.handle(no_cookie, world_.services);
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(contains(forged.body, "This form has expired"));
  Request other = post_form("/sign-in",
                            {{"csrf_token", "abc124"},
                             {"username", "amy"},
                             {"password", std::string(test::kTestPassword)}},
                            nullptr);
  other.headers.emplace_back("Cookie", "hearth_signin=abc123");
  EXPECT_EQ(router_.handle(other, world_.services).status, 403);
  EXPECT_EQ(audited("csrf.refused"), 2u);
  EXPECT_EQ(audited("sign_in"), 1u);  // only the test world's own sign-in: these never tried
}

TEST_F(SignIn, SignedInAlreadyTheFormSendsYouHome) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Response form = get(amy, "/sign-in");
  EXPECT_EQ(form.status, 302);
  EXPECT_EQ(form.header("Location"), "/my-work");
}

// ------------------------------------------------------------------------------ sessions, forms

TEST_F(Pages, BehindATrustedProxyTheClientsAddressIsTheOneItForwards) {
  world_.services.security.trusted_proxies = {"10.0.0.1"};
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  auto from = [&](std::string peer, std::string forwarded) {
    Request request = as(amy, make_request("/children/202/C1"));
    request.client_address = std::move(peer);
    if (!forwarded.empty()) request.headers.emplace_back("X-Forwarded-For", forwarded);
    EXPECT_EQ(router_.handle(request, world_.services).status, 200);
    return world_.audit().back().event.address;
  };
  EXPECT_EQ(from("10.0.0.1", "203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(from("10.0.0.1", "198.51.100.1, 203.0.113.9"), "203.0.113.9");  // the last hop
  EXPECT_EQ(from("10.0.0.1", "203.0.113.9, 10.0.0.1"), "203.0.113.9");
  EXPECT_EQ(from("10.0.0.1", "not an address"), "10.0.0.1");
  EXPECT_EQ(from("192.0.2.7", "203.0.113.9"), "192.0.2.7");  // not a proxy: not believed
}

TEST_F(Pages, AMalformedOrUnknownSessionCookieIsNoSessionAndIsCleared) {
  for (const char* cookie :
       {"hearth_session=", "hearth_session=not-hex", "hearth_session=\"quoted\"",
        "hearth_session=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "hearth_session=x; hearth_session=y", "garbage;;;=;"}) {
    Request request = make_request("/my-work");
    request.headers.emplace_back("Cookie", cookie);
    Response response = router_.handle(request, world_.services);
    EXPECT_EQ(response.status, 303) << cookie;
    EXPECT_TRUE(response.header("Location")->starts_with("/sign-in?next=")) << cookie;
  }
  Request request = make_request("/my-work");
  request.headers.emplace_back("Cookie", "hearth_session=not-hex");
  EXPECT_TRUE(contains(set_cookie(router_.handle(request, world_.services), "hearth_session"),
                       "Max-Age=0"));
}

TEST_F(Pages, SigningOutEndsTheSessionSoItsCookieAndItsFormTokenNoLongerWork) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Response out = post(&amy, "/sign-out", {});
  ASSERT_EQ(out.status, 303);
  EXPECT_EQ(out.header("Location"), "/sign-in?signed_out=1");
  EXPECT_TRUE(contains(set_cookie(out, "hearth_session"), "Max-Age=0"));
  EXPECT_EQ(get(amy, "/my-work").status, 303);
  // A form replayed with the old session and its token: the session is gone, so nothing is done.
  Response replayed =
      post(&amy, "/children/202/C2/break-glass", {{"reason", "a reason long enough to count"}});
  EXPECT_EQ(replayed.status, 303);
  EXPECT_TRUE(replayed.header("Location")->starts_with("/sign-in"));
  EXPECT_TRUE(world_.store.access().break_glass_for_child("202", "C2")->empty());
}

TEST_F(Pages, AnotherUsersFormTokenIsRefusedAndNothingIsStored) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  const SignedIn ben = world_.sign_in(Role::kSocialWorker, "ben", "W2");
  const size_t before = audited("csrf.refused");
  Response forged = post(&ben, "/children/202/C2/break-glass",
                         {{"reason", "a reason long enough to count"}, {"csrf_token", amy.csrf}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(contains(forged.body, "This form has expired"));
  EXPECT_EQ(audited("csrf.refused"), before + 1);
  EXPECT_TRUE(world_.store.access().break_glass_for_child("202", "C2")->empty());
  Response no_token = post(&ben, "/children/202/C2/break-glass",
                           {{"reason", "a reason long enough to count"}, {"csrf_token", ""}});
  EXPECT_EQ(no_token.status, 403);
}

TEST_F(Pages, AFormThatIsNotAFormIs400) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Request json = as(amy, make_request("/sign-out", Method::kPost));
  json.headers.emplace_back("Content-Type", "application/json");
  json.body = "{}";
  EXPECT_EQ(router_.handle(json, world_.services).status, 400);
  Request bad = as(amy, make_request("/sign-out", Method::kPost));
  bad.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  bad.body = "csrf_token=%ZZ";
  EXPECT_EQ(router_.handle(bad, world_.services).status, 400);
}

TEST_F(Pages, EveryPageCarriesTheSecurityHeadersAndStrictTransportBehindTls) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  for (const char* target : {"/sign-in", "/my-work", "/children/202/C1", "/nowhere"}) {
    Response response = get(amy, target);
    EXPECT_TRUE(contains(std::string(*response.header("Content-Security-Policy")),
                         "frame-ancestors 'none'"))
        << target;
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer") << target;
    EXPECT_EQ(response.header("Cache-Control"), "no-store") << target;
    EXPECT_FALSE(response.header("Strict-Transport-Security")) << target;
  }
  world_.services.security.behind_tls = true;
  Response secure = router_.handle(make_request("/sign-in"), world_.services);
  EXPECT_EQ(secure.header("Strict-Transport-Security"), "max-age=31536000");
  // Behind TLS the cookies are __Host- cookies: only this host, over HTTPS, can set them.
  const std::string cookie = set_cookie(secure, "__Host-hearth_signin");
  EXPECT_TRUE(contains(cookie, "; Path=/; HttpOnly; SameSite=Strict"));
  EXPECT_TRUE(contains(cookie, "; Secure"));
  EXPECT_EQ(
      router_.handle(make_request("/nowhere"), world_.services).header("Strict-Transport-Security"),
      "max-age=31536000");
}

// ------------------------------------------------------------------------- the child's record

TEST_F(Pages, TheAllocatedWorkerSeesTheWholeRecordWithItsCaseNotes) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Response page = get(amy, "/children/202/C1");
  ASSERT_EQ(page.status, 200);
  for (const char* part :
       {"Eva Testcase", "Identity and characteristics", "Current status", "Family and network",
        "Episodes on record", "Visit after the police call",
        "Who opened this record by giving a reason", "Open episode of need"}) {
    EXPECT_TRUE(contains(page.body, part)) << part;
  }
  EXPECT_FALSE(contains(page.body, "Open the full record"));
  Response note = get(amy, "/children/202/C1/notes/CN1");
  ASSERT_EQ(note.status, 200);
  EXPECT_TRUE(contains(note.body, "Saw Eva alone."));
  EXPECT_EQ(get(amy, "/children/202/C1/notes/CN2").status, 404);  // another child's note
}

TEST_F(Pages, AnotherWorkerSeesTheSummaryOnlyAndMustGiveAReason) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Response summary = get(amy, "/children/202/C2");
  ASSERT_EQ(summary.status, 200);
  EXPECT_TRUE(contains(summary.body, "Oli Elsewhere"));
  EXPECT_TRUE(contains(summary.body, "Open the full record"));
  EXPECT_FALSE(contains(summary.body, "Call with school"));
  EXPECT_FALSE(contains(summary.body, "Spoke to the head teacher"));
  EXPECT_EQ(get(amy, "/children/202/C2/notes/CN2").status, 403);

  Response too_short = post(&amy, "/children/202/C2/break-glass", {{"reason", "because"}});
  EXPECT_EQ(too_short.status, 400);
  EXPECT_TRUE(contains(too_short.body, "in at least 10 characters"));
  EXPECT_TRUE(contains(too_short.body, ">because</textarea>")) << "the reason typed is kept";
  Response too_long =
      post(&amy, "/children/202/C2/break-glass", {{"reason", std::string(1001, 'r')}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_TRUE(contains(too_long.body, "1000 characters or fewer"));
  EXPECT_TRUE(world_.store.access().break_glass_for_child("202", "C2")->empty());

  Response given = post(&amy, "/children/202/C2/break-glass",
                        {{"reason", "Duty: school rang about a new worry today"}});
  ASSERT_EQ(given.status, 303);
  EXPECT_EQ(given.header("Location"), "/children/202/C2");
  Response full = get(amy, "/children/202/C2");
  EXPECT_TRUE(contains(full.body, "Call with school"));
  EXPECT_TRUE(contains(full.body, "You opened this record by giving a reason"));

  // The child's own worker sees who and why.
  const SignedIn cal = world_.sign_in(Role::kSocialWorker, "cal", "W3");
  Response seen = get(cal, "/children/202/C2");
  EXPECT_TRUE(contains(seen.body, "Test the.social_worker (the.social_worker)"));
  EXPECT_TRUE(contains(seen.body, "Duty: school rang about a new worry today"));
}

TEST_F(Pages, ARestrictedChildIsPageNotFoundForThoseOffItsList) {
  domain::Child secret = make_child("202", "C9", "Sam", "Secret", ymd(2014, 1, 1));
  secret.restricted = true;
  secret.allocated_worker_id = "W1";
  world_.store.seed(secret);
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Response hidden = get(amy, "/children/202/C9");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_FALSE(contains(hidden.body, "Secret"));
  EXPECT_FALSE(contains(get(amy, "/children?q=secret").body, "SECRET"));
  EXPECT_FALSE(contains(get(amy, "/my-work").body, "SECRET"));
  ASSERT_TRUE(world_.access.accounts.set_restricted_member(
      access::command_line_principal(), "202", "C9", "the.social_worker", true, "case holder"));
  EXPECT_EQ(get(amy, "/children/202/C9").status, 200);
  EXPECT_TRUE(contains(get(amy, "/my-work").body, "SECRET, Sam"));
}

TEST_F(Pages, APartnerIsRefusedEveryChildPage) {
  const SignedIn police = world_.session_for(Role::kPartner);
  for (const char* target :
       {"/children/202/C1", "/children/202/C1/notes/CN1", "/children", "/my-work"}) {
    Response response = get(police, target);
    EXPECT_EQ(response.status, 403) << target;
    EXPECT_FALSE(contains(response.body, "Eva")) << target;
  }
}

// -------------------------------------------------------------------------------- other pages

TEST_F(Pages, MyWorkListsTheWorkersChildrenWithTheirNextDateAndTheManagersTeam) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  Response mine = get(amy, "/my-work");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(contains(mine.body, "TESTCASE, Eva"));
  EXPECT_FALSE(contains(mine.body, "ELSEWHERE"));
  EXPECT_EQ(audited("work.list"), 1u);
  const SignedIn manager = world_.session_for(Role::kTeamManager);
  Response team = get(manager, "/my-work");
  EXPECT_TRUE(contains(team.body, "Your team’s children"));
  EXPECT_TRUE(contains(team.body, "TESTCASE, Eva"));
  EXPECT_TRUE(contains(team.body, "WorkerW1 Test"));
  EXPECT_FALSE(contains(team.body, "ELSEWHERE"));  // team T2's
}

TEST_F(Pages, APartnerSeesTheirOwnAgencysRecordsOnly) {
  domain::AgencyRecord ours;
  ours.id = "AR1";
  ours.la_code = "202";
  ours.agency_id = "AG1";
  ours.local_ref = "CR/1";
  ours.given_name = "Eva";
  ours.recorded = ymd(2025, 5, 1);
  ours.summary = "Attended an incident";
  domain::AgencyRecord theirs = ours;
  theirs.id = "AR2";
  theirs.agency_id = "AG2";
  theirs.local_ref = "GP/2";
  theirs.summary = "Seen by the GP";
  world_.store.seed({ours, theirs});
  const SignedIn police = world_.session_for(Role::kPartner);
  Response page = get(police, "/agency");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "CR/1"));
  EXPECT_TRUE(contains(page.body, "Attended an incident"));
  EXPECT_FALSE(contains(page.body, "GP/2"));
  EXPECT_EQ(get(police, "/agency?ref=" + std::string(51, 'x')).status, 400);
  EXPECT_TRUE(contains(get(police, "/agency?ref=zz").body, "No records of yours"));
}

TEST_F(Pages, StatisticsShowCountsAndHideSmallOnes) {
  const SignedIn analyst = world_.session_for(Role::kAnalyst);
  Response page = get(analyst, "/statistics");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Children with records"));
  EXPECT_FALSE(contains(page.body, "Testcase"));
  EXPECT_FALSE(contains(page.body, "/children/"));
  // One child in need: too few to show.
  EXPECT_TRUE(contains(page.body, "<dd class=\"govuk-summary-list__value\">c</dd>"));
}

// Two children referred in 2024-25, each with a referral source the DfE does not have (rule
// 8866); C0091 is restricted.
void seed_returns_children(World& world) {
  domain::Child hidden =
      make_child("202", "C0091", "Hidden", "Child", core::Date::parse_iso("2015-01-01").value());
  hidden.restricted = true;
  hidden.ethnicity = "WBRI";
  domain::Child seen =
      make_child("202", "C0092", "Seen", "Child", core::Date::parse_iso("2016-01-01").value());
  seen.ethnicity = "WBRI";
  seen.team_id = "T2";
  std::vector<store::Record> records = {hidden, seen};
  for (const auto* child : {&hidden, &seen}) {
    domain::Referral r;
    r.id = "REF-" + child->id;
    r.la_code = "202";
    r.child_id = child->id;
    r.referral_date = core::Date::parse_iso("2024-06-01").value();
    r.source = "XX";
    r.primary_need = "N1";
    records.push_back(r);
  }
  world.store.seed(records);
}

TEST_F(Pages, TheReturnsPageGroupsFailuresByRuleAndHidesARestrictedChild) {
  seed_returns_children(world_);
  const SignedIn analyst = world_.session_for(Role::kAnalyst);
  Response page = get(analyst, "/returns?return=cin&year=2025");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "CIN census 2024-25"));
  EXPECT_TRUE(contains(page.body, "Source of Referral is missing or an invalid code"));
  EXPECT_TRUE(contains(page.body, "C0092"));
  EXPECT_FALSE(contains(page.body, "C0091"));  // restricted: counted, never named
  EXPECT_TRUE(contains(page.body, "(a restricted record)"));
  EXPECT_FALSE(contains(page.body, "href=\"/children/"));  // an analyst opens no record
  // The CSV hides the restricted child too.
  Response csv = get(analyst, "/returns/report.csv?return=cin&year=2025");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.body, "8866,"));
  EXPECT_FALSE(contains(csv.body, "C0091"));
  EXPECT_EQ(get(analyst, "/returns?return=cin&year=2024").status, 400);
  EXPECT_EQ(get(analyst, "/returns?return=xyz").status, 400);

  // A team manager may open the summary of a child who is not restricted: a link.
  const SignedIn manager = world_.session_for(Role::kTeamManager);
  Response theirs = get(manager, "/returns?return=cin&year=2025");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(contains(theirs.body, "href=\"/children/202/C0092\""));
  EXPECT_FALSE(contains(theirs.body, "C0091"));
  // Each child named is audited for whoever saw the page.
  bool audited = false;
  for (const auto& entry : world_.audit()) {
    if (entry.event.action == "returns.validate" && entry.event.child_id == "C0092") audited = true;
    EXPECT_FALSE(entry.event.action == "returns.validate" && entry.event.child_id == "C0091");
  }
  EXPECT_TRUE(audited);
}

TEST_F(Pages, AnAdministratorAddsAnAccountSeeingItsPasswordOnceAndFieldErrorsOnTheForm) {
  const SignedIn admin = world_.session_for(Role::kAdministrator);
  Response bad = post(&admin, "/admin/users",
                      {{"username", "priya shah"},
                       {"display_name", "Priya Shah"},
                       {"role", "front_door"},
                       {"la_code", "202"},
                       {"reason", "new starter"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "href=\"#username\""));
  EXPECT_TRUE(contains(bad.body, "value=\"Priya Shah\""));  // what was typed is kept
  Response added = post(&admin, "/admin/users",
                        {{"username", "priya.shah"},
                         {"display_name", "Priya Shah"},
                         {"role", "front_door"},
                         {"la_code", "202"},
                         {"reason", "new starter"}});
  ASSERT_EQ(added.status, 200);
  EXPECT_TRUE(contains(added.body, "Account added"));
  EXPECT_TRUE(contains(added.body, "hearth-password"));
  Response shown = get(admin, "/admin/users/priya.shah");
  EXPECT_TRUE(contains(shown.body, "new starter"));
  EXPECT_FALSE(contains(shown.body, "hearth-password"));

  Response disabled = post(&admin, "/admin/users/priya.shah/disable", {{"reason", "left"}});
  ASSERT_EQ(disabled.status, 303);
  EXPECT_TRUE(contains(get(admin, std::string(*disabled.header("Location"))).body,
                       "The account is disabled and its sessions ended."));
  Response no_reason = post(&admin, "/admin/users/priya.shah/enable", {{"reason", ""}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(contains(no_reason.body, "Say why the change is being made"));
  // A notice is one of a few fixed words, whatever the address says.
  EXPECT_FALSE(contains(get(admin, "/admin/users/priya.shah?done=<b>owned</b>").body, "owned"));
}

TEST_F(Pages, TheAuditorSeesWhoLookedAtAChildAndWhatAUserDid) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  ASSERT_EQ(get(amy, "/children/202/C1").status, 200);
  const SignedIn auditor = world_.session_for(Role::kAuditor);
  Response about_child = get(auditor, "/audit?la=202&child=C1");
  ASSERT_EQ(about_child.status, 200);
  EXPECT_TRUE(contains(about_child.body, "Opened the whole record"));
  EXPECT_TRUE(contains(about_child.body, "the.social_worker"));
  Response about_user = get(auditor, "/audit?user=the.social_worker");
  EXPECT_TRUE(contains(about_user.body, "Signed in"));
  EXPECT_EQ(get(auditor, "/audit?user=nobody").status, 400);
  EXPECT_EQ(get(auditor, "/audit?before=x").status, 400);
  Response verify = get(auditor, "/audit/verify");
  EXPECT_EQ(verify.status, 200);
  EXPECT_TRUE(contains(verify.body, "The chain is intact"));
  world_.store.fake_access().tamper_audit(2, [](store::AuditEntry& e) { e.event.reason = "x"; });
  Response broken = get(auditor, "/audit/verify");
  EXPECT_EQ(broken.status, 409);
  EXPECT_TRUE(contains(broken.body, "The first broken entry is 2"));
}

TEST_F(Pages, AnAuditorSeesTheirOwnAuthoritysEntriesOnly) {
  access::NewAccount elsewhere{.username = "other.auditor",
                               .display_name = "Auditor Elsewhere",
                               .role = "auditor",
                               .la_code = "303",
                               .password = std::string(test::kTestPassword)};
  ASSERT_TRUE(world_.access.accounts.add(access::command_line_principal(), elsewhere, "test"));
  auto other = world_.access.sessions.sign_in(
      {"other.auditor", std::string(test::kTestPassword), "127.0.0.1", "test"});
  ASSERT_TRUE(other);
  const SignedIn other_auditor{other->token, other->principal.csrf_token, other->principal};
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  ASSERT_EQ(get(amy, "/children/202/C1").status, 200);

  const SignedIn auditor = world_.session_for(Role::kAuditor);
  Response latest = get(auditor, "/audit");
  ASSERT_EQ(latest.status, 200);
  EXPECT_TRUE(contains(latest.body, "the.social_worker"));
  EXPECT_FALSE(contains(latest.body, "other.auditor"));
  Response theirs = get(other_auditor, "/audit");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(contains(theirs.body, "other.auditor"));
  EXPECT_FALSE(contains(theirs.body, "the.social_worker"));

  Response other_la = get(auditor, "/audit?la=303&child=C1");
  EXPECT_EQ(other_la.status, 400);
  EXPECT_TRUE(contains(other_la.body, "You can search the audit log of authority 202 only"));
  EXPECT_FALSE(contains(other_la.body, "other.auditor"));
  Response child_elsewhere = get(other_auditor, "/audit?la=202&child=C1");
  EXPECT_EQ(child_elsewhere.status, 400);
  EXPECT_FALSE(contains(child_elsewhere.body, "Opened the whole record"));
  Response their_user = get(auditor, "/audit?user=other.auditor");
  EXPECT_EQ(their_user.status, 400);
  EXPECT_TRUE(contains(their_user.body, "There is no account in authority 202 with the username"));
  EXPECT_FALSE(contains(their_user.body, "Auditor Elsewhere"));

  EXPECT_EQ(get(auditor, "/audit?before=-5").status, 400);
  EXPECT_EQ(get(auditor, "/audit?before=1e3").status, 400);
  EXPECT_EQ(get(auditor, "/audit?before=99999999999999999999").status, 400);
  EXPECT_EQ(get(auditor, "/audit?before=3").status, 200);
  Response long_child = get(auditor, "/audit?child=" + std::string(21, 'C'));
  EXPECT_EQ(long_child.status, 400);
  EXPECT_TRUE(contains(long_child.body, "A child ID is 20 characters or fewer"));
  EXPECT_EQ(get(auditor, "/audit?user=" + std::string(65, 'u')).status, 400);
}

TEST_F(Pages, TheAccountPageListsTheSessionsAndSignsOutOfAllOfThem) {
  const SignedIn first = world_.session_for(Role::kSocialWorker);
  const SignedIn second = world_.session_for(Role::kSocialWorker);
  Response page = get(second, "/account");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "This session"));
  Response everywhere = post(&second, "/sign-out/everywhere", {});
  EXPECT_EQ(everywhere.header("Location"), "/sign-in?signed_out=all");
  EXPECT_EQ(get(first, "/my-work").status, 303);
}

TEST_F(Pages, NoAuditNoRecord) {
  const SignedIn amy = world_.session_for(Role::kSocialWorker);
  world_.store.fake_access().set_audit_failing(true);
  Response page = get(amy, "/children/202/C1");
  EXPECT_EQ(page.status, 500);
  EXPECT_FALSE(contains(page.body, "Eva"));
}

}  // namespace
}  // namespace hearth::web
