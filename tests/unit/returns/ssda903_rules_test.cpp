// Each SSDA903 rule against a return that passes every rule, and against the same return with
// one change made from the rule's own wording, which must fail that rule (and only that rule,
// so that a rule cannot pass its test by accident of another).
#include "hearth/returns/ssda903_rules.hpp"

#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ssda903_return.hpp"

namespace hearth::returns {
namespace {

using ::testing::HasSubstr;
using namespace test;

TEST(Ssda903Rules, TheValidReturnPassesEveryRule) {
  const ValidationReport report = validate_with(valid_return(), valid_reference());
  EXPECT_TRUE(report.failures.empty()) << report_text(report);
  EXPECT_TRUE(report.rules_skipped.empty());
  EXPECT_EQ(report.rules_run.size(), ssda903_rules_for(2026).size());
}

TEST(Ssda903Rules, APlacementOutsideEnglandNeedsNoUrnWhenThePostcodesSaySo) {
  Ssda903Files f = valid_return();
  set_place(f, 1, "K2");
  cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "PR2";
  cell(f, T::kEpisodes, 1, "URN") = "";
  cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ3 1WA";
  // Without the directory Hearth cannot tell the placement is in Wales: no URN fails 218.
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"218"}));
  Reference r = valid_reference();
  r.postcodes.push_back({"ZZ3 1WA", {std::pair{402000, 302000}, "W06000015"}});
  EXPECT_EQ(failing_rules(f, &r), (std::set<std::string>{}));
}

// A rule that reads the return's authority must say so (kAuthority): the others give the same
// failures whatever the authority, or none, on returns whose placements are in and out of it.
TEST(Ssda903Rules, OnlyTheRulesThatNeedTheAuthorityDependOnIt) {
  std::vector<std::pair<std::string, std::function<void(Ssda903Files&, Reference&)>>> variants = {
      {"the base return", [](Ssda903Files&, Reference&) {}},
      {"a placement in another authority",
       [](Ssda903Files&, Reference& r) {
         set_postcode_place(r, "ZZ1 3CC", {std::pair{402000, 301000}, "E09000001"});
       }},
      {"a placement in Wales",
       [](Ssda903Files&, Reference& r) {
         set_postcode_place(r, "ZZ1 4DD", {std::pair{400000, 303000}, "W06000015"});
       }},
      {"a placement postcode not known",
       [](Ssda903Files& f, Reference&) { cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 9XX"; }},
  };
  auto by_rule = [](const ValidationReport& report) {
    std::map<std::string, std::vector<int64_t>> out;
    for (const auto& failure : report.failures)
      out[std::string(failure.rule)].push_back(failure.line);
    for (const Ssda903Rule* rule : ssda903_rules_for(2026)) {
      if (rule->needs & kAuthority) out.erase(std::string(rule->code));
    }
    return out;
  };
  for (const auto& [name, change] : variants) {
    Ssda903Files f = valid_return();
    Reference r = valid_reference();
    change(f, r);
    const auto own = by_rule(validate_with(f, r));
    for (const std::string other : {"E09000001", "W06000015", ""}) {
      Reference elsewhere = r;
      elsewhere.authority = other;
      EXPECT_EQ(by_rule(validate_with(f, elsewhere)), own) << name << ", authority " << other;
    }
  }
  // And the test can tell: 229 reads it (PR1 is a provider in the authority), so another
  // authority fails it.
  Reference elsewhere = valid_reference();
  elsewhere.authority = "E09000001";
  EXPECT_TRUE(failing_rules(valid_return(), &elsewhere).contains("229"));
}

TEST(Ssda903Rules, RulesWhoseReferenceDataIsNotGivenAreSkippedAndNamed) {
  const ValidationReport report = validate_ssda903(valid_return());
  EXPECT_TRUE(report.failures.empty()) << report_text(report);
  std::set<std::string> skipped;
  for (const auto& rule : report.rules_skipped) skipped.insert(std::string(rule.code));
  std::set<std::string> needing;
  for (const Ssda903Rule* rule : ssda903_rules_for(2026)) {
    if (rule->needs != kReturnOnly) needing.insert(std::string(rule->code));
  }
  EXPECT_EQ(skipped, needing);
  EXPECT_EQ(report.rules_run.size() + report.rules_skipped.size(), ssda903_rules_for(2026).size());
  // The postcode directory without the authority: PL_LA and PL_DISTANCE rules run, IN/OUT not.
  const Reference r = valid_reference();
  const PostcodeDirectory postcodes(r.postcodes);
  const ValidationReport some = validate_ssda903(valid_return(), {"", &postcodes, nullptr});
  for (const auto& rule : some.rules_run) {
    for (const Ssda903Rule* known : ssda903_rules_for(2026)) {
      if (known->code == rule.code) {
        EXPECT_EQ(known->needs & (kAuthority | kProviders), 0u) << rule.code;
      }
    }
  }
}

class EachRule : public ::testing::TestWithParam<Case> {};

TEST_P(EachRule, FailsOnTheChangeItsWordingDescribes) {
  const Case& c = GetParam();
  Ssda903Files f = valid_return(c.year);
  Reference r = valid_reference();
  const Reference* given = c.with_reference ? &r : nullptr;
  ASSERT_EQ(failing_rules(f, given), std::set<std::string>{})
      << "the base return must pass in " << c.year;
  c.change(f);
  if (c.change_reference) c.change_reference(r);
  std::set<std::string> expected = c.also;
  expected.insert(c.rule);
  EXPECT_EQ(failing_rules(f, given), expected);
}

// Every rule in the registry has a case (checked below), in ssda903_cases_<concern>.cpp.
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = [] {
    std::vector<Case> all;
    for (auto part : {core_cases, placement_cases, history_cases, episode_cases, outcome_cases,
                      adoption_cases, missing_cases, social_worker_cases}) {
      for (auto& c : part()) all.push_back(std::move(c));
    }
    for (auto part : {postcode_cases, provider_cases}) {
      for (auto& c : part()) {
        c.with_reference = true;
        all.push_back(std::move(c));
      }
    }
    return all;
  }();
  return kCases;
}

INSTANTIATE_TEST_SUITE_P(Ssda903, EachRule, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return "Rule" + info.param.rule + "In" +
                                  std::to_string(info.param.year) + "Case" +
                                  std::to_string(info.index);
                         });

