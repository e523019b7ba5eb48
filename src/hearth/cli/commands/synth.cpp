#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "hearth/cli/commands.hpp"
#include "hearth/cli/dataset_io.hpp"

namespace hearth::cli {
namespace {

struct SynthOptions {
  std::string size = "medium";
  int64_t children = 0;
  std::string la;
  bool england = false;
  int years = 5;
  uint64_t seed = 1;
  int year = 2026;
  std::string db;
  std::string out;
  std::string returns;
  int threads = 0;
  bool no_partner_records = false;
};

void print_summary(const synth::Dataset& dataset, const synth::Options& options) {
  const auto s = synth::summarise(dataset, options);
  std::cout << fmt::format(
      "{} {}: {} children aged 0-17; {} children with records, {} records\n"
      "  referrals {:.0f} per 10,000 a year (England 519); re-referrals {:.1f}% (22.6%)\n"
      "  section 47 enquiries {:.0f} per 10,000 a year; plans started {:.1f} per 10,000 a year; "
      "{} plans open at the end\n"
      "  looked after at the end {} ({:.0f} per 10,000; England 67); started care {:.1f} per "
      "10,000 a year (26.5)\n"
      "  3 or more placements in the last year {:.1f}% (10%); agency records {}\n",
      dataset.authority.la_code, dataset.authority.name, s.children_population,
      s.children_with_records, dataset.record_count(), s.referrals_per_10k_per_year,
      s.re_referral_percent, s.section47_per_10k_per_year, s.plans_started_per_10k_per_year,
      s.plans_open_at_end, s.looked_after_at_end, s.looked_after_per_10k_at_end,
      s.started_care_per_10k_per_year, s.three_plus_placements_percent, s.agency_records);
}

int run_synth(const SynthOptions& o) {
  std::vector<synth::AuthorityProfile> authorities;
  int choices = (o.england ? 1 : 0) + (o.la.empty() ? 0 : 1) + (o.children > 0 ? 1 : 0);
  if (choices > 1) {
    return report(core::Error::invalid("--england/--la/--children", "choose only one of them"));
  }
  if (o.england) {
    authorities.assign(synth::england().begin(), synth::england().end());
  } else if (!o.la.empty()) {
    auto profile = synth::authority(o.la);
    if (!profile) return report(profile.error());
    authorities.push_back(*profile);
  } else if (o.children > 0) {
    authorities.push_back(synth::fictional_authority_with_children(o.children));
  } else {
    auto size = synth::parse_size(o.size);
    if (!size) return report(size.error());
    authorities.push_back(synth::fictional_authority(*size));
  }
  synth::Options options;
  options.seed = o.seed;
  options.years = o.years;
  options.end = core::collection_year_end(o.year);
  options.partner_records = !o.no_partner_records;

  std::unique_ptr<store::Store> store;
  if (!o.db.empty()) {
    auto opened = store::Store::open(o.db);
    if (!opened) return report(opened.error());
    store = std::move(*opened);
  }

  const auto started = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0};
  std::mutex mutex;  // guards output, the store's bulk loads (one at a time) and `failure`
  std::optional<core::Error> failure;
  int64_t total_records = 0;
  int64_t total_referrals = 0;
  const bool quiet_summary = authorities.size() > 1;
  const bool interactive = isatty(STDERR_FILENO) != 0;
  size_t done = 0;
  auto work = [&] {
    while (true) {
      const size_t index = next++;
      if (index >= authorities.size()) return;
      {
        std::lock_guard lock(mutex);
        if (failure) return;
      }
      const auto dataset = synth::generate(authorities[index], options);
      core::Status written;
      if (!o.out.empty()) {
        written = write_dataset(dataset, std::filesystem::path(o.out) / dataset.authority.la_code);
      }
      if (written && !o.returns.empty()) {
        written = write_returns(
            dataset, std::filesystem::path(o.returns) / dataset.authority.la_code, o.year);
      }
      std::lock_guard lock(mutex);
      if (written && store) {
        auto loaded = load_dataset(*store, dataset, o.seed);
        if (!loaded) written = loaded.error();
      }
      if (!written) {
        if (!failure) failure = written.error();
        return;
      }
      total_records += static_cast<int64_t>(dataset.record_count());
      total_referrals += static_cast<int64_t>(dataset.referrals.size());
      ++done;
      if (quiet_summary) {
        // Progress on standard error: one line redrawn on a terminal, a line every 10 otherwise.
        if (interactive) {
          std::cerr << fmt::format("\rsynth: {}/{} authorities, {} records", done,
                                   authorities.size(), total_records)
                    << std::flush;
        } else if (done % 10 == 0 || done == authorities.size()) {
          std::cerr << fmt::format("synth: {}/{} authorities, {} records\n", done,
                                   authorities.size(), total_records);
        }
      } else {
        print_summary(dataset, options);
      }
    }
  };
  int threads = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, static_cast<int>(authorities.size()));
  // Bulk loads are serial anyway; generating ahead of them is what the other threads are for.
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (quiet_summary && interactive) std::cerr << "\n";
  if (failure) return report(*failure);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format(
      "generated {} authorit{}, {} referrals, {} records in {:.1f} s (seed {}, {} years to 31 "
      "March {}){}{}{}\n",
      authorities.size(), authorities.size() == 1 ? "y" : "ies", total_referrals, total_records,
      seconds, o.seed, o.years, o.year, o.db.empty() ? "" : "; loaded into " + o.db,
      o.out.empty() ? "" : "; written to " + o.out,
      o.returns.empty() ? "" : "; returns written to " + o.returns);
  return kExitOk;
}

}  // namespace

