// What the web tests share: a web root in a temporary folder, a fake store with children in it,
// a fixed clock, and the Services made of them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

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

struct World {
  World();
  TempWebRoot root;
  fakes::FakeStore store;
  core::FixedClock clock{test_now()};
  Site site;
  Services services{store, clock, site};
};

// A GET (or other method) request for `target`, as the server would hand it to the router.
Request make_request(std::string_view target, Method method = Method::kGet);

}  // namespace hearth::web::test
