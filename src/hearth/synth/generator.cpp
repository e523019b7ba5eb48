// The simulation of one authority over `years` years, in date order: referrals arrive at the
// national rate; each referral runs its course (assessment, section 47 enquiry, conference, plan,
// care) by the probabilities in rates.hpp; children are re-referred, move house, change surname,
// move placement, go missing and leave care as real children do.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hearth/core/calendar.hpp"
#include "hearth/synth/detail/draw.hpp"
#include "hearth/synth/detail/partner_view.hpp"
#include "hearth/synth/rates.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::synth {
namespace {

using core::Date;
using core::Random;
using domain::OptionalDate;

constexpr int kYearDays = 365;

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
  size_t family;
  size_t social_worker_episode = SIZE_MAX;  // the child's current allocation
  std::string left_care_reason;  // REC of the last period of care  // index of the family (shared
                                 // surname, address, parents)
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

  void run() {
    out_.authority = la_;
    make_organisation();
    simulate_referrals();
    detail::add_partner_view(la_, options_, rng_.fork(0x9a47), out_);
  }

 private:
  // ------------------------------------------------------------------ ids
  std::string id(const char* prefix, int64_t& counter) {
    return fmt::format("{}{:07}", prefix, ++counter);
  }

  // ------------------------------------------------------------------ organisation
  void make_organisation() {
    // Ofsted URNs of the authority's own fostering and adoption services and of an independent
    // fostering agency it uses (synthetic numbers).
    fostering_urn_ = fmt::format("SC{:06}", core::stable_hash(la_.la_code + "fostering") % 1000000);
    adoption_urn_ = fmt::format("SC{:06}", core::stable_hash(la_.la_code + "adoption") % 1000000);
    ifa_urn_ = fmt::format("SC{:06}", core::stable_hash(la_.la_code + "ifa") % 1000000);
    const char* team_specs[][2] = {{"Front door (MASH)", "front_door"},
                                   {"Assessment team 1", "assessment"},
                                   {"Assessment team 2", "assessment"},
                                   {"Child protection team 1", "child_protection"},
                                   {"Child protection team 2", "child_protection"},
                                   {"Children in care team", "looked_after"},
                                   {"Leaving care team", "leaving_care"},
                                   {"Independent reviewing service", "reviewing"}};
    int64_t team_counter = 0;
    for (const auto& spec : team_specs) {
      out_.teams.push_back({id("T", team_counter), la_.la_code, spec[0], spec[1]});
    }
    // Roughly one case-holding social worker per 600 children in the population.
    const int64_t workers = std::max<int64_t>(8, la_.children / 600);
    int64_t practitioner_counter = 0;
    for (const auto& team : out_.teams) {
      domain::Practitioner manager;
      manager.id = id("W", practitioner_counter);
      manager.la_code = la_.la_code;
      manager.name = {detail::draw_given_name(rng_, rng_.chance(0.8) ? 'F' : 'M'), "",
                      detail::draw_family_name(rng_), "", ""};
      manager.team_id = team.id;
      manager.role = team.purpose == "reviewing" ? "independent_reviewing_officer" : "team_manager";
      manager.sw_id = fmt::format("SW{:07}", stable_sw(manager.id));
      out_.practitioners.push_back(manager);
    }
    for (int64_t i = 0; i < workers; ++i) {
      const auto& team = out_.teams[1 + i % 6];  // case-holding teams
      domain::Practitioner worker;
      worker.id = id("W", practitioner_counter);
      worker.la_code = la_.la_code;
      worker.name = {detail::draw_given_name(rng_, rng_.chance(0.85) ? 'F' : 'M'), "",
                     detail::draw_family_name(rng_), "", ""};
      worker.team_id = team.id;
      worker.role = "social_worker";
      worker.sw_id = fmt::format("SW{:07}", stable_sw(worker.id));
      worker.agency_staff = rng_.chance(0.13);  // agency rate 13.0% [REF]
      out_.practitioners.push_back(worker);
      workers_by_purpose_[team.purpose].push_back(out_.practitioners.size() - 1);
    }
    int64_t agency_counter = 0;
    out_.agencies.push_back(
        {id("AG", agency_counter), la_.la_code, la_.name + " Police", "police"});
    out_.agencies.push_back(
        {id("AG", agency_counter), la_.la_code, la_.name + " Integrated Care Board", "health"});
    out_.agencies.push_back(
        {id("AG", agency_counter), la_.la_code, la_.name + " Schools", "education"});

    int64_t provider_counter = 0;
    const int homes = static_cast<int>(std::max<int64_t>(2, la_.children / 12000));
    for (int i = 0; i < homes; ++i) {
      out_.providers.push_back({id("PRV", provider_counter), la_.la_code,
                                fmt::format("{} House", street_name()),
                                fmt::format("SC{:06}", rng_.below(1'000'000)), "childrens_home",
                                rng_.chance(0.8) ? "PR4" : "PR1", detail::postcode_in(rng_, la_),
                                static_cast<int>(2 + rng_.below(5))});
    }
    out_.providers.push_back({id("PRV", provider_counter), la_.la_code,
                              fmt::format("{} Supported Living", street_name()),
                              fmt::format("2{:07}", rng_.below(10'000'000)),
                              "supported_accommodation", "PR4", detail::postcode_in(rng_, la_),
                              20});
    out_.providers.push_back({id("PRV", provider_counter), la_.la_code, "Secure Children's Centre",
                              fmt::format("SC{:06}", rng_.below(1'000'000)),
                              "secure_childrens_home", "PR3", detail::postcode_in(rng_, la_), 8});
  }