Runner add_synth(CLI::App& app) {
  auto* command = app.add_subcommand(
      "synth",
      "Generate synthetic local authorities (children, families, their statutory journeys, "
      "the partner agencies' records and the ground truth)");
  auto o = std::make_shared<SynthOptions>();
  command->add_option("--size", o->size, "small (25,000 children), medium (70,000) or large")
      ->check(CLI::IsMember({"small", "medium", "large"}))
      ->capture_default_str();
  command
      ->add_option("--children", o->children,
                   "Size by the number of children aged 0-17 in the authority's population")
      ->check(CLI::Range(int64_t{100}, int64_t{2'000'000}));
  command->add_option("--la", o->la, "A real English authority's profile by its 3-digit code");
  command->add_flag("--england", o->england,
                    "All 153 English authorities at their real relative sizes");
  command->add_option("--years", o->years, "Years of history")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  command->add_option("--seed", o->seed, "Seed: the same seed gives the same data")
      ->capture_default_str();
  // The generator writes the codes of 2024-25 onwards (sex M/F/U, placement K3).
  command
      ->add_option("--year", o->year, "The last collection year (ending 31 March), 2025 or later")
      ->check(CLI::Range(2025, 2100))
      ->capture_default_str();
  command->add_option("--db", o->db, "Load into this database (SQLite file or postgresql:// URL)");
  command->add_option("--out", o->out,
                      "Write records.jsonl, people.csv and truth.csv per authority under this "
                      "folder");
  command->add_option("--returns", o->returns,
                      "Write each authority's statutory returns for --year under this folder: "
                      "<la>/903/ (SSDA903 tables, last year's in previous/), <la>/cin.xml and "
                      "<la>/reference/ (a postcode directory and a register of providers for "
                      "the rules that need them)");
  command->add_option("--threads", o->threads, "Threads generating authorities (default: cores)")
      ->check(CLI::Range(1, 64));
  command->add_flag("--no-partner-records", o->no_partner_records,
                    "Skip the partner agencies' view and the ground truth");
  return [o] { return run_synth(*o); };
}

}  // namespace hearth::cli
