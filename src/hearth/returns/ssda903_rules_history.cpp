// SSDA903 rules on the child's own details: the Header (UPN, mother), UASC status, what each
// table says of the child's date of birth and sex against the Header, whether the child has
// episodes, and the same details against last year's return (previous/). Source and conventions
// as in ssda903_rules.hpp; each rule's logic follows the open-source validator's
// (data-to-insight/csc-validator-be-903, lac_validator/rules), except where its code and the
// DfE's wording differ, which is said at the rule.
//
// UASC status: Hearth's Header has no UASC column (ssda903.cpp), so a child is identified as
// UASC in a year by a row in that year's UASC table, as the validator's own CSV reader marks the
// Header. Rules 105 (the Header's UASC code), 205C and 303 (a date UASC ceased for a child not
// identified as UASC) therefore cannot fail in this layout and are not here.
#include <set>
#include <unordered_set>

#include "hearth/core/text.hpp"
#include "hearth/domain/values.hpp"
#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;

// ----------------------------------------------------------------------------- shared shapes

// A column of a table by CHILD (a child's first row).
std::unordered_map<std::string_view, std::string_view> by_child(const CsvTable& t,
                                                                std::string_view column) {
  const Column child(t, "CHILD"), value(t, column);
  std::unordered_map<std::string_view, std::string_view> out;
  for (size_t r = 0; r < t.rows.size(); ++r) out.emplace(child(r), value(r));
  return out;
}

// Each Header row whose child was in last year's Header and whose `column` does not agree with
// last year's by `same(now, before)`.
template <typename Same>
void disagrees_with_last_year(const Ssda903Context& c, Out& out, std::string_view column,
                              Same same) {
  const auto before = by_child(c.previous(T::kHeader), column);
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), value(h, column);
  each_row(c, out, T::kHeader, [&](size_t r) {
    auto found = before.find(child(r));
    return found != before.end() && !same(value(r), found->second);
  });
}

// SEX was 1 (male) and 2 (female) until 2023-24: last year's code in this year's terms.
std::string_view sex_code(std::string_view sex) {
  if (sex == "1") return "M";
  if (sex == "2") return "F";
  return sex;
}

// The children with an episode under a legal status other than V3 or V4 (short breaks): those
// looked after for more than respite.
std::unordered_set<std::string_view> beyond_short_breaks(const Ssda903Context& c) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), ls(t, "LS");
  std::unordered_set<std::string_view> out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (!in(ls(r), {"V3", "V4"})) out.insert(child(r));
  }
  return out;
}

// The table's DOB is a date other than the Header's (a date that does not parse is 102's).
void dob_as_in_header(const Ssda903Context& c, Out& out, T table) {
  const auto births = header_births(c);
  const CsvTable& t = c.table(table);
  const Column child(t, "CHILD"), dob(t, "DOB");
  each_row(c, out, table, [&](size_t r) {
    auto born = uk_date(dob(r));
    auto found = births.find(child(r));
    return born && found != births.end() && *born != found->second;
  });
}

// 393: a girl looked after (beyond short breaks) whose MOTHER is blank.
void mother_blank(const Ssda903Context& c, Out& out, std::string_view female) {
  const auto looked_after = beyond_short_breaks(c);
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), sex(h, "SEX"), mother(h, "MOTHER");
  each_row(c, out, T::kHeader, [&](size_t r) {
    return sex(r) == female && mother(r).empty() && looked_after.contains(child(r));
  });
}

// ----------------------------------------------------------------------------- the rules

