// Validating XML against an XML Schema with libxml2, for the tests: Hearth itself reads XML with
// pugixml, so the schema check is an independent judge of what Hearth writes.
#pragma once

#include <string>
#include <string_view>

namespace hearth::test {

// The schema's errors for `xml` ("line 12: Element 'Sex': ..."), one a line; empty when valid.
// A schema that cannot be loaded is an error too.
std::string schema_errors(const std::string& xsd_path, std::string_view xml);

}  // namespace hearth::test
