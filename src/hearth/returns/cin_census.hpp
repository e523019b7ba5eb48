// The Children in Need census as the DfE's XML (a Message of a Header and Children, each Child
// with its identifiers, characteristics and one CINdetails a referral), and the same content as
// one plain table a module, which the validation rules and the importer read.
//
// Source: "Children in need census 2025 to 2026: specification" (DfE), with the element
// order and code sets of the DfE's published XML schema as kept in
// SocialFinanceDigitalLabs/liia-tools (CIN_schema_2024.xsd) and the 2024-25 change of
// GenderCurrent (1/2/0/9) to Sex (M/F/U); ../shared/domain/REFERENCE.md section 4. Hearth
// ships its rendering of the schema beside this file (cin_census.xsd); tests check every export
// against it. Years before 2024-25 (GenderCurrent) are not written or read.
//
// In the tables, a nested module's rows name the child (LAchildID) and the CINdetails,
// assessment or protection plan they belong to by its number in the file (CINdetailsID,
// AssessmentID, CPPID: "1", "2", ... in document order), so that a rule can join them; the
// child's own rows carry its <Child> element's number too (ChildNumber), so that two children
// given one LAchildID stay two children when the census is written again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearth/core/result.hpp"
#include "hearth/returns/authority_records.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::returns {

enum class CinModule {
  kHeader,
  kChildIdentifiers,
  kChildCharacteristics,
  kDisabilities,
  kCinDetails,
  kAssessments,
  kAssessmentFactors,
  kCinPlanDates,
  kSection47,
  kChildProtectionPlans,
  kReviews,
};

struct CinModuleLayout {
  CinModule module;
  std::string_view name;  // the DfE's name of the module: "CINdetails", "Section47"
  std::vector<std::string_view> columns;
};

std::span<const CinModuleLayout> cin_modules();
const CinModuleLayout& cin_module(CinModule module);

// The file an export writes when --out names a folder.
inline constexpr std::string_view kCinCensusFile = "cin_census.xml";

// The first collection year Hearth writes and reads (2024-25: Sex replaced GenderCurrent).
inline constexpr int kFirstCinCensusYear = 2025;
// The last year the rules are written for (they apply until a year changes them).
inline constexpr int kLastCinCensusYear = 2100;

// One census file as tables: every module is there, perhaps with no rows. Each row's line is
// the line its element starts on.
struct CinCensus {
  int year = 0;  // the collection year, by the 31 March (the ReferenceDate) it ends on
  std::string file;
  std::map<CinModule, CsvTable> tables;

  CsvTable& table(CinModule module) { return tables.at(module); }
  const CsvTable& table(CinModule module) const { return tables.at(module); }
};

// An empty census (every module's table, no rows) for `year`, named `file`.
CinCensus empty_cin_census(int year, std::string file);

// Files larger than this are refused before they are read: the largest authority's census is
// tens of megabytes, and the parsed document takes a few times its size.
inline constexpr uint64_t kMaxCinCensusBytes = 256ull << 20;
// And files with more tags than this: the largest authority's census has under 2 million, and
// each element read costs memory of its own, whatever the file's size.
inline constexpr int64_t kMaxCinCensusTags = 20'000'000;

// Reads a census. The year is the Header's ReferenceDate's, or `year` when the file has none.
// Refused, naming the file, line and element: text that is not well-formed XML or not UTF-8,
// a document type declaration (the census has none, and its entities are how an "XML bomb"
// expands), an entity other than XML's own five, an element the census does not have where it
// is, an item given twice, text where only elements belong, and a year before
// kFirstCinCensusYear. Missing and invalid items are read as they are: the rules judge them.
core::Result<CinCensus> parse_cin_census(std::string_view xml, std::string_view file_name,
                                         int year);
core::Result<CinCensus> read_cin_census_file(const std::filesystem::path& path, int year);

// The census as the DfE's XML, modules and items in the schema's order, empty items left out.
std::string write_cin_census(const CinCensus& census);

// The census of authority `records.la_code` for collection year `year`, as it stood on
// 31 March of that year (something recorded as ending later is written as still open, and
// anything starting later is left out): every child with a referral open on any day of the
// year, with those referrals; of each, the assessments, CIN plans and protection plans open on
// any day of the year, the section 47 enquiries that started or had their initial conference
// in it, and the plan reviews up to 31 March. `produced` is the Header's DateTime.
CinCensus export_cin_census(const AuthorityRecords& records, int year, core::Timestamp produced);
// The children that census names (LAchildID), known before it is made: an export audits them
// while it makes the census.
std::set<std::string> cin_census_children(const AuthorityRecords& records, int year);

}  // namespace hearth::returns
