// SSDA903 rules on outcomes: OC2 (children looked after continuously for 12 months at 31 March),
// OC3 (care leavers), and how both agree with the episodes and the adoption data. Source and
// conventions as in ssda903_rules.hpp; each rule's logic follows the open-source validator's
// (data-to-insight/csc-validator-be-903, lac_validator/rules and lac_validator/utils.py), except
// where its code and the DfE's wording differ, which is said at the rule. As in the validator,
// an age is worked out from the OC2 or OC3 row's own DOB, and from the Header's only in 1001 and
// 3001; a date that does not parse counts as blank.
#include <array>
#include <map>
#include <set>
#include <span>

#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;

// The OC2 items of a child looked after for 12 months (181's), and the four every such child has.
constexpr std::array<std::string_view, 8> kOc2Items = {
    "CONVICTED",         "HEALTH_CHECK",     "IMMUNISATIONS",         "TEETH_CHECK",
    "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"};
constexpr std::array<std::string_view, 4> kOc2Core = {"IMMUNISATIONS", "TEETH_CHECK",
                                                      "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"};
// A care leaver's information (OC3), and an adoption's (AD1).
constexpr std::array<std::string_view, 3> kOc3Items = {"IN_TOUCH", "ACTIV", "ACCOM"};
constexpr std::array<std::string_view, 6> kAd1Items = {"DATE_INT",  "DATE_MATCH", "FOSTER_CARE",
                                                       "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"};

bool any_given(const CsvTable& t, size_t r, std::span<const std::string_view> columns) {
  return std::any_of(columns.begin(), columns.end(),
                     [&](std::string_view c) { return !Column(t, c)(r).empty(); });
}
bool any_blank(const CsvTable& t, size_t r, std::span<const std::string_view> columns) {
  return std::any_of(columns.begin(), columns.end(),
                     [&](std::string_view c) { return Column(t, c)(r).empty(); });
}

// The children looked after continuously for at least 12 months at 31 March (the OC2 cohort):
// looked after on 1 April, and no episode that began a period of care after it (RNE S), ended
// one in the year (REC other than X1), or was a short break (V3/V4) in it. Begun on 1 April, a
// period has lasted the 12 months by 31 March; ended on 31 March, it has not lasted to it (DEC
// is the day care ended). The validator's newest helper asks only that the child was looked
// after at some time in the year, and lets a period that ended on 31 March count.
std::set<std::string_view> looked_after_12_months(const Ssda903Context& c) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), decom(t, "DECOM"), dec(t, "DEC"), rne(t, "RNE"), rec(t, "REC"),
      ls(t, "LS");
  std::set<std::string_view> on_1_april, not_continuous;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto from = uk_date(decom(r)), to = uk_date(dec(r));
    const bool open_from_start = !to || *to >= c.start;
    const bool during = from && *from <= c.end && open_from_start;
    const bool started = rne(r) == "S" && from && *from > c.start && *from <= c.end;
    const bool ended = rec(r) != "X1" && to && *to >= c.start && *to <= c.end;
    if (from && *from <= c.start && open_from_start) on_1_april.insert(child(r));
    if (started || ended || (during && in(ls(r), {"V3", "V4"}))) not_continuous.insert(child(r));
  }
  std::set<std::string_view> out;
  for (std::string_view id : on_1_april) {
    if (!not_continuous.contains(id)) out.insert(id);
  }
  return out;
}

// Each OC2 row of a child in the OC2 cohort whose own DOB is a date and `failing(row, born)`.
template <typename F>
void in_cohort(const Ssda903Context& c, Out& out, F&& failing) {
  const auto cohort = looked_after_12_months(c);
  const CsvTable& t = c.table(T::kOc2);
  const Column child(t, "CHILD"), dob(t, "DOB");
  each_row(c, out, T::kOc2, [&](size_t r) {
    const auto born = uk_date(dob(r));
    return cohort.contains(child(r)) && born && failing(r, *born);
  });
}

// Each OC2 row of a child not in the OC2 cohort for which `failing(row)` holds.
template <typename F>
void not_in_cohort(const Ssda903Context& c, Out& out, F&& failing) {
  const auto cohort = looked_after_12_months(c);
  const Column child(c.table(T::kOc2), "CHILD");
  each_row(c, out, T::kOc2, [&](size_t r) { return !cohort.contains(child(r)) && failing(r); });
}

