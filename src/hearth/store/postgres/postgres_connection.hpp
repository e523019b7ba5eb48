// PostgreSQL through libpq behind the detail::Connection interface. Parameters go as text; bulk
// inserts use COPY FROM STDIN.
#pragma once

#include <memory>
#include <string>

#include "hearth/store/detail/sql.hpp"

namespace hearth::store::postgres {

// `url` is a libpq connection URI (postgresql://user@host:port/db?...). kUnavailable, naming the
// server and libpq's reason, when it cannot be reached.
core::Result<std::unique_ptr<detail::Connection>> open_connection(const std::string& url);

// The URL with any password replaced by "***", for messages and logs.
std::string redact(std::string_view url);

}  // namespace hearth::store::postgres
