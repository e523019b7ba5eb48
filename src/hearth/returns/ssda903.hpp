// The SSDA903 return (children looked after) as the DfE's CSV tables: each table's name, the
// file Hearth writes it to, its columns in the DfE's order, and the collection years it is in.
// Dates are dd/mm/YYYY; booleans 0/1. Source: "Children looked after return 2025 to 2026:
// technical specifications" (DfE), with the column lists as the DfE's own validator tools read
// them (../shared/domain/REFERENCE.md section 5).
//
// A table is known by its header row, not its file name: other systems name files as they
// like, so the importer and `hearth validate` identify each file by its columns.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/result.hpp"
#include "hearth/returns/authority_records.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::returns {

enum class Ssda903Table {
  kHeader,
  kEpisodes,
  kReviews,
  kUasc,
  kOc2,
  kOc3,
  kAd1,
  kPlacedAdoption,
  kPrevPerm,
  kMissing,
  kSwEpisodes,
};

struct Ssda903Layout {
  Ssda903Table table;
  std::string_view name;  // the DfE's name for the table: "Header", "Episodes", "OC3"
  std::string_view file;  // what Hearth calls the file: "header.csv"
  std::vector<std::string_view> columns;
  int first_year;  // the first collection year (ending 31 March) the table is in
};

// Every table, in the DfE's order.
std::span<const Ssda903Layout> ssda903_layouts();
const Ssda903Layout& ssda903_layout(Ssda903Table table);
// The tables of collection year `year` (SWEpisodes from 2023-24 on).
std::vector<const Ssda903Layout*> ssda903_tables_for(int year);

// Which table a file is, by its columns (in any order). A file whose columns are no table's
// fails, naming the nearest table and the columns it lacks or has too many of.
core::Result<const Ssda903Layout*> identify_ssda903_table(const CsvTable& table);

// One return's tables: this year's, and last year's where the rules compare with them.
struct Ssda903Files {
  int year = 0;  // the collection year, by the 31 March it ends on
  std::map<Ssda903Table, CsvTable> current;
  std::map<Ssda903Table, CsvTable> previous;
  std::vector<std::string> ignored;  // CSV files in the folders read that are no table: why
};

// Reads CSV files, or folders of them (a folder's previous/ holds last year's tables), each
// known by its columns. Fails naming the file and line of the first file named that is not a
// table (one in a folder is passed over, in `ignored`), or both files when two are the same
// table.
core::Result<Ssda903Files> read_ssda903_files(std::span<const std::string> paths, int year);

// The SSDA903 files of one authority for collection year `year` (1 April year-1 to 31 March
// year), from its records, in ssda903_tables_for(year) order:
// - Episodes: every episode open on any day of the year;
// - Header: every child with such an episode, or with a care leaver (OC3) record for the year;
// - Reviews, Missing, SWEpisodes: those children's reviews and missing episodes in the year,
//   and social worker episodes open on any day of the social worker reporting period (from
//   2024-25 it begins a year before the collection year); SW_REASON is on the episode the
//   change of worker began;
// - UASC: the looked-after children who were unaccompanied asylum-seeking children in the year,
//   with DUC the day the status ceased or, while it lasts, the 18th birthday (the day care ended,
//   for a child who left care in the year before 18): so a blank DUC read from another system
//   is written back as the 18th birthday;
// - MOTHER, MC_DOB: asked of girls looked after in the year other than on short breaks only;
// - OC2, OC3: the outcome records of the year;
// - AD1: children adopted in the year (an episode ending E11 or E12); PlacedAdoption: children
//   whose decision to be placed for adoption was open on any day of the year; PrevPerm: children
//   who started to be looked after in the year, with what permanence they had before (one row a
//   child: the last recorded). AD1 too is one row a child.
std::vector<CsvTable> export_ssda903(const AuthorityRecords& records, int year);

// The same, this year's tables and last year's, as the rules read them: what validating a
// return made from the records (the returns page) needs without writing files.
Ssda903Files export_ssda903_files(const AuthorityRecords& records, int year);

}  // namespace hearth::returns
