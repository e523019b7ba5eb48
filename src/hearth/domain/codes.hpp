// The code sets of the CIN census and the SSDA903 return, and Hearth's own for things the returns
// do not code. Each function returns one registry (code_set.hpp) citing its source in
// shared/domain/REFERENCE.md sections 4 and 5. Years are collection years ending 31 March.
#pragma once

#include <span>
#include <string_view>

#include "hearth/domain/code_set.hpp"

namespace hearth::domain::codes {

// Shared by both returns
const CodeSet& sex();        // M, F, U (from 2024-25; 1/2/0/9 before)
const CodeSet& ethnicity();  // WBRI ... NOBT
// CIN census
const CodeSet& disability();          // NONE, MOB, HAND, ...
const CodeSet& upn_unknown();         // UN1..UN7
const CodeSet& referral_source();     // 1A..10
const CodeSet& primary_need();        // N0..N9
const CodeSet& reason_for_closure();  // RC1..RC9
const CodeSet& category_of_abuse();   // NEG, PHY, SAB, EMO, MUL
const CodeSet& assessment_factor();   // 1A..24A
// SSDA903
const CodeSet& reason_new_episode();           // RNE
const CodeSet& legal_status();                 // LS
const CodeSet& category_of_need();             // CIN: N1..N8
const CodeSet& placement_type();               // PLACE
const CodeSet& placement_provider();           // PLACE_PROVIDER
const CodeSet& reason_episode_ceased();        // REC
const CodeSet& reason_place_change();          // REASON_PLACE_CHANGE
const CodeSet& review_participation();         // REVIEW_CODE
const CodeSet& missing_type();                 // MISSING: M, A
const CodeSet& sdq_reason();                   // SDQ_REASON
const CodeSet& in_touch();                     // IN_TOUCH
const CodeSet& care_leaver_activity();         // ACTIV
const CodeSet& care_leaver_accommodation();    // ACCOM
const CodeSet& sex_of_adopters();              // SEX_ADOPTR
const CodeSet& adopters_legal_status();        // LS_ADOPTR
const CodeSet& reason_placed_ceased();         // REASON_PLACED_CEASED
const CodeSet& previous_permanence();          // PREV_PERM
const CodeSet& social_worker_change_reason();  // SW_REASON
// Hearth's own (not coded by the returns)
const CodeSet& relationship();       // mother, father, sibling, ...
const CodeSet& agency_kind();        // police, health, education, ...
const CodeSet& carer_kind();         // la_foster, ifa_foster, kinship, ...
const CodeSet& provider_setting();   // childrens_home, secure_childrens_home, ...
const CodeSet& team_purpose();       // front_door, assessment, ...
const CodeSet& practitioner_role();  // social_worker, team_manager, ...
const CodeSet& contact_outcome();    // referral, information_advice, early_help, ...
const CodeSet& conference_type();    // initial, review, transfer_in
const CodeSet& section47_outcome();  // ...
const CodeSet& case_note_kind();     // home_visit, phone_call, meeting, ...

// Every registry above, for listing, documentation and tests.
std::span<const CodeSet* const> all();

}  // namespace hearth::domain::codes
