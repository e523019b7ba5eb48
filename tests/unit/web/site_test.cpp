#include "hearth/web/site.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_world.hpp"

namespace hearth::web {
namespace {

namespace fs = std::filesystem;
using test::TempWebRoot;

void write_file(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST(Site, LoadsTheRepositoryTemplatesMessagesAndAssets) {
  TempWebRoot root;
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok()) << site.error().describe();
  for (const std::string_view name : Site::required_templates()) {
    EXPECT_TRUE(site->templates.contains(name)) << name;
  }
  EXPECT_TRUE(site->messages.contains("children.showing"));
  EXPECT_NE(site->assets.find("govuk-frontend.min.css"), nullptr);
}

TEST(Site, FailsAtStartNamingAMissingTemplate) {
  TempWebRoot root;
  fs::remove(root.path() / "templates/children/index.mustache");
  auto site = Site::load(root.path());
  ASSERT_FALSE(site.ok());
  EXPECT_EQ(site.error().code, core::ErrorCode::kNotFound);
  EXPECT_NE(site.error().describe().find("children/index.mustache"), std::string::npos)
      << site.error().describe();
}

TEST(Site, FailsAtStartNamingAMissingPartial) {
  TempWebRoot root;
  write_file(root.path() / "templates/extra.mustache", "{{> no_such_partial}}");
  auto site = Site::load(root.path());
  ASSERT_FALSE(site.ok());
  EXPECT_NE(site.error().describe().find("no_such_partial"), std::string::npos);
  EXPECT_NE(site.error().describe().find("extra.mustache"), std::string::npos);
}

TEST(Site, FailsAtStartWhenGovukFrontendIsNotInstalled) {
  TempWebRoot root;
  fs::remove_all(root.path() / "node_modules");
  auto site = Site::load(root.path());
  ASSERT_FALSE(site.ok());
  EXPECT_NE(site.error().describe().find("govuk-frontend.min.css"), std::string::npos);
  EXPECT_NE(site.error().describe().find("install-deps"), std::string::npos);
}

TEST(Site, FailsAtStartWhenTheMessagesFileIsMissing) {
  TempWebRoot root;
  fs::remove(root.path() / "messages/en.yml");
  auto site = Site::load(root.path());
  ASSERT_FALSE(site.ok());
  EXPECT_NE(site.error().describe().find("en.yml"), std::string::npos);
}

TEST(Templates, RefuseTagsThatWriteDataUnescaped) {
  for (const char* text : {"<p>{{{name}}}</p>", "<p>\n{{& name}}</p>"}) {
    TempWebRoot root;
    write_file(root.path() / "templates/bad.mustache", text);
    auto site = Site::load(root.path());
    ASSERT_FALSE(site.ok()) << text;
    EXPECT_NE(site.error().describe().find("bad.mustache"), std::string::npos);
    EXPECT_NE(site.error().describe().find("unescaped"), std::string::npos);
  }
}

TEST(Templates, RefuseATemplateThatDoesNotParse) {
  TempWebRoot root;
  write_file(root.path() / "templates/broken.mustache", "{{#open}} never closed");
  auto site = Site::load(root.path());
  ASSERT_FALSE(site.ok());
  EXPECT_NE(site.error().describe().find("broken.mustache"), std::string::npos);
}

TEST(Templates, EscapeDataAndRenderPartials) {
  TempWebRoot root;
  write_file(root.path() / "templates/partials/greeting.mustache", "Hello {{name}}");
  write_file(
      root.path() / "templates/page.mustache",
      "{{> greeting}}|{{#rows}}[{{.}}]{{/rows}}|{{#flag}}on{{/flag}}{{^off}}no{{/off}}|{{n}}");
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok()) << site.error().describe();
  const nlohmann::json view = {{"name", "<b>\"Jo\" & 'Al'</b>"},
                               {"rows", {"a<", "b"}},
                               {"flag", true},
                               {"off", false},
                               {"n", 42}};
  EXPECT_EQ(site->templates.render("page", view),
            "Hello &lt;b&gt;&quot;Jo&quot; &amp; &apos;Al&apos;&lt;/b&gt;|[a&lt;][b]|onno|42");
}

TEST(Templates, RemoveLinesThatHoldOnlyASectionCommentOrPartialTag) {
  TempWebRoot root;
  write_file(root.path() / "templates/partials/item.mustache", "<li>{{.}}</li>\n");
  write_file(root.path() / "templates/page.mustache",
             "<ul>\n  {{! the items }}\n  {{#rows}}\n  {{> item}}\n  {{/rows}}\n</ul>\n"
             "<p>{{#flag}}inline{{/flag}}</p>\n");
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok()) << site.error().describe();
  EXPECT_EQ(site->templates.render("page", {{"rows", {"a", "b"}}, {"flag", true}}),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>inline</p>\n");
}

TEST(Templates, SkipSectionsOfAbsentFalseZeroEmptyAndNullValuesAndLookOutwardForNames) {
  TempWebRoot root;
  write_file(root.path() / "templates/page.mustache",
             "{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}{{#d}}D{{/d}}{{#e}}E{{/e}}{{#f}}F{{/f}}|"
             "{{^a}}a{{/a}}{{^b}}b{{/b}}{{^e}}e{{/e}}|{{#o}}{{x}}{{outer}}{{o.x}}{{/o}}|{{o.x}}|"
             "{{#s}}[{{.}}]{{/s}}|{{missing.deep}}");
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok()) << site.error().describe();
  const nlohmann::json view = {{"b", false},     {"c", 0},
                               {"d", ""},        {"e", nlohmann::json::array()},
                               {"f", nullptr},   {"o", {{"x", "in"}}},
                               {"outer", "out"}, {"s", "text"}};
  EXPECT_EQ(site->templates.render("page", view), "|abe|inoutin|in|[text]|");
}

