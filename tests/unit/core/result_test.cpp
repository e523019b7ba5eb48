#include "hearth/core/result.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "hearth/core/error.hpp"

namespace hearth::core {
namespace {

Result<int> parse_positive(int value) {
  if (value <= 0) return Error::invalid("count", "must be positive");
  return value;
}

Result<int> doubled(int value) {
  HEARTH_RETURN_IF_ERROR(parse_positive(value));
  return value * 2;
}

Status check_even(int value) {
  if (value % 2 != 0) return Error::invalid("count", "must be even");
  return ok_status();
}

Status positive_and_even(int value) {
  HEARTH_RETURN_IF_ERROR(parse_positive(value));
  HEARTH_RETURN_IF_ERROR(check_even(value));
  return ok_status();
}

TEST(Result, HoldsAValue) {
  Result<int> r = 42;
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 42);
  EXPECT_EQ(*r, 42);
  EXPECT_EQ(r.value_or(7), 42);
}

TEST(Result, HoldsAnError) {
  Result<int> r = Error::not_found("no such child");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message, "no such child");
  EXPECT_EQ(r.value_or(7), 7);
}

TEST(Result, GivesAccessToMembersThroughTheArrow) {
  Result<std::string> r = std::string("hearth");
  EXPECT_EQ(r->size(), 6u);
  r->append("!");
  EXPECT_EQ(*r, "hearth!");
}

TEST(Result, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> taken = std::move(r).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 5);
}

TEST(Result, ReturnIfErrorPassesTheFirstFailureUp) {
  EXPECT_EQ(*doubled(4), 8);
  auto failed = doubled(-1);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "must be positive");

  EXPECT_TRUE(positive_and_even(4).ok());
  EXPECT_EQ(positive_and_even(-2).error().message, "must be positive");
  EXPECT_EQ(positive_and_even(3).error().message, "must be even");
}

TEST(Status, IsOkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(ok_status().ok());
  Status failed = Error::conflict("changed by someone else");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kConflict);
}

TEST(Error, NamedConstructorsSetTheirCodes) {
  EXPECT_EQ(Error::invalid("f", "m").code, ErrorCode::kInvalid);
  EXPECT_EQ(Error::not_found("m").code, ErrorCode::kNotFound);
  EXPECT_EQ(Error::forbidden("m").code, ErrorCode::kForbidden);
  EXPECT_EQ(Error::conflict("m").code, ErrorCode::kConflict);
  EXPECT_EQ(Error::unavailable("m").code, ErrorCode::kUnavailable);
  EXPECT_EQ(Error::corrupt("m").code, ErrorCode::kCorrupt);
  EXPECT_EQ(Error::io("m").code, ErrorCode::kIo);
  EXPECT_EQ(Error::internal("m").code, ErrorCode::kInternal);
  const Error invalid = Error::invalid("NHS number", "must be 10 digits, got 9");
  EXPECT_EQ(invalid.field, "NHS number");
  EXPECT_EQ(invalid.message, "must be 10 digits, got 9");
  EXPECT_TRUE(invalid.file.empty());
  EXPECT_EQ(invalid.line, 0);
}

TEST(Error, NamesEachCodeInWords) {
  EXPECT_EQ(to_string(ErrorCode::kInvalid), "invalid");
  EXPECT_EQ(to_string(ErrorCode::kNotFound), "not found");
  EXPECT_EQ(to_string(ErrorCode::kForbidden), "forbidden");
  EXPECT_EQ(to_string(ErrorCode::kConflict), "conflict");
  EXPECT_EQ(to_string(ErrorCode::kUnavailable), "unavailable");
  EXPECT_EQ(to_string(ErrorCode::kCorrupt), "corrupt");
  EXPECT_EQ(to_string(ErrorCode::kIo), "i/o");
  EXPECT_EQ(to_string(ErrorCode::kInternal), "internal");
}

TEST(Error, DescribesWhereAndWhat) {
  const Error e = Error::invalid("date_of_birth", "31/02/2019 is not a date");
  EXPECT_EQ(e.describe(), "date_of_birth: 31/02/2019 is not a date");
  EXPECT_EQ(e.at("people.csv", 12).describe(),
            "people.csv line 12: date_of_birth: 31/02/2019 is not a date");
  EXPECT_EQ(e.at("people.csv", 0).describe(),
            "people.csv: date_of_birth: 31/02/2019 is not a date");
  Error line_only = Error::corrupt("bad row");
  line_only.line = 3;
  EXPECT_EQ(line_only.describe(), "line 3: bad row");
  EXPECT_EQ(Error::not_found("no such child").describe(), "no such child");
}

TEST(Error, AtAndInFieldReturnCopies) {
  const Error original = Error::invalid("a", "m");
  const Error moved = original.in_field("b").at("f.csv", 2);
  EXPECT_EQ(original.field, "a");
  EXPECT_TRUE(original.file.empty());
  EXPECT_EQ(moved.field, "b");
  EXPECT_EQ(moved.file, "f.csv");
  EXPECT_EQ(moved.line, 2);
  EXPECT_EQ(moved.message, "m");
  EXPECT_EQ(moved.code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace hearth::core
