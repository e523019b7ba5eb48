#include "hearth/returns/ssda903_import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/fake_store.hpp"
#include "tables.hpp"

namespace hearth::returns {
namespace {

using ::testing::HasSubstr;
using T = Ssda903Table;
using test::make;

Ssda903Files two_children() {
  Ssda903Files f;
  f.year = 2026;
  f.current[T::kHeader] =
      make(T::kHeader, {{"C1", "F", "17/05/2012", "WBRI", "UN3", "0", ""},
                        {"C2", "2", "01/01/2010", "BAFR", "A999123456789", "", ""}});
  f.current[T::kUasc] = make(T::kUasc, {{"C2", "F", "01/01/2010", "01/01/2028"}});
  f.current[T::kEpisodes] = make(T::kEpisodes, {{"C1", "01/06/2025", "S", "C2", "N1", "U4", "PR1",
                                                 "", "", "", "ZZ1 1AA", "ZZ1 2BB", "SC1"}});
  f.current[T::kMissing] =
      make(T::kMissing, {{"C1", "17/05/2012", "A", "07/05/2025", "10/05/2025"},
                         {"C1", "17/05/2012", "M", "07/05/2025", "10/05/2025"}});
  f.current[T::kPlacedAdoption] =
      make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/10/2025", "", ""}});
  f.current[T::kAd1] =
      make(T::kAd1, {{"C1", "17/05/2012", "01/09/2025", "01/12/2025", "1", "2", "MF", "L11"}});
  return f;
}

template <typename R>
std::vector<R> of_kind(const std::vector<ImportedRecord>& records) {
  std::vector<R> out;
  for (const auto& r : records) {
    if (auto* value = std::get_if<R>(&r.record)) out.push_back(*value);
  }
  return out;
}

TEST(Ssda903Import, RowsBecomeRecordsKeyedByTheirNaturalKeysAndRememberTheirLines) {
  auto records = records_from_ssda903(two_children(), "999");
  ASSERT_TRUE(records) << records.error().describe();
  const auto children = of_kind<domain::Child>(*records);
  ASSERT_EQ(children.size(), 2u);
  EXPECT_EQ(children[0].upn_unknown, "UN3");
  EXPECT_EQ(children[0].is_mother, false);
  EXPECT_EQ(children[1].sex, "F");  // 2 in the years before 2024-25
  EXPECT_EQ(children[1].upn, "A999123456789");
  EXPECT_TRUE(children[1].uasc);
  EXPECT_EQ(children[1].uasc_ceased, core::Date::from_ymd(2028, 1, 1).value());
  const auto episodes = of_kind<domain::LookedAfterEpisode>(*records);
  ASSERT_EQ(episodes.size(), 1u);
  EXPECT_EQ(episodes[0].id, "EP-C1-2025-06-01");
  EXPECT_EQ(episodes[0].la_code, "999");
  // Two spells from one day are both kept (rule 574 judges them), in file order.
  const auto missing = of_kind<domain::MissingEpisode>(*records);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].id, "MS-C1-2025-05-07");
  EXPECT_EQ(missing[1].id, "MS-C1-2025-05-07-2");
  EXPECT_EQ(missing[1].type, "M");
  // AD1 joins the child's placement for adoption: one record with both tables' items.
  const auto adoptions = of_kind<domain::Adoption>(*records);
  ASSERT_EQ(adoptions.size(), 1u);
  EXPECT_EQ(adoptions[0].placed_date, core::Date::from_ymd(2025, 10, 1).value());
  EXPECT_EQ(adoptions[0].number_of_adopters, 2);
  EXPECT_EQ(adoptions[0].foster_care, true);
  for (const auto& r : *records) {
    if (std::holds_alternative<domain::Adoption>(r.record)) {
      EXPECT_EQ(r.file, "placed_for_adoption.csv");
      EXPECT_EQ(r.also, "ad1.csv line 2");
    }
    if (std::holds_alternative<domain::MissingEpisode>(r.record)) {
      EXPECT_EQ(r.file, "missing.csv");
    }
  }
}