// Each OC3 row with care leaver information for which `failing(row)` holds.
template <typename F>
void care_leavers(const Ssda903Context& c, Out& out, F&& failing) {
  const CsvTable& t = c.table(T::kOc3);
  each_row(c, out, T::kOc3, [&](size_t r) { return any_given(t, r, kOc3Items) && failing(r); });
}

// ----------------------------------------------------------------------------- the rules

void r134(const Ssda903Context& c, Out& out) {
  const CsvTable& oc3 = c.table(T::kOc3);
  const Column leaver(oc3, "CHILD");
  std::set<std::string_view> leavers;
  for (size_t r = 0; r < oc3.rows.size(); ++r) {
    if (any_given(oc3, r, kOc3Items)) leavers.insert(leaver(r));
  }
  const CsvTable& ad1 = c.table(T::kAd1);
  const Column child(ad1, "CHILD");
  each_row(c, out, T::kAd1,
           [&](size_t r) { return leavers.contains(child(r)) && any_given(ad1, r, kAd1Items); });
}

void r153(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc3);
  each_row(c, out, T::kOc3,
           [&](size_t r) { return any_given(t, r, kOc3Items) && any_blank(t, r, kOc3Items); });
}

// The DfE's "or" is an "and" (4 or over at the start and 16 or under at the end: the ages an
// SDQ is for); the validator reads "16 or under" as turning 16 no earlier than 31 March.
void r157(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  const Column score(t, "SDQ_SCORE"), reason(t, "SDQ_REASON");
  in_cohort(c, out, [&](size_t r, Date born) {
    return born.add_years(4) <= c.start && born.add_years(17) > c.end && score(r).empty() &&
           reason(r) == "SDQ1";
  });
}

// 165: MOTHER, when given, is 0 or 1 and the child not male; when not, the child is male, or a
// care leaver (OC3) who was not looked after in the year. Children with episodes other than
// short breaks are judged, as in the validator, which also fails a female care leaver not
// looked after in the year whose MOTHER is given (628's business, not this rule's).
void mother_status(const Ssda903Context& c, Out& out, std::string_view male,
                   std::string_view female) {
  const CsvTable& e = c.table(T::kEpisodes);
  const Column who(e, "CHILD"), ls(e, "LS"), decom(e, "DECOM"), dec(e, "DEC");
  std::map<std::string_view, bool> looked_after_in_year;
  for (size_t r = 0; r < e.rows.size(); ++r) {
    if (in(ls(r), {"V3", "V4"})) continue;
    const auto from = uk_date(decom(r)), to = uk_date(dec(r));
    looked_after_in_year[who(r)] |= from && *from <= c.end && (!to || *to >= c.start);
  }
  const CsvTable& oc3 = c.table(T::kOc3);
  const Column leaver(oc3, "CHILD");
  std::map<std::string_view, size_t> leavers;  // CHILD: OC3 row with care leaver information
  for (size_t r = 0; r < oc3.rows.size(); ++r) {
    if (any_given(oc3, r, kOc3Items)) leavers.emplace(leaver(r), r);
  }
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), sex(h, "SEX"), mother(h, "MOTHER");
  std::set<size_t> oc3_rows;
  each_row(c, out, T::kHeader, [&](size_t r) {
    const auto found = looked_after_in_year.find(child(r));
    if (found == looked_after_in_year.end()) return false;
    const auto leaver_row = leavers.find(child(r));
    const auto m = mother(r);
    const bool failing = m.empty()
                             ? sex(r) == female && (found->second || leaver_row == leavers.end())
                             : (m != "0" && m != "1") || sex(r) == male;
    if (failing && leaver_row != leavers.end()) oc3_rows.insert(leaver_row->second);
    return failing;
  });
  for (size_t r : oc3_rows) fail(c, out, T::kOc3, r);
}
void r165_before_2025(const Ssda903Context& c, Out& out) {
  mother_status(c, out, "1", "2");
}
void r165(const Ssda903Context& c, Out& out) {
  mother_status(c, out, "M", "F");
}

// As the DfE words it: the four are completed, or none of the eight items is (the validator
// also passes a row with some of the four and none of the other four).
void r182(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  each_row(c, out, T::kOc2,
           [&](size_t r) { return any_blank(t, r, kOc2Core) && any_given(t, r, kOc2Items); });
}

void r185(const Ssda903Context& c, Out& out) {
  const Column score(c.table(T::kOc2), "SDQ_SCORE");
  not_in_cohort(c, out, [&](size_t r) { return !score(r).empty(); });
}

