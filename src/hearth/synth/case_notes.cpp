// The generator's case notes, and who holds each case at the end: what the allocated worker
// wrote at each step of a child's journey (the referral discussion, assessment visits, visits
// while a child is on a protection plan or looked after, supervision), and the end of allocation
// for cases closed by the last day. Every sentence is drawn from the phrase tables below: the
// notes are synthetic, with the child's synthetic first name in them so that they read as real.
//
// Drawn from a stream of their own (forked from the authority's), so that adding notes changed
// no other record.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "hearth/synth/detail/generator.hpp"

namespace hearth::synth::detail {
namespace {

template <size_t N>
const char* pick(Random& rng, const char* const (&phrases)[N]) {
  return phrases[rng.below(N)];
}

constexpr const char* kSeen[] = {
    "{name} was seen alone in their bedroom and showed me their drawings.",
    "{name} was seen alone and talked about school and their friends.",
    "{name} was seen with their mother present; {name} was quiet but made good eye contact.",
    "{name} was seen alone in the garden and said things at home were \"a bit better\".",
    "{name} was asleep when I arrived; I waited and saw {name} when they woke.",
    "{name} chose to talk in the car on the way back from school.",
};
constexpr const char* kHome[] = {
    "The home was warm and there was food in the cupboards.",
    "The home was cluttered; we agreed a plan to clear the hallway and stairs.",
    "There were signs of damp in the back bedroom; mother has contacted the landlord.",
    "The home was tidy. Mother's partner was not present.",
    "There were empty bottles in the kitchen, which mother said were from a family party.",
};
constexpr const char* kSaid[] = {
    "{name} said they feel safe at home most of the time.",
    "{name} said they worry when their parents argue.",
    "{name} said they would like to see their dad more often.",
    "{name} said they do not like the shouting at night.",
    "{name} said school is going well and they have joined a football club.",
    "{name} did not want to talk about home today; this was respected.",
};
constexpr const char* kNext[] = {
    "Next steps: share this note with the health visitor and arrange a core group meeting.",
    "Next steps: referral to the family support worker; visit again within ten working days.",
    "Next steps: speak to the school's designated safeguarding lead about attendance.",
    "Next steps: update the chronology and discuss in supervision.",
    "Next steps: complete the direct work session on worries and wishes.",
};
constexpr const char* kPlacement[] = {
    "{name} showed me their room, which they have decorated with posters.",
    "The carers report {name} is sleeping better and eating well.",
    "{name} has settled at their new school and has made a friend.",
    "There was an argument about screen time last week; the carers handled it calmly.",
    "{name} asked about contact with their brother; this will be raised at the review.",
};
constexpr const char* kSupervision[] = {
    "Case discussed in supervision. Analysis: risks reducing but parents' engagement is uneven.",
    "Case discussed in supervision. Agreed to step down to a child in need plan if the next "
    "visits go well.",
    "Case discussed in supervision. Manager agreed a legal planning meeting is needed.",
    "Case discussed in supervision. Chronology reviewed; no new concerns.",
};

std::string fill(std::string_view pattern, const std::string& name) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i, 6) == "{name}") {
      out += name;
      i += 5;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

void Generator::write_case_notes() {
  Random rng = rng_.fork(0xCA5E);
  std::unordered_map<std::string, const domain::Child*> children;
  for (const auto& child : out_.children) children.emplace(child.id, &child);
  // Who held the case on a day: the child's social worker episode covering it.
  std::unordered_map<std::string, std::vector<const domain::SocialWorkerEpisode*>> episodes;
  for (const auto& episode : out_.social_worker_episodes) {
    episodes[episode.child_id].push_back(&episode);
  }
  auto author = [&](const std::string& child_id, Date on) -> std::string {
    std::string found;
    for (const auto* episode : episodes[child_id]) {
      if (episode->start_date <= on) found = episode->practitioner_id;
    }
    return found;
  };
  int64_t counter = 0;
  auto note = [&](const std::string& child_id, Date on, const char* kind, std::string subject,
                  std::string text) {
    if (on > end_ || on < start_) return;
    const auto found = children.find(child_id);
    if (found == children.end()) return;
    const std::string& name = found->second->name.preferred.empty() ? found->second->name.given
                                                                    : found->second->name.preferred;
    out_.case_notes.push_back({id("CN", counter), la_.la_code, child_id, on, kind,
                               author(child_id, on), std::move(subject), fill(text, name)});
  };
  auto visit_text = [&](bool at_home) {
    return fmt::format("{} {} {} {}", pick(rng, kSeen), at_home ? pick(rng, kHome) : "",
                       pick(rng, kSaid), pick(rng, kNext));
  };

  for (const auto& referral : out_.referrals) {
    note(referral.child_id, referral.referral_date, "phone_call", "Referral discussion",
         "Spoke to the referrer about the concerns and checked what is known to other agencies. "
         "Decision recorded the same working day.");
  }
  for (const auto& assessment : out_.assessments) {
    const Date visit =
        calendar_.add_working_days(assessment.start_date, 1 + static_cast<int>(rng.below(5)));
    note(assessment.child_id, visit, "home_visit", "Assessment visit", visit_text(true));
  }
  for (const auto& plan : out_.protection_plans) {
    const Date ends = plan.end_date.value_or(end_);
    int written = 0;
    for (Date on = calendar_.add_working_days(plan.start_date, 10); on < ends && written < 6;
         on = calendar_.add_working_days(on, 20 + static_cast<int>(rng.below(10))), ++written) {
      note(plan.child_id, on, "home_visit", "Child protection visit", visit_text(true));
      if (rng.chance(0.3)) {
        note(plan.child_id, on.add_days(2), "supervision", "Supervision", pick(rng, kSupervision));
      }
    }
  }
  for (const auto& placement : out_.placements) {
    const Date ends = placement.end_date.value_or(end_);
    int written = 0;
    for (Date on = placement.start_date.add_days(static_cast<int32_t>(1 + rng.below(6)));
         on < ends && written < 4;
         on = on.add_days(static_cast<int32_t>(40 + rng.below(40))), ++written) {
      note(placement.child_id, on, "visit_in_placement", "Statutory visit in placement",
           fmt::format("{} {} {}", pick(rng, kSeen), pick(rng, kPlacement), pick(rng, kNext)));
    }
  }
  std::stable_sort(out_.case_notes.begin(), out_.case_notes.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
}

void Generator::end_allocations() {
  // A case closed by the last day is no longer allocated: allocation is what "My work" lists.
  // Adopted children's records are restricted (sealed from everyone outside a named list), and a
  // few others are, as staff's relatives and high-profile cases are.
  Random rng = rng_.fork(0x5EA1);
  for (const auto& state : states_) {
    domain::Child& child = out_.children[state.index];
    const bool referral_open =
        state.has_open_episode && (!state.episode_closes || *state.episode_closes > end_);
    const bool in_care = state.in_care && state.care_ends > end_;
    if (!referral_open && !in_care) {
      child.allocated_worker_id.clear();
      child.team_id.clear();
    }
    const bool adopted = state.left_care_reason == "E11" || state.left_care_reason == "E12";
    if (adopted || rng.chance(0.003)) child.restricted = true;
  }
}

}  // namespace hearth::synth::detail