// A UPN as the DfE defines it: its check letter, 11 digits, then a digit or (a temporary UPN) a
// letter (domain::Upn). The validator checks the shape alone, not the check letter. Upper case
// only, as for every code of the return (103).
void r168(const Ssda903Context& c, Out& o) {
  const Column upn(c.table(T::kHeader), "UPN");
  each_row(c, o, T::kHeader, [&](size_t r) {
    const auto u = upn(r);
    const bool valid = u.size() == 13 && domain::Upn::check_letter(u.substr(1)) == u[0];
    return !u.empty() && !valid && !in(u, {"UN1", "UN2", "UN3", "UN4", "UN5"});
  });
}
void r202(const Ssda903Context& c, Out& o) {
  disagrees_with_last_year(c, o, "SEX", [](std::string_view now, std::string_view before) {
    return sex_code(now) == sex_code(before);
  });
}
void r203(const Ssda903Context& c, Out& o) {
  disagrees_with_last_year(c, o, "DOB", [](std::string_view now, std::string_view before) {
    return uk_date(now) == uk_date(before);
  });
}
void r204(const Ssda903Context& c, Out& o) {
  disagrees_with_last_year(c, o, "ETHNIC", [](std::string_view now, std::string_view before) {
    return core::ascii_lower(now) == core::ascii_lower(before);
  });
}
// 205A: UASC last year (a row in last year's UASC table), not this year (in the Header, not the
// UASC table), so the status ceased last year: last year's DUC must fall in last year. The
// validator starts from this year's UASC rows, which in a CSV return are all UASC children; as
// the DfE words it, the children it means are the ones with no row this year.
void r205a(const Ssda903Context& c, Out& o) {
  const auto now = children(c.table(T::kUasc));
  const auto ceased = by_child(c.previous(T::kUasc), "DUC");
  const Date from = c.start.add_years(-1), to = c.end.add_years(-1);
  const Column child(c.table(T::kHeader), "CHILD");
  each_row(c, o, T::kHeader, [&](size_t r) {
    auto found = ceased.find(child(r));
    if (found == ceased.end() || now.contains(child(r))) return false;
    auto duc = uk_date(found->second);
    return !duc || *duc < from || *duc > to;
  });
}
// 205B: UASC both years: last year's DUC is the 18th birthday (by last year's DOB), and this
// year's is in this year or the same date.
void r205b(const Ssda903Context& c, Out& o) {
  const CsvTable& last = c.previous(T::kUasc);
  const Column last_child(last, "CHILD"), last_dob(last, "DOB"), last_duc(last, "DUC");
  std::unordered_map<std::string_view, size_t> last_rows;
  for (size_t r = 0; r < last.rows.size(); ++r) last_rows.emplace(last_child(r), r);
  const CsvTable& t = c.table(T::kUasc);
  const Column child(t, "CHILD"), duc(t, "DUC");
  each_row(c, o, T::kUasc, [&](size_t r) {
    auto found = last_rows.find(child(r));
    if (found == last_rows.end()) return false;
    auto born = uk_date(last_dob(found->second));
    auto before = uk_date(last_duc(found->second));
    auto now = uk_date(duc(r));
    const bool before_at_18 = born && before && *before == born->add_years(18);
    const bool now_ok = now && ((*now >= c.start && *now <= c.end) || now == before);
    return !before_at_18 || !now_ok;
  });
}
// 205D: a UASC row this year for a child in last year's Header but not last year's UASC table.
void r205d(const Ssda903Context& c, Out& o) {
  const auto header = header_rows(c);
  const auto last_header = children(c.previous(T::kHeader));
  const auto last_uasc = children(c.previous(T::kUasc));
  const Column child(c.table(T::kUasc), "CHILD");
  each_row(c, o, T::kUasc, [&](size_t r) {
    const auto id = child(r);
    return header.contains(id) && last_header.contains(id) && !last_uasc.contains(id);
  });
}
// A mother last year (1) who is not this year, while looked after this year other than on short
// breaks only (whose motherhood is not asked: 399).
void r207(const Ssda903Context& c, Out& o) {
  const auto before = by_child(c.previous(T::kHeader), "MOTHER");
  const auto looked_after = beyond_short_breaks(c);
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), mother(h, "MOTHER");
  each_row(c, o, T::kHeader, [&](size_t r) {
    auto found = before.find(child(r));
    return found != before.end() && found->second == "1" && mother(r) != "1" &&
           looked_after.contains(child(r));
  });
}
// Of school age: 4 by 31 August of the year before the collection year began (the DfE's note:
// for 2019-20, 31 August 2018).
void r209(const Ssda903Context& c, Out& o) {
  const Date reference = Date::from_ymd(c.start.year() - 1, 8, 31).value();
  const CsvTable& h = c.table(T::kHeader);
  const Column upn(h, "UPN"), dob(h, "DOB");
  each_row(c, o, T::kHeader, [&](size_t r) {
    auto born = uk_date(dob(r));
    return upn(r) == "UN1" && born && born->add_years(4) <= reference;
  });
}
// As the DfE words it: UN4 for a child looked after on 31 March in a period of care (episodes
// each beginning the day the one before ended) that began before 24 March. The validator fails
// the reverse, an episode beginning on or after 24 March.
void r210(const Ssda903Context& c, Out& o) {
  const Date week_before = c.end.add_days(-7);
  const auto episodes = episodes_by_child(c);
  const Column dec(c.table(T::kEpisodes), "DEC");
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), upn(h, "UPN");
  for (size_t r = 0; r < h.rows.size(); ++r) {
    auto found = episodes.find(child(r));
    if (upn(r) != "UN4" || found == episodes.end()) continue;
    const auto& rows = found->second;
    auto ended = uk_date(dec(rows.back().second));
    if (ended && *ended <= c.end) continue;  // not looked after on 31 March
    size_t first = rows.size() - 1;
    while (first > 0 && uk_date(dec(rows[first - 1].second)) == rows[first].first) --first;
    if (rows[first].first < week_before) {
      fail(c, o, T::kHeader, r);
      fail(c, o, T::kEpisodes, rows[first].second);
    }
  }
}
void r302(const Ssda903Context& c, Out& o) {
  const auto births = header_births(c);
  const auto header = header_rows(c);
  for (const auto& [child, rows] : episodes_by_child(c)) {
    auto born = births.find(child);
    if (born == births.end() || !(rows.front().first < born->second)) continue;
    fail(c, o, T::kEpisodes, rows.front().second);
    fail(c, o, T::kHeader, header.at(child));
  }
}
void r304(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kUasc);
  const Column dob(t, "DOB"), duc(t, "DUC");
  each_row(c, o, T::kUasc, [&](size_t r) {
    auto born = uk_date(dob(r)), ceased = uk_date(duc(r));
    return born && ceased && *ceased > born->add_years(18);
  });
}
void r393_before_2025(const Ssda903Context& c, Out& o) {
  mother_blank(c, o, "2");
}
void r393(const Ssda903Context& c, Out& o) {
  mother_blank(c, o, "F");
}
// A child whose every episode is under V3 or V4, with MOTHER or a review given: the Header row
// and the reviews that give them, and the child's episodes.
void r399(const Ssda903Context& c, Out& o) {
  const auto beyond = beyond_short_breaks(c);
  const CsvTable& e = c.table(T::kEpisodes);
  const Column child(e, "CHILD");
  std::map<std::string_view, std::vector<size_t>> respite;  // CHILD: episode rows
  for (size_t r = 0; r < e.rows.size(); ++r) {
    if (!beyond.contains(child(r))) respite[child(r)].push_back(r);
  }
  std::set<std::string_view> failing;
  const CsvTable& h = c.table(T::kHeader);
  const Column h_child(h, "CHILD"), mother(h, "MOTHER");
  for (size_t r = 0; r < h.rows.size(); ++r) {
    if (respite.contains(h_child(r)) && !mother(r).empty()) {
      fail(c, o, T::kHeader, r);
      failing.insert(h_child(r));
    }
  }
  const CsvTable& v = c.table(T::kReviews);
  const Column v_child(v, "CHILD"), review(v, "REVIEW"), code(v, "REVIEW_CODE");
  for (size_t r = 0; r < v.rows.size(); ++r) {
    if (respite.contains(v_child(r)) && (!review(r).empty() || !code(r).empty())) {
      fail(c, o, T::kReviews, r);
      failing.insert(v_child(r));
    }
  }
  for (std::string_view id : failing) {
    for (size_t r : respite.at(id)) fail(c, o, T::kEpisodes, r);
  }
}
void r442(const Ssda903Context& c, Out& o) {
  const auto looked_after = beyond_short_breaks(c);
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), upn(h, "UPN");
  each_row(c, o, T::kHeader,
           [&](size_t r) { return upn(r).empty() && looked_after.contains(child(r)); });
}
// Every row of a UPN that more than one child has (the unknown codes UN1-UN5 may repeat).
void r444(const Ssda903Context& c, Out& o) {
  const Column upn(c.table(T::kHeader), "UPN");
  auto counted = [](std::string_view u) {
    return !u.empty() && !in(u, {"UN1", "UN2", "UN3", "UN4", "UN5"});
  };
  std::unordered_map<std::string_view, int> children_with;
  for (size_t r = 0; r < c.table(T::kHeader).rows.size(); ++r) {
    if (counted(upn(r))) ++children_with[upn(r)];
  }
  each_row(c, o, T::kHeader,
           [&](size_t r) { return counted(upn(r)) && children_with.at(upn(r)) > 1; });
}
// Last year's MC_DOB given and this year's another date (or blank); the validator compares the
// text, Hearth the dates where both are dates. A girl whose motherhood is not asked this year
// (not looked after, or on short breaks only: 628, 399) gives a blank one, which is no
// contradiction.
void r624(const Ssda903Context& c, Out& o) {
  const auto asked = beyond_short_breaks(c);
  const auto before = by_child(c.previous(T::kHeader), "MC_DOB");
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), value(h, "MC_DOB");
  each_row(c, o, T::kHeader, [&](size_t r) {
    auto found = before.find(child(r));
    if (found == before.end() || found->second.empty()) return false;
    if (value(r).empty() && !asked.contains(child(r))) return false;
    auto a = uk_date(value(r)), b = uk_date(found->second);
    return a && b ? *a != *b : value(r) != found->second;
  });
}
// As the DfE words it: after 31 March for every child, and after the DEC of the child's latest
// episode when that one has ended. The validator judges only children with an ended episode,
// against the latest DEC even when a later episode is still open.
void r625(const Ssda903Context& c, Out& o) {
  const auto episodes = episodes_by_child(c);
  const Column dec(c.table(T::kEpisodes), "DEC");
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), mc_dob(h, "MC_DOB");
  for (size_t r = 0; r < h.rows.size(); ++r) {
    auto born = uk_date(mc_dob(r));
    if (!born) continue;
    if (*born > c.end) {
      fail(c, o, T::kHeader, r);
      continue;
    }
    auto found = episodes.find(child(r));
    if (found == episodes.end()) continue;
    const size_t latest = found->second.back().second;
    auto ceased = uk_date(dec(latest));
    if (ceased && *born > *ceased) {
      fail(c, o, T::kHeader, r);
      fail(c, o, T::kEpisodes, latest);
    }
  }
}
void r626(const Ssda903Context& c, Out& o) {
  const auto before = by_child(c.previous(T::kHeader), "MOTHER");
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), mother(h, "MOTHER"), mc_dob(h, "MC_DOB");
  each_row(c, o, T::kHeader, [&](size_t r) {
    auto found = before.find(child(r));
    auto born = uk_date(mc_dob(r));
    return found != before.end() && found->second == "0" && mother(r) == "1" && born &&
           *born < c.start;
  });
}
// A care leaver (OC3 with something given) with no episode this year, whose MOTHER is given.
void r628(const Ssda903Context& c, Out& o) {
  const auto looked_after = children(c.table(T::kEpisodes));
  const CsvTable& oc3 = c.table(T::kOc3);
  const Column leaver(oc3, "CHILD"), in_touch(oc3, "IN_TOUCH"), activ(oc3, "ACTIV"),
      accom(oc3, "ACCOM");
  std::unordered_set<std::string_view> leavers;
  for (size_t r = 0; r < oc3.rows.size(); ++r) {
    if (!in_touch(r).empty() || !activ(r).empty() || !accom(r).empty()) leavers.insert(leaver(r));
  }
  const CsvTable& h = c.table(T::kHeader);
  const Column child(h, "CHILD"), mother(h, "MOTHER");
  each_row(c, o, T::kHeader, [&](size_t r) {
    return !mother(r).empty() && leavers.contains(child(r)) && !looked_after.contains(child(r));
  });
}
void int11(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kAd1);
}
void int12(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kPlacedAdoption);
}
void int13(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kMissing);
}
void int14(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kOc2);
}
void int15(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kOc3);
}
void int16(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kPrevPerm);
}
void int17(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kReviews);
}
void int18(const Ssda903Context& c, Out& o) {
  dob_as_in_header(c, o, T::kUasc);
}
void int21(const Ssda903Context& c, Out& o) {
  const auto header_sex = by_child(c.table(T::kHeader), "SEX");
  const CsvTable& t = c.table(T::kUasc);
  const Column child(t, "CHILD"), sex(t, "SEX");
  each_row(c, o, T::kUasc, [&](size_t r) {
    auto found = header_sex.find(child(r));
    return found != header_sex.end() && !found->second.empty() && !sex(r).empty() &&
           sex(r) != found->second;
  });
}
// A Header child in neither Episodes nor OC3. Like the validator, a return without those tables
// is judged as if they were empty: the rule's point is that they were not given.
void epi(const Ssda903Context& c, Out& o) {
  std::unordered_set<std::string_view> seen;
  for (T table : {T::kEpisodes, T::kOc3}) {
    if (!c.files.current.contains(table)) continue;
    const auto some = children(c.table(table));
    seen.insert(some.begin(), some.end());
  }
  const Column child(c.table(T::kHeader), "CHILD");
  each_row(c, o, T::kHeader, [&](size_t r) { return !seen.contains(child(r)); });
}
void noe(const Ssda903Context& c, Out& o) {
  const auto last = children(c.previous(T::kEpisodes));
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), decom(t, "DECOM");
  each_row(c, o, T::kEpisodes, [&](size_t r) {
    auto start = uk_date(decom(r));
    return start && *start < c.start && !last.contains(child(r));
  });
}
// An episode beginning after one that ended in adoption (E11, E12), this year's or, when last
// year's return is given (it need not be), last year's: a second adoption included.
void r199(const Ssda903Context& c, Out& o) {
  std::unordered_map<std::string_view, std::vector<Date>> adoptions;  // CHILD: their DECOMs
  auto gather = [&](const CsvTable& t) {
    const Column child(t, "CHILD"), decom(t, "DECOM"), rec(t, "REC");
    for (size_t r = 0; r < t.rows.size(); ++r) {
      auto start = uk_date(decom(r));
      if (start && in(rec(r), {"E11", "E12"})) adoptions[child(r)].push_back(*start);
    }
  };
  gather(c.table(T::kEpisodes));
  if (c.files.previous.contains(T::kEpisodes)) gather(c.previous(T::kEpisodes));
  const CsvTable& t = c.table(T::kEpisodes);
  const Column child(t, "CHILD"), decom(t, "DECOM");
  each_row(c, o, T::kEpisodes, [&](size_t r) {
    auto start = uk_date(decom(r));
    auto found = adoptions.find(child(r));
    return start && found != adoptions.end() &&
           std::any_of(found->second.begin(), found->second.end(),
                       [&](Date adopted) { return adopted < *start; });
  });
}

}  // namespace

