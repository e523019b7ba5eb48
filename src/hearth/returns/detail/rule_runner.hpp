// Running a return's validation rules, the same way for both returns: the rules on several
// threads, the failures gathered in the registry's order.
#pragma once

#include <algorithm>
#include <atomic>
#include <iterator>
#include <span>
#include <tuple>
#include <vector>

#include "hearth/core/parallel.hpp"
#include "hearth/returns/validation_report.hpp"

namespace hearth::returns::detail {

// Runs each rule with a copy of `shared` naming it (`context.rule`), on `threads` threads (0: one
// a core). Each thread takes the next rule not yet taken; each rule's failures go in a slot of
// their own, sorted by file and line (a rule that walks children reports in their order), so
// that the result is the same, in the same order, whichever thread ran what.
template <typename Rule, typename Context>
std::vector<RuleFailure> run_rules(std::span<const Rule* const> rules, const Context& shared,
                                   size_t threads) {
  std::vector<std::vector<RuleFailure>> found(rules.size());
  std::atomic<size_t> next{0};
  core::run_on_threads(threads > 0 ? threads : core::threads_for(rules.size()), [&](size_t) {
    Context context = shared;
    for (size_t i = next++; i < rules.size(); i = next++) {
      context.rule = rules[i];
      rules[i]->check(context, found[i]);
      std::stable_sort(found[i].begin(), found[i].end(),
                       [](const RuleFailure& a, const RuleFailure& b) {
                         return std::tie(a.file, a.line) < std::tie(b.file, b.line);
                       });
    }
  });
  std::vector<RuleFailure> failures;
  for (auto& some : found) {
    failures.insert(failures.end(), std::make_move_iterator(some.begin()),
                    std::make_move_iterator(some.end()));
  }
  return failures;
}

}  // namespace hearth::returns::detail
