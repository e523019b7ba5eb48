#include "hearth/synth/detail/draw.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hearth/domain/values.hpp"

namespace hearth::synth::detail {

const std::string& draw_name(core::Random& rng, const WeightedNames& names) {
  const double pick = rng.unit() * names.cumulative.back();
  const auto it = std::upper_bound(names.cumulative.begin(), names.cumulative.end(), pick);
  const size_t index = std::min<size_t>(it - names.cumulative.begin(), names.names.size() - 1);
  return names.names[index];
}

std::string draw_family_name(core::Random& rng) {
  const auto& data = reference_data();
  std::string name = draw_name(rng, data.family_names);
  if (rng.chance(0.04)) name += "-" + draw_name(rng, data.family_names);
  return name;
}

const std::string& draw_given_name(core::Random& rng, char sex) {
  const auto& data = reference_data();
  return draw_name(rng, sex == 'F' ? data.girls : data.boys);
}

std::string valid_nhs_number(core::Random& rng) {
  while (true) {
    // Real numbers start 4, 6 or 9 in England; 9 keeps synthetic ones in the test range style.
    std::string digits = "9";
    for (int i = 0; i < 8; ++i) digits += static_cast<char>('0' + rng.below(10));
    const int check = domain::NhsNumber::check_digit(digits);
    if (check >= 0) return digits + static_cast<char>('0' + check);
  }
}

std::string mistyped_nhs_number(core::Random& rng, const std::string& valid) {
  std::string out = valid;
  if (rng.chance(0.6)) {
    const size_t i = rng.below(9);
    if (out[i] == out[i + 1]) out[i + 1] = static_cast<char>('0' + (out[i + 1] - '0' + 1) % 10);
    std::swap(out[i], out[i + 1]);
  } else {
    const size_t i = rng.below(10);
    out[i] = static_cast<char>('0' + (out[i] - '0' + 1 + rng.below(9)) % 10);
  }
  return out;
}

std::string valid_upn(core::Random& rng, const std::string& la_code, int allocation_year) {
  const std::string body = fmt::format("{}{:04}{:02}{:03}", la_code, 2000 + rng.below(7000),
                                       allocation_year % 100, rng.below(1000));
  const char check = domain::Upn::check_letter(body);
  return std::string(1, check) + body;
}

std::string upn_authority_code(const AuthorityProfile& authority) {
  return authority.la_code == "999" ? "202" : authority.la_code;
}

std::string postcode_in(core::Random& rng, const AuthorityProfile& authority) {
  static constexpr char kUnitLetters[] = "ABDEFGHJLNPQRSTUWXYZ";  // no C I K M O V
  const std::string district =
      authority.postcode_districts.empty()
          ? std::string("ZZ99")
          : authority.postcode_districts[rng.below(authority.postcode_districts.size())];
  return fmt::format("{} {}{}{}", district, rng.below(10), kUnitLetters[rng.below(20)],
                     kUnitLetters[rng.below(20)]);
}

std::string street_address(core::Random& rng) {
  static constexpr const char* kStreets[] = {"Oak",    "Station", "Church", "Victoria", "Park",
                                             "Mill",   "School",  "Manor",  "Queens",   "Kings",
                                             "Albert", "Grange",  "Willow", "Meadow",   "Orchard"};
  static constexpr const char* kKinds[] = {"Road", "Street", "Lane", "Close", "Avenue", "Way"};
  return fmt::format("{} {} {}", 1 + rng.below(180), kStreets[rng.below(std::size(kStreets))],
                     kKinds[rng.below(std::size(kKinds))]);
}

std::string ethnicity(core::Random& rng) {
  // Children in need by ethnicity, England [approx, DfE CIN 2024]: White ~72%, Mixed ~10%,
  // Asian ~8%, Black ~7%, other ~2%, not obtained ~1%.
  static constexpr const char* kCodes[] = {"WBRI", "WOTH", "WIRI", "WROM", "MWBC", "MWBA", "MWAS",
                                           "MOTH", "APKN", "ABAN", "AIND", "AOTH", "BAFR", "BCRB",
                                           "BOTH", "CHNE", "OOTH", "NOBT", "REFU"};
  static constexpr double kWeights[] = {64,  6.5, 0.5, 1,   3.5, 1.5, 1.5, 3.5, 3.5, 1.5,
                                        1.2, 1.8, 4,   1.8, 1.2, 0.2, 1.8, 0.8, 0.2};
  return kCodes[rng.weighted(kWeights)];
}

std::string typo(core::Random& rng, const std::string& name) {
  if (name.size() < 3) return name;
  std::string out = name;
  const size_t i = 1 + rng.below(out.size() - 2);
  switch (rng.below(4)) {
    case 0:
      out.erase(i, 1);
      break;
    case 1:
      out.insert(i, 1, out[i]);
      break;
    case 2:
      std::swap(out[i], out[i + 1 < out.size() ? i + 1 : i - 1]);
      break;
    default: {
      static constexpr char kVowels[] = "aeiouy";
      out[i] = kVowels[rng.below(6)];
    }
  }
  return out;
}

std::string nickname(core::Random& rng, const std::string& given) {
  const auto& table = reference_data().nicknames;
  const auto found = table.find(given);
  if (found == table.end() || found->second.empty()) return given;
  return found->second[rng.below(found->second.size())];
}

}  // namespace hearth::synth::detail
