// The site: the templates, the words and the static files under one web root (the repository's
// web/ folder by default: HEARTH_DEFAULT_WEB_ROOT), loaded once at start so that a missing or
// broken file stops the server before it listens rather than failing a request later.
#pragma once

#include <filesystem>
#include <span>
#include <string_view>

#include "hearth/core/result.hpp"
#include "hearth/web/assets.hpp"
#include "hearth/web/messages.hpp"
#include "hearth/web/templates.hpp"

namespace hearth::web {

struct Site {
  std::filesystem::path root;
  Templates templates;
  Messages messages;
  AssetFiles assets;

  // Loads web_root/templates (every template the handlers render must be there),
  // web_root/messages/en.yml and the assets (assets.hpp). Errors name the file.
  static core::Result<Site> load(const std::filesystem::path& web_root);

  // The templates the handlers render: checked at load.
  static std::span<const std::string_view> required_templates();
};

}  // namespace hearth::web
