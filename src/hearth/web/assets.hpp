// The static files served under /assets/: GOV.UK Frontend's CSS, JavaScript, fonts and images
// (from web/node_modules/govuk-frontend/dist/govuk, installed by npm) and Hearth's own files
// (from web/assets, served under /assets/hearth/).
//
//   /assets/govuk-frontend.min.css   -> dist/govuk/govuk-frontend.min.css (and .min.js, .map)
//   /assets/fonts/..., /assets/images/..., /assets/manifest.json -> dist/govuk/assets/...
//   /assets/hearth/...               -> web/assets/...
//
// The files are read into memory once, at start, and a request is a lookup in that table: no
// request touches the file system, so no path ("..", "%2e%2e", "/etc/passwd", NUL) can reach a
// file outside these folders. Only known extensions are served, each with its content type.
//
// Thread-safety: immutable after load.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "hearth/core/result.hpp"

namespace hearth::web {

struct Asset {
  std::string body;
  std::string content_type;  // "text/css; charset=utf-8"
};

class AssetFiles {
 public:
  // Fails with kNotFound naming GOV.UK Frontend's CSS file when it is missing (run
  // scripts/install-deps, which runs npm install in web/), and with kIo naming a file that
  // cannot be read.
  static core::Result<AssetFiles> load(const std::filesystem::path& web_root);

  // The file at `path` under /assets/, percent-decoded ("fonts/bold-b542beb274-v2.woff2"), or
  // null if there is none.
  const Asset* find(std::string_view path) const;
  size_t size() const { return files_.size(); }

  // The content type for a file name by its extension, or "" for one that is not served.
  static std::string_view content_type_for(std::string_view file_name);

 private:
  std::map<std::string, Asset, std::less<>> files_;
};

}  // namespace hearth::web
