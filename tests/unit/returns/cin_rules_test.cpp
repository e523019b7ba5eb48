// Each CIN census rule against a census that passes every rule (cin_fixture.hpp), and against
// the same census with one change made from the rule's own wording, which must fail that rule
// and only it, or it and the few others that the same change must also fail (named with the
// case, so that a rule cannot pass its test by accident of another).
#include "hearth/returns/cin_rules.hpp"

#include <functional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cin_fixture.hpp"

namespace hearth::returns {
namespace {

using ::testing::HasSubstr;
using M = CinModule;
using test::add_row;
using test::cell;
using test::remove_rows;
using test::rename_child;
using test::valid_census;

std::set<std::string> failing_rules(const CinCensus& census) {
  std::set<std::string> out;
  for (const auto& failure : validate_cin_census(census).failures) {
    out.insert(std::string(failure.rule));
  }
  return out;
}

TEST(CinRules, TheValidCensusPassesEveryRule) {
  const ValidationReport report = validate_cin_census(valid_census());
  EXPECT_TRUE(report.failures.empty()) << report_text(report);
  EXPECT_EQ(report.rules_run.size(), cin_rules_for(2026).size());
  EXPECT_GE(report.rules_run.size(), 110u);
}

struct Case {
  std::string rule;
  std::function<void(CinCensus&)> change;
  std::set<std::string> also = {};  // other rules the same change fails, by their wording
};

class EachCinRule : public ::testing::TestWithParam<Case> {};

TEST_P(EachCinRule, FailsOnTheChangeItsWordingDescribes) {
  const Case& c = GetParam();
  CinCensus census = valid_census();
  c.change(census);
  std::set<std::string> expected = c.also;
  expected.insert(c.rule);
  EXPECT_EQ(failing_rules(census), expected);
}

// A second assessment (A3) in C1's referral, with the dates and factors given.
void add_assessment(CinCensus& c, std::string start, std::string authorised,
                    std::vector<std::string> factors) {
  add_row(c, M::kAssessments,
          {{"LAchildID", "C1"},
           {"CINdetailsID", "1"},
           {"AssessmentID", "3"},
           {"AssessmentActualStartDate", std::move(start)},
           {"AssessmentAuthorisationDate", std::move(authorised)}});
  for (auto& f : factors) {
    add_row(c, M::kAssessmentFactors,
            {{"LAchildID", "C1"},
             {"CINdetailsID", "1"},
             {"AssessmentID", "3"},
             {"AssessmentFactors", std::move(f)}});
  }
}

void add_cin_plan(CinCensus& c, std::string child, std::string details, std::string start,
                  std::string end) {
  add_row(c, M::kCinPlanDates,
          {{"LAchildID", std::move(child)},
           {"CINdetailsID", std::move(details)},
           {"CINPlanStartDate", std::move(start)},
           {"CINPlanEndDate", std::move(end)}});
}

void add_s47(CinCensus& c, std::string child, std::string details, std::string start,
             std::string icpc, std::string not_required) {
  add_row(c, M::kSection47,
          {{"LAchildID", std::move(child)},
           {"CINdetailsID", std::move(details)},
           {"S47ActualStartDate", std::move(start)},
           {"DateOfInitialCPC", std::move(icpc)},
           {"ICPCnotRequired", std::move(not_required)}});
}

void add_plan(CinCensus& c, std::string child, std::string details, std::string id,
              std::string start, std::string end) {
  add_row(c, M::kChildProtectionPlans,
          {{"LAchildID", std::move(child)},
           {"CINdetailsID", std::move(details)},
           {"CPPID", std::move(id)},
           {"CPPstartDate", std::move(start)},
           {"CPPendDate", std::move(end)},
           {"InitialCategoryOfAbuse", "EMO"},
           {"LatestCategoryOfAbuse", "EMO"},
           {"NumberOfPreviousCPP", "0"}});
}

// Another CINdetails of C1, closed.
void add_referral(CinCensus& c, std::string id, std::string referred, std::string closed,
                  std::string nfa) {
  add_row(c, M::kCinDetails,
          {{"LAchildID", "C1"},
           {"CINdetailsID", std::move(id)},
           {"CINreferralDate", std::move(referred)},
           {"ReferralSource", "1A"},
           {"PrimaryNeedCode", "N1"},
           {"CINclosureDate", closed},
           {"ReasonForClosure", closed.empty() ? "" : "RC7"},
           {"ReferralNFA", std::move(nfa)}});
}

std::string upn_with_check(const std::string& body) {
  return std::string(1, domain::Upn::check_letter(body)) + body;
}

// Every rule in the registry has a case here (checked below). Rows of the fixture: children
// C1, C2, C3 are rows 0-2 of ChildIdentifiers; their CINdetails (ids 1-3) rows 0-2; C1's
// assessment A1 and C2's A2 rows 0-1; C1's section 47 and protection plan row 0; C2's CIN plan
// row 0.
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      // Header and child
      {"100", [](auto& c) { cell(c, M::kHeader, 0, "ReferenceDate") = "2026-03-30"; }},
      {"1510",
       [](auto& c) {
         auto& upn = cell(c, M::kChildIdentifiers, 0, "UPN");
         upn[0] = upn[0] == 'A' ? 'B' : 'A';
       }},
      {"1520",
       [](auto& c) {
         cell(c, M::kChildIdentifiers, 1, "UPN") = test::c1_upn();
         cell(c, M::kChildIdentifiers, 1, "UPNunknown") = "";
       }},
      {"1530",
       [](auto& c) { cell(c, M::kChildIdentifiers, 0, "UPN") = upn_with_check("999620115123"); }},
      {"1540", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "UPN") = "A20212345X789"; }},
      {"1550", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "UPN") = "A20262011512I"; }},
      {"1560Q", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "FormerUPN") = "12345"; }},
      {"1570", [](auto& c) { rename_child(c, "C3", "C34567890123456789012"); }},
      {"1580", [](auto& c) { rename_child(c, "C3", "C-3"); }},
      {"2886Q", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "Sex") = "U"; }},
      {"2887Q", [](auto& c) { cell(c, M::kDisabilities, 7, "Disability") = "MOB"; }, {"8794"}},
      {"2888Q",
       [](auto& c) {
         remove_rows(c, M::kDisabilities,
                     [](const auto& row) { return row[0] == "C1" && row[1] != "MOB"; });
       },
       {"2887Q"}},
      {"4180", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "Sex") = "1"; }},
      {"4220", [](auto& c) { cell(c, M::kChildCharacteristics, 0, "Ethnicity") = "wbri"; }},
      {"8500", [](auto& c) { rename_child(c, "C3", ""); }},
      {"8510",
       [](auto& c) {
         auto& t = c.table(M::kChildIdentifiers);
         t.rows.push_back(t.rows[1]);
         t.lines.push_back(t.lines.back() + 1);
       }},
      {"8520",
       [](auto& c) {
         cell(c, M::kChildIdentifiers, 2, "PersonBirthDate") = "2026-04-01";
         cell(c, M::kChildIdentifiers, 2, "ExpectedPersonBirthDate") = "";
         cell(c, M::kChildIdentifiers, 2, "Sex") = "F";
       }},
      {"8525Q",
       [](auto& c) { cell(c, M::kChildIdentifiers, 2, "PersonBirthDate") = "2026-01-01"; }},
      {"8530Q",
       [](auto& c) { cell(c, M::kChildIdentifiers, 2, "ExpectedPersonBirthDate") = "2026-03-01"; }},
      {"8535Q",
       [](auto& c) {
         cell(c, M::kChildIdentifiers, 0, "PersonDeathDate") = "2025-12-01";
         cell(c, M::kChildIdentifiers, 0, "PersonBirthDate") = "2025-12-10";
       }},
      {"8545Q",
       [](auto& c) { cell(c, M::kChildIdentifiers, 1, "PersonDeathDate") = "2026-04-15"; }},
      {"8590",
       [](auto& c) {
         add_row(c, M::kChildIdentifiers,
                 {{"LAchildID", "C4"}, {"PersonBirthDate", "2020-01-01"}, {"Sex", "M"}});
       }},
      {"8750", [](auto& c) { cell(c, M::kChildIdentifiers, 2, "Sex") = "F"; }},
      {"8770Q",
       [](auto& c) {
         cell(c, M::kChildIdentifiers, 0, "UPN") = "";
         cell(c, M::kChildIdentifiers, 0, "UPNunknown") = "UN1";
       }},
      {"8772", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "UPNunknown") = "UN7"; }},
      {"8775Q",
       [](auto& c) {
         cell(c, M::kChildIdentifiers, 1, "PersonBirthDate") = "2000-01-01";
         cell(c, M::kChildIdentifiers, 1, "UPNunknown") = "UN3";
       }},
      {"8540", [](auto& c) { cell(c, M::kDisabilities, 7, "Disability") = "SIGHT"; }},
      {"8790",
       [](auto& c) {
         add_row(c, M::kDisabilities, {{"LAchildID", "C1"}, {"Disability", "NONE"}});
       }},
      {"8794",
       [](auto& c) {
         add_row(c, M::kDisabilities, {{"LAchildID", "C1"}, {"Disability", "MOB"}});
       }},
      // CINdetails
      {"2990", [](auto& c) { cell(c, M::kCinDetails, 1, "ReasonForClosure") = "RC9"; }},
      {"2991Q",
       [](auto& c) {
         remove_rows(c, M::kAssessments, [](const auto& row) { return row[2] == "1"; });
         remove_rows(c, M::kAssessmentFactors, [](const auto& row) { return row[2] == "1"; });
       }},
      {"8555Q",
       [](auto& c) { cell(c, M::kChildIdentifiers, 2, "PersonDeathDate") = "2026-01-15"; }},
      {"8565", [](auto& c) { cell(c, M::kCinPlanDates, 0, "CINPlanEndDate") = "2026-01-25"; }},
      {"8568", [](auto& c) { cell(c, M::kCinDetails, 0, "ReferralNFA") = "no"; }},
      {"8569Q", [](auto& c) { add_referral(c, "4", "2025-03-20", "2025-04-02", "true"); }},
      {"8585Q", [](auto& c) { cell(c, M::kCinDetails, 1, "ReasonForClosure") = "RC2"; }},
      {"8600", [](auto& c) { cell(c, M::kCinDetails, 2, "CINreferralDate") = ""; }},
      {"8606",
       [](auto& c) { cell(c, M::kChildIdentifiers, 2, "ExpectedPersonBirthDate") = "2026-12-20"; }},
      {"8610", [](auto& c) { cell(c, M::kCinDetails, 1, "PrimaryNeedCode") = ""; }},
      {"8620", [](auto& c) { cell(c, M::kCinDetails, 1, "CINclosureDate") = "2026-04-05"; }},
      {"8630", [](auto& c) { cell(c, M::kCinDetails, 2, "CINclosureDate") = "2026-01-15"; }},
      {"8640", [](auto& c) { cell(c, M::kCinDetails, 1, "ReasonForClosure") = "RC0"; }},
      {"8650", [](auto& c) { cell(c, M::kCinDetails, 0, "PrimaryNeedCode") = "N10"; }},
      {"8805", [](auto& c) { cell(c, M::kCinDetails, 1, "ReasonForClosure") = ""; }},
      {"8810", [](auto& c) { cell(c, M::kCinDetails, 1, "CINclosureDate") = ""; }},
      {"8815", [](auto& c) { add_referral(c, "4", "2025-05-01", "", "false"); }, {"8816", "8820"}},
      {"8816",
       [](auto& c) {
         add_row(c, M::kCinDetails,
                 {{"LAchildID", "C2"},
                  {"CINdetailsID", "4"},
                  {"CINreferralDate", "2025-03-01"},
                  {"ReferralSource", "1A"},
                  {"PrimaryNeedCode", "N1"},
                  {"ReferralNFA", "false"}});
       },
       {"8820"}},
      {"8820", [](auto& c) { add_referral(c, "4", "2025-05-01", "2025-06-10", "false"); }},
      {"8825Q", [](auto& c) { cell(c, M::kCinDetails, 2, "ReasonForClosure") = "RC8"; }},
      {"8831",
       [](auto& c) {
         cell(c, M::kCinDetails, 2, "CINclosureDate") = "";
         cell(c, M::kCinDetails, 2, "ReasonForClosure") = "";
         cell(c, M::kCinDetails, 2, "DateOfInitialCPC") = "2026-02-10";
       }},
      {"8866", [](auto& c) { cell(c, M::kCinDetails, 0, "ReferralSource") = "11"; }},
      {"8867",
       [](auto& c) { cell(c, M::kAssessments, 1, "AssessmentAuthorisationDate") = ""; },
       {"8614", "8670Q"}},
      {"8868", [](auto& c) { add_s47(c, "C2", "2", "2025-05-10", "", ""); }},
      // Assessments
      {"1103",
       [](auto& c) { cell(c, M::kAssessments, 0, "AssessmentActualStartDate") = "2025-06-01"; }},
      {"8608",
       [](auto& c) { cell(c, M::kAssessments, 0, "AssessmentActualStartDate") = "2025-06-21"; }},
      {"8614", [](auto& c) { add_assessment(c, "2026-03-20", "", {"1A"}); }},
      {"8617",
       [](auto& c) { cell(c, M::kAssessmentFactors, 1, "AssessmentFactors") = "8A"; },
       {"8897Q"}},
      {"8670Q", [](auto& c) { add_assessment(c, "2025-09-01", "", {}); }},
      {"8696",
       [](auto& c) { cell(c, M::kAssessments, 0, "AssessmentAuthorisationDate") = "2026-04-02"; }},
      {"8736", [](auto& c) { add_assessment(c, "", "", {}); }},
      {"8863Q", [](auto& c) { add_assessment(c, "2025-06-10", "2025-06-30", {"5A"}); }},
      {"8869",
       [](auto& c) {
         add_assessment(c, "2025-07-01", "2025-07-10", {"21", "1A", "5A"});
       }},
      {"8873Q", [](auto& c) { cell(c, M::kAssessmentFactors, 2, "AssessmentFactors") = "21"; }},
      {"8896",
       [](auto& c) {
         add_assessment(c, "2026-03-10", "", {});
         add_row(c, M::kAssessments,
                 {{"LAchildID", "C1"},
                  {"CINdetailsID", "1"},
                  {"AssessmentID", "4"},
                  {"AssessmentActualStartDate", "2026-03-20"}});
       },
       {"8863Q"}},
      {"8897Q",
       [](auto& c) {
         remove_rows(c, M::kAssessmentFactors, [](const auto& row) { return row[2] == "2"; });
       }},
      {"8898",
       [](auto& c) {
         add_row(c, M::kAssessmentFactors,
                 {{"LAchildID", "C2"},
                  {"CINdetailsID", "2"},
                  {"AssessmentID", "2"},
                  {"AssessmentFactors", "3A"}});
       }},
      {"8899Q", [](auto& c) { cell(c, M::kAssessmentFactors, 0, "AssessmentFactors") = "4A"; }},
      {"8945Q",
       [](auto& c) {
         add_row(c, M::kAssessmentFactors,
                 {{"LAchildID", "C1"},
                  {"CINdetailsID", "1"},
                  {"AssessmentID", "1"},
                  {"AssessmentFactors", "18A"}});
       }},
      {"8950Q",
       [](auto& c) {
         add_row(c, M::kAssessmentFactors,
                 {{"LAchildID", "C1"},
                  {"CINdetailsID", "1"},
                  {"AssessmentID", "1"},
                  {"AssessmentFactors", "19A"}});
       }},
      // CIN plans
      {"4000", [](auto& c) { add_cin_plan(c, "C3", "3", "2026-02-01", ""); }},
      {"4001", [](auto& c) { add_cin_plan(c, "C1", "1", "2025-06-21", ""); }, {"4017", "4003"}},
      {"4003", [](auto& c) { add_cin_plan(c, "C1", "1", "2025-09-01", "2025-09-30"); }, {"4016"}},
      {"4004",
       [](auto& c) {
         cell(c, M::kCinPlanDates, 0, "CINPlanEndDate") = "";
         cell(c, M::kCinDetails, 1, "CINclosureDate") = "";
         cell(c, M::kCinDetails, 1, "ReasonForClosure") = "";
         add_cin_plan(c, "C2", "2", "2025-08-01", "");
       },
       {"4014"}},
      {"4008",
       [](auto& c) { cell(c, M::kChildIdentifiers, 1, "PersonDeathDate") = "2025-05-01"; },
       {"4009Q"}},
      {"4009Q",
       [](auto& c) { cell(c, M::kChildIdentifiers, 1, "PersonDeathDate") = "2026-01-10"; }},
      {"4010", [](auto& c) { cell(c, M::kCinPlanDates, 0, "CINPlanStartDate") = ""; }},
      {"4011", [](auto& c) { cell(c, M::kCinPlanDates, 0, "CINPlanEndDate") = "2025-05-01"; }},
      {"4012Q", [](auto& c) { cell(c, M::kCinPlanDates, 0, "CINPlanEndDate") = "2025-05-02"; }},
      {"4013",
       [](auto& c) {
         cell(c, M::kCinPlanDates, 0, "CINPlanEndDate") = "2026-04-10";
         cell(c, M::kCinDetails, 1, "CINclosureDate") = "";
         cell(c, M::kCinDetails, 1, "ReasonForClosure") = "";
       }},
      {"4014", [](auto& c) { add_cin_plan(c, "C2", "2", "2025-06-01", "2025-07-01"); }},
      {"4015", [](auto& c) { cell(c, M::kCinPlanDates, 0, "CINPlanStartDate") = "2025-04-05"; }},
      {"4016", [](auto& c) { add_cin_plan(c, "C1", "1", "2025-07-01", "2025-08-01"); }},
      {"4017", [](auto& c) { add_cin_plan(c, "C1", "1", "2025-06-21", "2025-06-30"); }},
      // Section 47 enquiries
      {"1104",
       [](auto& c) { cell(c, M::kSection47, 0, "DateOfInitialCPC") = "2025-05-30"; },
       {"8615", "2885"}},
      {"2884", [](auto& c) { cell(c, M::kCinDetails, 0, "DateOfInitialCPC") = "2025-06-24"; }},
      {"2889", [](auto& c) { cell(c, M::kSection47, 0, "S47ActualStartDate") = "2025-06-01"; }},
      {"8615", [](auto& c) { cell(c, M::kSection47, 0, "S47ActualStartDate") = "2025-06-25"; }},
      {"8675Q", [](auto& c) { add_s47(c, "C1", "1", "2025-07-01", "", "false"); }},
      {"8715", [](auto& c) { add_s47(c, "C1", "1", "2025-07-01", "2026-04-07", "false"); }},
      {"8740", [](auto& c) { add_s47(c, "C1", "1", "2026-04-02", "", "false"); }},
      {"8839",
       [](auto& c) {
         add_s47(c, "C1", "1", "2026-03-25", "", "false");
         add_s47(c, "C1", "1", "2026-03-27", "", "false");
       },
       {"8890"}},
      {"8870Q", [](auto& c) { cell(c, M::kSection47, 0, "InitialCPCtarget") = "2025-06-28"; }},
      {"8875",
       [](auto& c) {
         cell(c, M::kSection47, 0, "DateOfInitialCPC") = "2025-06-28";
         cell(c, M::kChildProtectionPlans, 0, "CPPstartDate") = "2025-06-28";
       }},
      {"8890", [](auto& c) { add_s47(c, "C1", "1", "2025-06-10", "2025-06-24", "false"); }},
      // Child protection plans and reviews
      {"1105",
       [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "CPPstartDate") = "2025-06-01"; },
       {"2885"}},
      {"2883", [](auto& c) { add_plan(c, "C2", "2", "2", "2025-04-12", "2025-04-30"); }, {"2885"}},
      {"2885",
       [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "CPPstartDate") = "2025-06-25"; }},
      {"8720", [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "CPPstartDate") = ""; }},
      {"8730", [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "NumberOfPreviousCPP") = ""; }},
      {"8832", [](auto& c) { add_plan(c, "C3", "3", "2", "2026-02-01", ""); }, {"2883", "2885"}},
      {"8840", [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "CPPendDate") = "2025-06-24"; }},
      {"8841", [](auto& c) { cell(c, M::kReviews, 0, "CPPreviewDate") = "2025-06-24"; }},
      {"8842Q", [](auto& c) { cell(c, M::kReviews, 0, "CPPreviewDate") = ""; }},
      {"8905",
       [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "InitialCategoryOfAbuse") = "NEGL"; }},
      {"8910", [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "LatestCategoryOfAbuse") = ""; }},
      {"8915", [](auto& c) { cell(c, M::kChildIdentifiers, 0, "PersonDeathDate") = "2025-06-20"; }},
      {"8920",
       [](auto& c) {
         cell(c, M::kChildProtectionPlans, 0, "CPPendDate") = "2025-10-01";
         cell(c, M::kChildIdentifiers, 0, "PersonDeathDate") = "2025-09-20";
       }},
      {"8925", [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "CPPendDate") = "2025-06-20"; }},
      {"8930", [](auto& c) { cell(c, M::kChildProtectionPlans, 0, "CPPendDate") = "2026-04-10"; }},
      {"8935",
       [](auto& c) { add_plan(c, "C1", "1", "2", "2025-10-01", ""); },
       {"8940", "2883", "2885"}},
      {"8940",
       [](auto& c) {
         cell(c, M::kChildProtectionPlans, 0, "CPPendDate") = "2025-09-30";
         add_plan(c, "C1", "1", "2", "2025-09-30", "");
       },
       {"2883", "2885"}},
  };
  return kCases;
}