  std::string street_name() {
    std::string address = detail::street_address(rng_);
    return address.substr(address.find(' ') + 1, address.rfind(' ') - address.find(' ') - 1);
  }

  static int64_t stable_sw(const std::string& text) {
    return static_cast<int64_t>(core::stable_hash(text) % 10'000'000);
  }

  const domain::Practitioner& worker(const char* purpose) {
    const auto& pool = workers_by_purpose_[purpose];
    return out_.practitioners[pool[rng_.below(pool.size())]];
  }

  // ------------------------------------------------------------------ people
  Date birth_for_age_at(Date on, double age_years) {
    return on.add_days(-static_cast<int32_t>(age_years * 365.25));
  }

  // Age at a first referral [approx, DfE CIN 2024]: unborn 1%, under 1 9%, 1-4 18%, 5-9 25%,
  // 10-15 35%, 16-17 12%. A negative age is a child not yet born (a pre-birth referral).
  double referral_age() {
    static constexpr double kWeights[] = {1, 9, 18, 25, 35, 12};
    static constexpr double kLow[] = {-0.4, 0, 1, 5, 10, 16};
    static constexpr double kHigh[] = {0, 1, 5, 10, 16, 18};
    const size_t band = rng_.weighted(kWeights);
    return kLow[band] + rng_.unit() * (kHigh[band] - kLow[band] - 0.01);
  }

  size_t new_family(Date on) {
    Family family;
    family.family_name = detail::draw_family_name(rng_);
    family.address_line = detail::street_address(rng_);
    family.postcode = detail::postcode_in(rng_, la_);
    domain::Person mother;
    mother.id = id("P", person_counter_);
    mother.la_code = la_.la_code;
    mother.name = {detail::draw_given_name(rng_, 'F'), "",
                   rng_.chance(0.8) ? family.family_name : detail::draw_family_name(rng_), "", ""};
    mother.sex = "F";
    mother.date_of_birth = birth_for_age_at(on, 20 + rng_.unit() * 22);
    mother.address_line = family.address_line;
    mother.postcode = family.postcode;
    family.mother_id = mother.id;
    out_.people.push_back(std::move(mother));
    if (rng_.chance(0.7)) {
      domain::Person father;
      father.id = id("P", person_counter_);
      father.la_code = la_.la_code;
      father.name = {detail::draw_given_name(rng_, 'M'), "",
                     rng_.chance(0.7) ? family.family_name : detail::draw_family_name(rng_), "",
                     ""};
      father.sex = "M";
      father.date_of_birth = birth_for_age_at(on, 22 + rng_.unit() * 25);
      const bool lives_together = rng_.chance(0.5);
      father.address_line = lives_together ? family.address_line : detail::street_address(rng_);
      father.postcode = lives_together ? family.postcode : detail::postcode_in(rng_, la_);
      family.father_id = father.id;
      out_.people.push_back(std::move(father));
    }
    families_.push_back(std::move(family));
    return families_.size() - 1;
  }

  size_t new_child(Date on, size_t family_index, std::optional<Date> birth = std::nullopt) {
    Family& family = families_[family_index];
    domain::Child child;
    child.id = id("C", child_counter_);
    child.la_code = la_.la_code;
    const char sex = rng_.chance(0.5) ? 'F' : 'M';
    const Date born = birth ? *birth : birth_for_age_at(on, referral_age());
    child.sex = std::string(1, sex);
    const std::string& given = detail::draw_given_name(rng_, sex);
    child.name.given = given;
    if (rng_.chance(0.25)) child.name.middle = detail::draw_given_name(rng_, sex);
    child.name.family = family.family_name;
    if (rng_.chance(0.1)) {
      const std::string nick = detail::nickname(rng_, given);
      if (nick != given) child.name.preferred = nick;
    }
    if (born > on) {
      child.expected_date_of_birth = born;
      child.sex = "U";
    } else {
      child.date_of_birth = born;
    }
    child.ethnicity = detail::ethnicity(rng_);
    if (!rng_.chance(rates::kChildNhsMissing) && born <= on) {
      child.nhs_number = detail::valid_nhs_number(rng_);
      if (rng_.chance(rates::kChildNhsWrong)) {
        out_.true_nhs_numbers.emplace_back(child.id, child.nhs_number);
        child.nhs_number = detail::mistyped_nhs_number(rng_, child.nhs_number);
      }
    }
    const int age = born <= on ? on.years_since(born) : -1;
    if (age >= 4) {
      child.upn = detail::valid_upn(rng_, la_.la_code, born.year() + 4);
      child.school_urn = fmt::format("{}", 100000 + rng_.below(50000));
    } else {
      child.upn_unknown = "UN1";
    }
    child.disabilities = {rng_.chance(0.88) ? "NONE" : disability()};
    child.address_line = family.address_line;
    child.postcode = family.postcode;
    out_.children.push_back(std::move(child));
    const size_t state_index = states_.size();
    states_.push_back({out_.children.size() - 1, born, sex, std::nullopt, false, on, 0, false, on,
                       "", family_index, SIZE_MAX, ""});
    family.children.push_back(state_index);

    auto relate = [&](const std::string& person_id, const char* relation, bool lives) {
      if (person_id.empty()) return;
      out_.relationships.push_back({id("REL", relationship_counter_), la_.la_code,
                                    out_.children.back().id, person_id, relation, true, lives,
                                    false});
    };
    relate(family.mother_id, "mother", true);
    relate(family.father_id, "father", rng_.chance(0.5));
    for (size_t other : family.children) {
      if (other == state_index) continue;
      out_.relationships.push_back({id("REL", relationship_counter_), la_.la_code,
                                    out_.children.back().id, out_.children[states_[other].index].id,
                                    "sibling", false, true, true});
    }
    return state_index;
  }