// A reason for no score stands in for the score (the validator's code fails a row that has
// either one blank, so every row with a score and no reason).
void r186(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  const Column score(t, "SDQ_SCORE"), reason(t, "SDQ_REASON");
  in_cohort(c, out, [&](size_t r, Date born) {
    return born.add_years(4) <= c.start && born.add_years(17) > c.end && score(r).empty() &&
           reason(r).empty();
  });
}

void r187(const Ssda903Context& c, Out& out) {
  const auto cohort = looked_after_12_months(c);
  for (T table : {T::kOc3, T::kAd1}) {
    const CsvTable& t = c.table(table);
    const Column child(t, "CHILD");
    const auto items = table == T::kOc3 ? std::span<const std::string_view>(kOc3Items)
                                        : std::span<const std::string_view>(kAd1Items);
    each_row(c, out, table,
             [&](size_t r) { return cohort.contains(child(r)) && any_given(t, r, items); });
  }
}

void r190(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  not_in_cohort(c, out, [&](size_t r) { return any_given(t, r, kOc2Items); });
}

// 191: an OC2 row with one of the four blank, or a child of the cohort with no OC2 row at all
// (reported at the child's first episode).
void r191(const Ssda903Context& c, Out& out) {
  const auto cohort = looked_after_12_months(c);
  const CsvTable& t = c.table(T::kOc2);
  const Column outcome_child(t, "CHILD");
  each_row(c, out, T::kOc2, [&](size_t r) {
    return cohort.contains(outcome_child(r)) && any_blank(t, r, kOc2Core);
  });
  const auto with_oc2 = children(t);
  for (const auto& [child, rows] : episodes_by_child(c)) {
    if (cohort.contains(child) && !with_oc2.contains(child)) {
      fail(c, out, T::kEpisodes, rows.front().second);
    }
  }
}

// Turning 4 or 17 in the year.
// A 17th birthday on 1 April is "17 at the beginning of the year", whose SDQ 189 forbids: only
// a later one asks for it here.
void r197b(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  const Column score(t, "SDQ_SCORE"), reason(t, "SDQ_REASON");
  auto in_year = [&](Date d) { return d >= c.start && d <= c.end; };
  in_cohort(c, out, [&](size_t r, Date born) {
    const Date seventeen = born.add_years(17);
    return (in_year(born.add_years(4)) || (in_year(seventeen) && seventeen > c.start)) &&
           score(r).empty() && reason(r).empty();
  });
}

void r198(const Ssda903Context& c, Out& out) {
  const Column reason(c.table(T::kOc2), "SDQ_REASON");
  not_in_cohort(c, out, [&](size_t r) { return !reason(r).empty(); });
}

// 215: the care leaver's OC3 row and the OC2 row with the items.
void r215(const Ssda903Context& c, Out& out) {
  const CsvTable& oc2 = c.table(T::kOc2);
  const Column outcome_child(oc2, "CHILD");
  std::map<std::string_view, std::vector<size_t>> outcomes;  // CHILD: OC2 rows with items
  for (size_t r = 0; r < oc2.rows.size(); ++r) {
    if (any_given(oc2, r, kOc2Items)) outcomes[outcome_child(r)].push_back(r);
  }
  const Column child(c.table(T::kOc3), "CHILD");
  std::set<size_t> oc2_rows;
  care_leavers(c, out, [&](size_t r) {
    const auto found = outcomes.find(child(r));
    if (found == outcomes.end()) return false;
    oc2_rows.insert(found->second.begin(), found->second.end());
    return true;
  });
  for (size_t r : oc2_rows) fail(c, out, T::kOc2, r);
}

// As the DfE words it: activity or accommodation completed with other than 0 (the validator's
// code also fails one left blank, which 153 reports).
void r344(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc3);
  const Column in_touch(t, "IN_TOUCH"), activity(t, "ACTIV"), accommodation(t, "ACCOM");
  auto completed = [](std::string_view v) { return !v.empty() && v != "0"; };
  each_row(c, out, T::kOc3, [&](size_t r) {
    return in(in_touch(r), {"DIED", "RHOM"}) &&
           (completed(activity(r)) || completed(accommodation(r)));
  });
}

void r345(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc3);
  const Column in_touch(t, "IN_TOUCH"), activity(t, "ACTIV"), accommodation(t, "ACCOM");
  each_row(c, out, T::kOc3, [&](size_t r) {
    return in_touch(r) == "YES" && (activity(r) == "0" || accommodation(r) == "0");
  });
}

