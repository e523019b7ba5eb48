// The children page through the router, without a socket.
#include <gtest/gtest.h>

#include "hearth/web/handlers/children.hpp"
#include "hearth/web/routes.hpp"

#include "test_world.hpp"

namespace hearth::web {
namespace {

using test::make_child;
using test::make_request;
using test::numbered_children;
using test::World;

core::Date ymd(int y, int m, int d) {
  return core::Date::from_ymd(y, m, d).value();
}

size_t count_of(const std::string& text, std::string_view needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

class ChildrenPage : public ::testing::Test {
 protected:
  void SetUp() override { worker_ = world_.sign_in(access::Role::kSocialWorker); }
  Response get(std::string_view target) {
    return router_.handle(test::as(worker_, make_request(target)), world_.services);
  }

  World world_;
  Router router_ = site_router();
  test::SignedIn worker_;
};

TEST_F(ChildrenPage, ListsTheFirst25ChildrenWithTheCount) {
  world_.store.seed(numbered_children("202", 60));
  Response response = get("/children");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_NE(response.body.find("Showing 1 to 25 of 60 children"), std::string::npos);
  EXPECT_EQ(count_of(response.body, "<tr class=\"govuk-table__row\">"), 26u);  // header + 25
  EXPECT_NE(response.body.find("FAMILY0001, Given0001"), std::string::npos);
  EXPECT_NE(response.body.find("FAMILY0025, Given0025"), std::string::npos);
  EXPECT_EQ(response.body.find("FAMILY0026"), std::string::npos);
  EXPECT_NE(response.body.find("href=\"/children?page=2\" rel=\"next\""), std::string::npos);
  EXPECT_EQ(response.body.find("rel=\"prev\""), std::string::npos);
}

TEST_F(ChildrenPage, ShowsThePageAskedFor) {
  world_.store.seed(numbered_children("202", 60));
  Response response = get("/children?page=2");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("Showing 26 to 50 of 60 children"), std::string::npos);
  EXPECT_NE(response.body.find("FAMILY0026, Given0026"), std::string::npos);
  EXPECT_EQ(response.body.find("FAMILY0025,"), std::string::npos);
  EXPECT_NE(response.body.find("href=\"/children\" rel=\"prev\""), std::string::npos);
  EXPECT_NE(response.body.find("href=\"/children?page=3\" rel=\"next\""), std::string::npos);
  EXPECT_NE(response.body.find("aria-label=\"Page 2\" aria-current=\"page\""), std::string::npos);
}

TEST_F(ChildrenPage, GroupsThousandsInTheCount) {
  world_.store.seed(numbered_children("202", 1234));
  Response response = get("/children?page=2");
  EXPECT_NE(response.body.find("Showing 26 to 50 of 1,234 children"), std::string::npos);
}

TEST_F(ChildrenPage, ShortensLongPaginationWithEllipses) {
  world_.store.seed(numbered_children("202", 25 * 20));
  Response response = get("/children?page=10");
  for (int page : {1, 9, 10, 11, 20}) {
    EXPECT_NE(response.body.find("aria-label=\"Page " + std::to_string(page) + "\""),
              std::string::npos)
        << page;
  }
  for (int page : {2, 8, 12, 19}) {
    EXPECT_EQ(response.body.find("aria-label=\"Page " + std::to_string(page) + "\""),
              std::string::npos)
        << page;
  }
  EXPECT_EQ(count_of(response.body, "govuk-pagination__item--ellipsis"), 2u);
}

TEST_F(ChildrenPage, SaysChildNotChildrenForOne) {
  world_.store.seed(numbered_children("202", 1));
  EXPECT_NE(get("/children").body.find("Showing 1 to 1 of 1 child<"), std::string::npos);
}

TEST_F(ChildrenPage, ShowsEachChildsDetailsInTheTable) {
  domain::Child child =
      make_child("202", "CH123", "Rebecca", "Smith", ymd(2019, 3, 3), "F", "LS1 4AP");
  child.name.preferred = "Bex";
  world_.store.seed(child);
  world_.store.seed(make_child("202", "CH124", "Baby", "Jones", ymd(2025, 1, 15), "U", ""));
  world_.store.seed(make_child("202", "CH125", "", "", std::nullopt, "M", ""));
  Response response = get("/children");
  ASSERT_EQ(response.status, 200);
  const std::string& html = response.body;
  EXPECT_NE(html.find("<a class=\"govuk-link\" href=\"/children/202/CH123\">SMITH, Rebecca</a> "
                      "<span class=\"hearth-preferred-name\">(Bex)</span>"),
            std::string::npos);
  EXPECT_NE(html.find(">CH123<"), std::string::npos);
  EXPECT_NE(html.find(">3 Mar 2019<"), std::string::npos);
  EXPECT_NE(html.find(">6<"), std::string::npos);  // age on 1 June 2025
  EXPECT_NE(html.find(">Female<"), std::string::npos);
  EXPECT_NE(html.find(">LS1 4AP<"), std::string::npos);
  EXPECT_NE(html.find(">4 months<"), std::string::npos);
  EXPECT_NE(html.find(">Not known<"), std::string::npos);
  EXPECT_NE(html.find("Name not recorded"), std::string::npos);
  EXPECT_NE(html.find(">Not recorded<"), std::string::npos);
}

TEST_F(ChildrenPage, FindsChildrenByNameOrId) {
  world_.store.seed({make_child("202", "CH1", "Rebecca", "Smith", ymd(2019, 3, 3)),
                     make_child("202", "CH2", "Jo", "Smithson", ymd(2018, 1, 1)),
                     make_child("202", "CH3", "Jo", "Brown", ymd(2017, 1, 1))});
  Response by_name = get("/children?q=jo+smi");
  EXPECT_NE(by_name.body.find("SMITHSON, Jo"), std::string::npos);
  EXPECT_EQ(by_name.body.find("BROWN"), std::string::npos);
  EXPECT_EQ(by_name.body.find("SMITH, Rebecca"), std::string::npos);
  EXPECT_NE(by_name.body.find("value=\"jo smi\""), std::string::npos);
  EXPECT_NE(by_name.body.find("Clear search"), std::string::npos);

  Response by_id = get("/children?q=CH3");
  EXPECT_NE(by_id.body.find("BROWN, Jo"), std::string::npos);
  EXPECT_NE(by_id.body.find("Showing 1 to 1 of 1 child<"), std::string::npos);
}

TEST_F(ChildrenPage, SaysWhenNoChildrenMatch) {
  world_.store.seed(numbered_children("202", 3));
  Response response = get("/children?q=zzz");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("No children match ‘zzz’"), std::string::npos);
  EXPECT_EQ(response.body.find("<table"), std::string::npos);
}

TEST_F(ChildrenPage, EscapesNamesAndTheSearch) {
  world_.store.seed(
      make_child("202", "X1", "<script>alert(1)</script>", "\"Quote\" & Co", ymd(2019, 3, 3)));
  Response response = get("/children");
  EXPECT_EQ(response.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(response.body.find("&quot;QUOTE&quot; &amp; CO, &lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos);

  Response search = get("/children?q=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E");
  EXPECT_EQ(search.body.find("<script>alert(2)"), std::string::npos);
  EXPECT_NE(search.body.find("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\""),
            std::string::npos);
}

TEST_F(ChildrenPage, KeepsTheSearchInPaginationLinks) {
  world_.store.seed(numbered_children("202", 60));
  Response response = get("/children?q=given&page=2");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("href=\"/children?q=given&amp;page=3\""), std::string::npos);
  EXPECT_NE(response.body.find("href=\"/children?q=given\" rel=\"prev\""), std::string::npos);
}

TEST_F(ChildrenPage, RefusesAPageThatIsNotAPositiveWholeNumber) {
  world_.store.seed(numbered_children("202", 3));
  for (const char* page : {"0", "-1", "abc", "1.5", "2x", "", "99999999999", "+2"}) {
    Response response = get(std::string("/children?page=") + page);
    EXPECT_EQ(response.status, 400) << page;
    EXPECT_NE(response.body.find("The page number must be a whole number, 1 or more"),
              std::string::npos)
        << page;
  }
}

TEST_F(ChildrenPage, RefusesAPagePastTheLast) {
  world_.store.seed(numbered_children("202", 30));
  Response response = get("/children?page=3");
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("There is no page 3 of these results. The last page is 2."),
            std::string::npos);
}

TEST_F(ChildrenPage, ShowsATooLongSearchAsAnErrorOnTheForm) {
  world_.store.seed(numbered_children("202", 3));
  const std::string hundred(100, 'a');
  EXPECT_EQ(get("/children?q=" + hundred).status, 200);
  // 100 characters of two bytes each are still 100 characters.
  std::string hundred_e_acute;
  for (int i = 0; i < 100; ++i) hundred_e_acute += "%C3%A9";
  EXPECT_EQ(get("/children?q=" + hundred_e_acute).status, 200);

  const int64_t calls_before = world_.store.calls();
  Response response = get("/children?q=" + hundred + "a");
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(response.body.find("<a href=\"#q\">Search must be 100 characters or fewer</a>"),
            std::string::npos);
  EXPECT_NE(response.body.find("govuk-input--error"), std::string::npos);
  EXPECT_NE(response.body.find("<title>Error: Children"), std::string::npos);
  EXPECT_EQ(world_.store.calls(), calls_before);
}

TEST_F(ChildrenPage, ShowsOnlyTheUsersOwnAuthoritysChildren) {
  world_.store.seed(numbered_children("202", 3));
  world_.store.seed(make_child("340", "L1", "Lee", "Liverpool", ymd(2016, 5, 5)));
  Response first = get("/children");
  EXPECT_EQ(first.body.find("<select"), std::string::npos);
  EXPECT_NE(first.body.find("FAMILY0001"), std::string::npos);
  EXPECT_EQ(first.body.find("LIVERPOOL"), std::string::npos);
  EXPECT_EQ(get("/children?q=lee").body.find("LIVERPOOL"), std::string::npos);
  EXPECT_EQ(get("/children?la=340").status, 400);
  EXPECT_EQ(get("/children?la=202").status, 200);
}

TEST_F(ChildrenPage, LeavesOutRestrictedChildrenUnlessTheUserIsOnTheirList) {
  auto secret = make_child("202", "R1", "Rae", "Restricted", ymd(2016, 5, 5));
  secret.restricted = true;
  world_.store.seed(numbered_children("202", 3));
  world_.store.seed(secret);
  EXPECT_EQ(get("/children").body.find("RESTRICTED, Rae"), std::string::npos);
  ASSERT_TRUE(world_.store.access().set_restricted_member("202", "R1", worker_.principal.account_id,
                                                          true, {"test", "case holder", {}}));
  Response listed = get("/children");
  EXPECT_NE(listed.body.find("RESTRICTED, Rae"), std::string::npos);
  EXPECT_NE(listed.body.find(">Restricted</strong>"), std::string::npos);
}

TEST_F(ChildrenPage, LinksEachChildToTheirRecordAndAuditsTheSearch) {
  world_.store.seed(numbered_children("202", 3));
  Response response = get("/children?q=Family0002");
  EXPECT_NE(response.body.find("href=\"/children/202/C0002\">FAMILY0002, Given0002</a>"),
            std::string::npos);
  const auto audited = world_.audit();
  ASSERT_FALSE(audited.empty());
  EXPECT_EQ(audited.back().event.action, "children.search");
  EXPECT_EQ(audited.back().event.reason, "search: Family0002");
  EXPECT_EQ(audited.back().event.actor_id, worker_.principal.account_id);
}

TEST_F(ChildrenPage, SaysSoWhenThereAreNoChildrenYet) {
  Response response = get("/children");
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("There are no children’s records in your authority yet."),
            std::string::npos);
}

TEST_F(ChildrenPage, Is503WhenTheStoreIsUnavailable) {
  world_.store.seed(numbered_children("202", 3));
  world_.store.set_unavailable(true);
  Response response = get("/children");
  EXPECT_EQ(response.status, 503);
  EXPECT_NE(response.body.find("Sorry, there is a problem with the service"), std::string::npos);
}

TEST_F(ChildrenPage, UsesTheGovukTemplate) {
  world_.store.seed(numbered_children("202", 3));
  const std::string html = get("/children").body;
  for (const char* part :
       {"<html lang=\"en\" class=\"govuk-template\">", "<body class=\"govuk-template__body\">",
        "class=\"govuk-skip-link\"", ">Hearth</a>", "govuk-phase-banner",
        "<strong class=\"govuk-tag govuk-phase-banner__content__tag\">Alpha</strong>",
        "Synthetic data only", "<main class=\"govuk-main-wrapper\" id=\"main-content\">",
        "<footer class=\"govuk-template__footer\">", "<title>Children – Hearth</title>",
        "<label class=\"govuk-label govuk-label--m\" for=\"q\">", "id=\"q-hint\"",
        "aria-describedby=\"q-hint\""}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  // No inline script: the Content-Security-Policy would block it.
  EXPECT_EQ(html.find("<script>"), std::string::npos);
}

TEST(ChildrenSearch, ReadsAndChecksTheQuery) {
  World world;
  auto search =
      ChildrenSearch::read(make_request("/children?q=%20jo%20&page=3&la=202"), world.site.messages);
  ASSERT_TRUE(search.ok());
  EXPECT_EQ(search->q, "jo");
  EXPECT_EQ(search->page, 3);
  EXPECT_EQ(search->la, "202");

  auto bad = ChildrenSearch::read(make_request("/children?page=0"), world.site.messages);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "page");
}

}  // namespace
}  // namespace hearth::web
