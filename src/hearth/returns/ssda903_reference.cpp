#include "hearth/returns/ssda903_reference.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <numeric>

#include <fmt/format.h>

#include "hearth/core/text.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::returns {
namespace {

using core::Error;

// A postcode's key packed into 8 bytes (a key is at most 7 characters: "AB123CD"), so that the
// directory is a sorted array and not 2.7 million strings. Longer text is no postcode: none.
std::optional<uint64_t> packed(std::string_view key) {
  if (key.empty() || key.size() > 8) return std::nullopt;
  uint64_t out = 0;
  for (char c : key) out = (out << 8) | static_cast<unsigned char>(c);
  return out << (8 * (8 - key.size()));
}

// The first `limit` fields of one CSV line, as views into it: quoted fields lose their quotes
// (a doubled quote inside one is kept doubled: the directory's codes and postcodes have none).
// Fails on a quote left open or a quote inside an unquoted field, among those fields. The
// directory has some 50 columns and Hearth reads 5 of the first 15: the rest is not split.
bool split_line(std::string_view line, std::vector<std::string_view>& fields,
                size_t limit = SIZE_MAX) {
  fields.clear();
  size_t at = 0;
  while (fields.size() < limit) {
    if (at < line.size() && line[at] == '"') {
      size_t close = at + 1;
      while (true) {
        close = line.find('"', close);
        if (close == std::string_view::npos) return false;
        if (close + 1 < line.size() && line[close + 1] == '"') {
          close += 2;
          continue;
        }
        break;
      }
      fields.push_back(line.substr(at + 1, close - at - 1));
      at = close + 1;
      if (at == line.size()) return true;
      if (line[at] != ',') return false;
      ++at;
    } else {
      const size_t comma = line.find(',', at);
      const std::string_view field =
          line.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
      if (field.find('"') != std::string_view::npos) return false;
      fields.push_back(field);
      if (comma == std::string_view::npos) return true;
      at = comma + 1;
    }
  }
  return true;
}

// The index of the first of `names` the header has (in any case), or of a column matching
// prefix + two digits + suffix ("lad25cd"), if `prefix` is given.
std::optional<size_t> find_column(const std::vector<std::string>& header,
                                  std::initializer_list<std::string_view> names,
                                  std::string_view prefix = {}, std::string_view suffix = {}) {
  for (std::string_view name : names) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (core::iequals(header[i], name)) return i;
    }
  }
  if (!prefix.empty()) {
    for (size_t i = 0; i < header.size(); ++i) {
      const std::string name = core::ascii_lower(header[i]);
      if (name.size() == prefix.size() + 2 + suffix.size() && name.starts_with(prefix) &&
          name.ends_with(suffix) && std::isdigit(static_cast<unsigned char>(name[prefix.size()])) &&
          std::isdigit(static_cast<unsigned char>(name[prefix.size() + 1]))) {
        return i;
      }
    }
  }
  return std::nullopt;
}

std::optional<int32_t> metres(std::string_view text) {
  text = core::trim(text);
  int32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The directory's codes that stand for "no authority" (the Channel Islands, the Isle of Man) and
// "no county" (an area with one tier).
bool pseudo_code(std::string_view code) {
  return code.empty() || code.ends_with("99999999");
}

std::vector<std::string> codes(std::string_view text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= text.size()) {
    const size_t next = text.find_first_of(",/", at);
    const auto code =
        core::trim(text.substr(at, next == std::string_view::npos ? text.npos : next - at));
    if (!code.empty()) out.emplace_back(code);
    if (next == std::string_view::npos) break;
    at = next + 1;
  }
  return out;
}

}  // namespace

// ------------------------------------------------------------------ the postcode directory

PostcodeDirectory::PostcodeDirectory(std::vector<Entry> entries) {
  std::vector<std::pair<uint64_t, size_t>> order;
  order.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    if (auto k = packed(key(entries[i].postcode))) order.emplace_back(*k, i);
  }
  // By key; of two entries with one key the later wins (a later line of the file corrects).
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  keys_.reserve(order.size());
  places_.reserve(order.size());
  for (const auto& [k, i] : order) {
    if (!keys_.empty() && keys_.back() == k) {
      places_.back() = std::move(entries[i].place);
      continue;
    }
    keys_.push_back(k);
    places_.push_back(std::move(entries[i].place));
  }
}

