// hearth audit verify|show: the audit log at the command line. `verify` checks the hash chain
// end to end and names the first broken entry (exit 1); `show` lists who looked at a child's
// record, or what a user did, newest first.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hearth/access/accounts.hpp"
#include "hearth/access/audit_log.hpp"
#include "hearth/access/audit_verify.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/cli/dataset_io.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::cli {
namespace {

struct AuditOptions {
  std::string db = kDefaultDatabase;
  std::string child;  // LA/ID
  std::string user;
  int limit = 100;
  std::string format = "text";
};

core::Result<std::unique_ptr<store::Store>> open_existing(const std::string& db) {
  store::OpenOptions open;
  open.create = false;
  return store::Store::open(db, open);
}

int verify(const AuditOptions& o) {
  auto store = open_existing(o.db);
  if (!store) return report(store.error());
  auto report_ = access::verify_audit_chain((*store)->access(), [](int64_t read) {
    if (read % 100000 == 0) std::cerr << fmt::format("audit: {} entries checked...\n", read);
  });
  if (!report_) return report(report_.error());
  if (!report_->intact) {
    std::cout << fmt::format("audit log BROKEN at entry {}: {}\n", report_->first_broken_seq,
                             report_->problem);
    return kExitFailure;
  }
  std::cout << fmt::format(
      "audit log intact: {} entries, none changed or removed\nlast entry {}, hash {}\n(keep a "
      "copy of that hash elsewhere: it anchors the log up to here)\n",
      report_->entries, report_->head.seq, report_->head.hash);
  return kExitOk;
}

int show(const AuditOptions& o) {
  if (o.child.empty() == o.user.empty()) {
    return report(core::Error::invalid("--child/--user", "give one of --child LA/ID or --user"));
  }
  auto store = open_existing(o.db);
  if (!store) return report(store.error());
  store::AuditQuery query;
  query.limit = o.limit;
  if (!o.child.empty()) {
    const size_t slash = o.child.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == o.child.size()) {
      return report(core::Error::invalid("--child", "write the child as LA/ID, like 999/C0001234"));
    }
    query.la_code = o.child.substr(0, slash);
    query.child_id = o.child.substr(slash + 1);
  } else {
    auto account = (*store)->access().find_account(o.user);
    if (!account) return report(account.error().in_field("--user"));
    query.actor_id = account->account.id;
  }
  auto entries = (*store)->access().find_audit(query);
  if (!entries) return report(entries.error());
  // Reading the audit log is itself audited, as on the auditor's page.
  core::SystemClock clock;
  {
    access::AuditLog log((*store)->access(), clock);
    if (auto audited = log.record(
            access::command_line_principal(),
            {"audit.search", "allowed", query.la_code, query.child_id, "hearth audit show",
             o.child.empty() ? "user " + o.user : "child " + o.child});
        !audited) {
      return report(audited.error());
    }
  }
  if (o.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& entry : *entries) {
      const auto& e = entry.event;
      out.push_back({{"seq", entry.seq},
                     {"at", e.at.to_iso()},
                     {"actor", e.actor_name},
                     {"role", e.actor_role},
                     {"action", e.action},
                     {"outcome", e.outcome},
                     {"la_code", e.la_code},
                     {"child_id", e.child_id},
                     {"target", e.target},
                     {"reason", e.reason},
                     {"address", e.address},
                     {"hash", entry.hash}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (o.format == "csv") {
    std::cout << "seq,at,actor,role,action,outcome,la_code,child_id,target,reason,address\n";
  }
  for (const auto& entry : *entries) {
    const auto& e = entry.event;
    if (o.format == "csv") {
      std::cout << entry.seq << ',' << e.at.to_iso() << ',' << returns::csv_field(e.actor_name)
                << ',' << e.actor_role << ',' << e.action << ',' << e.outcome << ',' << e.la_code
                << ',' << returns::csv_field(e.child_id) << ',' << returns::csv_field(e.target)
                << ',' << returns::csv_field(e.reason) << ',' << returns::csv_field(e.address)
                << "\n";
    } else {
      std::cout << fmt::format("{:>8} {} {:<20} {:<16} {:<8} {}{}\n", entry.seq, e.at.to_iso(),
                               e.actor_name.empty() ? "(not signed in)" : e.actor_name, e.action,
                               e.outcome, e.target, e.reason.empty() ? "" : " — " + e.reason);
    }
  }
  if (entries->empty() && o.format == "text") std::cout << "no entries\n";
  return kExitOk;
}

}  // namespace

Runner add_audit(CLI::App& app) {
  auto* command = app.add_subcommand("audit", "Check and read the audit log");
  command->require_subcommand(1);
  auto o = std::make_shared<AuditOptions>();
  auto* verify_command = command->add_subcommand(
      "verify", "Check the hash chain end to end; name the first broken entry (exit 1)");
  verify_command->add_option("--db", o->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  auto* show_command = command->add_subcommand(
      "show", "Who looked at a child's record (--child LA/ID), or what a user did (--user)");
  show_command->add_option("--db", o->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  show_command->add_option("--child", o->child, "The child, as LA/ID: 999/C0001234");
  show_command->add_option("--user", o->user, "A username");
  show_command->add_option("--limit", o->limit, "At most this many entries, newest first")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  show_command->add_option("--format", o->format, "text, csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->capture_default_str();
  return [o, verify_command, show_command]() -> int {
    if (verify_command->parsed()) return verify(*o);
    if (show_command->parsed()) return show(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
