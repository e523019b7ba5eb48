#include "test_world.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

namespace hearth::web::test {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "test_world: %s\n", message.c_str());
  std::abort();
}

}  // namespace

TempWebRoot::TempWebRoot() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          fmt::format("hearth-web-test-{}-{}", ::getpid(), counter.fetch_add(1));
  fs::remove_all(path_);
  fs::create_directories(path_);
  const fs::path source = HEARTH_DEFAULT_WEB_ROOT;
  for (const char* folder : {"templates", "messages", "assets"}) {
    fs::copy(source / folder, path_ / folder, fs::copy_options::recursive);
  }
  const fs::path dist = path_ / "node_modules/govuk-frontend/dist/govuk";
  write_file(dist / "govuk-frontend.min.css", kGovukCss);
  write_file(dist / "govuk-frontend.min.js", "export function initAll() {}\n");
  write_file(dist / "assets/fonts/bold-test.woff2", "wOF2 test font");
  write_file(dist / "assets/images/favicon.ico", "ico");
  write_file(dist / "assets/manifest.json", "{}");
  write_file(dist / "index.scss", kSecret);
  write_file(path_ / "secret.txt", kSecret);
  write_file(path_ / "node_modules/govuk-frontend/package.json", kSecret);
}

TempWebRoot::~TempWebRoot() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

core::Timestamp test_now() {
  return core::Timestamp::from_date(core::Date::from_ymd(2025, 6, 1).value(), 12);
}

domain::Child make_child(std::string la_code, std::string id, std::string given, std::string family,
                         std::optional<core::Date> date_of_birth, std::string sex,
                         std::string postcode) {
  domain::Child child;
  child.la_code = std::move(la_code);
  child.id = std::move(id);
  child.name.given = std::move(given);
  child.name.family = std::move(family);
  child.date_of_birth = date_of_birth;
  child.sex = std::move(sex);
  child.postcode = std::move(postcode);
  return child;
}

std::vector<store::Record> numbered_children(const std::string& la_code, int count) {
  std::vector<store::Record> records;
  const auto birth = core::Date::from_ymd(2015, 1, 1).value();
  for (int i = 1; i <= count; ++i) {
    records.push_back(make_child(la_code, fmt::format("C{:04}", i), fmt::format("Given{:04}", i),
                                 fmt::format("Family{:04}", i), birth.add_days(i)));
  }
  return records;
}

World::World() {
  auto loaded = Site::load(root.path());
  if (!loaded) die(loaded.error().describe());
  site = std::move(*loaded);
}

Request make_request(std::string_view target, Method method) {
  auto request = parse_target(target);
  if (!request) die(request.error().describe());
  request->method = method;
  request->method_text = std::string(method_name(method));
  return std::move(*request);
}

}  // namespace hearth::web::test
