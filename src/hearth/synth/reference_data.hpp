// The reference tables the generator draws from, compiled into the program from data/*.csv
// (sources in data/README.md).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearth/synth/synth.hpp"

namespace hearth::synth {

struct WeightedNames {
  std::vector<std::string> names;
  std::vector<double> cumulative;  // running total of weights, for sampling
};

struct ReferenceData {
  std::vector<AuthorityProfile> authorities;
  WeightedNames girls;
  WeightedNames boys;
  WeightedNames family_names;
  // Nicknames of each formal given name ("Elizabeth" -> {"Liz", "Beth", ...}).
  std::unordered_map<std::string, std::vector<std::string>> nicknames;
};

const ReferenceData& reference_data();

}  // namespace hearth::synth
