// Records to and from the JSON text stored in each revision's body.
//
// The JSON keys are the C++ member names (see docs/decisions/0002-revision-store.md): renaming a
// member of an entity renames a stored key, so do it only with a migration of the bodies.
// Missing keys decode to the member's default, so adding a member needs no migration.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hearth/core/result.hpp"
#include "hearth/store/store.hpp"

namespace hearth::store::detail {

std::string encode(const Record& record);
core::Result<Record> decode(RecordKind kind, std::string_view body);

// Bodies read from the store, decoded on every core: decoding the JSON is most of what loading
// an engine's records costs (an export's tens of thousands of records). In the order given; the
// first body, in that order, that does not decode fails them all.
core::Result<std::vector<Record>> decode_many(
    const std::vector<std::pair<RecordKind, std::string>>& bodies);

}  // namespace hearth::store::detail
