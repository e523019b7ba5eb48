#include "hearth/store/detail/codec.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <tuple>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "hearth/core/parallel.hpp"
#include "hearth/store/detail/members.hpp"

// Decoding is simdjson's on-demand parser straight into the entity (docs/decisions/0013): it is
// what every load of records costs, and building nlohmann's tree first was most of an export's
// time. Encoding keeps nlohmann, whose output (keys in name order, no spaces) is what is stored.

namespace domain = hearth::domain;

// One line per entity: the members that are stored. Keep in step with entities.hpp; the store's
// round-trip test (every member set) fails when a member is left out.
HEARTH_STORED_MEMBERS(domain::PersonName, given, middle, family, preferred, former_family)
HEARTH_STORED_MEMBERS(domain::Child, id, la_code, name, sex, date_of_birth, expected_date_of_birth,
                      date_of_death, ethnicity, nhs_number, upn, former_upn, upn_unknown,
                      disabilities, address_line, postcode, school_urn, is_mother, mother_child_dob,
                      uasc_ceased, uasc, team_id, allocated_worker_id, restricted)
HEARTH_STORED_MEMBERS(domain::Person, id, la_code, name, sex, date_of_birth, address_line, postcode)
HEARTH_STORED_MEMBERS(domain::Relationship, id, la_code, child_id, person_id, relation,
                      parental_responsibility, lives_with_child, other_is_child)
HEARTH_STORED_MEMBERS(domain::Agency, id, la_code, name, kind)
HEARTH_STORED_MEMBERS(domain::Team, id, la_code, name, purpose)
HEARTH_STORED_MEMBERS(domain::Practitioner, id, la_code, name, team_id, role, sw_id, agency_staff)
HEARTH_STORED_MEMBERS(domain::Contact, id, la_code, child_id, received, source, outcome,
                      agency_record_id)
HEARTH_STORED_MEMBERS(domain::Referral, id, la_code, child_id, referral_date, source, primary_need,
                      closure_date, reason_for_closure, no_further_action, initial_cpc_date,
                      contact_id)
HEARTH_STORED_MEMBERS(domain::Assessment, id, la_code, child_id, referral_id, start_date,
                      internal_review_date, authorisation_date, factors)
HEARTH_STORED_MEMBERS(domain::CinPlan, id, la_code, child_id, referral_id, start_date, end_date)
HEARTH_STORED_MEMBERS(domain::StrategyDiscussion, id, la_code, child_id, referral_id, date,
                      section47_initiated, agencies_present)
HEARTH_STORED_MEMBERS(domain::Section47Enquiry, id, la_code, child_id, referral_id,
                      strategy_discussion_id, start_date, icpc_target_date, icpc_date,
                      icpc_not_required, outcome)
HEARTH_STORED_MEMBERS(domain::Conference, id, la_code, child_id, referral_id, type, date,
                      plan_decided)
HEARTH_STORED_MEMBERS(domain::ProtectionPlan, id, la_code, child_id, referral_id, start_date,
                      end_date, initial_category, latest_category, previous_plans, review_dates)
HEARTH_STORED_MEMBERS(domain::Placement, id, la_code, child_id, place, provider_kind, carer_id,
                      provider_id, urn, postcode, start_date, end_date, reason_for_change)
HEARTH_STORED_MEMBERS(domain::LookedAfterEpisode, id, la_code, child_id, placement_id, start_date,
                      reason_new_episode, legal_status, category_of_need, place, place_provider,
                      end_date, reason_episode_ceased, reason_place_change, home_postcode,
                      placement_postcode, urn)
HEARTH_STORED_MEMBERS(domain::LookedAfterReview, id, la_code, child_id, date, participation)
HEARTH_STORED_MEMBERS(domain::MissingEpisode, id, la_code, child_id, type, start_date, end_date)
HEARTH_STORED_MEMBERS(domain::LookedAfterOutcome, id, la_code, child_id, collection_year, sdq_score,
                      sdq_reason, convicted, health_check, immunisations, teeth_check,
                      health_assessment, substance_misuse, intervention_received,
                      intervention_offered)
HEARTH_STORED_MEMBERS(domain::CareLeaverOutcome, id, la_code, child_id, collection_year, in_touch,
                      activity, accommodation)
HEARTH_STORED_MEMBERS(domain::Adoption, id, la_code, child_id, decision_date, matched_date,
                      foster_care, number_of_adopters, sex_of_adopters, adopters_legal_status,
                      placed_date, placed_ceased_date, reason_placed_ceased)
