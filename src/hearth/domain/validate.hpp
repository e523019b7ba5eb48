// Record-level validation: the checks a single record must pass before it is stored. Forms and
// importers call `validate` and refuse (or report) a record with any error; the returns module
// adds the cross-record rules of the CIN census and SSDA903 (overlaps, continuity, counts) on top.
//
// Each function returns every problem it finds (empty when the record is valid), never stopping
// at the first, so that a form can show them all at once. Each Error is kInvalid and names its
// field: the DfE data item where the field is in a return ("ReferralSource", "CPPendDate",
// "PLACE"), otherwise the member name in entities.hpp ("la_code", "child_id", "kind"); NHS number,
// UPN and postcode errors keep the fields of values.hpp ("NHS number", "UPN", "postcode") unless
// the return names the item (FormerUPN, HOME_POST, PL_POST).
//
// `today` fixes both "not in the future" and the collection year whose code lists apply (the year
// ending 31 March that contains `today`). To check a record of an earlier return, pass that
// return's reference date (31 March of its year).
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/error.hpp"
#include "hearth/domain/entities.hpp"

namespace hearth::domain {

// LAchildID (1 to 20 letters and digits), la_code (three digits); codes of Sex, Ethnicity,
// UPNunknown and Disability; PersonBirthDate not in the future (an unborn child has
// ExpectedPersonBirthDate instead, which may be); PersonDeathDate not before birth nor in the
// future; NHS number, UPN, FormerUPN and postcode well formed when present; not both a UPN and a
// UPNunknown reason; Disability "NONE" alone and no code twice; MC_DOB and DUC not before birth.
std::vector<core::Error> validate(const Child& child, core::Date today);

// id, la_code, child_id; CINreferralDate not in the future; ReferralSource required;
// PrimaryNeedCode and ReasonForClosure codes; CINclosureDate and ReasonForClosure together, the
// closure not before the referral; DateOfInitialCPC not before the referral.
std::vector<core::Error> validate(const Referral& referral, core::Date today);

// id, la_code, child_id, referral_id; dates in order and not in the future; AssessmentFactors
// known, no factor twice, "21" (no factors identified) alone, and at least one once authorised.
std::vector<core::Error> validate(const Assessment& assessment, core::Date today);

// id, la_code, child_id, referral_id; CPPstartDate, CPPendDate and each CPPreviewDate in order and
// not in the future; InitialCategoryOfAbuse and LatestCategoryOfAbuse required;
// NumberOfPreviousCPP not negative.
std::vector<core::Error> validate(const ProtectionPlan& plan, core::Date today);

// id, la_code, child_id; RNE, LS, CIN and PLACE required; PLACE_PROVIDER, REC and
// REASON_PLACE_CHANGE codes; DEC not before DECOM; DEC and REC together; HOME_POST and PL_POST.
std::vector<core::Error> validate(const LookedAfterEpisode& episode, core::Date today);

// id, la_code, child_id; PLACE required; PLACE_PROVIDER and REASON_PLACE_CHANGE codes; dates in
// order and not in the future; PL_POST.
std::vector<core::Error> validate(const Placement& placement, core::Date today);

// id, la_code, child_id; MISSING (M or A) required; MIS_END not before MIS_START.
std::vector<core::Error> validate(const MissingEpisode& episode, core::Date today);

// id, la_code; sex code; date_of_birth not in the future; postcode.
std::vector<core::Error> validate(const Person& person, core::Date today);

// id, la_code; kind required (codes::carer_kind); a kinship carer names the related child;
// approved not in the future, deregistered not before approved; approved_places not negative;
// postcode.
std::vector<core::Error> validate(const Carer& carer, core::Date today);

}  // namespace hearth::domain
