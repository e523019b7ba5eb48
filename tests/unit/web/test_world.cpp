#include "test_world.hpp"

#include <algorithm>
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
  const std::string la(kTestLa);
  std::vector<store::Record> organisation;
  organisation.push_back(domain::Team{"T1", la, "Assessment team 1", "assessment"});
  organisation.push_back(domain::Team{"T2", la, "Children in care team", "looked_after"});
  for (const char* id : {"W1", "W2", "W3"}) {
    domain::Practitioner p;
    p.id = id;
    p.la_code = la;
    p.name = {std::string("Worker") + id, "", "Test", "", ""};
    p.team_id = std::string(id) == "W3" ? "T2" : "T1";
    p.role = "social_worker";
    organisation.push_back(p);
  }
  organisation.push_back(domain::Agency{"AG1", la, "Testshire Police", "police"});
  store.seed(organisation);
}

SignedIn World::sign_in(access::Role role, std::string username, std::string practitioner) {
  if (username.empty()) username = std::string(access::role_name(role));
  access::NewAccount account;
  account.username = username;
  account.display_name = "Test " + username;
  account.role = std::string(access::role_name(role));
  account.la_code = std::string(kTestLa);
  account.password = std::string(kTestPassword);
  if (access::is_social_care_staff(role)) {
    account.practitioner_id =
        practitioner.empty() && role == access::Role::kSocialWorker ? "W1" : practitioner;
    account.team_id = "T1";
  }
  if (role == access::Role::kPartner) account.agency_id = "AG1";
  auto added = access.accounts.add(access::command_line_principal(), account, "test");
  if (!added) die("adding " + username + ": " + added.error().describe());
  auto session =
      access.sessions.sign_in({username, std::string(kTestPassword), "127.0.0.1", "test"});
  if (!session) die("signing in " + username + ": " + session.error().describe());
  return SignedIn{session->token, session->principal.csrf_token, session->principal};
}

SignedIn World::session_for(access::Role role) {
  auto found = usernames_.find(role);
  if (found == usernames_.end()) {
    const std::string username = "the." + std::string(access::role_name(role));
    usernames_[role] = username;
    return sign_in(role, username);
  }
  auto session =
      access.sessions.sign_in({found->second, std::string(kTestPassword), "127.0.0.1", "test"});
  if (!session) die("signing in " + found->second + ": " + session.error().describe());
  return SignedIn{session->token, session->principal.csrf_token, session->principal};
}

std::vector<store::AuditEntry> World::audit() {
  auto entries = store.access().audit_range(0, 100000);
  if (!entries) die(entries.error().describe());
  return *entries;
}

Request make_request(std::string_view target, Method method) {
  auto request = parse_target(target);
  if (!request) die(request.error().describe());
  request->method = method;
  request->method_text = std::string(method_name(method));
  request->client_address = "127.0.0.1";
  return std::move(*request);
}

Request as(const SignedIn& user, Request request) {
  request.headers.emplace_back("Cookie", "hearth_session=" + user.token);
  return request;
}

Request post_form(std::string_view target, Fields fields, const SignedIn* user) {
  Request request = make_request(target, Method::kPost);
  const bool has_token = std::any_of(fields.begin(), fields.end(),
                                     [](const auto& field) { return field.first == "csrf_token"; });
  if (user && !has_token) fields.emplace_back("csrf_token", user->csrf);
  request.body = encode_query(fields);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return user ? as(*user, std::move(request)) : request;
}

}  // namespace hearth::web::test
