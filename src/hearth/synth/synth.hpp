// Synthetic local authorities: children, families, the statutory journey of each child (contacts,
// referrals, assessments, section 47 enquiries, conferences, plans, periods in care, placements,
// reviews, missing episodes, care leaving), the partner agencies' own records of the same
// children, with their own identifiers and errors, and the ground truth of who is who.
//
// Start here: `generate(profile, options)`. The same profile and seed give the same data, byte
// for byte, whatever the thread count. Rates follow the national figures (rates.hpp, citing
// shared/domain/REFERENCE.md); the mess of real records (missing and wrong NHS numbers, misspelt
// and hyphenated names, nicknames, day/month swaps, moves and changes of surname) comes at
// realistic rates. Only synthetic data: every name is drawn from frequency tables, every number
// is made up.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/result.hpp"
#include "hearth/domain/entities.hpp"

namespace hearth::synth {

// One English local authority, from data/local_authorities.csv (ONS mid-2024 population, DfE
// children looked after at 31 March 2025).
struct AuthorityProfile {
  std::string la_code;   // three-digit DfE code
  std::string ons_code;  // the ONS code of the same authority (E09000007)
  std::string name;
  std::string region;
  int64_t children = 0;  // aged 0 to 17
  int64_t looked_after = 0;
  std::vector<std::string> postcode_districts;
};

// The 153 authorities of England.
std::span<const AuthorityProfile> england();
core::Result<AuthorityProfile> authority(std::string_view la_code);
// The ONS code of an authority given by either code ("202" or "E09000007"); the fictional
// authority 999 is E06000999, a code ONS has not given.
core::Result<std::string> ons_code_of(std::string_view code);

enum class Size { kSmall, kMedium, kLarge };
core::Result<Size> parse_size(std::string_view text);
// A fictional authority ("Synthshire", code 999) with the child population of a small
// (25,000), medium (70,000) or large (the largest English authority's) authority.
AuthorityProfile fictional_authority(Size size);
AuthorityProfile fictional_authority_with_children(int64_t children);

struct Options {
  uint64_t seed = 1;
  int years = 5;
  // The last day simulated: the end of the latest collection year. The generator writes the
  // code sets of 2024-25 onwards, so the end is 31 March 2025 or later.
  core::Date end = core::collection_year_end(2026);
  bool partner_records = true;  // also generate the partner agencies' view and ground truth
};

// One row of the ground truth: which person a record (a child's record in the authority, or an
// agency's record) is about. `person_id` is "<la_code>:<child id>" for children known to the
// authority, and "<la_code>:X<n>" for people only the agencies know.
struct TruthRow {
  std::string record_id;
  std::string source;  // social_care, police, health, education
  std::string person_id;
};

struct Dataset {
  AuthorityProfile authority;
  std::vector<domain::Team> teams;
  std::vector<domain::Practitioner> practitioners;
  std::vector<domain::Agency> agencies;
  std::vector<domain::Carer> carers;
  std::vector<domain::Provider> providers;
  std::vector<domain::Child> children;
  // Earlier versions of children's records: revisions before a move or a change of surname,
  // in date order. `children` holds the current version.
  struct ChildHistory {
    domain::Child before;
    core::Date changed_on;
    std::string reason;
  };
  std::vector<ChildHistory> child_history;
  std::vector<domain::Person> people;
  std::vector<domain::Relationship> relationships;
  std::vector<domain::Contact> contacts;
  std::vector<domain::Referral> referrals;
  std::vector<domain::Assessment> assessments;
  std::vector<domain::CinPlan> cin_plans;
  std::vector<domain::StrategyDiscussion> strategy_discussions;
  std::vector<domain::Section47Enquiry> section47_enquiries;
  std::vector<domain::Conference> conferences;
  std::vector<domain::ProtectionPlan> protection_plans;
  std::vector<domain::LookedAfterEpisode> episodes;
  std::vector<domain::Placement> placements;
  std::vector<domain::LookedAfterReview> reviews;
  std::vector<domain::MissingEpisode> missing_episodes;
  std::vector<domain::LookedAfterOutcome> outcomes;
  std::vector<domain::CareLeaverOutcome> care_leaver_outcomes;
  std::vector<domain::Adoption> adoptions;
  std::vector<domain::PreviousPermanence> previous_permanence;
  std::vector<domain::SocialWorkerEpisode> social_worker_episodes;
  std::vector<domain::AgencyRecord> agency_records;
  std::vector<domain::CaseNote> case_notes;
  std::vector<TruthRow> truth;
  // Children whose NHS number the authority mistyped, with the true number that the health
  // service and others hold.
  std::vector<std::pair<std::string, std::string>> true_nhs_numbers;

  size_t record_count() const;
};

Dataset generate(const AuthorityProfile& authority, const Options& options);

// Figures of a dataset set beside the national rates, for a reader to check the generator.
struct Summary {
  int64_t children_population = 0;
  int64_t children_with_records = 0;
  double referrals_per_10k_per_year = 0;
  double re_referral_percent = 0;
  double section47_per_10k_per_year = 0;
  double plans_started_per_10k_per_year = 0;
  int64_t plans_open_at_end = 0;
  double looked_after_per_10k_at_end = 0;
  int64_t looked_after_at_end = 0;
  double started_care_per_10k_per_year = 0;
  double three_plus_placements_percent = 0;  // of children looked after in the last year
  int64_t agency_records = 0;
};
Summary summarise(const Dataset& dataset, const Options& options);

}  // namespace hearth::synth