// A foyer is ACCOM T1 or T2 (the validator compares with "T", which no code is). Under 18 on
// the first day of the year, as in the validator.
void r347(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc3);
  const Column accommodation(t, "ACCOM"), dob(t, "DOB");
  each_row(c, out, T::kOc3, [&](size_t r) {
    const auto born = uk_date(dob(r));
    return in(accommodation(r), {"T1", "T2"}) && born && born->add_years(18) > c.start;
  });
}

// Last year's return gave the care leaver as having died (IN_TOUCH DIED), this year's does not.
void r348(const Ssda903Context& c, Out& out) {
  const CsvTable& last = c.previous(T::kOc3);
  const Column leaver(last, "CHILD"), in_touch_then(last, "IN_TOUCH");
  std::set<std::string_view> died;
  for (size_t r = 0; r < last.rows.size(); ++r) {
    if (in_touch_then(r) == "DIED") died.insert(leaver(r));
  }
  const CsvTable& t = c.table(T::kOc3);
  const Column child(t, "CHILD"), in_touch(t, "IN_TOUCH");
  each_row(c, out, T::kOc3,
           [&](size_t r) { return died.contains(child(r)) && in_touch(r) != "DIED"; });
}

// Under 17 at the end of the year, as the DfE codes it (a care leaver past 21 is not judged).
void r391(const Ssda903Context& c, Out& out) {
  const Column dob(c.table(T::kOc3), "DOB");
  care_leavers(c, out, [&](size_t r) {
    const auto born = uk_date(dob(r));
    return born && born->add_years(17) > c.end;
  });
}

void r542(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  const Column dob(t, "DOB"), convicted(t, "CONVICTED");
  each_row(c, out, T::kOc2, [&](size_t r) {
    const auto born = uk_date(dob(r));
    return born && born->add_years(10) > c.end && !convicted(r).empty();
  });
}

// As the DfE words it: 10 on 31 March is "10 or over" (the validator's code starts at the day
// after the 10th birthday).
void r543(const Ssda903Context& c, Out& out) {
  const Column convicted(c.table(T::kOc2), "CONVICTED");
  in_cohort(c, out, [&](size_t r, Date born) {
    return born.add_years(10) <= c.end && convicted(r).empty();
  });
}

// As the DfE words it: conviction information completed, 0 or 1 (the validator's code only
// judges a 1).
void r544(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  const Column convicted(t, "CONVICTED");
  each_row(c, out, T::kOc2,
           [&](size_t r) { return !convicted(r).empty() && any_blank(t, r, kOc2Core); });
}

void r545(const Ssda903Context& c, Out& out) {
  const Column health_check(c.table(T::kOc2), "HEALTH_CHECK");
  in_cohort(c, out, [&](size_t r, Date born) {
    return born.add_years(5) > c.end && health_check(r).empty();
  });
}

// Children of the OC2 cohort, as the DfE codes it.
void r546(const Ssda903Context& c, Out& out) {
  const Column health_check(c.table(T::kOc2), "HEALTH_CHECK");
  in_cohort(c, out, [&](size_t r, Date born) {
    return born.add_years(5) <= c.end && !health_check(r).empty();
  });
}

// As the DfE words it: health promotion information completed, 0 or 1 (the validator's code
// only judges a 1).
void r547(const Ssda903Context& c, Out& out) {
  const CsvTable& t = c.table(T::kOc2);
  const Column health_check(t, "HEALTH_CHECK");
  each_row(c, out, T::kOc2,
           [&](size_t r) { return !health_check(r).empty() && any_blank(t, r, kOc2Core); });
}

// The rules of a care leaver's information (215, 391, 1000-1011, 1014, 1016) judge only OC3 rows
// that have some: in a blank row nothing "should not have been completed" (the validator judges
// every OC3 row in 1000, 1001, 1002 and 1010).

// Last year's episodes are read when last year's return was given (the rule runs without them).
void r1000(const Ssda903Context& c, Out& out) {
  std::set<std::string_view> died;
  auto add = [&](const CsvTable& t) {
    const Column child(t, "CHILD"), rec(t, "REC");
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (rec(r) == "E2") died.insert(child(r));
    }
  };
  add(c.table(T::kEpisodes));
  if (c.files.previous.contains(T::kEpisodes)) add(c.previous(T::kEpisodes));
  const Column child(c.table(T::kOc3), "CHILD");
  care_leavers(c, out, [&](size_t r) { return died.contains(child(r)); });
}

