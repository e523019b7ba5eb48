#include <algorithm>

#include <fmt/format.h>

#include "hearth/synth/reference_data.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::synth {

std::span<const AuthorityProfile> england() {
  return reference_data().authorities;
}

core::Result<AuthorityProfile> authority(std::string_view la_code) {
  for (const auto& profile : england()) {
    if (profile.la_code == la_code) return profile;
  }
  return core::Error::invalid("--la", fmt::format("'{}' is not the code of an English local "
                                                  "authority (three digits, e.g. 202 for Camden)",
                                                  la_code));
}

core::Result<std::string> ons_code_of(std::string_view code) {
  if (code == "999") return std::string("E06000999");
  for (const auto& profile : england()) {
    if (profile.la_code == code || profile.ons_code == code) return profile.ons_code;
  }
  return core::Error::invalid(
      "--la", fmt::format("'{}' is not the code of an English local authority (three digits, "
                          "e.g. 202, or its ONS code, e.g. E09000007 for Camden)",
                          code));
}

core::Result<Size> parse_size(std::string_view text) {
  if (text == "small") return Size::kSmall;
  if (text == "medium") return Size::kMedium;
  if (text == "large") return Size::kLarge;
  return core::Error::invalid("--size",
                              fmt::format("'{}' is not a size: use small, medium or large", text));
}

AuthorityProfile fictional_authority_with_children(int64_t children) {
  AuthorityProfile profile;
  profile.la_code = "999";
  profile.ons_code = "E06000999";
  profile.name = "Synthshire";
  profile.region = "Synthetic";
  profile.children = children;
  profile.looked_after = children * 67 / 10000;
  // Postcode districts of a fictional area: real-looking but in the unused "ZZ" area.
  for (int i = 1; i <= 12; ++i) profile.postcode_districts.push_back(fmt::format("ZZ{}", i));
  return profile;
}

AuthorityProfile fictional_authority(Size size) {
  switch (size) {
    case Size::kSmall:
      return fictional_authority_with_children(25'000);
    case Size::kMedium:
      return fictional_authority_with_children(70'000);
    case Size::kLarge: {
      int64_t largest = 0;
      for (const auto& profile : england()) largest = std::max(largest, profile.children);
      return fictional_authority_with_children(largest);
    }
  }
  return fictional_authority_with_children(70'000);
}

}  // namespace hearth::synth
