// The Mustache templates of the site, compiled once at start and rendered straight from the
// handlers' JSON views into one string. Internal to the web module (templates.hpp is its door).
//
// The subset Hearth's templates use: {{name}} and {{a.b}} (HTML-escaped), {{.}}, sections
// {{#name}}...{{/name}} and inverted sections {{^name}}...{{/name}}, comments {{! ... }} and
// partials {{> name}}; lines holding only a section, comment or partial tag disappear with
// the tag, as the Mustache specification says. Refused at compile time: {{{name}}} and
// {{& name}} (they write data unescaped), {{= =}} (changing the delimiters), unclosed and
// mismatched sections.
//
// A section is skipped when its value is absent, null, false, 0, "" or an empty list (as
// mustache.js decides); a list repeats it for each item; any other value renders it once with
// the value on top of the context.
//
// Why not a library: kainjow-mustache, used before, parsed each template (and each partial, at
// each use) on every render; a record page spent most of its time there (docs/PERFORMANCE.md).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "hearth/core/result.hpp"

namespace hearth::web::detail {

struct TemplateNode {
  enum class Kind { kText, kVariable, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;                    // the text, a partial's name, or the tag as written
  std::vector<std::string> path;       // a variable's or section's name split at '.'; empty for "."
  std::vector<TemplateNode> children;  // a section's content
  const std::vector<TemplateNode>* partial = nullptr;  // set by link_partials
  int line = 0;
};

using CompiledTemplate = std::vector<TemplateNode>;

// Errors: kInvalid naming the line (in `file`) of the tag that is wrong.
core::Result<CompiledTemplate> compile_template(std::string_view source, std::string_view file);

// Every partial name a template uses, for checking that they exist.
std::vector<std::pair<std::string, int>> partials_used(const CompiledTemplate& compiled);

// Points each partial tag at the compiled partial it names; `find` returns null for a name
// that does not exist (the tag then renders nothing).
void link_partials(CompiledTemplate& compiled,
                   const std::function<const CompiledTemplate*(const std::string&)>& find);

// Renders into `out`. Throws std::runtime_error for partials nested more than 16 deep (a
// partial that includes itself): a bug in the templates.
void render_template(const CompiledTemplate& compiled, const nlohmann::json& view,
                     std::string& out);

}  // namespace hearth::web::detail
