#include "hearth/cli/demo_accounts.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hearth::cli {
namespace {

using access::Role;

std::string full_name(const domain::PersonName& name) {
  return name.given + " " + name.family;
}

struct Plan {
  std::string username;
  Role role;
  std::string sees;
  std::string name;  // for the accounts not bound to a practitioner record (synthetic)
};

const std::vector<Plan>& plans() {
  static const std::vector<Plan> kPlans = {
      {"social.worker", Role::kSocialWorker, "their allocated children's whole records", ""},
      {"team.manager", Role::kTeamManager, "their team's children's whole records, statistics", ""},
      {"reviewing.officer", Role::kReviewingOfficer,
       "children in care or on a plan: summary; a reason opens the record", ""},
      {"front.door", Role::kFrontDoor,
       "contacts in the last 30 days: summary; a reason opens the record", "Sam Okafor"},
      {"police.officer", Role::kPartner, "their police force's own records only", "Dan Hughes"},
      {"analyst", Role::kAnalyst, "de-identified statistics only", "Nadia Rahman"},
      {"admin", Role::kAdministrator, "accounts, no children's records", "Chris Doyle"},
      {"auditor", Role::kAuditor, "the audit log, no children's records", "Joan Webb"},
  };
  return kPlans;
}

// A file that is not there (removed by hand) gives no passwords: the accounts are still listed.
std::map<std::string, std::string> read_passwords(const std::filesystem::path& file) {
  std::map<std::string, std::string> out;
  std::ifstream in(file);
  if (!in) return out;
  std::string line;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (line.empty() || line[0] == '#' || space == std::string::npos) continue;
    out[line.substr(0, space)] = line.substr(space + 1);
  }
  return out;
}

core::Status write_passwords(const std::filesystem::path& file,
                             const std::vector<DemoAccount>& accounts) {
  const std::string temp = file.string() + ".tmp";
  // Made readable by its owner only from the start, not narrowed after the passwords are in.
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return core::Error::io("cannot write " + temp);
  ::fchmod(fd, 0600);  // a file left there before keeps its mode otherwise
  std::string text = "# hearth demo accounts: username password (synthetic data only)\n";
  for (const auto& account : accounts) text += account.username + ' ' + account.password + '\n';
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written) return core::Error::io("cannot write " + temp);
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) return core::Error::io("cannot write " + file.string() + ": " + ec.message());
  return {};
}

}  // namespace

core::Result<std::vector<DemoAccount>> ensure_demo_accounts(
    store::Store& store, access::AccessServices& services, const std::string& la_code,
    const std::optional<std::filesystem::path>& passwords_file) {
  const access::Principal admin = access::command_line_principal();
  std::vector<DemoAccount> out;
  auto existing = store.access().find_account(plans().front().username);
  if (existing) {
    std::map<std::string, std::string> passwords;
    if (passwords_file) passwords = read_passwords(*passwords_file);
    for (const auto& plan : plans()) {
      out.push_back({plan.username, std::string(access::role_label(plan.role)),
                     passwords[plan.username], plan.sees});
    }
    return out;
  }
  if (existing.error().code != core::ErrorCode::kNotFound) return existing.error();

  // The busiest social worker (most open cases), their team's manager, the reviewing officer.
  auto practitioners = store.load_all(domain::RecordKind::kPractitioner, la_code);
  if (!practitioners) return practitioners.error();
  auto children = store.load_all(domain::RecordKind::kChild, la_code);
  if (!children) return children.error();
  std::map<std::string, int> caseload;
  for (const auto& record : *children) {
    const auto& child = std::get<domain::Child>(record);
    if (!child.allocated_worker_id.empty()) ++caseload[child.allocated_worker_id];
  }
  const domain::Practitioner* worker = nullptr;
  const domain::Practitioner* manager = nullptr;
  const domain::Practitioner* reviewer = nullptr;
  for (const auto& record : *practitioners) {
    const auto& p = std::get<domain::Practitioner>(record);
    if (p.role == "social_worker" && (!worker || caseload[p.id] > caseload[worker->id])) {
      worker = &p;
    }
    if (p.role == "independent_reviewing_officer" && !reviewer) reviewer = &p;
  }
  for (const auto& record : *practitioners) {
    const auto& p = std::get<domain::Practitioner>(record);
    if (worker && p.role == "team_manager" && p.team_id == worker->team_id) manager = &p;
  }
  auto agencies = store.load_all(domain::RecordKind::kAgency, la_code);
  if (!agencies) return agencies.error();
  std::string police;
  for (const auto& record : *agencies) {
    const auto& agency = std::get<domain::Agency>(record);
    if (agency.kind == "police" && police.empty()) police = agency.id;
  }

  for (const auto& plan : plans()) {
    access::NewAccount account;
    account.username = plan.username;
    account.role = std::string(access::role_name(plan.role));
    account.la_code = la_code;
    const domain::Practitioner* as = nullptr;
    switch (plan.role) {
      case Role::kSocialWorker:
        as = worker;
        break;
      case Role::kTeamManager:
        as = manager;
        break;
      case Role::kReviewingOfficer:
        as = reviewer;
        break;
      case Role::kPartner:
        account.agency_id = police;
        break;
      default:
        break;
    }
    if (as) {
      account.display_name = full_name(as->name);
      account.practitioner_id = as->id;
      account.team_id = as->team_id;
    } else {
      account.display_name =
          plan.name.empty() ? fmt::format("Demo {}", access::role_label(plan.role)) : plan.name;
    }
    if (plan.role == Role::kTeamManager && account.team_id.empty()) continue;
    if (plan.role == Role::kPartner && account.agency_id.empty()) continue;
    auto added = services.accounts.add(admin, account, "demo account made by hearth demo");
    if (!added) return added.error();
    out.push_back(
        {plan.username, std::string(access::role_label(plan.role)), added->password, plan.sees});
  }
  // A restricted child the demo social worker holds is on their (and their manager's) list, so
  // that the demo shows one; everyone else is kept out.
  for (const auto& record : *children) {
    const auto& child = std::get<domain::Child>(record);
    if (!child.restricted || !worker || child.allocated_worker_id != worker->id) continue;
    for (const char* username : {"social.worker", "team.manager"}) {
      if (auto done = services.accounts.set_restricted_member(
              admin, la_code, child.id, username, true, "demo: the allocated worker's team");
          !done && done.error().code != core::ErrorCode::kNotFound) {
        return done.error();
      }
    }
  }
  if (passwords_file) HEARTH_RETURN_IF_ERROR(write_passwords(*passwords_file, out));
  return out;
}

std::string format_demo_accounts(const std::vector<DemoAccount>& accounts) {
  std::ostringstream out;
  out << fmt::format("  {:<19} {:<21} {:<31} {}\n", "username", "password", "role", "sees");
  for (const auto& account : accounts) {
    out << fmt::format("  {:<19} {:<21} {:<31} {}\n", account.username,
                       account.password.empty() ? "(shown when made)" : account.password,
                       account.role, account.sees);
  }
  return out.str();
}

}  // namespace hearth::cli
