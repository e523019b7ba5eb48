// Opening a store with a chosen list of migrations: for tests of migration failure and of
// databases newer than the program.
#pragma once

#include <optional>
#include <span>

#include "hearth/store/detail/migrations.hpp"
#include "hearth/store/store.hpp"

namespace hearth::store::detail {

core::Result<std::unique_ptr<Store>> open_store(
    std::string_view target, const OpenOptions& options,
    std::optional<std::span<const Migration>> migrations = std::nullopt);

}  // namespace hearth::store::detail
