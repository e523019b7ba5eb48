// The CIN census XML: reading it (and refusing what it cannot read, saying where), writing it
// in the schema's order, the export of an authority's records as at 31 March, and the import
// of a census into records. Every census Hearth writes here is checked against the shipped
// schema by libxml2, an independent reader.
#include "hearth/returns/cin_census.hpp"

#include <filesystem>
#include <fstream>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hearth/returns/cin_import.hpp"
#include "hearth/returns/cin_rules.hpp"

#include "cin_fixture.hpp"
#include "support/xml_schema.hpp"

namespace hearth::returns {
namespace {

using core::Date;
using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::Not;
using M = CinModule;
using test::valid_census;
using test::valid_census_xml;

const std::string kSchema = HEARTH_CIN_SCHEMA;

Date d(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

core::Error parse_error(std::string_view xml) {
  auto result = parse_cin_census(xml, "census.xml", 2026);
  EXPECT_FALSE(result.ok()) << "read without error";
  return result.ok() ? core::Error::invalid("", "") : result.error();
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(CinCensus, TheFixtureIsValidAgainstTheSchema) {
  EXPECT_EQ(hearth::test::schema_errors(kSchema, valid_census_xml()), "");
}

TEST(CinCensus, ReadsEachModuleIntoItsTableWithTheLineOfEachElement) {
  const CinCensus census = valid_census();
  EXPECT_EQ(census.year, 2026);
  EXPECT_EQ(census.table(M::kChildIdentifiers).rows.size(), 3u);
  EXPECT_EQ(census.table(M::kDisabilities).rows.size(), 9u);
  EXPECT_EQ(census.table(M::kCinDetails).rows.size(), 3u);
  EXPECT_EQ(census.table(M::kAssessmentFactors).rows.size(), 3u);
  EXPECT_EQ(census.table(M::kReviews).rows.size(), 1u);
  const CsvTable& details = census.table(M::kCinDetails);
  EXPECT_EQ(details.lines[0], 39);
  EXPECT_EQ(details.rows[1][*details.column("LAchildID")], "C2");
  EXPECT_EQ(details.rows[1][*details.column("CINdetailsID")], "2");
  EXPECT_EQ(details.rows[1][*details.column("CINclosureDate")], "2026-01-20");
  const CsvTable& plans = census.table(M::kChildProtectionPlans);
  EXPECT_EQ(plans.rows[0][*plans.column("CINdetailsID")], "1");
}

TEST(CinCensus, WritingWhatWasReadGivesTheSameTables) {
  const CinCensus census = valid_census();
  const std::string written = write_cin_census(census);
  EXPECT_EQ(hearth::test::schema_errors(kSchema, written), "");
  auto again = parse_cin_census(written, "cin.xml", 2026);
  ASSERT_TRUE(again.ok()) << again.error().message;
  for (const auto& layout : cin_modules()) {
    EXPECT_EQ(again->table(layout.module).rows, census.table(layout.module).rows) << layout.name;
  }
  EXPECT_EQ(write_cin_census(*again), written);
}

// A census of thousands of children is written in parts on several threads: the parts must
// join in order, each child with its own nested elements.
TEST(CinCensus, ALargeCensusIsWrittenWholeAndInOrder) {
  const std::string one = valid_census_xml();
  const size_t first = one.find("<Child>"), end = one.rfind("</Child>") + 8;
  ASSERT_NE(first, std::string::npos);
  std::string children;
  for (int copy = 0; copy < 2000; ++copy) {
    std::string child = one.substr(first, end - first) + "\n";  // its own ids: order shows
    for (size_t at = child.find("<LAchildID>"); at != std::string::npos;
         at = child.find("<LAchildID>", at + 1)) {
      child.insert(at + 11, "K" + std::to_string(copy) + "-");
    }
    children += child;
  }
  const std::string big = one.substr(0, first) + children + one.substr(end);
  auto census = parse_cin_census(big, "big.xml", 2026);
  ASSERT_TRUE(census.ok()) << census.error().message;
  ASSERT_EQ(census->table(M::kChildIdentifiers).rows.size(), 6000u);
  const std::string written = write_cin_census(*census);
  auto again = parse_cin_census(written, "big.xml", 2026);
  ASSERT_TRUE(again.ok()) << again.error().message;
  for (const auto& layout : cin_modules()) {
    if (layout.module == M::kHeader) continue;
    EXPECT_EQ(again->table(layout.module).rows, census->table(layout.module).rows) << layout.name;
  }
  EXPECT_EQ(write_cin_census(*again), written);
}

TEST(CinCensus, TakesAByteOrderMarkWindowsLineEndsAndTheYesNoSpellings) {
  std::string xml = "\xEF\xBB\xBF" + valid_census_xml();
  std::string crlf;
  for (char ch : xml) {
    if (ch == '\n') crlf += '\r';
    crlf += ch;
  }
  crlf = replace(crlf, "<ReferralNFA>false</ReferralNFA>", "<ReferralNFA>0</ReferralNFA>");
  auto census = parse_cin_census(crlf, "census.xml", 2026);
  ASSERT_TRUE(census.ok()) << census.error().message;
  EXPECT_EQ(census->table(M::kCinDetails).lines[0], 39);
  EXPECT_TRUE(validate_cin_census(*census).failures.empty());
}

TEST(CinCensus, MalformedXmlIsRefusedNamingTheLine) {
  const core::Error e = parse_error(replace(valid_census_xml(), "</Sex>", "</Sx>"));
  EXPECT_EQ(e.file, "census.xml");
  EXPECT_EQ(e.line, 24);
  EXPECT_THAT(e.message, HasSubstr("not well-formed XML"));
}

TEST(CinCensus, ADocumentTypeDeclarationIsRefused_NoEntityIsEverExpanded) {
  // "Billion laughs": ten entities, each ten of the one before. Refused before anything is
  // expanded, so the memory it would take (gigabytes) is never asked for.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bomb += "\">\n";
  }
  bomb +=
      "]>\n<Message><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID>"
      "</ChildIdentifiers></Child></Children></Message>\n";
  const core::Error e = parse_error(bomb);
  EXPECT_THAT(e.message, AnyOf(HasSubstr("entity reference"), HasSubstr("document type")));

  const core::Error plain =
      parse_error("<?xml version=\"1.0\"?>\n<!DOCTYPE Message>\n<Message><Children/></Message>\n");
  EXPECT_THAT(plain.message, HasSubstr("document type declaration"));
  EXPECT_EQ(plain.line, 2);
}

TEST(CinCensus, AnEntityTheCensusDoesNotDefineIsRefused) {
  const core::Error e =
      parse_error(replace(valid_census_xml(), "<Ethnicity>WBRI", "<Ethnicity>&ethnic;"));
  EXPECT_THAT(e.message, HasSubstr("&ethnic;"));
  EXPECT_EQ(e.line, 27);
  // XML's own entities and character references are text like any other.
  auto ok = parse_cin_census(
      replace(valid_census_xml(), "<SoftwareCode>Hearth", "<SoftwareCode>Hearth &amp; &#x41;"),
      "census.xml", 2026);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->table(M::kHeader).rows[0][5], "Hearth & A");
}

TEST(CinCensus, ACharacterReferenceToACharacterXmlDoesNotAllowIsRefused) {
  // pugixml decodes any character reference: &#1; would be a control character in the value,
  // &#xD800; bytes that are not UTF-8, &#0; an early end of it.
  for (std::string_view reference : {"&#1;", "&#xD800;", "&#0;", "&#x110000;", "&#xZZ;"}) {
    const core::Error e = parse_error(replace(valid_census_xml(), "<LAchildID>C2",
                                              "<LAchildID>C" + std::string(reference) + "2"));
    EXPECT_THAT(e.message, HasSubstr("character reference")) << reference;
    EXPECT_EQ(e.line, 71) << reference;
  }
}

TEST(CinCensus, AnAmpersandInACommentOrCdataIsText) {
  auto census = parse_cin_census(
      replace(replace(valid_census_xml(), "<Message>", "<Message>\n<!-- Smith & Co, R&D -->"),
              "<SoftwareCode>Hearth", "<SoftwareCode><![CDATA[R&D ]]>Hearth"),
      "census.xml", 2026);
  ASSERT_TRUE(census.ok()) << census.error().message;
  EXPECT_EQ(census->table(M::kHeader).rows[0][5], "R&D Hearth");
}

TEST(CinCensus, AReferenceDateAfterTheRulesYearsIsRefused) {
  const core::Error e = parse_error(
      replace(valid_census_xml(), "2026-03-31</ReferenceDate>", "2150-03-31</ReferenceDate>"));
  EXPECT_THAT(e.message, HasSubstr("mistyped"));
}

TEST(CinCensus, ACensusWithoutAHeaderIsReadAndItsWholeReturnFailuresAreAtLineOne) {
  auto census = parse_cin_census(
      "<Message>\n<Children>\n<Child><ChildIdentifiers><LAchildID>A1</LAchildID>"
      "</ChildIdentifiers></Child>\n</Children>\n</Message>\n",
      "census.xml", 2026);
  ASSERT_TRUE(census.ok()) << census.error().message;
  EXPECT_EQ(census->year, 2026);
  bool whole_return = false;
  for (const auto& f : validate_cin_census(*census).failures) {
    EXPECT_GE(f.line, 1) << f.rule;
    if (f.rule == "2887Q") whole_return = f.line == 1;
  }
  EXPECT_TRUE(whole_return);
}

TEST(CinCensus, AnElementTheCensusDoesNotHaveWhereItIsIsRefused) {
  const core::Error e = parse_error(
      replace(valid_census_xml(), "<Sex>M</Sex>", "<Sex>M</Sex>\n        <Gender>M</Gender>"));
  EXPECT_EQ(e.field, "Gender");
  EXPECT_EQ(e.line, 25);
  EXPECT_THAT(e.message, HasSubstr("not an element of <ChildIdentifiers>"));
  const core::Error nested =
      parse_error(replace(valid_census_xml(), "<Sex>M</Sex>", "<Sex><Code>M</Code></Sex>"));
  EXPECT_THAT(nested.message, HasSubstr("holds a value, not elements"));
}

TEST(CinCensus, AnItemGivenTwiceIsRefused) {
  const core::Error e = parse_error(
      replace(valid_census_xml(), "<Sex>M</Sex>", "<Sex>M</Sex>\n        <Sex>F</Sex>"));
  EXPECT_EQ(e.field, "Sex");
  EXPECT_EQ(e.line, 25);
  EXPECT_THAT(e.message, HasSubstr("given twice"));
}

TEST(CinCensus, TextWhereOnlyElementsBelongIsRefused) {
  const core::Error e =
      parse_error(replace(valid_census_xml(), "<Sex>M</Sex>", "<Sex>M</Sex>PersonBirthDate"));
  EXPECT_THAT(e.message, HasSubstr("\"PersonBirthDate\" where only elements belong"));
}

TEST(CinCensus, AFileOfAnotherReturnIsRefusedByItsRootElement) {
  const core::Error e = parse_error("<?xml version=\"1.0\"?>\n<EXPSSDA903><CHILD/></EXPSSDA903>\n");
  EXPECT_THAT(e.message, HasSubstr("not the CIN census"));
  EXPECT_EQ(e.line, 2);
}

TEST(CinCensus, EmptyNotUtf8AndNulAreRefused) {
  EXPECT_THAT(parse_error("").message, HasSubstr("empty"));
  EXPECT_THAT(parse_error("  \n ").message, HasSubstr("empty"));
  const core::Error latin1 = parse_error(replace(valid_census_xml(), "<SoftwareCode>Hearth",
                                                 "<SoftwareCode>H\xE9"
                                                 "arth"));
  EXPECT_THAT(latin1.message, HasSubstr("not UTF-8"));
  EXPECT_EQ(latin1.line, 12);
  EXPECT_THAT(parse_error(std::string("<Message>\0</Message>", 20)).message, HasSubstr("NUL"));
  const core::Error control =
      parse_error(replace(valid_census_xml(), "<SoftwareCode>Hearth", "<SoftwareCode>H\x11"));
  EXPECT_THAT(control.message, HasSubstr("control character 0x11"));
  EXPECT_EQ(control.line, 12);
}

TEST(CinCensus, AYearBeforeSexReplacedGenderIsRefused) {
  const core::Error e = parse_error(replace(
      replace(valid_census_xml(), "2026-03-31</ReferenceDate>", "2024-03-31</ReferenceDate>"),
      "<Year>2026", "<Year>2024"));
  EXPECT_THAT(e.message, HasSubstr("2023-24"));
  EXPECT_EQ(e.field, "ReferenceDate");
}

TEST(CinCensus, AFileOverTheLimitIsRefusedBeforeItIsRead) {
  const auto path = std::filesystem::temp_directory_path() / "hearth_cin_huge.xml";
  { std::ofstream out(path, std::ios::binary); }
  std::filesystem::resize_file(path, kMaxCinCensusBytes + 1);  // sparse: takes no disk
  auto result = read_cin_census_file(path, 2026);
  std::filesystem::remove(path);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("at most 256 MB"));
  EXPECT_EQ(result.error().file, "hearth_cin_huge.xml");
}

// ------------------------------------------------------------------------------- export

AuthorityRecords sample_records() {
  AuthorityRecords r;
  r.la_code = "202";
  domain::Child a;
  a.id = "A1";
  a.la_code = "202";
  a.sex = "F";
  a.date_of_birth = d("2014-02-03");
  a.ethnicity = "WBRI";
  a.upn = test::c1_upn();
  a.disabilities = {"NONE"};
  domain::Child unborn;
  unborn.id = "B1";
  unborn.la_code = "202";
  unborn.sex = "F";  // known now; on 31 March she was not yet born
  unborn.date_of_birth = d("2026-04-20");
  unborn.expected_date_of_birth = d("2026-04-25");
  unborn.ethnicity = "NOBT";
  unborn.upn_unknown = "UN1";
  domain::Child earlier;  // referred and closed in 2024-25 only
  earlier.id = "E1";
  earlier.la_code = "202";
  earlier.sex = "M";
  earlier.date_of_birth = d("2010-01-01");
  earlier.ethnicity = "WBRI";
  r.children = {a, unborn, earlier};

  domain::Referral open;
  open.id = "R1";
  open.la_code = "202";
  open.child_id = "A1";
  open.referral_date = d("2025-05-01");
  open.source = "2A";
  open.primary_need = "N1";
  open.closure_date = d("2026-05-01");  // closed after 31 March: written as open
  open.reason_for_closure = "RC7";
  domain::Referral unborn_referral;
  unborn_referral.id = "R2";
  unborn_referral.la_code = "202";
  unborn_referral.child_id = "B1";
  unborn_referral.referral_date = d("2026-03-01");
  unborn_referral.source = "3B";
  unborn_referral.no_further_action = true;
  domain::Referral old;
  old.id = "R3";
  old.la_code = "202";
  old.child_id = "E1";
  old.referral_date = d("2024-06-01");
  old.closure_date = d("2025-02-01");
  old.reason_for_closure = "RC7";
  old.source = "6";
  r.referrals = {open, unborn_referral, old};

  domain::Assessment done;
  done.id = "AS1";
  done.la_code = "202";
  done.child_id = "A1";
  done.referral_id = "R1";
  done.start_date = d("2025-05-02");
  done.authorisation_date = d("2025-05-20");
  done.factors = {"3A", "16A"};
  domain::Assessment after;  // authorised after 31 March: open, and its factors not yet known
  after.id = "AS2";
  after.la_code = "202";
  after.child_id = "A1";
  after.referral_id = "R1";
  after.start_date = d("2026-03-20");
  after.authorisation_date = d("2026-04-10");
  after.factors = {"1B"};
  domain::Assessment later;  // started after 31 March: not in the census
  later.id = "AS3";
  later.la_code = "202";
  later.child_id = "A1";
  later.referral_id = "R1";
  later.start_date = d("2026-04-02");
  r.assessments = {done, after, later};

  domain::Section47Enquiry enquiry;
  enquiry.id = "S1";
  enquiry.la_code = "202";
  enquiry.child_id = "A1";
  enquiry.referral_id = "R1";
  enquiry.start_date = d("2025-05-21");
  enquiry.icpc_target_date = d("2025-06-11");
  enquiry.icpc_date = d("2025-06-10");
  r.section47_enquiries = {enquiry};
  domain::ProtectionPlan plan;
  plan.id = "P1";
  plan.la_code = "202";
  plan.child_id = "A1";
  plan.referral_id = "R1";
  plan.start_date = d("2025-06-10");
  plan.initial_category = "NEG";
  plan.latest_category = "EMO";
  plan.previous_plans = 1;
  plan.review_dates = {d("2024-12-01"), d("2025-09-01"), d("2026-04-05")};
  r.protection_plans = {plan};
  return r;
}

// The children an export audits before it makes the census are the ones the census names:
// E1, whose only referral closed before the year, is in neither.
TEST(CinCensusExport, NamesTheChildrenItWillHoldBeforeItIsMade) {
  const AuthorityRecords records = sample_records();
  const CinCensus census =
      export_cin_census(records, 2026, core::Timestamp::from_date(d("2026-05-01"), 9));
  std::set<std::string> named;
  for (const auto& row : census.table(M::kChildIdentifiers).rows) named.insert(row.front());
  EXPECT_EQ(cin_census_children(records, 2026), named);
  EXPECT_EQ(named.size(), 2u);
  EXPECT_FALSE(cin_census_children(records, 2026).contains("E1"));
  // Another year, other children: 2024-25's census.
  const CinCensus earlier =
      export_cin_census(records, 2025, core::Timestamp::from_date(d("2025-05-01"), 9));
  std::set<std::string> named_earlier;
  for (const auto& row : earlier.table(M::kChildIdentifiers).rows)
    named_earlier.insert(row.front());
  EXPECT_EQ(cin_census_children(records, 2025), named_earlier);
}

TEST(CinCensusExport, WritesTheYearAsItStoodOn31March) {
  const CinCensus census =
      export_cin_census(sample_records(), 2026, core::Timestamp::from_date(d("2026-05-01"), 9));
  const std::string xml = write_cin_census(census);
  EXPECT_EQ(hearth::test::schema_errors(kSchema, xml), "") << xml;
  // Two children: E1's referral closed before the year.
  const CsvTable& ids = census.table(M::kChildIdentifiers);
  ASSERT_EQ(ids.rows.size(), 2u);
  EXPECT_EQ(ids.rows[1][*ids.column("LAchildID")], "B1");
  EXPECT_EQ(ids.rows[1][*ids.column("PersonBirthDate")], "");  // born after 31 March
  EXPECT_EQ(ids.rows[1][*ids.column("ExpectedPersonBirthDate")], "2026-04-25");
  EXPECT_EQ(ids.rows[1][*ids.column("Sex")], "U");
  // R1 closed after 31 March: open in the census.
  EXPECT_THAT(xml, Not(HasSubstr("<CINclosureDate>")));
  // AS2 authorised after 31 March: open, without factors; AS3 started after: left out.
  const CsvTable& assessments = census.table(M::kAssessments);
  ASSERT_EQ(assessments.rows.size(), 2u);
  EXPECT_EQ(assessments.rows[1][*assessments.column("AssessmentAuthorisationDate")], "");
  EXPECT_EQ(census.table(M::kAssessmentFactors).rows.size(), 2u);
  // Reviews of the year only.
  const CsvTable& reviews = census.table(M::kReviews);
  ASSERT_EQ(reviews.rows.size(), 1u);
  EXPECT_EQ(reviews.rows[0][*reviews.column("CPPreviewDate")], "2025-09-01");
  EXPECT_THAT(xml, HasSubstr("<DateTime>2026-05-01T09:00:00</DateTime>"));
  EXPECT_THAT(xml, HasSubstr("<LEA>202</LEA>"));
  // Made from records, the census has no lines: the report leaves the line empty.
  const std::string report = report_csv(validate_cin_census(census));
  EXPECT_THAT(report, HasSubstr(",cin_census.xml,,")) << report;
}

TEST(CinCensusExport, ImportThenExportGivesTheSameCensus) {
  const core::Timestamp at = core::Timestamp::from_date(d("2026-05-01"), 9);
  const CinCensus census = export_cin_census(sample_records(), 2026, at);
  const std::string xml = write_cin_census(census);
  auto read = parse_cin_census(xml, "cin_census.xml", 2026);
  ASSERT_TRUE(read.ok()) << read.error().message;
  auto records = records_from_cin_census(*read, "202");
  ASSERT_TRUE(records.ok()) << records.error().message;
  AuthorityRecords back;
  back.la_code = "202";
  for (const auto& imported : *records) {
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, domain::Child>) back.children.push_back(value);
          if constexpr (std::is_same_v<T, domain::Referral>) back.referrals.push_back(value);
          if constexpr (std::is_same_v<T, domain::Assessment>) back.assessments.push_back(value);
          if constexpr (std::is_same_v<T, domain::Section47Enquiry>) {
            back.section47_enquiries.push_back(value);
          }
          if constexpr (std::is_same_v<T, domain::ProtectionPlan>) {
            back.protection_plans.push_back(value);
          }
        },
        imported.record);
  }
  EXPECT_EQ(write_cin_census(export_cin_census(back, 2026, at)), xml);
}

