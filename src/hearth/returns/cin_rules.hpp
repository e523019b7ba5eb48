// The DfE's validation rules for the CIN census, each one entry in a registry: its code, its
// message as the DfE words it, the fields it involves, the module its failures are reported
// in, and the collection years it applies to. The rules run on the census's module tables in
// memory (cin_census.hpp), so they judge an export or a file from any other system alike
// (`hearth validate cin FILE`).
//
// Source: "Children in need census 2025 to 2026: validation rules" (DfE), as implemented with
// their messages in the open-source validator data-to-insight/csc-validator-be-cin (rules of
// 2022-23, with the 2023-24 and 2024-25 changes: Sex M/F/U in 4180 and 8750, LAchildID in 1570
// and 1580); 2025-26 has no changes to them (../shared/domain/REFERENCE.md section 4). A rule
// ending in Q is a query: the DfE asks for it to be checked, and it may be right. Not every
// rule is here yet: cin_rules() is the list of those that are.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/validation_report.hpp"

namespace hearth::returns {

struct CinContext;

struct CinRule {
  std::string_view code;
  std::string_view message;  // as the DfE words it
  std::vector<std::string_view> fields;
  int first_year;  // collection years (ending 31 March) it applies to
  int last_year;
  void (*check)(const CinContext&, std::vector<RuleFailure>&);
};

// Every rule implemented, by code.
std::span<const CinRule> cin_rules();
// The rules of collection year `year`.
std::vector<const CinRule*> cin_rules_for(int year);

// Every rule of the census's year. The rules run on `threads` threads (0: one per core); the
// report is the same whatever the number.
ValidationReport validate_cin_census(const CinCensus& census, size_t threads = 0);

}  // namespace hearth::returns
