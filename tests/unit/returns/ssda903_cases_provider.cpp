// SSDA903 rule cases: URNs against Ofsted's register of providers (ssda903_rules_providers.cpp).
// Each is a change to valid_return() or to Ofsted's register in valid_reference() (a provider
// closed, registered for other placements or providers, or at another address) that the rule's
// wording says must fail it, with the other rules the same change fails (ssda903_return.hpp).
// The base return's URNs: SC123456 (C1's first placement, C4's first two), SC654321 (C1's second,
// open), SC234567 (C3's, open since 2024), SC345678 (C4's adoptive placement, August-December).
#include <stdexcept>
#include <string_view>

#include "ssda903_return.hpp"

namespace hearth::returns::test {
namespace {

RegisteredProvider& registered(Reference& r, std::string_view urn) {
  for (auto& provider : r.providers) {
    if (provider.urn == urn) return provider;
  }
  throw std::logic_error("the base reference has no URN " + std::string(urn));
}

core::Date day(int year, int month, int d) {
  return core::Date::from_ymd(year, month, d).value();
}

// The provider's setting moved to a postcode in another authority (a county, E10000099); no
// episode is placed at that postcode.
void elsewhere(Reference& r, std::string_view urn) {
  r.postcodes.push_back({"ZZ8 8ZZ", {std::pair{430000, 320000}, "E10000099"}});
  registered(r, urn).postcode = "ZZ8 8ZZ";
}

const auto kNoChange = [](Ssda903Files&) {};

}  // namespace

std::vector<Case> provider_cases() {
  // C1's first placement a children's home (K2), registered for it at the providers' offices,
  // not at the home.
  auto childrens_home = [](Ssda903Files& f) { cell(f, T::kEpisodes, 0, "PLACE") = "K2"; };
  auto registered_home = [](Reference& r) { registered(r, "SC123456").place_codes = {"U4", "K2"}; };
  // C1's second placement (open, so no age rule judges it: 371) supported accommodation (K3).
  auto supported = [](Ssda903Files& f) { cell(f, T::kEpisodes, 1, "PLACE") = "K3"; };
  // ... provided by another authority (PR2), as registered, in the return's own authority.
  auto supported_by_another = [](Ssda903Files& f) {
    cell(f, T::kEpisodes, 1, "PLACE") = "K3";
    cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR2";
  };
  auto registered_by_another = [](Reference& r) {
    auto& provider = registered(r, "SC654321");
    provider.place_codes = {"K3"};
    provider.provider_codes = {"PR2"};
  };
  return {
      // SC654321 registered for long-term fostering (U4) only: C1's second placement is U5.
      // SC234567 closed on 31 March, the last day of the year: C3's open episode is not 228's.
      {"219",
       kNoChange,
       2026,
       {},
       [](Reference& r) {
         registered(r, "SC654321").place_codes = {"U4"};
         registered(r, "SC234567").registration_end = day(2026, 3, 31);
       }},
      {"221", childrens_home, 2026, {}, registered_home},
      {"221", childrens_home, 2023, {}, registered_home},
      // 2023-24 judges semi-independent living (H5) too, though 222 asks no URN of it.
      {"221",
       [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE") = "H5"; },
       2024,
       {"222"},
       [](Reference& r) { registered(r, "SC654321").place_codes = {"H5"}; }},
      // From 2024-25 supported accommodation (K3).
      {"221",
       supported,
       2025,
       {},
       [](Reference& r) { registered(r, "SC654321").place_codes = {"K3"}; }},
      // Another authority's provision in the return's own authority, which 229 judges in
      // 2024-25 and, for K3, not from 2025-26.
      {"221", supported_by_another, 2026, {}, registered_by_another},
      {"229", supported_by_another, 2025, {"221"}, registered_by_another},
      // The register gives SC345678 as private provision (PR4). It closed on 1 December, the
      // day C4's placement there ended: not 228.
      {"224",
       kNoChange,
       2026,
       {},
       [](Reference& r) {
         auto& provider = registered(r, "SC345678");
         provider.provider_codes = {"PR4"};
         provider.registration_end = day(2025, 12, 1);
       }},
      // The children's home of C1's first placement (and C4's first two) registered as private
      // provision; its postcode, as the register writes it, is the placement's: not 221.
      {"224",
       childrens_home,
       2026,
       {},
       [](Reference& r) {
         auto& provider = registered(r, "SC123456");
         provider.place_codes = {"U4", "K2"};
         provider.provider_codes = {"PR4"};
         provider.postcode = "ZZ12BB";
       }},
      // The return gives C1's second placement as another authority's provision; the register
      // has it as own, and in the return's authority (229).
      {"224",
       [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR2"; },
       2026,
       {"229"},
       [](Reference& r) { registered(r, "SC654321").provider_codes = {"PR1"}; }},
      // SC345678 deregistered on 1 August, the day C4 was placed there; the placement ended
      // after it (228).
      {"227",
       kNoChange,
       2026,
       {"228"},
       [](Reference& r) { registered(r, "SC345678").registration_end = day(2025, 8, 1); }},
      // Closed the day before C4's placement there ended.
      {"228",
       kNoChange,
       2026,
       {},
       [](Reference& r) { registered(r, "SC345678").registration_end = day(2025, 11, 30); }},
      // C1's second placement still open at a provider closed on 1 January. C4's adoptive
      // placement given the URN XXXXXXX (a regional adoption agency's, 242) is not judged.
      {"228",
       [](auto& f) { cell(f, T::kEpisodes, 5, "URN") = "XXXXXXX"; },
       2026,
       {},
       [](Reference& r) { registered(r, "SC654321").registration_end = day(2026, 1, 1); }},
      // C4's adoptive placement given as own provision, at a provider in another authority.
      {"229", kNoChange, 2026, {}, [](Reference& r) { elsewhere(r, "SC345678"); }},
      {"229", kNoChange, 2025, {}, [](Reference& r) { elsewhere(r, "SC345678"); }},
      // C1's second placement another authority's provision, as registered, but in the
      // return's own authority.
      {"229",
       [](auto& f) { cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR2"; },
       2026,
       {},
       [](Reference& r) { registered(r, "SC654321").provider_codes = {"PR2"}; }},
      // Own provision at a setting whose postcode the directory does not know: in no authority.
      {"229",
       kNoChange,
       2026,
       {},
       [](Reference& r) { registered(r, "SC654321").postcode = "ZZ7 7ZZ"; }},
      // Ofsted's list does not have SC345678: nor, then, its placements (219), providers (224) or
      // authority (229).
      {"1008",
       kNoChange,
       2026,
       {"219", "224", "229"},
       [](Reference& r) {
         std::erase_if(r.providers,
                       [](const RegisteredProvider& p) { return p.urn == "SC345678"; });
       }},
      // Six X's are not the DfE's XXXXXXX.
      {"1008",
       [](auto& f) { cell(f, T::kEpisodes, 1, "URN") = "XXXXXX"; },
       2026,
       {"219", "224", "229"}},
  };
}

}  // namespace hearth::returns::test
