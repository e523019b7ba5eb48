// Small, fully filled-in synthetic records for tests: every field set, so that a codec or a
// backend that drops one is caught.
#pragma once

#include <string>
#include <vector>

#include "hearth/store/store.hpp"

namespace hearth::testing {

core::Date date(const char* iso);
domain::Child sample_child(std::string id, std::string given, std::string family,
                           std::string la_code = "999");
// One record of every kind, all belonging to (or naming) `child_id` in `la_code`.
std::vector<store::Record> one_of_every_kind(const std::string& la_code,
                                             const std::string& child_id);
store::Change change(std::string reason, int64_t at_seconds = 1'700'000'000);

}  // namespace hearth::testing
