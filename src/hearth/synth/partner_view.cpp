#include "hearth/synth/detail/partner_view.hpp"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hearth/synth/detail/draw.hpp"
#include "hearth/synth/rates.hpp"

namespace hearth::synth::detail {
namespace {

using core::Date;
using core::Random;

// What is true of a person, before an agency records it.
struct TruePerson {
  std::string person_id;
  std::string given;
  std::string family;
  std::string former_family;
  char sex;
  std::optional<Date> birth;
  std::string nhs_number;
  std::string upn;
  std::string postcode;
  std::string old_postcode;
  std::string school_urn;
};

class PartnerView {
 public:
  PartnerView(const AuthorityProfile& authority, const Options& options, Random rng, Dataset& out)
      : la_(authority), options_(options), rng_(rng), out_(out) {}

  void run() {
    if (out_.agencies.size() < 3) return;
    police_ = out_.agencies[0].id;
    health_ = out_.agencies[1].id;
    education_ = out_.agencies[2].id;
    const Date start = options_.end.add_years(-options_.years).add_days(1);

    std::unordered_map<std::string, const domain::Child*> earlier;  // oldest revision of each child
    for (const auto& history : out_.child_history)
      earlier.try_emplace(history.before.id, &history.before);

    const std::unordered_map<std::string, std::string> true_nhs(out_.true_nhs_numbers.begin(),
                                                                out_.true_nhs_numbers.end());
    std::unordered_map<std::string, bool> police_involved;
    for (const auto& referral : out_.referrals) {
      if (referral.source == "6") police_involved[referral.child_id] = true;
    }

    for (const auto& child : out_.children) {
      out_.truth.push_back({child.id, "social_care", la_.la_code + ":" + child.id});
      TruePerson person;
      person.person_id = la_.la_code + ":" + child.id;
      person.given = child.name.given;
      person.family = child.name.family;
      person.sex = child.sex.empty() ? 'U' : child.sex[0];
      person.birth = child.date_of_birth;
      person.upn = child.upn;
      person.postcode = child.postcode;
      person.school_urn = child.school_urn;
      // The authority may hold a wrong NHS number; the agencies hold the true one.
      if (auto found = true_nhs.find(child.id); found != true_nhs.end()) {
        person.nhs_number = found->second;
      } else {
        person.nhs_number = child.nhs_number.empty() ? valid_nhs_number(rng_) : child.nhs_number;
      }
      if (auto found = earlier.find(child.id); found != earlier.end()) {
        person.old_postcode = found->second->postcode;
        person.former_family = found->second->name.family;
      }
      if (!person.birth) continue;  // unborn: no agency record yet
      if (rng_.chance(0.95)) record(person, "health", start);
      const int age = options_.end.years_since(*person.birth);
      if (age >= 5 && rng_.chance(0.93)) record(person, "education", start);
      if (police_involved.count(child.id) || rng_.chance(0.05)) {
        record(person, "police", start);
        if (rng_.chance(0.3)) record(person, "police", start);
      }
    }
    // Parents: health records for all, police records for some. They share a surname and an
    // address with the children, which is what makes families hard to keep apart.
    for (const auto& adult : out_.people) {
      TruePerson person;
      person.person_id = la_.la_code + ":" + adult.id;
      person.given = adult.name.given;
      person.family = adult.name.family;
      person.sex = adult.sex.empty() ? 'U' : adult.sex[0];
      person.birth = adult.date_of_birth;
      person.nhs_number = valid_nhs_number(rng_);
      person.postcode = adult.postcode;
      if (rng_.chance(0.9)) record(person, "health", start);
      if (rng_.chance(0.25)) record(person, "police", start);
    }
    // Children the authority does not know: half as many again, in the same districts.
    const size_t strangers = out_.children.size() / 2;
    for (size_t i = 0; i < strangers; ++i) {
      TruePerson person;
      person.person_id = fmt::format("{}:X{:07}", la_.la_code, i + 1);
      person.sex = rng_.chance(0.5) ? 'F' : 'M';
      person.given = draw_given_name(rng_, person.sex);
      person.family = draw_family_name(rng_);
      person.birth = options_.end.add_days(-static_cast<int32_t>(rng_.below(18 * 365)));
      person.nhs_number = valid_nhs_number(rng_);
      person.postcode = postcode_in(rng_, la_);
      const int age = options_.end.years_since(*person.birth);
      if (age >= 5) {
        std::unordered_set<std::string>& issued = issued_upns();
        do {
          person.upn = valid_upn(rng_, upn_authority_code(la_), person.birth->year() + 4);
        } while (!issued.insert(person.upn).second);
        person.school_urn = fmt::format("{}", 100000 + rng_.below(50000));
      }
      record(person, "health", start);
      if (age >= 5 && rng_.chance(0.9)) record(person, "education", start);
      if (rng_.chance(0.05)) record(person, "police", start);
    }
  }