INSTANTIATE_TEST_SUITE_P(Cin, EachCinRule, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return "Rule" + info.param.rule + "Case" + std::to_string(info.index);
                         });

TEST(CinRules, EveryRuleInTheRegistryHasAFailingCase) {
  std::set<std::string> tested;
  for (const auto& c : cases()) tested.insert(c.rule);
  for (const auto& rule : cin_rules()) {
    EXPECT_TRUE(tested.contains(std::string(rule.code))) << "rule " << rule.code << " has no case";
    EXPECT_FALSE(rule.message.empty()) << rule.code;
    EXPECT_FALSE(rule.fields.empty()) << rule.code;
  }
}

// Two children without an LAchildID are still two children (their <Child> elements): one's
// disability does not repeat the other's (8794), nor do their referrals, plans and reviews
// meet; only the rules about the id fail.
TEST(CinRules, ChildrenWithoutAnIdAreNotOneChild) {
  CinCensus census = valid_census();
  add_row(census, M::kDisabilities, {{"LAchildID", "C2"}, {"Disability", "MOB"}});  // as C1's
  add_referral(census, "4", "2025-05-01", "", "false");                             // C1's, open
  const std::set<std::string> with_ids = failing_rules(census);
  rename_child(census, "C1", "");
  rename_child(census, "C2", "");
  std::set<std::string> added;
  for (const auto& rule : failing_rules(census)) {
    if (!with_ids.contains(rule)) added.insert(rule);
  }
  EXPECT_TRUE(added.contains("8500"));
  added.erase("8500");  // LAchildID missing
  added.erase("8510");  // two children with one LAchildID (none)
  EXPECT_EQ(added, std::set<std::string>{});
}

