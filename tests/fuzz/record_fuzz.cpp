// Fuzz target: the JSON of a stored revision's body read back into a record (store/detail/
// codec.hpp). Bodies are written by Hearth, but a database can be restored from a backup, edited
// by hand or damaged; a body that cannot be read must be reported, never crash or be half read.
//
// The first byte chooses the kind of record; the rest is the body. Beyond "does not crash", it
// checks that an accepted body is a record that encodes and decodes to itself, and that encoding
// it twice gives the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hearth/store/detail/codec.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using hearth::store::Record;
  using namespace hearth::store::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size == 0) return 0;
  const auto kind = static_cast<hearth::domain::RecordKind>(data[0] % std::variant_size_v<Record>);
  const std::string_view body = text.substr(1);
  auto record = decode(kind, body);
  if (!record) {
    HEARTH_FUZZ_CHECK(!record.error().message.empty());
    return 0;
  }
  HEARTH_FUZZ_CHECK(hearth::store::kind_of(*record) == kind);
  const std::string once = encode(*record);
  auto again = decode(kind, once);
  HEARTH_FUZZ_CHECK(again && *again == *record);
  HEARTH_FUZZ_CHECK(encode(*again) == once);
  return 0;
}