HEARTH_STORED_MEMBERS(domain::PreviousPermanence, id, la_code, child_id, order, la_of_order,
                      date_text)
HEARTH_STORED_MEMBERS(domain::SocialWorkerEpisode, id, la_code, child_id, practitioner_id, sw_id,
                      start_date, end_date, change_reason)
HEARTH_STORED_MEMBERS(domain::Carer, id, la_code, name, kind, postcode, approved, deregistered,
                      approved_places, related_child_id)
HEARTH_STORED_MEMBERS(domain::Provider, id, la_code, name, urn, setting, provider_kind, postcode,
                      places)
HEARTH_STORED_MEMBERS(domain::AgencyRecord, id, la_code, agency_id, source, local_ref, given_name,
                      family_name, date_of_birth, sex, postcode, nhs_number, upn, school_urn,
                      recorded, summary)
HEARTH_STORED_MEMBERS(domain::CaseNote, id, la_code, child_id, date, kind, author_id, subject, text)

namespace hearth::store::detail {
namespace {

using core::Date;

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

template <typename T>
nlohmann::json to_json(const T& value) {
  if constexpr (std::is_same_v<T, Date>) {
    return value.to_iso();
  } else if constexpr (IsOptional<T>::value) {
    return value ? to_json(*value) : nlohmann::json(nullptr);
  } else if constexpr (IsVector<T>::value) {
    auto array = nlohmann::json::array();
    for (const auto& item : value) array.push_back(to_json(item));
    return array;
  } else if constexpr (HasStoredMembers<T>) {
    auto object = nlohmann::json::object();
    std::apply(
        [&](const auto&... m) { ((object[std::string(m.name)] = to_json(value.*m.pointer)), ...); },
        StoredMembers<T>::list);
    return object;
  } else {
    return nlohmann::json(value);  // text, a flag or a number
  }
}

// What is wrong with a body, the member path first ("name: given: ..."); none when it decoded.
using Problem = std::optional<std::string>;
using Value = simdjson::ondemand::value;

Problem problem(simdjson::error_code error) {
  return std::string(simdjson::error_message(error));
}

Problem in_member(std::string_view name, Problem inner) {
  if (inner) inner = fmt::format("{}: {}", name, *inner);
  return inner;
}

// Every overload is declared before the templates that call them: the calls name no type of
// this namespace, so argument-dependent lookup would not find a later one.
Problem read(Value& value, std::string& out);
Problem read(Value& value, bool& out);
Problem read(Value& value, int& out);
Problem read(Value& value, Date& out);
template <typename T>
Problem read(Value& value, std::optional<T>& out);
template <typename T>
Problem read(Value& value, std::vector<T>& out);
template <typename T>
requires HasStoredMembers<T> Problem read(Value& value, T& out);

Problem read(Value& value, std::string& out) {
  std::string_view text;
  if (auto error = value.get_string().get(text)) return problem(error);
  out.assign(text);
  return std::nullopt;
}

Problem read(Value& value, bool& out) {
  if (auto error = value.get_bool().get(out)) return problem(error);
  return std::nullopt;
}

Problem read(Value& value, int& out) {
  int64_t number = 0;
  if (auto error = value.get_int64().get(number)) return problem(error);
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
    return fmt::format("{} is out of range", number);
  }
  out = static_cast<int>(number);
  return std::nullopt;
}

Problem read(Value& value, Date& out) {
  std::string_view text;
  if (auto error = value.get_string().get(text)) return problem(error);
  auto parsed = Date::parse_iso(text);
  if (!parsed) return parsed.error().message;
  out = *parsed;
  return std::nullopt;
}

template <typename T>
Problem read(Value& value, std::optional<T>& out) {
  bool null = false;
  if (auto error = value.is_null().get(null)) return problem(error);
  if (null) {
    out.reset();
    return std::nullopt;
  }
  T item{};
  if (auto wrong = read(value, item)) return wrong;
  out = std::move(item);
  return std::nullopt;
}

template <typename T>
Problem read(Value& value, std::vector<T>& out) {
  simdjson::ondemand::array array;
  if (auto error = value.get_array().get(array)) return problem(error);
  out.clear();
  size_t index = 0;
  for (auto element : array) {
    Value item_value;
    if (auto error = std::move(element).get(item_value)) return problem(error);
    T item{};
    if (auto wrong = read(item_value, item)) return fmt::format("item {}: {}", index, *wrong);
    out.push_back(std::move(item));
    ++index;
  }
  return std::nullopt;
}

// The members named in `object` into `out`; a key that is not a member is passed over, and a
// member with no key keeps its default (so adding a member needs no migration).
template <typename T>
Problem read_members(simdjson::ondemand::object& object, T& out) {
  for (auto entry : object) {
    simdjson::ondemand::field field;
    if (auto error = std::move(entry).get(field)) return problem(error);
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return problem(error);
    Problem wrong;
    std::apply(
        [&](const auto&... m) {
          (void)((key == m.name &&
                  (wrong = in_member(m.name, read(field.value(), out.*m.pointer)), true)) ||
                 ...);
        },
        StoredMembers<T>::list);
    if (wrong) return wrong;
  }
  return std::nullopt;
}

template <typename T>
requires HasStoredMembers<T> Problem read(Value& value, T& out) {
  simdjson::ondemand::object object;
  if (auto error = value.get_object().get(object)) return problem(error);
  out = T{};  // a member given twice: the later one whole, not the two merged
  return read_members(object, out);
}

template <size_t I = 0>
core::Result<Record> decode_alternative(size_t index, simdjson::ondemand::document& document,
                                        Problem& wrong) {
  if constexpr (I < std::variant_size_v<Record>) {
    if (index != I) return decode_alternative<I + 1>(index, document, wrong);
    std::variant_alternative_t<I, Record> value{};
    simdjson::ondemand::object object;
    if (auto error = document.get_object().get(object)) {
      wrong = problem(error);
    } else {
      wrong = read_members(object, value);
      // The location is known only while the parser is short of the end of the text.
      const char* left = nullptr;
      if (!wrong && document.current_location().get(left) == simdjson::SUCCESS) {
        wrong = "text after the record";
      }
    }
    return Record(std::in_place_index<I>, std::move(value));
  } else {
    wrong = "unknown record kind";
    return core::Error::internal("unknown record kind");
  }
}

}  // namespace

