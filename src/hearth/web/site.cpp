#include "hearth/web/site.hpp"

#include <array>

namespace hearth::web {
namespace {

constexpr std::array<std::string_view, 22> kRequiredTemplates = {
    "partials/layout_start",
    "partials/layout_end",
    "partials/error_summary",
    "errors/not_found",
    "errors/problem",
    "errors/bad_request",
    "errors/forbidden",
    "sign_in/form",
    "account/show",
    "work/index",
    "children/index",
    "children/record",
    "children/summary",
    "children/note",
    "agency/index",
    "statistics/index",
    "admin/index",
    "admin/new",
    "admin/show",
    "admin/password",
    "audit/index",
    "audit/verify",
};

}  // namespace

std::span<const std::string_view> Site::required_templates() {
  return kRequiredTemplates;
}

core::Result<Site> Site::load(const std::filesystem::path& web_root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(web_root, ec)) {
    return core::Error::not_found("web root " + web_root.string() + " is not a folder");
  }
  auto templates = Templates::load(web_root / "templates", kRequiredTemplates);
  if (!templates) return templates.error();
  auto messages = Messages::load(web_root / "messages" / "en.yml");
  if (!messages) return messages.error();
  auto assets = AssetFiles::load(web_root);
  if (!assets) return assets.error();
  return Site{web_root, std::move(*templates), std::move(*messages), std::move(*assets)};
}

}  // namespace hearth::web
