// hearth validate 903 PATH... | cin FILE: the DfE's validation rules over a return from any
// system. For 903, each PATH is a CSV file or a folder of them; a folder's previous/ holds last
// year's tables (as `hearth export 903` writes them), and files are known by their columns, not
// names. For cin, FILE is the census XML.
// hearth validate --england DIR: both returns of every authority in DIR (DIR/<la>/903/ and
// DIR/<la>/cin.xml, as `hearth synth --returns` writes them), as a national analyst holding all
// 153 authorities' returns would check them; a summary per authority and per rule.
// The SSDA903 rules that need reference data (ssda903_reference.hpp) run when it is given:
// --postcodes and --providers (for --england, else each authority's DIR/<la>/reference/
// postcodes.csv and providers.csv), and the return's authority (--la; for --england, the
// folder's name).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"
#include "hearth/returns/cin_rules.hpp"
#include "hearth/returns/ssda903_reference.hpp"
#include "hearth/returns/ssda903_rules.hpp"
#include "hearth/synth/synth.hpp"

namespace hearth::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  int year = 0;
  std::string format = "text";
  std::string out;
  bool fail_on_failures = false;
  std::string england;  // the folder of every authority's returns
  int threads = 0;
  // Reference data some SSDA903 rules need (ssda903_reference.hpp).
  std::string postcodes, providers, la;
};

// The reference files named on the command line, read once (the postcode directory is large).
struct LoadedReference {
  std::optional<returns::PostcodeDirectory> postcodes;
  std::optional<returns::ProviderRegister> providers;
};

core::Result<LoadedReference> load_reference(const std::string& postcodes,
                                             const std::string& providers) {
  LoadedReference out;
  if (!postcodes.empty()) {
    auto read = returns::read_postcode_directory(postcodes);
    if (!read) return read.error();
    out.postcodes = std::move(*read);
  }
  if (!providers.empty()) {
    auto read = returns::read_provider_register(providers);
    if (!read) return read.error();
    out.providers = std::move(*read);
  }
  return out;
}

// Said once, when rules whose tables were given were not run for want of reference data: how
// many, and which of the options would run them.
void explain_skipped(const returns::Ssda903Files& files,
                     const returns::Ssda903Reference& reference) {
  const returns::ReferenceWanted wanted = returns::ssda903_reference_wanted(files, reference);
  if (wanted.rules == 0) return;
  const unsigned missing = wanted.needs;
  std::vector<std::string> options;
  if (missing & returns::kPostcodes) {
    options.emplace_back("--postcodes FILE (the ONS postcode directory, ONSPD or NSPL, as CSV)");
  }
  if (missing & returns::kProviders) {
    options.emplace_back("--providers FILE (Ofsted's list of social care providers as CSV)");
  }
  if (missing & returns::kAuthority) options.emplace_back("--la CODE (the return's authority)");
  std::string list;
  for (size_t i = 0; i < options.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == options.size() ? " and " : ", ") + options[i];
  }
  std::cerr << fmt::format("validate: {} rules not run for want of reference data: {}\n",
                           wanted.rules, list);
}

int write_report(const ValidateOptions& o, const returns::ValidationReport& result) {
  std::string text = o.format == "csv"    ? returns::report_csv(result)
                     : o.format == "json" ? returns::report_json(result)
                                          : returns::report_text(result);
  if (o.out.empty()) {
    std::cout << text;
  } else {
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return report(core::Error::io("cannot write " + o.out));
    std::cerr << fmt::format("validate: {} failures of {} rules written to {}\n",
                             result.failures.size(), result.rules_run.size(), o.out);
  }
  return o.fail_on_failures && !result.failures.empty() ? kExitFailure : kExitOk;
}

int run_validate_903(const ValidateOptions& o) {
  const int year = collection_year_or_last(o.year);
  auto read = returns::read_ssda903_files(o.paths, year);
  if (!read) return report_input_failure(read.error());
  const returns::Ssda903Files& files = *read;
  for (const auto& why : files.ignored) std::cerr << "validate: passed over " << why << "\n";
  auto loaded = load_reference(o.postcodes, o.providers);
  if (!loaded) return report_input_failure(loaded.error());
  returns::Ssda903Reference reference;
  if (!o.la.empty()) {
    auto code = synth::ons_code_of(o.la);
    if (!code) return report(code.error());
    reference.authority = *code;
  }
  reference.postcodes = loaded->postcodes ? &*loaded->postcodes : nullptr;
  reference.providers = loaded->providers ? &*loaded->providers : nullptr;
  const returns::ValidationReport result = returns::validate_ssda903(files, reference);
  explain_skipped(files, reference);
  return write_report(o, result);
}

