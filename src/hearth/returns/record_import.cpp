#include "hearth/returns/record_import.hpp"

#include <fmt/format.h>

namespace hearth::returns {

using core::Error;
using core::Result;

Result<int64_t> import_records(store::Store& store, std::span<const ImportedRecord> records,
                               const std::string& by, core::Timestamp at) {
  auto done = store.transact([&](store::Writer& writer) -> core::Status {
    for (const auto& r : records) {
      const store::Change change{by,
                                 fmt::format("imported from {} line {}{}", r.file, r.line,
                                             r.also.empty() ? "" : " and " + r.also),
                                 at};
      auto put = writer.put(r.record, change, 0);
      if (!put) {
        if (put.error().code == core::ErrorCode::kConflict) {
          return Error::conflict(fmt::format("the database already has {} {} of authority {}: this "
                                             "return (or one like it) was imported before",
                                             domain::record_kind_name(store::kind_of(r.record)),
                                             store::id_of(r.record), store::la_code_of(r.record)))
              .at(r.file, r.line);
        }
        return put.error();
      }
    }
    return {};
  });
  if (!done) return done.error();
  return static_cast<int64_t>(records.size());
}

}  // namespace hearth::returns