std::string PostcodeDirectory::key(std::string_view postcode) {
  std::string out;
  out.reserve(postcode.size());
  for (char c : postcode) {
    if (c == ' ') continue;
    out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

const PostcodePlace* PostcodeDirectory::find(std::string_view postcode) const {
  const auto k = packed(key(postcode));
  if (!k) return nullptr;
  auto found = std::lower_bound(keys_.begin(), keys_.end(), *k);
  if (found == keys_.end() || *found != *k) return nullptr;
  return &places_[static_cast<size_t>(found - keys_.begin())];
}

core::Result<PostcodeDirectory> read_postcode_directory(std::istream& in, std::string_view file) {
  std::string line;
  std::vector<std::string_view> fields;
  auto at = [&](int64_t number) { return fmt::format("{} line {}", file, number); };
  if (!std::getline(in, line)) {
    return Error::invalid("postcodes", fmt::format("{} is empty: it should be the ONS postcode "
                                                   "directory (ONSPD or NSPL) as CSV",
                                                   file));
  }
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!split_line(line, fields)) {
    return Error::invalid("postcodes", at(1) + ": a quote is left open or out of place");
  }
  std::vector<std::string> header;
  for (auto f : fields) header.emplace_back(core::trim(f));
  const auto postcode = find_column(header, {"pcd", "pcd7", "pcds", "pcd8"});
  const auto east = find_column(header, {"oseast1m", "east1m"});
  const auto north = find_column(header, {"osnrth1m", "north1m"});
  const auto district = find_column(header, {"laua", "oslaua"}, "lad", "cd");
  const auto county = find_column(header, {"cty", "oscty"}, "cty", "cd");
  for (const auto& [column, named] :
       {std::pair{postcode, "the postcode (pcd, pcd7, pcds or pcd8)"},
        std::pair{east, "the easting (oseast1m or east1m)"},
        std::pair{north, "the northing (osnrth1m or north1m)"},
        std::pair{district, "the local authority district (laua, oslaua or ladNNcd)"}}) {
    if (!column) {
      return Error::invalid(
          "postcodes",
          fmt::format("{}: no column for {}; is this the ONS postcode directory?", at(1), named));
    }
  }
  const size_t needed = std::max({*postcode, *east, *north, *district, county.value_or(0)}) + 1;
  std::vector<PostcodeDirectory::Entry> entries;
  int64_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (core::trim(line).empty()) continue;
    if (!split_line(line, fields, needed)) {
      return Error::invalid("postcodes", at(number) + ": a quote is left open or out of place");
    }
    if (fields.size() < needed) {
      return Error::invalid("postcodes", fmt::format("{}: {} fields, where the header has {}",
                                                     at(number), fields.size(), header.size()));
    }
    const std::string_view code = core::trim(fields[*postcode]);
    if (code.empty()) continue;
    if (!core::is_valid_utf8(line)) {
      return Error::invalid("postcodes", at(number) + ": not UTF-8 text");
    }
    PostcodeDirectory::Entry entry;
    entry.postcode = std::string(code);
    const std::string_view e = core::trim(fields[*east]), n = core::trim(fields[*north]);
    if (!e.empty() && !n.empty()) {
      auto easting = metres(e), northing = metres(n);
      if (!easting || !northing) {
        return Error::invalid(
            "postcodes", fmt::format("{}, column {}: the grid reference {},{} is not whole metres",
                                     at(number), header[easting ? *north : *east], e, n));
      }
      entry.place.grid = std::pair{*easting, *northing};
    }
    const std::string_view lad = core::trim(fields[*district]);
    const std::string_view cty = county ? core::trim(fields[*county]) : std::string_view();
    // A district of a two-tier area (E07) is not the authority of a return: its county is. A
    // file cut down without the county column would put every such placement OUT.
    if (!county && lad.starts_with("E07")) {
      return Error::invalid(
          "postcodes", fmt::format("{}: {} is a district of a county, but the file has no county "
                                   "column (cty, oscty or ctyNNcd) to say which",
                                   at(number), lad));
    }
    // The upper tier: the county where there is one (two-tier England), else the district.
    if (!pseudo_code(cty) && cty.starts_with("E10")) {
      entry.place.authority = std::string(cty);
    } else if (!pseudo_code(lad)) {
      entry.place.authority = std::string(lad);
    }
    entries.push_back(std::move(entry));
  }
  if (in.bad()) return Error::io(fmt::format("cannot read {}", file));
  return PostcodeDirectory(std::move(entries));
}

core::Result<PostcodeDirectory> read_postcode_directory(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open {}", path));
  return read_postcode_directory(in, path);
}

