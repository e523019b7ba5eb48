#include "hearth/web/messages.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hearth::web {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

core::Result<Messages> Messages::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::Error::not_found("messages file " + file.string() + " is missing");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), file.string());
}

core::Result<Messages> Messages::parse(std::string_view text, std::string_view file_name) {
  Messages messages;
  int64_t line_number = 0;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = trim(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;

    size_t colon = line.find(": ");
    if (colon == std::string_view::npos && line.back() == ':') colon = line.size() - 1;
    if (colon == std::string_view::npos || colon == 0) {
      return core::Error::invalid("messages", "expected a line of the form key: value")
          .at(std::string(file_name), line_number);
    }
    const std::string_view key = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(std::min(colon + 2, line.size())));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!messages.texts_.emplace(std::string(key), std::string(value)).second) {
      return core::Error::invalid("messages", "key " + std::string(key) + " is given twice")
          .at(std::string(file_name), line_number);
    }
  }
  return messages;
}

std::string Messages::text(std::string_view key, Args args) const {
  auto found = texts_.find(key);
  if (found == texts_.end()) throw std::out_of_range("no message " + std::string(key));
  const std::string& pattern = found->second;
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        const std::string_view name(pattern.data() + i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [arg_name, arg_value] : args) {
          if (arg_name == name) {
            out += arg_value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close;
          continue;
        }
      }
    }
    out.push_back(pattern[i]);
  }
  return out;
}

}  // namespace hearth::web
