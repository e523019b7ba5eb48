// The national rates the generator follows, each with its source. Figures marked [REF] are from
// shared/domain/REFERENCE.md section 6 (DfE statistics, England, year to 31 March 2025, via the
// DfE dashboard repository). Figures marked [approx] are rounded from the DfE's "Characteristics
// of children in need" and "Children looked after in England" releases (2023-24) and are
// approximate; they shape the data, nothing is reported from them.
#pragma once

namespace hearth::synth::rates {

// --- Front door and children in need
// 632,830 referrals / 12,183,016 children aged 0-17 [REF; population: ONS mid-2024].
inline constexpr double kReferralsPer10k = 519.4;
// Share of referrals within 12 months of a previous referral [REF].
inline constexpr double kReReferral = 0.226;
// Referrals with no further action at the referral stage [approx: ~6%].
inline constexpr double kReferralNfa = 0.06;
// Referrals leading to a section 47 enquiry [approx: ~205,000 enquiries / 632,830 referrals].
inline constexpr double kSection47PerReferral = 0.32;
// Section 47 enquiries leading to an initial child protection conference [approx: ~38%].
inline constexpr double kIcpcPerSection47 = 0.38;
// Conferences that start a plan: 61,840 plans started [REF] / ~80,000 ICPCs [approx].
inline constexpr double kPlanPerIcpc = 0.77;
// Assessments that found the child not in need [approx: ~29%].
inline constexpr double kAssessedNotInNeed = 0.29;
// Assessments authorised within 45 working days [approx: ~82%].
inline constexpr double kAssessmentOnTime = 0.82;
// Initial conferences within 15 working days of the strategy discussion [approx: ~78%].
inline constexpr double kIcpcOnTime = 0.78;
// Median length of a child protection plan, days [approx: ~9 months]; plans open at 31 March
// 49,420 [REF].
inline constexpr double kPlanMedianDays = 270;
// Category of abuse at the start of a plan: neglect, emotional, physical, sexual, multiple
// [approx: 48%, 37%, 7%, 4%, 4%].
inline constexpr double kCategoryWeights[] = {0.48, 0.37, 0.07, 0.04, 0.04};

// --- Children looked after
// 32,270 started to be looked after [REF] / 632,830 referrals: the share of referrals that lead to
// care, so that starts per 10,000 children follow the national rate (26.5).
inline constexpr double kCarePerReferral = 0.051;
// Share of periods of care that end within six months (mostly returning home) [approx].
inline constexpr double kShortCare = 0.33;
// Placement moves per child-year, tuned so that ~10% of children looked after have 3 or more
// placements in a year [REF: 10% in 2025].
inline constexpr double kPlacementMovesPerYear = 0.75;
// Children looked after who go missing in a year [approx: ~11%], episodes each [approx: ~6].
inline constexpr double kMissingChildShare = 0.11;
inline constexpr double kMissingEpisodesEach = 6.0;
// Unaccompanied asylum-seeking children among those starting care [approx: ~12%].
inline constexpr double kUascShareOfStarts = 0.12;

// --- Records' mess (for the partner view and the authority's own records)
inline constexpr double kChildNhsMissing = 0.08;    // authority records without an NHS number
inline constexpr double kChildNhsWrong = 0.015;     // mistyped: fails or passes the check wrongly
inline constexpr double kHyphenatedSurname = 0.04;  // double-barrelled family names
inline constexpr double kSurnameChange = 0.02;      // children whose surname changes on record
inline constexpr double kAddressChangePerYear = 0.12;
inline constexpr double kTwinShare = 0.015;         // of sibling groups
inline constexpr double kPartnerNickname = 0.06;    // agency records under a known nickname
inline constexpr double kPartnerTypo = 0.04;        // one-letter slips in a name
inline constexpr double kPartnerDateSwap = 0.015;   // day and month swapped
inline constexpr double kPartnerDateSlip = 0.01;    // one day or one year out
inline constexpr double kPartnerOldAddress = 0.10;  // agency still has a previous postcode

}  // namespace hearth::synth::rates
