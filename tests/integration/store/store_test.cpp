// The store's contract, run against both backends: the same tests on SQLite and PostgreSQL.
#include "hearth/store/store.hpp"

#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/sample_records.hpp"
#include "support/test_databases.hpp"

namespace hearth::store {
namespace {

using hearth::testing::change;
using hearth::testing::one_of_every_kind;
using hearth::testing::sample_child;
using hearth::testing::TestDatabase;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    ASSERT_FALSE(database_->target().empty()) << database_->error();
    auto opened = Store::open(database_->target());
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(*opened);
  }

  Store& store() { return *store_; }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, ReportsItsBackendAndTheLatestSchemaVersion) {
  EXPECT_EQ(store().backend(), GetParam());
  auto version = store().schema_version();
  ASSERT_TRUE(version);
  EXPECT_GE(*version, 1);
}

TEST_P(StoreTest, GivesBackEveryKindOfRecordExactlyAsPut) {
  const auto records = one_of_every_kind("999", "C1");
  for (const auto& record : records) {
    auto revision = store().put(record, change("first entry"));
    ASSERT_TRUE(revision) << revision.error().describe();
    EXPECT_EQ(*revision, 1);
  }
  for (const auto& record : records) {
    auto stored = store().get({kind_of(record), la_code_of(record), id_of(record)});
    ASSERT_TRUE(stored) << stored.error().describe();
    EXPECT_EQ(stored->record, record) << domain::record_kind_name(kind_of(record));
    EXPECT_EQ(stored->info.revision, 1);
    EXPECT_EQ(stored->info.change.by, "tester");
    EXPECT_EQ(stored->info.change.reason, "first entry");
  }
}

TEST_P(StoreTest, KeepsEveryRevisionWithWhoWhenAndWhy) {
  auto child = sample_child("C1", "Ava", "Smith");
  ASSERT_TRUE(store().put(child, change("referral received", 1000)));
  child.name.family = "Jones";
  child.postcode = "M1 1AE";
  Change second{"sw.jane", "change of surname after adoption order",
                core::Timestamp::from_micros(2000'000'000)};
  auto revision = store().put(child, second);
  ASSERT_TRUE(revision);
  EXPECT_EQ(*revision, 2);

  auto current = store().get_as<domain::Child>({RecordKind::kChild, "999", "C1"});
  ASSERT_TRUE(current);
  EXPECT_EQ(current->value.name.family, "Jones");
  EXPECT_EQ(current->info.revision, 2);

  auto history = store().history({RecordKind::kChild, "999", "C1"});
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(std::get<domain::Child>((*history)[0].record).name.family, "Smith");
  EXPECT_EQ((*history)[0].info.change.reason, "referral received");
  EXPECT_EQ((*history)[0].info.change.at, core::Timestamp::from_micros(1000'000'000));
  EXPECT_EQ(std::get<domain::Child>((*history)[1].record).name.family, "Jones");
  EXPECT_EQ((*history)[1].info.change.by, "sw.jane");
  EXPECT_EQ((*history)[1].info.change.at, second.at);
}

TEST_P(StoreTest, WithdrawingHidesTheRecordButKeepsItsHistory) {
  ASSERT_TRUE(store().put(sample_child("C1", "Ava", "Smith"), change("entered")));
  auto withdrawn = store().withdraw({RecordKind::kChild, "999", "C1"}, change("entered twice"));
  ASSERT_TRUE(withdrawn) << withdrawn.error().describe();
  EXPECT_EQ(*withdrawn, 2);

  auto gone = store().get({RecordKind::kChild, "999", "C1"});
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, core::ErrorCode::kNotFound);
  auto history = store().history({RecordKind::kChild, "999", "C1"});
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_TRUE((*history)[1].info.withdrawn);
  EXPECT_EQ((*history)[1].info.change.reason, "entered twice");
  auto page = store().find_children({"999", "Smith"});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 0);
}