  std::string disability() {
    static constexpr const char* kCodes[] = {"AUT", "LD",  "COMM", "BEH",
                                             "CON", "MOB", "HEAR", "VIS"};
    return kCodes[rng_.below(std::size(kCodes))];
  }

  // ------------------------------------------------------------------ the front door
  std::string referral_source() {
    // Referral sources [approx, DfE CIN 2024]: police 29%, schools 21%, health 15%, LA 11%,
    // individuals 8%, other and unknown the rest.
    static constexpr const char* kCodes[] = {"6",  "2A", "3A", "3B", "3E", "3F", "5A", "5D", "1A",
                                             "1C", "4",  "7",  "8",  "9",  "10", "2B", "5C"};
    static constexpr double kWeights[] = {29, 19, 4, 3, 4, 4, 6, 5, 6, 2, 3, 2, 5, 1, 2, 2, 3};
    return kCodes[rng_.weighted(kWeights)];
  }

  std::vector<std::string> assessment_factors(bool in_need) {
    if (!in_need && rng_.chance(0.4)) return {"21"};
    static constexpr const char* kCodes[] = {"3B",  "4B",  "17A", "16A", "2B",  "1B", "18C", "3A",
                                             "19C", "11A", "24A", "10A", "15A", "5A", "6B",  "4A",
                                             "14A", "13A", "22A", "23A", "20",  "8B", "9A",  "12A"};
    static constexpr double kWeights[] = {31, 25, 20, 19, 12, 10,  10,  9,   5, 3,   3, 3,
                                          3,  3,  3,  4,  2,  1.5, 0.2, 0.3, 8, 0.3, 1, 0.5};
    std::vector<std::string> factors;
    const int count = 1 + static_cast<int>(rng_.below(3));
    for (int i = 0; i < count; ++i) {
      std::string code = kCodes[rng_.weighted(kWeights)];
      if (std::find(factors.begin(), factors.end(), code) == factors.end()) {
        factors.push_back(std::move(code));
      }
    }
    return factors;
  }

  Date weekday_on_or_after(Date d) {
    while (!calendar_.is_working_day(d)) d = d.add_days(1);
    return d;
  }

  OptionalDate within(Date d) { return d <= end_ ? OptionalDate(d) : std::nullopt; }

  void simulate_referrals() {
    const double per_year = static_cast<double>(la_.children) * rates::kReferralsPer10k / 10000.0;
    const int64_t total = rng_.poisson(per_year * options_.years);
    const int32_t span = start_.days_until(end_) + 1;
    std::vector<Date> dates;
    dates.reserve(total);
    for (int64_t i = 0; i < total; ++i) {
      dates.push_back(weekday_on_or_after(start_.add_days(static_cast<int32_t>(rng_.below(span)))));
    }
    std::sort(dates.begin(), dates.end());
    already_in_care();
    // Children whose last episode closed recently: candidates for a re-referral.
    std::vector<size_t> recent;
    size_t next = 0;
    while (next < dates.size()) {
      const Date day = dates[next];
      if (day > end_) break;
      std::optional<size_t> chosen;
      // Asked more often than the target rate because a share of the attempts find no child whose
      // episode has closed; tuned so that the summary's re-referral rate follows the national one.
      if (rng_.chance(rates::kReReferral * 1.4)) chosen = pick_recent(recent, day);
      if (chosen) {
        referral(*chosen, day);
        recent.push_back(*chosen);
        ++next;
        continue;
      }
      // A new family: one child, or siblings referred together.
      const size_t family = new_family(day);
      const int siblings = rng_.chance(0.7) ? 1 : (rng_.chance(0.65) ? 2 : 3);
      std::optional<Date> twin_birth;
      for (int s = 0; s < siblings && next < dates.size(); ++s, ++next) {
        std::optional<Date> birth;
        if (s == 1 && rng_.chance(rates::kTwinShare * 10)) birth = twin_birth;  // twins
        const size_t child = new_child(day, family, birth);
        if (s == 0) twin_birth = states_[child].birth;
        referral(child, day);
        recent.push_back(child);
      }
    }
    finish_children();
  }

