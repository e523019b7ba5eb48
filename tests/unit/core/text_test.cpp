#include "hearth/core/text.hpp"

#include <gtest/gtest.h>

namespace hearth::core {
namespace {

TEST(Text, LowersAsciiOnly) {
  EXPECT_EQ(ascii_lower("AbC-18A \xc3\x89"), "abc-18a \xc3\x89");  // É stays as it is
}

TEST(Text, ComparesIgnoringAsciiCaseOnly) {
  EXPECT_TRUE(iequals("18a", "18A"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("18A", "18"));
  EXPECT_FALSE(iequals("19A", "18A"));
  EXPECT_FALSE(iequals("\xc3\x89", "\xc3\xa9"));  // É and é differ: only A-Z fold
}

TEST(Text, TrimsBlanksAtBothEnds) {
  EXPECT_EQ(trim(" \t 8A \r\n"), "8A");
  EXPECT_EQ(trim(" \t\r\n"), "");
  EXPECT_EQ(trim("a b"), "a b");
}

}  // namespace
}  // namespace hearth::core