TEST_P(StoreTest, RefusesAChangeThatDoesNotSayWhoOrWhy) {
  Change no_reason{"tester", "", core::Timestamp::from_micros(1)};
  auto refused = store().put(sample_child("C1", "Ava", "Smith"), no_reason);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "reason");
  Change no_author{"", "why", core::Timestamp::from_micros(1)};
  refused = store().put(sample_child("C1", "Ava", "Smith"), no_author);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "by");
  EXPECT_FALSE(store().get({RecordKind::kChild, "999", "C1"}));
}

TEST_P(StoreTest, RefusesAStaleRevisionAsAConflict) {
  ASSERT_TRUE(store().put(sample_child("C1", "Ava", "Smith"), change("entered")));
  auto stale = store().put(sample_child("C1", "Ava", "Brown"), change("edit"), /*expected=*/0);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
  auto fresh = store().put(sample_child("C1", "Ava", "Brown"), change("edit"), /*expected=*/1);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(*fresh, 2);
}

TEST_P(StoreTest, AFailedTransactionLeavesNothingHalfWritten) {
  ASSERT_TRUE(store().put(sample_child("C0", "Kept", "Before"), change("entered")));
  auto outcome = store().transact([&](Writer& writer) -> core::Status {
    for (const auto& record : one_of_every_kind("999", "C1")) {
      auto done = writer.put(record, change("batch"));
      if (!done) return done.error();
    }
    // The failure injected half-way: a stale write that the database refuses.
    auto stale = writer.put(sample_child("C0", "Kept", "Changed"), change("stale edit"), 7);
    if (!stale) return stale.error();
    return {};
  });
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, core::ErrorCode::kConflict);
  for (const auto& record : one_of_every_kind("999", "C1")) {
    EXPECT_FALSE(store().get({kind_of(record), la_code_of(record), id_of(record)}))
        << domain::record_kind_name(kind_of(record)) << " was left behind";
  }
  auto kept = store().get_as<domain::Child>({RecordKind::kChild, "999", "C0"});
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->value.name.family, "Before");
  auto history = store().history({RecordKind::kChild, "999", "C0"});
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 1u);
}

TEST_P(StoreTest, AnExceptionMidTransactionRollsBackAndPropagates) {
  EXPECT_THROW((void)store().transact([&](Writer& writer) -> core::Status {
    (void)writer.put(sample_child("C1", "Ava", "Smith"), change("entered"));
    throw std::runtime_error("bug half-way");
  }),
               std::runtime_error);
  EXPECT_FALSE(store().get({RecordKind::kChild, "999", "C1"}));
  // The store is still usable afterwards.
  EXPECT_TRUE(store().put(sample_child("C1", "Ava", "Smith"), change("entered")));
}

TEST_P(StoreTest, AnIgnoredWriteErrorStillRollsBackTheTransaction) {
  ASSERT_TRUE(store().put(sample_child("C0", "Ava", "Smith"), change("entered")));
  auto outcome = store().transact([&](Writer& writer) -> core::Status {
    (void)writer.put(sample_child("C1", "Ben", "Smith"), change("entered"));
    (void)writer.put(sample_child("C0", "Ava", "Smith"), change("stale"), 5);  // fails, ignored
    return {};
  });
  ASSERT_FALSE(outcome);
  EXPECT_FALSE(store().get({RecordKind::kChild, "999", "C1"}));
}

