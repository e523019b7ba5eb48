#include "hearth/returns/csv.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "hearth/core/text.hpp"

namespace hearth::returns {
namespace {

using core::Error;
using core::Result;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

Error bad(std::string_view file, int64_t line, std::string message) {
  return Error::invalid("", std::move(message)).at(std::string(file), line);
}

// Splits the text into rows of fields, each with the line it starts on. Blank lines are
// dropped here; rows of empty fields are dropped by the caller, once it knows the width.
class Splitter {
 public:
  Splitter(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  Result<bool> next(std::vector<std::string>& fields, int64_t& start_line) {
    fields.clear();
    while (pos_ < text_.size() && is_line_end(text_[pos_])) skip_line_end();
    if (pos_ >= text_.size()) return false;
    start_line = line_;
    std::string field;
    bool quoted = false;       // the field began with a quote
    bool in_quotes = false;    // inside that quote now
    bool after_quote = false;  // the closing quote has been read
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (in_quotes) {
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            field += '"';
            pos_ += 2;
          } else {
            in_quotes = false;
            after_quote = true;
            ++pos_;
          }
        } else {
          if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
            ++line_;
          }
          field += c;
          ++pos_;
        }
        continue;
      }
      if (c == ',' || is_line_end(c)) {
        fields.push_back(std::move(field));
        field.clear();
        quoted = after_quote = false;
        if (c == ',') {
          ++pos_;
          continue;
        }
        skip_line_end();
        return true;
      }
      if (after_quote) {
        return bad(file_, line_,
                   fmt::format("field {}: text after a closing quote (a quote inside a quoted "
                               "field is written twice: \"\")",
                               fields.size() + 1));
      }
      if (c == '"') {
        if (!field.empty() || quoted) {
          return bad(file_, line_,
                     fmt::format("field {}: a quote inside a field that does not begin with one",
                                 fields.size() + 1));
        }
        quoted = in_quotes = true;
        ++pos_;
        continue;
      }
      field += c;
      ++pos_;
    }
    if (in_quotes) {
      return bad(file_, start_line,
                 fmt::format("field {}: a quote opened here is never closed", fields.size() + 1));
    }
    fields.push_back(std::move(field));
    return true;
  }

 private:
  static bool is_line_end(char c) { return c == '\n' || c == '\r'; }
  void skip_line_end() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  std::string_view text_;
  std::string_view file_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

// The line (1-based) of byte `offset`, counting CRLF, LF and CR as one line end each.
int64_t line_of(std::string_view text, size_t offset) {
  int64_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

bool all_empty(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return core::trim(f).empty(); });
}

}  // namespace

std::optional<size_t> CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  return std::nullopt;
}

Result<CsvTable> parse_csv(std::string_view text, std::string_view file_name) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  if (auto bad_byte = core::first_bad_text_byte(text)) {
    const bool nul = text[*bad_byte] == '\0';
    return bad(file_name, line_of(text, *bad_byte),
               nul ? std::string("has a NUL byte: is this a CSV file?")
                   : std::string("is not UTF-8 text (save it as \"CSV UTF-8\")"));
  }
  CsvTable table;
  table.file = std::string(file_name);
  Splitter splitter(text, file_name);
  std::vector<std::string> fields;
  int64_t line = 0;
  auto got = splitter.next(fields, line);
  if (!got) return got.error();
  if (!*got) return bad(file_name, 0, "is empty: there is no header row of column names");
  std::set<std::string, std::less<>> seen;
  for (size_t i = 0; i < fields.size(); ++i) {
    // A byte order mark after blank lines or spaces (files joined by hand) is never part of a
    // name: found by the fuzzer, which writes such a header back without them.
    std::string_view trimmed = core::trim(fields[i]);
    while (trimmed.starts_with(kByteOrderMark)) {
      trimmed = core::trim(trimmed.substr(kByteOrderMark.size()));
    }
    std::string name(trimmed);
    if (name.empty()) {
      // A spreadsheet often saves a trailing comma: an empty last column with nothing in it.
      if (i + 1 == fields.size() && i > 0) break;
      return bad(file_name, line, fmt::format("column {} of the header has no name", i + 1));
    }
    if (!seen.insert(name).second) {
      return bad(file_name, line, fmt::format("the header names column {} twice", name));
    }
    table.columns.push_back(std::move(name));
  }
  const size_t width = table.columns.size();
  while (true) {
    got = splitter.next(fields, line);
    if (!got) return got.error();
    if (!*got) break;
    if (all_empty(fields)) continue;
    // The header's trailing empty column, when there was one.
    if (fields.size() == width + 1 && core::trim(fields.back()).empty()) fields.pop_back();
    if (fields.size() != width) {
      return bad(file_name, line,
                 fmt::format("has {} fields; the header has {} columns ({})", fields.size(), width,
                             fmt::join(table.columns, ",")));
    }
    table.rows.push_back(std::move(fields));
    table.lines.push_back(line);
    fields = {};
  }
  return table;
}

Result<CsvTable> read_csv_file(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error::not_found(fmt::format("cannot read {}: {}", path.string(), ec.message()));
  if (size > kMaxCsvBytes) {
    return Error::invalid("", fmt::format("is {} MB; a return file is at most {} MB", size >> 20,
                                          kMaxCsvBytes >> 20))
        .at(name, 0);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io("cannot open " + path.string());
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size) return Error::io("cannot read " + path.string());
  return parse_csv(text, name);
}

std::string csv_field(std::string_view text) {
  const bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs_quotes) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string write_csv(const CsvTable& table) {
  std::string out;
  auto write_row = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_field(fields[i]);
    }
    out += '\n';
  };
  write_row(table.columns);
  for (const auto& row : table.rows) write_row(row);
  return out;
}

}  // namespace hearth::returns
