// SSDA903 rule cases: social worker episodes (ssda903_rules_social_workers.cpp). Each is a change
// to valid_return() that the rule's wording says must fail it, with the other rules the same change
// fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> social_worker_cases() {
  return {
      {"SW01STG1", [](auto& f) { f.current[T::kSwEpisodes] = make(T::kSwEpisodes, {}); }, 2025},
      {"SW01STG1", [](auto& f) { f.current[T::kSwEpisodes] = make(T::kSwEpisodes, {}); }, 2024},
      // 2023-24 also wants a reason among the child's episodes.
      {"SW01STG1",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = ""; },
       2024,
       {"SW03STG1", "SW13STG1"}},
      {"SW02STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_ID") = "AB1234567"; }},
      // From 2025-26 the two letters alone are not an ID.
      {"SW02STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_ID") = "SW"; }},
      {"SW02STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_ID") = "sw1234567"; }, 2025},
      {"SW03STG1",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = ""; },
       2025,
       {"SW15STG2"}},
      {"SW04STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DECOM") = "2025-06-01"; }},
      {"SW05STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/13/2025"; }},
      // Also: C1's social worker episodes then begin after C1's care did.
      {"SW06STG2",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DECOM") = "01/04/2026"; },
       2026,
       {"SW12STG2"}},
      // Before the reporting period (1 April 2024), and with no episode after it.
      {"SW07STG2",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/03/2024"; },
       2026,
       {"SW11STG2", "SW17STG2", "SW18STG2"}},
      {"SW07STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/04/2026"; }},
      // In 2023-24 the reporting period is the collection year (from 1 April 2023).
      {"SW07STG2",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/03/2023"; },
       2024,
       {"SW11STG2"}},
      {"SW108STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
       },
       2026,
       {}},
      {"SW11STG2",
       [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025"; },
       2026,
       {"SW17STG2"}},
      // C1 has been looked after since 1 June, the social worker episodes only from 2 June.
      {"SW12STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DECOM") = "02/06/2025"; }},
      {"SW13STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = "LAZY"; }},
      // From 2024-25 only the child's first episode of the year may have no reason.
      {"SW13STG1",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
         cell(f, T::kSwEpisodes, 1, "SW_REASON") = "";
       }},
      {"SW13STG1", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_REASON") = "LAZY"; }, 2024},
      {"SW14STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2024";
       },
       2025,
       {"SW108STG2"}},
      // A change of worker in the year with no reason (the child's first episode needs none).
      {"SW15STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2024";
         cell(f, T::kSwEpisodes, 1, "SW_ID") = "SW2345678";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2024";
         cell(f, T::kSwEpisodes, 1, "SW_REASON") = "";
       },
       2025,
       {"SW03STG1", "SW13STG1"}},
      // Against last year's return: C1's episode left open at its end, carried on this year.
      {"SW16aSTG2",
       [](auto& f) {
         f.previous[T::kSwEpisodes] = f.current[T::kSwEpisodes];
         last_year(f, T::kSwEpisodes, 0, "SW_ID") = "SW7654321";
       },
       2025},
      {"SW16bSTG2",
       [](auto& f) {
         f.previous[T::kSwEpisodes] = f.current[T::kSwEpisodes];
         last_year(f, T::kSwEpisodes, 0, "SW_DECOM") = "01/02/2024";
       },
       2025},
      {"SW16cSTG2",
       [](auto& f) {
         f.previous[T::kSwEpisodes] = f.current[T::kSwEpisodes];
         last_year(f, T::kSwEpisodes, 0, "SW_REASON") = "OTHERS";
       },
       2025},
      // C1's first social worker ended on 1 August, the next (a change of social worker, not a
      // first contact) began on 1 September: 31 days later.
      {"SW10aSTG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
         cell(f, T::kSwEpisodes, 1, "SW_REASON") = "CHCHAN";
       }},
      // A first contact on 1 August while the episode before runs to 1 September: also SW10's
      // (every SW10b failure is one).
      {"SW10bSTG2",
       [](auto& f) {
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "01/09/2025";
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/08/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DEC") = "";
       },
       2026,
       {"SW10STG2"}},
      // C1's only episode ended on 31 March itself (not before it: not SW11).
      {"SW17STG2", [](auto& f) { cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/03/2026"; }},
      // Not the child's last episode, so neither SW11 nor SW17.
      {"SW18STG2",
       [](auto& f) {
         twice(f, T::kSwEpisodes, 0);
         cell(f, T::kSwEpisodes, 0, "SW_DEC") = "31/05/2025";
         cell(f, T::kSwEpisodes, 1, "SW_DECOM") = "01/09/2025";
       }},
      // Two open episodes from 1 June: the first is not the last (SW108).
      {"SW19STG2", [](auto& f) { twice(f, T::kSwEpisodes, 0); }, 2026, {"SW108STG2"}},
  };
}

}  // namespace hearth::returns::test
