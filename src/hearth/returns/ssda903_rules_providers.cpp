// SSDA903 rules that judge an episode's Ofsted URN against Ofsted's register of social care
// providers (ssda903_reference.hpp): that the URN is registered, and for the placement type,
// provider, postcode, local authority and dates the episode gives. Source and conventions as in
// ssda903_rules.hpp; each rule's logic follows the open-source validator's (lac2022_23 and later).
#include <algorithm>
#include <string>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {

std::vector<Ssda903Rule> ssda903_provider_rules();

namespace {

using namespace detail;

bool listed(const std::vector<std::string>& codes, std::string_view code) {
  return !code.empty() && std::find(codes.begin(), codes.end(), code) != codes.end();
}

// Each judged episode for which `failing(row, registration)` holds fails; the registration is
// none for a URN the register does not have.
template <typename F>
void against_register(const Ssda903Context& c, Out& out, F&& failing) {
  const Column urn(c.table(T::kEpisodes), "URN");
  each_row(c, out, T::kEpisodes, [&](size_t r) {
    const auto u = urn(r);
    return urn_given(u) && failing(r, c.provider(u));  // XXXXXXX: not on the register
  });
}

void r219(const Ssda903Context& c, Out& out) {
  const Column place(c.table(T::kEpisodes), "PLACE");
  against_register(c, out, [&](size_t r, const RegisteredProvider* p) {
    return !p || !listed(p->place_codes, place(r));
  });
}

// 221: for the placements of `places` (Ofsted registers the setting at its own address), the
// placement postcode is the setting's, as the directory matches postcodes (case and spaces
// aside). A URN the register does not have has no postcode to match.
void postcode_not_the_settings(const Ssda903Context& c, Out& out,
                               std::initializer_list<std::string_view> places) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column ls(t, "LS"), place(t, "PLACE"), post(t, "PL_POST");
  against_register(c, out, [&](size_t r, const RegisteredProvider* p) {
    if (in(ls(r), {"V3", "V4"}) || !in(place(r), places) || post(r).empty()) return false;
    return !p || PostcodeDirectory::key(post(r)) != PostcodeDirectory::key(p->postcode);
  });
}

void r224(const Ssda903Context& c, Out& out) {
  const Column by(c.table(T::kEpisodes), "PLACE_PROVIDER");
  against_register(c, out, [&](size_t r, const RegisteredProvider* p) {
    return !p || !listed(p->provider_codes, by(r));
  });
}

// Begun on or after the day the provider closed or was deregistered.
void r227(const Ssda903Context& c, Out& out) {
  const Column decom(c.table(T::kEpisodes), "DECOM");
  against_register(c, out, [&](size_t r, const RegisteredProvider* p) {
    const auto start = uk_date(decom(r));
    return p && p->registration_end && start && *start >= *p->registration_end;
  });
}

// Ended after the provider closed (ending on the day passes), or still open at the end of the
// year (31 March) at a provider that closed before it. A DEC that is not a date is another
// rule's to report and is not judged (the validator takes it for an open episode).
void r228(const Ssda903Context& c, Out& out) {
  const Column dec(c.table(T::kEpisodes), "DEC");
  against_register(c, out, [&](size_t r, const RegisteredProvider* p) {
    if (!p || !p->registration_end) return false;
    const Date closed = *p->registration_end;
    if (dec(r).empty()) return c.end > closed;
    const auto ended = uk_date(dec(r));
    return ended && *ended > closed;
  });
}

// 229: own provision (PR1) at a provider outside the return's authority, or another authority's
// (PR2) at one inside it. The provider's authority is the one its registered postcode is in, by
// the postcode directory (the register's own LA name is not used); none for a URN the register
// does not have or a postcode the directory does not know, which fails PR1 and passes PR2.
// From 2025-26 the placements that are not judged are `exempt`.
void provider_authority_disagrees(const Ssda903Context& c, Out& out,
                                  std::initializer_list<std::string_view> exempt) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), by(t, "PLACE_PROVIDER");
  const std::string_view own = c.reference->authority;
  against_register(c, out, [&](size_t r, const RegisteredProvider* p) {
    if (in(place(r), exempt)) return false;
    std::string_view authority;
    if (p && !p->postcode.empty() && c.reference->postcodes) {
      if (const PostcodePlace* at = c.reference->postcodes->find(p->postcode)) {
        authority = at->authority;
      }
    }
    return (by(r) == "PR1" && authority != own) || (by(r) == "PR2" && authority == own);
  });
}

constexpr std::string_view k221 =
    "The Ofsted Unique reference number (URN) provided for the child's placement does not match "
    "the placement postcode provided.";
constexpr std::string_view k229 =
    "Placement provider does not match between the placing authority and the local authority "
    "code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and "
    "may be inaccurate in some cases.]";
constexpr unsigned kProviderAuthority = kProviders | kPostcodes | kAuthority;

}  // namespace

std::vector<Ssda903Rule> ssda903_provider_rules() {
  return {
      {"219",
       "The Ofsted Unique reference number (URN) provided for the child's placement does not "
       "match the placement type recorded.",
       {"URN", "PLACE"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r219,
       {},
       kProviders},
      {"221",
       k221,
       {"PL_POST"},
       {T::kEpisodes},
       kAny,
       2023,
       [](const Ssda903Context& c, Out& out) {
         postcode_not_the_settings(c, out, {"K1", "K2", "R3", "S1"});
       },
       {},
       kProviders},
      {"221",
       k221,
       {"PL_POST"},
       {T::kEpisodes},
       2024,
       2024,
       [](const Ssda903Context& c, Out& out) {
         postcode_not_the_settings(c, out, {"H5", "K1", "K2", "R3", "S1"});
       },
       {},
       kProviders},
      // 2024-25 brought supported accommodation (K3) in place of H5. The validator has two stored
      // versions of its 2024-25 rule, one with K3 and one without; this is the one with.
      {"221",
       k221,
       {"PL_POST"},
       {T::kEpisodes},
       2025,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         postcode_not_the_settings(c, out, {"K1", "K2", "K3", "R3", "S1"});
       },
       {},
       kProviders},
      {"224",
       "The Ofsted Unique reference number (URN) provided for the child's placement does not "
       "match the placement provider recorded.",
       {"PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r224,
       {},
       kProviders},
      {"227",
       "Ofsted Unique reference number (URN) is not valid for the episode start date.",
       {"URN", "DECOM"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r227,
       {},
       kProviders},
      {"228",
       "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may "
       "give false positives on open episodes at providers who close during the year]",
       {"URN", "DEC"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r228,
       {},
       kProviders},
      {"229",
       k229,
       {"URN", "PLACE_PROVIDER"},
       {T::kEpisodes},
       kAny,
       2025,
       [](const Ssda903Context& c, Out& out) { provider_authority_disagrees(c, out, {}); },
       {},
       kProviderAuthority},
      {"229",
       k229,
       {"URN", "PLACE_PROVIDER"},
       {T::kEpisodes},
       2026,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         provider_authority_disagrees(c, out,
                                      {"K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3",
                                       "T4", "Z11", "Z12", "Z13", "Z14"});
       },
       {},
       kProviderAuthority},
      {"1008",
       "Ofsted Unique Reference Number (URN) is not valid.",
       {"URN"},
       {T::kEpisodes},
       kAny,
       kOpen,
       [](const Ssda903Context& c, Out& out) {
         against_register(c, out, [](size_t, const RegisteredProvider* p) { return !p; });
       },
       {},
       kProviders},
  };
}

}  // namespace hearth::returns