TEST(Ssda903Import, WhatCannotBeKeptIsRefusedNamingFileLineAndField) {
  Ssda903Files bad_date = two_children();
  bad_date.current[T::kEpisodes].rows[0][1] = "31/02/2025";
  auto e = records_from_ssda903(bad_date, "999");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().describe(),
            "episodes.csv line 2: DECOM: '31/02/2025' is not a date in the form dd/mm/YYYY");

  Ssda903Files twice = two_children();
  twice.current[T::kHeader].rows.push_back(twice.current[T::kHeader].rows[0]);
  twice.current[T::kHeader].lines.push_back(4);
  auto t = records_from_ssda903(twice, "999");
  ASSERT_FALSE(t);
  EXPECT_THAT(t.error().describe(),
              HasSubstr("header.csv line 4: CHILD: a second Header row of child C1 (the first "
                        "is header.csv line 2)"));

  Ssda903Files stranger = two_children();
  stranger.current[T::kUasc].rows[0][0] = "C9";
  auto s = records_from_ssda903(stranger, "999");
  ASSERT_FALSE(s);
  EXPECT_THAT(s.error().describe(), HasSubstr("uasc.csv line 2: CHILD: child C9 is not in the "
                                              "Header table"));

  Ssda903Files orphan = two_children();
  orphan.current[T::kEpisodes].rows[0][0] = "C9";
  EXPECT_THAT(records_from_ssda903(orphan, "999").error().describe(),
              HasSubstr("episodes.csv line 2: CHILD: child C9 is not in the Header table"));
  Ssda903Files headless = two_children();
  headless.current.erase(T::kHeader);
  EXPECT_THAT(records_from_ssda903(headless, "999").error().describe(),
              HasSubstr("there is no Header table"));

  Ssda903Files mother = two_children();
  mother.current[T::kHeader].rows[0][5] = "yes";
  EXPECT_THAT(records_from_ssda903(mother, "999").error().describe(),
              HasSubstr("header.csv line 2: MOTHER: 'yes' is not 0, 1 or blank"));
}

// Dates in three forms: the DfE's dd/mm/YYYY, the same without leading zeros (what a
// spreadsheet writes), and ISO, which is not the return's form and is refused, naming where.
TEST(Ssda903Import, DatesInTheDfesFormWithOrWithoutLeadingZerosAndIsoIsRefused) {
  Ssda903Files f = two_children();
  f.current[T::kEpisodes].rows[0][1] = "1/6/2025";
  auto read = records_from_ssda903(f, "999");
  ASSERT_TRUE(read) << read.error().describe();
  const auto episodes = of_kind<domain::LookedAfterEpisode>(*read);
  ASSERT_EQ(episodes.size(), 1u);
  EXPECT_EQ(episodes[0].start_date.to_iso(), "2025-06-01");

  f.current[T::kEpisodes].rows[0][1] = "2025-06-01";
  auto iso = records_from_ssda903(f, "999");
  ASSERT_FALSE(iso);
  EXPECT_EQ(iso.error().describe(),
            "episodes.csv line 2: DECOM: '2025-06-01' is not a date in the form dd/mm/YYYY");
}

TEST(Ssda903Import, WritesAllOrNothingAndEachRevisionSaysWhereItCameFrom) {
  fakes::FakeStore store;
  auto records = records_from_ssda903(two_children(), "999");
  ASSERT_TRUE(records);
  const auto at = core::Timestamp::from_date(core::Date::from_ymd(2026, 6, 1).value(), 9);
  auto written = import_records(store, *records, "cli:analyst", at);
  ASSERT_TRUE(written) << written.error().describe();
  EXPECT_EQ(*written, static_cast<int64_t>(records->size()));
  auto episode = store.get({domain::RecordKind::kLookedAfterEpisode, "999", "EP-C1-2025-06-01"});
  ASSERT_TRUE(episode);
  EXPECT_EQ(episode->info.change.reason, "imported from episodes.csv line 2");
  EXPECT_EQ(episode->info.change.by, "cli:analyst");

  // Again, with one new row: the records already there refuse it all, the new row included.
  Ssda903Files more = two_children();
  more.current[T::kEpisodes].rows.push_back(
      {"C1", "01/01/2026", "P", "C2", "N1", "U5", "PR1", "", "", "", "ZZ1 1AA", "ZZ1 3CC", "SC2"});
  more.current[T::kEpisodes].lines.push_back(3);
  auto again = records_from_ssda903(more, "999");
  ASSERT_TRUE(again);
  auto refused = import_records(store, *again, "cli:analyst", at);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kConflict);
  EXPECT_THAT(refused.error().describe(),
              HasSubstr("header.csv line 2: the database already has child C1 of authority 999"));
  EXPECT_FALSE(store.get({domain::RecordKind::kLookedAfterEpisode, "999", "EP-C1-2026-01-01"}));
}

}  // namespace
}  // namespace hearth::returns
