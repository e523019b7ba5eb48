// The code sets, as data. Each set cites where its codes and labels come from; the bracketed
// sources are listed at the top of shared/domain/REFERENCE.md. Years are collection years ending
// 31 March (2026 is 2025-26): a code with a last year is historic, kept so that old records and
// returns can still be read and reported on, and refused for new data by CodeSet::check.
//
// Labels marked "(label unconfirmed)" could not be checked against a primary source (the DfE
// specifications are PDFs not held in the reference corpus); replace them when the text is found.
#include "hearth/domain/codes.hpp"

#include <array>

namespace hearth::domain::codes {
namespace {

constexpr std::string_view kCinSource =
    "CIN census 2025-26 specification (gov.uk, children-in-need-census-2025-to-2026-"
    "specification); shared/domain/REFERENCE.md section 4; labels from [LIIA] "
    "liiatools/cin_census_pipeline/spec/CIN_schema_2024.xsd annotations";

constexpr std::string_view k903Source =
    "Children looked after return 2025-26 technical specification (gov.uk, children-looked-after-"
    "return-2025-to-2026-technical-specifications); shared/domain/REFERENCE.md section 5; codes "
    "from [LIIA] liiatools/spec/s903/SSDA903_schema_2024.yml and [903V] lac_validator/rules";

constexpr std::string_view kHearthSource =
    "Hearth's own code set: the DfE returns do not code this item. Chosen for English children's "
    "social care (Working Together to Safeguard Children 2023; shared/domain/REFERENCE.md)";

// Collection years, for readability below.
constexpr int k2019_20 = 2020;
constexpr int k2020_21 = 2021;
constexpr int k2021_22 = 2022;
constexpr int k2023_24 = 2024;
constexpr int k2024_25 = 2025;
constexpr int k2025_26 = 2026;

}  // namespace

// -------------------------------------------------------------------------------------------------
// Shared by both returns

const CodeSet& sex() {
  static const CodeSet set(
      "Sex", "Sex",
      "CIN census and SSDA903 specifications; REFERENCE.md sections 4 and 5: M/F/U from 2024-25 "
      "(SSDA903 rule 101), 1/2 (and in the CIN census GenderCurrent 0/9) before; labels of 0/9 "
      "from [LIIA] CIN_schema_2024.xsd gendertype",
      {
          {"M", "Male", k2024_25, 0},
          {"F", "Female", k2024_25, 0},
          {"U", "Unknown, or unborn", k2024_25, 0},
          {"1", "Male", 0, k2023_24},
          {"2", "Female", 0, k2023_24},
          {"0", "Not recorded or unborn (CIN census GenderCurrent)", 0, k2023_24},
          {"9", "Indeterminate (CIN census GenderCurrent)", 0, k2023_24},
      });
  return set;
}

const CodeSet& ethnicity() {
  static const CodeSet set("Ethnicity", "Ethnicity", kCinSource,
                           {
                               {"WBRI", "White British"},
                               {"WIRI", "White Irish"},
                               {"WIRT", "Traveller of Irish heritage"},
                               {"WOTH", "Any other White background"},
                               {"WROM", "Gypsy/Roma"},
                               {"MWBC", "White and Black Caribbean"},
                               {"MWBA", "White and Black African"},
                               {"MWAS", "White and Asian"},
                               {"MOTH", "Any other mixed background"},
                               {"AIND", "Indian"},
                               {"APKN", "Pakistani"},
                               {"ABAN", "Bangladeshi"},
                               {"AOTH", "Any other Asian background"},
                               {"BCRB", "Caribbean"},
                               {"BAFR", "African"},
                               {"BOTH", "Any other Black background"},
                               {"CHNE", "Chinese"},
                               {"OOTH", "Any other ethnic group"},
                               {"REFU", "Refused"},
                               {"NOBT", "Information not yet obtained"},
                           });
  return set;
}

// -------------------------------------------------------------------------------------------------
// CIN census

const CodeSet& disability() {
  static const CodeSet set("Disability", "Disability", kCinSource,
                           {
                               {"NONE", "No disability (must be the only code: rule 8790)"},
                               {"MOB", "Mobility"},
                               {"HAND", "Hand function"},
                               {"PC", "Personal care"},
                               {"INC", "Incontinence"},
                               {"COMM", "Communication"},
                               {"LD", "Learning"},
                               {"HEAR", "Hearing"},
                               {"VIS", "Vision"},
                               {"BEH", "Behaviour"},
                               {"CON", "Consciousness"},
                               {"AUT", "Autism"},
                               {"DDA", "Other"},
                           });
  return set;
}

const CodeSet& upn_unknown() {
  static const CodeSet set(
      "UPNunknown", "UPNunknown",
      "CIN census 2025-26 specification; REFERENCE.md section 4 (labels of UN1-UN5 and UN7; UN6 "
      "unconfirmed); codes from [LIIA] CIN_schema_2024.xsd unknownupntype",
      {
          {"UN1", "Child not of school age"},
          {"UN2", "Child has never attended a maintained school in England"},
          {"UN3", "Child educated outside England"},
          {"UN4", "UPN not yet known"},
          {"UN5", "Sources disagree about the child's details, so the UPN cannot be matched"},
          {"UN6", "UPN unknown, reason UN6 (label unconfirmed)"},
          {"UN7", "Referral with no further action (rule 8772)"},
      });
  return set;
}

const CodeSet& referral_source() {
  static const CodeSet set(
      "ReferralSource", "ReferralSource", kCinSource,
      {
          {"1A", "Individual: family member, relative or carer"},
          {"1B", "Individual: acquaintance (including neighbours and child minders)"},
          {"1C", "Individual: self"},
          {"1D", "Individual: other (including strangers)"},
          {"2A", "Schools"},
          {"2B", "Education services"},
          {"3A", "Health services: general practitioner (GP)"},
          {"3B", "Health services: health visitor"},
          {"3C", "Health services: school nurse"},
          {"3D", "Health services: other primary health services"},
          {"3E", "Health services: A&E (accident and emergency department)"},
          {"3F", "Health services: other (for example hospice)"},
          {"4", "Housing: local authority housing or housing association"},
          {"5A", "LA services: social care (for example adult social care)"},
          {"5B", "LA services: other internal (for example youth offending, excluding housing)"},
          {"5C", "LA services: external (for example another authority's adult social care)"},
          {"5D", "LA services: early help"},
          {"6", "Police"},
          {"7", "Other legal agency (courts, probation, immigration, Cafcass, prison)"},
          {"8", "Other (children's centres, independent providers, voluntary organisations)"},
          {"9", "Anonymous"},
          {"10", "Unknown"},
      });
  return set;
}

const CodeSet& primary_need() {
  static const CodeSet set("PrimaryNeedCode", "PrimaryNeedCode", kCinSource,
                           {
                               {"N1", "Abuse or neglect"},
                               {"N2", "Child's disability"},
                               {"N3", "Parental disability or illness"},
                               {"N4", "Family in acute stress"},
                               {"N5", "Family dysfunction"},
                               {"N6", "Socially unacceptable behaviour"},
                               {"N7", "Low income"},
                               {"N8", "Absent parenting"},
                               {"N9", "Cases other than children in need"},
                               {"N0", "Not stated"},
                           });
  return set;
}

const CodeSet& reason_for_closure() {
  static const CodeSet set(
      "ReasonForClosure", "ReasonForClosure", kCinSource,
      {
          {"RC1", "Adopted"},
          {"RC2", "Died"},
          {"RC3", "Child arrangements order"},
          {"RC4", "Special guardianship order"},
          {"RC5", "Transferred to services of another local authority"},
          {"RC6", "Transferred to adult social care services"},
          {"RC7", "Services ceased for any other reason, including child no longer in need"},
          {"RC8", "Case closed after assessment, no further action"},
          {"RC9", "Case closed after assessment, referred to early help"},
      });
  return set;
}

const CodeSet& category_of_abuse() {
  static const CodeSet set("CategoryOfAbuse", "CategoryOfAbuse", kCinSource,
                           {
                               {"NEG", "Neglect"},
                               {"PHY", "Physical abuse"},
                               {"SAB", "Sexual abuse"},
                               {"EMO", "Emotional abuse"},
                               {"MUL", "Multiple/not recommended"},
                           });
  return set;
}

const CodeSet& assessment_factor() {
  static const CodeSet set(
      "AssessmentFactors", "AssessmentFactors",
      "CIN census 2025-26 specification; REFERENCE.md section 4; labels from [LIIA] "
      "CIN_schema_2024.xsd. Years from the [LIIA] schemas: 18A/19A last in CIN_schema_2020.xsd, "
      "18B/18C/19B/19C first in CIN_schema_2021.xsd, 24A first in CIN_schema_2022.xsd",
      {
          {"1A", "Alcohol misuse by the child"},
          {"1B", "Alcohol misuse by the parent(s)/carer(s)"},
          {"1C", "Alcohol misuse by another person living in the household"},
          {"2A", "Drug misuse by the child"},
          {"2B", "Drug misuse by the parent(s)/carer(s)"},
          {"2C", "Drug misuse by another person living in the household"},
          {"3A", "Domestic abuse: the child is the subject"},
          {"3B", "Domestic abuse: the child's parent(s)/carer(s) are the subject"},
          {"3C", "Domestic abuse: another person living in the household is the subject"},
          {"4A", "Mental health of the child"},
          {"4B", "Mental health of the parent(s)/carer(s)"},
          {"4C", "Mental health of another person in the family/household"},
          {"5A", "Learning disability of the child"},
          {"5B", "Learning disability of the parent(s)/carer(s)"},
          {"5C", "Learning disability of another person in the family/household"},
          {"6A", "Physical disability or illness of the child"},
          {"6B", "Physical disability or illness of the parent(s)/carer(s)"},
          {"6C", "Physical disability or illness of another person in the family/household"},
          {"7A", "Young carer"},
          {"8B", "Privately fostered: overseas child who intends to return"},
          {"8C", "Privately fostered: overseas child who intends to stay"},
          {"8D", "Privately fostered: UK child in an educational placement"},
          {"8E", "Privately fostered: UK child in an alternative family arrangement"},
          {"8F", "Privately fostered: other"},
          {"9A", "Unaccompanied asylum-seeking child (UASC)"},
          {"10A", "Going or being missing"},
          {"11A", "Child sexual exploitation"},
          {"12A", "Trafficking"},
          {"13A", "Gangs"},
          {"14A", "Socially unacceptable behaviour"},
          {"15A", "Self-harm"},
          {"16A", "Abuse or neglect: neglect"},
          {"17A", "Abuse or neglect: emotional abuse"},
          {"18A", "Abuse or neglect: physical abuse (replaced by 18B and 18C)", 0, k2019_20},
          {"18B", "Abuse or neglect: physical abuse, child on child", k2020_21, 0},
          {"18C", "Abuse or neglect: physical abuse, adult on child", k2020_21, 0},
          {"19A", "Abuse or neglect: sexual abuse (replaced by 19B and 19C)", 0, k2019_20},
          {"19B", "Abuse or neglect: sexual abuse, child on child", k2020_21, 0},
          {"19C", "Abuse or neglect: sexual abuse, adult on child", k2020_21, 0},
          {"20", "Other"},
          {"21", "No factors identified (must be the only factor: rule 8869)"},
          {"22A", "Female genital mutilation (FGM)"},
          {"23A", "Abuse linked to faith or belief"},
          {"24A", "Child criminal exploitation", k2021_22, 0},
      });
  return set;
}

// -------------------------------------------------------------------------------------------------
// SSDA903

const CodeSet& reason_new_episode() {
  static const CodeSet set(
      "RNE", "RNE", k903Source,
      {
          {"S", "Started to be looked after"},
          {"L", "Change of legal status only"},
          {"P", "Change of placement and carer(s) only"},
          {"T", "Change of placement (but same carer(s)) only"},
          {"B", "Change of legal status and placement and carer(s) at the same time"},
          {"U", "Change of legal status and change of placement (but same carer(s))"},
      });
  return set;
}

const CodeSet& legal_status() {
  static const CodeSet set(
      "LS", "LS", k903Source,
      {
          {"C1", "Interim care order"},
          {"C2", "Full care order"},
          {"D1", "Freeing order granted"},
          {"E1", "Placement order granted"},
          {"V2", "Single period of accommodation under section 20 (Children Act 1989)"},
          {"V3",
           "Accommodated under an agreed series of short-term breaks, when individual "
           "episodes of care are recorded"},
          {"V4",
           "Accommodated under an agreed series of short-term breaks, when agreements are "
           "recorded (not individual episodes of care)"},
          {"L1", "Under police protection and in local authority accommodation"},
          {"L2", "Under an emergency protection order"},
          {"L3", "Under a child assessment order and in local authority accommodation"},
          {"J1", "Remanded to local authority accommodation or to youth detention accommodation"},
          {"J2",
           "Placed in local authority accommodation under the Police and Criminal Evidence "
           "Act 1984"},
          {"J3",
           "Sentenced to a youth rehabilitation order with a residence or intensive "
           "fostering requirement"},
      });
  return set;
}

const CodeSet& category_of_need() {
  static const CodeSet set("CIN", "CIN", k903Source,
                           {
                               {"N1", "Abuse or neglect"},
                               {"N2", "Child's disability"},
                               {"N3", "Parental illness or disability"},
                               {"N4", "Family in acute stress"},
                               {"N5", "Family dysfunction"},
                               {"N6", "Socially unacceptable behaviour"},
                               {"N7", "Low income"},
                               {"N8", "Absent parenting"},
                           });
  return set;
}

const CodeSet& placement_type() {
  static const CodeSet set(
      "PLACE", "PLACE",
      "Children looked after return 2025-26 technical specification; REFERENCE.md section 5; "
      "2025-26 list from [903V] lac_validator/rules/lac2025_26/rule_146.py; H5, P2 and Z1 from "
      "[LIIA] SSDA903_schema_2024.yml (2023-24). K3 new in 2024-25 and Z11-Z14 new in 2025-26: "
      "labels unconfirmed",
      {
          {"A3", "Placed for adoption with parental/guardian consent with current foster carer(s)"},
          {"A4",
           "Placed for adoption with parental/guardian consent not with current foster carer(s)"},
          {"A5", "Placed for adoption with placement order with current foster carer(s)"},
          {"A6", "Placed for adoption with placement order not with current foster carer(s)"},
          {"H5",
           "Semi-independent living accommodation not subject to children's homes "
           "regulations",
           0, k2023_24},
          {"K1", "Secure children's home"},
          {"K2", "Children's home subject to Children's Homes Regulations"},
          {"K3", "Supported accommodation for ages 16 and 17 (label unconfirmed)", k2024_25, 0},
          {"P1", "Placed with own parent(s) or other person(s) with parental responsibility"},
          {"P2", "Independent living, for example in a flat, lodgings, bedsit or with friends", 0,
           k2023_24},
          {"P3", "Residential employment"},
          {"R1", "Residential care home"},
          {"R2", "NHS/health trust or other establishment providing medical or nursing care"},
          {"R3", "Family centre or mother and baby unit"},
          {"R5", "Young offender institution or prison"},
          {"S1", "Residential school (except where dual-registered as a children's home)"},
          {"T0", "All types of temporary move"},
          {"T1", "Temporary period in hospital"},
          {"T2", "Temporary absence of the child on holiday"},
          {"T3", "Temporary accommodation while the normal foster carer(s) are on holiday"},
          {"T4", "Temporary accommodation of seven days or less, not covered by T1 to T3"},
          {"U1", "Foster placement with relative(s) or friend(s): long-term fostering"},
          {"U2",
           "Foster placement with relative(s) or friend(s) who are also approved adopters: "
           "fostering for adoption or concurrent planning"},
          {"U3",
           "Foster placement with relative(s) or friend(s): not long-term or fostering for "
           "adoption"},
          {"U4", "Foster placement with other foster carer(s): long-term fostering"},
          {"U5",
           "Foster placement with other foster carer(s) who are also approved adopters: "
           "fostering for adoption or concurrent planning"},
          {"U6",
           "Foster placement with other foster carer(s): not long-term or fostering for "
           "adoption"},
          {"Z1", "Other placement", 0, k2024_25},
          {"Z11", "Other placement, code Z11 (label unconfirmed)", k2025_26, 0},
          {"Z12", "Other placement, code Z12 (label unconfirmed)", k2025_26, 0},
          {"Z13", "Other placement, code Z13 (label unconfirmed)", k2025_26, 0},
          {"Z14", "Other placement, code Z14 (label unconfirmed)", k2025_26, 0},
      });
  return set;
}

const CodeSet& placement_provider() {
  static const CodeSet set("PLACE_PROVIDER", "PLACE_PROVIDER", k903Source,
                           {
                               {"PR0", "Parent(s) or other person(s) with parental responsibility"},
                               {"PR1", "Own provision (by the local authority)"},
                               {"PR2", "Other local authority provision"},
                               {"PR3", "Other public provision"},
                               {"PR4", "Private provision"},
                               {"PR5", "Voluntary/third sector provision"},
                           });
  return set;
}

const CodeSet& reason_episode_ceased() {
  static const CodeSet set(
      "REC", "REC", k903Source,
      {
          {"X1", "Episode ceases and a new episode begins on the same day"},
          {"E11", "Adopted: application for an adoption order unopposed"},
          {"E12", "Adopted: consent dispensed with by the court"},
          {"E2", "Died"},
          {"E3", "Care taken over by another local authority in the UK"},
          {"E4A",
           "Returned home to live with parent(s), relative(s) or other person(s) with "
           "parental responsibility as part of the care planning process"},
          {"E4B",
           "Returned home to live with parent(s), relative(s) or other person(s) with "
           "parental responsibility not as part of the care planning process"},
          {"E13",
           "Left care to live with parent(s), relative(s) or other person(s) with no "
           "parental responsibility"},
          {"E41", "Residence order or child arrangements order granted"},
          {"E45",
           "Special guardianship order made to former foster carer(s) who are relatives "
           "or friends"},
          {"E46",
           "Special guardianship order made to former foster carer(s) other than relatives "
           "or friends"},
          {"E47",
           "Special guardianship order made to carer(s), not former foster carer(s), who "
           "are relatives or friends"},
          {"E48",
           "Special guardianship order made to carer(s), not former foster carer(s), other "
           "than relatives or friends"},
          {"E5", "Moved into independent living with supportive accommodation"},
          {"E6", "Moved into independent living with no formalised support"},
          {"E7", "Transferred to residential care funded by adult social care services"},
          {"E9", "Sentenced to custody"},
          {"E14", "Accommodation on remand ended"},
          {"E15", "Age assessment determined the child is 18 or over"},
          {"E16", "Child moved abroad"},
          {"E17", "Aged 18 or over and remained with current carers"},
          {"E8", "Period of being looked after ceased for any other reason"},
      });
  return set;
}

const CodeSet& reason_place_change() {
  static const CodeSet set(
      "REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE",
      "Children looked after return 2025-26 technical specification; REFERENCE.md section 5 "
      "(definitions in [SSD] CLAP010A); codes from [LIIA] SSDA903_schema_2024.yml",
      {
          {"CARPL", "Change to or implementation of the care plan"},
          {"CLOSE", "Resignation or closure of provision"},
          {"ALLEG", "Allegation (section 47)"},
          {"STAND", "Standards of care concern"},
          {"APPRR", "Approval removed"},
          {"CREQB", "Carer(s) requested the placement end because of the child's behaviour"},
          {"CREQO", "Carer(s) requested the placement end for another reason"},
          {"CHILD", "Child requested the placement end"},
          {"LAREQ", "Responsible or area authority requested the placement end"},
          {"PLACE", "Change in the status of the placement only"},
          {"CUSTOD", "Custody arrangement"},
          {"OTHER", "Other"},
      });
  return set;
}

const CodeSet& review_participation() {
  static const CodeSet set(
      "REVIEW_CODE", "REVIEW_CODE", k903Source,
      {
          {"PN0", "Child aged under 4 at the time of the review"},
          {"PN1", "Child attends and speaks for themselves"},
          {"PN2", "Child attends and an advocate speaks for them"},
          {"PN3", "Child attends and conveys their views symbolically (non-verbally)"},
          {"PN4", "Child attends but does not contribute"},
          {"PN5", "Child does not attend but briefs an advocate to speak for them"},
          {"PN6", "Child does not attend but conveys their views by a facilitative medium"},
          {"PN7", "Child does not attend and their views are not conveyed"},
      });
  return set;
}

const CodeSet& missing_type() {
  static const CodeSet set("MISSING", "MISSING", k903Source,
                           {
                               {"M", "Missing"},
                               {"A", "Away from placement without authorisation"},
                           });
  return set;
}

const CodeSet& sdq_reason() {
  static const CodeSet set(
      "SDQ_REASON", "SDQ_REASON", k903Source,
      {
          {"SDQ1", "No form returned: child aged under 4 or over 16 at the latest assessment"},
          {"SDQ2", "Carer refused to complete and return the questionnaire"},
          {"SDQ3", "Not possible to complete because of the severity of the child's disability"},
          {"SDQ4", "Other"},
          {"SDQ5", "Child or young person refused to allow an SDQ to be completed"},
      });
  return set;
}

const CodeSet& in_touch() {
  static const CodeSet set(
      "IN_TOUCH", "IN_TOUCH", k903Source,
      {
          {"YES", "In touch"},
          {"NO", "Not in touch"},
          {"DIED", "Died"},
          {"REFU", "Young person refuses contact"},
          {"NREQ", "Young person no longer requires services"},
          {"RHOM",
           "Returned home to parents or others with parental responsibility for at "
           "least six months"},
      });
  return set;
}

const CodeSet& care_leaver_activity() {
  static const CodeSet set(
      "ACTIV", "ACTIV", k903Source,
      {
          {"F1", "Full-time in higher education"},
          {"P1", "Part-time in higher education"},
          {"F2", "Full-time in education other than higher education"},
          {"P2", "Part-time in education other than higher education"},
          {"F4", "Full-time apprenticeship"},
          {"P4", "Part-time apprenticeship"},
          {"F5", "Full-time training or employment"},
          {"P5", "Part-time training or employment"},
          {"G4", "Not in education, employment or training: illness or disability"},
          {"G5", "Not in education, employment or training: other reasons"},
          {"G6", "Not in education, employment or training: pregnancy or parenting"},
          {"0", "No activity recorded (label unconfirmed)"},
      });
  return set;
}

const CodeSet& care_leaver_accommodation() {
  // A letter for the kind of accommodation, then 1 (suitable) or 2 (unsuitable); 0 alone. The
  // codes are from [LIIA] SSDA903_schema_2024.yml, less S1 and X1: no fixed abode and custody
  // are never suitable, and rule 133 as the DfE's validator has it (csc-validator-be-903,
  // validate_133) lists S2 and X2 only. The letters' meanings are recalled from the DfE guide
  // and could not be checked here.
  static const CodeSet set(
      "ACCOM", "ACCOM",
      "Children looked after return 2025-26 technical specification; REFERENCE.md section 5; "
      "codes from [LIIA] liiatools/spec/s903/SSDA903_schema_2024.yml; letter labels unconfirmed",
      {
          {"B1", "With parents or relatives: suitable (label unconfirmed)"},
          {"B2", "With parents or relatives: unsuitable (label unconfirmed)"},
          {"C1", "Community home or other residential care: suitable (label unconfirmed)"},
          {"C2", "Community home or other residential care: unsuitable (label unconfirmed)"},
          {"D1", "Semi-independent, transitional accommodation: suitable (label unconfirmed)"},
          {"D2", "Semi-independent, transitional accommodation: unsuitable (label unconfirmed)"},
          {"E1", "Supported lodgings: suitable (label unconfirmed)"},
          {"E2", "Supported lodgings: unsuitable (label unconfirmed)"},
          {"G1", "Gone abroad: suitable (label unconfirmed)"},
          {"G2", "Gone abroad: unsuitable (label unconfirmed)"},
          {"H1", "Deported: suitable (label unconfirmed)"},
          {"H2", "Deported: unsuitable (label unconfirmed)"},
          {"K1", "Ordinary lodgings without formal support: suitable (label unconfirmed)"},
          {"K2", "Ordinary lodgings without formal support: unsuitable (label unconfirmed)"},
          {"R1", "Residence not known: suitable (label unconfirmed)"},
          {"R2", "Residence not known: unsuitable (label unconfirmed)"},
          {"S2", "No fixed abode or homeless: unsuitable (label unconfirmed)"},
          {"T1", "Foyer or similar supported accommodation: suitable (label unconfirmed)"},
          {"T2", "Foyer or similar supported accommodation: unsuitable (label unconfirmed)"},
          {"U1", "Independent living, for example own tenancy: suitable (label unconfirmed)"},
          {"U2", "Independent living, for example own tenancy: unsuitable (label unconfirmed)"},
          {"V1",
           "Emergency accommodation, for example a night shelter: suitable (label "
           "unconfirmed)"},
          {"V2",
           "Emergency accommodation, for example a night shelter: unsuitable (label "
           "unconfirmed)"},
          {"W1", "Bed and breakfast: suitable (label unconfirmed)"},
          {"W2", "Bed and breakfast: unsuitable (label unconfirmed)"},
          {"X2", "In custody: unsuitable (label unconfirmed)"},
          {"Y1", "Other accommodation: suitable (label unconfirmed)"},
          {"Y2", "Other accommodation: unsuitable (label unconfirmed)"},
          {"Z1", "With former foster carers (staying put): suitable (label unconfirmed)"},
          {"Z2", "With former foster carers (staying put): unsuitable (label unconfirmed)"},
          {"0", "No accommodation recorded (label unconfirmed)"},
      });
  return set;
}

const CodeSet& sex_of_adopters() {
  static const CodeSet set("SEX_ADOPTR", "SEX_ADOPTR", k903Source,
                           {
                               {"M1", "Single male adopter"},
                               {"F1", "Single female adopter"},
                               {"MM", "Male couple"},
                               {"FF", "Female couple"},
                               {"MF", "Male and female couple"},
                           });
  return set;
}

const CodeSet& adopters_legal_status() {
  static const CodeSet set(
      "LS_ADOPTR", "LS_ADOPTR",
      "Children looked after return 2025-26 technical specification; codes from REFERENCE.md "
      "section 5 and [LIIA] SSDA903_schema_2024.yml; labels unconfirmed",
      {
          {"L0", "Single adopter (label unconfirmed)"},
          {"L11", "Married couple (label unconfirmed)"},
          {"L12", "Couple in a civil partnership (label unconfirmed)"},
          {"L2", "Unmarried couple (label unconfirmed)"},
          {"L3", "Adopters' legal status L3 (label unconfirmed)"},
          {"L4", "Adopters' legal status L4 (label unconfirmed)"},
      });
  return set;
}

const CodeSet& reason_placed_ceased() {
  static const CodeSet set(
      "REASON_PLACED_CEASED", "REASON_PLACED_CEASED", k903Source,
      {
          {"RD1", "The child's needs changed after the decision to place for adoption"},
          {"RD2", "The court did not make a placement order"},
          {"RD3", "Prospective adopters could not be found"},
          {"RD4", "Any other reason"},
      });
  return set;
}

const CodeSet& previous_permanence() {
  static const CodeSet set("PREV_PERM", "PREV_PERM", k903Source,
                           {
                               {"P1", "Adoption"},
                               {"P2", "Special guardianship order"},
                               {"P3", "Residence order or child arrangements order"},
                               {"P4", "Previous permanence order, type unknown"},
                               {"Z1", "No previous permanence order"},
                           });
  return set;
}

const CodeSet& social_worker_change_reason() {
  static const CodeSet set(
      "SW_REASON", "SW_REASON",
      "Children looked after return 2025-26 technical specification (SWEpisodes, from 2023-24); "
      "codes from REFERENCE.md section 5 and [LIIA] SSDA903_schema_2024.yml; labels unconfirmed",
      {
          {"MANAGE", "Management decision (label unconfirmed)"},
          // SW10bSTG2's message: "a new social worker episode has started with a reason of
          // first contact".
          {"FCONTA", "First contact: the child's first social worker"},
          {"LEFTRL", "Social worker left the role (label unconfirmed)"},
          {"ORGRST", "Organisational restructure (label unconfirmed)"},
          {"TSPROC", "Transfer between teams as part of a standard process (label unconfirmed)"},
          {"ABSENC", "Social worker absence (label unconfirmed)"},
          {"CHCHAN", "Child requested a change (label unconfirmed)"},
          {"PCCHAN", "Parent or carer requested a change (label unconfirmed)"},
          {"SWDIED", "Social worker died (label unconfirmed)"},
          {"OTHERS", "Other (label unconfirmed)"},
      });
  return set;
}

// -------------------------------------------------------------------------------------------------
// Hearth's own

const CodeSet& relationship() {
  static const CodeSet set("relationship", "relation", kHearthSource,
                           {
                               {"mother", "Mother"},
                               {"father", "Father"},
                               {"step_parent", "Step-parent"},
                               {"parent_partner", "Partner of a parent"},
                               {"sibling", "Sibling (full)"},
                               {"half_sibling", "Half-sibling"},
                               {"step_sibling", "Step-sibling"},
                               {"grandparent", "Grandparent"},
                               {"aunt_uncle", "Aunt or uncle"},
                               {"cousin", "Cousin"},
                               {"other_relative", "Other relative"},
                               {"family_friend", "Family friend"},
                               {"special_guardian", "Special guardian"},
                               {"legal_guardian", "Legal guardian (other than a parent)"},
                               {"child_of_child", "The child's own child"},
                               {"other", "Other"},
                           });
  return set;
}

const CodeSet& agency_kind() {
  static const CodeSet set("agency_kind", "kind", kHearthSource,
                           {
                               {"police", "Police"},
                               {"health", "Health (GP, health visiting, hospital, mental health)"},
                               {"education", "Education (schools, colleges, early years)"},
                               {"social_care", "Social care (children's or adults')"},
                               {"probation", "Probation and youth justice"},
                               {"housing", "Housing"},
                               {"voluntary", "Voluntary and community sector"},
                               {"other", "Other"},
                           });
  return set;
}

const CodeSet& carer_kind() {
  static const CodeSet set("carer_kind", "kind", kHearthSource,
                           {
                               {"la_foster", "Local authority foster carer"},
                               {"ifa_foster", "Independent fostering agency foster carer"},
                               {"kinship", "Kinship (connected person) foster carer"},
                               {"special_guardian", "Special guardian"},
                               {"adopter", "Approved adopter"},
                           });
  return set;
}

const CodeSet& provider_setting() {
  static const CodeSet set("provider_setting", "setting", kHearthSource,
                           {
                               {"childrens_home", "Children's home"},
                               {"secure_childrens_home", "Secure children's home"},
                               {"supported_accommodation", "Supported accommodation (16 and 17)"},
                               {"residential_school", "Residential school"},
                               {"ifa", "Independent fostering agency"},
                               {"young_offender_institution", "Young offender institution"},
                               {"nhs_setting", "NHS or other health setting"},
                               {"family_centre", "Family centre or mother and baby unit"},
                               {"other", "Other"},
                           });
  return set;
}

const CodeSet& team_purpose() {
  static const CodeSet set("team_purpose", "purpose", kHearthSource,
                           {
                               {"front_door", "Front door (MASH, contact and referral)"},
                               {"assessment", "Assessment"},
                               {"child_protection", "Child protection and children in need"},
                               {"looked_after", "Children in care"},
                               {"leaving_care", "Leaving care"},
                               {"disabled_children", "Disabled children"},
                               {"fostering", "Fostering"},
                               {"adoption", "Adoption"},
                               {"early_help", "Early help"},
                               {"reviewing", "Independent reviewing (IROs and conference chairs)"},
                               {"emergency_duty", "Emergency duty (out of hours)"},
                               {"performance", "Performance and business intelligence"},
                               {"partner_agency", "Partner agency"},
                           });
  return set;
}

const CodeSet& practitioner_role() {
  static const CodeSet set("practitioner_role", "role", kHearthSource,
                           {
                               {"social_worker", "Social worker"},
                               {"team_manager", "Team manager"},
                               {"service_manager", "Service manager"},
                               {"independent_reviewing_officer", "Independent reviewing officer"},
                               {"child_protection_chair", "Child protection conference chair"},
                               {"front_door_practitioner", "Front door practitioner"},
                               {"family_support_worker", "Family support worker"},
                               {"personal_adviser", "Personal adviser (care leavers)"},
                               {"partner_practitioner", "Partner agency practitioner"},
                               {"performance_analyst", "Performance analyst"},
                               {"administrator", "Administrator"},
                           });
  return set;
}

const CodeSet& contact_outcome() {
  static const CodeSet set("contact_outcome", "outcome", kHearthSource,
                           {
                               {"referral", "Referral to children's social care"},
                               {"information_advice", "Information and advice given"},
                               {"early_help", "Passed to early help"},
                               {"signposted", "Signposted to another service"},
                               {"existing_case", "Passed to the allocated worker of an open case"},
                               {"no_further_action", "No further action"},
                           });
  return set;
}

const CodeSet& conference_type() {
  static const CodeSet set("conference_type", "type", kHearthSource,
                           {
                               {"initial", "Initial child protection conference (ICPC)"},
                               {"review", "Review child protection conference"},
                               {"transfer_in", "Transfer-in conference"},
                           });
  return set;
}

const CodeSet& section47_outcome() {
  static const CodeSet set(
      "section47_outcome", "outcome", kHearthSource,
      {
          {"concerns_not_substantiated", "Concerns not substantiated"},
          {"substantiated_no_plan",
           "Concerns substantiated, child not judged at continuing risk of significant harm"},
          {"icpc", "Concerns substantiated, child judged at continuing risk: initial conference"},
          {"ended_early", "Enquiry ended early (for example the child moved away)"},
      });
  return set;
}

const CodeSet& case_note_kind() {
  static const CodeSet set("case_note_kind", "kind", kHearthSource,
                           {
                               {"home_visit", "Home visit"},
                               {"visit_in_placement", "Visit in placement"},
                               {"school_visit", "Visit at school"},
                               {"phone_call", "Phone call"},
                               {"meeting", "Meeting"},
                               {"direct_work", "Direct work with the child"},
                               {"supervision", "Case supervision"},
                               {"other", "Other"},
                           });
  return set;
}

std::span<const CodeSet* const> all() {
  static const std::array<const CodeSet*, 37> sets = {
      &sex(),
      &ethnicity(),
      &disability(),
      &upn_unknown(),
      &referral_source(),
      &primary_need(),
      &reason_for_closure(),
      &category_of_abuse(),
      &assessment_factor(),
      &reason_new_episode(),
      &legal_status(),
      &category_of_need(),
      &placement_type(),
      &placement_provider(),
      &reason_episode_ceased(),
      &reason_place_change(),
      &review_participation(),
      &missing_type(),
      &sdq_reason(),
      &in_touch(),
      &care_leaver_activity(),
      &care_leaver_accommodation(),
      &sex_of_adopters(),
      &adopters_legal_status(),
      &reason_placed_ceased(),
      &previous_permanence(),
      &social_worker_change_reason(),
      &relationship(),
      &agency_kind(),
      &carer_kind(),
      &provider_setting(),
      &team_purpose(),
      &practitioner_role(),
      &contact_outcome(),
      &conference_type(),
      &section47_outcome(),
      &case_note_kind(),
  };
  return sets;
}

}  // namespace hearth::domain::codes
