// An in-memory Store (store/store.hpp) for tests: every revision kept in maps under one mutex,
// with the interface's documented behaviour (revisions, withdrawal, conflicts, rollback, the
// children's name search), and no SQL. Good enough for the tests of anything that reads or writes
// through a Store; the backends have their own tests.
//
// It does not define Store's non-virtual helpers (Store::put, Store::withdraw, kind_of, ...):
// they live in store.cpp. Write through transact() (or the seed helpers below).
//
// access() is a FakeAccessStore (fake_access_store.hpp).
//
// Differences from a real backend, by design:
//   - child_record's lists are in id order, not date order;
//   - find_children orders by family name, given name, then id (case-insensitive, ASCII).
//
// Thread-safety: every call takes one mutex; a transaction holds it from start to commit, so
// transactions run one at a time (reads inside a transaction see the last commit).
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "hearth/store/store.hpp"

#include "fakes/fake_access_store.hpp"

namespace hearth::fakes {

class FakeStore final : public store::Store {
 public:
  FakeStore() = default;

  // Seeds records as revision 1, by "test" at the epoch. Aborts the test program on a conflict
  // (seeding the same record twice is a bug in the test).
  void seed(const std::vector<store::Record>& records);
  void seed(const store::Record& record) { seed(std::vector<store::Record>{record}); }

  // While set, every call fails with kUnavailable: a database that has gone away.
  void set_unavailable(bool unavailable) {
    unavailable_.store(unavailable);
    access_.set_unavailable(unavailable);
  }
  void set_schema_version(int version) { schema_version_.store(version); }
  // How many calls reached the store (for tests that check a page does not query).
  int64_t calls() const { return calls_.load(); }

  std::string_view backend() const override { return "fake"; }
  store::Result<int> schema_version() override;
  store::Status transact(const std::function<store::Status(store::Writer&)>& work) override;
  store::Result<store::StoredRecord> get(const store::RecordKey& key) override;
  store::Result<std::vector<store::StoredRecord>> get_many(
      std::span<const store::RecordKey> keys) override;
  store::Result<std::vector<store::StoredRecord>> history(const store::RecordKey& key) override;
  store::Result<store::ChildRecord> child_record(std::string_view la_code,
                                                 std::string_view child_id) override;
  store::Result<store::ChildPage> find_children(const store::ChildQuery& query) override;
  store::Result<std::vector<store::Record>> load_all(store::RecordKind kind,
                                                     std::string_view la_code) override;
  store::Result<std::vector<store::Record>> load_for_children(
      std::string_view la_code, std::span<const std::string> child_ids,
      std::span<const store::RecordKind> kinds,
      std::optional<store::DateRange> during = std::nullopt) override;
  store::Result<std::vector<store::Record>> load_active(store::RecordKind kind,
                                                        std::string_view la_code,
                                                        store::DateRange during) override;
  store::Result<std::vector<std::pair<std::string, int64_t>>> authorities() override;
  store::Result<int64_t> count(store::RecordKind kind, std::string_view la_code) override;
  store::Result<store::AgencyRecordPage> find_agency_records(
      const store::AgencyRecordQuery& query) override;
  store::Result<int64_t> bulk_load(std::span<const store::Record> records,
                                   const store::Change& change) override;
  store::AccessStore& access() override { return access_; }
  FakeAccessStore& fake_access() { return access_; }

  // (kind, la_code, id) -> every revision, oldest first.
  using Key = std::tuple<store::RecordKind, std::string, std::string>;
  using Revisions = std::map<Key, std::vector<store::StoredRecord>>;

 private:
  core::Status check_available();

  mutable std::recursive_mutex mutex_;
  Revisions records_;  // guarded by mutex_
  std::atomic<bool> unavailable_{false};
  std::atomic<int> schema_version_{1};
  std::atomic<int64_t> calls_{0};
  FakeAccessStore access_;
};

}  // namespace hearth::fakes
