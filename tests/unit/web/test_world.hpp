// What the web tests share: a web root in a temporary folder, a fake store with children in it,
// a fixed clock, and the Services made of them.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "hearth/access/services.hpp"
#include "hearth/core/env.hpp"
#include "hearth/web/http.hpp"
#include "hearth/web/services.hpp"
#include "hearth/web/site.hpp"

#include "fakes/fake_store.hpp"

namespace hearth::web::test {

// A fresh temporary folder holding the repository's web/templates, web/messages and web/assets,
// and a small stand-in for GOV.UK Frontend's dist folder, so that no test needs npm. Beside them
// lie files that must never be served: secret.txt at the root and index.scss in the dist folder,
// each containing kSecret. Removed on destruction.
class TempWebRoot {
 public:
  static constexpr std::string_view kSecret = "TOP-SECRET-NOT-AN-ASSET";
  static constexpr std::string_view kGovukCss = "/* stand-in for govuk-frontend.min.css */";

  TempWebRoot();
  ~TempWebRoot();
  TempWebRoot(const TempWebRoot&) = delete;
  TempWebRoot& operator=(const TempWebRoot&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// 1 June 2025, noon UTC: "today" in every web test.
core::Timestamp test_now();

domain::Child make_child(std::string la_code, std::string id, std::string given, std::string family,
                         std::optional<core::Date> date_of_birth, std::string sex = "F",
                         std::string postcode = "AB1 2CD");
// `count` children of `la_code` with ids C0001.. and distinct names, family names in id order
// ("Family0001", ...), so page n of the list holds ids (n-1)*25+1 .. n*25.
std::vector<store::Record> numbered_children(const std::string& la_code, int count);

// A signed-in user of the test world: their session token (the cookie) and form token.
struct SignedIn {
  std::string token;
  std::string csrf;
  access::Principal principal;
};

// The web tests' authority is 202. World seeds its organisation: teams T1 (assessment) and T2
// (children in care), social workers W1 and W2 in T1 and W3 in T2, and agency AG1 (police).
inline constexpr std::string_view kTestLa = "202";
inline constexpr std::string_view kTestPassword = "correct horse battery staple";

struct World {
  World();
  TempWebRoot root;
  fakes::FakeStore store;
  core::FixedClock clock{test_now()};
  Site site;
  access::AccessServices access{store, clock, access::PasswordCost::minimal()};
  Services services{store,          clock,           site,        access.sessions,
                    access.records, access.accounts, access.audit};

  // Adds an account with `role` (username: the role's name unless given) and signs it in.
  // Social workers are W1 unless `practitioner` says otherwise; team managers manage T1;
  // partners belong to AG1.
  SignedIn sign_in(access::Role role, std::string username = "", std::string practitioner = "");
  // A new session of the one account of `role` that this world keeps (made on first use).
  SignedIn session_for(access::Role role);
  // Every audit entry, oldest first.
  std::vector<store::AuditEntry> audit();

 private:
  std::map<access::Role, std::string> usernames_;
};

// A GET (or other method) request for `target`, as the server would hand it to the router.
Request make_request(std::string_view target, Method method = Method::kGet);
// The same request, sent by `user` (their session cookie).
Request as(const SignedIn& user, Request request);
// A form POSTed to `target` by `user` (with their form token unless `fields` has its own).
Request post_form(std::string_view target, Fields fields, const SignedIn* user);

}  // namespace hearth::web::test
