#include "hearth/returns/ssda903_rules.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "hearth/core/date.hpp"
#include "hearth/core/text.hpp"
#include "hearth/domain/codes.hpp"
#include "hearth/returns/detail/column.hpp"
#include "hearth/returns/detail/rule_runner.hpp"
#include "hearth/returns/detail/ssda903_rule_kit.hpp"

namespace hearth::returns {

namespace {

using namespace detail;
namespace codes = domain::codes;

// ----------------------------------------------------------------------------- the rules

void r101(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kHeader, "SEX", codes::sex(), true);
}
void r101_before_2025(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column sex(t, "SEX");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (sex(r) != "1" && sex(r) != "2") fail(c, o, T::kHeader, r);
  }
}
void r102(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kHeader, "DOB", true);
}
void r103(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kHeader, "ETHNIC", codes::ethnicity(), true);
}
void r104(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kUasc, "DUC", false);
}
void r131(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kOc3, "IN_TOUCH", codes::in_touch(), true);
}
void r132(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kOc3, "ACTIV", codes::care_leaver_activity(), true);
}
void r133(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kOc3, "ACCOM", codes::care_leaver_accommodation(), true);
}
void r141(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kEpisodes, "DECOM", true);
}
void r143(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "RNE", codes::reason_new_episode(), true);
}
void r144(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "LS", codes::legal_status(), true);
}
void r145(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "CIN", codes::category_of_need(), true);
}
void r146(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "PLACE", codes::placement_type(), true);
}
void r147(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kEpisodes, "DEC", false);
}
void r148(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column dec(t, "DEC"), rec(t, "REC");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (dec(r).empty() != rec(r).empty()) fail(c, o, T::kEpisodes, r);
  }
}
void r149(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "REC", codes::reason_episode_ceased(), false);
}
void r166(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kReviews, "REVIEW", true);
}
// A blank code with a blank date is a row with nothing to judge (166 reports the date).
void r167(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kReviews);
  const Column review(t, "REVIEW"), code(t, "REVIEW_CODE");
  const int year = c.files.year;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto v = code(r);
    const bool bad =
        v.empty() ? !review(r).empty() : !codes::review_participation().valid_in(v, year);
    if (bad) fail(c, o, T::kReviews, r);
  }
}
void r171(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kHeader, "MC_DOB", false);
}
void r174(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column sex(t, "SEX"), mc_dob(t, "MC_DOB");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (sex(r) == "M" && !mc_dob(r).empty()) fail(c, o, T::kHeader, r);
  }
}
void r178_before_2026(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "PLACE_PROVIDER", codes::placement_provider(), false);
}
// From 2025-26 as the DfE states it: a valid code, and none at all for placements T0-T3 and
// Z11-Z14 (which 213 also fails, with T4).
void r178(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column place(t, "PLACE"), provider(t, "PLACE_PROVIDER");
  const int year = c.files.year;
  each_row(c, o, T::kEpisodes, [&](size_t r) {
    const auto v = provider(r);
    return !v.empty() && (!codes::placement_provider().valid_in(v, year) ||
                          in(place(r), {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"}));
  });
}
void r301(const Ssda903Context& c, Out& o) {
  date_after(c, o, T::kHeader, "DOB", c.end);
}
// Past the 25th birthday on the first day of the year (a 29 February birthday falls on 28th).
void r351(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column dob(t, "DOB");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto d = uk_date(dob(r));
    if (!d) continue;
    const int year = d->year() + 25;
    const auto birthday =
        Date::from_ymd(year, d->month(), std::min(d->day(), Date::days_in_month(year, d->month())));
    if (birthday && *birthday < c.start) fail(c, o, T::kHeader, r);
  }
}
void r353(const Ssda903Context& c, Out& o) {
  const Date earliest = Date::from_ymd(1991, 10, 14).value();
  const CsvTable& t = c.table(T::kEpisodes);
  const Column decom(t, "DECOM");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto d = uk_date(decom(r));
    if (d && *d < earliest) fail(c, o, T::kEpisodes, r);
  }
}
// 354 names DECOM though its message speaks of the date ceased: as the DfE lists it.
void r354(const Ssda903Context& c, Out& o) {
  date_after(c, o, T::kEpisodes, "DECOM", c.end);
}
void r356(const Ssda903Context& c, Out& o) {
  ends_before_start(c, o, T::kEpisodes, "DECOM", "DEC");
}
void r385(const Ssda903Context& c, Out& o) {
  date_after(c, o, T::kEpisodes, "DEC", c.end);
}
// 142: an episode other than a child's last has no end date.
void r142(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kEpisodes);
  const Column dec(t, "DEC"), rec(t, "REC");
  for (const auto& [child, rows] : by_child_and_date(t, "DECOM")) {
    for (size_t i = 0; i + 1 < rows.size(); ++i) {
      const size_t row = rows[i].second;
      if (dec(row).empty() || rec(row).empty()) fail(c, o, T::kEpisodes, row);
    }
  }
}
// 501: an episode starts before the one before it ended.
void r501(const Ssda903Context& c, Out& o) {
  starts_before_previous_end(c, o, T::kEpisodes, "DECOM", "DEC");
}
void r567(const Ssda903Context& c, Out& o) {
  ends_before_start(c, o, T::kMissing, "MIS_START", "MIS_END");
}
void r570(const Ssda903Context& c, Out& o) {
  date_after(c, o, T::kMissing, "MIS_START", c.end);
}
void r611(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column mother(t, "MOTHER"), mc_dob(t, "MC_DOB");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (mother(r) == "1" && mc_dob(r).empty()) fail(c, o, T::kHeader, r);
  }
}
void r612(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column sex(t, "SEX"), mother(t, "MOTHER"), mc_dob(t, "MC_DOB");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (sex(r) == "F" && mother(r) != "1" && !mc_dob(r).empty()) fail(c, o, T::kHeader, r);
  }
}
void r620(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column mother(t, "MOTHER"), dob(t, "DOB");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto d = uk_date(dob(r));
    if (mother(r) == "1" && d && c.start.years_since(*d) < 11) fail(c, o, T::kHeader, r);
  }
}
void r621(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kHeader);
  const Column dob(t, "DOB"), mc_dob(t, "MC_DOB");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto mother = uk_date(dob(r));
    auto child = uk_date(mc_dob(r));
    if (mother && child && *child <= *mother) fail(c, o, T::kHeader, r);
  }
}
void r1004(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kMissing, "MIS_START", true);
}
void r1005(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kMissing, "MIS_END", false);
}
void r1006(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kMissing, "MISSING", codes::missing_type(), false);
}
void int03(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kEpisodes);
}
void int32(const Ssda903Context& c, Out& o) {
  child_once(c, o, T::kHeader);
}