// 1001: a relevant or former relevant child was looked after for at least 13 weeks (91 days)
// after their 14th birthday, some of it after their 16th, other than in short breaks (V3/V4),
// and was not adopted at the end (E11, E12). Both years' episodes are counted, an episode in
// both once (from the return that gives its end); the child's latest one, if still open, runs to
// 31 March.
//
// 1001 and 1002 judge only care leavers whose 17th birthday is in the year: their 16th was in
// last year's, and a relevant child was looked after after it, so the two returns hold the
// episodes the rules look for. An older care leaver may have left care before last year's
// return began, which the rules' own note warns of; the DfE, holding every year, judges them,
// and Hearth, given two years' files, does not (the synthetic authority's 19- to 21-year-olds
// failed them by the hundred). Care leavers with no date of birth are not judged.
bool seventeen_in_year(const Ssda903Context& c, std::optional<Date> born) {
  if (!born) return false;
  const Date seventeen = born->add_years(17);
  return seventeen >= c.start && seventeen <= c.end;
}

void r1001(const Ssda903Context& c, Out& out) {
  const CsvTable& now = c.table(T::kEpisodes);
  const CsvTable& last = c.previous(T::kEpisodes);
  if (now.rows.empty() || last.rows.empty()) return;  // the validator's guard, as it has it
  struct Episode {
    std::optional<Date> to;
    std::string_view ls, rec, rne;
  };
  std::map<std::string_view, std::map<Date, Episode>> episodes;  // CHILD: DECOM: episode
  for (const CsvTable* t : {&now, &last}) {
    const Column child(*t, "CHILD"), decom(*t, "DECOM"), dec(*t, "DEC"), ls(*t, "LS"),
        rec(*t, "REC"), rne(*t, "RNE");
    for (size_t r = 0; r < t->rows.size(); ++r) {
      const auto from = uk_date(decom(r));
      if (!from) continue;
      const Episode e{uk_date(dec(r)), ls(r), rec(r), rne(r)};
      auto [it, added] = episodes[child(r)].emplace(*from, e);
      if (!added && e.to && (!it->second.to || *e.to < *it->second.to)) it->second = e;
    }
  }
  const auto births = header_births(c);
  const Column child(c.table(T::kOc3), "CHILD");
  care_leavers(c, out, [&](size_t r) {
    const auto birth = births.find(child(r));
    if (birth == births.end() || !seventeen_in_year(c, birth->second)) return false;
    const Date at_14 = birth->second.add_years(14), at_16 = birth->second.add_years(16);
    const auto found = episodes.find(child(r));
    if (found == episodes.end()) return true;
    int32_t after_14 = 0, after_16 = 0;
    for (const auto& [from, e] : found->second) {
      const bool latest = from == found->second.rbegin()->first;
      const auto to = e.to ? e.to : latest ? std::optional<Date>(c.end) : std::nullopt;
      if (!to || in(e.ls, {"V3", "V4"})) continue;
      after_14 += std::max(0, std::max(from, at_14).days_until(*to));
      after_16 += std::max(0, std::max(from, at_16).days_until(*to));
    }
    const bool adopted = in(found->second.rbegin()->second.rec, {"E11", "E12"});
    // A period of care that began before last year's return (its first episode there is not
    // a start, S) may hold the 13 weeks the files cannot show: not judged on them.
    if (found->second.begin()->second.rne != "S") return adopted;
    return adopted || after_14 < 91 || after_16 < 1;
  });
}

void r1002(const Ssda903Context& c, Out& out) {
  const auto now = children(c.table(T::kEpisodes)), last = children(c.previous(T::kEpisodes));
  const Column child(c.table(T::kOc3), "CHILD"), dob(c.table(T::kOc3), "DOB");
  care_leavers(c, out, [&](size_t r) {
    return seventeen_in_year(c, uk_date(dob(r))) && !now.contains(child(r)) &&
           !last.contains(child(r));
  });
}

// As the DfE words it: looked after on the 17th or 18th birthday, by an episode that ended after
// it or is still open (the validator's code leaves out open episodes).
void r1007(const Ssda903Context& c, Out& out) {
  const CsvTable& e = c.table(T::kEpisodes);
  const Column who(e, "CHILD"), decom(e, "DECOM"), dec(e, "DEC");
  std::map<std::string_view, std::vector<std::pair<Date, std::optional<Date>>>> spells;
  for (size_t r = 0; r < e.rows.size(); ++r) {
    if (auto from = uk_date(decom(r))) spells[who(r)].emplace_back(*from, uk_date(dec(r)));
  }
  const CsvTable& t = c.table(T::kOc3);
  const Column child(t, "CHILD"), dob(t, "DOB");
  care_leavers(c, out, [&](size_t r) {
    const auto born = uk_date(dob(r));
    const auto found = spells.find(child(r));
    if (!born || found == spells.end()) return false;
    const int age = c.end.years_since(*born);
    if (age != 17 && age != 18) return false;
    const Date birthday = born->add_years(age);
    return std::any_of(found->second.begin(), found->second.end(), [&](const auto& spell) {
      return spell.first <= birthday && (!spell.second || *spell.second > birthday);
    });
  });
}

