// store_bench: the store's bulk load and reads, on SQLite or PostgreSQL, through the C++ API
// (no command line, no web), so that the figures are the store's own. See bench/README.md.
//
//   store_bench load --db TARGET [--largest N] [--csv FILE]
//       Generates the N largest English authorities (5 years) one at a time, turns each into
//       store records as `hearth synth --db` does, and times Store::bulk_load alone. With --csv,
//       also writes the rows that land in record_revision as CSV (for the sqlite3 `.import` and
//       psql `\copy` comparison in run.sh); writing the CSV is not timed.
//
//   store_bench read --db TARGET [--calls 20000] [--warmup 2000] [--queries 2000]
//       Generates the large fictional authority (Synthshire, 999; 5 years), loads it as
//       `hearth synth --db` does (bulk load, then the later revisions of children's records),
//       then times each Store::child_record call on random children (seeded), and
//       find_children (page 1 of everyone, and name searches).
//
// TARGET is a SQLite file path or a postgresql:// URL naming an empty database.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "hearth/cli/dataset_io.hpp"
#include "hearth/returns/csv.hpp"
#include "hearth/store/store.hpp"
#include "hearth/synth/synth.hpp"

namespace {

using namespace hearth;
using core::Result;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Latency {
  size_t calls = 0;
  double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
  double calls_per_second = 0;
};

// Nearest-rank percentiles of per-call times in microseconds.
Latency summarise(std::vector<double> micros, double loop_seconds) {
  Latency out;
  out.calls = micros.size();
  if (micros.empty()) return out;
  std::sort(micros.begin(), micros.end());
  auto rank = [&](double p) {
    const auto index = static_cast<size_t>(std::ceil(p * static_cast<double>(micros.size()))) - 1;
    return micros[std::min(index, micros.size() - 1)];
  };
  out.p50 = rank(0.50);
  out.p90 = rank(0.90);
  out.p99 = rank(0.99);
  out.max = micros.back();
  double sum = 0;
  for (double m : micros) sum += m;
  out.mean = sum / static_cast<double>(micros.size());
  out.calls_per_second = static_cast<double>(micros.size()) / loop_seconds;
  return out;
}

// Calls a second: whole numbers, or two decimals below 10 (a search taking seconds).
std::string rate(double per_second) {
  return per_second >= 10 ? fmt::format("{:.0f}", per_second) : fmt::format("{:.2f}", per_second);
}

void print_latency_header() {
  fmt::print("{:<34} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "operation", "calls", "p50 us",
             "p90 us", "p99 us", "max us", "mean us", "calls/s");
}

void print_latency(std::string_view name, const Latency& l) {
  fmt::print("{:<34} {:>7} {:>9.0f} {:>9.0f} {:>9.0f} {:>9.0f} {:>9.0f} {:>9}\n", name, l.calls,
             l.p50, l.p90, l.p99, l.max, l.mean, rate(l.calls_per_second));
  std::fflush(stdout);
}

// Times `call(i, warm)` for i in [0, calls) after `warmup` untimed calls (warm true); `call`
// returns false on failure, which ends the run. Stops early, after at least 5 timed calls, once
// `budget_seconds` have gone by (slow operations are reported on fewer calls, not skipped).
template <typename Call>
std::optional<Latency> time_calls(size_t warmup, size_t calls, double budget_seconds, Call&& call) {
  const auto warming = Clock::now();
  for (size_t i = 0; i < warmup; ++i) {
    if (!call(i, true)) return std::nullopt;
    if (seconds_since(warming) > budget_seconds / 4) break;
  }
  std::vector<double> micros;
  micros.reserve(calls);
  const auto loop = Clock::now();
  for (size_t i = 0; i < calls; ++i) {
    const auto start = Clock::now();
    if (!call(i, false)) return std::nullopt;
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (i + 1 >= 5 && seconds_since(loop) > budget_seconds) break;
  }
  return summarise(std::move(micros), seconds_since(loop));
}

std::unique_ptr<store::Store> open_store(const std::string& target) {
  auto opened = store::Store::open(target);
  if (!opened) {
    fmt::print(stderr, "store_bench: {}\n", opened.error().message);
    std::exit(1);
  }
  return std::move(*opened);
}

using returns::csv_field;

std::vector<synth::AuthorityProfile> largest_authorities(int n) {
  std::vector<synth::AuthorityProfile> all(synth::england().begin(), synth::england().end());
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.children != b.children ? a.children > b.children : a.la_code < b.la_code;
  });
  all.resize(std::min<size_t>(all.size(), static_cast<size_t>(std::max(n, 0))));
  return all;
}

