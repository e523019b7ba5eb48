#include "support/sample_records.hpp"

#include <stdexcept>

namespace hearth::testing {

using namespace hearth::domain;

core::Date date(const char* iso) {
  auto parsed = core::Date::parse_iso(iso);
  if (!parsed) throw std::invalid_argument(iso);
  return *parsed;
}

Child sample_child(std::string id, std::string given, std::string family, std::string la_code) {
  Child c;
  c.id = std::move(id);
  c.la_code = std::move(la_code);
  c.name = {std::move(given), "Mae", std::move(family), "Ellie", "Former"};
  c.sex = "F";
  c.date_of_birth = date("2015-06-14");
  c.ethnicity = "WBRI";
  c.nhs_number = "9434765919";
  c.upn = "A123456789012";
  c.former_upn = "";
  c.upn_unknown = "";
  c.disabilities = {"NONE"};
  c.address_line = "1 Synthetic Street";
  c.postcode = "SW1A 1AA";
  c.school_urn = "100001";
  c.is_mother = false;
  c.uasc = false;
  c.team_id = "T1";
  c.allocated_worker_id = "P1";
  return c;
}

std::vector<store::Record> one_of_every_kind(const std::string& la, const std::string& child) {
  std::vector<store::Record> out;
  out.push_back(sample_child(child, "Ava", "Testcase", la));
  out.push_back(Person{"PER1",
                       la,
                       {"Jo", "", "Testcase", "", ""},
                       "F",
                       date("1988-01-02"),
                       "1 Synthetic Street",
                       "SW1A 1AA"});
  out.push_back(Relationship{"REL1", la, child, "PER1", "mother", true, true, false});
  out.push_back(Agency{"AG1", la, "Synthshire Police", "police"});
  out.push_back(Team{"T1", la, "Assessment team", "assessment"});
  out.push_back(
      Practitioner{"P1", la, {"Sam", "", "Worker", "", ""}, "T1", "social_worker", "SW123", false});
  out.push_back(Contact{"CON1", la, child, date("2023-04-03"), "6", "referral", ""});
  out.push_back(Referral{"REF1", la, child, date("2023-04-03"), "6", "N1", date("2024-01-10"),
                         "RC7", false, std::nullopt, "CON1"});
  out.push_back(Assessment{"ASS1",
                           la,
                           child,
                           "REF1",
                           date("2023-04-04"),
                           std::nullopt,
                           date("2023-05-20"),
                           {"3A", "16A"}});
  out.push_back(CinPlan{"CINP1", la, child, "REF1", date("2023-05-21"), date("2023-07-01")});
  out.push_back(
      StrategyDiscussion{"SD1", la, child, "REF1", date("2023-04-05"), true, {"police", "health"}});
  out.push_back(Section47Enquiry{"S47-1", la, child, "REF1", "SD1", date("2023-04-05"),
                                 date("2023-04-26"), date("2023-04-25"), false, "icpc"});
  out.push_back(Conference{"CONF1", la, child, "REF1", "initial", date("2023-04-25"), true});
  out.push_back(ProtectionPlan{"CPP1",
                               la,
                               child,
                               "REF1",
                               date("2023-04-25"),
                               date("2023-12-01"),
                               "NEG",
                               "NEG",
                               0,
                               {date("2023-07-20")}});
  out.push_back(LookedAfterEpisode{"EP1", la, child, "PL1", date("2023-12-01"), "S", "C2", "N1",
                                   "U4", "PR1", std::nullopt, "", "", "SW1A 1AA", "SW1A 2AA", ""});
  out.push_back(Placement{"PL1", la, child, "U4", "PR1", "CAR1", "", "", "SW1A 2AA",
                          date("2023-12-01"), std::nullopt, ""});
  out.push_back(LookedAfterReview{"REV1", la, child, date("2023-12-20"), "PN1"});
  out.push_back(MissingEpisode{"MIS1", la, child, "M", date("2024-01-05"), date("2024-01-06")});
  LookedAfterOutcome outcome;
  outcome.id = "OC2-1";
  outcome.la_code = la;
  outcome.child_id = child;
  outcome.collection_year = 2025;
  outcome.sdq_score = 14;
  outcome.health_check = true;
  outcome.convicted = false;
  out.push_back(outcome);
  out.push_back(CareLeaverOutcome{"OC3-1", la, child, 2025, "YES", "F2", "B1"});
  out.push_back(Adoption{"AD1", la, child, date("2024-02-01"), std::nullopt, std::nullopt,
                         std::nullopt, "", "", std::nullopt, std::nullopt, ""});
  out.push_back(PreviousPermanence{"PP1", la, child, "Z1", "", ""});
  out.push_back(
      SocialWorkerEpisode{"SWE1", la, child, "P1", "SW123", date("2023-04-03"), std::nullopt, ""});
  out.push_back(Carer{"CAR1",
                      la,
                      {"Pat", "", "Carer", "", ""},
                      "la_foster",
                      "SW1A 2AA",
                      date("2019-01-01"),
                      std::nullopt,
                      2,
                      ""});
  out.push_back(
      Provider{"PRV1", la, "Oak House", "SC123456", "childrens_home", "PR4", "M1 1AE", 4});
  AgencyRecord agency;
  agency.id = "AR1";
  agency.la_code = la;
  agency.agency_id = "AG1";
  agency.source = "police";
  agency.local_ref = "CR/2023/0001";
  agency.given_name = "Eva";
  agency.family_name = "Testcase";
  agency.date_of_birth = "2015-06-14";
  agency.recorded = date("2023-04-02");
  agency.summary = "Domestic incident attended";
  out.push_back(agency);
  out.push_back(CaseNote{"CN1", la, child, date("2023-04-05"), "home_visit", "P1",
                         "Home visit after the police notification",
                         "Saw Eva alone in her bedroom. She said she felt safe at home."});
  return out;
}

store::Change change(std::string reason, int64_t at_seconds) {
  return {"tester", std::move(reason), core::Timestamp::from_micros(at_seconds * 1'000'000)};
}

}  // namespace hearth::testing
