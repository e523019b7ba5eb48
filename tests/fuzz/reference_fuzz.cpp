// Fuzz target: the reference files some SSDA903 rules need (returns/ssda903_reference.hpp), as
// an analyst names them: the ONS postcode directory (read_postcode_directory, a line at a time:
// quoting, short rows, bad grid references, BOM and CR) and Ofsted's list of providers
// (read_provider_register: columns by name, code lists, dates), then placement_place over
// postcodes taken from the input.
//
// The first byte chooses the reader. Beyond "does not crash", it checks that a directory that is
// read finds each postcode by any spacing and case of it, and gives PL_LOCATION only as IN, OUT
// or blank and a distance only of zero or more; and that a register finds each URN it holds.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "hearth/returns/ssda903_reference.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hearth::returns;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size == 0) return 0;
  const std::string_view body = text.substr(1);
  if (data[0] % 2 == 0) {
    std::istringstream in{std::string(body)};
    auto read = read_postcode_directory(in, "fuzz.csv");
    if (!read) {
      HEARTH_FUZZ_CHECK(!read.error().message.empty());
      return 0;
    }
    // Postcodes of the input's lines: the first field of each, as the reader would take it.
    std::istringstream lines{std::string(body)};
    std::string line;
    std::getline(lines, line);
    const Ssda903Reference reference{"E06000999", &*read, nullptr};
    std::string previous;
    while (std::getline(lines, line)) {
      std::string first = line.substr(0, line.find(','));
      if (first.size() >= 2 && first.front() == '"' && first.back() == '"') {
        first = first.substr(1, first.size() - 2);
      }
      const PlacementPlace place = placement_place(reference, previous, first);
      HEARTH_FUZZ_CHECK(place.location.empty() || place.location == "IN" ||
                        place.location == "OUT");
      HEARTH_FUZZ_CHECK(!place.distance || *place.distance >= 0.0);
      HEARTH_FUZZ_CHECK(place.location.empty() == !read->find(first));
      if (const PostcodePlace* found = read->find(first)) {
        // The same postcode written with other spacing and case is the same place.
        std::string respaced;
        for (char c : PostcodeDirectory::key(first)) {
          respaced += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
          respaced += ' ';
        }
        HEARTH_FUZZ_CHECK(read->find(respaced) == found);
      }
      previous = first;
    }
  } else {
    auto read = read_provider_register(body, "fuzz.csv");
    if (!read) {
      HEARTH_FUZZ_CHECK(!read.error().message.empty());
      return 0;
    }
    HEARTH_FUZZ_CHECK(read->size() <= body.size());
  }
  return 0;
}
