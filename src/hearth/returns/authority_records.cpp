#include "hearth/returns/authority_records.hpp"

#include <algorithm>
#include <set>

namespace hearth::returns {
namespace {

template <typename T>
core::Status load_into(store::Store& store, domain::RecordKind kind, const std::string& la_code,
                       std::vector<T>& out) {
  auto records = store.load_all(kind, la_code);
  if (!records) return records.error();
  out.reserve(records->size());
  for (auto& record : *records) {
    if (auto* value = std::get_if<T>(&record)) out.push_back(std::move(*value));
  }
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
  auto records = store.load_for_children(la_code, children, kKinds);
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
          }
        },
        record);
  }
  // In id order, as load_all gives them, so that the export does not depend on the backend.
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
  return r;
}

}  // namespace hearth::returns
