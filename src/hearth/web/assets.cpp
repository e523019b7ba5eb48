#include "hearth/web/assets.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace hearth::web {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGovukDist = "node_modules/govuk-frontend/dist/govuk";
// The files served from the top of GOV.UK Frontend's dist folder (the rest of it is Sass and
// module sources, which a browser does not need).
constexpr std::array<std::string_view, 4> kGovukTopFiles = {
    "govuk-frontend.min.css", "govuk-frontend.min.css.map", "govuk-frontend.min.js",
    "govuk-frontend.min.js.map"};

core::Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::io("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Adds every servable file under `folder` (recursively) at `url_prefix` + its relative path.
// A folder that does not exist adds nothing.
core::Status add_folder(std::map<std::string, Asset, std::less<>>& files, const fs::path& folder,
                        std::string_view url_prefix) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return core::ok_status();
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& path = it->path();
    const std::string relative = path.lexically_relative(folder).generic_string();
    // Hidden files (".DS_Store", editor droppings) are not part of the site.
    if (relative.front() == '.' || relative.find("/.") != std::string::npos) continue;
    const std::string_view type = AssetFiles::content_type_for(relative);
    if (type.empty()) continue;
    auto body = read_file(path);
    if (!body) return body.error();
    files[std::string(url_prefix) + relative] = Asset{std::move(*body), std::string(type)};
  }
  if (ec) return core::Error::io("cannot list " + folder.string() + ": " + ec.message());
  return core::ok_status();
}

}  // namespace

std::string_view AssetFiles::content_type_for(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".map", "application/json"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  }};
  const size_t slash = file_name.rfind('/');
  const std::string_view base =
      slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  if (base == "manifest.json") return "application/manifest+json";
  const size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return {};
  const std::string_view extension = base.substr(dot);
  for (const auto& [known, type] : kTypes) {
    if (known == extension) return type;
  }
  return {};
}

core::Result<AssetFiles> AssetFiles::load(const fs::path& web_root) {
  const fs::path dist = web_root / kGovukDist;
  const fs::path css = dist / kGovukTopFiles[0];
  std::error_code ec;
  if (!fs::is_regular_file(css, ec)) {
    return core::Error::not_found("GOV.UK Frontend is not installed: " + css.string() +
                                  " is missing (run scripts/install-deps, or npm install in " +
                                  web_root.string() + ")");
  }
  AssetFiles assets;
  for (const std::string_view name : kGovukTopFiles) {
    const fs::path path = dist / name;
    if (!fs::is_regular_file(path, ec)) continue;
    auto body = read_file(path);
    if (!body) return body.error();
    assets.files_[std::string(name)] = Asset{std::move(*body), std::string(content_type_for(name))};
  }
  HEARTH_RETURN_IF_ERROR(add_folder(assets.files_, dist / "assets", ""));
  HEARTH_RETURN_IF_ERROR(add_folder(assets.files_, web_root / "assets", "hearth/"));
  return assets;
}

const Asset* AssetFiles::find(std::string_view path) const {
  auto found = files_.find(path);
  return found == files_.end() ? nullptr : &found->second;
}

}  // namespace hearth::web