TEST_P(StoreTest, FindsChildrenByNamePrefixAndIdAcrossPages) {
  std::vector<Record> records;
  for (int i = 0; i < 60; ++i) {
    records.push_back(sample_child("C" + std::to_string(100 + i), i % 2 ? "Olivia" : "Noah",
                                   i % 3 ? "Smith" : "Smith-Jones"));
  }
  records.push_back(sample_child("C900", "Siobhan", "O'Brien"));
  records.push_back(sample_child("C901", "Zed", "Other", "888"));
  auto loaded = store().bulk_load(records, change("synthetic data"));
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(*loaded, 62);

  auto all = store().find_children({.la_code = "999", .name = "", .page = 1, .page_size = 25});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 61);
  ASSERT_EQ(all->rows.size(), 25u);
  EXPECT_EQ(all->rows[0].name.family, "O'Brien");  // sorted by family name, then given name

  auto third_page =
      store().find_children({.la_code = "999", .name = "", .page = 3, .page_size = 25});
  ASSERT_TRUE(third_page);
  EXPECT_EQ(third_page->rows.size(), 11u);

  auto jones =
      store().find_children({.la_code = "999", .name = "jon", .page = 1, .page_size = 100});
  ASSERT_TRUE(jones);
  EXPECT_EQ(jones->total, 20);
  auto olivia_smith =
      store().find_children({.la_code = "999", .name = "oli smith", .page = 1, .page_size = 100});
  ASSERT_TRUE(olivia_smith);
  EXPECT_EQ(olivia_smith->total, 30);
  auto obrien =
      store().find_children({.la_code = "999", .name = "obrien", .page = 1, .page_size = 10});
  ASSERT_TRUE(obrien);
  EXPECT_EQ(obrien->total, 1);
  auto by_preferred =
      store().find_children({.la_code = "999", .name = "ellie", .page = 1, .page_size = 10});
  ASSERT_TRUE(by_preferred);
  EXPECT_EQ(by_preferred->total, 61);
  auto by_id =
      store().find_children({.la_code = "999", .name = "c900", .page = 1, .page_size = 10});
  ASSERT_TRUE(by_id);
  ASSERT_EQ(by_id->total, 1);
  EXPECT_EQ(by_id->rows[0].id, "C900");
  auto nobody =
      store().find_children({.la_code = "999", .name = "zzz", .page = 1, .page_size = 10});
  ASSERT_TRUE(nobody);
  EXPECT_EQ(nobody->total, 0);
  auto other_la = store().find_children({.la_code = "888", .name = "", .page = 1, .page_size = 10});
  ASSERT_TRUE(other_la);
  EXPECT_EQ(other_la->total, 1);

  auto authorities = store().authorities();
  ASSERT_TRUE(authorities);
  ASSERT_EQ(authorities->size(), 2u);
  EXPECT_EQ((*authorities)[0], std::make_pair(std::string("888"), int64_t{1}));
  EXPECT_EQ((*authorities)[1], std::make_pair(std::string("999"), int64_t{61}));
}

TEST_P(StoreTest, SearchFollowsAChildsLatestName) {
  ASSERT_TRUE(store().put(sample_child("C1", "Ava", "Smith"), change("entered")));
  ASSERT_TRUE(store().put(sample_child("C1", "Ava", "Jones"), change("surname changed")));
  auto smith = store().find_children({"999", "smith"});
  ASSERT_TRUE(smith);
  EXPECT_EQ(smith->total, 0);
  auto jones = store().find_children({"999", "jones"});
  ASSERT_TRUE(jones);
  EXPECT_EQ(jones->total, 1);
}

TEST_P(StoreTest, BulkLoadRefusesRecordsThatExistAndWritesNothing) {
  ASSERT_TRUE(store().put(sample_child("C5", "Ava", "Smith"), change("entered")));
  std::vector<Record> records = {sample_child("C4", "Ben", "Smith"),
                                 sample_child("C5", "Ava", "Smith")};
  auto refused = store().bulk_load(records, change("synthetic data"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kConflict);
  EXPECT_FALSE(store().get({RecordKind::kChild, "999", "C4"}));
  auto count = store().count(RecordKind::kChild, "999");
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 1);
}

TEST_P(StoreTest, GathersAChildsWholeRecord) {
  auto records = one_of_every_kind("999", "C1");
  ASSERT_TRUE(store().bulk_load(records, change("synthetic data")));
  ASSERT_TRUE(store().put(sample_child("C2", "Other", "Child"), change("entered")));
  auto record = store().child_record("999", "C1");
  ASSERT_TRUE(record) << record.error().describe();
  EXPECT_EQ(record->child.value.id, "C1");
  EXPECT_EQ(record->relationships.size(), 1u);
  ASSERT_EQ(record->people.size(), 1u);
  EXPECT_EQ(record->people[0].id, "PER1");
  EXPECT_EQ(record->referrals.size(), 1u);
  EXPECT_EQ(record->assessments.size(), 1u);
  EXPECT_EQ(record->protection_plans.size(), 1u);
  EXPECT_EQ(record->episodes.size(), 1u);
  EXPECT_EQ(record->placements.size(), 1u);
  EXPECT_EQ(record->missing_episodes.size(), 1u);
  EXPECT_EQ(record->care_leaver_outcomes.size(), 1u);
  auto missing = store().child_record("999", "NOPE");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
}