  // A child referred within the last 12 months whose episode has closed: a re-referral.
  // The children already looked after on the first day simulated, who came into care before it:
  // without them the number in care would only build up over the years simulated.
  void already_in_care() {
    const double stock = static_cast<double>(la_.children) * 67.0 / 10000.0;  // 67 per 10k [REF]
    const int64_t count = rng_.poisson(stock * 0.9);
    // Ages of children looked after [approx, DfE CLA 2024]: under 1 5%, 1-4 13%, 5-9 17%,
    // 10-15 38%, 16-17 27%.
    static constexpr double kWeights[] = {5, 13, 17, 38, 27};
    static constexpr double kLow[] = {0, 1, 5, 10, 16};
    static constexpr double kHigh[] = {1, 5, 10, 16, 18};
    for (int64_t i = 0; i < count; ++i) {
      const size_t band = rng_.weighted(kWeights);
      const double age = kLow[band] + rng_.unit() * (kHigh[band] - kLow[band] - 0.01);
      const size_t family = new_family(start_);
      const Date birth = start_.add_days(-static_cast<int32_t>(age * 365.25) - 1);
      const size_t child = new_child(start_, family, birth);
      const int32_t since_birth = birth.days_until(start_);
      const int32_t in_care_for =
          1 +
          static_cast<int32_t>(rng_.below(std::max(1, std::min(since_birth - 1, 6 * kYearDays))));
      const Date entered = start_.add_days(-in_care_for);
      const Date referred = entered.add_days(-static_cast<int32_t>(rng_.below(30)));
      historic_referral(child, referred, entered);
    }
  }

  // A referral before the first day simulated that led to care.
  void historic_referral(size_t state_index, Date referred, Date entered) {
    ChildState& state = states_[state_index];
    const domain::Child& child = out_.children[state.index];
    state.last_referral = referred;
    state.has_open_episode = true;
    domain::Referral referral;
    referral.id = id("REF", referral_counter_);
    referral.la_code = la_.la_code;
    referral.child_id = child.id;
    referral.referral_date = referred;
    referral.source = referral_source();
    referral.primary_need = "N1";
    change_worker(state, referred, "assessment");
    const Date leaves = period_of_care(state, entered, referral.primary_need, start_);
    if (leaves <= end_) {
      const Date closed = leaves.add_days(static_cast<int32_t>(rng_.below(30)));
      if (closed <= end_) {
        referral.closure_date = closed;
        referral.reason_for_closure = "RC7";
        close_episode(state, closed);
      }
    }
    out_.referrals.push_back(std::move(referral));
  }

  std::optional<size_t> pick_recent(std::vector<size_t>& recent, Date day) {
    for (int tries = 0; tries < 24 && !recent.empty(); ++tries) {
      const size_t slot = rng_.below(recent.size());
      ChildState& state = states_[recent[slot]];
      if (day.days_until(state.last_referral) < -kYearDays || state.birth.years_since(day) > 0 ||
          day.years_since(state.birth) >= 18) {
        recent[slot] = recent.back();  // too long ago (or grown up): no longer a candidate
        recent.pop_back();
        continue;
      }
      if (state.episode_closes && *state.episode_closes < day && !state.in_care) {
        return recent[slot];
      }
    }
    return std::nullopt;
  }

