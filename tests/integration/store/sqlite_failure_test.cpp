// Bad databases and broken disks on SQLite: each gives a clear message and leaves the data as it
// was.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hearth/store/store.hpp"

#include "support/sample_records.hpp"
#include "support/test_databases.hpp"

namespace hearth::store {
namespace {

using hearth::testing::change;
using hearth::testing::sample_child;
using hearth::testing::TempDir;
namespace fs = std::filesystem;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabaseAndLeavesItAlone) {
  TempDir dir;
  const fs::path path = dir.path() / "notes.db";
  std::ofstream(path) << "These are somebody's notes, not a database.\n" << std::string(5000, 'x');
  const std::string before = read_bytes(path);

  auto opened = Store::open(path.string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kCorrupt);
  EXPECT_NE(opened.error().message.find("is not a SQLite database"), std::string::npos)
      << opened.error().message;
  EXPECT_TRUE(read_bytes(path) == before) << "the file was changed";
  EXPECT_FALSE(fs::exists(path.string() + "-wal"));
}

TEST(SqliteStore, RefusesASqliteDatabaseOfAnotherProgramAndLeavesItAlone) {
  TempDir dir;
  const fs::path path = dir.path() / "other.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const std::string before = read_bytes(path);

  auto opened = Store::open(path.string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kCorrupt);
  EXPECT_NE(opened.error().message.find("not a Hearth database"), std::string::npos)
      << opened.error().message;
  EXPECT_TRUE(read_bytes(path) == before) << "the file was changed";
}

TEST(SqliteStore, SaysWhenTheFolderDoesNotExist) {
  TempDir dir;
  auto opened = Store::open((dir.path() / "no-such-folder" / "h.db").string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kIo);
  EXPECT_NE(opened.error().message.find("does not exist"), std::string::npos);
}

TEST(SqliteStore, RefusesToCreateWhenAskedOnlyToOpen) {
  TempDir dir;
  OpenOptions options;
  options.create = false;
  auto opened = Store::open((dir.path() / "typo.db").string(), options);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir.path() / "typo.db"));
}

// A database made before periods were kept (migration 0003 adds the columns, NULL): its
// records are in every load by dates, so nothing is lost from a return.
TEST(SqliteStore, RecordsWrittenBeforePeriodsWereKeptAreInEveryLoadByDates) {
  TempDir dir;
  const std::string path = (dir.path() / "old.db").string();
  domain::Referral old;
  old.id = "R1";
  old.la_code = "999";
  old.child_id = "C1";
  old.referral_date = hearth::testing::date("2019-01-01");
  old.closure_date = hearth::testing::date("2019-02-01");
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->put(old, change("entered")));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE record_current SET active_from = NULL, active_to = NULL",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  const DateRange year{hearth::testing::date("2025-04-01"), hearth::testing::date("2026-03-31")};
  auto loaded = (*store)->load_active(RecordKind::kReferral, "999", year);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->size(), 1u);  // no period known: loaded, for the engine to judge
  // Written again, it has one, and the load leaves it out.
  ASSERT_TRUE((*store)->put(old, change("re-entered"), 1));
  EXPECT_TRUE((*store)->load_active(RecordKind::kReferral, "999", year)->empty());
}

// A store that reads through a memory map (an export's) sees what another writes after it
// opened, as the file grows past what was mapped, and its own writes are kept.
// Without the option, nothing maps the file (the server's way: decision in sqlite_connection.cpp).
TEST(SqliteStore, AStoreReadsWithoutAMemoryMapUnlessAsked) {
  TempDir dir;
  const std::string path = (dir.path() / "unmapped.db").string();
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->put(sample_child("C1", "Not", "Mapped"), change("entered")));
  ASSERT_TRUE((*store)->get({RecordKind::kChild, "999", "C1"}));
  EXPECT_EQ(read_bytes("/proc/self/maps").find(fs::canonical(path).string() + "\n"),
            std::string::npos);
}