// Every case's failing return made into one, each case's children renamed apart (its CHILD
// prefixed with the case's number), so that most rules fail at once: the report must be the
// same, failure for failure and in the same order, whatever the number of threads.
TEST(Ssda903Rules, TheReportIsTheSameWhateverTheThreads) {
  Ssda903Files f = valid_return(2026);
  for (auto* tables : {&f.current, &f.previous}) {
    for (auto& [kind, table] : *tables) {
      table.rows.clear();
      table.lines.clear();
    }
  }
  Reference r = valid_reference();
  size_t number = 0;
  for (const Case& c : cases()) {
    if (c.year != 2026) continue;
    Ssda903Files changed = valid_return(2026);
    c.change(changed);
    if (c.change_reference) c.change_reference(r);
    const std::string prefix = fmt::format("K{}-", ++number);
    for (auto [from, to] :
         {std::pair{&changed.current, &f.current}, std::pair{&changed.previous, &f.previous}}) {
      for (auto& [kind, table] : *from) {
        CsvTable& into = (*to)[kind];
        if (into.columns.empty()) into = CsvTable{table.file, table.columns, {}, {}};
        const auto child = table.column("CHILD");
        for (size_t row = 0; row < table.rows.size(); ++row) {
          auto cells = table.rows[row];
          if (child) cells[*child] = prefix + cells[*child];
          into.rows.push_back(std::move(cells));
          into.lines.push_back(static_cast<int64_t>(into.rows.size()) + 1);
        }
      }
    }
  }
  const PostcodeDirectory postcodes(r.postcodes);
  const ProviderRegister providers(r.providers);
  const Ssda903Reference reference{r.authority, &postcodes, &providers};
  auto shown = [&](size_t threads) {
    std::vector<std::string> lines;
    for (const auto& x : validate_ssda903(f, reference, threads).failures) {
      lines.push_back(fmt::format("{} {} {}:{} {} {}", x.rule, x.table, x.file, x.line, x.child,
                                  fmt::join(x.fields, "+")));
    }
    return lines;
  };
  const std::vector<std::string> alone = shown(1);
  std::set<std::string> rules;
  for (const auto& x : validate_ssda903(f, reference, 1).failures)
    rules.insert(std::string(x.rule));
  EXPECT_GT(rules.size(), 150u) << "most rules fail";
  EXPECT_EQ(shown(2), alone);
  EXPECT_EQ(shown(7), alone);
}

