#include "hearth/web/handlers/agency.hpp"

#include <nlohmann/json.hpp>

#include "hearth/core/text.hpp"
#include "hearth/domain/codes.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

constexpr int kPageSize = 25;
constexpr size_t kMaxReference = 50;

}  // namespace

Response agency_records(const Request& request, const RouteParams&, Services& services) {
  const access::Principal& user = request.user;
  const auto page = parse_page_number(request.param("page").value_or("1"));
  if (!page) return bad_request_page(services, "The page number must be a whole number, 1 or more");
  const std::string reference(request.param("ref").value_or(""));
  json view = page_view(request, "Your agency’s records", "agency");
  view["ref"] = reference;
  if (core::utf8_length(reference) > kMaxReference) {
    view["has_errors"] = true;
    const std::string message = "Reference must be 50 characters or fewer";
    view["errors"] = json::array({json{{"href", "#ref"}, {"text", message}}});
    view["ref_error"] = message;
    return render_page(services, 400, "agency/index", view);
  }
  auto agency = services.store.get_as<domain::Agency>(
      {domain::RecordKind::kAgency, user.la_code, user.agency_id});
  view["agency"] = agency ? agency->value.name : user.agency_id;
  store::AgencyRecordQuery query{user.la_code, user.agency_id, reference, *page, kPageSize};
  auto found = services.store.find_agency_records(query);
  if (!found) return store_failure_page(services, "agency records", found.error());
  if (auto audited =
          services.audit.record(user, {"agency.records", "allowed", user.la_code, "",
                                       "GET /agency page " + std::to_string(*page),
                                       reference.empty() ? "" : "reference: " + reference});
      !audited) {
    return store_failure_page(services, "audit", audited.error());
  }
  json rows = json::array();
  for (const auto& record : found->rows) {
    rows.push_back({{"ref", record.local_ref},
                    {"recorded", format_date_short(record.recorded)},
                    {"name", record.given_name + " " + record.family_name},
                    {"born", record.date_of_birth.empty() ? "Not given" : record.date_of_birth},
                    {"summary", record.summary},
                    {"status", "Received by children’s social care"}});
  }
  const int pages = static_cast<int>((found->total + kPageSize - 1) / kPageSize);
  view["rows"] = rows;
  view["has_rows"] = !rows.empty();
  view["total"] = format_count(found->total);
  view["page"] = *page;
  view["pages"] = std::max(pages, 1);
  Fields base;
  if (!reference.empty()) base.emplace_back("ref", reference);
  auto href = [&](int n) {
    Fields params = base;
    if (n > 1) params.emplace_back("page", std::to_string(n));
    const std::string query_text = encode_query(params);
    return query_text.empty() ? std::string("/agency") : "/agency?" + query_text;
  };
  view["has_prev"] = *page > 1;
  view["prev_href"] = href(*page - 1);
  view["has_next"] = *page < pages;
  view["next_href"] = href(*page + 1);
  return render_page(services, 200, "agency/index", view);
}

}  // namespace hearth::web
