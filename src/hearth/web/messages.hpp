// The words the code puts together (counts, error messages, labels of codes), from
// web/messages/en.yml. Words that only a template uses live in that template.
//
// The file is a flat list of `key: value` lines, a subset of YAML: '#' starts a comment line,
// a value may be in double quotes (for a value with a leading space or a '#'), and {name} in a
// value is a placeholder filled by `text`.
//
// Thread-safety: immutable after load.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "hearth/core/result.hpp"

namespace hearth::web {

class Messages {
 public:
  // Fails with kNotFound when the file is missing, and with kInvalid naming the file and line for
  // a line that is not `key: value` or a key given twice.
  static core::Result<Messages> load(const std::filesystem::path& file);
  static core::Result<Messages> parse(std::string_view text, std::string_view file_name);

  using Args = std::initializer_list<std::pair<std::string_view, std::string_view>>;
  // The text for `key` with each {name} replaced by the argument of that name. Throws
  // std::out_of_range for a key the file does not have: a bug, which the page tests find.
  std::string text(std::string_view key, Args args = {}) const;
  bool contains(std::string_view key) const { return texts_.count(key) > 0; }

 private:
  std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace hearth::web
