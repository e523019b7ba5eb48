#include "hearth/web/routes.hpp"

#include "hearth/web/handlers/admin.hpp"
#include "hearth/web/handlers/agency.hpp"
#include "hearth/web/handlers/audit.hpp"
#include "hearth/web/handlers/child_record.hpp"
#include "hearth/web/handlers/children.hpp"
#include "hearth/web/handlers/my_work.hpp"
#include "hearth/web/handlers/pages.hpp"
#include "hearth/web/handlers/returns.hpp"
#include "hearth/web/handlers/sign_in.hpp"
#include "hearth/web/handlers/site.hpp"
#include "hearth/web/handlers/statistics.hpp"

namespace hearth::web {

void add_site_routes(Router& router) {
  const std::string p(kPublic);
  router.get("/", "home", p, &home);
  router.get("/healthz", "health", p, &health);
  router.get("/assets/{path...}", "assets", p, &asset);

  router.get("/sign-in", "sign_in.form", p, &sign_in_form);
  router.post("/sign-in", "sign_in", p, &sign_in);
  router.post("/sign-out", "sign_out", "signed_in", &sign_out);
  router.post("/sign-out/everywhere", "sign_out.everywhere", "signed_in", &sign_out_everywhere);
  router.get("/account", "account", "signed_in", &account_page);

  router.get("/my-work", "work.mine", "work.mine", &my_work);
  router.get("/children", "children.index", "children.search", &children_index);
  router.get("/children/{la}/{id}", "children.show", "child.summary", &child_page);
  router.post("/children/{la}/{id}/break-glass", "children.break_glass", "child.break_glass",
              &break_glass);
  router.get("/children/{la}/{id}/notes/{note}", "children.case_note", "child.record",
             &case_note_page);

  router.get("/agency", "agency.records", "agency.records", &agency_records);
  router.get("/statistics", "statistics", "statistics.read", &statistics_page);
  router.get("/returns", "returns", "returns.read", &returns_page);
  router.get("/returns/report.csv", "returns.csv", "returns.read", &returns_report_csv);

  router.get("/admin/users", "accounts.index", "accounts.manage", &accounts_index);
  router.get("/admin/users/new", "accounts.new", "accounts.manage", &account_new);
  router.post("/admin/users", "accounts.create", "accounts.manage", &account_create);
  router.get("/admin/users/{username}", "accounts.show", "accounts.manage", &account_show);
  router.post("/admin/users/{username}/disable", "accounts.disable", "accounts.manage",
              &account_disable);
  router.post("/admin/users/{username}/enable", "accounts.enable", "accounts.manage",
              &account_enable);
  router.post("/admin/users/{username}/reset-password", "accounts.reset_password",
              "accounts.manage", &account_reset_password);
  router.post("/admin/users/{username}/restricted", "accounts.restricted", "accounts.manage",
              &account_restricted);

  router.get("/audit", "audit.index", "audit.read", &audit_page);
  router.get("/audit/verify", "audit.verify", "audit.read", &audit_verify_page);

  router.set_fallbacks(FallbackPages{
      .not_found = [](Services& services) { return not_found_page(services); },
      .problem = [](Services& services) { return problem_page(services); },
      .bad_request = [](Services& services,
                        std::string_view message) { return bad_request_page(services, message); },
  });
}

Router site_router() {
  Router router;
  add_site_routes(router);
  return router;
}

}  // namespace hearth::web
