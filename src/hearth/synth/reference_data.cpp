#include "hearth/synth/reference_data.hpp"

#include <charconv>
#include <stdexcept>

namespace hearth::synth {
namespace embedded {
extern const std::string_view k_local_authorities;
extern const std::string_view k_given_names;
extern const std::string_view k_family_names;
extern const std::string_view k_nicknames;
extern const std::string_view k_postcode_districts;
}  // namespace embedded

namespace {

// The embedded tables are simple: a header line, comma-separated fields, no quoting (the data
// README promises it). A malformed table is a build defect, so it throws.
std::vector<std::vector<std::string_view>> rows_of(std::string_view text) {
  std::vector<std::vector<std::string_view>> rows;
  bool header = true;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> fields;
    while (true) {
      const size_t comma = line.find(',');
      fields.push_back(line.substr(0, comma));
      if (comma == std::string_view::npos) break;
      line = line.substr(comma + 1);
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

double number(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc()) throw std::runtime_error("bad number in synth data: " + std::string(text));
  return value;
}

void add(WeightedNames& names, std::string_view name, double weight) {
  names.names.emplace_back(name);
  names.cumulative.push_back((names.cumulative.empty() ? 0 : names.cumulative.back()) + weight);
}

ReferenceData load() {
  ReferenceData data;
  for (const auto& row : rows_of(embedded::k_local_authorities)) {
    if (row.size() < 6) throw std::runtime_error("local_authorities.csv: short row");
    AuthorityProfile profile;
    profile.la_code = std::string(row[0]);
    profile.ons_code = std::string(row[1]);
    profile.name = std::string(row[2]);
    profile.region = std::string(row[3]);
    profile.children = static_cast<int64_t>(number(row[4]));
    profile.looked_after = static_cast<int64_t>(number(row[5]));
    data.authorities.push_back(std::move(profile));
  }
  for (const auto& row : rows_of(embedded::k_postcode_districts)) {
    for (auto& profile : data.authorities) {
      if (profile.la_code == row[0]) profile.postcode_districts.emplace_back(row[1]);
    }
  }
  for (const auto& row : rows_of(embedded::k_given_names)) {
    add(row[1] == "F" ? data.girls : data.boys, row[0], number(row[2]));
  }
  for (const auto& row : rows_of(embedded::k_family_names))
    add(data.family_names, row[0], number(row[1]));
  for (const auto& row : rows_of(embedded::k_nicknames)) {
    data.nicknames[std::string(row[0])].emplace_back(row[1]);
  }
  return data;
}

}  // namespace

const ReferenceData& reference_data() {
  static const ReferenceData data = load();
  return data;
}

}  // namespace hearth::synth
