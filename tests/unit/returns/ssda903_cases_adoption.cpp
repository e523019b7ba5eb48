// SSDA903 rule cases: AD1, PlacedAdoption and PrevPerm (ssda903_rules_adoption.cpp). Each is a
// change to valid_return() that the rule's wording says must fail it, with the other rules the same
// change fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> adoption_cases() {
  return {
      // C4 is the child adopted in the year (AD1 row 0, PlacedAdoption row 1); C1 has a
      // decision to be placed for adoption (PlacedAdoption row 0).
      {"117",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/04/2026"; },
       2026,
       {}},
      // Reversed after the child ceased to be looked after.
      {"117",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/12/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       },
       2026,
       {}},
      // Reversed before the child's first episode (01/06/2025), so before the decision too.
      {"118",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/05/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       },
       2026,
       {"522"}},
      {"119", [](auto& f) { cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1"; }},
      {"119",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025"; },
       2026,
       {}},
      {"151", [](auto& f) { cell(f, T::kAd1, 0, "FOSTER_CARE") = ""; }, 2026, {"601"}},
      // Adopted from an A4 placement that began 01/09/2025, matched a month after.
      {"331",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         cell(f, T::kAd1, 0, "DATE_MATCH") = "01/10/2025";
       },
       2026,
       {"601"}},
      // Before the latest period of care began (01/06/2025).
      // Before C4's period of care began (1 April).
      {"334", [](auto& f) { cell(f, T::kAd1, 0, "DATE_INT") = "01/03/2025"; }, 2026, {"523"}},
      // C4 adopted from A6 (not the foster carers) with FOSTER_CARE 1; then from A5 with 0.
      {"335", [](auto& f) { cell(f, T::kAd1, 0, "FOSTER_CARE") = "1"; }},
      {"335", [](auto& f) { cell(f, T::kEpisodes, 5, "PLACE") = "A5"; }, 2026, {"217"}},
      // Placed with current foster carers (A3) straight from a children's home.
      {"336",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "K2";
         cell(f, T::kEpisodes, 1, "PLACE") = "A3";
       },
       2026,
       {"217"}},
      {"390",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
       },
       2026,
       {"601"}},
      {"514", [](auto& f) { cell(f, T::kAd1, 0, "LS_ADOPTR") = "L0"; }},
      {"516",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "K2";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E45";
       }},
      {"517",
       [](auto& f) {
         cell(f, T::kAd1, 0, "LS_ADOPTR") = "L3";
         cell(f, T::kAd1, 0, "SEX_ADOPTR") = "MM";
       }},
      {"520", [](auto& f) { cell(f, T::kAd1, 0, "SEX_ADOPTR") = "FF"; }},
      {"521",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kAd1, 0, "DATE_INT") = "01/10/2025";
         cell(f, T::kAd1, 0, "DATE_MATCH") = "01/10/2025";
       },
       2026,
       {"331", "523"}},
      {"523", [](auto& f) { cell(f, T::kAd1, 0, "DATE_INT") = "02/07/2025"; }, 2026, {"333"}},
      {"525",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 1, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 1, "REASON_PLACED_CEASED") = "RD1";
       },
       2026,
       {"558"}},
      {"551",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         f.current[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       },
       2026,
       {"553"}},
      {"552",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/10/2025";
       },
       2026,
       {}},
      {"553",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "E1";
         cell(f, T::kEpisodes, 1, "LS") = "E1";
         f.current[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       },
       2026,
       {"551"}},
      // The decision reversed while the placement order's episode is still open.
      {"553",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "E1";
         cell(f, T::kEpisodes, 1, "LS") = "E1";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/06/2025";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
         cell(f, T::kAd1, 0, "DATE_INT") = "01/06/2025";
       },
       2026,
       {}},
      // The decision (01/07/2025) after the placement order (the first E1 episode, 01/06/2025).
      {"554",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "E1";
         cell(f, T::kEpisodes, 1, "LS") = "E1";
       }},
      // A freeing order (D1) after 2005 is 445's, and one still open 451's.
      {"555",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         f.current[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       },
       2026,
       {"445", "451", "551", "553"}},
      {"555",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/06/2025";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
         cell(f, T::kAd1, 0, "DATE_INT") = "01/06/2025";
       },
       2026,
       {"445", "451"}},
      {"556",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "LS") = "D1";
       },
       2026,
       {"445", "451"}},
      // Left care from an A4 placement, not adopted, the decision not reversed.
      {"557",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       }},
      {"557",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2024},
      // Before 2024-25 a freeing order (D1) counts too (a legal status changed with reason P is
      // 435's).
      {"557",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2023";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2024,
       {"435", "445"}},
      {"558",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/10/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       },
       2026,
       {"601"}},
      {"563",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "";
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
       },
       2026,
       {"115"}},
      // Two decisions, the first still open.
      {"579", [](auto& f) { twice(f, T::kPlacedAdoption, 0); }, 2026, {"583"}},
      // A new decision (01/08/2025) before the previous one ceased (01/09/2025).
      {"579",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED_CEASED") = "01/09/2025";
         cell(f, T::kPlacedAdoption, 0, "REASON_PLACED_CEASED") = "RD1";
         twice(f, T::kPlacedAdoption, 0);
         cell(f, T::kPlacedAdoption, 1, "DATE_PLACED") = "01/08/2025";
         cell(f, T::kPlacedAdoption, 1, "DATE_PLACED_CEASED") = "";
         cell(f, T::kPlacedAdoption, 1, "REASON_PLACED_CEASED") = "";
       },
       2026,
       {}},
      // Matched on the day of adoption, so after the A4 placement began (331).
      // Matched on the day of the adoption, which is after the placement (331 too).
      {"582", [](auto& f) { cell(f, T::kAd1, 0, "DATE_MATCH") = "01/12/2025"; }, 2026, {"331"}},
      {"583", [](auto& f) { twice(f, T::kPlacedAdoption, 0); }, 2026, {"579"}},
      {"601",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         cell(f, T::kAd1, 0, "NB_ADOPTR") = "";
       },
       2026,
       {"151"}},
      // Adopted with no AD1 row at all.
      {"601",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "A4";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
         f.current[T::kAd1] = make(T::kAd1, {});
       }},
      // C4's adoption data given to C2, who was not adopted (a care leaver: 134, 1012; the DOB
      // is C4's: INT11); C4, who was, is then without it (601).
      {"602",
       [](auto& f) { cell(f, T::kAd1, 0, "CHILD") = "C2"; },
       2026,
       {"1012", "134", "601", "INT11"}},
      {"630", [](auto& f) { cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1"; }},
      {"630", [](auto& f) { f.current[T::kPrevPerm] = make(T::kPrevPerm, {}); }},
      {"632",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "202";
         cell(f, T::kPrevPerm, 0, "DATE_PERM") = "31/02/2020";
       }},
      // Day not known: at the earliest 1 July 2025, after the first episode began (01/06/2025).
      {"632",
       [](auto& f) {
         cell(f, T::kPrevPerm, 0, "PREV_PERM") = "P1";
         cell(f, T::kPrevPerm, 0, "LA_PERM") = "202";
         cell(f, T::kPrevPerm, 0, "DATE_PERM") = "ZZ/07/2025";
       }},
      // C3, looked after only in January 2015, has a PrevPerm row. An episode that began before
      // the year with none last year is NoE's and 562's.
      {"634",
       [](auto& f) {
         auto add = [](CsvTable& t, std::vector<std::string> row) {
           t.rows.push_back(std::move(row));
           t.lines.push_back(t.lines.back() + 1);
         };
         add(f.current.at(T::kHeader), {"C5", "M", "17/05/2012", "WBRI", "UN5", "", ""});
         add(f.current.at(T::kEpisodes),
             {"C5", "01/01/2015", "S", "C2", "N1", "U4", "PR1", "01/02/2015", "E13", "", "ZZ1 1AA",
              "ZZ1 2BB", "SC123456"});
         add(f.current.at(T::kPrevPerm), {"C5", "17/05/2012", "Z1", "", ""});
       },
       2026,
       {"NoE", "562"}},
      // Before the child started to be looked after (01/06/2025).
      {"1003",
       [](auto& f) { cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/05/2025"; },
       2026,
       {}},
      // Against last year's PlacedAdoption (only the order of the dates matters to these rules).
      // A decision made before the year, of which last year's return has no date.
      {"559",
       [](auto& f) {
         cell(f, T::kPlacedAdoption, 0, "DATE_PLACED") = "01/03/2025";
         f.previous[T::kPlacedAdoption] = make(T::kPlacedAdoption, {});
       },
       2026,
       {"1003"}},
      // Last year's decision of 01/03/2025 was still open; this year's is another date.
      {"560",
       [](auto& f) {
         f.previous[T::kPlacedAdoption] =
             make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/03/2025", "", ""}});
       }},
      // The same date as last year's, which last year's return shows reversed (so no later: 584).
      {"561",
       [](auto& f) {
         f.previous[T::kPlacedAdoption] =
             make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/07/2025", "01/08/2025", "RD1"}});
       },
       2026,
       {"584"}},
      {"584",
       [](auto& f) {
         f.previous[T::kPlacedAdoption] =
             make(T::kPlacedAdoption, {{"C1", "17/05/2012", "01/08/2025", "01/09/2025", "RD1"}});
       }},
  };
}

}  // namespace hearth::returns::test