// ------------------------------------------------------------------ Ofsted's providers

ProviderRegister::ProviderRegister(std::vector<RegisteredProvider> providers)
    : providers_(std::move(providers)) {
  // A URN on both of Ofsted's sheets (current and closed): the later row is the one kept.
  for (size_t i = 0; i < providers_.size(); ++i) by_urn_[providers_[i].urn] = i;
}

const RegisteredProvider* ProviderRegister::find(std::string_view urn) const {
  auto found = by_urn_.find(std::string(core::trim(urn)));
  return found == by_urn_.end() ? nullptr : &providers_[found->second];
}

namespace {

core::Result<ProviderRegister> register_from(const CsvTable& table) {
  const std::string& file = table.file;
  const auto urn = find_column(table.columns, {"URN"});
  const auto place = find_column(table.columns, {"Placement code", "Provider code"});
  const auto provider =
      find_column(table.columns, {"Placement provider code", "Provider placement code"});
  const auto postcode =
      find_column(table.columns, {"Setting postcode", "Setting address postcode"});
  const auto ended = find_column(table.columns, {"Deregistration date", "Closed date"});
  for (const auto& [column, named] :
       {std::pair{urn, "URN"}, std::pair{place, "Placement code"},
        std::pair{provider, "Placement provider code"}, std::pair{postcode, "Setting postcode"}}) {
    if (!column) {
      return Error::invalid("providers",
                            fmt::format("{} line 1: no column {}; is this Ofsted's list of social "
                                        "care providers saved as CSV?",
                                        file, named));
    }
  }
  std::vector<RegisteredProvider> providers;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    RegisteredProvider p;
    p.urn = std::string(core::trim(row[*urn]));
    if (p.urn.empty()) continue;
    p.place_codes = codes(row[*place]);
    p.provider_codes = codes(row[*provider]);
    p.postcode = std::string(core::trim(row[*postcode]));
    if (ended) {
      const std::string_view date = core::trim(row[*ended]);
      if (!date.empty()) {
        auto parsed = date.find('/') != std::string_view::npos ? core::Date::parse_uk(date)
                                                               : core::Date::parse_iso(date);
        if (!parsed) {
          return Error::invalid(
              "providers", fmt::format("{} line {}, column {}: {} is not a date (dd/mm/YYYY or "
                                       "YYYY-MM-DD)",
                                       file, table.lines[r], table.columns[*ended], date));
        }
        p.registration_end = *parsed;
      }
    }
    providers.push_back(std::move(p));
  }
  return ProviderRegister(std::move(providers));
}

}  // namespace

core::Result<ProviderRegister> read_provider_register(std::string_view text,
                                                      std::string_view file) {
  auto table = parse_csv(text, file);
  if (!table) return table.error();
  return register_from(*table);
}

core::Result<ProviderRegister> read_provider_register(const std::string& path) {
  // Read as every CSV the returns read: refused past kMaxCsvBytes, before it is read (the
  // postcode directory named here by mistake is a gigabyte).
  auto table = read_csv_file(path);
  if (!table) return table.error();
  return register_from(*table);
}

// ------------------------------------------------------------------ PL_LA, PL_LOCATION,
// PL_DISTANCE

PlacementPlace placement_place(const Ssda903Reference& reference, std::string_view home_postcode,
                               std::string_view placement_postcode) {
  PlacementPlace out;
  if (!reference.postcodes) return out;
  const PostcodePlace* home =
      home_postcode.empty() ? nullptr : reference.postcodes->find(home_postcode);
  const PostcodePlace* placed =
      placement_postcode.empty() ? nullptr : reference.postcodes->find(placement_postcode);
  if (placed) {
    // Outside England the DfE wants the country, not the authority.
    const std::string& la = placed->authority;
    out.la = la.starts_with('W')   ? "WAL"
             : la.starts_with('S') ? "SCO"
             : la.starts_with('N') ? "NIR"
                                   : la;
    out.location = !out.la.empty() && out.la == reference.authority ? "IN" : "OUT";
  }
  if (home && placed && home->grid && placed->grid) {
    // "Taken straight from the guidance": a straight line on the National Grid, in miles (1.6093
    // km), to one decimal place.
    const double de = home->grid->first - placed->grid->first;
    const double dn = home->grid->second - placed->grid->second;
    const double miles = std::sqrt(de * de + dn * dn) / 1000.0 / 1.6093;
    out.distance = std::round(miles * 10.0) / 10.0;
  }
  return out;
}

}  // namespace hearth::returns
