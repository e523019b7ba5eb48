// What police, health and schools hold of the authority's children and their parents, and of
// people the authority does not know at all, each with the agency's own identifiers and errors;
// and the ground truth of who is who.
#pragma once

#include "hearth/core/env.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::synth::detail {

void add_partner_view(const AuthorityProfile& authority, const Options& options, core::Random rng,
                      Dataset& out);

}  // namespace hearth::synth::detail