std::vector<Ssda903Rule> ssda903_history_rules() {
  return {
      {"168",
       "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, "
       "UN4 or UN5.",
       {"UPN"},
       {T::kHeader},
       kAny,
       kOpen,
       r168},
      {"202",
       "The gender code conflicts with the gender already recorded for this child.",
       {"SEX"},
       {T::kHeader},
       kAny,
       kOpen,
       r202,
       {T::kHeader}},
      {"203",
       "Date of birth disagrees with the date of birth already recorded for this child.",
       {"DOB"},
       {T::kHeader},
       kAny,
       kOpen,
       r203,
       {T::kHeader}},
      {"204",
       "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
       {"ETHNIC"},
       {T::kHeader},
       kAny,
       kOpen,
       r204,
       {T::kHeader}},
      {"205A",
       "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in "
       "both years does not support this.",
       {"CHILD", "UASC"},
       {T::kHeader, T::kUasc},
       kAny,
       kOpen,
       r205a,
       {T::kUasc}},
      {"205B",
       "Child previously identified as UASC is also UASC this year, but date UASC ceased in both "
       "years does not support this.",
       {"DUC", "UASC"},
       {T::kUasc},
       kAny,
       kOpen,
       r205b,
       {T::kUasc}},
      {"205D",
       "Child identified as UASC this year but not identified as UASC status provided for the "
       "child last year.",
       {"CHILD", "UASC"},
       {T::kHeader, T::kUasc},
       kAny,
       kOpen,
       r205d,
       {T::kHeader, T::kUasc}},
      {"207",
       "Mother status for the current year disagrees with the mother status already recorded for "
       "this child.",
       {"MOTHER"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r207,
       {T::kHeader}},
      {"209",
       "Child looked after is of school age and should not have an unknown Unique Pupil Number "
       "(UPN) code of UN1.",
       {"DOB", "UPN"},
       {T::kHeader},
       kAny,
       kOpen,
       r209},
      {"210",
       "Children looked after for more than a week at 31 March should not have an unknown Unique "
       "Pupil Number (UPN) code of UN4.",
       {"DECOM", "UPN"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r210},
      {"302",
       "First episode starts before child was born.",
       {"DECOM", "DOB"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r302},
      {"304",
       "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th "
       "birthday of a child.",
       {"DUC"},
       {T::kUasc},
       kAny,
       kOpen,
       r304},
      {"393",
       "Child is looked after but mother field is not completed.",
       {"MOTHER"},
       {T::kEpisodes, T::kHeader},
       kAny,
       2024,
       r393_before_2025},
      {"393",
       "Child is looked after but mother field is not completed.",
       {"MOTHER"},
       {T::kEpisodes, T::kHeader},
       2025,
       kOpen,
       r393},
      {"399",
       "Mother field, review field or participation field are completed but child is looked after "
       "under legal status V3 or V4.",
       {"LS", "MOTHER", "REVIEW", "REVIEW_CODE"},
       {T::kEpisodes, T::kHeader, T::kReviews},
       kAny,
       kOpen,
       r399},
      {"442",
       "Unique Pupil Number (UPN) field is not completed.",
       {"UPN"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r442},
      {"444", "Duplicate UPN has been reported", {"UPN"}, {T::kHeader}, 2026, kOpen, r444},
      {"624",
       "Date of birth of the first child contradicts the date of birth of the first child "
       "previously recorded.",
       {"MC_DOB"},
       {T::kHeader},
       kAny,
       kOpen,
       r624,
       {T::kHeader}},
      {"625",
       "Date of birth of the first child is beyond the end of this reporting year or the date the "
       "child ceased to be looked after.",
       {"DEC", "MC_DOB"},
       {T::kEpisodes, T::kHeader},
       kAny,
       kOpen,
       r625},
      {"626",
       "Child was reported as a mother but the date of birth of the first child is before the "
       "current year which contradicts with the mother status recorded last year.",
       {"MC_DOB", "MOTHER"},
       {T::kHeader},
       kAny,
       kOpen,
       r626,
       {T::kHeader}},
      {"628",
       "Motherhood details are not required for care leavers who have not been looked after "
       "during the year.",
       {"MOTHER"},
       {T::kEpisodes, T::kHeader, T::kOc3},
       kAny,
       kOpen,
       r628},
      {"INT11",
       "Internal Check: DOB in AD1 is different to DOB in Header.",
       {"DOB"},
       {T::kAd1, T::kHeader},
       kAny,
       kOpen,
       int11},
      {"INT12",
       "Internal Check: DOB in PlacedAdoption is different to DOB in Header.",
       {"DOB"},
       {T::kPlacedAdoption, T::kHeader},
       kAny,
       kOpen,
       int12},
      {"INT13",
       "Internal Check: DOB in Missing is different to DOB in Header.",
       {"DOB"},
       {T::kMissing, T::kHeader},
       kAny,
       kOpen,
       int13},
      {"INT14",
       "Internal Check: DOB in OC2 is different to DOB in Header.",
       {"DOB"},
       {T::kOc2, T::kHeader},
       kAny,
       kOpen,
       int14},
      {"INT15",
       "Internal Check: DOB in OC3 is different to DOB in Header.",
       {"DOB"},
       {T::kOc3, T::kHeader},
       kAny,
       kOpen,
       int15},
      {"INT16",
       "Internal Check: DOB in PrevPerm is different to DOB in Header.",
       {"DOB"},
       {T::kPrevPerm, T::kHeader},
       kAny,
       kOpen,
       int16},
      {"INT17",
       "Internal Check: DOB in Reviews is different to DOB in Header.",
       {"DOB"},
       {T::kReviews, T::kHeader},
       kAny,
       kOpen,
       int17},
      {"INT18",
       "Internal Check: DOB in UASC is different to DOB in Header.",
       {"DOB"},
       {T::kUasc, T::kHeader},
       kAny,
       kOpen,
       int18},
      {"INT21",
       "Internal Check: SEX in UASC is different to SEX in Header.",
       {"SEX"},
       {T::kUasc, T::kHeader},
       kAny,
       kOpen,
       int21},
      {"EPI",
       "WARNING: Episodes need to be loaded for this child before further validation is possible "
       "[NOTE: This refers to the DfE portal - here, all checks that can be performed with only "
       "the available data will be.]",
       {"CHILD"},
       {T::kHeader},
       kAny,
       kOpen,
       epi},
      {"NoE",
       "This child has no episodes loaded for previous year even though child started to be "
       "looked after before this current year.",
       {"DECOM"},
       {T::kEpisodes},
       kAny,
       kOpen,
       noe,
       {T::kEpisodes}},
      {"199",
       "Episode information shows child has been previously adopted from care. [NOTE: This only "
       "tests the current and previous year data loaded into the tool]",
       {"CHILD"},
       {T::kEpisodes},
       kAny,
       kOpen,
       r199},
  };
}

}  // namespace hearth::returns
