#include "hearth/returns/ssda903.hpp"

#include <optional>
#include <tuple>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hearth::returns {
namespace {

using core::Date;
using ::testing::HasSubstr;

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day).value();
}

domain::Child child(std::string id, std::string sex = "F") {
  domain::Child c;
  c.id = std::move(id);
  c.la_code = "999";
  c.sex = std::move(sex);
  c.date_of_birth = d(2012, 5, 17);
  c.ethnicity = "WBRI";
  c.upn = "A999123456789";
  return c;
}

domain::LookedAfterEpisode episode(std::string id, std::string child_id, Date start,
                                   std::optional<Date> end, std::string rec = "") {
  domain::LookedAfterEpisode e;
  e.id = std::move(id);
  e.la_code = "999";
  e.child_id = std::move(child_id);
  e.start_date = start;
  e.end_date = end;
  e.reason_new_episode = "S";
  e.legal_status = "C2";
  e.category_of_need = "N1";
  e.place = "U4";
  e.place_provider = "PR1";
  e.reason_episode_ceased = std::move(rec);
  e.home_postcode = "ZZ1 1AA";
  e.placement_postcode = "ZZ1 2BB";
  return e;
}

const CsvTable& table(const std::vector<CsvTable>& tables, Ssda903Table which) {
  const std::string_view file = ssda903_layout(which).file;
  for (const auto& t : tables) {
    if (t.file == file) return t;
  }
  throw std::logic_error("no table " + std::string(file));
}

std::vector<std::string> column(const CsvTable& t, std::string_view name) {
  std::vector<std::string> out;
  const size_t i = t.column(name).value();
  for (const auto& row : t.rows) out.push_back(row[i]);
  return out;
}

CsvTable with_columns(std::vector<std::string> columns) {
  CsvTable t;
  t.file = "x.csv";
  t.columns = std::move(columns);
  return t;
}

TEST(Ssda903Layouts, SocialWorkerEpisodesFrom2023To24) {
  EXPECT_EQ(ssda903_tables_for(2023).size(), 10u);
  EXPECT_EQ(ssda903_tables_for(2024).size(), 11u);
  EXPECT_EQ(ssda903_tables_for(2026).back()->name, "SWEpisodes");
  EXPECT_EQ(ssda903_layout(Ssda903Table::kEpisodes).columns.size(), 13u);
}

TEST(Ssda903Layouts, AFileIsKnownByItsColumnsInAnyOrder) {
  auto header = identify_ssda903_table(
      with_columns({"UPN", "CHILD", "SEX", "DOB", "ETHNIC", "MOTHER", "MC_DOB"}));
  ASSERT_TRUE(header);
  EXPECT_EQ((*header)->table, Ssda903Table::kHeader);
  // UASC and OC3 share CHILD and DOB with others; their other columns tell them apart.
  auto uasc = identify_ssda903_table(with_columns({"CHILD", "SEX", "DOB", "DUC"}));
  ASSERT_TRUE(uasc);
  EXPECT_EQ((*uasc)->name, "UASC");
}

TEST(Ssda903Layouts, AFileWithAMissingOrExtraColumnNamesItAndTheTableItLooksLike) {
  auto missing = identify_ssda903_table(
      with_columns({"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST"}));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "columns");
  EXPECT_EQ(missing.error().file, "x.csv");
  EXPECT_THAT(missing.error().message,
              HasSubstr("looks like Episodes (episodes.csv) but has no column URN"));
  auto extra =
      identify_ssda903_table(with_columns({"CHILD", "DOB", "REVIEW", "REVIEW_CODE", "NOTES"}));
  ASSERT_FALSE(extra);
  EXPECT_THAT(extra.error().message,
              HasSubstr("looks like Reviews (reviews.csv) but has a column NOTES that Reviews "
                        "does not"));
  auto unknown = identify_ssda903_table(with_columns({"name", "age"}));
  ASSERT_FALSE(unknown);
  EXPECT_THAT(unknown.error().message, HasSubstr("its columns (name,age) are none of the"));
}

