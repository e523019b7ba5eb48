// CIN census rules on the child: the Header, identifiers (UPN, LA child id, dates, sex),
// ethnicity and disabilities, and the queries on the return as a whole.
#include <algorithm>
#include <map>
#include <set>

#include "hearth/domain/codes.hpp"
#include "hearth/domain/values.hpp"
#include "hearth/returns/detail/cin_rule_kit.hpp"

namespace hearth::returns {
namespace {

using namespace detail;
namespace codes = domain::codes;

const CsvTable& ids(const CinContext& c) {
  return c.table(M::kChildIdentifiers);
}

// A UPN of 13 characters whose 2nd to 13th are digits: the ones rule 1510 judges the check
// letter of (a temporary UPN, ending in a letter, is left to 1550).
bool checkable_upn(std::string_view upn) {
  return upn.size() == 13 &&
         std::all_of(upn.begin() + 1, upn.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Characters 2-4 of a UPN: the DfE's codes of the authorities that allocate UPNs (2023-24 on,
// with 942 and 943).
bool upn_la_code(std::string_view code) {
  static const std::set<int> kCodes = [] {
    std::set<int> s;
    auto range = [&](int from, int to) {
      for (int i = from; i <= to; ++i) s.insert(i);
    };
    range(1, 5);
    range(201, 213);
    range(301, 320);
    range(330, 336);
    range(340, 344);
    range(350, 359);
    range(370, 373);
    range(380, 384);
    range(390, 394);
    range(660, 681);
    range(701, 708);
    range(800, 803);
    range(805, 808);
    range(810, 813);
    range(820, 823);
    range(835, 839);
    range(850, 852);
    range(855, 857);
    range(865, 896);
    range(935, 938);
    range(940, 943);
    for (int i : {420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860,
                  861, 908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933}) {
      s.insert(i);
    }
    return s;
  }();
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return false;
  }
  return kCodes.contains(std::stoi(std::string(code)));
}

bool alphanumeric(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
  });
}

// Children with at least one referral that went on to further action.
std::set<std::string_view> children_with_further_action(const CinContext& c) {
  const CsvTable& d = c.table(M::kCinDetails);
  const Column child(d, "LAchildID"), nfa(d, "ReferralNFA");
  std::set<std::string_view> out;
  for (size_t r = 0; r < d.rows.size(); ++r) {
    if (is_no(nfa(r))) out.insert(child(r));
  }
  return out;
}

}  // namespace

