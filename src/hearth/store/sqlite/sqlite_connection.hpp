// SQLite behind the detail::Connection interface. One sqlite3 handle with foreign keys on and
// synchronous=FULL; prepared statements are cached per connection. WAL mode is a property of the
// file, set by the store once it knows the file is a Hearth database (setting it rewrites the
// header, and a file that is not ours must be left exactly as it was).
#pragma once

#include <memory>
#include <string>

#include "hearth/store/detail/sql.hpp"

namespace hearth::store::sqlite {

struct SqliteOpen {
  std::string path;
  bool create = true;
  int64_t page_limit = 0;        // PRAGMA max_page_count when > 0
  bool map_for_reading = false;  // PRAGMA mmap_size: pages read from a memory map, not pread
};

// Opens and checks the file: kCorrupt if it is not a SQLite database (the file is left as it
// was), kIo if it cannot be opened or created (missing or read-only folder), kNotFound if it does
// not exist and `create` is false.
core::Result<std::unique_ptr<detail::Connection>> open_connection(const SqliteOpen& options);

}  // namespace hearth::store::sqlite