  void referral(size_t state_index, Date day) {
    ChildState& state = states_[state_index];
    const domain::Child& child = out_.children[state.index];
    state.last_referral = day;
    state.has_open_episode = true;

    domain::Contact contact;
    contact.id = id("CON", contact_counter_);
    contact.la_code = la_.la_code;
    contact.child_id = child.id;
    contact.received = day.add_days(-static_cast<int32_t>(rng_.below(3)));
    contact.source = referral_source();
    contact.outcome = "referral";
    out_.contacts.push_back(contact);

    domain::Referral referral;
    referral.id = id("REF", referral_counter_);
    referral.la_code = la_.la_code;
    referral.child_id = child.id;
    referral.referral_date = day;
    referral.source = contact.source;
    referral.contact_id = contact.id;
    if (state.worker_id.empty() || rng_.chance(0.5)) {
      change_worker(state, day, "assessment");
    }

    if (rng_.chance(rates::kReferralNfa)) {
      referral.no_further_action = true;
      referral.primary_need = "N9";
      referral.closure_date = day;
      referral.reason_for_closure = "RC8";
      close_episode(state, day);
      out_.referrals.push_back(std::move(referral));
      return;
    }

    Date work_ends = day;
    const Date assessment_start =
        std::min(end_, calendar_.add_working_days(day, static_cast<int>(rng_.below(3))));
    bool in_need = !rng_.chance(rates::kAssessedNotInNeed);

    // Section 47 enquiry, conference and plan.
    bool plan_started = false;
    OptionalDate plan_end;
    if (rng_.chance(rates::kSection47PerReferral)) {
      in_need = true;
      domain::StrategyDiscussion discussion;
      discussion.id = id("SD", discussion_counter_);
      discussion.la_code = la_.la_code;
      discussion.child_id = child.id;
      discussion.referral_id = referral.id;
      discussion.date =
          std::min(end_, calendar_.add_working_days(day, static_cast<int>(rng_.below(3))));
      discussion.section47_initiated = true;
      discussion.agencies_present = {"police", "health"};
      if (rng_.chance(0.6)) discussion.agencies_present.push_back("education");
      out_.strategy_discussions.push_back(discussion);

      domain::Section47Enquiry enquiry;
      enquiry.id = id("S47-", section47_counter_);
      enquiry.la_code = la_.la_code;
      enquiry.child_id = child.id;
      enquiry.referral_id = referral.id;
      enquiry.strategy_discussion_id = discussion.id;
      enquiry.start_date = discussion.date;
      enquiry.icpc_target_date = calendar_.add_working_days(discussion.date, 15);
      work_ends = std::max(work_ends, enquiry.start_date.add_days(10));
      if (rng_.chance(rates::kIcpcPerSection47)) {
        const int delay = rng_.chance(rates::kIcpcOnTime) ? static_cast<int>(8 + rng_.below(8))
                                                          : static_cast<int>(16 + rng_.below(15));
        const Date icpc = calendar_.add_working_days(discussion.date, delay);
        if (icpc <= end_) {
          enquiry.icpc_date = icpc;
          enquiry.outcome = "icpc";
          domain::Conference conference;
          conference.id = id("CF", conference_counter_);
          conference.la_code = la_.la_code;
          conference.child_id = child.id;
          conference.referral_id = referral.id;
          conference.type = "initial";
          conference.date = icpc;
          conference.plan_decided = rng_.chance(rates::kPlanPerIcpc);
          out_.conferences.push_back(conference);
          work_ends = std::max(work_ends, icpc);
          if (conference.plan_decided) {
            plan_started = true;
            plan_end = protection_plan(state, referral.id, icpc);
            work_ends = plan_end ? std::max(work_ends, *plan_end) : end_.add_days(1);
          }
        } else {
          enquiry.outcome = "";
        }
      } else {
        enquiry.icpc_not_required = true;
        enquiry.outcome = rng_.chance(0.5) ? "concerns_not_substantiated" : "substantiated_no_plan";
      }
      out_.section47_enquiries.push_back(enquiry);
    }

    // Child and family assessment.
    domain::Assessment assessment;
    assessment.id = id("AS", assessment_counter_);
    assessment.la_code = la_.la_code;
    assessment.child_id = child.id;
    assessment.referral_id = referral.id;
    assessment.start_date = assessment_start;
    const int length = rng_.chance(rates::kAssessmentOnTime)
                           ? static_cast<int>(10 + rng_.below(35))
                           : static_cast<int>(46 + rng_.below(40));
    const Date authorised = calendar_.add_working_days(assessment_start, length);
    assessment.authorisation_date = within(authorised);
    if (assessment.authorisation_date) assessment.factors = assessment_factors(in_need);
    out_.assessments.push_back(assessment);
    work_ends = std::max(work_ends, authorised);

    referral.primary_need = in_need ? primary_need(assessment.factors) : "N9";

    // A child in need plan when the child is in need but not on a protection plan.
    if (in_need && !plan_started && rng_.chance(0.45) && authorised < end_) {
      domain::CinPlan plan;
      plan.id = id("CINP", cin_plan_counter_);
      plan.la_code = la_.la_code;
      plan.child_id = child.id;
      plan.referral_id = referral.id;
      plan.start_date = std::min(end_, authorised.add_days(static_cast<int32_t>(rng_.below(10))));
      const Date ends = plan.start_date.add_days(static_cast<int32_t>(90 + rng_.below(220)));
      plan.end_date = within(ends);
      out_.cin_plans.push_back(plan);
      work_ends = std::max(work_ends, ends);
    }

    // Care.
    OptionalDate left_care;
    // Children on a plan are three times as likely to come into care; the rest are scaled so
    // that all referrals together follow kCarePerReferral.
    const double care_chance = rates::kCarePerReferral * (plan_started ? 3.0 : 0.95);
    if (!state.in_care && rng_.chance(care_chance) && state.birth <= day &&
        day.years_since(state.birth) < 18) {
      const Date enters = plan_started ? day.add_days(static_cast<int32_t>(60 + rng_.below(200)))
                                       : day.add_days(static_cast<int32_t>(rng_.below(40)));
      if (enters <= end_ && enters.years_since(state.birth) < 18) {
        if (!in_need) {  // a child who comes into care is in need whatever the assessment said
          in_need = true;
          referral.primary_need = primary_need(assessment.factors);
        }
        left_care = period_of_care(state, enters, referral.primary_need);
        work_ends = std::max(work_ends, *left_care);
        if (plan_started) end_plan_on_entering_care(out_.children[state.index].id, enters);
      }
    }

    // Closing the episode of need.
    if (!in_need) {
      referral.reason_for_closure = rng_.chance(0.4) ? "RC9" : "RC8";
      work_ends = authorised;
    } else {
      referral.reason_for_closure =
          left_care && *left_care == work_ends ? care_closure_reason(state) : "RC7";
      work_ends = work_ends.add_days(static_cast<int32_t>(rng_.below(30)));
    }
    if (work_ends <= end_) {
      referral.closure_date = work_ends;
      close_episode(state, work_ends);
    } else {
      referral.reason_for_closure.clear();
      state.episode_closes = std::nullopt;
    }
    out_.referrals.push_back(std::move(referral));
  }

  void close_episode(ChildState& state, Date on) { state.episode_closes = on; }