TEST_P(StoreTest, LoadsAllCurrentRecordsOfAKindForTheEngines) {
  ASSERT_TRUE(store().bulk_load(one_of_every_kind("999", "C1"), change("synthetic data")));
  ASSERT_TRUE(store().bulk_load(one_of_every_kind("888", "C1"), change("synthetic data")));
  auto referrals = store().load_all(RecordKind::kReferral, "999");
  ASSERT_TRUE(referrals);
  EXPECT_EQ(referrals->size(), 1u);
  auto everywhere = store().load_all(RecordKind::kReferral, "");
  ASSERT_TRUE(everywhere);
  EXPECT_EQ(everywhere->size(), 2u);
  auto count = store().count(RecordKind::kChild, "");
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2);
}

TEST_P(StoreTest, LoadsTheRecordsOfChosenKindsAboutChosenChildren) {
  ASSERT_TRUE(store().bulk_load(one_of_every_kind("999", "C1"), change("synthetic data")));
  ASSERT_TRUE(store().bulk_load(one_of_every_kind("888", "C1"), change("synthetic data")));
  ASSERT_TRUE(store().put(sample_child("C2", "Other", "Child"), change("entered")));
  const std::vector<std::string> ids = {"C1", "NOPE"};
  const RecordKind kinds[] = {RecordKind::kChild, RecordKind::kReferral,
                              RecordKind::kMissingEpisode};
  auto records = store().load_for_children("999", ids, kinds);
  ASSERT_TRUE(records) << records.error().describe();
  std::multiset<std::string> got;
  for (const auto& record : *records) {
    EXPECT_EQ(store::la_code_of(record), "999");
    EXPECT_EQ(store::child_id_of(record), "C1");
    got.insert(domain::record_kind_name(static_cast<RecordKind>(record.index())));
  }
  EXPECT_EQ(got, (std::multiset<std::string>{"child", "referral", "missing_episode"}));
  ASSERT_TRUE(store().withdraw({RecordKind::kReferral, "999", "REF1"}, change("entered twice")));
  auto after = store().load_for_children("999", ids, kinds);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->size(), 2u);  // a withdrawn record is left out
  EXPECT_TRUE(store().load_for_children("999", {}, kinds)->empty());
}

// Thousands of children are read in chunks on every core, each on its own connection: all of
// them, in the order of the ids asked for, whatever the number of threads.
TEST_P(StoreTest, LoadsThousandsOfChildrensRecordsInTheOrderAskedOnEveryCore) {
  std::vector<store::Record> records;
  std::vector<std::string> ids;
  for (int i = 0; i < 4500; ++i) {
    ids.push_back(fmt::format("C{:05}", i));
    records.push_back(sample_child(ids.back(), "Ava", "Testcase"));
    domain::Referral referral;
    referral.id = fmt::format("REF{:05}", i);
    referral.la_code = "999";
    referral.child_id = ids.back();
    referral.referral_date = hearth::testing::date("2025-06-01");
    records.push_back(referral);
  }
  ASSERT_TRUE(store().bulk_load(records, change("synthetic data")));
  const RecordKind kinds[] = {RecordKind::kChild, RecordKind::kReferral};
  auto loaded = store().load_for_children("999", ids, kinds);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  ASSERT_EQ(loaded->size(), 9000u);
  // Chunks of 500 ids come back in the order asked; within one, in the database's order.
  for (size_t i = 0; i < loaded->size(); ++i) {
    const size_t chunk = i / 1000;
    const std::string child = store::child_id_of((*loaded)[i]);
    EXPECT_GE(child, ids[chunk * 500]) << i;
    EXPECT_LE(child, ids[chunk * 500 + 499]) << i;
  }
  std::set<std::string> children;
  for (const auto& record : *loaded) children.insert(store::child_id_of(record));
  EXPECT_EQ(children.size(), 4500u);
}

