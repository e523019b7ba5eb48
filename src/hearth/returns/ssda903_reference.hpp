// Reference data that some SSDA903 rules need and the return does not carry (decision 0014):
// - where a postcode is: the ONS postcode directory (ONSPD or NSPL). From it the DfE's
//   validator derives each episode's PL_LA, PL_LOCATION and PL_DISTANCE, which 16 rules judge;
// - what Ofsted has registered at a URN: its lists of social care providers, which 7 rules judge.
// Neither ships with Hearth (the directory is 2.7 million postcodes, the lists change monthly):
// an analyst names them (`hearth validate 903 --postcodes FILE --providers FILE`), and the rules
// that need one that is not given are reported as not run.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/result.hpp"

namespace hearth::returns {

// Where a postcode is.
struct PostcodePlace {
  // OS National Grid easting and northing, metres; none for a postcode the directory gives no
  // grid reference (the Channel Islands, the Isle of Man).
  std::optional<std::pair<int32_t, int32_t>> grid;
  // The upper-tier local authority, as an ONS code: the county (E10) in a two-tier area, else
  // the district or unitary (E06, E08, E09; W06, S12, N09 outside England); empty for the
  // directory's pseudo-codes (L99999999, M99999999).
  std::string authority;
};

class PostcodeDirectory {
 public:
  struct Entry {
    std::string postcode;
    PostcodePlace place;
  };
  PostcodeDirectory() = default;
  explicit PostcodeDirectory(std::vector<Entry> entries);

  // As the DfE's validator matches postcodes: upper case, every space taken out ("ab1 2cd" and
  // "AB12CD" are one postcode). Nothing else is forgiven: an outward code alone matches nothing.
  static std::string key(std::string_view postcode);
  const PostcodePlace* find(std::string_view postcode) const;
  size_t size() const { return keys_.size(); }

 private:
  // Sorted by key; a postcode's key fits in 8 bytes. 2.7 million postcodes take some 150 MB
  // here (56 bytes each), and twice that while they are read.
  std::vector<uint64_t> keys_;
  std::vector<PostcodePlace> places_;
};

// The ONS Postcode Directory or the National Statistics Postcode Lookup as CSV, of any
// vintage: the columns are found by name (the postcode: pcd, pcd7, pcds or pcd8; the grid:
// oseast1m/osnrth1m or east1m/north1m; the district: laua, oslaua or ladNNcd; the county, if
// there: cty, oscty or ctyNNcd). Read a line at a time: the directory is about 1 GB. An error
// names the file, the line and the column.
core::Result<PostcodeDirectory> read_postcode_directory(std::istream& in, std::string_view file);
core::Result<PostcodeDirectory> read_postcode_directory(const std::string& path);

// What Ofsted has registered at a URN.
struct RegisteredProvider {
  std::string urn;
  std::vector<std::string> place_codes;        // the PLACE codes it may be (K1, K2, R3, ...)
  std::vector<std::string> provider_codes;     // the PLACE_PROVIDER codes (PR0-PR5)
  std::string postcode;                        // the setting's
  std::optional<core::Date> registration_end;  // closed or deregistered
};

class ProviderRegister {
 public:
  ProviderRegister() = default;
  explicit ProviderRegister(std::vector<RegisteredProvider> providers);
  const RegisteredProvider* find(std::string_view urn) const;
  size_t size() const { return providers_.size(); }

 private:
  std::vector<RegisteredProvider> providers_;
  std::unordered_map<std::string, size_t> by_urn_;
};

// Ofsted's list of social care providers saved as CSV, under one header row: the closed
// providers' sheet has a Deregistration date, so its rows go under its header and the current
// providers' rows after them, that column blank (the children's homes list has the same columns
// under other names). Columns by name, in any case: URN; Placement code (or Provider code);
// Placement provider code (or Provider placement code); Setting postcode (or Setting address
// postcode); Deregistration date (or Closed date), as dd/mm/YYYY or YYYY-MM-DD, if there. Codes
// are separated by commas or slashes. A URN given twice: the later row.
core::Result<ProviderRegister> read_provider_register(std::string_view text, std::string_view file);
core::Result<ProviderRegister> read_provider_register(const std::string& path);

// What the rules that need reference data are given. A rule runs only when everything it needs
// is here (Ssda903Rule::needs).
struct Ssda903Reference {
  std::string authority;  // the return's local authority as an ONS code (E09000007)
  const PostcodeDirectory* postcodes = nullptr;
  const ProviderRegister* providers = nullptr;
};

// An episode's PL_LA, PL_LOCATION and PL_DISTANCE, derived from its postcodes as the DfE's
// validator derives them.
struct PlacementPlace {
  // PL_LA: the placement's upper-tier authority; SCO, WAL or NIR outside England; empty when
  // PL_POST is blank, unknown, or in the Channel Islands or the Isle of Man.
  std::string la;
  // PL_LOCATION: IN (in the return's authority), OUT, or empty when PL_POST is blank or unknown.
  std::string location;
  // PL_DISTANCE: miles from home (HOME_POST) to placement, in a straight line on the National
  // Grid, to one decimal place; none when either postcode is blank, unknown or has no grid.
  std::optional<double> distance;
};

PlacementPlace placement_place(const Ssda903Reference& reference, std::string_view home_postcode,
                               std::string_view placement_postcode);

}  // namespace hearth::returns
