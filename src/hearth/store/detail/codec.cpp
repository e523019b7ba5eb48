#include "hearth/store/detail/codec.hpp"

#include <algorithm>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace nlohmann {

template <>
struct adl_serializer<hearth::core::Date> {
  static void to_json(json& j, const hearth::core::Date& date) { j = date.to_iso(); }
  static void from_json(const json& j, hearth::core::Date& date) {
    auto parsed = hearth::core::Date::parse_iso(j.get<std::string>());
    if (!parsed) throw std::invalid_argument(parsed.error().message);
    date = *parsed;
  }
};

template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& value) {
    if (value) {
      j = *value;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& value) {
    if (j.is_null()) {
      value.reset();
    } else {
      value = j.get<T>();
    }
  }
};

}  // namespace nlohmann

namespace hearth::domain {

// One line per entity: the members that are stored. Keep in step with entities.hpp; the codec
// round-trip test fails when a member is left out.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PersonName, given, middle, family, preferred,
                                                former_family)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Child, id, la_code, name, sex, date_of_birth,
                                                expected_date_of_birth, date_of_death, ethnicity,
                                                nhs_number, upn, former_upn, upn_unknown,
                                                disabilities, address_line, postcode, school_urn,
                                                is_mother, mother_child_dob, uasc_ceased, uasc,
                                                team_id, allocated_worker_id, restricted)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Person, id, la_code, name, sex, date_of_birth,
                                                address_line, postcode)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Relationship, id, la_code, child_id, person_id,
                                                relation, parental_responsibility, lives_with_child,
                                                other_is_child)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Agency, id, la_code, name, kind)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Team, id, la_code, name, purpose)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Practitioner, id, la_code, name, team_id, role,
                                                sw_id, agency_staff)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Contact, id, la_code, child_id, received, source,
                                                outcome, agency_record_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Referral, id, la_code, child_id, referral_date,
                                                source, primary_need, closure_date,
                                                reason_for_closure, no_further_action,
                                                initial_cpc_date, contact_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Assessment, id, la_code, child_id, referral_id,
                                                start_date, internal_review_date,
                                                authorisation_date, factors)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CinPlan, id, la_code, child_id, referral_id,
                                                start_date, end_date)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StrategyDiscussion, id, la_code, child_id,
                                                referral_id, date, section47_initiated,
                                                agencies_present)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Section47Enquiry, id, la_code, child_id,
                                                referral_id, strategy_discussion_id, start_date,
                                                icpc_target_date, icpc_date, icpc_not_required,
                                                outcome)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Conference, id, la_code, child_id, referral_id,
                                                type, date, plan_decided)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ProtectionPlan, id, la_code, child_id, referral_id,
                                                start_date, end_date, initial_category,
                                                latest_category, previous_plans, review_dates)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Placement, id, la_code, child_id, place,
                                                provider_kind, carer_id, provider_id, urn, postcode,
                                                start_date, end_date, reason_for_change)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LookedAfterEpisode, id, la_code, child_id,
                                                placement_id, start_date, reason_new_episode,
                                                legal_status, category_of_need, place,
                                                place_provider, end_date, reason_episode_ceased,
                                                reason_place_change, home_postcode,
                                                placement_postcode, urn)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LookedAfterReview, id, la_code, child_id, date,
                                                participation)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MissingEpisode, id, la_code, child_id, type,
                                                start_date, end_date)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LookedAfterOutcome, id, la_code, child_id,
                                                collection_year, sdq_score, sdq_reason, convicted,
                                                health_check, immunisations, teeth_check,
                                                health_assessment, substance_misuse,
                                                intervention_received, intervention_offered)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CareLeaverOutcome, id, la_code, child_id,
                                                collection_year, in_touch, activity, accommodation)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Adoption, id, la_code, child_id, decision_date,
                                                matched_date, foster_care, number_of_adopters,
                                                sex_of_adopters, adopters_legal_status, placed_date,
                                                placed_ceased_date, reason_placed_ceased)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PreviousPermanence, id, la_code, child_id, order,
                                                la_of_order, date_text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SocialWorkerEpisode, id, la_code, child_id,
                                                practitioner_id, sw_id, start_date, end_date,
                                                change_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Carer, id, la_code, name, kind, postcode, approved,
                                                deregistered, approved_places, related_child_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Provider, id, la_code, name, urn, setting,
                                                provider_kind, postcode, places)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AgencyRecord, id, la_code, agency_id, source,
                                                local_ref, given_name, family_name, date_of_birth,
                                                sex, postcode, nhs_number, upn, school_urn,
                                                recorded, summary)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CaseNote, id, la_code, child_id, date, kind,
                                                author_id, subject, text)

}  // namespace hearth::domain

namespace hearth::store::detail {
namespace {

template <size_t I = 0>
core::Result<Record> decode_alternative(size_t index, const nlohmann::json& json) {
  if constexpr (I < std::variant_size_v<Record>) {
    if (index == I)
      return Record(std::in_place_index<I>, json.get<std::variant_alternative_t<I, Record>>());
    return decode_alternative<I + 1>(index, json);
  } else {
    return core::Error::internal("unknown record kind");
  }
}

}  // namespace

std::string encode(const Record& record) {
  return std::visit([](const auto& value) { return nlohmann::json(value).dump(); }, record);
}

core::Result<Record> decode(RecordKind kind, std::string_view body) {
  try {
    const auto json = nlohmann::json::parse(body);
    return decode_alternative(static_cast<size_t>(kind), json);
  } catch (const std::exception& e) {
    return core::Error::corrupt(fmt::format("stored {} record cannot be read: {}",
                                            domain::record_kind_name(kind), e.what()));
  }
}

core::Result<std::vector<Record>> decode_many(
    const std::vector<std::pair<RecordKind, std::string>>& bodies) {
  std::vector<Record> records(bodies.size());
  // Below a few thousand bodies a thread costs more than it saves.
  constexpr size_t kPerThread = 4096;
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min(cores, 1 + bodies.size() / kPerThread);
  std::vector<std::optional<std::pair<size_t, core::Error>>> failures(threads);
  auto decode_range = [&](size_t part) {
    const size_t from = bodies.size() * part / threads, to = bodies.size() * (part + 1) / threads;
    for (size_t i = from; i < to; ++i) {
      auto record = decode(bodies[i].first, bodies[i].second);
      if (!record) {
        failures[part].emplace(i, record.error());
        return;
      }
      records[i] = std::move(*record);
    }
  };
  std::vector<std::thread> workers;
  size_t started = 1;
  try {
    for (; started < threads; ++started) workers.emplace_back(decode_range, started);
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): the parts not started are decoded here.
  }
  for (size_t part = started; part < threads; ++part) decode_range(part);
  decode_range(0);
  for (auto& worker : workers) worker.join();
  for (const auto& failure : failures) {
    if (failure) return failure->second;  // parts are in order: the first is the earliest
  }
  return records;
}

}  // namespace hearth::store::detail