TEST(SqliteStore, AStoreReadingThroughAMemoryMapSeesEveryWrite) {
  TempDir dir;
  const std::string path = (dir.path() / "mapped.db").string();
  OpenOptions mapped;
  mapped.sqlite_map_for_reading = true;
  auto reader = Store::open(path, mapped);
  ASSERT_TRUE(reader) << reader.error().describe();
  auto writer = Store::open(path);
  ASSERT_TRUE(writer);
  std::vector<Record> many;
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) {
    ids.push_back("M" + std::to_string(i));
    many.push_back(sample_child(ids.back(), "Mapped", "Child"));
  }
  ASSERT_TRUE((*writer)->bulk_load(many, change("synthetic data")));
  {
    // Into the file itself, as the writes of a day are: the reader reads them from there.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  const RecordKind kinds[] = {RecordKind::kChild};
  auto loaded = (*reader)->load_for_children("999", ids, kinds);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->size(), 3000u);
  // The file is mapped into this process: the option took effect.
  EXPECT_NE(read_bytes("/proc/self/maps").find(fs::canonical(path).string() + "\n"),
            std::string::npos);
  ASSERT_TRUE((*reader)->put(sample_child("W1", "Written", "Mapped"), change("entered")));
  reader->reset();
  auto count = (*writer)->count(RecordKind::kChild, "999");
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 3001);
}

TEST(SqliteStore, AFullDiskFailsTheWriteAndKeepsWhatWasStored) {
  TempDir dir;
  const std::string path = (dir.path() / "full.db").string();
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->put(sample_child("C1", "Kept", "Safe"), change("entered")));
  }
  // Reopen with the database capped at its present size: the next large write hits "disk full"
  // as it would on a real full disk.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  const int64_t pages = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);

  OpenOptions options;
  options.sqlite_page_limit = pages + 2;
  auto store = Store::open(path, options);
  ASSERT_TRUE(store) << store.error().describe();
  std::vector<Record> many;
  for (int i = 0; i < 2000; ++i) {
    many.push_back(sample_child("N" + std::to_string(i), "New", "Child"));
  }
  auto loaded = (*store)->bulk_load(many, change("synthetic data"));
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, core::ErrorCode::kIo);
  EXPECT_NE(loaded.error().message.find("disk is full"), std::string::npos)
      << loaded.error().message;
  auto kept = (*store)->get({RecordKind::kChild, "999", "C1"});
  EXPECT_TRUE(kept);
  auto count = (*store)->count(RecordKind::kChild, "");
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 1);
}

// A read-only folder: as root, a read-only mount (root ignores permission bits); otherwise a
// folder without write permission.
TEST(SqliteStore, AReadOnlyFolderGivesAClearMessageAndChangesNothing) {
  TempDir dir;
  const fs::path folder = dir.path() / "ro";
  fs::create_directories(folder);
  const bool as_root = geteuid() == 0;
  if (as_root && mount("tmpfs", folder.c_str(), "tmpfs", 0, "size=4m") != 0) {
    GTEST_SKIP() << "running as root without permission to mount a tmpfs: cannot make a folder "
                    "read-only for root here";
  }
  const std::string path = (folder / "h.db").string();
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store) << store.error().describe();
    ASSERT_TRUE((*store)->put(sample_child("C1", "Kept", "Safe"), change("entered")));
  }
  const std::string before = read_bytes(path);
  if (as_root) {
    ASSERT_EQ(mount("tmpfs", folder.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=4m"), 0);
  } else {
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  }
  auto opened = Store::open(path);
  std::string message;
  if (opened) {
    // Opening may succeed where SQLite can read; a write must then fail cleanly.
    auto put = (*opened)->put(sample_child("C2", "New", "Child"), change("entered"));
    ASSERT_FALSE(put);
    message = put.error().message;
    EXPECT_EQ(put.error().code, core::ErrorCode::kIo);
    opened->reset();
  } else {
    message = opened.error().message;
    EXPECT_EQ(opened.error().code, core::ErrorCode::kIo) << message;
  }
  EXPECT_NE(message.find("read"), std::string::npos) << message;  // "read-only"
  EXPECT_TRUE(read_bytes(path) == before) << "the file was changed";
  if (as_root) {
    umount(folder.c_str());
  } else {
    fs::permissions(folder, fs::perms::owner_all);
  }
}

}  // namespace
}  // namespace hearth::store
