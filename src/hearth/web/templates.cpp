#include "hearth/web/templates.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace hearth::web {
namespace {

namespace mustache = kainjow::mustache;
namespace fs = std::filesystem;

constexpr std::string_view kExtension = ".mustache";
constexpr std::string_view kPartialsFolder = "partials/";

mustache::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data out{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) out.set(key, to_data(item));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mustache::data out{mustache::data::type::list};
      for (const auto& item : value) out.push_back(to_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mustache::data{value.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean:
      return mustache::data{value.get<bool>()};
    case nlohmann::json::value_t::number_integer:
      return mustache::data{std::to_string(value.get<int64_t>())};
    case nlohmann::json::value_t::number_unsigned:
      return mustache::data{std::to_string(value.get<uint64_t>())};
    case nlohmann::json::value_t::number_float:
      return mustache::data{fmt::format("{}", value.get<double>())};
    default:
      return mustache::data{false};
  }
}

// Looks partials up in the template set rather than in the view, so that a view key can never
// stand in for a partial.
class PartialsContext final : public mustache::context<std::string> {
 public:
  PartialsContext(const mustache::data* view, const std::map<std::string, mustache::data>& partials)
      : mustache::context<std::string>(view), partials_(partials) {}

  const mustache::data* get_partial(const std::string& name) const override {
    auto found = partials_.find(name);
    return found == partials_.end() ? nullptr : &found->second;
  }

 private:
  const std::map<std::string, mustache::data>& partials_;
};

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
    mustache::mustache parsed{*text};
    if (!parsed.is_valid()) {
      return core::Error::invalid("template", parsed.error_message()).at(path.string(), 0);
    }
    if (name.starts_with(kPartialsFolder)) {
      templates.partials_[name.substr(kPartialsFolder.size())] = *text;
    }
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
  // A partial that does not exist renders as nothing; make it an error at start instead.
  static const std::regex kPartialTag(R"(\{\{>\s*([^\s}]+)\s*\}\})");
  for (const auto& [name, text] : templates.sources_) {
    for (auto match = std::sregex_iterator(text.begin(), text.end(), kPartialTag);
         match != std::sregex_iterator(); ++match) {
      if (templates.partials_.count((*match)[1].str()) == 0) {
        return core::Error::not_found("partial " + (*match)[1].str() + " (" +
                                      std::string(kPartialsFolder) + (*match)[1].str() +
                                      std::string(kExtension) + ") is missing")
            .at((folder / (name + std::string(kExtension))).string(),
                line_of(text, static_cast<size_t>(match->position())));
      }
    }
  }
  return templates;
}

std::string Templates::render(std::string_view name, const nlohmann::json& view) const {
  auto found = sources_.find(name);
  if (found == sources_.end()) throw std::runtime_error("no template named " + std::string(name));

  // Parsed on every render: a kainjow template keeps error state while rendering, so one parsed
  // object cannot be shared between threads, and parsing a page this size takes microseconds.
  mustache::mustache page{found->second};
  std::map<std::string, mustache::data> partials;
  for (const auto& [partial_name, text] : partials_) partials.emplace(partial_name, text);
  const mustache::data data = to_data(view);
  PartialsContext context(&data, partials);
  std::string html = page.render(context);
  if (!page.is_valid()) {
    throw std::runtime_error("template " + std::string(name) + ": " + page.error_message());
  }
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