 private:
  void record(const TruePerson& person, const char* source, Date start) {
    domain::AgencyRecord r;
    const std::string kind = source;
    const char* prefix = kind == "police" ? "POL" : kind == "health" ? "HLT" : "EDU";
    r.id = fmt::format("{}-{}-{:07}", prefix, la_.la_code, ++counter_);
    r.la_code = la_.la_code;
    r.agency_id = kind == "police" ? police_ : kind == "health" ? health_ : education_;
    r.source = kind;
    r.local_ref = kind == "police"   ? fmt::format("CR/{:06}", rng_.below(1'000'000))
                  : kind == "health" ? fmt::format("GP{:08}", rng_.below(100'000'000))
                                     : fmt::format("S{:07}", rng_.below(10'000'000));
    const double slips = kind == "police" ? 2.0 : 1.0;  // police take names at the roadside
    r.given_name = person.given;
    if (rng_.chance(rates::kPartnerNickname)) r.given_name = nickname(rng_, person.given);
    if (rng_.chance(rates::kPartnerTypo * slips)) r.given_name = typo(rng_, r.given_name);
    r.family_name = person.family;
    if (!person.former_family.empty() && rng_.chance(0.5)) r.family_name = person.former_family;
    if (rng_.chance(rates::kPartnerTypo * slips)) r.family_name = typo(rng_, r.family_name);
    // Hyphenated names are often recorded as one half.
    if (const auto dash = r.family_name.find('-'); dash != std::string::npos && rng_.chance(0.3)) {
      r.family_name =
          rng_.chance(0.5) ? r.family_name.substr(0, dash) : r.family_name.substr(dash + 1);
    }
    if (person.birth) {
      Date birth = *person.birth;
      if (rng_.chance(rates::kPartnerDateSwap) && birth.day() <= 12 &&
          birth.day() != birth.month()) {
        if (auto swapped = Date::from_ymd(birth.year(), birth.day(), birth.month()))
          birth = *swapped;
      } else if (rng_.chance(rates::kPartnerDateSlip)) {
        birth = rng_.chance(0.5) ? birth.add_days(rng_.chance(0.5) ? 1 : -1)
                                 : birth.add_years(rng_.chance(0.5) ? 1 : -1);
      }
      if (!(kind == "police" && rng_.chance(0.03))) r.date_of_birth = birth.to_iso();
    }
    r.sex = std::string(1, person.sex);
    r.postcode = !person.old_postcode.empty() && rng_.chance(rates::kPartnerOldAddress * 3)
                     ? person.old_postcode
                     : person.postcode;
    if (rng_.chance(0.03)) r.postcode.clear();
    // Who holds the NHS number: health nearly always, police seldom, schools rarely.
    const double nhs_held = kind == "health" ? 0.97 : kind == "police" ? 0.4 : 0.1;
    if (rng_.chance(nhs_held)) {
      r.nhs_number =
          rng_.chance(0.01) ? mistyped_nhs_number(rng_, person.nhs_number) : person.nhs_number;
    }
    if (kind == "education") {
      r.upn = person.upn;
      r.school_urn = person.school_urn;
    }
    const int32_t span = std::max(1, start.days_until(options_.end));
    r.recorded = start.add_days(static_cast<int32_t>(rng_.below(span)));
    r.summary = kind == "police"   ? "Attended an incident; child present"
                : kind == "health" ? "Registered with a GP practice"
                                   : "On roll at a school in the authority";
    out_.truth.push_back({r.id, kind, person.person_id});
    out_.agency_records.push_back(std::move(r));
  }

  // The UPNs already given, the children's first: a stranger never shares a child's.
  std::unordered_set<std::string>& issued_upns() {
    if (issued_upns_.empty()) {
      for (const auto& child : out_.children) {
        if (!child.upn.empty()) issued_upns_.insert(child.upn);
      }
    }
    return issued_upns_;
  }

  const AuthorityProfile& la_;
  const Options& options_;
  Random rng_;
  Dataset& out_;
  std::unordered_set<std::string> issued_upns_;
  std::string police_, health_, education_;
  int64_t counter_ = 0;
};

}  // namespace

void add_partner_view(const AuthorityProfile& authority, const Options& options, Random rng,
                      Dataset& out) {
  if (!options.partner_records) return;
  PartnerView(authority, options, rng, out).run();
}

}  // namespace hearth::synth::detail