std::vector<CinRule> cin_child_rules() {
  return {
      {"100",
       "Reference Date is incorrect",
       {"ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column reference(c.table(M::kHeader), "ReferenceDate"),
             year(c.table(M::kHeader), "Year");
         each_row(c, out, M::kHeader, [&](size_t r) {
           auto date = iso_date(reference(r));
           return !date || date->month() != 3 || date->day() != 31 ||
                  std::to_string(date->year()) != year(r);
         });
       }},
      {"1510",
       "UPN invalid (wrong check letter at character 1)",
       {"UPN"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column upn(ids(c), "UPN");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           const auto u = upn(r);
           return checkable_upn(u) && domain::Upn::check_letter(u.substr(1)) != u[0];
         });
       }},
      {"1520",
       "More than one record with the same UPN.",
       {"UPN"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& by_upn = c.groups(M::kChildIdentifiers, "UPN");
         const Column upn(ids(c), "UPN");
         each_row(c, out, M::kChildIdentifiers,
                  [&](size_t r) { return !upn(r).empty() && by_upn[upn(r)].size() > 1; });
       }},
      {"1530",
       "UPN invalid (characters 2-4 not a recognised LA code)",
       {"UPN"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column upn(ids(c), "UPN");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           const auto u = upn(r);
           return u.size() == 13 && !upn_la_code(u.substr(1, 3));
         });
       }},
      {"1540",
       "UPN invalid (characters 5-12 not all numeric)",
       {"UPN"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column upn(ids(c), "UPN");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           const auto u = upn(r);
           if (u.empty()) return false;
           const auto part = u.size() > 4 ? u.substr(4, 8) : std::string_view();
           return part.empty() || !std::all_of(part.begin(), part.end(),
                                               [](char ch) { return ch >= '0' && ch <= '9'; });
         });
       }},
      {"1550",
       "UPN invalid (character 13 not a recognised value)",
       {"UPN"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column upn(ids(c), "UPN");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           const auto u = upn(r);
           if (u.size() != 13) return false;
           const char last = u[12];
           const bool digit = last >= '0' && last <= '9';
           const bool letter =
               last >= 'A' && last <= 'Z' && last != 'I' && last != 'O' && last != 'S';
           return !digit && !letter;
         });
       }},
      {"1560Q",
       "Please check and either amend or provide a reason: Former UPN wrongly formatted",
       {"FormerUPN"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column former(ids(c), "FormerUPN");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           const auto u = former(r);
           if (u.empty()) return false;
           const bool letter = (u[0] >= 'A' && u[0] <= 'Z') || (u[0] >= 'a' && u[0] <= 'z');
           return u.size() != 13 || !letter || !std::all_of(u.begin() + 1, u.end(), [](char ch) {
                    return ch >= '0' && ch <= '9';
                  });
         });
       }},
      {"1570",
       "LA Child ID must not be longer than 20 characters",
       {"LAchildID"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column id(ids(c), "LAchildID");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) { return id(r).size() > 20; });
       }},
      {"1580",
       "LA Child ID must not contain any non-alphanumeric characters",
       {"LAchildID"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column id(ids(c), "LAchildID");
         each_row(c, out, M::kChildIdentifiers,
                  [&](size_t r) { return !id(r).empty() && !alphanumeric(id(r)); });
       }},
      {"2886Q",
       "Please check and either amend or provide a reason: Percentage of children with no sex "
       "recorded is more than 2% (excluding unborns)",
       {"Sex", "ExpectedPersonBirthDate"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column sex(ids(c), "Sex"), expected(ids(c), "ExpectedPersonBirthDate");
         const size_t total = ids(c).rows.size();
         size_t unknown = 0;
         for (size_t r = 0; r < total; ++r) {
           if ((sex(r).empty() || sex(r) == "U") && expected(r).empty()) ++unknown;
         }
         if (total > 0 && unknown * 50 > total) fail_return(c, out, M::kChildIdentifiers);
       }},
      {"2887Q",
       "Please check and either amend or provide a reason: Less than 8 disability codes have been "
       "used in your return",
       {"Disability"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column disability(c.table(M::kDisabilities), "Disability");
         std::set<std::string_view> used;
         for (size_t r = 0; r < c.table(M::kDisabilities).rows.size(); ++r) {
           if (!disability(r).empty() && disability(r) != "NONE") used.insert(disability(r));
         }
         if (used.size() < 8) fail_return(c, out, M::kDisabilities);
       }},
      {"2888Q",
       "Please check and either amend or provide a reason: Only one disability code is recorded "
       "per child and multiple disabilities should be recorded where possible.",
       {"Disability"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column child(c.table(M::kDisabilities), "LAchildID"),
             disability(c.table(M::kDisabilities), "Disability");
         std::map<std::string_view, size_t> per_child;
         for (size_t r = 0; r < c.table(M::kDisabilities).rows.size(); ++r) {
           if (!disability(r).empty() && disability(r) != "NONE") ++per_child[child(r)];
         }
         size_t most = 0;
         for (const auto& [id, count] : per_child) most = std::max(most, count);
         if (!per_child.empty() && most <= 1) fail_return(c, out, M::kDisabilities);
       }},
      {"4180",
       "Sex is missing",
       {"Sex"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column sex(ids(c), "Sex");
         each_row(c, out, M::kChildIdentifiers,
                  [&](size_t r) { return sex(r) != "M" && sex(r) != "F" && sex(r) != "U"; });
       }},
      {"4220",
       "Ethnicity is missing or invalid (see Ethnicity table)",
       {"Ethnicity"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column ethnicity(c.table(M::kChildCharacteristics), "Ethnicity");
         const int year = c.census.year;
         each_row(c, out, M::kChildCharacteristics,
                  [&](size_t r) { return !codes::ethnicity().valid_in(ethnicity(r), year); });
       }},
      {"8500",
       "LA Child ID missing",
       {"LAchildID"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column id(ids(c), "LAchildID");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) { return id(r).empty(); });
       }},
      {"8510",
       "More than one child record with the same LA Child ID",
       {"LAchildID"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& by_id = c.groups(M::kChildIdentifiers, "LAchildID");
         const Column id(ids(c), "LAchildID");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) { return by_id[id(r)].size() > 1; });
       }},
      {"8520",
       "Date of Birth is after data collection period (must be on or before the end of the census "
       "period)",
       {"PersonBirthDate", "ReferenceDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column born(ids(c), "PersonBirthDate");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           auto d = iso_date(born(r));
           return d && *d > c.end;
         });
       }},
      {"8525Q",
       "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
       {"PersonBirthDate", "ExpectedPersonBirthDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column born(ids(c), "PersonBirthDate"), expected(ids(c), "ExpectedPersonBirthDate");
         each_row(c, out, M::kChildIdentifiers,
                  [&](size_t r) { return born(r).empty() == expected(r).empty(); });
       }},
      {"8530Q",
       "Please check and either amend data or provide a reason: Expected Date of Birth is outside "
       "the expected range for this census (March to December of the Census Year end)",
       {"ExpectedPersonBirthDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column expected(ids(c), "ExpectedPersonBirthDate");
         const Date earliest = c.end.add_days(-30), latest = c.end.add_months(9);
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           auto d = iso_date(expected(r));
           return d && (*d <= earliest || *d >= latest);
         });
       }},
      {"8535Q",
       "Please check and either amend data or provide a reason: Child\u2019s date of death should "
       "not be prior to the date of birth",
       {"PersonDeathDate", "PersonBirthDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column died(ids(c), "PersonDeathDate"), born(ids(c), "PersonBirthDate"),
             expected(ids(c), "ExpectedPersonBirthDate");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           auto death = iso_date(died(r));
           if (!death) return false;
           auto due = iso_date(expected(r));
           if (due && *due > *death) return false;  // died before birth: recorded as unborn
           auto birth = iso_date(born(r));
           return !birth || *birth > *death;
         });
       }},
      {"8545Q",
       "Please check and either amend data or provide a reason: Child's date of death should be "
       "within the census year",
       {"PersonDeathDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column died(ids(c), "PersonDeathDate");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           auto d = iso_date(died(r));
           return d && (*d < c.start || *d > c.end);
         });
       }},
      {"8590",
       "Child does not have a recorded CIN episode.",
       {"LAchildID"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& details = c.groups(M::kCinDetails, "LAchildID");
         const Column id(ids(c), "LAchildID");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) { return details[id(r)].empty(); });
       }},
      {"8750",
       "Sex must equal U for an unborn child",
       {"Sex", "PersonBirthDate", "ExpectedPersonBirthDate"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) {
         const Column sex(ids(c), "Sex"), born(ids(c), "PersonBirthDate"),
             expected(ids(c), "ExpectedPersonBirthDate");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           return born(r).empty() && !expected(r).empty() && sex(r) != "U";
         });
       }},
      {"8770Q",
       "Please check and either amend data or provide a reason: UPN is missing or reason UPN is "
       "missing or is UN1 for a child who is of school age.",
       {"UPN", "UPNunknown"},
       2025,
       kLast,
       [](const CinContext& c, Out& out) {
         // Of school age: born on or before 31 August six years before the census year's.
         const Date cutoff = c.end.add_months(4).add_days(31).add_years(-6);
         const auto further = children_with_further_action(c);
         const Column id(ids(c), "LAchildID"), upn(ids(c), "UPN"), unknown(ids(c), "UPNunknown"),
             born(ids(c), "PersonBirthDate");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           auto birth = iso_date(born(r));
           if (!birth || *birth > cutoff || !further.contains(id(r)) || !upn(r).empty()) {
             return false;
           }
           const auto why = core::ascii_lower(unknown(r));
           return why.empty() || why == "un1" ||
                  !codes::upn_unknown().contains(core::trim(unknown(r)));
         });
       }},
      {"8772",
       "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details "
       "is a referral going on to further action",
       {"UPNunknown", "ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& details = c.groups(M::kCinDetails, "LAchildID");
         const Column nfa(c.table(M::kCinDetails), "ReferralNFA");
         const Column id(ids(c), "LAchildID"), unknown(ids(c), "UPNunknown");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           if (unknown(r) != "UN7") return false;
           const auto& rows = details[id(r)];
           return rows.empty() ||
                  std::any_of(rows.begin(), rows.end(), [&](size_t d) { return !is_yes(nfa(d)); });
         });
       }},
      {"8775Q",
       "Please check and either amend data or provide a reason: Child is over 25 years old",
       {"PersonBirthDate", "CINclosureDate"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& details = c.groups(M::kCinDetails, "LAchildID");
         const Column closed(c.table(M::kCinDetails), "CINclosureDate");
         const Column id(ids(c), "LAchildID"), born(ids(c), "PersonBirthDate");
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           auto birth = iso_date(born(r));
           if (!birth || *birth >= c.end.add_years(-25)) return false;
           const Date twenty_fifth = birth->add_years(25);
           const auto& rows = details[id(r)];
           return std::any_of(rows.begin(), rows.end(), [&](size_t d) {
             auto closure = iso_date(closed(d));
             return !closure || *closure > twenty_fifth;
           });
         });
       }},
      // Disabilities
      {"8540",
       "Child\u2019s disability is missing or invalid (see Disability table)",
       {"Disability", "PersonBirthDate", "ReferralNFA"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const Groups& disabilities = c.groups(M::kDisabilities, "LAchildID");
         const Column code(c.table(M::kDisabilities), "Disability");
         const auto further = children_with_further_action(c);
         const Column id(ids(c), "LAchildID"), born(ids(c), "PersonBirthDate");
         const int year = c.census.year;
         each_row(c, out, M::kChildIdentifiers, [&](size_t r) {
           if (born(r).empty() || !further.contains(id(r))) return false;
           const auto& rows = disabilities[id(r)];
           return rows.empty() || std::any_of(rows.begin(), rows.end(), [&](size_t d) {
                    return !codes::disability().valid_in(code(d), year);
                  });
         });
       }},
      {"8790",
       "Disability information includes both None and other values",
       {"Disability"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const CsvTable& t = c.table(M::kDisabilities);
         const Groups& by_child = c.groups(M::kDisabilities, "LAchildID");
         const Column child(t, "LAchildID"), code(t, "Disability");
         each_row(c, out, M::kDisabilities, [&](size_t r) {
           if (core::ascii_lower(code(r)) == "none") return false;
           const auto& rows = by_child[child(r)];
           return std::any_of(rows.begin(), rows.end(),
                              [&](size_t o) { return core::ascii_lower(code(o)) == "none"; });
         });
       }},
      {"8794",
       "Child has two or more disabilities with the same code",
       {"Disability"},
       kAll,
       kLast,
       [](const CinContext& c, Out& out) {
         const CsvTable& t = c.table(M::kDisabilities);
         // By the <Child> element, not LAchildID: children without one are not one child.
         const Column child(t, "ChildNumber"), code(t, "Disability");
         std::map<std::pair<std::string_view, std::string_view>, size_t> counts;
         for (size_t r = 0; r < t.rows.size(); ++r) {
           if (!code(r).empty()) ++counts[{child(r), code(r)}];
         }
         each_row(c, out, M::kDisabilities, [&](size_t r) {
           return !code(r).empty() && counts[{child(r), code(r)}] > 1;
         });
       }},
  };
}

}  // namespace hearth::returns
