#include "hearth/web/handlers/pages.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "hearth/access/policy.hpp"
#include "hearth/web/format.hpp"
#include "hearth/web/services.hpp"

namespace hearth::web {

nlohmann::json page_view(std::string_view title) {
  return nlohmann::json{{"page_title", std::string(title)}, {"signed_in", false}};
}

nlohmann::json page_view(const Request& request, std::string_view title, std::string_view active) {
  nlohmann::json view = page_view(title);
  const access::Principal& user = request.user;
  if (!user.signed_in) return view;
  struct Item {
    access::Permission permission;
    std::string_view key;
    std::string_view href;
    std::string_view label;
  };
  static constexpr Item kItems[] = {
      {access::Permission::kMyWork, "work", "/my-work", "My work"},
      {access::Permission::kChildrenSearch, "children", "/children", "Children"},
      {access::Permission::kAgencyRecords, "agency", "/agency", "Your agency’s records"},
      {access::Permission::kStatistics, "statistics", "/statistics", "Statistics"},
      {access::Permission::kReturns, "returns", "/returns", "Returns"},
      {access::Permission::kAccountsManage, "accounts", "/admin/users", "Accounts"},
      {access::Permission::kAuditRead, "audit", "/audit", "Audit log"},
  };
  nlohmann::json nav = nlohmann::json::array();
  for (const Item& item : kItems) {
    if (!access::decide_by_role(user, item.permission).allowed) continue;
    nav.push_back({{"href", std::string(item.href)},
                   {"label", std::string(item.label)},
                   {"active", item.key == active}});
  }
  nav.push_back({{"href", "/account"}, {"label", "Your account"}, {"active", active == "account"}});
  view["signed_in"] = true;
  view["nav"] = nav;
  view["user_name"] = user.display_name;
  view["user_role"] = std::string(access::role_label(user.role));
  view["csrf_token"] = user.csrf_token;
  return view;
}

Response render_page(const Services& services, int status, std::string_view template_name,
                     const nlohmann::json& view) {
  return html_response(status, services.site.templates.render(template_name, view));
}

std::string sex_label(const Messages& messages, const std::string& code) {
  const std::string key = "sex." + code;
  return messages.contains(key) ? messages.text(key) : code;
}

std::string age_text(const Messages& messages, const domain::OptionalDate& birth,
                     core::Date today) {
  if (!birth) return messages.text("children.not_recorded");
  if (*birth > today) return messages.text("children.not_born_yet");
  const int years = today.years_since(*birth);
  if (years >= 1) return std::to_string(years);
  const int months = months_between(*birth, today);
  return months == 1 ? messages.text("age.month")
                     : messages.text("age.months", {{"n", std::to_string(months)}});
}

Response not_found_page(Services& services) {
  return render_page(services, 404, "errors/not_found",
                     page_view(services.site.messages.text("errors.not_found.title")));
}

Response forbidden_page(Services& services, const Request& request, std::string_view message) {
  const Messages& messages = services.site.messages;
  nlohmann::json view = page_view(request, messages.text("errors.forbidden.title"));
  view["message"] =
      message.empty() ? messages.text("errors.forbidden.message") : std::string(message);
  return render_page(services, 403, "errors/forbidden", view);
}

Response problem_page(Services& services, int status) {
  return render_page(services, status, "errors/problem",
                     page_view(services.site.messages.text("errors.problem.title")));
}

Response bad_request_page(Services& services, std::string_view message) {
  nlohmann::json view = page_view(services.site.messages.text("errors.bad_request.title"));
  view["message"] = std::string(message);
  return render_page(services, 400, "errors/bad_request", view);
}

Response store_failure_page(Services& services, std::string_view what, const core::Error& error) {
  spdlog::error("{}: the store failed: {}", what, error.describe());
  return problem_page(services, error.code == core::ErrorCode::kUnavailable ? 503 : 500);
}

}  // namespace hearth::web