std::string encode(const Record& record) {
  return std::visit([](const auto& value) { return to_json(value).dump(); }, record);
}

core::Result<Record> decode(RecordKind kind, std::string_view body) {
  // One parser and one padded copy per thread (decode_many decodes on every core): simdjson
  // reads a few bytes past the end, so the text is copied with that padding after it.
  thread_local simdjson::ondemand::parser parser;
  thread_local std::string padded;
  padded.assign(body);
  padded.append(simdjson::SIMDJSON_PADDING, ' ');
  Problem wrong;
  simdjson::ondemand::document document;
  core::Result<Record> record = core::Error::internal("not decoded");
  if (auto error = parser.iterate(padded.data(), body.size(), padded.size()).get(document)) {
    wrong = problem(error);
  } else {
    record = decode_alternative(static_cast<size_t>(kind), document, wrong);
  }
  if (wrong) {
    return core::Error::corrupt(
        fmt::format("stored {} record cannot be read: {}", domain::record_kind_name(kind), *wrong));
  }
  return record;
}

core::Result<std::vector<Record>> decode_many(
    const std::vector<std::pair<RecordKind, std::string>>& bodies) {
  // Below a few thousand bodies a thread costs more than it saves. Each thread fills its own
  // list, joined after: a list of the whole size made first would construct (and destroy) an
  // empty record of the largest kind for every body.
  constexpr size_t kPerThread = 4096;
  const size_t threads = core::threads_for(1 + bodies.size() / kPerThread);
  std::vector<std::vector<Record>> parts(threads);
  std::vector<std::optional<core::Error>> failures(threads);
  core::run_on_threads(threads, [&](size_t part) {
    const size_t from = bodies.size() * part / threads, to = bodies.size() * (part + 1) / threads;
    parts[part].reserve(to - from);
    for (size_t i = from; i < to; ++i) {
      auto record = decode(bodies[i].first, bodies[i].second);
      if (!record) {
        failures[part].emplace(record.error());
        return;
      }
      parts[part].push_back(std::move(*record));
    }
  });
  for (const auto& failure : failures) {
    if (failure) return *failure;  // parts are in order: the first is the earliest
  }
  if (threads == 1) return std::move(parts.front());
  std::vector<Record> records;
  records.reserve(bodies.size());
  for (auto& part : parts) std::move(part.begin(), part.end(), std::back_inserter(records));
  return records;
}

}  // namespace hearth::store::detail
