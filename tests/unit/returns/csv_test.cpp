#include "hearth/returns/csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hearth::returns {
namespace {

using ::testing::HasSubstr;

CsvTable parsed(std::string_view text) {
  auto table = parse_csv(text, "t.csv");
  EXPECT_TRUE(table) << (table ? "" : table.error().describe());
  return table ? *table : CsvTable{};
}

core::Error refused(std::string_view text) {
  auto table = parse_csv(text, "t.csv");
  EXPECT_FALSE(table) << text;
  return table ? core::Error{} : table.error();
}

TEST(Csv, ReadsAHeaderAndRowsWithTheirLines) {
  const CsvTable t = parsed("CHILD,DOB\nC1,01/02/2010\nC2,03/04/2011\n");
  EXPECT_EQ(t.file, "t.csv");
  EXPECT_EQ(t.columns, (std::vector<std::string>{"CHILD", "DOB"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"C2", "03/04/2011"}));
  EXPECT_EQ(t.lines, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(t.column("DOB"), 1u);
  EXPECT_FALSE(t.column("SEX"));
}

TEST(Csv, TakesAByteOrderMarkAndWindowsAndOldMacLineEnds) {
  const CsvTable crlf = parsed(
      "\xEF\xBB\xBF"
      "CHILD,DOB\r\nC1,x\r\nC2,y\r\n");
  EXPECT_EQ(crlf.columns.front(), "CHILD");
  EXPECT_EQ(crlf.rows.size(), 2u);
  EXPECT_EQ(crlf.rows[0][1], "x");
  EXPECT_EQ(crlf.lines, (std::vector<int64_t>{2, 3}));
  // Found by the fuzzer: blank lines before the mark; the mark is still not part of a name.
  EXPECT_EQ(parsed("\n\n\xEF\xBB\xBF"
                   "CHILD,DOB\n")
                .columns.front(),
            "CHILD");
  const CsvTable cr = parsed("a,b\r1,2\r3,4");
  EXPECT_EQ(cr.rows.size(), 2u);
  EXPECT_EQ(cr.lines, (std::vector<int64_t>{2, 3}));
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaksAndLinesStillCount) {
  const CsvTable t = parsed("a,b\n\"x, \"\"y\"\"\nz\",2\n3,4\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0], "x, \"y\"\nz");
  EXPECT_EQ(t.lines, (std::vector<int64_t>{2, 4}));
}

TEST(Csv, SkipsBlankLinesAndASpreadsheetsRowsOfEmptyFieldsAndItsTrailingComma) {
  const CsvTable t = parsed("a,b,\n\n1,2,\n,,\n , \n3,4,\n\n");
  EXPECT_EQ(t.columns, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(t.lines, (std::vector<int64_t>{3, 6}));
}

TEST(Csv, ARowOfTheWrongWidthIsRefusedNamingTheLineAndTheColumns) {
  const core::Error e = refused("CHILD,DOB\nC1,x\nC2,y,z\n");
  EXPECT_EQ(e.file, "t.csv");
  EXPECT_EQ(e.line, 3);
  EXPECT_THAT(e.describe(), HasSubstr("has 3 fields; the header has 2 columns (CHILD,DOB)"));
  EXPECT_EQ(refused("CHILD,DOB\nC1\n").line, 2);
}

TEST(Csv, QuotesOutOfPlaceAreRefusedWhereTheyAre) {
  EXPECT_THAT(refused("a,b\n1\"x,2\n").describe(),
              HasSubstr("line 2: field 1: a quote inside a field that does not begin with one"));
  EXPECT_THAT(refused("a,b\n\"x\"y,2\n").describe(), HasSubstr("text after a closing quote"));
  const core::Error open = refused("a,b\n1,2\n\"never closed,3\n4,5\n");
  EXPECT_EQ(open.line, 3);
  EXPECT_THAT(open.message, HasSubstr("a quote opened here is never closed"));
}

TEST(Csv, AnEmptyFileABlankNameAndARepeatedNameAreRefused) {
  EXPECT_THAT(refused("").message, HasSubstr("is empty: there is no header row"));
  EXPECT_THAT(refused("\xEF\xBB\xBF\r\n\r\n").message, HasSubstr("is empty"));
  EXPECT_THAT(refused("a,,b\n").message, HasSubstr("column 2 of the header has no name"));
  EXPECT_THAT(refused("CHILD,DOB,CHILD\n").message, HasSubstr("names column CHILD twice"));
}

TEST(Csv, TextThatIsNotUtf8OrHasANulIsRefusedNamingTheLine) {
  const core::Error latin1 = refused("a,b\n1,2\nJos\xE9,3\n");
  EXPECT_EQ(latin1.line, 3);
  EXPECT_THAT(latin1.message, HasSubstr("is not UTF-8 text"));
  EXPECT_EQ(refused("a,b\r1,2\rJos\xE9,3\r").line, 3);  // old Mac line ends
  const core::Error nul = refused(std::string_view("a,b\n1,\0\n", 8));
  EXPECT_EQ(nul.line, 2);
  EXPECT_THAT(nul.message, HasSubstr("NUL"));
}

TEST(Csv, WritesWhatItReadsBack) {
  CsvTable t;
  t.file = "w.csv";
  t.columns = {"CHILD", "NOTE"};
  t.rows = {{"C1", "plain"}, {"C2", "comma, \"quote\"\nand a line"}, {"C3", " padded "}};
  const std::string text = write_csv(t);
  EXPECT_EQ(text.substr(0, 19), "CHILD,NOTE\nC1,plain");
  const CsvTable again = parsed(text);
  EXPECT_EQ(again.columns, t.columns);
  EXPECT_EQ(again.rows, t.rows);
}

TEST(Csv, AFileThatIsNotThereIsNotFound) {
  auto t = read_csv_file("/nonexistent/episodes.csv");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, core::ErrorCode::kNotFound);
  EXPECT_THAT(t.error().message, HasSubstr("/nonexistent/episodes.csv"));
}

}  // namespace
}  // namespace hearth::returns