TEST(CinCensusImport, EachRecordKeepsItsFileAndLineAndANaturalKey) {
  auto records = records_from_cin_census(valid_census(), "202");
  ASSERT_TRUE(records.ok()) << records.error().message;
  // 3 children, 3 referrals, 2 assessments, 1 CIN plan, 1 enquiry, 1 plan.
  EXPECT_EQ(records->size(), 11u);
  bool found = false;
  for (const auto& r : *records) {
    if (const auto* referral = std::get_if<domain::Referral>(&r.record)) {
      if (referral->child_id != "C2") continue;
      found = true;
      EXPECT_EQ(referral->id, "REF-C2-2025-04-10");
      EXPECT_EQ(r.file, "cin.xml");
      EXPECT_EQ(r.line, 82);
      EXPECT_EQ(referral->closure_date, d("2026-01-20"));
      EXPECT_FALSE(referral->no_further_action);
    }
    if (const auto* child = std::get_if<domain::Child>(&r.record); child && child->id == "C1") {
      EXPECT_EQ(child->disabilities.size(), 8u);
      EXPECT_EQ(child->sex, "M");
    }
  }
  EXPECT_TRUE(found);
}

// Dates in three forms: the schema's YYYY-MM-DD is read; dd/mm/YYYY and a date without its
// leading zeros are not the census's form and are refused, naming the line and item.
TEST(CinCensusImport, DatesInTheSchemasFormOnly) {
  for (std::string_view date : {"10/04/2025", "2025-4-10"}) {
    CinCensus census = valid_census();
    test::cell(census, M::kCinDetails, 1, "CINreferralDate") = std::string(date);
    auto records = records_from_cin_census(census, "202");
    ASSERT_FALSE(records.ok()) << date;
    EXPECT_EQ(records.error().field, "CINreferralDate");
    EXPECT_EQ(records.error().line, 82);
    EXPECT_THAT(records.error().message, HasSubstr("YYYY-MM-DD"));
  }
}