// Loads by dates (decision 0015): a record whose active period meets the range, or that has
// none; whether it was put, bulk loaded or revised.
TEST_P(StoreTest, LoadsOnlyTheRecordsOpenInARangeOfDays) {
  using hearth::testing::date;
  auto referral = [](std::string id, const char* from, std::optional<const char*> to) {
    domain::Referral r;
    r.id = std::move(id);
    r.la_code = "999";
    r.child_id = "C1";
    r.referral_date = date(from);
    if (to) r.closure_date = date(*to);
    return r;
  };
  std::vector<store::Record> bulk = {
      sample_child("C1", "Ava", "Testcase"),
      referral("R-before", "2024-01-01", "2025-03-31"),  // closed the day before the year
      referral("R-first-day", "2024-01-01", "2025-04-01"),
      referral("R-open", "2023-01-01", std::nullopt),
      referral("R-last-day", "2026-03-31", std::nullopt),
      referral("R-after", "2026-04-01", std::nullopt)};
  ASSERT_TRUE(store().bulk_load(bulk, change("synthetic data")));
  ASSERT_TRUE(store().put(referral("R-put", "2025-10-01", "2025-11-01"), change("entered")));
  // A revision moves the period: closed before the year now.
  ASSERT_TRUE(store().put(referral("R-open", "2023-01-01", "2024-06-01"), change("closed"), 1));
  const store::DateRange year{date("2025-04-01"), date("2026-03-31")};
  auto loaded = store().load_active(RecordKind::kReferral, "999", year);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  std::vector<std::string> ids;
  for (const auto& r : *loaded) ids.push_back(store::id_of(r));
  EXPECT_EQ(ids, (std::vector<std::string>{"R-first-day", "R-last-day", "R-put"}));
  EXPECT_EQ(store().load_all(RecordKind::kReferral, "999")->size(), 6u);

  const std::vector<std::string> children = {"C1"};
  const RecordKind kinds[] = {RecordKind::kChild, RecordKind::kReferral};
  auto of_child = store().load_for_children("999", children, kinds, year);
  ASSERT_TRUE(of_child) << of_child.error().describe();
  std::multiset<std::string> got;
  for (const auto& r : *of_child) got.insert(store::id_of(r));
  // The child has no period: always there.
  EXPECT_EQ(got, (std::multiset<std::string>{"C1", "R-first-day", "R-last-day", "R-put"}));
  EXPECT_EQ(store().load_for_children("999", children, kinds)->size(), 7u);
}

TEST(ActivePeriod, IsTheDaysEachKindOfRecordIsAbout) {
  using hearth::testing::date;
  domain::Section47Enquiry s47;
  s47.start_date = date("2025-05-01");
  EXPECT_EQ(store::active_period(s47)->to, std::nullopt);
  s47.icpc_date = date("2025-04-20");  // a conference dated before the enquiry: both are kept
  EXPECT_EQ(store::active_period(s47)->from, date("2025-04-20"));
  EXPECT_EQ(store::active_period(s47)->to, date("2025-05-01"));
  domain::Assessment a;
  a.start_date = date("2025-05-01");
  a.authorisation_date = date("2025-06-01");
  EXPECT_EQ(store::active_period(a)->to, date("2025-06-01"));
  EXPECT_FALSE(store::active_period(sample_child("C1", "Ava", "Testcase")));
}

TEST_P(StoreTest, KeepsItsDataWhenReopened) {
  ASSERT_TRUE(store().put(sample_child("C1", "Ava", "Smith"), change("entered")));
  store_.reset();
  auto reopened = Store::open(database_->target());
  ASSERT_TRUE(reopened) << reopened.error().describe();
  auto child = (*reopened)->get({RecordKind::kChild, "999", "C1"});
  EXPECT_TRUE(child);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth::store
