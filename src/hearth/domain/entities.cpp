#include "hearth/domain/entities.hpp"

namespace hearth::domain {

const char* record_kind_name(RecordKind kind) {
  // These names are stored in the database: never rename one.
  switch (kind) {
    case RecordKind::kChild:
      return "child";
    case RecordKind::kPerson:
      return "person";
    case RecordKind::kRelationship:
      return "relationship";
    case RecordKind::kAgency:
      return "agency";
    case RecordKind::kTeam:
      return "team";
    case RecordKind::kPractitioner:
      return "practitioner";
    case RecordKind::kContact:
      return "contact";
    case RecordKind::kReferral:
      return "referral";
    case RecordKind::kAssessment:
      return "assessment";
    case RecordKind::kCinPlan:
      return "cin_plan";
    case RecordKind::kStrategyDiscussion:
      return "strategy_discussion";
    case RecordKind::kSection47Enquiry:
      return "section47_enquiry";
    case RecordKind::kConference:
      return "conference";
    case RecordKind::kProtectionPlan:
      return "protection_plan";
    case RecordKind::kLookedAfterEpisode:
      return "looked_after_episode";
    case RecordKind::kPlacement:
      return "placement";
    case RecordKind::kLookedAfterReview:
      return "looked_after_review";
    case RecordKind::kMissingEpisode:
      return "missing_episode";
    case RecordKind::kLookedAfterOutcome:
      return "looked_after_outcome";
    case RecordKind::kCareLeaverOutcome:
      return "care_leaver_outcome";
    case RecordKind::kAdoption:
      return "adoption";
    case RecordKind::kPreviousPermanence:
      return "previous_permanence";
    case RecordKind::kSocialWorkerEpisode:
      return "social_worker_episode";
    case RecordKind::kCarer:
      return "carer";
    case RecordKind::kProvider:
      return "provider";
    case RecordKind::kAgencyRecord:
      return "agency_record";
    case RecordKind::kCaseNote:
      return "case_note";
  }
  return "unknown";
}

std::optional<RecordKind> record_kind_from_name(std::string_view name) {
  for (RecordKind kind : kAllRecordKinds) {
    if (name == record_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace hearth::domain
