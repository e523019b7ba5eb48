// Drawing synthetic people and identifiers: names from the frequency tables, NHS numbers and
// UPNs that pass (or, by design, fail) their checks, postcodes in the authority's districts.
#pragma once

#include <string>

#include "hearth/core/env.hpp"
#include "hearth/synth/reference_data.hpp"

namespace hearth::synth::detail {

const std::string& draw_name(core::Random& rng, const WeightedNames& names);
std::string draw_family_name(core::Random& rng);  // sometimes double-barrelled
const std::string& draw_given_name(core::Random& rng, char sex);
std::string valid_nhs_number(core::Random& rng);
// A plausible mistyping of a valid number: two neighbouring digits swapped (usually failing the
// check digit, sometimes not) or one digit changed.
std::string mistyped_nhs_number(core::Random& rng, const std::string& valid);
std::string valid_upn(core::Random& rng, const std::string& la_code, int allocation_year);
// The authority code a UPN issued in `authority` starts with: its own, or for the fictional
// authority (999, which is no authority's code, so that the CIN census's rule 1530 would refuse
// every UPN) the code of Camden (202), as if its pupils had started school there.
std::string upn_authority_code(const AuthorityProfile& authority);
std::string postcode_in(core::Random& rng, const AuthorityProfile& authority);
std::string street_address(core::Random& rng);
std::string ethnicity(core::Random& rng);
// A one-letter slip: a letter dropped, doubled, swapped with its neighbour or replaced.
std::string typo(core::Random& rng, const std::string& name);
// A known nickname of `given`, or `given` itself when the table has none.
std::string nickname(core::Random& rng, const std::string& given);

}  // namespace hearth::synth::detail