int run_validate_cin(const ValidateOptions& o) {
  auto census = returns::read_cin_census_file(o.paths.front(), collection_year_or_last(o.year));
  if (!census) return report_input_failure(census.error());
  return write_report(o, returns::validate_cin_census(*census));
}

// One authority's two returns, judged.
struct AuthorityResult {
  std::string la;
  std::optional<returns::ValidationReport> ssda903, cin;
  size_t ssda903_children = 0, cin_children = 0;
  std::vector<std::string> errors;  // a return that could not be read: why
};

// Both returns of the authority whose folder this is; a return that is not there is not judged
// (the CIN census before 2024-25), one that cannot be read is said why.
void judge_returns(const std::filesystem::path& folder, int year, const LoadedReference& national,
                   AuthorityResult& result) {
  std::error_code ec;
  if (!std::filesystem::exists(folder / "903", ec)) {
    result.errors.push_back(fmt::format("{}: no SSDA903 return ({})", (folder / "903").string(),
                                        ec ? ec.message() : "not there"));
  } else {
    const std::vector<std::string> paths = {(folder / "903").string()};
    if (auto files = returns::read_ssda903_files(paths, year); !files) {
      result.errors.push_back(files.error().describe());
    } else {
      if (auto header = files->current.find(returns::Ssda903Table::kHeader);
          header != files->current.end()) {
        result.ssda903_children = header->second.rows.size();
      }
      // The national reference files named on the command line, else the authority's own in
      // <la>/reference/ (as `hearth synth --returns` writes them), if there.
      LoadedReference own;
      const auto own_file = [&](const char* name) {
        std::error_code probe;
        const auto path = folder / "reference" / name;
        return std::filesystem::exists(path, probe) ? path.string() : std::string();
      };
      if (!national.postcodes || !national.providers) {
        auto read = load_reference(national.postcodes ? "" : own_file("postcodes.csv"),
                                   national.providers ? "" : own_file("providers.csv"));
        if (!read) {
          result.errors.push_back(read.error().describe());
        } else {
          own = std::move(*read);
        }
      }
      returns::Ssda903Reference reference;
      if (auto code = synth::ons_code_of(folder.filename().string())) reference.authority = *code;
      const auto* postcodes = national.postcodes ? &*national.postcodes : nullptr;
      const auto* providers = national.providers ? &*national.providers : nullptr;
      reference.postcodes = postcodes ? postcodes : own.postcodes ? &*own.postcodes : nullptr;
      reference.providers = providers ? providers : own.providers ? &*own.providers : nullptr;
      // Authorities are validated side by side: the rules of each on one thread.
      result.ssda903 = returns::validate_ssda903(*files, reference, 1);
    }
  }
  // The CIN census is written from 2024-25 (kFirstCinCensusYear); before, none is expected.
  if (!std::filesystem::exists(folder / "cin.xml", ec)) {
    if (year >= returns::kFirstCinCensusYear || ec) {
      result.errors.push_back(fmt::format("{}: no CIN census ({})", (folder / "cin.xml").string(),
                                          ec ? ec.message() : "not there"));
    }
  } else {
    if (auto census = returns::read_cin_census_file(folder / "cin.xml", year); !census) {
      result.errors.push_back(census.error().describe());
    } else {
      result.cin_children = census->table(returns::CinModule::kChildIdentifiers).rows.size();
      result.cin = returns::validate_cin_census(*census, 1);
    }
  }
}

AuthorityResult validate_authority(const std::filesystem::path& folder, int year,
                                   const LoadedReference& national) {
  AuthorityResult result;
  result.la = folder.filename().string();
  try {
    judge_returns(folder, year, national, result);
  } catch (const std::exception& e) {
    result.errors.push_back(fmt::format("{}: {}", folder.string(), e.what()));
  }
  return result;
}

