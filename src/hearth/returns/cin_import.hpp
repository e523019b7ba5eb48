// The CIN census into Hearth's records (`hearth import cin`): each Child a child record, each
// CINdetails a referral, and its assessments, CIN plans, section 47 enquiries and protection
// plans (with their reviews) records of their own, each remembering the file and line it came
// from. Ids come from natural keys (a child's referral is known by the child and its date), so
// that the same census read twice gives the same records.
//
// Codes are kept as given: validation judges them. Refused, naming file, line and item: a
// date that is not a date (YYYY-MM-DD), a yes/no item that is not true, false, 1 or 0, a
// number of previous plans that is not a whole number, a required yes/no item or number of
// previous plans that is missing (read as "no" or 0, it would hide the rules' findings), a
// Child without LAchildID, one child twice, and a module without the date that identifies it.
#pragma once

#include <string>
#include <vector>

#include "hearth/core/result.hpp"
#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/record_import.hpp"

namespace hearth::returns {

core::Result<std::vector<ImportedRecord>> records_from_cin_census(const CinCensus& census,
                                                                  const std::string& la_code);

}  // namespace hearth::returns