struct LoadOptions {
  std::string db;
  int largest = 3;
  int years = 5;
  uint64_t seed = 1;
  std::string csv;
};

int run_load(const LoadOptions& o) {
  auto store = open_store(o.db);
  synth::Options options;
  options.seed = o.seed;
  options.years = o.years;
  const store::Change change{"bench", "store_bench bulk load",
                             core::Timestamp::from_date(core::collection_year_end(2026), 9)};
  const std::string at = change.at.to_iso();
  std::ofstream csv;
  if (!o.csv.empty()) {
    csv.open(o.csv, std::ios::binary | std::ios::trunc);
    if (!csv) {
      fmt::print(stderr, "store_bench: cannot write {}\n", o.csv);
      return 1;
    }
  }
  int64_t seq = 0;
  int64_t total_records = 0;
  double total_seconds = 0;
  fmt::print("bulk load into {} ({}), {} years, seed {}\n", store->backend(),
             o.db.find("://") == std::string::npos ? o.db : "PostgreSQL", o.years, o.seed);
  fmt::print("{:<4} {:<24} {:>10} {:>10} {:>9} {:>12}\n", "la", "authority", "children", "records",
             "load s", "records/s");
  for (const auto& profile : largest_authorities(o.largest)) {
    const auto dataset = synth::generate(profile, options);
    const auto records = cli::current_records(dataset, /*oldest_children=*/false);
    const auto started = Clock::now();
    auto loaded = store->bulk_load(records, change);
    const double took = seconds_since(started);
    if (!loaded) {
      fmt::print(stderr, "store_bench: bulk load of {} failed: {}\n", profile.la_code,
                 loaded.error().message);
      return 1;
    }
    total_records += *loaded;
    total_seconds += took;
    fmt::print("{:<4} {:<24} {:>10} {:>10} {:>9.2f} {:>12.0f}\n", profile.la_code, profile.name,
               profile.children, *loaded, took, static_cast<double>(*loaded) / took);
    std::fflush(stdout);
    if (csv.is_open()) {
      std::string line;
      for (const auto& record : records) {
        line = fmt::format("{},{},{},{},1,{},{},{},{},0,", ++seq,
                           hearth::domain::record_kind_name(store::kind_of(record)),
                           store::la_code_of(record), csv_field(store::id_of(record)),
                           csv_field(store::child_id_of(record)), at, change.by,
                           csv_field(change.reason));
        line += csv_field(store::to_json(record));
        line += '\n';
        csv << line;
      }
    }
  }
  if (csv.is_open()) {
    csv.flush();
    if (!csv) {
      fmt::print(stderr, "store_bench: writing {} failed (disk full?)\n", o.csv);
      return 1;
    }
  }
  fmt::print(
      "RESULT bulk_load backend={} authorities={} records={} seconds={:.2f} "
      "records_per_s={:.0f}\n",
      store->backend(), o.largest, total_records, total_seconds,
      static_cast<double>(total_records) / total_seconds);
  return 0;
}

struct ReadOptions {
  std::string db;
  size_t calls = 20000;
  size_t warmup = 2000;
  size_t queries = 2000;
  uint64_t seed = 42;
  bool reuse = false;
  bool with_revisions = false;
  bool load_only = false;
  double budget = 60;
};

size_t record_count(const store::ChildRecord& r) {
  return 1 + r.relationships.size() + r.people.size() + r.contacts.size() + r.referrals.size() +
         r.assessments.size() + r.cin_plans.size() + r.strategy_discussions.size() +
         r.section47_enquiries.size() + r.conferences.size() + r.protection_plans.size() +
         r.episodes.size() + r.placements.size() + r.reviews.size() + r.missing_episodes.size() +
         r.outcomes.size() + r.care_leaver_outcomes.size() + r.adoptions.size() +
         r.previous_permanence.size() + r.social_worker_episodes.size() + r.agency_records.size();
}