int run_validate_england(const ValidateOptions& o) {
  namespace fs = std::filesystem;
  const int year = collection_year_or_last(o.year);
  std::error_code ec;
  std::vector<fs::path> folders;
  for (auto it = fs::directory_iterator(o.england, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::error_code probe;
    if (it->is_directory(probe) &&
        (fs::exists(it->path() / "903", probe) || fs::exists(it->path() / "cin.xml", probe))) {
      folders.push_back(it->path());
    }
  }
  if (ec) {
    return report(
        core::Error::io(fmt::format("--england: cannot read {}: {}", o.england, ec.message())));
  }
  if (folders.empty()) {
    return report(core::Error::invalid(
        "--england", fmt::format("{} holds no authority's returns (<la>/903/ or <la>/cin.xml); "
                                 "`hearth synth --england --returns {}` writes them",
                                 o.england, o.england)));
  }
  std::sort(folders.begin(), folders.end());
  auto national = load_reference(o.postcodes, o.providers);
  if (!national) return report_input_failure(national.error());

  const auto started = std::chrono::steady_clock::now();
  std::vector<AuthorityResult> results(folders.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < folders.size(); i = next++) {
      results[i] = validate_authority(folders[i], year, *national);
    }
  };
  int threads = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, static_cast<int>(folders.size()));
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // Per rule, across the country: failures and the authorities with any.
  struct Count {
    std::string_view message;
    size_t failures = 0, authorities = 0;
  };
  std::map<std::pair<std::string_view, std::string_view>, Count> by_rule;  // (return, rule)
  size_t children[2] = {0, 0}, failures[2] = {0, 0}, returns_read[2] = {0, 0}, unreadable = 0;
  // Rules run per return, fewest and most: fewer where an authority's reference data is missing.
  size_t fewest[2] = {SIZE_MAX, SIZE_MAX}, most[2] = {0, 0};
  std::string table = "la,ssda903_children,ssda903_failures,cin_children,cin_failures\n";
  for (const auto& r : results) {
    const returns::ValidationReport* reports[2] = {r.ssda903 ? &*r.ssda903 : nullptr,
                                                   r.cin ? &*r.cin : nullptr};
    for (int k = 0; k < 2; ++k) {
      if (!reports[k]) continue;
      ++returns_read[k];
      failures[k] += reports[k]->failures.size();
      fewest[k] = std::min(fewest[k], reports[k]->rules_run.size());
      most[k] = std::max(most[k], reports[k]->rules_run.size());
      for (const auto& [rule, count] : reports[k]->summary()) {
        Count& c = by_rule[{reports[k]->return_name, rule->code}];
        c.message = rule->message;
        c.failures += count;
        ++c.authorities;
      }
    }
    children[0] += r.ssda903_children;
    children[1] += r.cin_children;
    if (!r.errors.empty()) ++unreadable;
    table += fmt::format("{},{},{},{},{}\n", r.la, r.ssda903_children,
                         r.ssda903 ? std::to_string(r.ssda903->failures.size()) : "",
                         r.cin_children, r.cin ? std::to_string(r.cin->failures.size()) : "");
  }

  auto rules = [&](int k) {
    if (returns_read[k] == 0) return std::string();
    return fewest[k] == most[k] ? fmt::format(" ({} rules)", most[k])
                                : fmt::format(" ({} to {} rules)", fewest[k], most[k]);
  };
  std::cout << fmt::format(
      "{} authorities' returns for {}-{:02} in {}, validated in {:.2f} s ({} thread{})\n"
      "  SSDA903:    {} returns, {} children, {} failures{}\n"
      "  CIN census: {} returns, {} children, {} failures{}\n",
      folders.size(), year - 1, year % 100, o.england, seconds, threads, threads == 1 ? "" : "s",
      returns_read[0], children[0], failures[0], rules(0), returns_read[1], children[1],
      failures[1], rules(1));
  std::vector<std::pair<std::pair<std::string_view, std::string_view>, Count>> ranked(
      by_rule.begin(), by_rule.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second.failures > b.second.failures;
  });
  if (!ranked.empty()) std::cout << "rules failed most often (failures, authorities):\n";
  for (size_t i = 0; i < ranked.size() && i < 15; ++i) {
    const auto& [key, c] = ranked[i];
    std::cout << fmt::format("  {:<10} {:<6} {:>8} {:>4}  {}\n", key.first, key.second, c.failures,
                             c.authorities, c.message);
  }
  for (const auto& r : results) {
    for (const auto& error : r.errors) std::cerr << "validate: " << r.la << ": " << error << "\n";
  }
  if (!o.out.empty()) {
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out << table;
    out.close();
    if (!out) return report(core::Error::io("cannot write " + o.out));
    std::cerr << fmt::format("validate: one row an authority written to {}\n", o.out);
  }
  if (unreadable > 0) {
    std::cerr << fmt::format("validate: {} of {} authorities had a return that could not be read\n",
                             unreadable, folders.size());
    return kExitFailure;
  }
  return o.fail_on_failures && failures[0] + failures[1] > 0 ? kExitFailure : kExitOk;
}

