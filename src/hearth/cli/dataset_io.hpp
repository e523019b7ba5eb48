// Synthetic datasets into the store (`hearth synth --db`) and onto disk (`--out`).
#pragma once

#include <filesystem>
#include <vector>

#include "hearth/store/store.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::cli {

// Every record of the dataset; children in their current version, or in their oldest version
// when `oldest_children` (the store then receives later versions as revisions).
std::vector<store::Record> current_records(const synth::Dataset& dataset, bool oldest_children);

// Bulk-loads the dataset, then writes the later revisions of children's records with the dates
// they happened. Returns the number of revisions written.
core::Result<int64_t> load_dataset(store::Store& store, const synth::Dataset& dataset,
                                   uint64_t seed);

// Writes folder/records.jsonl (every record, one JSON object a line: {"kind":..,"record":{..}}),
// folder/people.csv (every person record of the authority and the agencies, in the columns the
// linkage engine reads: record_id,source,given_name,family_name,date_of_birth,sex,postcode,
// nhs_number,upn) and folder/truth.csv (record_id,source,person_id).
core::Status write_dataset(const synth::Dataset& dataset, const std::filesystem::path& folder);

// Writes the authority's statutory returns for collection year `year`, as its system would send
// them: folder/903/ (the SSDA903 tables, last year's in folder/903/previous/) and folder/cin.xml
// (the CIN census, from 2024-25). The same as `hearth export` of the dataset loaded into a store.
// Also folder/reference/postcodes.csv and providers.csv: the reference data some SSDA903 rules
// need (ssda903_reference.hpp), made from the return's own postcodes and URNs.
core::Status write_returns(const synth::Dataset& dataset, const std::filesystem::path& folder,
                           int year);

}  // namespace hearth::cli
