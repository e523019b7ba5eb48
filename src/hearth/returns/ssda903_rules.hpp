// The DfE's validation rules for the SSDA903 return, each one entry in a registry: its code,
// its message as the DfE words it, the fields and tables it involves, the collection years it
// applies to, and its source. The rules run on the return's CSV tables in memory (csv.hpp), so
// they judge an export, or files from any other system, alike (`hearth validate 903 FILES`).
//
// Source: "Children looked after return 2024 to 2025: validation rules" (DfE), as listed with
// their messages in the open-source validator's rule list (output_data/903_2024_25_rule_info.csv,
// data-to-insight/csc-validator-be-903), with its 2024-25 overrides (rules 101, 103, 174, 612);
// 2025-26 changes the placement codes (rule 146: Z11-Z14 added), per
// ../shared/domain/REFERENCE.md section 5. The rules are in ssda903_rules.cpp and
// ssda903_rules_<concern>.cpp (placements, history, episodes, outcomes, adoption, missing, social
// workers, postcodes, providers); which of the list's codes are not here, and why, is in
// docs/decisions/0012-ssda903-rules-not-run.md. The rules on postcodes and providers need
// reference data the return does not carry (ssda903_reference.hpp, decision 0014).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/returns/csv.hpp"
#include "hearth/returns/ssda903.hpp"
#include "hearth/returns/ssda903_reference.hpp"
#include "hearth/returns/validation_report.hpp"

namespace hearth::returns {

struct Ssda903Context;

// What a rule needs beyond the return's tables (ssda903_reference.hpp), as bits of
// Ssda903Rule::needs.
enum Ssda903Needs : unsigned {
  kReturnOnly = 0,
  kPostcodes = 1,  // the postcode directory: PL_LA, PL_LOCATION, PL_DISTANCE
  kAuthority = 2,  // the return's own authority (IN or OUT, own provision)
  kProviders = 4,  // Ofsted's register of providers
};

struct Ssda903Rule {
  std::string_view code;
  std::string_view message;  // as the DfE words it
  std::vector<std::string_view> fields;
  std::vector<Ssda903Table> tables;  // every one must be there for the rule to run
  int first_year;                    // collection years (ending 31 March) it applies to
  int last_year;
  void (*check)(const Ssda903Context&, std::vector<RuleFailure>&);
  // Last year's tables it compares with (the previous/ folder): every one must be there too.
  std::vector<Ssda903Table> previous_tables = {};
  unsigned needs = kReturnOnly;  // Ssda903Needs bits
};

// Every rule implemented, by code (a code may appear twice, for different years).
std::span<const Ssda903Rule> ssda903_rules();
// The rules of collection year `year`.
std::vector<const Ssda903Rule*> ssda903_rules_for(int year);

// The rules of the files' year whose tables are given but whose reference data is not: how
// many, and the Ssda903Needs bits that would run them.
struct ReferenceWanted {
  size_t rules = 0;
  unsigned needs = kReturnOnly;
};
ReferenceWanted ssda903_reference_wanted(const Ssda903Files& files,
                                         const Ssda903Reference& reference);

// Every rule of the files' year that has what it needs: its tables, and the reference data it
// needs (the others are listed in the report's rules_skipped). The rules run on `threads`
// threads (0: one per core); the report is the same whatever the number.
ValidationReport validate_ssda903(const Ssda903Files& files, const Ssda903Reference& reference = {},
                                  size_t threads = 0);

}  // namespace hearth::returns
