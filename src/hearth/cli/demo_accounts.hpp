// The demo's accounts: one for each role, made the first time `hearth demo` runs on a database,
// bound to the synthetic authority's busiest social worker, their team's manager, its reviewing
// officer, its police and so on, so that each role has something to see. Their passwords are
// generated, shown once, and kept in a file beside the database (readable by its owner only) so
// that a later `hearth demo` can print them again; the database keeps only hashes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hearth/access/services.hpp"
#include "hearth/store/store.hpp"

namespace hearth::cli {

struct DemoAccount {
  std::string username;
  std::string role;  // label: "Social worker"
  std::string password;
  std::string sees;  // what the account is for, in a few words
};

// Makes the demo accounts in `la_code` if there are none yet. `passwords_file` (optional) is
// where the passwords are kept: written when the accounts are made, read otherwise. Returns the
// accounts with their passwords (empty passwords when they were made before and the file is
// gone).
core::Result<std::vector<DemoAccount>> ensure_demo_accounts(
    store::Store& store, access::AccessServices& services, const std::string& la_code,
    const std::optional<std::filesystem::path>& passwords_file);

// The demo accounts as a table for the terminal.
std::string format_demo_accounts(const std::vector<DemoAccount>& accounts);

}  // namespace hearth::cli
