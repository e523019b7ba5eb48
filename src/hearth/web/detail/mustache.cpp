#include "hearth/web/detail/mustache.hpp"

#include <functional>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hearth/core/text.hpp"

namespace hearth::web::detail {
namespace {

using nlohmann::json;
using Kind = TemplateNode::Kind;

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr int kMaxPartialDepth = 16;

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> path;
  if (name == ".") return path;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    path.emplace_back(name.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return path;
}

class Compiler {
 public:
  Compiler(std::string_view source, std::string_view file) : source_(source), file_(file) {}

  core::Result<CompiledTemplate> run() {
    CompiledTemplate root;
    std::vector<CompiledTemplate*> open{&root};  // the node lists being filled
    std::vector<const TemplateNode*> sections;   // the sections still open
    size_t pos = 0;
    while (true) {
      const size_t tag_start = source_.find(kOpen, pos);
      if (tag_start == std::string_view::npos) {
        add_text(*open.back(), source_.substr(pos));
        break;
      }
      const size_t content_start = tag_start + kOpen.size();
      const size_t tag_end_at = source_.find(kClose, content_start);
      const int line = line_of(tag_start);
      if (tag_end_at == std::string_view::npos) return error(line, "a tag is not closed with }}");
      const size_t tag_end = tag_end_at + kClose.size();
      std::string_view content = source_.substr(content_start, tag_end_at - content_start);
      const char sigil = content.empty() ? '\0' : content.front();
      if (sigil == '{' || sigil == '&') {
        return error(line, std::string("{{") + sigil + " writes data unescaped; use {{name}}");
      }
      if (sigil == '=') return error(line, "changing the delimiters ({{= =}}) is not supported");
      const bool standalone_kind =
          sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' || sigil == '>';
      // A line holding only this tag goes with it.
      size_t text_end = tag_start;
      size_t next = tag_end;
      if (standalone_kind) {
        const size_t line_start = source_.rfind('\n', tag_start == 0 ? 0 : tag_start - 1);
        const size_t begin =
            (line_start == std::string_view::npos || tag_start == 0) ? 0 : line_start + 1;
        const size_t line_end = source_.find('\n', tag_end);
        const size_t end = line_end == std::string_view::npos ? source_.size() : line_end;
        if (is_blank(source_.substr(begin, tag_start - begin)) &&
            is_blank(source_.substr(tag_end, end - tag_end))) {
          text_end = begin;
          next = line_end == std::string_view::npos ? source_.size() : line_end + 1;
        }
      }
      add_text(*open.back(), source_.substr(pos, text_end > pos ? text_end - pos : 0));
      pos = next;

      const std::string_view name = core::trim(standalone_kind ? content.substr(1) : content);
      switch (sigil) {
        case '!':
          break;
        case '#':
        case '^': {
          if (name.empty()) return error(line, "a section needs a name");
          TemplateNode node;
          node.kind = sigil == '#' ? Kind::kSection : Kind::kInverted;
          node.text = std::string(name);
          node.path = split_name(name);
          node.line = line;
          open.back()->push_back(std::move(node));
          sections.push_back(&open.back()->back());
          open.push_back(&open.back()->back().children);
          break;
        }
        case '/':
          if (sections.empty()) {
            return error(line,
                         fmt::format("{{{{/{}}}}} closes a section that was not opened", name));
          }
          if (sections.back()->text != name) {
            return error(line, fmt::format("{{{{/{}}}}} closes {{{{#{}}}}} (opened on line {})",
                                           name, sections.back()->text, sections.back()->line));
          }
          sections.pop_back();
          open.pop_back();
          break;
        case '>': {
          if (name.empty()) return error(line, "a partial needs a name");
          TemplateNode node;
          node.kind = Kind::kPartial;
          node.text = std::string(name);
          node.line = line;
          open.back()->push_back(std::move(node));
          break;
        }
        default: {
          if (name.empty()) return error(line, "an empty tag {{}}");
          TemplateNode node;
          node.kind = Kind::kVariable;
          node.text = std::string(name);
          node.path = split_name(name);
          node.line = line;
          open.back()->push_back(std::move(node));
          break;
        }
      }
    }
    if (!sections.empty()) {
      return error(sections.back()->line,
                   fmt::format("{{{{#{}}}}} is never closed", sections.back()->text));
    }
    return root;
  }

 private:
  void add_text(CompiledTemplate& into, std::string_view text) {
    if (text.empty()) return;
    if (!into.empty() && into.back().kind == Kind::kText) {
      into.back().text += text;
      return;
    }
    TemplateNode node;
    node.kind = Kind::kText;
    node.text = std::string(text);
    into.push_back(std::move(node));
  }