  // A child protection plan usually ends when the child becomes looked after: the plan made at
  // this referral (the last one written) ends that day, with its later review conferences.
  void end_plan_on_entering_care(const std::string& child_id, Date enters) {
    auto& plan = out_.protection_plans.back();
    if (plan.child_id != child_id || plan.start_date >= enters) return;
    if (plan.end_date && *plan.end_date <= enters) return;
    plan.end_date = enters;
    std::erase_if(plan.review_dates, [&](Date d) { return d > enters; });
    while (!out_.conferences.empty() && out_.conferences.back().child_id == child_id &&
           out_.conferences.back().type == "review" && out_.conferences.back().date > enters) {
      out_.conferences.pop_back();
    }
  }

  std::string primary_need(const std::vector<std::string>& factors) {
    for (const auto& f : factors) {
      if (f == "16A" || f == "17A" || f == "18C" || f == "19C" || f == "3B") return "N1";
    }
    static constexpr const char* kCodes[] = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N0"};
    static constexpr double kWeights[] = {50, 8, 3, 8, 16, 4, 1, 8, 2};
    return kCodes[rng_.weighted(kWeights)];
  }

  // How a child's episode of need closes when it closes with their care: the reason the period
  // of care ended (REC) maps to the CIN census reason for closure.
  std::string care_closure_reason(const ChildState& state) {
    const std::string& rec = state.left_care_reason;
    if (rec == "E11" || rec == "E12") return "RC1";
    if (rec == "E41") return "RC3";
    if (rec.rfind("E4", 0) == 0 && rec.size() == 3 && rec[2] >= '5') return "RC4";  // E45-E48
    if (rec == "E3") return "RC5";
    if (rec == "E7") return "RC6";
    return "RC7";
  }

  // A protection plan from `start`; returns its end (nullopt if still open at the end).
  OptionalDate protection_plan(ChildState& state, const std::string& referral_id, Date start) {
    static constexpr const char* kCategories[] = {"NEG", "EMO", "PHY", "SAB", "MUL"};
    domain::ProtectionPlan plan;
    plan.id = id("CPP", plan_counter_);
    plan.la_code = la_.la_code;
    plan.child_id = out_.children[state.index].id;
    plan.referral_id = referral_id;
    plan.start_date = start;
    plan.initial_category = kCategories[rng_.weighted(rates::kCategoryWeights)];
    plan.latest_category = rng_.chance(0.9) ? plan.initial_category
                                            : kCategories[rng_.weighted(rates::kCategoryWeights)];
    plan.previous_plans = state.plans;
    ++state.plans;
    // Log-normal length around the national median.
    const double z =
        std::sqrt(-2.0 * std::log(std::max(rng_.unit(), 1e-12))) * std::cos(2 * M_PI * rng_.unit());
    const auto days = static_cast<int32_t>(rates::kPlanMedianDays * std::exp(0.65 * z));
    const Date ends = start.add_days(std::clamp(days, 20, 1400));
    plan.end_date = within(ends);
    change_worker(state, start, "child_protection");
    // Review conferences: within 3 months, then every 6 months.
    for (Date review = start.add_months(3); review < ends && review <= end_;
         review = review.add_months(6)) {
      const Date on = std::min(  // a plan ends at its last review, and nothing is after the end
          {ends, end_,
           weekday_on_or_after(review.add_days(-static_cast<int32_t>(rng_.below(10))))});
      plan.review_dates.push_back(on);
      out_.conferences.push_back({id("CF", conference_counter_), la_.la_code, plan.child_id,
                                  referral_id, "review", on, true});
    }
    out_.protection_plans.push_back(std::move(plan));
    return within(ends);
  }

  void change_worker(ChildState& state, Date on, const char* purpose) {
    domain::Child& child = out_.children[state.index];
    if (state.social_worker_episode != SIZE_MAX) {
      auto& current = out_.social_worker_episodes[state.social_worker_episode];
      if (!current.end_date) {
        current.end_date = on;
        static constexpr const char* kReasons[] = {"MANAGE", "LEFTRL", "ORGRST",
                                                   "CHCHAN", "ABSENC", "OTHERS"};
        static constexpr double kWeights[] = {40, 20, 10, 20, 5, 5};
        current.end_reason = kReasons[rng_.weighted(kWeights)];
      }
    }
    const domain::Practitioner& practitioner = worker(purpose);
    state.worker_id = practitioner.id;
    out_.social_worker_episodes.push_back({id("SWE", sw_episode_counter_), la_.la_code, child.id,
                                           practitioner.id, practitioner.sw_id, on, std::nullopt,
                                           ""});
    state.social_worker_episode = out_.social_worker_episodes.size() - 1;
    child.allocated_worker_id = practitioner.id;
    child.team_id = practitioner.team_id;
  }

  // ------------------------------------------------------------------ care
  struct Stay {
    std::string place;
    std::string provider_kind;
    std::string carer_id;
    std::string provider_id;
    std::string urn;
    std::string postcode;
  };

