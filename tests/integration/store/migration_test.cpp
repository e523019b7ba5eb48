// Migrations: applied on open, refused when the database is newer, and all-or-nothing when one
// fails half-way. Run on both backends.
#include <gtest/gtest.h>

#include "hearth/store/detail/open.hpp"

#include "support/sample_records.hpp"
#include "support/test_databases.hpp"

namespace hearth::store {
namespace {

using detail::Migration;
using hearth::testing::change;
using hearth::testing::sample_child;
using hearth::testing::TestDatabase;

class MigrationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    ASSERT_FALSE(database_->target().empty()) << database_->error();
  }
  std::vector<Migration> builtin() const {
    auto span = detail::builtin_migrations(GetParam() == "sqlite" ? "sqlite" : "postgresql");
    return {span.begin(), span.end()};
  }
  std::unique_ptr<TestDatabase> database_;
};

TEST_P(MigrationTest, AMigrationThatFailsHalfWayLeavesTheDatabaseAsItWas) {
  {
    auto store = Store::open(database_->target());
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->put(sample_child("C1", "Kept", "Safe"), change("entered")));
  }
  auto migrations = builtin();
  const int last = migrations.back().version;
  migrations.push_back({last + 1, "9998_add_notes",
                        "CREATE TABLE case_note_draft (id TEXT PRIMARY KEY, body TEXT);\n"
                        "INSERT INTO case_note_draft VALUES ('a', 'first');\n"
                        "INSERT INTO no_such_table VALUES (1);\n"});
  auto failed = detail::open_store(database_->target(), {}, migrations);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("migration 9998_add_notes failed"), std::string::npos)
      << failed.error().message;
  EXPECT_NE(failed.error().message.find("still at schema version " + std::to_string(last)),
            std::string::npos)
      << failed.error().message;

  auto store = Store::open(database_->target());
  ASSERT_TRUE(store) << store.error().describe();
  auto version = (*store)->schema_version();
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, last);
  EXPECT_TRUE((*store)->get({RecordKind::kChild, "999", "C1"}));
  // The table the failed migration created is gone with it: migrating again can create it.
  migrations.back().sql = "CREATE TABLE case_note_draft (id TEXT PRIMARY KEY, body TEXT);";
  store->reset();
  auto migrated = detail::open_store(database_->target(), {}, migrations);
  ASSERT_TRUE(migrated) << migrated.error().describe();
  auto new_version = (*migrated)->schema_version();
  ASSERT_TRUE(new_version);
  EXPECT_EQ(*new_version, last + 1);
}

TEST_P(MigrationTest, RefusesADatabaseFromANewerHearth) {
  auto migrations = builtin();
  const int last = migrations.back().version;
  migrations.push_back({last + 1, "9999_future", "CREATE TABLE from_the_future (id TEXT);"});
  {
    auto future = detail::open_store(database_->target(), {}, migrations);
    ASSERT_TRUE(future) << future.error().describe();
  }
  auto opened = Store::open(database_->target());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kConflict);
  EXPECT_NE(opened.error().message.find("newer than this program knows"), std::string::npos)
      << opened.error().message;
}

TEST_P(MigrationTest, WithoutMigrateAPendingMigrationIsRefused) {
  OpenOptions options;
  options.migrate = false;
  auto opened = Store::open(database_->target(), options);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("hearth migrate"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth::store
