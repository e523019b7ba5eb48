// hearth user add|disable|enable|reset-password|list: accounts at the command line, through the
// same service as the administrator's page (access::Accounts). Whoever runs it acts as an
// administrator named after their operating-system user ("cli:root"), and every change is a
// revision of the account with its reason and an audit entry.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hearth/access/services.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/cli/dataset_io.hpp"
#include "hearth/returns/csv.hpp"

namespace hearth::cli {
namespace {

struct UserOptions {
  std::string db = kDefaultDatabase;
  std::string username;
  access::NewAccount account;
  std::string reason;
  bool password_stdin = false;
  std::string format = "text";
};

// A password typed or piped in, never on the command line (where `ps` and shell history see it).
core::Result<std::string> read_password() {
  std::string password;
  if (!std::getline(std::cin, password)) {
    return core::Error::invalid("--password-stdin", "no password on standard input");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) return core::Error::invalid("--password-stdin", "the password is empty");
  return password;
}

// The service names its fields; the command line calls them by its options.
int report_account_error(core::Error error) {
  static const std::pair<std::string_view, std::string_view> kOptions[] = {
      {"display_name", "--name"}, {"role", "--role"},        {"la_code", "--la"},
      {"team_id", "--team"},      {"agency_id", "--agency"}, {"practitioner_id", "--practitioner"},
      {"reason", "--reason"}};
  for (const auto& [field, option] : kOptions) {
    if (error.field == field) error.field = std::string(option);
  }
  return report(error);
}

template <typename Work>
int with_accounts(const UserOptions& o, Work work) {
  store::OpenOptions open;
  open.create = false;  // a typo in --db must not make a new, empty database
  auto store = store::Store::open(o.db, open);
  if (!store) return report(store.error());
  core::SystemClock clock;
  access::AccessServices services(**store, clock);
  return work(services);
}

int run_list(const UserOptions& o) {
  return with_accounts(o, [&](access::AccessServices& s) {
    const access::Principal cli = access::command_line_principal();
    auto accounts = s.accounts.list(cli);
    if (!accounts) return report(accounts.error());
    if (auto audited =
            s.audit.record(cli, {"accounts.list", "allowed", "", "", "hearth user list", ""});
        !audited) {
      return report(audited.error());
    }
    if (o.format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& stored : *accounts) {
        const auto& a = stored.account;
        out.push_back({{"username", a.username},
                       {"name", a.display_name},
                       {"role", a.role},
                       {"la_code", a.la_code},
                       {"team_id", a.team_id},
                       {"agency_id", a.agency_id},
                       {"practitioner_id", a.practitioner_id},
                       {"disabled", a.disabled},
                       {"revision", stored.revision}});
      }
      std::cout << out.dump(2) << "\n";
      return kExitOk;
    }
    if (o.format == "csv") {
      std::cout << "username,name,role,la_code,team_id,agency_id,practitioner_id,status\n";
      for (const auto& stored : *accounts) {
        const auto& a = stored.account;
        std::cout << returns::csv_field(a.username) << ',' << returns::csv_field(a.display_name)
                  << ',' << a.role << ',' << a.la_code << ',' << returns::csv_field(a.team_id)
                  << ',' << returns::csv_field(a.agency_id) << ','
                  << returns::csv_field(a.practitioner_id) << ','
                  << (a.disabled ? "disabled" : "active") << "\n";
      }
      return kExitOk;
    }
    if (accounts->empty()) {
      std::cout << "no accounts yet (add one with hearth user add)\n";
      return kExitOk;
    }
    std::cout << fmt::format("{:<24} {:<30} {:<30} {:<4} {}\n", "USERNAME", "NAME", "ROLE", "LA",
                             "STATUS");
    for (const auto& stored : *accounts) {
      const auto& a = stored.account;
      std::cout << fmt::format("{:<24} {:<30} {:<30} {:<4} {}\n", a.username, a.display_name,
                               access::role_label(a.role), a.la_code,
                               a.disabled ? "disabled" : "active");
    }
    return kExitOk;
  });
}

}  // namespace