TEST(Templates, NameTheLineOfAMismatchedOrUnclosedSection) {
  for (const auto& [text, expected] :
       std::vector<std::pair<std::string, std::string>>{{"<p>\n{{#a}}\n{{/b}}\n", "line 3"},
                                                        {"<p>\n\n{{#a}} never closed", "line 3"},
                                                        {"{{/a}}", "line 1"},
                                                        {"a\n{{=<% %>=}}", "line 2"},
                                                        {"{{unclosed", "line 1"}}) {
    TempWebRoot root;
    write_file(root.path() / "templates/bad.mustache", text);
    auto site = Site::load(root.path());
    ASSERT_FALSE(site.ok()) << text;
    EXPECT_NE(site.error().describe().find("bad.mustache " + expected), std::string::npos)
        << text << " -> " << site.error().describe();
  }
}

TEST(Templates, APartialThatIncludesItselfIsABugNotAHang) {
  TempWebRoot root;
  write_file(root.path() / "templates/partials/loop.mustache", "x{{> loop}}");
  write_file(root.path() / "templates/page.mustache", "{{> loop}}");
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok()) << site.error().describe();
  EXPECT_THROW(site->templates.render("page", nlohmann::json::object()), std::runtime_error);
}

TEST(Templates, ViewKeysCannotStandInForPartials) {
  TempWebRoot root;
  write_file(root.path() / "templates/partials/footer.mustache", "real footer");
  write_file(root.path() / "templates/page.mustache", "{{> footer}}");
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok());
  EXPECT_EQ(site->templates.render("page", {{"footer", "{{evil}}"}}), "real footer");
}

TEST(Templates, RenderingAnUnknownTemplateIsABug) {
  TempWebRoot root;
  auto site = Site::load(root.path());
  ASSERT_TRUE(site.ok());
  EXPECT_THROW(site->templates.render("no/such", nlohmann::json::object()), std::runtime_error);
}

TEST(Messages, FillPlaceholdersByName) {
  auto messages = Messages::parse(
      "# comment\n\nshowing: Showing {from} to {to}\nquoted: \"{n} months\"\nempty:\n", "en.yml");
  ASSERT_TRUE(messages.ok()) << messages.error().describe();
  EXPECT_EQ(messages->text("showing", {{"from", "1"}, {"to", "25"}}), "Showing 1 to 25");
  EXPECT_EQ(messages->text("quoted", {{"n", "3"}}), "3 months");
  EXPECT_EQ(messages->text("showing"), "Showing {from} to {to}");
  EXPECT_EQ(messages->text("empty"), "");
  EXPECT_THROW(messages->text("missing"), std::out_of_range);
}

TEST(Messages, NameTheLineOfAMistake) {
  auto bad_line = Messages::parse("a: 1\nnot a pair\n", "en.yml");
  ASSERT_FALSE(bad_line.ok());
  EXPECT_EQ(bad_line.error().describe().find("en.yml line 2"), 0u) << bad_line.error().describe();
  auto twice = Messages::parse("a: 1\na: 2\n", "en.yml");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().describe().find("twice"), std::string::npos);
}

TEST(AssetFiles, MapGovukFrontendAndOurOwnFiles) {
  TempWebRoot root;
  auto assets = AssetFiles::load(root.path());
  ASSERT_TRUE(assets.ok()) << assets.error().describe();
  const Asset* css = assets->find("govuk-frontend.min.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->body, TempWebRoot::kGovukCss);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  ASSERT_NE(assets->find("fonts/bold-test.woff2"), nullptr);
  EXPECT_EQ(assets->find("fonts/bold-test.woff2")->content_type, "font/woff2");
  EXPECT_EQ(assets->find("manifest.json")->content_type, "application/manifest+json");
  ASSERT_NE(assets->find("hearth/init.js"), nullptr);
  EXPECT_EQ(assets->find("hearth/init.js")->content_type, "text/javascript; charset=utf-8");
}

TEST(AssetFiles, ServeNothingOutsideTheirFolders) {
  TempWebRoot root;
  auto assets = AssetFiles::load(root.path());
  ASSERT_TRUE(assets.ok());
  using namespace std::string_view_literals;
  for (const std::string_view path :
       {"../secret.txt"sv, "../../secret.txt"sv, "/etc/passwd"sv, "index.scss"sv, "../index.scss"sv,
        "hearth/../../secret.txt"sv, "secret.txt"sv, "govuk-frontend.min.css\0.txt"sv, ""sv,
        "fonts/../../../package.json"sv, "%2e%2e/secret.txt"sv, "./govuk-frontend.min.css"sv}) {
    EXPECT_EQ(assets->find(path), nullptr) << path;
  }
}

TEST(AssetFiles, KnowContentTypesByExtensionOnly) {
  EXPECT_EQ(AssetFiles::content_type_for("a/b.svg"), "image/svg+xml");
  EXPECT_EQ(AssetFiles::content_type_for("x.png"), "image/png");
  EXPECT_EQ(AssetFiles::content_type_for("x.scss"), "");
  EXPECT_EQ(AssetFiles::content_type_for("Makefile"), "");
}

}  // namespace
}  // namespace hearth::web
