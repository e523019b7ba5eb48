// The generator's front door: referrals and re-referrals, assessments, strategy discussions,
// section 47 enquiries, conferences, protection and child in need plans, allocation.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hearth/synth/detail/draw.hpp"
#include "hearth/synth/detail/generator.hpp"
#include "hearth/synth/rates.hpp"

namespace hearth::synth::detail {

std::string Generator::referral_source() {
  // Referral sources [approx, DfE CIN 2024]: police 29%, schools 21%, health 15%, LA 11%,
  // individuals 8%, other and unknown the rest.
  static constexpr const char* kCodes[] = {"6",  "2A", "3A", "3B", "3E", "3F", "5A", "5D", "1A",
                                           "1C", "4",  "7",  "8",  "9",  "10", "2B", "5C"};
  static constexpr double kWeights[] = {29, 19, 4, 3, 4, 4, 6, 5, 6, 2, 3, 2, 5, 1, 2, 2, 3};
  return kCodes[rng_.weighted(kWeights)];
}

std::vector<std::string> Generator::assessment_factors(bool in_need) {
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

Date Generator::weekday_on_or_after(Date d) {
  while (!calendar_.is_working_day(d)) d = d.add_days(1);
  return d;
}

void Generator::simulate_referrals() {
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
  drop_care_leaver_years_in_care();
  finish_children();
}

// A care leaver who came back into care is not asked about a birthday spent in care (rules
// 1007, 1016): the OC3 record of such a year, made when the earlier period ended, goes.
void Generator::drop_care_leaver_years_in_care() {
  std::unordered_map<std::string_view, std::vector<std::pair<Date, OptionalDate>>> care;
  for (const auto& e : out_.episodes) care[e.child_id].emplace_back(e.start_date, e.end_date);
  std::unordered_map<std::string_view, Date> births;
  for (const auto& state : states_) births.emplace(out_.children[state.index].id, state.birth);
  std::erase_if(out_.care_leaver_outcomes, [&](const domain::CareLeaverOutcome& o) {
    const auto born = births.find(o.child_id);
    const auto spells = care.find(o.child_id);
    if (born == births.end() || spells == care.end()) return false;
    const Date from = core::collection_year_start(o.collection_year);
    const Date to = core::collection_year_end(o.collection_year);
    for (int age = 17; age <= 21; ++age) {
      const Date birthday = born->second.add_years(age);
      if (birthday < from || birthday > to) continue;
      for (const auto& [start, end] : spells->second) {
        if (start <= birthday && (!end || *end >= birthday)) return true;
      }
    }
    return false;
  });
}

void Generator::already_in_care() {
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
        1 + static_cast<int32_t>(rng_.below(std::max(1, std::min(since_birth - 1, 6 * kYearDays))));
    const Date entered = start_.add_days(-in_care_for);
    const Date referred = entered.add_days(-static_cast<int32_t>(rng_.below(30)));
    historic_referral(child, referred, entered);
  }
}

void Generator::historic_referral(size_t state_index, Date referred, Date entered) {
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

std::optional<size_t> Generator::pick_recent(std::vector<size_t>& recent, Date day) {
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

void Generator::referral(size_t state_index, Date day) {
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
    // Closed without an assessment: not RC8 or RC9, which say "after assessment" (the CIN
    // census query 8825Q), but RC7, no longer in need.
    referral.reason_for_closure = "RC7";
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
        // The conference is after the last day: the episode is still open then (CIN 8868).
        enquiry.outcome = "";
        work_ends = std::max(work_ends, icpc);
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
  const int length = rng_.chance(rates::kAssessmentOnTime) ? static_cast<int>(10 + rng_.below(35))
                                                           : static_cast<int>(46 + rng_.below(40));
  const Date authorised = calendar_.add_working_days(assessment_start, length);
  assessment.authorisation_date = within(authorised);
  if (assessment.authorisation_date) {
    assessment.factors = assessment_factors(in_need);
    // A disabled child's assessment records the disability as a factor: 5A (learning) or 6A
    // (physical or other), in place of "21, no factors" (the CIN census query 8899Q).
    const auto& disabilities = child.disabilities;
    const bool disabled = std::any_of(disabilities.begin(), disabilities.end(),
                                      [](const std::string& d) { return d != "NONE"; });
    if (disabled) {
      const bool learning =
          std::any_of(disabilities.begin(), disabilities.end(),
                      [](const std::string& d) { return d == "LD" || d == "AUT"; });
      std::erase(assessment.factors, std::string("21"));
      const std::string factor = learning ? "5A" : "6A";
      if (std::find(assessment.factors.begin(), assessment.factors.end(), factor) ==
          assessment.factors.end()) {
        assessment.factors.push_back(factor);
      }
    }
  }
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

void Generator::end_plan_on_entering_care(const std::string& child_id, Date enters) {
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

std::string Generator::primary_need(const std::vector<std::string>& factors) {
  for (const auto& f : factors) {
    if (f == "16A" || f == "17A" || f == "18C" || f == "19C" || f == "3B") return "N1";
  }
  static constexpr const char* kCodes[] = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N0"};
  static constexpr double kWeights[] = {50, 8, 3, 8, 16, 4, 1, 8, 2};
  return kCodes[rng_.weighted(kWeights)];
}

std::string Generator::care_closure_reason(const ChildState& state) {
  const std::string& rec = state.left_care_reason;
  if (rec == "E11" || rec == "E12") return "RC1";
  if (rec == "E41") return "RC3";
  if (rec.rfind("E4", 0) == 0 && rec.size() == 3 && rec[2] >= '5') return "RC4";  // E45-E48
  if (rec == "E3") return "RC5";
  if (rec == "E7") return "RC6";
  return "RC7";
}

OptionalDate Generator::protection_plan(ChildState& state, const std::string& referral_id,
                                        Date start) {
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
        {ends, end_, weekday_on_or_after(review.add_days(-static_cast<int32_t>(rng_.below(10))))});
    plan.review_dates.push_back(on);
    out_.conferences.push_back({id("CF", conference_counter_), la_.la_code, plan.child_id,
                                referral_id, "review", on, true});
  }
  out_.protection_plans.push_back(std::move(plan));
  return within(ends);
}

void Generator::change_worker(ChildState& state, Date on, const char* purpose) {
  domain::Child& child = out_.children[state.index];
  std::string change_reason = "FCONTA";  // first contact: the child's first social worker
  if (state.social_worker_episode != SIZE_MAX) {
    auto& current = out_.social_worker_episodes[state.social_worker_episode];
    // Passed on the day it began (a referral moved to another team): one episode, the later
    // worker's; an episode of less than a day is an error in the return (SW09STG2).
    if (!current.end_date && current.start_date == on) {
      const domain::Practitioner& practitioner = worker(purpose);
      state.worker_id = practitioner.id;
      current.practitioner_id = practitioner.id;
      current.sw_id = practitioner.sw_id;
      child.allocated_worker_id = practitioner.id;
      child.team_id = practitioner.team_id;
      return;
    }
    if (!current.end_date) {
      current.end_date = on;
      static constexpr const char* kReasons[] = {"MANAGE", "LEFTRL", "ORGRST",
                                                 "CHCHAN", "ABSENC", "OTHERS"};
      static constexpr double kWeights[] = {40, 20, 10, 20, 5, 5};
      change_reason = kReasons[rng_.weighted(kWeights)];
    }
  }
  const domain::Practitioner& practitioner = worker(purpose);
  state.worker_id = practitioner.id;
  out_.social_worker_episodes.push_back({id("SWE", sw_episode_counter_), la_.la_code, child.id,
                                         practitioner.id, practitioner.sw_id, on, std::nullopt,
                                         change_reason});
  state.social_worker_episode = out_.social_worker_episodes.size() - 1;
  child.allocated_worker_id = practitioner.id;
  child.team_id = practitioner.team_id;
}

}  // namespace hearth::synth::detail
