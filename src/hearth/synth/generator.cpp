// The simulation of one authority over `years` years, in date order: referrals arrive at the
// national rate; each referral runs its course (assessment, section 47 enquiry, conference, plan,
// care) by the probabilities in rates.hpp; children are re-referred, move house, change surname,
// move placement, go missing and leave care as real children do. This file: the organisation,
// children and families, and changes to children's records over time.
#include "hearth/synth/detail/generator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hearth/synth/detail/draw.hpp"
#include "hearth/synth/detail/partner_view.hpp"
#include "hearth/synth/rates.hpp"

namespace hearth::synth::detail {

void Generator::run() {
  out_.authority = la_;
  make_organisation();
  simulate_referrals();
  write_case_notes();
  end_allocations();
  detail::add_partner_view(la_, options_, rng_.fork(0x9a47), out_);
}

std::string Generator::id(const char* prefix, int64_t& counter) {
  return fmt::format("{}{:07}", prefix, ++counter);
}

void Generator::make_organisation() {
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
  out_.agencies.push_back({id("AG", agency_counter), la_.la_code, la_.name + " Police", "police"});
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
                            "supported_accommodation", "PR4", detail::postcode_in(rng_, la_), 20});
  out_.providers.push_back({id("PRV", provider_counter), la_.la_code, "Secure Children's Centre",
                            fmt::format("SC{:06}", rng_.below(1'000'000)), "secure_childrens_home",
                            "PR1", detail::postcode_in(rng_, la_), 8});
}

std::string Generator::street_name() {
  std::string address = detail::street_address(rng_);
  return address.substr(address.find(' ') + 1, address.rfind(' ') - address.find(' ') - 1);
}

int64_t Generator::stable_sw(const std::string& text) {
  return static_cast<int64_t>(core::stable_hash(text) % 10'000'000);
}

const domain::Practitioner& Generator::worker(const char* purpose) {
  const auto& pool = workers_by_purpose_[purpose];
  return out_.practitioners[pool[rng_.below(pool.size())]];
}

Date Generator::birth_for_age_at(Date on, double age_years) {
  return on.add_days(-static_cast<int32_t>(age_years * 365.25));
}

double Generator::referral_age() {
  static constexpr double kWeights[] = {1, 9, 18, 25, 35, 12};
  static constexpr double kLow[] = {-0.4, 0, 1, 5, 10, 16};
  static constexpr double kHigh[] = {0, 1, 5, 10, 16, 18};
  const size_t band = rng_.weighted(kWeights);
  return kLow[band] + rng_.unit() * (kHigh[band] - kLow[band] - 0.01);
}

size_t Generator::new_family(Date on) {
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
                   rng_.chance(0.7) ? family.family_name : detail::draw_family_name(rng_), "", ""};
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

size_t Generator::new_child(Date on, size_t family_index, std::optional<Date> birth) {
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
  // The record as it stands at the end: a child of school age by then has a UPN (rule 209).
  const int age = born <= end_ ? end_.years_since(born) : -1;
  if (age >= 4) {
    // Redrawn until it is no other child's: a shared UPN is strong evidence of one identity.
    do {
      child.upn = detail::valid_upn(rng_, detail::upn_authority_code(la_), born.year() + 4);
    } while (!issued_upns_.insert(child.upn).second);
    child.school_urn = fmt::format("{}", 100000 + rng_.below(50000));
  } else {
    child.upn_unknown = "UN1";
  }
  child.disabilities = {rng_.chance(0.88) ? "NONE" : disability()};
  child.address_line = family.address_line;
  child.postcode = family.postcode;
  out_.children.push_back(std::move(child));
  const size_t state_index = states_.size();
  states_.push_back({out_.children.size() - 1, born, sex, std::nullopt, false, on, 0, false, on, "",
                     family_index, SIZE_MAX, ""});
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

std::string Generator::disability() {
  static constexpr const char* kCodes[] = {"AUT", "LD", "COMM", "BEH", "CON", "MOB", "HEAR", "VIS"};
  return kCodes[rng_.below(std::size(kCodes))];
}

void Generator::finish_children() {
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
          // The expected date stays on the record: a return of a year before the birth
          // (the CIN census's ExpectedPersonBirthDate) still needs it.
          child.date_of_birth = on;
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

}  // namespace hearth::synth::detail

namespace hearth::synth {

Dataset generate(const AuthorityProfile& authority, const Options& options) {
  Dataset out;
  detail::Generator(authority, options, out).run();
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
         previous_permanence.size() + social_worker_episodes.size() + agency_records.size() +
         case_notes.size();
}

}  // namespace hearth::synth
