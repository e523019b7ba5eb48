// The generator's children looked after: periods of care cut into SSDA903 episodes, placements
// with carers and providers, reviews, missing episodes, OC2 outcomes, adoption and care leavers.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hearth/synth/detail/draw.hpp"
#include "hearth/synth/detail/generator.hpp"
#include "hearth/synth/rates.hpp"

namespace hearth::synth::detail {

Generator::Stay Generator::choose_placement(int age, bool first, const ChildState& state,
                                            std::string_view legal_status) {
  Stay stay;
  // Placement types at 31 March [approx, DfE CLA 2024]: foster 68% (kinship ~13%),
  // children's homes 11%, supported accommodation 9% (16+), with parents 6%, adoption 3%.
  if (age >= 16 && rng_.chance(0.45)) {
    stay.place = "K3";
  } else if (age >= 12 && rng_.chance(first ? 0.12 : 0.22)) {
    stay.place = rng_.chance(0.02) ? "K1" : "K2";
  } else if (rng_.chance(0.06) && legal_status != "V2") {
    stay.place = "P1";
  } else if (rng_.chance(0.19)) {
    stay.place = rng_.chance(0.7) ? "U3" : "U1";
  } else {
    stay.place = rng_.chance(0.7) ? "U6" : "U4";
  }
  if (stay.place == "P1") {
    stay.provider_kind = "PR0";
    stay.postcode = families_[state.family].postcode;
  } else if (stay.place[0] == 'U') {
    domain::Carer carer;
    carer.id = id("CAR", carer_counter_);
    carer.la_code = la_.la_code;
    const bool kinship = stay.place == "U1" || stay.place == "U2" || stay.place == "U3";
    carer.kind = kinship ? "kinship" : (rng_.chance(0.6) ? "la_foster" : "ifa_foster");
    carer.name = {detail::draw_given_name(rng_, rng_.chance(0.8) ? 'F' : 'M'), "",
                  kinship ? families_[state.family].family_name : detail::draw_family_name(rng_),
                  "", ""};
    // Never the family home's postcode: only a placement with parents is there (rule 392d).
    const std::string& home = families_[state.family].postcode;
    do {
      carer.postcode = detail::postcode_in(rng_, la_);
    } while (carer.postcode == home);
    carer.approved_places = kinship ? 1 : static_cast<int>(1 + rng_.below(3));
    if (kinship) carer.related_child_id = out_.children[state.index].id;
    stay.carer_id = carer.id;
    stay.provider_kind = carer.kind == "ifa_foster" ? "PR4" : "PR1";
    stay.urn = carer.kind == "ifa_foster" ? ifa_urn_ : fostering_urn_;
    stay.postcode = carer.postcode;
    pending_carers_.push_back(std::move(carer));
  } else {
    const char* setting = stay.place == "K3"   ? "supported_accommodation"
                          : stay.place == "K1" ? "secure_childrens_home"
                                               : "childrens_home";
    std::vector<const domain::Provider*> options;
    for (const auto& provider : out_.providers) {
      if (provider.setting == setting) options.push_back(&provider);
    }
    const auto* provider = options[rng_.below(options.size())];
    stay.provider_id = provider->id;
    stay.provider_kind = provider->provider_kind;
    stay.urn = provider->urn;
    stay.postcode = provider->postcode;
  }
  return stay;
}

Date Generator::period_of_care(ChildState& state, Date enters, const std::string& need,
                               std::optional<Date> still_in_care_on) {
  domain::Child& child = out_.children[state.index];
  const int age = enters.years_since(state.birth);
  state.in_care = true;
  change_worker(state, enters, "looked_after");
  const Date eighteen = state.birth.add_years(18);
  // Length of the period of care.
  Date leaves;
  bool adoption = false;
  if (!still_in_care_on && rng_.chance(rates::kShortCare)) {
    leaves = enters.add_days(static_cast<int32_t>(7 + rng_.below(170)));
  } else {
    adoption = age < 5 && rng_.chance(0.3);
    const double years = adoption ? 1.3 + rng_.unit() : rng_.exponential(4.5) + 0.5;
    leaves = enters.add_days(static_cast<int32_t>(years * 365));
    if (still_in_care_on && leaves <= *still_in_care_on) {
      leaves = still_in_care_on->add_days(static_cast<int32_t>(1 + rng_.exponential(1100)));
    }
  }
  if (leaves >= eighteen) leaves = eighteen;
  state.care_ends = leaves;
  if (age >= 14 && rng_.chance(rates::kUascShareOfStarts * 2)) {
    child.uasc = true;
    if (leaves <= end_ && leaves == eighteen) child.uasc_ceased = leaves;
  }

  // Legal status path: s20 or police protection or interim order, then a care order for long
  // stays, then a placement order on the adoption route.
  std::vector<std::pair<Date, std::string>> statuses;
  static constexpr const char* kFirst[] = {"V2", "C1", "L1", "L2", "J2"};
  static constexpr double kFirstWeights[] = {40, 38, 12, 8, 2};
  std::string first = kFirst[rng_.weighted(kFirstWeights)];
  if (child.uasc) first = "V2";
  if (first == "J2" && age < 10) first = "V2";  // PACE detention is for 10 and over (rule 358)
  statuses.push_back({enters, first});
  const int32_t length = enters.days_until(leaves);
  // Police protection lasts at most 72 hours (rule 361), an emergency protection order at most
  // 8 days here (the Act allows 8, extendable to 15), and PACE detention a night or two; then a
  // care order, or accommodation under section 20 after PACE.
  if ((first == "L1" && length > 3) || (first == "L2" && length > 10)) {
    const int32_t days = first == "L1" ? 1 + static_cast<int32_t>(rng_.below(3))
                                       : 1 + static_cast<int32_t>(rng_.below(8));
    statuses.push_back({enters.add_days(days), "C1"});
  }
  if (first == "J2" && length > 3) {
    statuses.push_back({enters.add_days(1 + static_cast<int32_t>(rng_.below(2))), "V2"});
  }
  if (length > 240 && statuses.back().second == "C1") {
    statuses.push_back({enters.add_days(static_cast<int32_t>(150 + rng_.below(90))), "C2"});
  }
  Date placed_for_adoption;
  bool adopted_by_foster_carers = false;
  if (adoption) {
    statuses.push_back({enters.add_days(length * 6 / 10), "E1"});
    placed_for_adoption = enters.add_days(length * 7 / 10);
  }

  // Placement changes: a Poisson process, more often for teenagers.
  std::vector<Date> moves;
  const double rate = rates::kPlacementMovesPerYear * (age >= 12 ? 1.5 : 0.8);
  for (Date at = enters;;) {
    at = at.add_days(static_cast<int32_t>(rng_.exponential(365.0 / rate)) + 1);
    if (at >= leaves) break;
    if (adoption && at >= placed_for_adoption) break;
    moves.push_back(at);
  }
  if (adoption) moves.push_back(placed_for_adoption);
  std::sort(moves.begin(), moves.end());

  // Walk the period, cutting an episode at each change of legal status or placement.
  std::vector<std::pair<Date, char>> changes;  // 'L' legal, 'P' placement
  for (size_t i = 1; i < statuses.size(); ++i) changes.push_back({statuses[i].first, 'L'});
  for (Date m : moves) changes.push_back({m, 'P'});
  std::sort(changes.begin(), changes.end());

  Stay stay = choose_placement(age, true, state, first == "J2" ? "V2" : first);
  std::string placement_id = open_placement(state, stay, enters);
  std::string status = first;
  const std::string category = need.empty() || need == "N9" || need == "N0" ? "N1" : need;
  const std::string home_postcode = child.postcode;
  Date episode_start = enters;
  std::string reason = "S";
  std::string change_reason;
  auto emit = [&](Date until, bool ended_by_leaving) {
    domain::LookedAfterEpisode episode;
    episode.id = id("EP", episode_counter_);
    episode.la_code = la_.la_code;
    episode.child_id = child.id;
    episode.placement_id = placement_id;
    episode.start_date = episode_start;
    episode.reason_new_episode = reason;
    episode.legal_status = status;
    episode.category_of_need = category;
    episode.place = stay.place;
    episode.place_provider = stay.provider_kind;
    episode.home_postcode = home_postcode;
    episode.placement_postcode = stay.postcode;
    episode.urn = stay.urn;
    if (until <= end_) {
      episode.end_date = until;
      episode.reason_episode_ceased =
          ended_by_leaving ? leaving_reason(state, until, adoption, stay.place) : "X1";
      if (ended_by_leaving) state.left_care_reason = episode.reason_episode_ceased;
      if (!ended_by_leaving) episode.reason_place_change = change_reason;
    }
    out_.episodes.push_back(std::move(episode));
  };
  for (const auto& [at, kind] : changes) {
    if (at > end_) break;
    if (at <= episode_start) continue;
    if (kind == 'L') {
      change_reason.clear();
      emit(at, false);
      status = std::find_if(statuses.begin(), statuses.end(), [&](const auto& s) {
                 return s.first == at;
               })->second;
      reason = "L";
    } else {
      static constexpr const char* kReasons[] = {"CARPL", "CHILD", "LAREQ", "PLACE", "STAND",
                                                 "ALLEG", "CREQB", "CREQO", "OTHER"};
      static constexpr double kWeights[] = {25, 15, 15, 15, 5, 3, 8, 8, 6};
      change_reason =
          adoption && at == placed_for_adoption ? "CARPL" : kReasons[rng_.weighted(kWeights)];
      Stay next;
      if (adoption && at == placed_for_adoption) {
        // With the current foster carers (A5) only from a foster placement (rule 336): the
        // carers and their home stay; otherwise with new adopters (A6).
        const bool foster = stay.place[0] == 'U';
        const std::string new_home = detail::postcode_in(rng_, la_);
        adopted_by_foster_carers = rng_.chance(0.8) && foster;
        next = Stay{adopted_by_foster_carers ? "A5" : "A6",
                    "PR1",
                    adopted_by_foster_carers ? stay.carer_id : "",
                    "",
                    adoption_urn_,
                    adopted_by_foster_carers ? stay.postcode : new_home};
      } else {
        // A move is to somewhere else: another carer or home (rule 435); where there is none
        // (an authority's one supported lodging), the child stays.
        bool moved = false;
        for (int tries = 0; tries < 8 && !moved; ++tries) {
          next = choose_placement(at.years_since(state.birth), false, state, status);
          moved = next.place != stay.place || next.provider_kind != stay.provider_kind ||
                  next.urn != stay.urn || next.postcode != stay.postcode;
        }
        if (!moved) continue;
      }
      emit(at, false);
      close_placement(at, change_reason);
      stay = std::move(next);
      placement_id = open_placement(state, stay, at);
      // Placed for adoption with the current foster carer (A5): the carer stays, the placement
      // type changes and the legal status does not (reason T; rules 217, 435).
      reason = stay.place == "A5" ? "T" : "P";
    }
    episode_start = at;
  }
  emit(leaves, true);
  if (leaves <= end_) close_placement(leaves, "");

  care_records(state, enters, leaves, adoption, placed_for_adoption, adopted_by_foster_carers);
  return leaves;
}

std::string Generator::open_placement(ChildState& state, const Stay& stay, Date from) {
  domain::Placement placement;
  placement.id = id("PL", placement_counter_);
  placement.la_code = la_.la_code;
  placement.child_id = out_.children[state.index].id;
  placement.place = stay.place;
  placement.provider_kind = stay.provider_kind;
  placement.carer_id = stay.carer_id;
  placement.provider_id = stay.provider_id;
  placement.urn = stay.urn;
  placement.postcode = stay.postcode;
  placement.start_date = from;
  out_.placements.push_back(std::move(placement));
  open_placement_index_ = out_.placements.size() - 1;
  for (auto& carer : pending_carers_) {
    carer.approved = from.add_days(-static_cast<int32_t>(rng_.below(2000) + 1));
    out_.carers.push_back(std::move(carer));
  }
  pending_carers_.clear();
  return out_.placements.back().id;
}

void Generator::close_placement(Date on, const std::string& reason) {
  auto& placement = out_.placements[open_placement_index_];
  if (on <= end_) {
    placement.end_date = on;
    placement.reason_for_change = reason;
  }
}

std::string Generator::leaving_reason(ChildState& state, Date on, bool adoption,
                                      std::string_view place) {
  if (adoption) return rng_.chance(0.5) ? "E11" : "E12";
  // By add_years, as the care period's end at 18 is (a 29 February birthday falls on 28 February).
  if (on >= state.birth.add_years(18)) {
    static constexpr const char* kCodes[] = {"E17", "E5", "E6", "E7", "E8"};
    static constexpr double kWeights[] = {25, 45, 15, 5, 10};
    return kCodes[rng_.weighted(kWeights)];
  }
  static constexpr const char* kCodes[] = {"E4A", "E4B", "E45", "E46", "E47", "E48",
                                           "E41", "E13", "E3",  "E9",  "E14", "E8"};
  static constexpr double kWeights[] = {38, 6, 6, 2, 6, 1, 6, 3, 3, 1, 2, 6};
  const std::string code = kCodes[rng_.weighted(kWeights)];
  // An order to the former foster carers (E45, E46) is from a foster placement (rule 516).
  if ((code == "E45" || code == "E46") && !place.empty() && place[0] != 'U') return "E41";
  return code;
}

void Generator::care_records(ChildState& state, Date enters, Date leaves, bool adoption,
                             Date placed_for_adoption, bool adopted_by_foster_carers) {
  domain::Child& looked_after = out_.children[state.index];
  // Whether a girl is a mother is asked of every girl looked after (SSDA903 rule 607); the
  // synthetic girls are not.
  if (state.sex == 'F') looked_after.is_mother = false;  // sex: an unborn child's is set at birth
  const domain::Child& child = looked_after;
  // Previous permanence, asked at the start of each period of care.
  // An earlier order names its authority and date (rule 630): here this authority's, some
  // years before, when the child was at least one.
  if (rng_.chance(0.9) || enters.years_since(state.birth) < 2) {
    out_.previous_permanence.push_back(
        {id("PP", permanence_counter_), la_.la_code, child.id, "Z1", "", ""});
  } else {
    const Date order = state.birth.add_years(1).add_days(
        static_cast<int32_t>(rng_.below(std::max(1, state.birth.add_years(1).days_until(enters)))));
    out_.previous_permanence.push_back({id("PP", permanence_counter_), la_.la_code, child.id,
                                        rng_.chance(0.5) ? "P2" : "P3", la_.la_code,
                                        order.to_uk()});
  }
  // Reviews: within 20 working days, then 3 months, then every 6 months.
  const Date last = std::min(leaves, end_);
  Date review = calendar_.add_working_days(enters, 15 + static_cast<int>(rng_.below(5)));
  for (int n = 0; review < last; ++n) {
    static constexpr const char* kCodes[] = {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"};
    static constexpr double kWeights[] = {45, 15, 5, 5, 15, 10, 5};
    const int age = review.years_since(state.birth);
    out_.reviews.push_back({id("REV", review_counter_), la_.la_code, child.id, review,
                            age < 4 ? "PN0" : kCodes[rng_.weighted(kWeights)]});
    review = weekday_on_or_after(n == 0 ? review.add_months(3) : review.add_months(6));
  }
  // Missing and away episodes, mostly teenagers.
  const int age_at_start = enters.years_since(state.birth);
  if (age_at_start >= 11 && rng_.chance(rates::kMissingChildShare * 2.5)) {
    const int64_t episodes = 1 + rng_.poisson(rates::kMissingEpisodesEach - 1);
    const int32_t span = std::max(1, enters.days_until(last));
    std::vector<std::pair<Date, Date>> spells;
    for (int64_t i = 0; i < episodes; ++i) {
      const Date from = enters.add_days(static_cast<int32_t>(rng_.below(span)));
      spells.push_back({from, from.add_days(static_cast<int32_t>(rng_.below(4)))});
    }
    std::sort(spells.begin(), spells.end());
    std::optional<Date> previous_end;
    for (auto [from, to] : spells) {
      // Spells do not overlap (rule 574), and each is over before the child leaves care, so
      // that none is open when the period ends (577, 580).
      if (previous_end && from <= *previous_end) continue;
      if (to >= last) to = last.add_days(-1);
      if (to < from) continue;
      previous_end = to;
      out_.missing_episodes.push_back({id("MIS", missing_counter_), la_.la_code, child.id,
                                       rng_.chance(0.8) ? "M" : "A", from, within(to)});
    }
  }
  // OC2: at each 31 March after 12 months' continuous care.
  for (int year = enters.year(); year <= end_.year(); ++year) {
    const Date census = core::collection_year_end(year);
    // Still looked after on 31 March: a child who left that day was not (rules 185, 190).
    // Twelve months: from 1 April to 31 March counts.
    if (census < enters.add_years(1).add_days(-1) || census >= leaves || census > end_ ||
        census < start_) {
      continue;
    }
    domain::LookedAfterOutcome outcome;
    outcome.id = id("HO", outcome_counter_);
    outcome.la_code = la_.la_code;
    outcome.child_id = child.id;
    outcome.collection_year = year;
    const int age = census.years_since(state.birth);
    const int age_at_start = core::collection_year_start(year).years_since(state.birth);
    if (age < 4 || age_at_start >= 17) {
      // Neither score nor reason for the under-4s and those 17 at the year's start (188, 189).
    } else if (age <= 16) {
      if (rng_.chance(0.8)) {
        outcome.sdq_score = static_cast<int>(std::clamp(rng_.poisson(14), int64_t{0}, int64_t{40}));
      } else {
        outcome.sdq_reason = rng_.chance(0.5) ? "SDQ4" : "SDQ2";
      }
    } else {
      outcome.sdq_reason = "SDQ1";
    }
    // Conviction is asked from 10 (rule 542), health promotion under 5 only (545, 546).
    if (age >= 10) outcome.convicted = rng_.chance(0.03);
    outcome.health_check = rng_.chance(0.9);
    if (age >= 5) outcome.health_check.reset();
    outcome.immunisations = rng_.chance(0.8);
    outcome.teeth_check = rng_.chance(0.75);
    outcome.health_assessment = rng_.chance(0.89);
    outcome.substance_misuse = age >= 10 && rng_.chance(0.04);
    if (*outcome.substance_misuse) {
      outcome.intervention_received = rng_.chance(0.6);
      // Offered is asked only of those who did not receive one (SSDA903 rules 158 and 159).
      if (!*outcome.intervention_received) outcome.intervention_offered = true;
    }
    out_.outcomes.push_back(std::move(outcome));
  }
  // Adoption.
  if (adoption) {
    domain::Adoption record;
    record.id = id("AD", adoption_counter_);
    record.la_code = la_.la_code;
    record.child_id = child.id;
    record.decision_date = within(enters.add_days(enters.days_until(placed_for_adoption) / 2));
    record.matched_date = within(placed_for_adoption.add_days(-20));
    // DATE_PLACED is the date of the decision that the child should be placed for adoption,
    // the same decision as AD1's DATE_INT (rule 523), before the placement order (554).
    record.placed_date = record.decision_date;
    if (leaves <= end_) {
      // Adopted by the foster carers the child was placed with (A5), or not (A6): rule 335.
      record.foster_care = adopted_by_foster_carers;
      record.number_of_adopters = rng_.chance(0.8) ? 2 : 1;
      record.sex_of_adopters =
          *record.number_of_adopters == 2 ? (rng_.chance(0.9) ? "MF" : "FF") : "F1";
      // L0: a single adopter (L2, an unmarried couple, needs two: rule 519); a married couple
      // is L11 of different sexes, L12 of the same (520, 524).
      record.adopters_legal_status = *record.number_of_adopters == 1  ? "L0"
                                     : record.sex_of_adopters == "MF" ? "L11"
                                                                      : "L12";
    }
    if (record.decision_date) out_.adoptions.push_back(std::move(record));
  }
  // Care leavers: left care at 16 or over after 13 weeks since 14: OC3 around each birthday
  // from 17 to 21 that falls within a collection year simulated.
  // Not after a transfer to another authority (rule 1011) or a death (1000); and looked after
  // after the 16th birthday, not just up to it (1001).
  const bool leaver = state.left_care_reason != "E3" && state.left_care_reason != "E2";
  if (!adoption && leaves <= end_ && leaves > state.birth.add_years(16) &&
      enters.days_until(leaves) >= 91 && leaver) {
    for (int birthday = 17; birthday <= 21; ++birthday) {
      const Date on = state.birth.add_years(birthday);
      // Information is asked about a birthday after care ended: on the birthday the child
      // was still looked after (rules 1007, 1016).
      if (on < start_ || on > end_ || on <= leaves) continue;
      const int year = on.month() >= 4 ? on.year() + 1 : on.year();
      // A second period of care that also ended after 16 does not report a year twice.
      if (year <= state.last_care_leaver_year) continue;
      state.last_care_leaver_year = year;
      static constexpr const char* kTouch[] = {"YES", "NO", "REFU", "NREQ", "RHOM"};
      static constexpr double kTouchWeights[] = {88, 5, 3, 2, 2};
      const std::string touch = kTouch[rng_.weighted(kTouchWeights)];
      std::string activity = "0";
      std::string accommodation = "0";
      if (touch == "YES") {
        static constexpr const char* kActivity[] = {"F1", "F2", "F4", "F5", "P2",
                                                    "P5", "G4", "G5", "G6"};
        static constexpr double kActivityWeights[] = {8, 20, 6, 20, 4, 6, 10, 18, 8};
        activity = kActivity[rng_.weighted(kActivityWeights)];
        static constexpr const char* kPlace[] = {"B", "C", "D", "E", "G", "H", "K", "R",
                                                 "S", "T", "U", "V", "W", "X", "Y", "Z"};
        std::string place = kPlace[rng_.below(16)];
        // Not a foyer (T) under 18 (rule 347), nor with the former foster carers (Z) at 17
        // (3001): semi-independent accommodation (D) instead.
        if ((place == "T" && birthday <= 18) || (place == "Z" && birthday == 17)) place = "D";
        // No fixed abode (S) and custody (X) are never suitable (rule 133). Drawn for them
        // too, so that the rest of the authority's data is what the seed always gave.
        const bool suitable = rng_.chance(0.9) && place != "S" && place != "X";
        accommodation = place + (suitable ? "1" : "2");
      }
      out_.care_leaver_outcomes.push_back(
          {id("CL", leaver_counter_), la_.la_code, child.id, year, touch, activity, accommodation});
    }
  }
  if (leaves <= end_) state.in_care = false;
}

}  // namespace hearth::synth::detail