// The reference files some SSDA903 rules need.
void add_reference_options(CLI::App* command, ValidateOptions& o) {
  command->add_option("--postcodes", o.postcodes,
                      "The ONS postcode directory (ONSPD or NSPL) as CSV: runs the rules on "
                      "PL_LA, PL_LOCATION and PL_DISTANCE");
  command->add_option("--providers", o.providers,
                      "Ofsted's list of social care providers as CSV: runs the rules on URNs");
}

// The options both returns take.
void add_report_options(CLI::App* command, ValidateOptions& o) {
  command->add_option("--format", o.format, "text, csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->capture_default_str();
  command->add_option("--out", o.out, "Write the report to this file");
  command->add_flag("--fail-on-failures", o.fail_on_failures,
                    "Exit 1 when any rule fails (for scripts)");
}

}  // namespace

Runner add_validate(CLI::App& app) {
  auto* command =
      app.add_subcommand("validate", "Check a statutory return against the DfE's rules");
  command->require_subcommand(0, 1);
  auto o = std::make_shared<ValidateOptions>();
  command->add_option("--england", o->england,
                      "Validate both returns of every authority in this folder (<la>/903/, "
                      "<la>/cin.xml and <la>/reference/, as `hearth synth --england --returns` "
                      "writes them)");
  add_collection_year_option(command, o->year);
  add_reference_options(command, *o);
  command->add_option("--threads", o->threads, "Threads (default: cores), with --england")
      ->check(CLI::Range(1, 64));
  command->add_option("--out", o->out, "With --england: a CSV of each authority's counts");
  command->add_flag("--fail-on-failures", o->fail_on_failures,
                    "Exit 1 when any rule fails (for scripts)");
  auto* ssda903 = command->add_subcommand(
      "903",
      "The SSDA903 return's CSV tables: files, or folders of them (previous/ inside a "
      "folder holds last year's)");
  ssda903->add_option("paths", o->paths, "CSV files or folders")->required();
  add_reference_options(ssda903, *o);
  ssda903->add_option("--la", o->la,
                      "The return's local authority (three digits, or its ONS code), for the "
                      "rules about placements in or out of it");
  add_collection_year_option(ssda903, o->year);
  add_report_options(ssda903, *o);
  auto* cin = command->add_subcommand("cin", "The CIN census XML: one file");
  cin->add_option("file", o->paths, "The census file")->required()->expected(1);
  cin->add_option("--year", o->year,
                  "The collection year, by the 31 March it ends on, for a file whose Header has "
                  "no ReferenceDate (the ReferenceDate decides otherwise)")
      ->check(CLI::Range(returns::kFirstCinCensusYear, returns::kLastCinCensusYear));
  add_report_options(cin, *o);
  return [o, command, ssda903, cin]() -> int {
    if (!o->england.empty()) {
      if (ssda903->parsed() || cin->parsed()) {
        return report(core::Error::invalid(
            "--england", "validates both returns of every authority: give no 903 or cin"));
      }
      return run_validate_england(*o);
    }
    if (ssda903->parsed()) return run_validate_903(*o);
    if (cin->parsed()) return run_validate_cin(*o);
    std::cerr << command->help();
    return kExitUsage;
  };
}

}  // namespace hearth::cli