void r1010(const Ssda903Context& c, Out& out) {
  const auto now = children(c.table(T::kEpisodes));
  const CsvTable& last = c.previous(T::kEpisodes);
  const Column last_end(last, "DEC");
  std::set<std::string_view> open_last;
  for (const auto& [child, rows] : by_child_and_date(last, "DECOM")) {
    if (last_end(rows.back().second).empty()) open_last.insert(child);
  }
  const Column child(c.table(T::kOc3), "CHILD");
  care_leavers(c, out,
               [&](size_t r) { return !now.contains(child(r)) && open_last.contains(child(r)); });
}

void r1011(const Ssda903Context& c, Out& out) {
  const Column rec(c.table(T::kEpisodes), "REC");
  std::set<std::string_view> transferred;
  for (const auto& [child, rows] : episodes_by_child(c)) {
    if (rec(rows.back().second) == "E3") transferred.insert(child);
  }
  const Column child(c.table(T::kOc3), "CHILD");
  care_leavers(c, out, [&](size_t r) { return transferred.contains(child(r)); });
}

// As the DfE words it: children of OC3 (the validator's code fails any child without episodes).
void r1012(const Ssda903Context& c, Out& out) {
  const auto with_episodes = children(c.table(T::kEpisodes));
  std::set<std::string_view> leavers;
  for (std::string_view id : children(c.table(T::kOc3))) {
    if (!with_episodes.contains(id)) leavers.insert(id);
  }
  for (T table : {T::kPlacedAdoption, T::kMissing, T::kReviews, T::kAd1, T::kPrevPerm, T::kOc2}) {
    if (!c.files.current.contains(table)) continue;
    const Column child(c.table(table), "CHILD");
    each_row(c, out, table, [&](size_t r) { return leavers.contains(child(r)); });
  }
}

// 1014: a care leaver (OC3 information, no episode in the year) in the UASC table, reported at
// both rows. As the DfE words it: the validator's code only judges children with episodes.
void r1014(const Ssda903Context& c, Out& out) {
  const CsvTable& e = c.table(T::kEpisodes);
  const Column who(e, "CHILD"), decom(e, "DECOM"), dec(e, "DEC");
  std::set<std::string_view> in_year;
  for (size_t r = 0; r < e.rows.size(); ++r) {
    const auto from = uk_date(decom(r)), to = uk_date(dec(r));
    if (from && *from <= c.end && (!to || *to >= c.start)) in_year.insert(who(r));
  }
  const CsvTable& oc3 = c.table(T::kOc3);
  const Column leaver(oc3, "CHILD");
  std::map<std::string_view, size_t> leavers;  // CHILD: OC3 row
  for (size_t r = 0; r < oc3.rows.size(); ++r) {
    if (any_given(oc3, r, kOc3Items) && !in_year.contains(leaver(r))) leavers.emplace(leaver(r), r);
  }
  const Column child(c.table(T::kUasc), "CHILD");
  std::set<size_t> oc3_rows;
  each_row(c, out, T::kUasc, [&](size_t r) {
    const auto found = leavers.find(child(r));
    if (found == leavers.end()) return false;
    oc3_rows.insert(found->second);
    return true;
  });
  for (size_t r : oc3_rows) fail(c, out, T::kOc3, r);
}

// 17 at 31 March and ceased on or after the 17th birthday, or 18 and on or after the 18th. An
// episode that ended X1 (another began that day) is not ceasing to be looked after.
void r1016(const Ssda903Context& c, Out& out) {
  const CsvTable& e = c.table(T::kEpisodes);
  const Column who(e, "CHILD"), dec(e, "DEC"), rec(e, "REC");
  std::map<std::string_view, std::vector<Date>> ended;
  for (size_t r = 0; r < e.rows.size(); ++r) {
    auto to = uk_date(dec(r));
    if (to && rec(r) != "X1") ended[who(r)].push_back(*to);
  }
  const CsvTable& t = c.table(T::kOc3);
  const Column child(t, "CHILD"), dob(t, "DOB");
  care_leavers(c, out, [&](size_t r) {
    const auto born = uk_date(dob(r));
    const auto found = ended.find(child(r));
    if (!born || found == ended.end()) return false;
    const int age = c.end.years_since(*born);
    if (age != 17 && age != 18) return false;
    const Date birthday = born->add_years(age);
    return std::any_of(found->second.begin(), found->second.end(),
                       [&](Date to) { return to >= birthday; });
  });
}