// Every case's change made to one census (a change that no longer fits the census the others
// made is left out), so that most rules fail at once: the report must be the same, failure for
// failure and in the same order, whatever the number of threads.
TEST(CinRules, TheReportIsTheSameWhateverTheThreads) {
  CinCensus census = valid_census();
  for (const auto& c : cases()) {
    CinCensus changed = census;
    try {
      c.change(changed);
    } catch (const std::exception&) {
      continue;
    }
    census = std::move(changed);
  }
  auto shown = [&](size_t threads) {
    std::vector<std::string> lines;
    for (const auto& x : validate_cin_census(census, threads).failures) {
      lines.push_back(fmt::format("{} {} {}:{} {} {}", x.rule, x.table, x.file, x.line, x.child,
                                  fmt::join(x.fields, "+")));
    }
    return lines;
  };
  const std::vector<std::string> alone = shown(1);
  std::set<std::string> rules;
  for (const auto& x : validate_cin_census(census, 1).failures) rules.insert(std::string(x.rule));
  EXPECT_GT(rules.size(), 50u) << "many rules fail";
  EXPECT_EQ(shown(2), alone);
  EXPECT_EQ(shown(7), alone);
}

TEST(CinRules, AFailureNamesTheRuleTheFileLineChildAndFields) {
  CinCensus census = valid_census();
  cell(census, M::kCinDetails, 0, "ReferralSource") = "11";
  const ValidationReport report = validate_cin_census(census);
  ASSERT_EQ(report.failures.size(), 1u);
  const RuleFailure& failure = report.failures[0];
  EXPECT_EQ(failure.rule, "8866");
  EXPECT_EQ(failure.table, "CINdetails");
  EXPECT_EQ(failure.file, "cin.xml");
  EXPECT_EQ(failure.line, 39);  // the line of C1's <CINdetails>
  EXPECT_EQ(failure.child, "C1");
  EXPECT_EQ(failure.fields, (std::vector<std::string_view>{"CINreferralDate", "ReferralSource"}));
  EXPECT_THAT(report_csv(report),
              HasSubstr("8866,Source of Referral is missing or an invalid code,CINdetails,cin.xml,"
                        "39,C1,CINreferralDate;ReferralSource"));
  EXPECT_THAT(report_text(report), HasSubstr("CIN census 2025-26"));
}

TEST(CinRules, AQueryOnTheWholeReturnIsReportedAtTheHeader) {
  CinCensus census = valid_census();
  cell(census, M::kChildIdentifiers, 0, "Sex") = "U";
  const ValidationReport report = validate_cin_census(census);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].rule, "2886Q");
  EXPECT_EQ(report.failures[0].line, 3);
  EXPECT_EQ(report.failures[0].child, "");
}

TEST(CinRules, FortyFiveWorkingDaysCountBackFromTheReferenceDate) {
  // 31 March 2026 is a Tuesday, the 45th working day counting back from it (over no bank
  // holiday: Easter 2026 is in April) is 28 January: an open assessment started that day is
  // within 45 working days, one started the day before is not.
  CinCensus census = valid_census();
  add_assessment(census, "2026-01-28", "", {});
  EXPECT_EQ(failing_rules(census), (std::set<std::string>{}));
  cell(census, M::kAssessments, 2, "AssessmentActualStartDate") = "2026-01-27";
  EXPECT_EQ(failing_rules(census), (std::set<std::string>{"8670Q"}));
}

}  // namespace
}  // namespace hearth::returns