int run_read(const ReadOptions& o) {
  auto store = open_store(o.db);
  const auto profile = synth::fictional_authority(synth::Size::kLarge);
  auto existing = store->count(domain::RecordKind::kChild, profile.la_code);
  if (!existing || (*existing != 0 && !o.reuse)) {
    fmt::print(stderr, "store_bench: {} must be an empty database (or pass --reuse)\n", o.db);
    return 1;
  }
  synth::Options options;  // seed 1, 5 years: as `hearth synth --size large`
  auto started = Clock::now();
  const auto dataset = synth::generate(profile, options);
  const double generated = seconds_since(started);
  int64_t loaded = 0;
  double load_seconds = 0;
  if (*existing == 0) {
    started = Clock::now();
    Result<int64_t> done = 0;
    if (o.with_revisions) {
      done = cli::load_dataset(*store, dataset, options.seed);
    } else {
      const auto records = cli::current_records(dataset, /*oldest_children=*/false);
      done = store->bulk_load(
          records, {"bench", "store_bench read", core::Timestamp::from_date(options.end, 9)});
    }
    load_seconds = seconds_since(started);
    if (!done) {
      fmt::print(stderr, "store_bench: load failed: {}\n", done.error().message);
      return 1;
    }
    loaded = *done;
    fmt::print(
        "{} (large: {} children aged 0-17, {} with records, {} earlier versions of "
        "children's records): generated in {:.1f} s; loaded {} records{} into {} in "
        "{:.1f} s ({:.0f} a second)\n",
        profile.name, profile.children, dataset.children.size(), dataset.child_history.size(),
        generated, loaded, o.with_revisions ? " and revisions" : "", store->backend(), load_seconds,
        static_cast<double>(loaded) / load_seconds);
  } else {
    fmt::print("{}: reusing the {} children already in the database\n", profile.name, *existing);
  }
  std::fflush(stdout);
  if (o.load_only) {
    if (loaded > 0) {
      fmt::print("RESULT load_large backend={} records={} seconds={:.2f}\n", store->backend(),
                 loaded, load_seconds);
    }
    return 0;
  }

  std::mt19937_64 random(o.seed);
  auto random_child = [&]() -> const domain::Child& {
    std::uniform_int_distribution<size_t> pick(0, dataset.children.size() - 1);
    return dataset.children[pick(random)];
  };
  auto fail = [&](std::string_view what, const core::Error& error) {
    fmt::print(stderr, "store_bench: {} failed: {}\n", what, error.message);
    return false;
  };

  print_latency_header();
  size_t records_read = 0;
  auto child_reads = time_calls(o.warmup, o.calls, o.budget, [&](size_t, bool warm) {
    const auto& child = random_child();
    auto record = store->child_record(child.la_code, child.id);
    if (!record) return fail("child_record", record.error());
    if (!warm) records_read += record_count(*record);
    return true;
  });
  if (!child_reads) return 1;
  print_latency("child_record (random child)", *child_reads);

  const size_t query_warmup = std::max<size_t>(o.queries / 10, 1);
  auto page_one = time_calls(query_warmup, o.queries, o.budget, [&](size_t, bool) {
    auto page =
        store->find_children({.la_code = profile.la_code, .name = "", .page = 1, .page_size = 25});
    if (!page) return fail("find_children", page.error());
    return true;
  });
  if (!page_one) return 1;
  print_latency("find_children page 1 (everyone)", *page_one);

  int64_t matches = 0;
  auto by_family = time_calls(query_warmup, o.queries, o.budget, [&](size_t, bool warm) {
    const auto& child = random_child();
    auto page = store->find_children(
        {.la_code = profile.la_code, .name = child.name.family, .page = 1, .page_size = 25});
    if (!page) return fail("find_children", page.error());
    if (!warm) matches += page->total;
    return true;
  });
  if (!by_family) return 1;
  print_latency("find_children family name", *by_family);
  const double family_matches =
      static_cast<double>(matches) / static_cast<double>(by_family->calls);

  matches = 0;
  auto by_full_name = time_calls(query_warmup, o.queries, o.budget, [&](size_t, bool warm) {
    const auto& child = random_child();
    auto page = store->find_children({.la_code = profile.la_code,
                                      .name = child.name.given + " " + child.name.family,
                                      .page = 1,
                                      .page_size = 25});
    if (!page) return fail("find_children", page.error());
    if (!warm) matches += page->total;
    return true;
  });
  if (!by_full_name) return 1;
  print_latency("find_children given + family name", *by_full_name);
  const double full_matches =
      static_cast<double>(matches) / static_cast<double>(by_full_name->calls);

  matches = 0;
  auto by_prefix = time_calls(query_warmup, o.queries, o.budget, [&](size_t, bool warm) {
    const auto& child = random_child();
    auto page = store->find_children({.la_code = profile.la_code,
                                      .name = child.name.family.substr(0, 3),
                                      .page = 1,
                                      .page_size = 25});
    if (!page) return fail("find_children", page.error());
    if (!warm) matches += page->total;
    return true;
  });
  if (!by_prefix) return 1;
  print_latency("find_children 3-letter prefix", *by_prefix);
  const double prefix_matches =
      static_cast<double>(matches) / static_cast<double>(by_prefix->calls);

  fmt::print(
      "a child's record held {:.1f} records on average; searches matched {:.0f} (family "
      "name), {:.1f} (given + family), {:.0f} (prefix) children on average\n",
      static_cast<double>(records_read) / static_cast<double>(child_reads->calls), family_matches,
      full_matches, prefix_matches);
  auto row = [&](std::string_view name, const Latency& l) {
    fmt::print(
        "RESULT {} backend={} calls={} p50_us={:.0f} p90_us={:.0f} p99_us={:.0f} "
        "max_us={:.0f} calls_per_s={}\n",
        name, store->backend(), l.calls, l.p50, l.p90, l.p99, l.max, rate(l.calls_per_second));
  };
  if (loaded > 0) {
    fmt::print("RESULT load_large backend={} records={} seconds={:.2f}\n", store->backend(), loaded,
               load_seconds);
  }
  row("child_record", *child_reads);
  row("find_children_page1", *page_one);
  row("find_children_family", *by_family);
  row("find_children_full_name", *by_full_name);
  row("find_children_prefix", *by_prefix);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Benchmarks of the store's bulk load and reads (see bench/README.md)"};
  app.require_subcommand(1);

  LoadOptions load;
  auto* load_command = app.add_subcommand("load", "Bulk load of the N largest authorities");
  load_command->add_option("--db", load.db, "SQLite file or postgresql:// URL (empty)")->required();
  load_command->add_option("--largest", load.largest, "How many of the largest authorities")
      ->capture_default_str();
  load_command->add_option("--years", load.years, "Years of history")->capture_default_str();
  load_command->add_option("--csv", load.csv, "Also write record_revision's rows as CSV here");

  ReadOptions read;
  auto* read_command =
      app.add_subcommand("read", "Load the large fictional authority, then time reads");
  read_command->add_option("--db", read.db, "SQLite file or postgresql:// URL (empty)")->required();
  read_command->add_option("--calls", read.calls, "Timed child_record calls")
      ->capture_default_str();
  read_command->add_option("--warmup", read.warmup, "Untimed calls first")->capture_default_str();
  read_command->add_option("--queries", read.queries, "Timed calls of each search")
      ->capture_default_str();
  read_command->add_option("--seed", read.seed, "Seed of the choice of children")
      ->capture_default_str();
  read_command
      ->add_option("--budget", read.budget, "Seconds at most for the timed calls of each operation")
      ->capture_default_str();
  read_command->add_flag("--with-revisions", read.with_revisions,
                         "Load as `hearth synth --db` does: bulk load, then the later versions "
                         "of children's records one put at a time (slow on SQLite: see "
                         "docs/PERFORMANCE.md)");
  read_command->add_flag("--load-only", read.load_only, "Load, and time no reads");
  read_command->add_flag("--reuse", read.reuse,
                         "Time reads on a database already loaded by an earlier run");

  CLI11_PARSE(app, argc, argv);
  if (load_command->parsed()) return run_load(load);
  return run_read(read);
}
