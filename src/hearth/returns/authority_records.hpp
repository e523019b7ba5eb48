// One authority's records, in memory, as the returns read them: what `export`, `import` and
// the validation rules work on. Loaded from the store by one function, or built by hand in
// tests; no engine in this module touches SQL.
#pragma once

#include <string>
#include <vector>

#include "hearth/domain/entities.hpp"
#include "hearth/store/store.hpp"

namespace hearth::returns {

struct AuthorityRecords {
  std::string la_code;
  std::vector<domain::Child> children;  // the children the other records are about
  std::vector<domain::LookedAfterEpisode> episodes;
  std::vector<domain::LookedAfterReview> reviews;
  std::vector<domain::MissingEpisode> missing;
  std::vector<domain::LookedAfterOutcome> outcomes;             // OC2
  std::vector<domain::CareLeaverOutcome> care_leaver_outcomes;  // OC3
  std::vector<domain::Adoption> adoptions;
  std::vector<domain::PreviousPermanence> previous_permanence;
  std::vector<domain::SocialWorkerEpisode> social_worker_episodes;
  // CIN census
  std::vector<domain::Referral> referrals;
  std::vector<domain::Assessment> assessments;
  std::vector<domain::CinPlan> cin_plans;
  std::vector<domain::Section47Enquiry> section47_enquiries;
  std::vector<domain::ProtectionPlan> protection_plans;
};

// The current version (withdrawn records left out) of each record the SSDA903 return draws on,
// about the authority's children who were ever looked after or have a care leaver's outcome,
// each kind in id order.
core::Result<AuthorityRecords> load_authority_records(store::Store& store,
                                                      const std::string& la_code);

// The current version of each record the CIN census of collection year `year` draws on: the
// referrals open on any day of the year, and their children's records, each kind in id order
// (the SSDA903 kinds left empty). The other children are never decoded: most of an authority's
// referred children were not in need that year.
core::Result<AuthorityRecords> load_cin_census_records(store::Store& store,
                                                       const std::string& la_code, int year);

}  // namespace hearth::returns
