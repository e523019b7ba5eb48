// CSV as the DfE's returns use it (RFC 4180): a header row of column names, then one row a
// record. The reader takes what other systems and spreadsheets write: a UTF-8 byte order mark,
// Windows (CRLF), Unix (LF) or old Mac (CR) line ends, quoted fields with doubled quotes and line
// breaks inside them, blank lines and rows of empty fields (a spreadsheet's trailing rows). It
// refuses, naming the file, line and column, what it cannot read without guessing: text that is
// not UTF-8, a NUL byte, a quote inside an unquoted field, a quote left open, a row with more or
// fewer fields than the header, an empty or repeated column name, an empty file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/result.hpp"

namespace hearth::returns {

struct CsvTable {
  std::string file;                            // the file's name, for messages ("episodes.csv")
  std::vector<std::string> columns;            // as in the header row, spaces around a name trimmed
  std::vector<std::vector<std::string>> rows;  // each has columns.size() fields
  std::vector<int64_t> lines;                  // the line each row starts on (the header is 1)

  // The index of a column, if the table has it.
  std::optional<size_t> column(std::string_view name) const;
};

// Files larger than this are refused before they are read, so a reader's memory is bounded:
// the largest authority's biggest return file is a few megabytes.
inline constexpr uint64_t kMaxCsvBytes = 256ull << 20;

core::Result<CsvTable> parse_csv(std::string_view text, std::string_view file_name);
// Reads and parses a file; the error names the file (by its name, not the whole path).
core::Result<CsvTable> read_csv_file(const std::filesystem::path& path);

// A field as written: quoted (quotes doubled) only when it holds a comma, a quote, a line break
// or leading or trailing spaces.
std::string csv_field(std::string_view text);
// The header and rows, LF line ends, no byte order mark.
std::string write_csv(const CsvTable& table);

}  // namespace hearth::returns