  int line_of(size_t offset) const {
    int line = 1;
    for (size_t i = 0; i < offset && i < source_.size(); ++i) line += source_[i] == '\n';
    return line;
  }

  core::Error error(int line, std::string message) const {
    return core::Error::invalid("template", std::move(message)).at(std::string(file_), line);
  }

  std::string_view source_;
  std::string_view file_;
};

bool falsy(const json* value) {
  if (value == nullptr || value->is_null()) return true;
  if (value->is_boolean()) return !value->get<bool>();
  if (value->is_string()) return value->get_ref<const std::string&>().empty();
  if (value->is_array()) return value->empty();
  if (value->is_number_integer()) return value->get<int64_t>() == 0;
  if (value->is_number_unsigned()) return value->get<uint64_t>() == 0;
  if (value->is_number_float()) return value->get<double>() == 0.0;
  return false;
}

const json* lookup(const std::vector<const json*>& stack, const std::vector<std::string>& path) {
  if (path.empty()) return stack.back();
  const json* found = nullptr;
  // The first name is looked for from the innermost context out; the rest within it.
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    if ((*it)->is_object()) {
      const auto member = (*it)->find(path.front());
      if (member != (*it)->end()) {
        found = &*member;
        break;
      }
    }
  }
  for (size_t i = 1; found != nullptr && i < path.size(); ++i) {
    if (!found->is_object()) return nullptr;
    const auto member = found->find(path[i]);
    found = member == found->end() ? nullptr : &*member;
  }
  return found;
}

void append_escaped(std::string_view text, std::string& out) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
}

void append_value(const json& value, std::string& out) {
  switch (value.type()) {
    case json::value_t::string:
      append_escaped(value.get_ref<const std::string&>(), out);
      break;
    case json::value_t::number_integer:
      out += std::to_string(value.get<int64_t>());
      break;
    case json::value_t::number_unsigned:
      out += std::to_string(value.get<uint64_t>());
      break;
    case json::value_t::number_float:
      out += fmt::format("{}", value.get<double>());
      break;
    case json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      break;
    default:
      break;  // null, objects and lists print nothing
  }
}

void render_nodes(const CompiledTemplate& nodes, std::vector<const json*>& stack, std::string& out,
                  int depth) {
  for (const TemplateNode& node : nodes) {
    switch (node.kind) {
      case Kind::kText:
        out += node.text;
        break;
      case Kind::kVariable:
        if (const json* value = lookup(stack, node.path)) append_value(*value, out);
        break;
      case Kind::kSection: {
        const json* value = lookup(stack, node.path);
        if (falsy(value)) break;
        if (value->is_array()) {
          for (const json& item : *value) {
            stack.push_back(&item);
            render_nodes(node.children, stack, out, depth);
            stack.pop_back();
          }
        } else {
          stack.push_back(value);
          render_nodes(node.children, stack, out, depth);
          stack.pop_back();
        }
        break;
      }
      case Kind::kInverted:
        if (falsy(lookup(stack, node.path))) render_nodes(node.children, stack, out, depth);
        break;
      case Kind::kPartial:
        if (node.partial == nullptr) break;
        if (depth >= kMaxPartialDepth) {
          throw std::runtime_error("partial " + node.text + " is nested too deeply");
        }
        render_nodes(*node.partial, stack, out, depth + 1);
        break;
    }
  }
}

void collect_partials(const CompiledTemplate& nodes,
                      std::vector<std::pair<std::string, int>>& out) {
  for (const TemplateNode& node : nodes) {
    if (node.kind == Kind::kPartial) out.emplace_back(node.text, node.line);
    collect_partials(node.children, out);
  }
}

}  // namespace

core::Result<CompiledTemplate> compile_template(std::string_view source, std::string_view file) {
  return Compiler(source, file).run();
}

std::vector<std::pair<std::string, int>> partials_used(const CompiledTemplate& compiled) {
  std::vector<std::pair<std::string, int>> out;
  collect_partials(compiled, out);
  return out;
}

void link_partials(CompiledTemplate& compiled,
                   const std::function<const CompiledTemplate*(const std::string&)>& find) {
  for (TemplateNode& node : compiled) {
    if (node.kind == Kind::kPartial) node.partial = find(node.text);
    link_partials(node.children, find);
  }
}

void render_template(const CompiledTemplate& compiled, const json& view, std::string& out) {
  std::vector<const json*> stack{&view};
  render_nodes(compiled, stack, out, 0);
}

}  // namespace hearth::web::detail