TEST(Ssda903Rules, EveryRuleInTheRegistryHasAFailingCase) {
  std::set<std::pair<std::string, int>> tested;
  for (const auto& c : cases()) tested.emplace(c.rule, c.year);
  for (const auto& rule : ssda903_rules()) {
    const int year = std::clamp(2026, rule.first_year, rule.last_year);
    EXPECT_TRUE(tested.contains({std::string(rule.code), year}))
        << "rule " << rule.code << " (" << rule.first_year << "-" << rule.last_year
        << ") has no case for " << year;
    EXPECT_FALSE(rule.message.empty()) << rule.code;
    EXPECT_FALSE(rule.fields.empty()) << rule.code;
  }
}

TEST(Ssda903Rules, AFailureNamesTheRuleTheFileLineChildAndFields) {
  Ssda903Files f = valid_return();
  cell(f, T::kEpisodes, 1, "LS") = "C9";
  cell(f, T::kEpisodes, 1, "RNE") = "B";  // legal status and placement both changed
  const ValidationReport report = validate_ssda903(f);
  ASSERT_EQ(report.failures.size(), 1u);
  const RuleFailure& failure = report.failures[0];
  EXPECT_EQ(failure.rule, "144");
  EXPECT_EQ(failure.file, "episodes.csv");
  EXPECT_EQ(failure.line, 3);
  EXPECT_EQ(failure.child, "C1");
  EXPECT_EQ(failure.fields, (std::vector<std::string_view>{"LS"}));
  EXPECT_THAT(report_csv(report),
              HasSubstr("144,The legal status code is not a valid code.,Episodes,episodes.csv,3,"
                        "C1,LS"));
  EXPECT_THAT(report_json(report), HasSubstr("\"failures\": 1"));
  EXPECT_THAT(report_text(report), HasSubstr("episodes.csv line 3: rule 144: child C1 (LS)"));
}

TEST(Ssda903Rules, ARuleWhoseTableIsMissingIsSkippedAndSaidSo) {
  Ssda903Files f = valid_return();
  f.current.erase(T::kMissing);
  const ValidationReport report = validate_ssda903(f);
  EXPECT_TRUE(report.failures.empty());
  std::set<std::string> skipped;
  for (const auto& rule : report.rules_skipped) skipped.insert(std::string(rule.code));
  EXPECT_TRUE(skipped.contains("1004"));
  EXPECT_THAT(report_text(report),
              HasSubstr("not run (a table or reference data they need was not given)"));
}

TEST(Ssda903Rules, TheDayBeforeThe25thBirthdayIsNotOver25) {
  Ssda903Files f = valid_return();
  set_dob(f, "C2", "02/04/2000");  // 25 on 2 April 2025
  EXPECT_TRUE(failing_rules(f).empty());
  set_dob(f, "C2", "31/03/2000");  // 25 on 31 March 2025
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"351"}));
}

TEST(Ssda903Rules, AReviewRowWithNeitherDateNorCodeFailsOnlyTheDate) {
  Ssda903Files f = valid_return();
  cell(f, T::kReviews, 0, "REVIEW") = "";
  cell(f, T::kReviews, 0, "REVIEW_CODE") = "";
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"166"}));
}

TEST(Ssda903Rules, AnEpisodeClosedBeforeTheYearBeganNeedsNoUrn) {
  Ssda903Files f = valid_return();
  CsvTable& episodes = f.current.at(T::kEpisodes);
  episodes.rows.push_back(episodes.rows.at(0));
  episodes.lines.push_back(episodes.lines.back() + 1);
  cell(f, T::kEpisodes, 2, "DECOM") = "01/01/2025";
  cell(f, T::kEpisodes, 2, "DEC") = "31/03/2025";
  cell(f, T::kEpisodes, 2, "URN") = "";
  EXPECT_FALSE(failing_rules(f).contains("218"));
  cell(f, T::kEpisodes, 2, "DEC") = "01/04/2025";
  EXPECT_TRUE(failing_rules(f).contains("218"));
}

