#include "hearth/domain/values.hpp"

#include <string>

#include <gtest/gtest.h>

namespace hearth::domain {
namespace {

using core::ErrorCode;

// ---------------------------------------------------------------------------------------------
// NHS number

TEST(NhsNumber, AcceptsValidNumbers) {
  for (const char* text : {"9434765919", "4010232137", "4505577104"}) {
    auto number = NhsNumber::parse(text);
    ASSERT_TRUE(number.ok()) << text << ": " << number.error().describe();
    EXPECT_EQ(number->digits(), text);
  }
}

TEST(NhsNumber, AcceptsSpacesAndHyphensAsTyped) {
  auto spaced = NhsNumber::parse("943 476 5919");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->digits(), "9434765919");
  EXPECT_EQ(spaced->formatted(), "943 476 5919");
  EXPECT_EQ(*NhsNumber::parse("943-476-5919"), *spaced);
}

TEST(NhsNumber, RejectsWrongCheckDigit) {
  auto number = NhsNumber::parse("9434765918");
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(number.error().field, "NHS number");
  EXPECT_NE(number.error().message.find("check digit should be 9, not 8"), std::string::npos)
      << number.error().message;
}

TEST(NhsNumber, RejectsNumbersWhoseCheckDigitWouldBeTen) {
  // 100000001: 1x10 + 1x2 = 12, remainder 1, check digit 11 - 1 = 10: no valid number.
  EXPECT_EQ(NhsNumber::check_digit("100000001"), -1);
  for (char last = '0'; last <= '9'; ++last) {
    auto number = NhsNumber::parse(std::string("100000001") + last);
    ASSERT_FALSE(number.ok());
    EXPECT_NE(number.error().message.find("10"), std::string::npos);
  }
}

TEST(NhsNumber, RejectsWrongLength) {
  auto short_number = NhsNumber::parse("943476591");
  ASSERT_FALSE(short_number.ok());
  EXPECT_EQ(short_number.error().field, "NHS number");
  EXPECT_NE(short_number.error().message.find("must be 10 digits, got 9"), std::string::npos)
      << short_number.error().message;
  EXPECT_FALSE(NhsNumber::parse("94347659190").ok());
  EXPECT_FALSE(NhsNumber::parse("").ok());
}

TEST(NhsNumber, RejectsLetters) {
  auto number = NhsNumber::parse("94347659A9");
  ASSERT_FALSE(number.ok());
  EXPECT_NE(number.error().message.find("'A'"), std::string::npos) << number.error().message;
  EXPECT_FALSE(NhsNumber::parse("943.476.5919").ok());
}

TEST(NhsNumber, ComputesCheckDigits) {
  EXPECT_EQ(NhsNumber::check_digit("943476591"), 9);
  EXPECT_EQ(NhsNumber::check_digit("401023213"), 7);
  EXPECT_EQ(NhsNumber::check_digit("450557710"), 4);
  EXPECT_EQ(NhsNumber::check_digit("000000000"), 0);  // remainder 0 gives 0, not 11
  EXPECT_EQ(NhsNumber::check_digit("12345678"), -1);
  EXPECT_EQ(NhsNumber::check_digit("12345678x"), -1);
}

// ---------------------------------------------------------------------------------------------
// UPN

TEST(Upn, AcceptsValidNumbers) {
  // A950000178301 and H243278544154: test data of data-to-insight/csc-validator-be-cin rule 1510.
  // B801200005001: the example in python-stdnum's stdnum/gb/upn.py.
  for (const char* text : {"A950000178301", "H243278544154", "B801200005001"}) {
    auto upn = Upn::parse(text);
    ASSERT_TRUE(upn.ok()) << text << ": " << upn.error().describe();
    EXPECT_EQ(upn->text(), text);
    EXPECT_FALSE(upn->is_temporary());
  }
}

TEST(Upn, ComputesTheCheckLetterFromWeightsTwoToThirteenModulo23) {
  // B801200005001: 8x2 + 1x4 + 2x5 + 5x10 + 1x13 = 93 = 4x23 + 1, and 1 is B.
  EXPECT_EQ(Upn::check_letter("801200005001"), 'B');
  EXPECT_EQ(Upn::check_letter("950000178301"), 'A');
  // Remainders 21 and 22 are Y and Z, the last letters of the list.
  EXPECT_EQ(Upn::check_letter("201000010022"), 'Y');
  EXPECT_EQ(Upn::check_letter("201000010013"), 'Z');
  EXPECT_TRUE(Upn::parse("Y201000010022").ok());
  EXPECT_TRUE(Upn::parse("Z201000010013").ok());
  EXPECT_EQ(Upn::check_letter("80120000500"), '\0');
  EXPECT_EQ(Upn::check_letter("8012000050A1"), '\0');
}

TEST(Upn, CorrectsAPublishedWorkedExample) {
  // A school-software help page (Pupil Asset, "Census Error 1510") works B207000016049 through
  // to the letter Q, but its sum is 266, not 267: 266 = 11x23 + 13, and 13 is P.
  EXPECT_EQ(Upn::check_letter("207000016049"), 'P');
  EXPECT_FALSE(Upn::parse("B207000016049").ok());
  EXPECT_FALSE(Upn::parse("Q207000016049").ok());
  EXPECT_TRUE(Upn::parse("P207000016049").ok());
}

TEST(Upn, RejectsWrongCheckLetter) {
  // Failing examples of csc-validator-be-cin rule 1510.
  auto upn = Upn::parse("R247962919251");
  ASSERT_FALSE(upn.ok());
  EXPECT_EQ(upn.error().field, "UPN");
  EXPECT_NE(upn.error().message.find("check letter should be Q, not R"), std::string::npos)
      << upn.error().message;
  EXPECT_FALSE(Upn::parse("X428558133462").ok());
}

TEST(Upn, AcceptsTemporaryNumbersEndingInALetter) {
  // The final letter counts as its place in the check-letter list: A = 0, so the sum is that of
  // the digits alone; B = 1 adds 13.
  auto temporary = Upn::parse("M20100001400A");
  ASSERT_TRUE(temporary.ok()) << temporary.error().describe();
  EXPECT_TRUE(temporary->is_temporary());
  EXPECT_TRUE(Upn::parse("B20100001400B").ok());
  EXPECT_TRUE(Upn::parse("H93700002501Z").ok());
}

TEST(Upn, AcceptsLowerCaseAndSpaces) {
  auto upn = Upn::parse("a 950 000 178 301");
  ASSERT_TRUE(upn.ok());
  EXPECT_EQ(upn->text(), "A950000178301");
}

TEST(Upn, RejectsMalformedNumbers) {
  auto short_upn = Upn::parse("A95000017830");
  ASSERT_FALSE(short_upn.ok());
  EXPECT_NE(short_upn.error().message.find("must be 13 characters, got 12"), std::string::npos);
  // I, O and S are never used, as check letter or as the final letter.
  EXPECT_FALSE(Upn::parse("I950000178301").ok());
  EXPECT_FALSE(Upn::parse("M20100001400O").ok());
  EXPECT_FALSE(Upn::parse("M20100001400S").ok());
  EXPECT_FALSE(Upn::parse("950000178301A").ok());
  auto letter_inside = Upn::parse("A9500X0178301");
  ASSERT_FALSE(letter_inside.ok());
  EXPECT_NE(letter_inside.error().message.find("character 6"), std::string::npos)
      << letter_inside.error().message;
  EXPECT_FALSE(Upn::parse("").ok());
}

// ---------------------------------------------------------------------------------------------
// Postcode

TEST(Postcode, AcceptsEveryShapeOfUkPostcode) {
  for (const char* text : {"SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB",
                           "W1A 0AX", "GIR 0AA", "E1W 1AA", "LS1 4AP"}) {
    auto postcode = Postcode::parse(text);
    ASSERT_TRUE(postcode.ok()) << text << ": " << postcode.error().describe();
    EXPECT_EQ(postcode->text(), text);
  }
}

TEST(Postcode, AcceptsLowerCaseWithoutASpace) {
  auto postcode = Postcode::parse("sw1a1aa");
  ASSERT_TRUE(postcode.ok());
  EXPECT_EQ(postcode->text(), "SW1A 1AA");
  EXPECT_EQ(Postcode::parse("  m1   1ae ")->text(), "M1 1AE");
  EXPECT_EQ(Postcode::parse("dn551pt")->text(), "DN55 1PT");
}

TEST(Postcode, SplitsIntoOutwardSectorAndArea) {
  const Postcode postcode = *Postcode::parse("SW1A 1AA");
  EXPECT_EQ(postcode.outward(), "SW1A");
  EXPECT_EQ(postcode.sector(), "SW1A 1");
  EXPECT_EQ(postcode.area(), "SW");
  const Postcode manchester = *Postcode::parse("M1 1AE");
  EXPECT_EQ(manchester.outward(), "M1");
  EXPECT_EQ(manchester.sector(), "M1 1");
  EXPECT_EQ(manchester.area(), "M");
}

TEST(Postcode, RejectsWhatIsNotAPostcode) {
  for (const char* text :
       {"", "SW1A", "SW1A 1A", "SW1A 1AAA", "1AA 1AA", "SWA1 1AA", "ABC1 1AA", "SW1A AAA",
        "SW1A 11A", "M1 1CA", "M1 1AO", "B333 8TH", "M 1AE", "SW1A-1AA", "GIR 0AB"}) {
    auto postcode = Postcode::parse(text);
    EXPECT_FALSE(postcode.ok()) << text;
    if (!postcode.ok()) {
      EXPECT_EQ(postcode.error().field, "postcode") << text;
      EXPECT_EQ(postcode.error().code, ErrorCode::kInvalid) << text;
    }
  }
}

TEST(Postcode, SaysWhichPartIsWrong) {
  auto unit = Postcode::parse("M1 1CA");
  ASSERT_FALSE(unit.ok());
  EXPECT_NE(unit.error().message.find("'C'"), std::string::npos) << unit.error().message;
  auto inward = Postcode::parse("SW1A AAA");
  ASSERT_FALSE(inward.ok());
  EXPECT_NE(inward.error().message.find("digit and two letters"), std::string::npos)
      << inward.error().message;
  auto empty = Postcode::parse("   ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "is empty");
}

}  // namespace
}  // namespace hearth::domain