// The second batch: OC2, adoption, previous permanence, social worker episodes, and the
// internal checks that each child is in the Header and once in the once-a-child tables.
void r112(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kAd1, "DATE_INT", false);
}
void r113(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kAd1, "DATE_MATCH", false);
}
void r114(const Ssda903Context& c, Out& o) {
  flags(c, o, T::kAd1, {"FOSTER_CARE"});
}
void r115(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kPlacedAdoption, "DATE_PLACED", true);
}
void r116(const Ssda903Context& c, Out& o) {
  valid_date(c, o, T::kPlacedAdoption, "DATE_PLACED_CEASED", false);
}
void r120(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kPlacedAdoption, "REASON_PLACED_CEASED", codes::reason_placed_ceased(), false);
}
void r158(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kOc2);
  const Column received(t, "INTERVENTION_RECEIVED"), offered(t, "INTERVENTION_OFFERED");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (received(r) == "1" && !offered(r).empty()) fail(c, o, T::kOc2, r);
  }
}
void r159(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kOc2);
  const Column misuse(t, "SUBSTANCE_MISUSE"), received(t, "INTERVENTION_RECEIVED"),
      offered(t, "INTERVENTION_OFFERED");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (misuse(r) == "1" && received(r) == "0" && offered(r).empty()) fail(c, o, T::kOc2, r);
  }
}
void r175(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kAd1);
  const Column number(t, "NB_ADOPTR");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (!number(r).empty() && number(r) != "1" && number(r) != "2") fail(c, o, T::kAd1, r);
  }
}
void r176(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kAd1, "SEX_ADOPTR", codes::sex_of_adopters(), false);
}
void r177(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kAd1, "LS_ADOPTR", codes::adopters_legal_status(), false);
}
void r180(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kOc2);
  const Column score(t, "SDQ_SCORE");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto v = score(r);
    const bool number =
        !v.empty() && v.size() <= 2 && v.find_first_not_of("0123456789") == std::string_view::npos;
    if (!v.empty() && (!number || std::stoi(std::string(v)) > 40)) fail(c, o, T::kOc2, r);
  }
}
void r181(const Ssda903Context& c, Out& o) {
  flags(c, o, T::kOc2,
        {"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
         "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"});
}
void r192(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kOc2);
  const Column misuse(t, "SUBSTANCE_MISUSE"), received(t, "INTERVENTION_RECEIVED");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (misuse(r) == "1" && received(r).empty()) fail(c, o, T::kOc2, r);
  }
}
void r193(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kOc2);
  const Column misuse(t, "SUBSTANCE_MISUSE"), received(t, "INTERVENTION_RECEIVED"),
      offered(t, "INTERVENTION_OFFERED");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (misuse(r) != "1" && (!received(r).empty() || !offered(r).empty())) fail(c, o, T::kOc2, r);
  }
}
void r196(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kOc2, "SDQ_REASON", codes::sdq_reason(), false);
}
void r197a(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kOc2);
  const Column score(t, "SDQ_SCORE"), reason(t, "SDQ_REASON");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (!score(r).empty() && !reason(r).empty()) fail(c, o, T::kOc2, r);
  }
}
void r333(const Ssda903Context& c, Out& o) {
  ends_before_start(c, o, T::kAd1, "DATE_INT", "DATE_MATCH");
}
void r355(const Ssda903Context& c, Out& o) {
  same_day(c, o, T::kEpisodes, "DECOM", "DEC");
}
void r511(const Ssda903Context& c, Out& o) {
  const CsvTable& t = c.table(T::kAd1);
  const Column number(t, "NB_ADOPTR"), sex(t, "SEX_ADOPTR");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (number(r) == "2" && sex(r) != "MM" && sex(r) != "FF" && sex(r) != "MF") {
      fail(c, o, T::kAd1, r);
    }
  }
}
void r522(const Ssda903Context& c, Out& o) {
  ends_before_start(c, o, T::kPlacedAdoption, "DATE_PLACED", "DATE_PLACED_CEASED");
}
void r631(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kPrevPerm, "PREV_PERM", codes::previous_permanence(), true);
}
void r1009(const Ssda903Context& c, Out& o) {
  code_in(c, o, T::kEpisodes, "REASON_PLACE_CHANGE", codes::reason_place_change(), false);
}
// The validator's 2025-26 code fails an episode of under 3 days (and one ending before it
// began, SW18STG2's); Hearth keeps the message's less than 24 hours: the same day.
void sw09(const Ssda903Context& c, Out& o) {
  same_day(c, o, T::kSwEpisodes, "SW_DECOM", "SW_DEC");
}
void sw10(const Ssda903Context& c, Out& o) {
  starts_before_previous_end(c, o, T::kSwEpisodes, "SW_DECOM", "SW_DEC");
}
void int01(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kAd1);
}
void int02(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kPlacedAdoption);
}
void int04(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kMissing);
}
void int05(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kOc2);
}
void int06(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kOc3);
}
void int07(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kPrevPerm);
}
void int08(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kReviews);
}
void int09(const Ssda903Context& c, Out& o) {
  child_in_header(c, o, T::kUasc);
}
void int31(const Ssda903Context& c, Out& o) {
  child_once(c, o, T::kAd1);
}
void int33(const Ssda903Context& c, Out& o) {
  child_once(c, o, T::kOc2);
}
void int34(const Ssda903Context& c, Out& o) {
  child_once(c, o, T::kOc3);
}
void int35(const Ssda903Context& c, Out& o) {
  child_once(c, o, T::kPrevPerm);
}
void int36(const Ssda903Context& c, Out& o) {
  child_once(c, o, T::kUasc);
}

