#include "hearth/web/templates.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace hearth::web {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kExtension = ".mustache";
constexpr std::string_view kPartialsFolder = "partials/";

core::Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::io("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int line_of(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

core::Result<Templates> Templates::load(const fs::path& folder,
                                        std::span<const std::string_view> required) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return core::Error::not_found("template folder " + folder.string() + " does not exist");
  }
  Templates templates;
  templates.compiled_ =
      std::make_shared<std::map<std::string, detail::CompiledTemplate, std::less<>>>();
  templates.partials_ =
      std::make_shared<std::map<std::string, detail::CompiledTemplate, std::less<>>>();
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const fs::path& path = it->path();
    if (!it->is_regular_file() || path.extension() != kExtension) continue;
    std::string name = path.lexically_relative(folder).generic_string();
    name.resize(name.size() - kExtension.size());
    auto text = read_file(path);
    if (!text) return text.error();

    // Data must never be written unescaped: refuse the tags that would.
    for (const std::string_view unescaped : {"{{{", "{{&"}) {
      const size_t at = text->find(unescaped);
      if (at != std::string::npos) {
        return core::Error::invalid("template",
                                    std::string(unescaped) + " writes data unescaped; use {{name}}")
            .at(path.string(), line_of(*text, at));
      }
    }
    auto compiled = detail::compile_template(*text, path.string());
    if (!compiled) return compiled.error();
    if (name.starts_with(kPartialsFolder)) {
      (*templates.partials_)[name.substr(kPartialsFolder.size())] = *compiled;
    }
    (*templates.compiled_)[name] = std::move(*compiled);
    templates.sources_[name] = std::move(*text);
  }
  if (ec) return core::Error::io("cannot list " + folder.string() + ": " + ec.message());

  for (const std::string_view name : required) {
    if (!templates.contains(name)) {
      return core::Error::not_found(
          "template " + (folder / (std::string(name) + std::string(kExtension))).string() +
          " is missing");
    }
  }
  // A partial that does not exist would render as nothing; make it an error at start instead.
  for (const auto& [name, compiled] : *templates.compiled_) {
    for (const auto& [partial, line] : detail::partials_used(compiled)) {
      if (templates.partials_->count(partial) == 0) {
        return core::Error::not_found("partial " + partial + " (" + std::string(kPartialsFolder) +
                                      partial + std::string(kExtension) + ") is missing")
            .at((folder / (name + std::string(kExtension))).string(), line);
      }
    }
  }
  // Partials are looked up in the template set, never in the view, so that a view key can never
  // stand in for a partial.
  auto partials = templates.partials_;
  const auto find = [partials](const std::string& partial) -> const detail::CompiledTemplate* {
    const auto found = partials->find(partial);
    return found == partials->end() ? nullptr : &found->second;
  };
  for (auto& [name, compiled] : *templates.partials_) detail::link_partials(compiled, find);
  for (auto& [name, compiled] : *templates.compiled_) detail::link_partials(compiled, find);
  return templates;
}

std::string Templates::render(std::string_view name, const nlohmann::json& view) const {
  const auto found = compiled_ ? compiled_->find(name) : decltype(compiled_->end()){};
  if (!compiled_ || found == compiled_->end()) {
    throw std::runtime_error("no template named " + std::string(name));
  }
  std::string html;
  html.reserve(16 * 1024);
  detail::render_template(found->second, view, html);
  return html;
}

std::vector<std::string> Templates::names() const {
  std::vector<std::string> out;
  for (const auto& [name, text] : sources_) out.push_back(name);
  return out;
}

const std::string* Templates::source(std::string_view name) const {
  auto found = sources_.find(name);
  return found == sources_.end() ? nullptr : &found->second;
}

}  // namespace hearth::web
