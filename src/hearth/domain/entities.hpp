// The records of children's social care, as plain values. Each carries the data items that the
// CIN census and the SSDA903 return need (item names in comments), its local authority code
// (tenancy: one database may hold many authorities), and its own stable id.
//
// Codes are held as text and judged by the code sets in codes.hpp. Identifiers that come from
// other systems (NHS number, UPN, postcode) are held as recorded, because imported and legacy data
// contain invalid ones that validation must be able to report; the value types in values.hpp
// judge them, and the service functions that record new data refuse invalid ones.
//
// Nothing here is overwritten in the store: each change to one of these is a new revision
// (store/store.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hearth/core/date.hpp"

namespace hearth::domain {

using core::Date;
using OptionalDate = std::optional<Date>;

// Every kind of record the store holds. The text names (record_kind_name) are stored in the
// database: never rename one.
enum class RecordKind {
  kChild,
  kPerson,
  kRelationship,
  kAgency,
  kTeam,
  kPractitioner,
  kContact,
  kReferral,
  kAssessment,
  kCinPlan,
  kStrategyDiscussion,
  kSection47Enquiry,
  kConference,
  kProtectionPlan,
  kLookedAfterEpisode,
  kPlacement,
  kLookedAfterReview,
  kMissingEpisode,
  kLookedAfterOutcome,
  kCareLeaverOutcome,
  kAdoption,
  kPreviousPermanence,
  kSocialWorkerEpisode,
  kCarer,
  kProvider,
  kAgencyRecord,
  kCaseNote,
};

inline constexpr RecordKind kAllRecordKinds[] = {
    RecordKind::kChild,
    RecordKind::kPerson,
    RecordKind::kRelationship,
    RecordKind::kAgency,
    RecordKind::kTeam,
    RecordKind::kPractitioner,
    RecordKind::kContact,
    RecordKind::kReferral,
    RecordKind::kAssessment,
    RecordKind::kCinPlan,
    RecordKind::kStrategyDiscussion,
    RecordKind::kSection47Enquiry,
    RecordKind::kConference,
    RecordKind::kProtectionPlan,
    RecordKind::kLookedAfterEpisode,
    RecordKind::kPlacement,
    RecordKind::kLookedAfterReview,
    RecordKind::kMissingEpisode,
    RecordKind::kLookedAfterOutcome,
    RecordKind::kCareLeaverOutcome,
    RecordKind::kAdoption,
    RecordKind::kPreviousPermanence,
    RecordKind::kSocialWorkerEpisode,
    RecordKind::kCarer,
    RecordKind::kProvider,
    RecordKind::kAgencyRecord,
    RecordKind::kCaseNote,
};

const char* record_kind_name(RecordKind kind);  // "child", "referral", ...
std::optional<RecordKind> record_kind_from_name(std::string_view name);

// ---------------------------------------------------------------------------------------------
// People

struct PersonName {
  std::string given;          // first given name as recorded
  std::string middle;         // further given names
  std::string family;         // current family name (surname)
  std::string preferred;      // a name the person goes by: "Bex" for Rebecca
  std::string former_family;  // previous surname, e.g. before a change of name
  bool operator==(const PersonName&) const = default;
};

struct Child {
  std::string id;       // LAchildID: unique within the authority, <= 20 alphanumerics
  std::string la_code;  // three-digit LA code (LEA): "202"
  PersonName name;
  std::string sex;                        // GenderCurrent / SEX: M, F, U (unborn or not known)
  OptionalDate date_of_birth;             // PersonBirthDate / DOB
  OptionalDate expected_date_of_birth;    // ExpectedPersonBirthDate, for an unborn child
  OptionalDate date_of_death;             // PersonDeathDate
  std::string ethnicity;                  // Ethnicity / ETHNIC
  std::string nhs_number;                 // as recorded; judge with NhsNumber::parse
  std::string upn;                        // UPN as recorded; judge with Upn::parse
  std::string former_upn;                 // FormerUPN
  std::string upn_unknown;                // UPNunknown: UN1..UN7 when there is no UPN
  std::vector<std::string> disabilities;  // Disability codes; "NONE" alone when none
  std::string address_line;               // current home address (synthetic)
  std::string postcode;                   // current home postcode as recorded
  std::string school_urn;                 // school attended, if any
  // SSDA903 header items
  std::optional<bool> is_mother;  // MOTHER: the child is a mother
  OptionalDate mother_child_dob;  // MC_DOB: date of birth of the child's child
  OptionalDate uasc_ceased;       // DUC: date ceased to be an unaccompanied asylum-seeking child
  bool uasc = false;
  // Allocation
  std::string team_id;
  std::string allocated_worker_id;
  // Restricted records (adopted children, staff relatives, high-profile cases) are hidden from all
  // but a named list; the access issue builds on this flag.
  bool restricted = false;
  bool operator==(const Child&) const = default;
};

// A member of the child's family or network who is not the child: parent, sibling, grandparent,
// family friend.
struct Person {
  std::string id;
  std::string la_code;
  PersonName name;
  std::string sex;
  OptionalDate date_of_birth;
  std::string address_line;
  std::string postcode;
  bool operator==(const Person&) const = default;
};

// How a person stands to a child. `relation` from codes::relationship().
struct Relationship {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string person_id;  // a Person, or another Child (siblings in care) when other_child
  std::string relation;   // "mother", "father", "sibling", "grandparent", ...
  bool parental_responsibility = false;
  bool lives_with_child = false;
  bool other_is_child = false;
  bool operator==(const Relationship&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Organisation

struct Agency {
  std::string id;
  std::string la_code;
  std::string name;  // "Northshire Police"
  std::string kind;  // codes::agency_kind(): police, health, education, social_care, ...
  bool operator==(const Agency&) const = default;
};

struct Team {
  std::string id;
  std::string la_code;
  std::string name;     // "Assessment team North"
  std::string purpose;  // front_door, assessment, child_protection, looked_after, leaving_care, ...
  bool operator==(const Team&) const = default;
};

struct Practitioner {
  std::string id;
  std::string la_code;
  PersonName name;
  std::string team_id;
  std::string role;   // social_worker, team_manager, independent_reviewing_officer, ...
  std::string sw_id;  // SW_ID: the social worker's id in the SSDA903 SWEpisodes table
  bool agency_staff = false;
  bool operator==(const Practitioner&) const = default;
};

// ---------------------------------------------------------------------------------------------
// The front door and children in need (CIN census)

// A contact: information about a child reaching the front door, before any referral decision.
struct Contact {
  std::string id;
  std::string la_code;
  std::string child_id;
  Date received;
  std::string source;            // ReferralSource code of who got in touch
  std::string outcome;           // referral, information_advice, early_help, no_further_action
  std::string agency_record_id;  // the partner record it came from, if any
  bool operator==(const Contact&) const = default;
};

// One CINdetails module: a referral and the episode of need it opens.
struct Referral {
  std::string id;
  std::string la_code;
  std::string child_id;
  Date referral_date;              // CINreferralDate
  std::string source;              // ReferralSource
  std::string primary_need;        // PrimaryNeedCode (N0..N9)
  OptionalDate closure_date;       // CINclosureDate
  std::string reason_for_closure;  // ReasonForClosure (RC1..RC9)
  bool no_further_action = false;  // ReferralNFA
  OptionalDate initial_cpc_date;   // DateOfInitialCPC when there is no section 47 module
  std::string contact_id;
  bool operator==(const Referral&) const = default;
};

struct Assessment {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string referral_id;
  Date start_date;                    // AssessmentActualStartDate
  OptionalDate internal_review_date;  // AssessmentInternalReviewDate
  OptionalDate authorisation_date;    // AssessmentAuthorisationDate
  std::vector<std::string> factors;   // AssessmentFactors (codes::assessment_factor)
  bool operator==(const Assessment&) const = default;
};

struct CinPlan {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string referral_id;
  Date start_date;        // CINPlanStartDate
  OptionalDate end_date;  // CINPlanEndDate
  bool operator==(const CinPlan&) const = default;
};

struct StrategyDiscussion {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string referral_id;
  Date date;
  bool section47_initiated = false;
  std::vector<std::string> agencies_present;  // agency kinds taking part
  bool operator==(const StrategyDiscussion&) const = default;
};

struct Section47Enquiry {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string referral_id;
  std::string strategy_discussion_id;
  Date start_date;                 // S47ActualStartDate: date of the initiating strategy discussion
  OptionalDate icpc_target_date;   // InitialCPCtarget
  OptionalDate icpc_date;          // DateOfInitialCPC
  bool icpc_not_required = false;  // ICPCnotRequired
  std::string outcome;             // concerns_not_substantiated, substantiated_no_plan, icpc, ...
  bool operator==(const Section47Enquiry&) const = default;
};

// A child protection conference: initial (ICPC), review, or transfer-in.
struct Conference {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string referral_id;
  std::string type;  // initial, review, transfer_in
  Date date;
  bool plan_decided = false;  // the child is (or stays) subject to a plan
  bool operator==(const Conference&) const = default;
};

struct ProtectionPlan {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string referral_id;
  Date start_date;                 // CPPstartDate
  OptionalDate end_date;           // CPPendDate
  std::string initial_category;    // InitialCategoryOfAbuse: NEG, PHY, SAB, EMO, MUL
  std::string latest_category;     // LatestCategoryOfAbuse
  int previous_plans = 0;          // NumberOfPreviousCPP
  std::vector<Date> review_dates;  // CPPreviewDate
  bool operator==(const ProtectionPlan&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Children looked after (SSDA903)

// A stay with one carer or in one setting. Episodes (below) point to the placement they are in.
struct Placement {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string place;          // PLACE code
  std::string provider_kind;  // PLACE_PROVIDER: PR0..PR5
  std::string carer_id;       // for foster and kinship placements
  std::string provider_id;    // for homes and settings
  std::string urn;            // Ofsted URN of the setting
  std::string postcode;       // PL_POST (as recorded)
  Date start_date;
  OptionalDate end_date;
  std::string reason_for_change;  // REASON_PLACE_CHANGE when it ended in a move
  bool operator==(const Placement&) const = default;
};

// One SSDA903 episode: a period with one legal status and one placement.
struct LookedAfterEpisode {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string placement_id;
  Date start_date;                    // DECOM
  std::string reason_new_episode;     // RNE: S, L, P, T, B, U
  std::string legal_status;           // LS
  std::string category_of_need;       // CIN: N1..N8
  std::string place;                  // PL / PLACE
  std::string place_provider;         // PLACE_PROVIDER
  OptionalDate end_date;              // DEC
  std::string reason_episode_ceased;  // REC
  std::string reason_place_change;    // REASON_PLACE_CHANGE
  std::string home_postcode;          // HOME_POST
  std::string placement_postcode;     // PL_POST
  std::string urn;                    // URN
  bool operator==(const LookedAfterEpisode&) const = default;
};

struct LookedAfterReview {
  std::string id;
  std::string la_code;
  std::string child_id;
  Date date;                  // REVIEW
  std::string participation;  // REVIEW_CODE: PN0..PN7
  bool operator==(const LookedAfterReview&) const = default;
};

struct MissingEpisode {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string type;       // MISSING: M (missing) or A (away from placement without permission)
  Date start_date;        // MIS_START
  OptionalDate end_date;  // MIS_END
  bool operator==(const MissingEpisode&) const = default;
};

// OC2: outcomes of a child looked after continuously for 12 months at 31 March.
struct LookedAfterOutcome {
  std::string id;
  std::string la_code;
  std::string child_id;
  int collection_year = 0;
  std::optional<int> sdq_score;  // SDQ_SCORE 0..40
  std::string sdq_reason;        // SDQ_REASON when no score
  std::optional<bool> convicted, health_check, immunisations, teeth_check, health_assessment,
      substance_misuse, intervention_received, intervention_offered;
  bool operator==(const LookedAfterOutcome&) const = default;
};

// OC3: a care leaver's situation around their birthday in the collection year (ages 17 to 21).
struct CareLeaverOutcome {
  std::string id;
  std::string la_code;
  std::string child_id;
  int collection_year = 0;
  std::string in_touch;       // IN_TOUCH
  std::string activity;       // ACTIV
  std::string accommodation;  // ACCOM
  bool operator==(const CareLeaverOutcome&) const = default;
};

// AD1 and PlacedAdoption: the adoption journey.
struct Adoption {
  std::string id;
  std::string la_code;
  std::string child_id;
  OptionalDate decision_date;             // DATE_INT: decision that the child should be placed
  OptionalDate matched_date;              // DATE_MATCH
  std::optional<bool> foster_care;        // FOSTER_CARE: adopted by former foster carer
  std::optional<int> number_of_adopters;  // NB_ADOPTR
  std::string sex_of_adopters;            // SEX_ADOPTR
  std::string adopters_legal_status;      // LS_ADOPTR
  // DATE_PLACED: the date of the decision that the child should be placed for adoption (the
  // PlacedAdoption table's; the same decision as DATE_INT, rule 523), not the placement.
  OptionalDate placed_date;
  OptionalDate placed_ceased_date;   // DATE_PLACED_CEASED
  std::string reason_placed_ceased;  // REASON_PLACED_CEASED
  bool operator==(const Adoption&) const = default;
};

// PrevPerm: permanence before this period of care.
struct PreviousPermanence {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string order;        // PREV_PERM
  std::string la_of_order;  // LA_PERM
  std::string date_text;    // DATE_PERM as recorded: the DfE allows partial dates (zz/mm/yyyy)
  bool operator==(const PreviousPermanence&) const = default;
};

// SWEpisodes: which social worker held the case, and why it changed.
struct SocialWorkerEpisode {
  std::string id;
  std::string la_code;
  std::string child_id;
  std::string practitioner_id;
  std::string sw_id;      // SW_ID
  Date start_date;        // SW_DECOM
  OptionalDate end_date;  // SW_DEC
  // SW_REASON: why the child's social worker changed to this one (FCONTA, first contact, for
  // the child's first), as the DfE's rules SW03STG1, SW13STG1 and SW10bSTG2 read it.
  std::string change_reason;
  bool operator==(const SocialWorkerEpisode&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Carers and providers

struct Carer {
  std::string id;
  std::string la_code;
  PersonName name;
  std::string kind;  // codes::carer_kind(): la_foster, ifa_foster, kinship, ...
  std::string postcode;
  OptionalDate approved;
  OptionalDate deregistered;
  int approved_places = 0;
  std::string related_child_id;  // for kinship carers: the child they are connected to
  bool operator==(const Carer&) const = default;
};

struct Provider {
  std::string id;
  std::string la_code;
  std::string name;
  std::string urn;            // Ofsted URN
  std::string setting;        // codes::provider_setting(): childrens_home, secure, ...
  std::string provider_kind;  // PLACE_PROVIDER of placements here (PR1..PR5)
  std::string postcode;
  int places = 0;
  bool operator==(const Provider&) const = default;
};

// ---------------------------------------------------------------------------------------------
// What a partner agency holds of a person: police, health, education. Held as the agency recorded
// it, errors and all, for the record-linkage engine to match to a child.
struct AgencyRecord {
  std::string id;
  std::string la_code;
  std::string agency_id;
  std::string source;     // agency kind: police, health, education
  std::string local_ref;  // the agency's own id: a crime reference, a GP patient id
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // as recorded, "YYYY-MM-DD"; may be wrong or empty
  std::string sex;
  std::string postcode;
  std::string nhs_number;
  std::string upn;
  std::string school_urn;
  Date recorded;        // when the agency recorded it
  std::string summary;  // what the agency noted (synthetic)
  bool operator==(const AgencyRecord&) const = default;
};

// ---------------------------------------------------------------------------------------------
// What a practitioner wrote about their work with the child: a visit, a call, a meeting, a
// supervision discussion. Case notes are the most sensitive part of a child's record: they are
// shown only to those who may open the whole record, never to partner agencies.
struct CaseNote {
  std::string id;
  std::string la_code;
  std::string child_id;
  Date date;              // when the work happened
  std::string kind;       // codes::case_note_kind(): home_visit, phone_call, ...
  std::string author_id;  // the Practitioner who wrote it
  std::string subject;    // one line
  std::string text;       // what happened, what the child said, what is to be done (synthetic)
  bool operator==(const CaseNote&) const = default;
};

}  // namespace hearth::domain
