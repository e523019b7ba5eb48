// Server-rendered pages: Mustache templates from web/templates, compiled once at start
// (detail/mustache.hpp says which Mustache).
//
// A template is named by its path under the templates folder without ".mustache":
// "children/index". Templates under partials/ are also partials, named by file:
// {{> layout_start}}. A page is `{{> layout_start}}` + its content + `{{> layout_end}}`.
//
// Views are JSON objects built by the handlers (strings, numbers, booleans, arrays, objects), so a
// handler test can look at the view as well as the HTML. {{name}} escapes HTML; templates never
// use {{{name}}} or {{& name}} (a test checks), so data can never become markup.
//
// Thread-safety: immutable after load; render may be called from any number of threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "hearth/core/result.hpp"
#include "hearth/web/detail/mustache.hpp"

namespace hearth::web {

class Templates {
 public:
  // Loads every *.mustache file under `folder`. Fails with kNotFound naming the file when one of
  // `required` is missing, with kInvalid naming the file when a template does not parse.
  static core::Result<Templates> load(const std::filesystem::path& folder,
                                      std::span<const std::string_view> required);

  // Renders the template `name` with `view`. Throws std::runtime_error for an unknown name or a
  // rendering failure: both are bugs (required templates are checked at load).
  std::string render(std::string_view name, const nlohmann::json& view) const;

  bool contains(std::string_view name) const { return sources_.count(name) > 0; }
  std::vector<std::string> names() const;
  // The text of a template as loaded, or null.
  const std::string* source(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> sources_;
  // Compiled, partials linked. Shared pointers so that moving a Templates keeps the links.
  std::shared_ptr<std::map<std::string, detail::CompiledTemplate, std::less<>>> compiled_;
  std::shared_ptr<std::map<std::string, detail::CompiledTemplate, std::less<>>> partials_;
};

}  // namespace hearth::web
