#include "hearth/domain/codes.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "hearth/domain/code_set.hpp"

namespace hearth::domain {
namespace {

bool contains_text(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::set<std::string> codes_of(const CodeSet& set) {
  std::set<std::string> codes;
  for (const CodeEntry& entry : set.entries()) codes.emplace(entry.code);
  return codes;
}

TEST(CodeSets, AreAllListedAndNonEmpty) {
  const auto sets = codes::all();
  EXPECT_EQ(sets.size(), 37u);
  for (const CodeSet* set : sets) {
    ASSERT_NE(set, nullptr);
    EXPECT_FALSE(set->entries().empty()) << set->name();
    EXPECT_FALSE(set->name().empty());
    EXPECT_FALSE(set->field().empty()) << set->name();
    EXPECT_FALSE(set->source().empty()) << set->name();
  }
}

TEST(CodeSets, HaveUniqueNames) {
  std::set<std::string_view> names;
  for (const CodeSet* set : codes::all()) {
    EXPECT_TRUE(names.insert(set->name()).second) << set->name();
  }
}

TEST(CodeSets, HaveUniqueCodesWithLabelsAndSensibleYears) {
  for (const CodeSet* set : codes::all()) {
    std::set<std::string_view> seen;
    for (const CodeEntry& entry : set->entries()) {
      EXPECT_TRUE(seen.insert(entry.code).second) << set->name() << " repeats " << entry.code;
      EXPECT_FALSE(entry.code.empty()) << set->name();
      EXPECT_FALSE(entry.label.empty()) << set->name() << " " << entry.code;
      for (char c : entry.code) {
        EXPECT_FALSE(c == ' ' || c == '\t') << set->name() << " '" << entry.code << "'";
      }
      if (entry.first_year != 0 && entry.last_year != 0) {
        EXPECT_LE(entry.first_year, entry.last_year) << set->name() << " " << entry.code;
      }
    }
  }
}

TEST(CodeSets, AreEachReturnedOnceFromTheirFunction) {
  EXPECT_EQ(&codes::placement_type(), &codes::placement_type());
  const auto sets = codes::all();
  EXPECT_NE(std::find(sets.begin(), sets.end(), &codes::referral_source()), sets.end());
  EXPECT_NE(std::find(sets.begin(), sets.end(), &codes::section47_outcome()), sets.end());
}

TEST(CodeSets, CiteTheirSources) {
  EXPECT_TRUE(contains_text(std::string(codes::referral_source().source()), "CIN census"));
  EXPECT_TRUE(contains_text(std::string(codes::placement_type().source()), "REFERENCE.md"));
  EXPECT_TRUE(contains_text(std::string(codes::relationship().source()), "Hearth"));
}

TEST(CodeSet, FindsCodesAndTheirLabels) {
  const CodeSet& source = codes::referral_source();
  EXPECT_TRUE(source.contains("1A"));
  EXPECT_TRUE(source.contains("10"));
  EXPECT_FALSE(source.contains("11"));
  EXPECT_EQ(source.label("6"), "Police");
  EXPECT_EQ(source.label("ZZ"), std::nullopt);
  ASSERT_NE(source.find("3E"), nullptr);
  EXPECT_EQ(source.find("3E")->code, "3E");
}

TEST(CodeSet, IsCaseSensitive) {
  EXPECT_TRUE(codes::care_leaver_accommodation().contains("B1"));
  EXPECT_FALSE(codes::care_leaver_accommodation().contains("b1"));
  auto status = codes::care_leaver_accommodation().check("b1", 2026);
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(contains_text(status.error().message, "did you mean 'B1'")) << status.error().message;
}

TEST(CodeSet, UnknownCodeErrorNamesTheCodeTheSetAndTheField) {
  auto status = codes::referral_source().check("ZZ", 2026);
  ASSERT_FALSE(status.ok());
  const core::Error& error = status.error();
  EXPECT_EQ(error.code, core::ErrorCode::kInvalid);
  EXPECT_EQ(error.field, "ReferralSource");
  EXPECT_TRUE(contains_text(error.message, "'ZZ' is not a ReferralSource code (valid: 1A, 1B"))
      << error.message;
  EXPECT_EQ(error.describe().rfind("ReferralSource: 'ZZ'", 0), 0u) << error.describe();
}

TEST(CodeSet, ShortensLongListsOfValidCodes) {
  auto status = codes::assessment_factor().check("99Z", 2026);
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(contains_text(status.error().message, "codes in all")) << status.error().message;
}

TEST(CodeSet, EmptyCodeIsReportedAsMissing) {
  auto status = codes::legal_status().check("", 2026);
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(contains_text(status.error().message, "no LS code given")) << status.error().message;
}

TEST(CodeSet, HistoricCodesAreKnownButNotValidNow) {
  const CodeSet& place = codes::placement_type();
  for (const char* historic : {"H5", "P2", "Z1"}) {
    EXPECT_TRUE(place.contains(historic)) << historic;
    EXPECT_FALSE(place.valid_in(historic, 2026)) << historic;
    EXPECT_TRUE(place.valid_in(historic, 2024)) << historic;
    EXPECT_TRUE(place.valid_in(historic, 0)) << historic;  // year 0: any year
  }
  EXPECT_TRUE(place.valid_in("Z1", 2025));
  auto status = place.check("H5", 2026);
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(contains_text(status.error().message, "only until 2023-24, not in 2025-26"))
      << status.error().message;
}

TEST(CodeSet, NewCodesAreNotValidBeforeTheyWereIntroduced) {
  const CodeSet& place = codes::placement_type();
  EXPECT_TRUE(place.valid_in("K3", 2025));
  EXPECT_FALSE(place.valid_in("K3", 2024));
  for (const char* code : {"Z11", "Z12", "Z13", "Z14"}) {
    EXPECT_TRUE(place.valid_in(code, 2026)) << code;
    EXPECT_FALSE(place.valid_in(code, 2025)) << code;
  }
  auto status = place.check("Z12", 2025);
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(contains_text(status.error().message, "only from 2025-26, not in 2024-25"))
      << status.error().message;
}

TEST(CodeSet, PlacementTypesOf2025To26MatchRule146) {
  std::set<std::string> valid;
  for (const CodeEntry& entry : codes::placement_type().entries()) {
    if (codes::placement_type().valid_in(entry.code, 2026)) valid.emplace(entry.code);
  }
  EXPECT_EQ(valid,
            (std::set<std::string>{"A3", "A4", "A5", "A6", "K1", "K2",  "K3",  "P1",  "P3", "R1",
                                   "R2", "R3", "R5", "S1", "T0", "T1",  "T2",  "T3",  "T4", "U1",
                                   "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"}));
}

TEST(CodeSet, SexChangedToLettersIn2024To25) {
  const CodeSet& sex = codes::sex();
  EXPECT_TRUE(sex.valid_in("1", 2024));
  EXPECT_TRUE(sex.valid_in("2", 2024));
  EXPECT_FALSE(sex.valid_in("1", 2026));
  EXPECT_TRUE(sex.contains("1"));
  EXPECT_FALSE(sex.valid_in("M", 2024));
  for (const char* code : {"M", "F", "U"}) EXPECT_TRUE(sex.valid_in(code, 2026)) << code;
}

TEST(CodeSet, AssessmentFactorsFollowTheSchemaHistory) {
  const CodeSet& factors = codes::assessment_factor();
  EXPECT_TRUE(factors.valid_in("18A", 2020));
  EXPECT_FALSE(factors.valid_in("18A", 2026));
  EXPECT_TRUE(factors.valid_in("18C", 2026));
  EXPECT_FALSE(factors.valid_in("18C", 2020));
  EXPECT_TRUE(factors.valid_in("24A", 2022));
  EXPECT_FALSE(factors.valid_in("24A", 2021));
  EXPECT_FALSE(factors.contains("8A"));  // rule 8617: not a valid code
  EXPECT_TRUE(factors.valid_in("21", 2026));
}

// Rule 133's list: no fixed abode (S) and custody (X) are only ever unsuitable.
TEST(CodeSet, CareLeaverAccommodationIsALetterAndSuitabilityOrZero) {
  const std::set<std::string> codes = codes_of(codes::care_leaver_accommodation());
  std::set<std::string> expected = {"0", "S2", "X2"};
  for (char letter : std::string("BCDEGHKRTUVWYZ")) {
    expected.insert(std::string(1, letter) + "1");
    expected.insert(std::string(1, letter) + "2");
  }
  EXPECT_EQ(codes, expected);
  EXPECT_EQ(codes.size(), 31u);
  EXPECT_FALSE(codes::care_leaver_accommodation().contains("S1"));
  EXPECT_FALSE(codes::care_leaver_accommodation().contains("X1"));
}

TEST(CodeSet, CinCensusSetsHaveTheirCodes) {
  EXPECT_EQ(codes::referral_source().entries().size(), 22u);
  EXPECT_EQ(codes_of(codes::primary_need()),
            (std::set<std::string>{"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"}));
  EXPECT_EQ(codes_of(codes::category_of_abuse()),
            (std::set<std::string>{"NEG", "PHY", "SAB", "EMO", "MUL"}));
  EXPECT_EQ(codes::ethnicity().entries().size(), 20u);
  EXPECT_EQ(codes::disability().entries().size(), 13u);
  EXPECT_EQ(codes::upn_unknown().entries().size(), 7u);
  EXPECT_EQ(codes::reason_for_closure().entries().size(), 9u);
}

TEST(CodeSet, Ssda903SetsHaveTheirCodes) {
  EXPECT_EQ(codes_of(codes::reason_new_episode()),
            (std::set<std::string>{"S", "L", "P", "T", "B", "U"}));
  EXPECT_EQ(codes::legal_status().entries().size(), 13u);
  EXPECT_EQ(codes::category_of_need().entries().size(), 8u);
  EXPECT_FALSE(codes::category_of_need().contains("N9"));
  EXPECT_EQ(codes::reason_episode_ceased().entries().size(), 22u);
  EXPECT_EQ(codes::reason_place_change().entries().size(), 12u);
  EXPECT_EQ(codes::review_participation().entries().size(), 8u);
  EXPECT_EQ(codes_of(codes::missing_type()), (std::set<std::string>{"M", "A"}));
  EXPECT_EQ(codes::care_leaver_activity().entries().size(), 12u);
  EXPECT_EQ(codes::in_touch().entries().size(), 6u);
  EXPECT_EQ(codes::social_worker_change_reason().entries().size(), 10u);
  EXPECT_EQ(codes_of(codes::placement_provider()),
            (std::set<std::string>{"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}));
}

TEST(CodeSet, UnconfirmedLabelsSaySo) {
  for (const char* code : {"K3", "Z11", "Z14"}) {
    EXPECT_TRUE(
        contains_text(std::string(*codes::placement_type().label(code)), "(label unconfirmed)"))
        << code;
  }
  EXPECT_TRUE(contains_text(std::string(*codes::care_leaver_accommodation().label("B1")),
                            "(label unconfirmed)"));
}

TEST(HearthCodeSets, PractitionerRolesIncludeThoseAccessControlNeeds) {
  const CodeSet& roles = codes::practitioner_role();
  for (const char* role :
       {"social_worker", "team_manager", "independent_reviewing_officer", "front_door_practitioner",
        "partner_practitioner", "performance_analyst", "administrator"}) {
    EXPECT_TRUE(roles.contains(role)) << role;
  }
}

TEST(HearthCodeSets, AgencyKindsAreTheAgreedList) {
  EXPECT_EQ(codes_of(codes::agency_kind()),
            (std::set<std::string>{"police", "health", "education", "social_care", "probation",
                                   "housing", "voluntary", "other"}));
}

TEST(HearthCodeSets, CarerKindsAndProviderSettingsAreTheAgreedLists) {
  EXPECT_EQ(
      codes_of(codes::carer_kind()),
      (std::set<std::string>{"la_foster", "ifa_foster", "kinship", "special_guardian", "adopter"}));
  EXPECT_TRUE(
      contains_text(std::string(*codes::carer_kind().label("kinship")), "connected person"));
  EXPECT_EQ(
      codes_of(codes::provider_setting()),
      (std::set<std::string>{"childrens_home", "secure_childrens_home", "supported_accommodation",
                             "residential_school", "ifa", "young_offender_institution",
                             "nhs_setting", "family_centre", "other"}));
}

TEST(HearthCodeSets, ConferenceTypesAndOtherWorkflowSetsAreComplete) {
  EXPECT_EQ(codes_of(codes::conference_type()),
            (std::set<std::string>{"initial", "review", "transfer_in"}));
  for (const char* outcome :
       {"referral", "information_advice", "early_help", "no_further_action"}) {
    EXPECT_TRUE(codes::contact_outcome().contains(outcome)) << outcome;
  }
  for (const char* outcome : {"concerns_not_substantiated", "substantiated_no_plan", "icpc"}) {
    EXPECT_TRUE(codes::section47_outcome().contains(outcome)) << outcome;
  }
  for (const char* purpose :
       {"front_door", "assessment", "child_protection", "looked_after", "leaving_care"}) {
    EXPECT_TRUE(codes::team_purpose().contains(purpose)) << purpose;
  }
  for (const char* relation : {"mother", "father", "sibling", "grandparent"}) {
    EXPECT_TRUE(codes::relationship().contains(relation)) << relation;
  }
}

TEST(CollectionYear, ContainsAprilToMarch) {
  EXPECT_EQ(collection_year_of(*core::Date::from_ymd(2025, 4, 1)), 2026);
  EXPECT_EQ(collection_year_of(*core::Date::from_ymd(2026, 3, 31)), 2026);
  EXPECT_EQ(collection_year_of(*core::Date::from_ymd(2025, 3, 31)), 2025);
  EXPECT_EQ(collection_year_label(2026), "2025-26");
  EXPECT_EQ(collection_year_label(2000), "1999-00");
}

}  // namespace
}  // namespace hearth::domain
