// The Store, written once over detail::Connection, for both backends.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hearth/store/detail/connection_pool.hpp"
#include "hearth/store/detail/migrations.hpp"
#include "hearth/store/detail/sql.hpp"
#include "hearth/store/detail/sql_access_store.hpp"
#include "hearth/store/store.hpp"

namespace hearth::store::detail {

class SqlStore final : public Store {
 public:
  SqlStore(std::string backend, ConnectionFactory factory, std::unique_ptr<Connection> first);

  std::string_view backend() const override { return backend_; }
  core::Result<int> schema_version() override;
  core::Status transact(const std::function<core::Status(Writer&)>& work) override;
  core::Result<StoredRecord> get(const RecordKey& key) override;
  core::Result<std::vector<StoredRecord>> get_many(std::span<const RecordKey> keys) override;
  core::Result<std::vector<StoredRecord>> history(const RecordKey& key) override;
  core::Result<ChildRecord> child_record(std::string_view la_code,
                                         std::string_view child_id) override;
  core::Result<ChildPage> find_children(const ChildQuery& query) override;
  core::Result<std::vector<Record>> load_all(RecordKind kind, std::string_view la_code) override;
  core::Result<std::vector<Record>> load_for_children(
      std::string_view la_code, std::span<const std::string> child_ids,
      std::span<const RecordKind> kinds, std::optional<DateRange> during = std::nullopt) override;
  core::Result<std::vector<Record>> load_active(RecordKind kind, std::string_view la_code,
                                                DateRange during) override;
  core::Result<std::vector<std::pair<std::string, int64_t>>> authorities() override;
  core::Result<int64_t> count(RecordKind kind, std::string_view la_code) override;
  core::Result<AgencyRecordPage> find_agency_records(const AgencyRecordQuery& query) override;
  core::Result<int64_t> bulk_load(std::span<const Record> records, const Change& change) override;
  AccessStore& access() override { return access_; }

 private:
  // load_all and load_active: by `during` when it is given.
  core::Result<std::vector<Record>> load_kind(RecordKind kind, std::string_view la_code,
                                              std::optional<DateRange> during);
  std::string backend_;
  ConnectionPool pool_;
  SqlAccessStore access_{pool_};
};

// Lower-case words of a name or a query, for search: "Smith-Jones" gives "smith", "jones" and
// "smithjones"; "O'Brien" gives "o", "brien" and "obrien".
std::vector<std::string> name_tokens(std::string_view text);

}  // namespace hearth::store::detail
