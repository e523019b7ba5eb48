#include "support/xml_schema.hpp"

#include <memory>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

namespace hearth::test {
namespace {

// libxml2 reports through a callback; each structured error becomes a line of the result.
void collect(void* context, const xmlError* error) {
  auto* out = static_cast<std::string*>(context);
  std::string message = error->message ? error->message : "unknown error";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  *out += "line " + std::to_string(error->line) + ": " + message + "\n";
}

}  // namespace

std::string schema_errors(const std::string& xsd_path, std::string_view xml) {
  std::string errors;
  std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
      xmlSchemaNewParserCtxt(xsd_path.c_str()), xmlSchemaFreeParserCtxt);
  if (!parser) return "cannot read the schema " + xsd_path;
  xmlSchemaSetParserStructuredErrors(parser.get(),
                                     reinterpret_cast<xmlStructuredErrorFunc>(collect), &errors);
  std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(parser.get()),
                                                              xmlSchemaFree);
  if (!schema) return "the schema " + xsd_path + " does not load: " + errors;
  // No entity substitution and no network: the document is data under test.
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "census.xml", nullptr,
                    XML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc) return "not well-formed XML";
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
      xmlSchemaNewValidCtxt(schema.get()), xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidStructuredErrors(validator.get(),
                                    reinterpret_cast<xmlStructuredErrorFunc>(collect), &errors);
  const int result = xmlSchemaValidateDoc(validator.get(), doc.get());
  if (result != 0 && errors.empty())
    errors = "invalid (libxml2 code " + std::to_string(result) + ")";
  return errors;
}

}  // namespace hearth::test
