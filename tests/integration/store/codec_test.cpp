// The JSON of a stored revision's body (store/detail/codec.hpp): what is written, what is read
// back, and how a body that cannot be read is reported.
#include "hearth/store/detail/codec.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/sample_records.hpp"

namespace hearth::store::detail {
namespace {

using domain::RecordKind;
using hearth::testing::date;
using hearth::testing::one_of_every_kind;

domain::Referral decode_referral(std::string_view body) {
  auto record = decode(RecordKind::kReferral, body);
  EXPECT_TRUE(record) << record.error().describe();
  if (!record) return {};
  return std::get<domain::Referral>(*record);
}

std::string failure(RecordKind kind, std::string_view body) {
  auto record = decode(kind, body);
  EXPECT_FALSE(record) << body;
  if (record) return {};
  EXPECT_EQ(record.error().code, core::ErrorCode::kCorrupt);
  return record.error().message;
}

TEST(Codec, GivesBackEveryKindOfRecordWithEveryMemberSet) {
  for (const Record& record : one_of_every_kind("999", "C1")) {
    const std::string body = encode(record);
    auto back = decode(kind_of(record), body);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_TRUE(*back == record) << body;
  }
}

TEST(Codec, WritesKeysInNameOrderWithoutSpaces) {
  // The stored text itself: databases already hold bodies written this way.
  domain::Referral r;
  r.id = "REF1";
  r.la_code = "999";
  r.child_id = "C1";
  r.referral_date = date("2025-06-02");
  r.source = "1B";
  r.primary_need = "N1";
  r.no_further_action = true;
  EXPECT_EQ(encode(r),
            R"({"child_id":"C1","closure_date":null,"contact_id":"","id":"REF1",)"
            R"("initial_cpc_date":null,"la_code":"999","no_further_action":true,)"
            R"("primary_need":"N1","reason_for_closure":"","referral_date":"2025-06-02",)"
            R"("source":"1B"})");
}

TEST(Codec, GivesAMissingMemberItsDefaultAndPassesOverKeysItDoesNotKnow) {
  const auto r = decode_referral(
      R"({"id":"REF1","referral_date":"2025-06-02","retired_member":{"a":[1,2,{"b":null}]},)"
      R"("closure_date":null,"also_retired":[true,"x"]})");
  EXPECT_EQ(r.id, "REF1");
  EXPECT_EQ(r.referral_date, date("2025-06-02"));
  EXPECT_EQ(r.closure_date, std::nullopt);
  EXPECT_EQ(r.source, "");
  EXPECT_FALSE(r.no_further_action);
}

TEST(Codec, ReadsSpacesAndEscapesAsAnotherWriterMightLeaveThem) {
  const auto r = decode_referral(
      "{ \"id\" : \"REF\\u00e91\",\n  \"source\": \"say \\\"hi\\\"\\\\\", "
      "\"closure_date\": \"2025-07-01\", \"no_further_action\" : false }  \n");
  EXPECT_EQ(r.id,
            "REF\xc3\xa9"
            "1");
  EXPECT_EQ(r.source, "say \"hi\"\\");
  EXPECT_EQ(r.closure_date, date("2025-07-01"));
}

TEST(Codec, ReadsNestedMembersAndLists) {
  auto record = decode(RecordKind::kChild, R"({"id":"C1","name":{"given":"Ada","family":"Byron"},)"
                                           R"("disabilities":["MOB","HAND"],"uasc_ceased":null})");
  ASSERT_TRUE(record) << record.error().describe();
  const auto& child = std::get<domain::Child>(*record);
  EXPECT_EQ(child.name.given, "Ada");
  EXPECT_EQ(child.name.family, "Byron");
  EXPECT_EQ(child.disabilities, (std::vector<std::string>{"MOB", "HAND"}));
}

TEST(Codec, NamesTheKindAndTheMemberThatCannotBeRead) {
  EXPECT_EQ(failure(RecordKind::kReferral, R"({"id":"R1","referral_date":"2025-13-01"})"),
            "stored referral record cannot be read: referral_date: " +
                core::Date::parse_iso("2025-13-01").error().message);
  const std::string wrong_type = failure(RecordKind::kChild, R"({"name":{"given":7}})");
  EXPECT_TRUE(wrong_type.starts_with("stored child record cannot be read: name: given: "))
      << wrong_type;
  const std::string wrong_item = failure(RecordKind::kChild, R"({"disabilities":["MOB",false]})");
  EXPECT_TRUE(wrong_item.starts_with("stored child record cannot be read: disabilities: item 1: "))
      << wrong_item;
  const std::string too_big =
      failure(RecordKind::kProtectionPlan, R"({"previous_plans":99999999999})");
  EXPECT_EQ(too_big,
            "stored protection_plan record cannot be read: previous_plans: 99999999999 is out of "
            "range");
}

TEST(Codec, RefusesTextThatIsNotOneJsonObject) {
  for (const char* body : {"", "not json", "[1,2]", "\"text\"", R"({"id":"R1")",
                           R"({"id":"R1"} {"id":"R2"})", R"({"id":"R1"}x)"}) {
    const std::string message = failure(RecordKind::kReferral, body);
    EXPECT_TRUE(message.starts_with("stored referral record cannot be read: ")) << body;
  }
  EXPECT_EQ(failure(RecordKind::kReferral, R"({"id":"R1"} {"id":"R2"})"),
            "stored referral record cannot be read: text after the record");
}

TEST(Codec, DecodesManyInOrderAndReportsTheFirstThatFails) {
  std::vector<std::pair<RecordKind, std::string>> bodies;
  for (int i = 0; i < 10000; ++i) {
    bodies.emplace_back(RecordKind::kReferral, fmt::format(R"({{"id":"R{}"}})", i));
  }
  auto all = decode_many(bodies);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), bodies.size());
  for (size_t i = 0; i < all->size(); ++i) {
    ASSERT_EQ(std::get<domain::Referral>((*all)[i]).id, fmt::format("R{}", i));
  }
  bodies[9000].second = R"({"id":7})";
  bodies[3000].second = R"({"id":"R3000","referral_date":"soon"})";
  auto failed = decode_many(bodies);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("referral_date"), std::string::npos)
      << failed.error().message;
}

}  // namespace
}  // namespace hearth::store::detail
