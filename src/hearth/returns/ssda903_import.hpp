// SSDA903 CSV tables into Hearth's records (`hearth import 903`): so that a national analyst can
// load many authorities' returns, and an authority can bring its history from another system.
//
// Each row becomes a record with an id from its natural key (a child's episode is known by the
// child and its start date), and remembers its source: the revision's reason names the file and
// line it came from. Codes are kept as given, and so are rows the DfE's rules would question
// (two missing spells from one day, a child twice in OC2): validation judges them. A date that
// is not a date, a row without a CHILD, a child twice in the Header, UASC or AD1 table (one
// child record cannot hold two), or a child of another table not in the Header are refused,
// naming file, line and field, and then nothing is written.
#pragma once

#include <string>
#include <vector>

#include "hearth/core/result.hpp"
#include "hearth/returns/record_import.hpp"
#include "hearth/returns/ssda903.hpp"
#include "hearth/store/store.hpp"

namespace hearth::returns {

// The records of this year's tables in `files`, for authority `la_code`.
core::Result<std::vector<ImportedRecord>> records_from_ssda903(const Ssda903Files& files,
                                                               const std::string& la_code);

}  // namespace hearth::returns