void r3001(const Ssda903Context& c, Out& out) {
  const auto births = header_births(c);
  const CsvTable& t = c.table(T::kOc3);
  const Column child(t, "CHILD"), accommodation(t, "ACCOM");
  each_row(c, out, T::kOc3, [&](size_t r) {
    const auto birth = births.find(child(r));
    if (birth == births.end() || !in(accommodation(r), {"Z1", "Z2"})) return false;
    const Date at_17 = birth->second.add_years(17);
    return at_17 >= c.start && at_17 <= c.end;
  });
}

}  // namespace

std::vector<Ssda903Rule> ssda903_outcome_rules() {
  return {
      {"134",
       "Data on adoption should not be entered for the OC3 cohort.",
       {"ACCOM", "ACTIV", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "IN_TOUCH", "LS_ADOPTR",
        "NB_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1, T::kOc3},
       kAny,
       kOpen,
       r134},
      {"153",
       "All data items relating to a child's activity or accommodation after leaving care must be "
       "coded or left blank.",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kOc3},
       kAny,
       kOpen,
       r153},
      {"157",
       "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
       "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the "
       "reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
       {"DOB", "SDQ_REASON"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r157},
      {"165",
       "Data entry for mother status is invalid.",
       {"ACCOM", "ACTIV", "DECOM", "IN_TOUCH", "MOTHER", "SEX"},
       {T::kEpisodes, T::kHeader, T::kOc3},
       kAny,
       2024,
       r165_before_2025},
      {"165",
       "Data entry for mother status is invalid.",
       {"ACCOM", "ACTIV", "DECOM", "IN_TOUCH", "MOTHER", "SEX"},
       {T::kEpisodes, T::kHeader, T::kOc3},
       2025,
       kOpen,
       r165},
      {"182",
       "Data entries on immunisations, teeth checks, health assessments and substance misuse "
       "problem identified should be completed or all OC2 fields should be left blank.",
       {"CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "INTERVENTION_OFFERED",
        "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK"},
       {T::kOc2},
       kAny,
       kOpen,
       r182},
      {"185",
       "Child has not been looked after continuously for at least 12 months at 31 March but a "
       "Strengths and Difficulties (SDQ) score has been completed.",
       {"SDQ_SCORE"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r185},
      {"186",
       "Children aged 4 or over at the start of the year and children aged under 17 at the end of "
       "the year and who have been looked after for at least 12 months continuously should have a "
       "Strengths and Difficulties (SDQ) score completed.",
       {"SDQ_SCORE"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r186},
      {"187",
       "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of "
       "adoption or care leavers returns completed.",
       {"ACCOM", "ACTIV", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "IN_TOUCH", "LS_ADOPTR",
        "NB_ADOPTR", "SEX_ADOPTR"},
       {T::kAd1, T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r187},
      {"190",
       "Child has not been looked after continuously for at least 12 months at 31 March but one or "
       "more data items relating to children looked after for 12 months have been completed.",
       {"CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "INTERVENTION_OFFERED",
        "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r190},
      {"191",
       "Child has been looked after continuously for at least 12 months at 31 March but one or "
       "more data items relating to children looked after for 12 months have been left blank.",
       {"CHILD", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r191},
      {"197B",
       "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
       {"DOB", "SDQ_REASON"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r197b},
      {"198",
       "Child has not been looked after continuously for at least 12 months at 31 March but a "
       "reason for no Strengths and Difficulties (SDQ) score has been completed. ",
       {"SDQ_REASON"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r198},
      {"215",
       "Child has care leaver information but one or more data items relating to children looked "
       "after for 12 months have been completed.",
       {"ACCOM", "ACTIV", "CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS",
        "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "IN_TOUCH", "SUBSTANCE_MISUSE",
        "TEETH_CHECK"},
       {T::kOc2, T::kOc3},
       kAny,
       kOpen,
       r215},
      {"344",
       "The record shows the young person has died or returned home to live with parent(s) or "
       "someone with parental responsibility for a continuous period of 6 months or more, but "
       "activity and/or accommodation on leaving care have been completed.",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kOc3},
       kAny,
       kOpen,
       r344},
      {"345",
       "The data collection record shows the local authority is in touch with this young person, "
       "but activity and/or accommodation data items are zero.",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kOc3},
       kAny,
       kOpen,
       r345},
      // From 2023-24. The fields are as the DfE lists them, though none is an OC3 column.
      {"347",
       "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
       {"DEC", "PLACE", "URN"},
       {T::kOc3},
       2024,
       kOpen,
       r347},
      // Last year's OC3 (previous/).
      {"348",
       "Care leaver has previously been reported as having died. ",
       {"IN_TOUCH"},
       {T::kOc3},
       2026,
       kOpen,
       r348,
       {T::kOc3}},
      {"391",
       "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
       {"ACCOM", "ACTIV", "DOB", "IN_TOUCH"},
       {T::kOc3},
       kAny,
       kOpen,
       r391},
      {"542",
       "A child aged under 10 at 31 March should not have conviction information completed.",
       {"CONVICTED"},
       {T::kOc2},
       kAny,
       kOpen,
       r542},
      {"543",
       "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months "
       "yet conviction information has not been completed.",
       {"CONVICTED", "DOB"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r543},
      {"544",
       "Any child who has conviction information completed must also have immunisation, teeth "
       "check, health assessment and substance misuse problem identified fields completed.",
       {"CONVICTED", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK"},
       {T::kOc2},
       kAny,
       kOpen,
       r544},
      {"545",
       "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet "
       "health promotion information has not been completed.",
       {"DOB", "HEALTH_CHECK"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r545},
      {"546",
       "Children aged 5 or over at 31 March should not have health promotion information "
       "completed.",
       {"DOB", "HEALTH_CHECK"},
       {T::kEpisodes, T::kOc2},
       kAny,
       kOpen,
       r546},
      {"547",
       "Any child who has health promotion information completed must also have immunisation, "
       "teeth check, health assessment and substance misuse problem identified fields completed.",
       {"HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK"},
       {T::kOc2},
       kAny,
       kOpen,
       r547},
      {"1000",
       "This child is recorded as having died in care and therefore should not have the care "
       "leaver information completed. [NOTE: This only tests the current and previous year data "
       "loaded into the tool]",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r1000},
      {"1001",
       "The episodes recorded for this young person suggest they are not a relevant or a former "
       "relevant child and therefore should not have care leaver information completed. [NOTE: "
       "This tool can only test the current and previous year data loaded into the tool - this "
       "check may generate false positives if a child had episodes prior to last year's "
       "collection.]",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kHeader, T::kOc3},
       kAny,
       kOpen,
       r1001,
       {T::kEpisodes}},
      {"1002",
       "This child has no previous episodes of care, therefore should not have care leaver "
       "information recorded. [NOTE: This tool can only test the current and previous year data "
       "loaded into the tool - this check may generate false positives if a child had episodes "
       "prior to last year's collection.]",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r1002,
       {T::kEpisodes}},
      {"1007",
       "Care leaver information is not required for 17- or 18-year olds who are still looked "
       "after [on their 17th or 18th birthday.]",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r1007},
      {"1010",
       "This child has no episodes loaded for current year even though there was an open episode "
       "of care at the end of the previous year, and care leaver data has been entered.",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r1010,
       {T::kEpisodes}},
      {"1011",
       "This child is recorded as having his/her care transferred to another local authority for "
       "the final episode and therefore should not have the care leaver information completed.",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r1011},
      {"1012",
       "No other data should be returned for OC3 children who had no episodes in the current year",
       {"CHILD"},
       {T::kEpisodes, T::kOc3},
       kAny,
       kOpen,
       r1012},
      {"1014",
       "UASC information is not required for care leavers",
       {"ACCOM", "ACTIV", "DUC", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3, T::kUasc},
       kAny,
       kOpen,
       r1014},
      // From 2023-24.
      {"1016",
       "Care leaver information is not required for 17- or 18-year olds who cease to be looked "
       "after, after their birthday.",
       {"ACCOM", "ACTIV", "IN_TOUCH"},
       {T::kEpisodes, T::kOc3},
       2024,
       kOpen,
       r1016},
      // The field is as the DfE lists it, though it is not an OC3 column.
      {"3001",
       "Where care leavers information is being returned for a young person around their 17th "
       "birthday, the accommodation cannot be with their former foster carer(s).",
       {"REC"},
       {T::kHeader, T::kOc3},
       kAny,
       kOpen,
       r3001},
  };
}

}  // namespace hearth::returns