TEST(CinCensusImport, ABadDateOrFlagIsRefusedNamingTheLineAndItem) {
  CinCensus census = valid_census();
  test::cell(census, M::kCinPlanDates, 0, "CINPlanStartDate") = "02/05/2025";
  auto bad_date = records_from_cin_census(census, "202");
  ASSERT_FALSE(bad_date.ok());
  EXPECT_EQ(bad_date.error().field, "CINPlanStartDate");
  EXPECT_EQ(bad_date.error().line, 95);
  EXPECT_THAT(bad_date.error().message, HasSubstr("YYYY-MM-DD"));

  CinCensus flag = valid_census();
  test::cell(flag, M::kSection47, 0, "ICPCnotRequired") = "maybe";
  auto bad_flag = records_from_cin_census(flag, "202");
  ASSERT_FALSE(bad_flag.ok());
  EXPECT_EQ(bad_flag.error().field, "ICPCnotRequired");

  CinCensus blank = valid_census();
  test::cell(blank, M::kCinDetails, 1, "ReferralNFA") = "";
  auto missing = records_from_cin_census(blank, "202");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "ReferralNFA");
  EXPECT_THAT(missing.error().message, HasSubstr("is missing"));

  CinCensus twice = valid_census();
  test::rename_child(twice, "C2", "C1");
  auto duplicate = records_from_cin_census(twice, "202");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_THAT(duplicate.error().message, HasSubstr("second <Child>"));
}

}  // namespace
}  // namespace hearth::returns