  Stay choose_placement(int age, bool first, const ChildState& state) {
    Stay stay;
    // Placement types at 31 March [approx, DfE CLA 2024]: foster 68% (kinship ~13%),
    // children's homes 11%, supported accommodation 9% (16+), with parents 6%, adoption 3%.
    if (age >= 16 && rng_.chance(0.45)) {
      stay.place = "K3";
    } else if (age >= 12 && rng_.chance(first ? 0.12 : 0.22)) {
      stay.place = rng_.chance(0.02) ? "K1" : "K2";
    } else if (rng_.chance(0.06)) {
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
      carer.postcode = kinship && rng_.chance(0.5) ? families_[state.family].postcode
                                                   : detail::postcode_in(rng_, la_);
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

  // A period of care from `enters`; with `still_in_care_on`, a long one that lasts past that day.
  Date period_of_care(ChildState& state, Date enters, const std::string& need,
                      std::optional<Date> still_in_care_on = std::nullopt) {
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
    statuses.push_back({enters, first});
    const int32_t length = enters.days_until(leaves);
    if ((first == "L1" || first == "L2") && length > 10) {
      statuses.push_back({enters.add_days(static_cast<int32_t>(1 + rng_.below(7))), "C1"});
    }
    if (length > 240 && statuses.back().second == "C1") {
      statuses.push_back({enters.add_days(static_cast<int32_t>(150 + rng_.below(90))), "C2"});
    }
    Date placed_for_adoption;
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

    Stay stay = choose_placement(age, true, state);
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
            ended_by_leaving ? leaving_reason(state, until, adoption) : "X1";
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
        emit(at, false);
        close_placement(at, change_reason);
        if (adoption && at == placed_for_adoption) {
          stay = Stay{rng_.chance(0.8) ? "A5" : "A6", "PR1", "", "", adoption_urn_,
                      detail::postcode_in(rng_, la_)};
        } else {
          stay = choose_placement(at.years_since(state.birth), false, state);
        }
        placement_id = open_placement(state, stay, at);
        reason = "P";
      }
      episode_start = at;
    }
    emit(leaves, true);
    if (leaves <= end_) close_placement(leaves, "");

    care_records(state, enters, leaves, adoption, placed_for_adoption);
    return leaves;
  }

  std::string open_placement(ChildState& state, const Stay& stay, Date from) {
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

  void close_placement(Date on, const std::string& reason) {
    auto& placement = out_.placements[open_placement_index_];
    if (on <= end_) {
      placement.end_date = on;
      placement.reason_for_change = reason;
    }
  }

  std::string leaving_reason(ChildState& state, Date on, bool adoption) {
    if (adoption) return rng_.chance(0.5) ? "E11" : "E12";
    const int age = on.years_since(state.birth);
    if (age >= 18) {
      static constexpr const char* kCodes[] = {"E17", "E5", "E6", "E7", "E8"};
      static constexpr double kWeights[] = {25, 45, 15, 5, 10};
      return kCodes[rng_.weighted(kWeights)];
    }
    static constexpr const char* kCodes[] = {"E4A", "E4B", "E45", "E46", "E47", "E48",
                                             "E41", "E13", "E3",  "E9",  "E14", "E8"};
    static constexpr double kWeights[] = {38, 6, 6, 2, 6, 1, 6, 3, 3, 1, 2, 6};
    return kCodes[rng_.weighted(kWeights)];
  }

  void care_records(ChildState& state, Date enters, Date leaves, bool adoption,
                    Date placed_for_adoption) {
    const domain::Child& child = out_.children[state.index];
    // Previous permanence, asked at the start of each period of care.
    out_.previous_permanence.push_back({id("PP", permanence_counter_), la_.la_code, child.id,
                                        rng_.chance(0.9) ? "Z1" : "P4", "", ""});
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
      for (int64_t i = 0; i < episodes; ++i) {
        const Date from = enters.add_days(static_cast<int32_t>(rng_.below(span)));
        const Date to = from.add_days(static_cast<int32_t>(rng_.below(4)));
        out_.missing_episodes.push_back({id("MIS", missing_counter_), la_.la_code, child.id,
                                         rng_.chance(0.8) ? "M" : "A", from, within(to)});
      }
    }
    // OC2: at each 31 March after 12 months' continuous care.
    for (int year = enters.year(); year <= end_.year(); ++year) {
      const Date census = core::collection_year_end(year);
      if (census < enters.add_years(1) || census > last || census < start_) continue;
      domain::LookedAfterOutcome outcome;
      outcome.id = id("HO", outcome_counter_);
      outcome.la_code = la_.la_code;
      outcome.child_id = child.id;
      outcome.collection_year = year;
      const int age = census.years_since(state.birth);
      if (age >= 4 && age <= 16) {
        if (rng_.chance(0.8)) {
          outcome.sdq_score =
              static_cast<int>(std::clamp(rng_.poisson(14), int64_t{0}, int64_t{40}));
        } else {
          outcome.sdq_reason = rng_.chance(0.5) ? "SDQ4" : "SDQ2";
        }
      } else {
        outcome.sdq_reason = "SDQ1";
      }
      outcome.convicted = age >= 10 && rng_.chance(0.03);
      outcome.health_check = rng_.chance(0.9);
      outcome.immunisations = rng_.chance(0.8);
      outcome.teeth_check = rng_.chance(0.75);
      outcome.health_assessment = rng_.chance(0.89);
      outcome.substance_misuse = age >= 10 && rng_.chance(0.04);
      if (*outcome.substance_misuse) {
        outcome.intervention_received = rng_.chance(0.6);
        outcome.intervention_offered = true;
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
      record.placed_date = within(placed_for_adoption);
      if (leaves <= end_) {
        record.foster_care = rng_.chance(0.1);
        record.number_of_adopters = rng_.chance(0.8) ? 2 : 1;
        record.sex_of_adopters =
            *record.number_of_adopters == 2 ? (rng_.chance(0.9) ? "MF" : "FF") : "F1";
        record.adopters_legal_status = *record.number_of_adopters == 2 ? "L11" : "L2";
      }
      if (record.decision_date) out_.adoptions.push_back(std::move(record));
    }
    // Care leavers: left care at 16 or over after 13 weeks since 14: OC3 around each birthday
    // from 17 to 21 that falls within a collection year simulated.
    const int leaving_age = leaves.years_since(state.birth);
    if (!adoption && leaves <= end_ && leaving_age >= 16 && enters.days_until(leaves) >= 91) {
      for (int birthday = 17; birthday <= 21; ++birthday) {
        const Date on = state.birth.add_years(birthday);
        if (on < start_ || on > end_ || on < leaves) continue;
        const int year = on.month() >= 4 ? on.year() + 1 : on.year();
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
          accommodation = std::string(kPlace[rng_.below(16)]) + (rng_.chance(0.9) ? "1" : "2");
        }
        out_.care_leaver_outcomes.push_back({id("CL", leaver_counter_), la_.la_code, child.id, year,
                                             touch, activity, accommodation});
      }
    }
    if (leaves <= end_) state.in_care = false;
  }

