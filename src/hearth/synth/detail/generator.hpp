// The simulation behind synth::generate: one class whose methods are split by stage across
// generator.cpp (organisation, people, changes over time), front_door.cpp (referrals, assessments,
// section 47 enquiries, conferences, plans) and care.cpp (periods of care, placements, reviews,
// missing episodes, outcomes, care leavers). Internal to the synth module.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "hearth/core/calendar.hpp"
#include "hearth/core/env.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::synth::detail {

using core::Date;
using core::Random;
using domain::OptionalDate;

inline constexpr int kYearDays = 365;

struct ChildState {
  size_t index;  // into Dataset::children
  Date birth;
  char sex;
  OptionalDate episode_closes;  // the open CIN episode ends then (nullopt: still open)
  bool has_open_episode = false;
  Date last_referral;
  int plans = 0;
  bool in_care = false;
  Date care_ends;
  std::string worker_id;
  size_t family;  // index of the family (shared surname, address, parents)
  size_t social_worker_episode = SIZE_MAX;  // the child's current allocation
  std::string left_care_reason;             // REC of the last period of care
  int last_care_leaver_year = 0;            // OC3 is one row a child a year (INT34)
};

struct Family {
  std::string family_name;
  std::string address_line;
  std::string postcode;
  std::string mother_id;
  std::string father_id;
  std::vector<size_t> children;  // ChildState indices
};

class Generator {
 public:
  Generator(const AuthorityProfile& authority, const Options& options, Dataset& out)
      : la_(authority),
        options_(options),
        rng_(Random(options.seed).fork(core::stable_hash(authority.la_code))),
        out_(out),
        end_(options.end),
        start_(options.end.add_years(-options.years).add_days(1)) {}

  void run();

 private:
  // ------------------------------------------------------------------ ids
  std::string id(const char* prefix, int64_t& counter);

  // ------------------------------------------------------------------ organisation
  void make_organisation();

  std::string street_name();

  static int64_t stable_sw(const std::string& text);

  const domain::Practitioner& worker(const char* purpose);

  // ------------------------------------------------------------------ people
  Date birth_for_age_at(Date on, double age_years);

  // Age at a first referral [approx, DfE CIN 2024]: unborn 1%, under 1 9%, 1-4 18%, 5-9 25%,
  // 10-15 35%, 16-17 12%. A negative age is a child not yet born (a pre-birth referral).
  double referral_age();

  size_t new_family(Date on);

  size_t new_child(Date on, size_t family_index, std::optional<Date> birth = std::nullopt);

  std::string disability();

  // ------------------------------------------------------------------ the front door
  std::string referral_source();

  std::vector<std::string> assessment_factors(bool in_need);

  Date weekday_on_or_after(Date d);

  OptionalDate within(Date d) { return d <= end_ ? OptionalDate(d) : std::nullopt; }

  void simulate_referrals();

  // The children already looked after on the first day simulated, who came into care before it:
  // without them the number in care would only build up over the years simulated.
  void already_in_care();

  // A referral before the first day simulated that led to care.
  void historic_referral(size_t state_index, Date referred, Date entered);

  // A child referred within the last 12 months whose episode has closed: a re-referral.
  std::optional<size_t> pick_recent(std::vector<size_t>& recent, Date day);

  void referral(size_t state_index, Date day);

  void close_episode(ChildState& state, Date on) { state.episode_closes = on; }

  // A child protection plan usually ends when the child becomes looked after: the plan made at
  // this referral (the last one written) ends that day, with its later review conferences.
  void end_plan_on_entering_care(const std::string& child_id, Date enters);

  std::string primary_need(const std::vector<std::string>& factors);

  // How a child's episode of need closes when it closes with their care: the reason the period
  // of care ended (REC) maps to the CIN census reason for closure.
  std::string care_closure_reason(const ChildState& state);

  // A protection plan from `start`; returns its end (nullopt if still open at the end).
  OptionalDate protection_plan(ChildState& state, const std::string& referral_id, Date start);

  void change_worker(ChildState& state, Date on, const char* purpose);

  // ------------------------------------------------------------------ care
  struct Stay {
    std::string place;
    std::string provider_kind;
    std::string carer_id;
    std::string provider_id;
    std::string urn;
    std::string postcode;
  };

  // `legal_status` rules out what it forbids: placed with parents is not for a child accommodated
  // under section 20 (rule 378).
  Stay choose_placement(int age, bool first, const ChildState& state,
                        std::string_view legal_status);

  // A period of care from `enters`; with `still_in_care_on`, a long one that lasts past that day.
  Date period_of_care(ChildState& state, Date enters, const std::string& need,
                      std::optional<Date> still_in_care_on = std::nullopt);

  std::string open_placement(ChildState& state, const Stay& stay, Date from);

  void close_placement(Date on, const std::string& reason);

  // `place`: the placement the child leaves care from.
  std::string leaving_reason(ChildState& state, Date on, bool adoption, std::string_view place);

  void care_records(ChildState& state, Date enters, Date leaves, bool adoption,
                    Date placed_for_adoption, bool adopted_by_foster_carers);

  // ------------------------------------------------------------------ changes over time
  void finish_children();
  void drop_care_leaver_years_in_care();

  // ------------------------------------------------------------------ case_notes.cpp
  // What the allocated workers wrote: the referral discussion, visits, supervision.
  void write_case_notes();
  // Cases closed by the last day lose their allocation; adopted children (and a few others) are
  // restricted.
  void end_allocations();

  const AuthorityProfile& la_;
  const Options& options_;
  Random rng_;
  Dataset& out_;
  Date end_;
  Date start_;
  core::WorkingDayCalendar calendar_;
  std::vector<ChildState> states_;
  std::vector<Family> families_;
  std::unordered_map<std::string, std::vector<size_t>> workers_by_purpose_;
  std::vector<domain::Carer> pending_carers_;
  size_t open_placement_index_ = 0;
  std::string fostering_urn_, adoption_urn_, ifa_urn_;
  std::unordered_set<std::string> issued_upns_;  // one child, one UPN
  int64_t child_counter_ = 0, person_counter_ = 0, relationship_counter_ = 0, contact_counter_ = 0,
          referral_counter_ = 0, discussion_counter_ = 0, section47_counter_ = 0,
          conference_counter_ = 0, plan_counter_ = 0, assessment_counter_ = 0,
          cin_plan_counter_ = 0, sw_episode_counter_ = 0, carer_counter_ = 0,
          placement_counter_ = 0, episode_counter_ = 0, review_counter_ = 0, missing_counter_ = 0,
          outcome_counter_ = 0, adoption_counter_ = 0, leaver_counter_ = 0, permanence_counter_ = 0;
};

}  // namespace hearth::synth::detail
