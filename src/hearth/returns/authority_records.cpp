#include "hearth/returns/authority_records.hpp"

#include <algorithm>
#include <set>
#include <span>

namespace hearth::returns {
namespace {

// The authority's current records of one kind, or with `during` those whose period meets it.
template <typename T>
core::Status load_into(store::Store& store, domain::RecordKind kind, const std::string& la_code,
                       std::vector<T>& out, std::optional<store::DateRange> during = std::nullopt) {
  auto records = during ? store.load_active(kind, la_code, *during) : store.load_all(kind, la_code);
  if (!records) return records.error();
  out.reserve(records->size());
  for (auto& record : *records) {
    if (auto* value = std::get_if<T>(&record)) out.push_back(std::move(*value));
  }
  return {};
}

// The records of `kinds` about `children`, into `r`, each kind in id order (as load_all gives
// them, so that an export does not depend on the backend).
core::Status load_children_records(store::Store& store, const std::string& la_code,
                                   const std::vector<std::string>& children,
                                   std::span<const domain::RecordKind> kinds, AuthorityRecords& r,
                                   std::optional<store::DateRange> during = std::nullopt) {
  auto records = store.load_for_children(la_code, children, kinds, during);
  if (!records) return records.error();
  for (auto& record : *records) {
    std::visit(
        [&](auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, domain::Child>) {
            r.children.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::LookedAfterReview>) {
            r.reviews.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::MissingEpisode>) {
            r.missing.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::LookedAfterOutcome>) {
            r.outcomes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Adoption>) {
            r.adoptions.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::PreviousPermanence>) {
            r.previous_permanence.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::SocialWorkerEpisode>) {
            r.social_worker_episodes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Assessment>) {
            r.assessments.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::CinPlan>) {
            r.cin_plans.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Section47Enquiry>) {
            r.section47_enquiries.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::ProtectionPlan>) {
            r.protection_plans.push_back(std::move(value));
          }
        },
        record);
  }
  auto by_id = [](auto& items) {
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  };
  by_id(r.children);
  by_id(r.reviews);
  by_id(r.missing);
  by_id(r.outcomes);
  by_id(r.adoptions);
  by_id(r.previous_permanence);
  by_id(r.social_worker_episodes);
  by_id(r.assessments);
  by_id(r.cin_plans);
  by_id(r.section47_enquiries);
  by_id(r.protection_plans);
  return {};
}

}  // namespace

core::Result<AuthorityRecords> load_authority_records(store::Store& store,
                                                      const std::string& la_code) {
  using domain::RecordKind;
  AuthorityRecords r;
  r.la_code = la_code;
  // Who the return can be about: children who were ever looked after, and care leavers.
  HEARTH_RETURN_IF_ERROR(load_into(store, RecordKind::kLookedAfterEpisode, la_code, r.episodes));
  HEARTH_RETURN_IF_ERROR(
      load_into(store, RecordKind::kCareLeaverOutcome, la_code, r.care_leaver_outcomes));
  std::set<std::string> ids;
  for (const auto& e : r.episodes) ids.insert(e.child_id);
  for (const auto& o : r.care_leaver_outcomes) ids.insert(o.child_id);
  // Then only their records: most of a large authority's children were never looked after,
  // and decoding every child and social worker episode was most of an export's time.
  const std::vector<std::string> children(ids.begin(), ids.end());
  static constexpr RecordKind kKinds[] = {RecordKind::kChild,
                                          RecordKind::kLookedAfterReview,
                                          RecordKind::kMissingEpisode,
                                          RecordKind::kLookedAfterOutcome,
                                          RecordKind::kAdoption,
                                          RecordKind::kPreviousPermanence,
                                          RecordKind::kSocialWorkerEpisode};
  HEARTH_RETURN_IF_ERROR(load_children_records(store, la_code, children, kKinds, r));
  return r;
}

core::Result<AuthorityRecords> load_cin_census_records(store::Store& store,
                                                       const std::string& la_code, int year) {
  using domain::RecordKind;
  AuthorityRecords r;
  r.la_code = la_code;
  // Who the census is about: children with a referral open on some day of the year. The store
  // reads only the records whose period meets the year (decision 0015); the test here is exact,
  // as the store's is not for records written before it kept periods.
  const core::Date start = core::collection_year_start(year), end = core::collection_year_end(year);
  const store::DateRange the_year{start, end};
  HEARTH_RETURN_IF_ERROR(load_into(store, RecordKind::kReferral, la_code, r.referrals, the_year));
  std::erase_if(r.referrals, [&](const domain::Referral& referral) {
    return referral.referral_date > end ||
           (referral.closure_date && *referral.closure_date < start);
  });
  std::set<std::string> ids;
  for (const auto& referral : r.referrals) ids.insert(referral.child_id);
  const std::vector<std::string> children(ids.begin(), ids.end());
  static constexpr RecordKind kKinds[] = {RecordKind::kChild, RecordKind::kAssessment,
                                          RecordKind::kCinPlan, RecordKind::kSection47Enquiry,
                                          RecordKind::kProtectionPlan};
  // Their assessments, plans and enquiries of the year: the census's export judges each one's
  // dates again.
  HEARTH_RETURN_IF_ERROR(load_children_records(store, la_code, children, kKinds, r, the_year));
  return r;
}

}  // namespace hearth::returns
