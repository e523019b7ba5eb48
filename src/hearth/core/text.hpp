// Small text helpers that several modules need: ASCII lower case (usernames, search keys,
// references: never a locale's), trimming blanks, counting UTF-8 characters and checking UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::core {

// A-Z to a-z; every other byte, UTF-8 included, as it is.
std::string ascii_lower(std::string_view text);
// Equal but for ASCII case (codes such as "18a" and "18A"), with nothing allocated.
bool iequals(std::string_view a, std::string_view b);
// Without leading and trailing spaces, tabs, carriage returns and line feeds.
std::string_view trim(std::string_view text);
// Characters (code points) in UTF-8 text: the bytes that do not continue a character.
size_t utf8_length(std::string_view text);
// Well-formed UTF-8: no overlong forms, no UTF-16 surrogates, nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);
// Where a file's first fault is, for its message: the start of the first line (any line end,
// CR alone included) that is not well-formed UTF-8, or the first NUL byte if that is earlier.
std::optional<size_t> first_bad_text_byte(std::string_view text);

}  // namespace hearth::core