TEST(Ssda903Export, EpisodesOpenOnAnyDayOfTheYearAsTheyStoodOn31March) {
  AuthorityRecords r;
  r.la_code = "999";
  for (const char* id : {"C1", "C2", "C3", "C4"}) r.children.push_back(child(id));
  // 2025-26 runs 1 April 2025 to 31 March 2026.
  r.episodes.push_back(episode("E1", "C1", d(2024, 6, 1), d(2025, 3, 31), "E4A"));  // before
  r.episodes.push_back(episode("E2", "C2", d(2024, 6, 1), d(2025, 4, 1), "E4A"));   // first day
  r.episodes.push_back(episode("E3", "C3", d(2026, 3, 31), std::nullopt));          // last day
  r.episodes.push_back(episode("E4", "C4", d(2025, 5, 1), d(2026, 4, 2), "E4B"));   // ends after
  r.episodes.push_back(episode("E5", "C4", d(2026, 4, 1), std::nullopt));           // next year
  const auto tables = export_ssda903(r, 2026);
  const CsvTable& episodes = table(tables, Ssda903Table::kEpisodes);
  EXPECT_EQ(column(episodes, "CHILD"), (std::vector<std::string>{"C2", "C3", "C4"}));
  EXPECT_EQ(column(episodes, "DECOM"),
            (std::vector<std::string>{"01/06/2024", "31/03/2026", "01/05/2025"}));
  // Ended after 31 March: on the reference date it was open, so no end date and no reason.
  EXPECT_EQ(column(episodes, "DEC"), (std::vector<std::string>{"01/04/2025", "", ""}));
  EXPECT_EQ(column(episodes, "REC"), (std::vector<std::string>{"E4A", "", ""}));
  EXPECT_EQ(column(table(tables, Ssda903Table::kHeader), "CHILD"),
            (std::vector<std::string>{"C2", "C3", "C4"}));
  // The previous year's return has C1 and C2, both ended by its 31 March.
  const auto last_year = export_ssda903(r, 2025);
  EXPECT_EQ(column(table(last_year, Ssda903Table::kEpisodes), "CHILD"),
            (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(column(table(last_year, Ssda903Table::kEpisodes), "REC"),
            (std::vector<std::string>{"E4A", ""}));
}

TEST(Ssda903Export, TheHeaderHasCareLeaversTooAndSpeaksEachYearsCodes) {
  AuthorityRecords r;
  r.children.push_back(child("C1", "M"));
  domain::Child leaver = child("C2", "F");
  leaver.upn.clear();
  leaver.upn_unknown = "UN3";
  leaver.is_mother = true;
  leaver.mother_child_dob = d(2025, 1, 2);
  r.children.push_back(leaver);
  r.children.push_back(child("C3"));  // no episode, no OC3: not in the return
  r.episodes.push_back(episode("E1", "C1", d(2025, 6, 1), std::nullopt));
  domain::CareLeaverOutcome oc3;
  oc3.id = "O1";
  oc3.child_id = "C2";
  oc3.collection_year = 2026;
  oc3.in_touch = "YES";
  oc3.activity = "F5";
  oc3.accommodation = "D1";
  r.care_leaver_outcomes.push_back(oc3);
  const auto tables = export_ssda903(r, 2026);
  const CsvTable& header = table(tables, Ssda903Table::kHeader);
  ASSERT_EQ(header.rows.size(), 2u);
  EXPECT_EQ(header.rows[0],
            (std::vector<std::string>{"C1", "M", "17/05/2012", "WBRI", "A999123456789", "", ""}));
  // A care leaver not looked after in the year is not asked whether she is a mother (rule 628).
  EXPECT_EQ(header.rows[1],
            (std::vector<std::string>{"C2", "F", "17/05/2012", "WBRI", "UN3", "", ""}));
  EXPECT_EQ(table(tables, Ssda903Table::kOc3).rows.at(0),
            (std::vector<std::string>{"C2", "17/05/2012", "YES", "F5", "D1"}));
  {
    AuthorityRecords looked_after = r;
    looked_after.episodes.push_back(episode("E2", "C2", d(2025, 7, 1), std::nullopt));
    EXPECT_EQ(
        table(export_ssda903(looked_after, 2026), Ssda903Table::kHeader).rows.at(1),
        (std::vector<std::string>{"C2", "F", "17/05/2012", "WBRI", "UN3", "1", "02/01/2025"}));
    // Short breaks alone (V3, V4): not asked either (rule 399).
    looked_after.episodes.back().legal_status = "V3";
    EXPECT_EQ(table(export_ssda903(looked_after, 2026), Ssda903Table::kHeader).rows.at(1).at(5),
              "");
  }
  // Until 2023-24 SEX was 1 or 2.
  r.episodes.push_back(episode("E0", "C1", d(2023, 6, 1), d(2023, 9, 1)));
  EXPECT_EQ(column(table(export_ssda903(r, 2024), Ssda903Table::kHeader), "SEX"),
            (std::vector<std::string>{"1"}));
  EXPECT_EQ(header.lines, (std::vector<int64_t>{2, 3}));
}

TEST(Ssda903Export, ReviewsMissingAndAdoptionFollowTheYearAndTheChildrenInIt) {
  AuthorityRecords r;
  r.children.push_back(child("C1"));
  r.children.push_back(child("C2"));
  r.episodes.push_back(episode("E1", "C1", d(2024, 1, 1), d(2025, 11, 30), "E11"));
  r.reviews.push_back({"R1", "999", "C1", d(2025, 3, 31), "PN1"});  // last year
  r.reviews.push_back({"R2", "999", "C1", d(2025, 4, 1), "PN4"});
  r.reviews.push_back({"R3", "999", "C2", d(2025, 5, 1), "PN1"});  // not looked after
  r.missing.push_back({"M1", "999", "C1", "M", d(2025, 3, 30), d(2025, 4, 2)});
  r.missing.push_back({"M2", "999", "C1", "A", d(2026, 3, 30), d(2026, 4, 2)});
  domain::Adoption adoption;
  adoption.id = "A1";
  adoption.child_id = "C1";
  adoption.decision_date = d(2024, 3, 1);
  adoption.matched_date = d(2024, 9, 1);
  adoption.foster_care = false;
  adoption.number_of_adopters = 2;
  adoption.sex_of_adopters = "MF";
  adoption.adopters_legal_status = "L11";
  adoption.placed_date = d(2024, 10, 1);
  adoption.placed_ceased_date = d(2025, 11, 30);
  adoption.reason_placed_ceased = "RD4";
  r.adoptions.push_back(adoption);
  const auto tables = export_ssda903(r, 2026);
  EXPECT_EQ(table(tables, Ssda903Table::kReviews).rows,
            (std::vector<std::vector<std::string>>{{"C1", "17/05/2012", "01/04/2025", "PN4"}}));
  const CsvTable& missing = table(tables, Ssda903Table::kMissing);
  EXPECT_EQ(column(missing, "MIS_START"), (std::vector<std::string>{"30/03/2025", "30/03/2026"}));
  EXPECT_EQ(column(missing, "MIS_END"), (std::vector<std::string>{"02/04/2025", ""}));
  EXPECT_EQ(table(tables, Ssda903Table::kAd1).rows,
            (std::vector<std::vector<std::string>>{
                {"C1", "17/05/2012", "01/03/2024", "01/09/2024", "0", "2", "MF", "L11"}}));
  EXPECT_EQ(table(tables, Ssda903Table::kPlacedAdoption).rows,
            (std::vector<std::vector<std::string>>{
                {"C1", "17/05/2012", "01/10/2024", "30/11/2025", "RD4"}}));
  // An earlier, disrupted adoption with AD1 items of its own: still one AD1 row, the latest.
  domain::Adoption earlier = adoption;
  earlier.id = "A0";
  earlier.number_of_adopters = 1;
  r.adoptions.push_back(earlier);
  EXPECT_EQ(column(table(export_ssda903(r, 2026), Ssda903Table::kAd1), "NB_ADOPTR"),
            (std::vector<std::string>{"2"}));
  // Not adopted in 2024-25 (the episode was still open on 31 March 2025): no AD1 row then.
  EXPECT_TRUE(table(export_ssda903(r, 2025), Ssda903Table::kAd1).rows.empty());
}

// DUC is when the status ceased, or while it lasts the 18th birthday, when it will (rules 205B,
// 304); SW_REASON is on the episode the change began, the child's first having none (SW13STG1).
TEST(Ssda903Export, UascCeasesAt18AndASocialWorkersReasonIsOnTheChange) {
  AuthorityRecords r;
  domain::Child asylum = child("C1", "M");
  asylum.date_of_birth = d(2009, 8, 1);
  asylum.uasc = true;
  r.children.push_back(asylum);
  r.episodes.push_back(episode("E1", "C1", d(2025, 6, 1), std::nullopt));
  for (const auto& [id, from, to, reason] :
       {std::tuple{"S1", d(2025, 6, 1), std::optional<Date>(d(2025, 9, 1)), ""},
        std::tuple{"S2", d(2025, 9, 1), std::optional<Date>(), "LEFTRL"}}) {
    domain::SocialWorkerEpisode sw;
    sw.id = id;
    sw.la_code = "999";
    sw.child_id = "C1";
    sw.sw_id = std::string("SW") + id;
    sw.start_date = from;
    sw.end_date = to;
    sw.change_reason = reason;
    r.social_worker_episodes.push_back(sw);
  }
  auto tables = export_ssda903(r, 2026);
  EXPECT_EQ(table(tables, Ssda903Table::kUasc).rows.at(0),
            (std::vector<std::string>{"C1", "M", "01/08/2009", "01/08/2027"}));
  EXPECT_EQ(column(table(tables, Ssda903Table::kSwEpisodes), "SW_REASON"),
            (std::vector<std::string>{"", "LEFTRL"}));
  r.children.front().uasc_ceased = d(2025, 12, 1);  // granted leave: ceased in the year
  tables = export_ssda903(r, 2026);
  EXPECT_EQ(table(tables, Ssda903Table::kUasc).rows.at(0).at(3), "01/12/2025");
  // Ceased after 31 March: as it stood then, the 18th birthday; with no date of birth, blank.
  r.children.front().uasc_ceased = d(2026, 6, 1);
  EXPECT_EQ(table(export_ssda903(r, 2026), Ssda903Table::kUasc).rows.at(0).at(3), "01/08/2027");
  r.children.front().date_of_birth.reset();
  EXPECT_EQ(table(export_ssda903(r, 2026), Ssda903Table::kUasc).rows.at(0).at(3), "");
  r.children.front().date_of_birth = d(2009, 8, 1);
  // Ceased before the year: no row this year.
  r.children.front().uasc_ceased = d(2024, 12, 1);
  EXPECT_TRUE(table(export_ssda903(r, 2026), Ssda903Table::kUasc).rows.empty());
  // Left care before 18, still UASC: the status in the return ends with the care.
  r.children.front().uasc_ceased.reset();
  r.episodes.front().end_date = d(2026, 1, 10);
  r.episodes.front().reason_episode_ceased = "E13";
  EXPECT_EQ(table(export_ssda903(r, 2026), Ssda903Table::kUasc).rows.at(0).at(3), "10/01/2026");
}

TEST(Ssda903Export, EveryTableIsWrittenWithItsHeaderEvenWhenEmpty) {
  const auto tables = export_ssda903(AuthorityRecords{}, 2026);
  ASSERT_EQ(tables.size(), 11u);
  for (const auto& t : tables) {
    EXPECT_TRUE(t.rows.empty()) << t.file;
    auto known = identify_ssda903_table(t);
    ASSERT_TRUE(known) << t.file;
    EXPECT_EQ((*known)->file, t.file);
  }
}

}  // namespace
}  // namespace hearth::returns
