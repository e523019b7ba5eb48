// The CIN census of an authority's records as at 31 March (export_cin_census, cin_census.hpp).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "hearth/core/date.hpp"
#include "hearth/returns/cin_census.hpp"

namespace hearth::returns {

using M = CinModule;

namespace {

using core::Date;

std::string iso(const std::optional<Date>& date) {
  return date ? date->to_iso() : std::string();
}

// The date if it is on or before `end`, else none: the census is as things stood on 31 March.
std::optional<Date> by(const std::optional<Date>& date, Date end) {
  return date && *date <= end ? date : std::nullopt;
}

// Open on some day of [start, end].
bool open_in(Date from, const std::optional<Date>& to, Date start, Date end) {
  return from <= end && (!to || *to >= start);
}

std::string boolean(bool value) {
  return value ? "true" : "false";
}

template <typename T>
std::unordered_map<std::string, std::vector<const T*>> by_referral(const std::vector<T>& items) {
  std::unordered_map<std::string, std::vector<const T*>> out;
  for (const auto& item : items) out[item.referral_id].push_back(&item);
  for (auto& [id, list] : out) {
    std::stable_sort(list.begin(), list.end(),
                     [](const T* a, const T* b) { return a->start_date < b->start_date; });
  }
  return out;
}

void add(CsvTable& t, std::vector<std::string> row) {
  t.rows.push_back(std::move(row));
  t.lines.push_back(0);
}

std::string date_time(core::Timestamp at) {
  // xs:dateTime to the second: "2026-05-01T09:30:00".
  return at.to_iso().substr(0, 19);
}

}  // namespace

std::set<std::string> cin_census_children(const AuthorityRecords& records, int year) {
  const Date start = core::collection_year_start(year);
  const Date end = core::collection_year_end(year);
  std::unordered_set<std::string_view> referred;  // as export_cin_census picks its children
  for (const auto& r : records.referrals) {
    if (open_in(r.referral_date, r.closure_date, start, end)) referred.insert(r.child_id);
  }
  std::set<std::string> named;
  for (const auto& child : records.children) {
    if (referred.contains(child.id)) named.insert(child.id);
  }
  return named;
}

CinCensus export_cin_census(const AuthorityRecords& records, int year, core::Timestamp produced) {
  const Date start = core::collection_year_start(year);
  const Date end = core::collection_year_end(year);
  CinCensus census = empty_cin_census(year, std::string(kCinCensusFile));
  add(census.table(M::kHeader), {"CIN", std::to_string(year), end.to_iso(), "L", records.la_code,
                                 "Hearth", "0.1.0", "001", date_time(produced)});

  std::unordered_map<std::string, std::vector<const domain::Referral*>> referrals_of;
  for (const auto& r : records.referrals) {
    if (open_in(r.referral_date, r.closure_date, start, end))
      referrals_of[r.child_id].push_back(&r);
  }
  const auto assessments = by_referral(records.assessments);
  const auto plans = by_referral(records.cin_plans);
  const auto enquiries = by_referral(records.section47_enquiries);
  const auto protection = by_referral(records.protection_plans);
  auto of = [](const auto& index, const std::string& id) {
    using List = typename std::decay_t<decltype(index)>::mapped_type;
    static const List kNone;
    auto found = index.find(id);
    return found == index.end() ? &kNone : &found->second;
  };

  int details_count = 0, assessment_count = 0, plan_count = 0;
  for (const auto& child : records.children) {
    auto found = referrals_of.find(child.id);
    if (found == referrals_of.end()) continue;
    auto& referrals = found->second;
    std::stable_sort(referrals.begin(), referrals.end(), [](const auto* a, const auto* b) {
      return a->referral_date < b->referral_date;
    });
    const auto born = by(child.date_of_birth, end);
    const std::string number = std::to_string(census.table(M::kChildIdentifiers).rows.size() + 1);
    add(census.table(M::kChildIdentifiers),
        {child.id, child.upn, child.former_upn, child.upn.empty() ? child.upn_unknown : "",
         iso(born), born ? "" : iso(child.expected_date_of_birth), born ? child.sex : "U",
         iso(by(child.date_of_death, end)), number});
    add(census.table(M::kChildCharacteristics), {child.id, child.ethnicity, number});
    for (const auto& d : child.disabilities) {
      add(census.table(M::kDisabilities), {child.id, d, number});
    }

    for (const domain::Referral* r : referrals) {
      const std::string detail_id = std::to_string(++details_count);
      const bool closed = r->closure_date && *r->closure_date <= end;
      std::vector<const domain::Section47Enquiry*> s47;
      for (const auto* s : *of(enquiries, r->id)) {
        const auto icpc = by(s->icpc_date, end);
        if ((s->start_date >= start && s->start_date <= end) || (icpc && *icpc >= start)) {
          s47.push_back(s);
        }
      }
      add(census.table(M::kCinDetails),
          {child.id, detail_id, r->referral_date.to_iso(), r->source, r->primary_need,
           closed ? iso(r->closure_date) : "", closed ? r->reason_for_closure : "",
           s47.empty() ? iso(by(r->initial_cpc_date, end)) : "", boolean(r->no_further_action),
           number});
      for (const auto* a : *of(assessments, r->id)) {
        if (!open_in(a->start_date, a->authorisation_date, start, end)) continue;
        const std::string assessment_id = std::to_string(++assessment_count);
        const auto authorised = by(a->authorisation_date, end);
        add(census.table(M::kAssessments),
            {child.id, detail_id, assessment_id, a->start_date.to_iso(),
             iso(by(a->internal_review_date, end)), iso(authorised)});
        if (!authorised) continue;  // factors are known when the assessment is authorised
        for (const auto& f : a->factors) {
          add(census.table(M::kAssessmentFactors), {child.id, detail_id, assessment_id, f});
        }
      }
      for (const auto* p : *of(plans, r->id)) {
        if (!open_in(p->start_date, p->end_date, start, end)) continue;
        add(census.table(M::kCinPlanDates),
            {child.id, detail_id, p->start_date.to_iso(), iso(by(p->end_date, end))});
      }
      for (const auto* s : s47) {
        add(census.table(M::kSection47),
            {child.id, detail_id, s->start_date.to_iso(), iso(s->icpc_target_date),
             iso(by(s->icpc_date, end)), boolean(s->icpc_not_required)});
      }
      for (const auto* p : *of(protection, r->id)) {
        if (!open_in(p->start_date, p->end_date, start, end)) continue;
        const std::string plan_id = std::to_string(++plan_count);
        add(census.table(M::kChildProtectionPlans),
            {child.id, detail_id, plan_id, p->start_date.to_iso(), iso(by(p->end_date, end)),
             p->initial_category, p->latest_category, std::to_string(p->previous_plans)});
        for (const Date& review : p->review_dates) {
          if (review >= start && review <= end) {
            add(census.table(M::kReviews), {child.id, detail_id, plan_id, review.to_iso()});
          }
        }
      }
    }
  }
  return census;
}

}  // namespace hearth::returns