Runner add_user(CLI::App& app) {
  auto* command = app.add_subcommand("user", "Manage the accounts that sign in to Hearth");
  command->require_subcommand(1);
  auto o = std::make_shared<UserOptions>();
  auto common = [&](CLI::App* sub) {
    sub->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  };

  std::string roles;
  for (const access::Role role : access::all_roles()) {
    roles += (roles.empty() ? "" : ", ") + std::string(access::role_name(role));
  }
  auto* add = command->add_subcommand("add", "Add an account; prints its password once");
  common(add);
  add->add_option("username", o->account.username, "Username: lower-case letters, digits, . _ -")
      ->required();
  add->add_option("--name", o->account.display_name, "The person's full name")->required();
  add->add_option("--role", o->account.role, "Role: " + roles)->required();
  add->add_option("--la", o->account.la_code,
                  "Local authority code (three digits; empty only for a national analyst)");
  add->add_option("--team", o->account.team_id, "Team id (social-care staff)");
  add->add_option("--practitioner", o->account.practitioner_id,
                  "Practitioner id: the worker children are allocated to");
  add->add_option("--agency", o->account.agency_id, "Agency id (partner-agency practitioners)");
  add->add_option("--reason", o->reason, "Why the account is added")
      ->default_val("added at the command line");
  add->add_flag("--password-stdin", o->password_stdin,
                "Read the password from standard input instead of generating one");

  auto* disable = command->add_subcommand("disable", "Disable an account and end its sessions");
  common(disable);
  disable->add_option("username", o->username, "Username")->required();
  disable->add_option("--reason", o->reason, "Why (kept with the change)")->required();

  auto* enable = command->add_subcommand("enable", "Enable a disabled account");
  common(enable);
  enable->add_option("username", o->username, "Username")->required();
  enable->add_option("--reason", o->reason, "Why (kept with the change)")->required();

  auto* reset =
      command->add_subcommand("reset-password",
                              "Set a new password (generated, or from standard input) and end the "
                              "account's sessions");
  common(reset);
  reset->add_option("username", o->username, "Username")->required();
  reset->add_option("--reason", o->reason, "Why (kept with the change)")->required();
  reset->add_flag("--password-stdin", o->password_stdin,
                  "Read the password from standard input instead of generating one");

  auto* list = command->add_subcommand("list", "List every account");
  common(list);
  list->add_option("--format", o->format, "text, csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->capture_default_str();

  return [o, add, disable, enable, reset, list]() -> int {
    if (add->parsed()) {
      if (o->password_stdin) {
        auto password = read_password();
        if (!password) return report(password.error());
        o->account.password = *password;
      }
      return with_accounts(*o, [&](access::AccessServices& s) {
        auto added = s.accounts.add(access::command_line_principal(), o->account, o->reason);
        if (!added) return report_account_error(added.error());
        std::cout << fmt::format("added {} ({}, {})\n", added->account.username,
                                 added->account.display_name,
                                 access::role_label(added->account.role));
        if (!o->password_stdin) {
          std::cout << "password: " << added->password
                    << "\n(shown once: Hearth keeps only a hash of it)\n";
        }
        return kExitOk;
      });
    }
    if (disable->parsed() || enable->parsed()) {
      const bool disabling = disable->parsed();
      return with_accounts(*o, [&](access::AccessServices& s) {
        auto done = s.accounts.set_disabled(access::command_line_principal(), o->username,
                                            disabling, o->reason);
        if (!done) return report_account_error(done.error());
        std::cout << o->username
                  << (disabling ? " disabled; its sessions are ended\n" : " enabled\n");
        return kExitOk;
      });
    }
    if (reset->parsed()) {
      std::string given;
      if (o->password_stdin) {
        auto password = read_password();
        if (!password) return report(password.error());
        given = *password;
      }
      return with_accounts(*o, [&](access::AccessServices& s) {
        auto password = s.accounts.reset_password(access::command_line_principal(), o->username,
                                                  given, o->reason);
        if (!password) return report_account_error(password.error());
        std::cout << "password of " << o->username << " reset; its sessions are ended\n";
        if (!o->password_stdin) {
          std::cout << "password: " << *password
                    << "\n(shown once: Hearth keeps only a hash of it)\n";
        }
        return kExitOk;
      });
    }
    if (list->parsed()) return run_list(*o);
    return kExitUsage;
  };
}

}  // namespace hearth::cli
