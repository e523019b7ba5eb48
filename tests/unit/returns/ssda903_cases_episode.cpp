// SSDA903 rule cases: episodes: legal statuses, ages, continuity, temporary placements, reviews
// (ssda903_rules_episodes.cpp). Each is a change to valid_return() that the rule's wording says
// must fail it, with the other rules the same change fails (ssda903_return.hpp).
#include "ssda903_return.hpp"

namespace hearth::returns::test {

std::vector<Case> episode_cases() {
  return {
      // 18 on the day the episode began; the open episode then also fails 359.
      {"352", [](auto& f) { set_dob(f, "C1", "01/06/2007"); }, 2026, {"359"}},
      {"357", [](auto& f) { cell(f, T::kEpisodes, 0, "RNE") = "P"; }},
      // The day before the 10th birthday (RNE B: legal status and placement both change).
      {"358",
       [](auto& f) {
         set_dob(f, "C1", "02/09/2015");
         cell(f, T::kEpisodes, 1, "LS") = "J1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      // Each legal status one day over its limit, the next episode starting the day it ended.
      {"361",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "L1";
         cell(f, T::kEpisodes, 0, "DEC") = "05/06/2025";  // 4 days
         cell(f, T::kEpisodes, 1, "DECOM") = "05/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      {"362",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "L2";
         cell(f, T::kEpisodes, 0, "DEC") = "23/06/2025";  // 22 days
         cell(f, T::kEpisodes, 1, "DECOM") = "23/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      {"363",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "L3";
         cell(f, T::kEpisodes, 0, "DEC") = "09/06/2025";  // 8 days
         cell(f, T::kEpisodes, 1, "DECOM") = "09/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      {"364",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "J2";
         cell(f, T::kEpisodes, 0, "DEC") = "23/06/2025";  // 22 days
         cell(f, T::kEpisodes, 1, "DECOM") = "23/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       }},
      // Respite (V3) in a short-term foster placement (U3: 384 bars U1 and U4); V3 with
      // postcodes also fails 398.
      {"365",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         cell(f, T::kEpisodes, 0, "PLACE") = "U3";
         cell(f, T::kEpisodes, 0, "DEC") = "19/06/2025";  // 18 days
         cell(f, T::kEpisodes, 1, "DECOM") = "19/06/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"214", "398"}},
      {"366",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "V3";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
         cell(f, T::kEpisodes, 1, "DEC") = "10/09/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2026,
       {"214", "398"}},
      // 76 days of respite in the year, in one break (so over 365's 17 days too).
      {"367",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         cell(f, T::kEpisodes, 0, "PLACE") = "U3";
         cell(f, T::kEpisodes, 0, "DEC") = "16/08/2025";
         cell(f, T::kEpisodes, 1, "DECOM") = "16/08/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"214", "365", "398"}},
      // Began the day before the 10th birthday; a private provider (527 bars PR1 with R5).
      {"372",
       [](auto& f) {
         set_dob(f, "C1", "02/06/2015");
         cell(f, T::kEpisodes, 0, "PLACE") = "R5";
         cell(f, T::kEpisodes, 0, "PLACE_PROVIDER") = "PR4";
       },
       2026,
       {"222"}},
      // A first episode that is temporary, with a reason for the change, also fails 226 and 380
      // (as 379's case).
      {"375",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "T1";
         cell(f, T::kEpisodes, 0, "DEC") = "14/07/2025";  // 43 days
         cell(f, T::kEpisodes, 1, "DECOM") = "14/07/2025";
       },
       2026,
       {"178", "213", "222", "226", "380"}},
      {"376",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "PLACE") = "T3";
         cell(f, T::kEpisodes, 0, "DEC") = "23/06/2025";  // 22 days
         cell(f, T::kEpisodes, 1, "DECOM") = "23/06/2025";
       },
       2026,
       {"178", "213", "222", "226", "380"}},
      // Three two-day T3 placements within four months, each back to the usual placement.
      {"377",
       [](auto& f) {
         auto episode = [](std::string from, std::string to, bool on_holiday) {
           return std::vector<std::string>{"C1",
                                           from,
                                           from == "01/06/2025" ? "S" : "P",
                                           "C2",
                                           "N1",
                                           on_holiday ? "T3" : "U4",
                                           on_holiday ? "" : "PR1",
                                           to,
                                           to.empty() ? "" : "X1",
                                           "",
                                           "ZZ1 1AA",
                                           on_holiday ? "" : "ZZ1 2BB",
                                           on_holiday ? "" : "SC123456"};
         };
         f.current[T::kEpisodes] = make(
             T::kEpisodes,
             {episode("01/06/2025", "10/06/2025", false), episode("10/06/2025", "12/06/2025", true),
              episode("12/06/2025", "10/08/2025", false), episode("10/08/2025", "12/08/2025", true),
              episode("12/08/2025", "10/10/2025", false), episode("10/10/2025", "12/10/2025", true),
              episode("12/10/2025", "", false)});
       },
       2026,
       {"185", "190", "392b", "602", "EPI"}},
      {"378",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "V2";
         cell(f, T::kEpisodes, 1, "PLACE") = "P1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"222", "527"}},
      // The episode before gives no reason for the change, as none is wanted before a temporary
      // placement (226).
      {"381",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "PLACE") = "T0";
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E13";
       },
       2026,
       {"178", "213", "222"}},
      {"382",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "PLACE") = "T0";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"178", "213", "214", "222", "398"}},
      // From the U4 placement to four days of T3, then to U5 (not back to U4): from 2025-26 the
      // episode after the temporary one fails, until 2024-25 the temporary one.
      {"383",
       [](auto& f) {
         twice(f, T::kEpisodes, 1);
         cell(f, T::kEpisodes, 2, "DECOM") = "05/09/2025";
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "PLACE") = "T3";
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "";
         cell(f, T::kEpisodes, 1, "DEC") = "05/09/2025";
         cell(f, T::kEpisodes, 1, "REC") = "X1";
         cell(f, T::kEpisodes, 1, "PL_POST") = "";
         cell(f, T::kEpisodes, 1, "URN") = "";
       },
       2026,
       {"392b"}},
      {"383",
       [](auto& f) {
         twice(f, T::kEpisodes, 1);
         cell(f, T::kEpisodes, 2, "DECOM") = "05/09/2024";
         cell(f, T::kEpisodes, 0, "REASON_PLACE_CHANGE") = "";
         cell(f, T::kEpisodes, 1, "PLACE") = "T3";
         cell(f, T::kEpisodes, 1, "PLACE_PROVIDER") = "";
         cell(f, T::kEpisodes, 1, "DEC") = "05/09/2024";
         cell(f, T::kEpisodes, 1, "REC") = "X1";
         cell(f, T::kEpisodes, 1, "PL_POST") = "";
         cell(f, T::kEpisodes, 1, "URN") = "";
       },
       2025,
       {"392b"}},
      {"384",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "PLACE") = "U1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"214", "398"}},
      // Ages on the day care ended: on the 18th birthday (386, 407), the day before the 14th,
      // 16th and 18th (387, 389, 460).
      {"386",
       [](auto& f) {
         set_dob(f, "C1", "01/11/2007");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E11";
       },
       2026,
       {"390", "601"}},
      {"387",
       [](auto& f) {
         set_dob(f, "C1", "02/11/2011");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E5";
       }},
      // The last episode ends X1, with no episode after it.
      {"388",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "X1";
       }},
      {"389",
       [](auto& f) {
         set_dob(f, "C1", "02/11/2009");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E7";
       }},
      {"407",
       [](auto& f) {
         set_dob(f, "C1", "01/11/2007");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E45";
       },
       2026,
       {}},
      {"426",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "V3";
         cell(f, T::kEpisodes, 0, "PLACE") = "U3";
         cell(f, T::kEpisodes, 0, "DEC") = "05/06/2025";
         cell(f, T::kEpisodes, 1, "DECOM") = "05/06/2025";
         cell(f, T::kEpisodes, 1, "LS") = "V4";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"214", "398", "399"}},
      {"431", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "S"; }},
      // Care ended (E13) the day the next episode began: 388 fails the E13 too.
      {"432", [](auto& f) { cell(f, T::kEpisodes, 0, "REC") = "E13"; }, 2026, {"388"}},
      // A day's gap after an X1: 388 fails the X1 too.
      {"433", [](auto& f) { cell(f, T::kEpisodes, 1, "DECOM") = "02/09/2025"; }, 2026, {"388"}},
      // 434-436: the legal status, then the placement, contradicting the reason.
      {"434", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "L"; }},
      {"434",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "RNE") = "L";
         cell(f, T::kEpisodes, 1, "LS") = "C1";
       }},
      {"435", [](auto& f) { cell(f, T::kEpisodes, 1, "LS") = "C1"; }},
      {"435",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "PLACE") = "U4";
         cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 2BB";
         cell(f, T::kEpisodes, 1, "URN") = "SC123456";
       }},
      {"436", [](auto& f) { cell(f, T::kEpisodes, 1, "RNE") = "B"; }},
      {"436",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "RNE") = "B";
         cell(f, T::kEpisodes, 1, "LS") = "C1";
         cell(f, T::kEpisodes, 1, "PLACE") = "U4";
         cell(f, T::kEpisodes, 1, "PL_POST") = "ZZ1 2BB";
         cell(f, T::kEpisodes, 1, "URN") = "SC123456";
       }},
      // Died, and looked after again the next day.
      {"437",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "REC") = "E2";
         cell(f, T::kEpisodes, 1, "DECOM") = "02/09/2025";
         cell(f, T::kEpisodes, 1, "RNE") = "S";
       }},
      {"440", [](auto& f) { cell(f, T::kReviews, 0, "REVIEW_CODE") = "PN0"; }},
      // A review on the 4th birthday is of a child aged 4 (the validator's 440 passes it).
      {"440",
       [](auto& f) {
         cell(f, T::kReviews, 0, "DOB") = "01/09/2021";
         cell(f, T::kReviews, 0, "REVIEW_CODE") = "PN0";
       },
       2026,
       {"INT17"}},
      // The day before the 4th birthday.
      {"441", [](auto& f) { cell(f, T::kReviews, 0, "DOB") = "02/09/2021"; }, 2026, {"INT17"}},
      {"445",
       [](auto& f) {
         cell(f, T::kEpisodes, 0, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"556"}},
      // Open under D1: one that began after December 2005 fails 445 too.
      {"451",
       [](auto& f) {
         cell(f, T::kEpisodes, 1, "LS") = "D1";
         cell(f, T::kEpisodes, 1, "RNE") = "B";
       },
       2026,
       {"445"}},
      {"460",
       [](auto& f) {
         set_dob(f, "C1", "02/11/2007");
         cell(f, T::kEpisodes, 1, "DEC") = "01/11/2025";
         cell(f, T::kEpisodes, 1, "REC") = "E17";
       },
       2026,
       {}},
      // Against last year's return: C1's January episode left open at the year's end.
      {"502",
       [](auto& f) {
         last_year(f, T::kEpisodes, 0, "DEC") = "";
         last_year(f, T::kEpisodes, 0, "REC") = "";
       }},
      // Began in March 2025, but last year's latest episode began in January.
      {"562",
       [](auto& f) { cell(f, T::kEpisodes, 0, "DECOM") = "01/03/2025"; },
       2026,
       {"191", "SW12STG2"}},
  };
}

}  // namespace hearth::returns::test