TEST(Ssda903Rules, FormerUnaccompaniedAsylumSeekersNeedNoPostcodes) {
  Ssda903Files f = valid_return();
  cell(f, T::kEpisodes, 1, "HOME_POST") = "";
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"392b"}));
  f.previous[T::kUasc] = make(T::kUasc, {{"C1", "M", "17/05/2012", "01/02/2025"}});
  EXPECT_TRUE(failing_rules(f).empty());
}

TEST(Ssda903Rules, PostcodesOfEveryShapeAreRead) {
  Ssda903Files f = valid_return();
  for (const char* postcode :
       {"M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "ec1a1bb"}) {
    cell(f, T::kEpisodes, 1, "PL_POST") = postcode;
    EXPECT_TRUE(failing_rules(f).empty()) << postcode;
  }
  for (const char* postcode : {"M1", "EC1A 1B", "11 1AA", "M1 AAA", "EC1AA 1BB", "M1 1A1"}) {
    cell(f, T::kEpisodes, 1, "PL_POST") = postcode;
    EXPECT_EQ(failing_rules(f), (std::set<std::string>{"392c"})) << postcode;
  }
}

TEST(Ssda903Rules, AnEpisodeOfExactlyItsLimitPasses) {
  struct Limit {
    std::string ls, place, dec;
    std::set<std::string> failing;  // other rules the change fails
  };
  const std::vector<Limit> limits = {
      {"L1", "U4", "04/06/2025", {}},                     // 361: 3 days (72 hours)
      {"L2", "U4", "22/06/2025", {}},                     // 362: 21 days
      {"L3", "U4", "08/06/2025", {}},                     // 363: 7 days
      {"J2", "U4", "22/06/2025", {}},                     // 364: 21 days
      {"V3", "U3", "18/06/2025", {"214", "398"}},         // 365: 17 days
      {"V3", "U3", "15/08/2025", {"214", "365", "398"}},  // 367: 75 days
      {"C2", "T1", "13/07/2025", {"226", "380"}},         // 375: 42 days
      {"C2", "T3", "22/06/2025", {"226", "380"}},         // 376: 21 days
  };
  for (const Limit& limit : limits) {
    Ssda903Files f = valid_return();
    cell(f, T::kEpisodes, 0, "LS") = limit.ls;
    set_place(f, 0, limit.place);
    cell(f, T::kEpisodes, 0, "DEC") = limit.dec;
    cell(f, T::kEpisodes, 1, "DECOM") = limit.dec;
    if (limit.ls != "C2") cell(f, T::kEpisodes, 1, "RNE") = "B";
    EXPECT_EQ(failing_rules(f), limit.failing) << limit.ls << " " << limit.place;
  }
}

// Two years' files cannot show an older care leaver's care: 1001 and 1002 judge only those 17
// in the year.
TEST(Ssda903Rules, ACareLeaverOlderThan17IsNotJudgedOnEpisodesTheReturnsCannotHold) {
  Ssda903Files f = valid_return();
  last_year(f, T::kEpisodes, 1, "CHILD") = "C9";  // C2 (19 in September) has no episode
  EXPECT_TRUE(failing_rules(f).empty());
  set_dob(f, "C2", "02/09/2008");  // 17 in September
  EXPECT_EQ(failing_rules(f), (std::set<std::string>{"1001", "1002"}));
}

// A spell that began in an episode of last year's return is not "before the child started to
// be looked after", though before this year's first episode.
TEST(Ssda903Rules, AMissingSpellBegunInLastYearsCareIsNotBeforeCare) {
  Ssda903Files f = valid_return();
  CsvTable& missing = f.current.at(T::kMissing);
  missing.rows.push_back({"C1", "17/05/2012", "M", "20/01/2025", "02/04/2025"});
  missing.lines.push_back(missing.lines.back() + 1);
  EXPECT_FALSE(failing_rules(f).contains("581"));
  f.previous.erase(T::kEpisodes);
  EXPECT_TRUE(failing_rules(f).contains("581"));
}

TEST(Ssda903Rules, PaddedValuesAreReadTrimmed) {
  Ssda903Files f = valid_return();
  cell(f, T::kHeader, 0, "ETHNIC") = " WBRI ";
  EXPECT_TRUE(failing_rules(f).empty());
}

}  // namespace
}  // namespace hearth::returns
