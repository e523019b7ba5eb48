#include "hearth/web/handlers/children.hpp"

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "hearth/core/text.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/handlers/child_record.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {
namespace {

using nlohmann::json;

json child_row(const Messages& messages, const store::ChildSummary& child, core::Date today) {
  std::string name = family_first_name(child.name);
  if (name.empty()) name = messages.text("children.name_not_recorded");
  const std::string& preferred = child.name.preferred;
  const bool show_preferred = !preferred.empty() && preferred != child.name.given;
  return json{
      {"name", name},
      {"has_preferred", show_preferred},
      {"preferred", show_preferred ? preferred : ""},
      // A former surname explains why a search for it finds this child.
      {"has_former", !child.name.former_family.empty()},
      {"former", child.name.former_family},
      {"id", child.id},
      {"href", child_href(child.la_code, child.id)},
      {"restricted", child.restricted},
      {"date_of_birth", child.date_of_birth ? format_date_short(*child.date_of_birth)
                                            : messages.text("children.not_recorded")},
      {"age", age_text(messages, child.date_of_birth, today)},
      {"sex", sex_label(messages, child.sex)},
      {"postcode",
       child.postcode.empty() ? messages.text("children.not_recorded") : child.postcode},
  };
}

// The link to one page of the same search.
std::string page_href(const ChildrenSearch& search, int page) {
  Fields params;
  if (!search.q.empty()) params.emplace_back("q", search.q);
  if (page > 1) params.emplace_back("page", std::to_string(page));
  std::string query = encode_query(params);
  return query.empty() ? "/children" : "/children?" + query;
}

// GOV.UK pagination: previous and next, the first and last pages, the current page and its
// neighbours, and an ellipsis for each gap.
json pagination_view(const ChildrenSearch& search, int page, int pages) {
  json items = json::array();
  int last_shown = 0;
  for (int number = 1; number <= pages; ++number) {
    const bool shown = number == 1 || number == pages || std::abs(number - page) <= 1;
    if (!shown) continue;
    if (number > last_shown + 1) items.push_back(json{{"is_ellipsis", true}});
    items.push_back(json{{"is_ellipsis", false},
                         {"number", number},
                         {"href", page_href(search, number)},
                         {"is_current", number == page}});
    last_shown = number;
  }
  return json{
      {"has_prev", page > 1},     {"prev_href", page > 1 ? page_href(search, page - 1) : ""},
      {"has_next", page < pages}, {"next_href", page < pages ? page_href(search, page + 1) : ""},
      {"items", items},
  };
}

}  // namespace

core::Result<ChildrenSearch> ChildrenSearch::read(const Request& request,
                                                  const Messages& messages) {
  ChildrenSearch search;
  if (auto page = request.param("page")) {
    auto parsed = parse_page_number(*page);
    if (!parsed) return core::Error::invalid("page", messages.text("children.error.page"));
    search.page = *parsed;
  }
  search.q = std::string(core::trim(request.param("q").value_or("")));
  if (core::utf8_length(search.q) > kMaxSearchChars) {
    return core::Error::invalid("q", messages.text("children.error.q_too_long",
                                                   {{"max", std::to_string(kMaxSearchChars)}}));
  }
  search.la = std::string(core::trim(request.param("la").value_or("")));
  return search;
}

Response children_index(const Request& request, const RouteParams&, Services& services) {
  const Messages& messages = services.site.messages;
  const access::Principal& user = request.user;
  json view = page_view(request, messages.text("children.title"), "children");
  view["has_errors"] = false;
  view["has_q_error"] = false;
  view["q"] = std::string(core::trim(request.param("q").value_or("")));

  auto search = ChildrenSearch::read(request, messages);
  if (!search) {
    if (search.error().field != "q") return bad_request_page(services, search.error().message);
    // A search that is too long is the user's typing: show it on the form (GOV.UK error pattern).
    view["has_errors"] = true;
    view["errors"] = json::array({json{{"href", "#q"}, {"text", search.error().message}}});
    view["has_q_error"] = true;
    view["q_error"] = search.error().message;
    return render_page(services, 400, "children/index", view);
  }
  // Staff see their own authority's children only.
  if (!search->la.empty() && search->la != user.la_code) {
    return bad_request_page(services, messages.text("children.error.la", {{"la", search->la}}));
  }
  view["has_search"] = !search->q.empty();
  view["clear_href"] = "/children";

  store::ChildQuery query;
  query.la_code = user.la_code;
  query.name = search->q;
  query.page = search->page;
  query.page_size = kChildrenPageSize;
  query.viewer_account_id = user.account_id;
  auto found = services.store.find_children(query);
  if (!found) return store_failure_page(services, "children", found.error());
  // Who searched for whom is itself sensitive: the search words go to the audit log (never to
  // the access log).
  {
    std::vector<std::pair<std::string, std::string>> shown;
    for (const auto& row : found->rows) shown.emplace_back(row.la_code, row.id);
    const access::AuditDetail detail{"children.search",
                                     "allowed",
                                     user.la_code,
                                     "",
                                     "GET /children page " + std::to_string(search->page),
                                     search->q.empty() ? "the list" : "search: " + search->q};
    if (auto audited = services.audit.record_listing(user, detail, shown); !audited) {
      return store_failure_page(services, "audit", audited.error());
    }
  }
  const int64_t total = found->total;
  const int pages = static_cast<int>((total + kChildrenPageSize - 1) / kChildrenPageSize);
  if (search->page > 1 && search->page > pages) {
    return bad_request_page(services,
                            messages.text("children.error.page_past_end",
                                          {{"page", std::to_string(search->page)},
                                           {"last", std::to_string(std::max(pages, 1))}}));
  }
  if (total == 0 && search->q.empty()) {
    view["no_children"] = true;
    return render_page(services, 200, "children/index", view);
  }

  const core::Date today = services.clock.today();
  json rows = json::array();
  for (const auto& child : found->rows) rows.push_back(child_row(messages, child, today));
  view["rows"] = rows;
  view["has_rows"] = !found->rows.empty();
  view["no_matches"] = found->rows.empty();
  if (!found->rows.empty()) {
    const int64_t first = int64_t{search->page - 1} * kChildrenPageSize + 1;
    const int64_t last = first + static_cast<int64_t>(found->rows.size()) - 1;
    view["showing"] = messages.text(
        "children.showing",
        {{"from", format_count(first)},
         {"to", format_count(last)},
         {"total", format_count(total)},
         {"noun", messages.text(total == 1 ? "children.noun_one" : "children.noun_many")}});
    view["caption"] = messages.text("children.caption", {{"page", std::to_string(search->page)},
                                                         {"pages", std::to_string(pages)}});
  }
  if (pages > 1) view["pagination"] = pagination_view(*search, search->page, pages);
  return render_page(services, 200, "children/index", view);
}

}  // namespace hearth::web