const std::vector<Ssda903Rule>& rules() {
  static const std::vector<Ssda903Rule> kRules = [] {
    std::vector<Ssda903Rule> all = {
        {"101", "Gender code is not valid.", {"SEX"}, {T::kHeader}, kAny, 2024, r101_before_2025},
        {"101",
         "The child or young person’s reported sex is not valid.",
         {"SEX"},
         {T::kHeader},
         2025,
         kOpen,
         r101},
        {"102", "Date of birth is not a valid date.", {"DOB"}, {T::kHeader}, kAny, kOpen, r102},
        {"103",
         "The ethnicity code is either not valid or has not been entered.",
         {"ETHNIC"},
         {T::kHeader},
         kAny,
         kOpen,
         r103},
        {"104",
         "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
         {"DUC"},
         {T::kUasc},
         kAny,
         kOpen,
         r104},
        {"131",
         "Data entry for being in touch after leaving care is invalid.",
         {"IN_TOUCH"},
         {T::kOc3},
         kAny,
         kOpen,
         r131},
        {"132",
         "Data entry for activity after leaving care is invalid.",
         {"ACTIV"},
         {T::kOc3},
         kAny,
         kOpen,
         r132},
        {"133",
         "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
         "accommodation after leaving care the data entry must be valid",
         {"ACCOM"},
         {T::kOc3},
         kAny,
         kOpen,
         r133},
        {"141",
         "Date episode began is not a valid date.",
         {"DECOM"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r141},
        {"142",
         "A new episode has started, but the previous episode has not ended.",
         {"DEC", "REC"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r142},
        {"143",
         "The reason for new episode code is not a valid code.",
         {"RNE"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r143},
        {"144",
         "The legal status code is not a valid code.",
         {"LS"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r144},
        {"145",
         "Category of need code is not a valid code.",
         {"CIN"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r145},
        {"146",
         "Placement type code is not a valid code.",
         {"PLACE"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r146},
        {"147",
         "Date episode ceased is not a valid date.",
         {"DEC"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r147},
        {"148",
         "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
         {"DEC", "REC"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r148},
        {"149",
         "Reason episode ceased code is not valid. ",
         {"REC"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r149},
        {"166",
         "Date of review is invalid or blank.",
         {"REVIEW"},
         {T::kReviews},
         kAny,
         kOpen,
         r166},
        {"167",
         "Data entry for participation is invalid or blank.",
         {"REVIEW_CODE"},
         {T::kReviews},
         kAny,
         kOpen,
         r167},
        {"171",
         "Date of birth of mother's child is not a valid date.",
         {"MC_DOB"},
         {T::kHeader},
         kAny,
         kOpen,
         r171},
        {"174",
         "Mother's child date of birth is recorded but sex shows that the child is a male.",
         {"SEX", "MC_DOB"},
         {T::kHeader},
         2025,
         kOpen,
         r174},
        {"178",
         "Placement provider code is not a valid code.",
         {"PLACE_PROVIDER"},
         {T::kEpisodes},
         kAny,
         2025,
         r178_before_2026},
        {"178",
         "Placement provider code is not a valid code.",
         {"PLACE_PROVIDER"},
         {T::kEpisodes},
         2026,
         kOpen,
         r178},
        {"301",
         "Date of birth falls after the year ended.",
         {"DOB"},
         {T::kHeader},
         kAny,
         kOpen,
         r301},
        {"351",
         "Child was over 25 at the start of the current collection year.",
         {"DOB"},
         {T::kHeader},
         kAny,
         kOpen,
         r351},
        {"353",
         "No episode submitted can start before 14 October 1991.",
         {"DECOM"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r353},
        {"354",
         "Date episode ceased must be on or before the end of the current collection year.",
         {"DECOM"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r354},
        {"356",
         "The date the episode ceased is before the date the same episode started.",
         {"DECOM"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r356},
        {"385",
         "Date episode ceased must be on or before the end of the current collection year.",
         {"DEC"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r385},
        {"501",
         "A new episode has started before the end date of the previous episode.",
         {"DEC", "DECOM"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r501},
        {"567",
         "The date that the missing episode or episode that the child was away from placement "
         "without authorisation ended is before the date that it started.",
         {"MIS_END", "MIS_START"},
         {T::kMissing},
         kAny,
         kOpen,
         r567},
        {"570",
         "The date that the child started to be missing or away from placement without "
         "authorisation is after the end of the collection year.",
         {"MIS_START"},
         {T::kMissing},
         kAny,
         kOpen,
         r570},
        {"611",
         "Date of birth field is blank, but child is a mother.",
         {"MC_DOB", "MOTHER"},
         {T::kHeader},
         kAny,
         kOpen,
         r611},
        {"612",
         "Date of birth field has been completed but mother field indicates child is not a mother.",
         {"SEX", "MOTHER", "MC_DOB"},
         {T::kHeader},
         2025,
         kOpen,
         r612},
        {"620",
         "Child has been recorded as a mother, but date of birth shows that the mother is under 11 "
         "years of age.",
         {"DOB", "MOTHER"},
         {T::kHeader},
         kAny,
         kOpen,
         r620},
        {"621",
         "Mother’s field has been completed but date of birth shows that the mother is younger "
         "than her child.",
         {"DOB", "MC_DOB"},
         {T::kHeader},
         kAny,
         kOpen,
         r621},
        {"1004",
         "The start date of the missing episode or episode that the child was away from placement "
         "without authorisation is not a valid date.",
         {"MIS_START"},
         {T::kMissing},
         kAny,
         kOpen,
         r1004},
        {"1005",
         "The end date of the missing episode or episode that the child was away from placement "
         "without authorisation is not a valid date.",
         {"MIS_END"},
         {T::kMissing},
         kAny,
         kOpen,
         r1005},
        {"1006", "Missing type invalid.", {"MISSING"}, {T::kMissing}, kAny, kOpen, r1006},
        {"112",
         "Date should be placed for adoption is not a valid date.",
         {"DATE_INT"},
         {T::kAd1},
         kAny,
         kOpen,
         r112},
        {"113",
         "Date matching child and adopter(s) is not a valid date.",
         {"DATE_MATCH"},
         {T::kAd1},
         kAny,
         kOpen,
         r113},
        {"114",
         "Data entry to record the status of former carer(s) of an adopted child is invalid.",
         {"FOSTER_CARE"},
         {T::kAd1},
         kAny,
         kOpen,
         r114},
        {"115",
         "Date of Local Authority's (LA) decision that a child should be placed for adoption is "
         "not "
         "a valid date.",
         {"DATE_PLACED"},
         {T::kPlacedAdoption},
         kAny,
         kOpen,
         r115},
        {"116",
         "Date of Local Authority's (LA) decision that a child should no longer be placed for "
         "adoption is not a valid date.",
         {"DATE_PLACED_CEASED"},
         {T::kPlacedAdoption},
         kAny,
         kOpen,
         r116},
        {"120",
         "The reason for the reversal of the decision that the child should be placed for adoption "
         "code is not valid.",
         {"REASON_PLACED_CEASED"},
         {T::kPlacedAdoption},
         kAny,
         kOpen,
         r120},
        {"158",
         "If a child has been recorded as receiving an intervention for their substance misuse "
         "problem, then the additional item on whether an intervention was offered should be left "
         "blank.",
         {"INTERVENTION_OFFERED", "INTERVENTION_RECEIVED"},
         {T::kOc2},
         kAny,
         kOpen,
         r158},
        {"159",
         "If a child has been recorded as not receiving an intervention for their substance misuse "
         "problem, then the additional item on whether an intervention was offered should be "
         "completed as well.",
         {"INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"},
         {T::kOc2},
         kAny,
         kOpen,
         r159},
        {"175",
         "The number of adopter(s) code is not a valid code.",
         {"NB_ADOPTR"},
         {T::kAd1},
         kAny,
         kOpen,
         r175},
        {"176",
         "The gender of adopter(s) at the date of adoption code is not a valid code.",
         {"SEX_ADOPTR"},
         {T::kAd1},
         kAny,
         kOpen,
         r176},
        {"177",
         "The legal status of adopter(s) code is not a valid code.",
         {"LS_ADOPTR"},
         {T::kAd1},
         kAny,
         kOpen,
         r177},
        {"180",
         "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
         {"SDQ_SCORE"},
         {T::kOc2},
         kAny,
         kOpen,
         r180},
        {"181",
         "Data items relating to children looked after continuously for 12 months should be "
         "completed with a 0 or 1.",
         {"CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "INTERVENTION_OFFERED",
          "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK"},
         {T::kOc2},
         kAny,
         kOpen,
         r181},
        {"192",
         "Child has been identified as having a substance misuse problem but the additional item "
         "on "
         "whether an intervention was received has been left blank.",
         {"INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"},
         {T::kOc2},
         kAny,
         kOpen,
         r192},
        {"193",
         "Child not identified as having a substance misuse problem but at least one of the two "
         "additional items on whether an intervention were offered and received have been "
         "completed.",
         {"INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"},
         {T::kOc2},
         kAny,
         kOpen,
         r193},
        {"196",
         "Strengths and Difficulties (SDQ) reason is not a valid code.",
         {"SDQ_REASON"},
         {T::kOc2},
         kAny,
         kOpen,
         r196},
        {"197a",
         "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
         "Difficulties Questionnaire score is filled in.",
         {"SDQ_REASON", "SDQ_SCORE"},
         {T::kOc2},
         kAny,
         kOpen,
         r197a},
        {"333",
         "Date should be placed for adoption must be on or prior to the date of matching child "
         "with adopter(s).",
         {"DATE_INT"},
         {T::kAd1},
         kAny,
         kOpen,
         r333},
        {"355",
         "Episode appears to have lasted for less than 24 hours",
         {"DEC", "DECOM"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r355},
        {"511",
         "If reporting that the number of person(s) adopting the looked after child is two "
         "adopters then the code should only be MM, FF or MF. MM = the adopting couple are both "
         "males; FF = the adopting couple are both females; MF = The adopting couple are male and "
         "female.",
         {"NB_ADOPTR", "SEX_ADOPTR"},
         {T::kAd1},
         kAny,
         kOpen,
         r511},
        {"522",
         "Date of decision that the child should be placed for adoption must be on or before the "
         "date that a child should no longer be placed for adoption.",
         {"DATE_PLACED", "DATE_PLACED_CEASED"},
         {T::kPlacedAdoption},
         kAny,
         kOpen,
         r522},
        {"631",
         "Previous permanence option not a valid value.",
         {"PREV_PERM"},
         {T::kPrevPerm},
         kAny,
         kOpen,
         r631},
        {"1009",
         "Reason for placement change is not a valid code.",
         {"REASON_PLACE_CHANGE"},
         {T::kEpisodes},
         kAny,
         kOpen,
         r1009},
        {"SW09STG2",
         "Social worker episode appears to have lasted for less than 24 hours.",
         {"SW_DEC", "SW_DECOM"},
         {T::kSwEpisodes},
         2024,
         kOpen,
         sw09},
        {"SW10STG2",
         "A new social worker episode has started before the end date of the previous social "
         "worker episode.",
         {"SW_DECOM"},
         {T::kSwEpisodes},
         2024,
         kOpen,
         sw10},
        {"INT01",
         "Data Integrity Check: Child in AD1 does not exist in Header.",
         {"CHILD"},
         {T::kAd1, T::kHeader},
         kAny,
         kOpen,
         int01},
        {"INT02",
         "Internal Check: Child in PlacedAdoption does not exist in Header.",
         {"CHILD"},
         {T::kPlacedAdoption, T::kHeader},
         kAny,
         kOpen,
         int02},
        {"INT04",
         "Internal Check: Child in Missing does not exist in Header.",
         {"CHILD"},
         {T::kMissing, T::kHeader},
         kAny,
         kOpen,
         int04},
        {"INT05",
         "Internal Check: Child in OC2 does not exist in Header.",
         {"CHILD"},
         {T::kOc2, T::kHeader},
         kAny,
         kOpen,
         int05},
        {"INT06",
         "Internal Check: Child in OC3 does not exist in Header.",
         {"CHILD"},
         {T::kOc3, T::kHeader},
         kAny,
         kOpen,
         int06},
        {"INT07",
         "Internal Check: Child in PrevPerm does not exist in Header.",
         {"CHILD"},
         {T::kPrevPerm, T::kHeader},
         kAny,
         kOpen,
         int07},
        {"INT08",
         "Internal Check: Child in Reviews does not exist in Header.",
         {"CHILD"},
         {T::kReviews, T::kHeader},
         kAny,
         kOpen,
         int08},
        {"INT09",
         "Internal Check: Child in UASC does not exist in Header.",
         {"CHILD"},
         {T::kUasc, T::kHeader},
         kAny,
         kOpen,
         int09},
        {"INT31",
         "Internal Check: Child should only exist once in AD1.",
         {"CHILD"},
         {T::kAd1},
         kAny,
         kOpen,
         int31},
        {"INT33",
         "Internal Check: Child should only exist once in OC2.",
         {"CHILD"},
         {T::kOc2},
         kAny,
         kOpen,
         int33},
        {"INT34",
         "Internal Check: Child should only exist once in OC3.",
         {"CHILD"},
         {T::kOc3},
         kAny,
         kOpen,
         int34},
        {"INT35",
         "Internal Check: Child should only exist once in PrevPerm.",
         {"CHILD"},
         {T::kPrevPerm},
         kAny,
         kOpen,
         int35},
        {"INT36",
         "Internal Check: Child should only exist once in UASC.",
         {"CHILD"},
         {T::kUasc},
         kAny,
         kOpen,
         int36},
        {"INT03",
         "Internal Check: Child in Episodes does not exist in Header.",
         {"CHILD"},
         {T::kEpisodes, T::kHeader},
         kAny,
         kOpen,
         int03},
        {"INT32",
         "Internal Check: Child should only exist once in Header.",
         {"CHILD"},
         {T::kHeader},
         kAny,
         kOpen,
         int32},
    };
    for (auto part :
         {ssda903_placement_rules, ssda903_history_rules, ssda903_episode_rules,
          ssda903_outcome_rules, ssda903_adoption_rules, ssda903_missing_rules,
          ssda903_social_worker_rules, ssda903_postcode_rules, ssda903_provider_rules}) {
      for (auto& rule : part()) all.push_back(std::move(rule));
    }
    return all;
  }();
  return kRules;
}

}  // namespace

std::span<const Ssda903Rule> ssda903_rules() {
  return rules();
}

std::vector<const Ssda903Rule*> ssda903_rules_for(int year) {
  std::vector<const Ssda903Rule*> out;
  for (const auto& rule : rules()) {
    if (year >= rule.first_year && year <= rule.last_year) out.push_back(&rule);
  }
  return out;
}

namespace {

unsigned needs_given(const Ssda903Reference& reference) {
  return (reference.postcodes ? kPostcodes : 0u) | (reference.authority.empty() ? 0u : kAuthority) |
         (reference.providers ? kProviders : 0u);
}

bool tables_given(const Ssda903Rule& rule, const Ssda903Files& files) {
  return std::all_of(rule.tables.begin(), rule.tables.end(),
                     [&](T t) { return files.current.contains(t); }) &&
         std::all_of(rule.previous_tables.begin(), rule.previous_tables.end(),
                     [&](T t) { return files.previous.contains(t); });
}

}  // namespace

ReferenceWanted ssda903_reference_wanted(const Ssda903Files& files,
                                         const Ssda903Reference& reference) {
  ReferenceWanted wanted;
  const unsigned given = needs_given(reference);
  for (const Ssda903Rule* rule : ssda903_rules_for(files.year)) {
    const unsigned lacking = rule->needs & ~given;
    if (lacking == 0 || !tables_given(*rule, files)) continue;
    ++wanted.rules;
    wanted.needs |= lacking;
  }
  return wanted;
}

ValidationReport validate_ssda903(const Ssda903Files& files, const Ssda903Reference& reference,
                                  size_t threads) {
  ValidationReport report;
  report.return_name = "SSDA903";
  report.year = files.year;
  const unsigned given = needs_given(reference);
  std::vector<const Ssda903Rule*> runnable;
  for (const Ssda903Rule* rule : ssda903_rules_for(files.year)) {
    if ((rule->needs & ~given) == 0 && tables_given(*rule, files)) {
      report.rules_run.push_back({rule->code, rule->message});
      runnable.push_back(rule);
    } else {
      report.rules_skipped.push_back({rule->code, rule->message});
    }
  }
  Ssda903Derived derived;
  const Ssda903Context shared{files,
                              nullptr,
                              core::collection_year_start(files.year),
                              core::collection_year_end(files.year),
                              &reference,
                              &derived};
  report.failures =
      detail::run_rules(std::span<const Ssda903Rule* const>(runnable), shared, threads);
  return report;
}

}  // namespace hearth::returns