  // ------------------------------------------------------------------ changes over time
  void finish_children() {
    // A birth, a change of surname and moves of house become earlier revisions of the child's
    // record, applied in date order so that each revision follows from the one before.
    enum class Change { kBirth, kSurname, kAddress };
    std::vector<std::pair<Date, Change>> changes;
    for (auto& state : states_) {
      domain::Child& child = out_.children[state.index];
      changes.clear();
      if (child.expected_date_of_birth && *child.expected_date_of_birth <= end_) {
        changes.push_back({*child.expected_date_of_birth, Change::kBirth});
      }
      const Date first = std::max(state.birth, start_);
      if (first < end_) {
        const int32_t span = first.days_until(end_) + 1;
        if (rng_.chance(rates::kSurnameChange)) {
          changes.push_back(
              {first.add_days(static_cast<int32_t>(rng_.below(span))), Change::kSurname});
        }
        const double years = span / 365.0;
        if (rng_.chance(std::min(0.9, rates::kAddressChangePerYear * years))) {
          changes.push_back(
              {first.add_days(static_cast<int32_t>(rng_.below(span))), Change::kAddress});
        }
      }
      std::sort(changes.begin(), changes.end());
      for (const auto& [on, change] : changes) {
        domain::Child before = child;
        const char* reason = "";
        switch (change) {
          case Change::kBirth:
            child.date_of_birth = on;
            child.expected_date_of_birth.reset();
            child.sex = std::string(1, state.sex);
            child.nhs_number = detail::valid_nhs_number(rng_);
            reason = "birth recorded";
            break;
          case Change::kSurname:
            child.name.former_family = child.name.family;
            child.name.family = detail::draw_family_name(rng_);
            reason = "change of surname recorded";
            break;
          case Change::kAddress:
            child.address_line = detail::street_address(rng_);
            child.postcode = detail::postcode_in(rng_, la_);
            reason = "change of address";
            break;
        }
        out_.child_history.push_back({std::move(before), on, reason});
      }
    }
  }

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
  int64_t child_counter_ = 0, person_counter_ = 0, relationship_counter_ = 0, contact_counter_ = 0,
          referral_counter_ = 0, discussion_counter_ = 0, section47_counter_ = 0,
          conference_counter_ = 0, plan_counter_ = 0, assessment_counter_ = 0,
          cin_plan_counter_ = 0, sw_episode_counter_ = 0, carer_counter_ = 0,
          placement_counter_ = 0, episode_counter_ = 0, review_counter_ = 0, missing_counter_ = 0,
          outcome_counter_ = 0, adoption_counter_ = 0, leaver_counter_ = 0, permanence_counter_ = 0;
};

}  // namespace

Dataset generate(const AuthorityProfile& authority, const Options& options) {
  Dataset out;
  Generator(authority, options, out).run();
  std::sort(out.child_history.begin(), out.child_history.end(),
            [](const auto& a, const auto& b) { return a.changed_on < b.changed_on; });
  return out;
}

size_t Dataset::record_count() const {
  return teams.size() + practitioners.size() + agencies.size() + carers.size() + providers.size() +
         children.size() + people.size() + relationships.size() + contacts.size() +
         referrals.size() + assessments.size() + cin_plans.size() + strategy_discussions.size() +
         section47_enquiries.size() + conferences.size() + protection_plans.size() +
         episodes.size() + placements.size() + reviews.size() + missing_episodes.size() +
         outcomes.size() + care_leaver_outcomes.size() + adoptions.size() +
         previous_permanence.size() + social_worker_episodes.size() + agency_records.size();
}

}  // namespace hearth::synth
