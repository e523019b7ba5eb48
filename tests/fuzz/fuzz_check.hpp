// The one assertion the fuzz targets use: unlike assert(), it stays on in release builds, and it
// says which invariant broke and for what input before aborting (which libFuzzer reports as a
// crash and saves the input).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace hearth::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line,
                              std::string_view input) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\ninput (%zu bytes): ", file, line, what,
               input.size());
  for (unsigned char c : input) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      std::fputc(c, stderr);
    } else {
      std::fprintf(stderr, "\\x%02x", c);
    }
  }
  std::fputc('\n', stderr);
  std::abort();
}

}  // namespace hearth::fuzz

// Checks `condition` for the input `text` in scope.
#define HEARTH_FUZZ_CHECK(condition)                                              \
  do {                                                                            \
    if (!(condition)) ::hearth::fuzz::fail(#condition, __FILE__, __LINE__, text); \
  } while (false)
