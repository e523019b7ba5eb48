// Benchmarks of the access module (bench/README.md): signing in at the password cost Hearth
// uses (argon2id, libsodium's INTERACTIVE: 2 passes over 64 MiB), and writing the audit log
// from many threads at once (group commit), on SQLite or PostgreSQL.
//
//   access_bench signin --db FILE_OR_URL [--count 50] [--threads 1]
//   access_bench audit  --db FILE_OR_URL [--count 20000] [--threads 8]
//
// Each prints what it measured and a RESULT line for bench/run.sh.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "hearth/access/services.hpp"
#include "hearth/store/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using hearth::access::AccessServices;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int fail(const hearth::core::Error& error) {
  std::cerr << "access_bench: " << error.describe() << "\n";
  return 1;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

int signin(const std::string& db, int count, int threads) {
  auto store = hearth::store::Store::open(db);
  if (!store) return fail(store.error());
  hearth::core::SystemClock clock;
  // No throttling in the way: each thread signs in its own account over and over (sign-ins of
  // one username are taken one at a time, by design: sessions.hpp).
  hearth::access::SessionPolicy policy;
  AccessServices services(**store, clock, hearth::access::PasswordCost::standard(), policy);
  const std::string password = "a kettle of fish in June";
  for (int t = 0; t < threads; ++t) {
    const std::string username = fmt::format("bench.user{}", t);
    if ((*store)->access().find_account(username)) continue;
    hearth::access::NewAccount account{username, "Bench User", "analyst", "", "", "", "", password};
    auto added = services.accounts.add(hearth::access::command_line_principal(), account, "bench");
    if (!added) return fail(added.error());
  }
  const auto cost = services.hasher.cost();
  std::vector<double> each;
  std::mutex each_mutex;
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const std::string username = fmt::format("bench.user{}", t);
      while (next.fetch_add(1) < count) {
        const auto one = Clock::now();
        auto session = services.sessions.sign_in({username, password, "127.0.0.1", "bench"});
        if (!session) {
          std::cerr << "access_bench: " << session.error().describe() << "\n";
          failed = true;
          return;
        }
        std::lock_guard lock(each_mutex);
        each.push_back(seconds_since(one) * 1000);
      }
    });
  }
  for (auto& thread : pool) thread.join();
  if (failed) return 1;
  const double wall = seconds_since(start);
  std::cout << fmt::format(
      "sign-in ({}, argon2id {} passes over {} MiB, {} threads): {} sign-ins in {:.2f} s = {:.1f} "
      "a second; each p50 {:.1f} ms, p99 {:.1f} ms\n",
      (*store)->backend(), cost.passes, cost.memory_bytes >> 20, threads, count, wall, count / wall,
      percentile(each, 0.5), percentile(each, 0.99));
  std::cout << fmt::format(
      "RESULT signin backend={} threads={} per_s={:.1f} p50_ms={:.1f} "
      "p99_ms={:.1f}\n",
      (*store)->backend(), threads, count / wall, percentile(each, 0.5), percentile(each, 0.99));
  return 0;
}

int audit(const std::string& db, int count, int threads) {
  auto store = hearth::store::Store::open(db);
  if (!store) return fail(store.error());
  hearth::core::SystemClock clock;
  hearth::access::AuditLog log((*store)->access(), clock);
  hearth::access::Principal who = hearth::access::command_line_principal();
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      int i;
      while ((i = next.fetch_add(1)) < count) {
        auto done = log.record(who, {"child.record", "allowed", "999",
                                     fmt::format("C{:07}", i % 5000), "bench", "bench"});
        if (!done) {
          std::cerr << "access_bench: " << done.error().describe() << "\n";
          failed = true;
          return;
        }
      }
    });
  }
  for (auto& thread : pool) thread.join();
  if (failed) return 1;
  const double wall = seconds_since(start);
  const double per_commit =
      static_cast<double>(log.entries_written()) / std::max<int64_t>(1, log.commits());
  std::cout << fmt::format(
      "audit log ({}, {} threads each waiting for its entry): {} entries in {:.2f} s = {:.0f} a "
      "second, {:.1f} entries a commit\n",
      (*store)->backend(), threads, count, wall, count / wall, per_commit);
  std::cout << fmt::format("RESULT audit backend={} threads={} per_s={:.0f} per_commit={:.1f}\n",
                           (*store)->backend(), threads, count / wall, per_commit);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Hearth's access benchmarks"};
  app.require_subcommand(1);
  std::string db;
  int signins = 50;
  int signin_threads = 1;
  int entries = 20000;
  int audit_threads = 8;
  auto* signin_command = app.add_subcommand("signin", "Sign-ins a second at the real cost");
  signin_command->add_option("--db", db)->required();
  signin_command->add_option("--count", signins)->capture_default_str();
  signin_command->add_option("--threads", signin_threads)->capture_default_str();
  auto* audit_command = app.add_subcommand("audit", "Audit entries a second, group-committed");
  audit_command->add_option("--db", db)->required();
  audit_command->add_option("--count", entries)->capture_default_str();
  audit_command->add_option("--threads", audit_threads)->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (signin_command->parsed()) return signin(db, signins, signin_threads);
  return audit(db, entries, audit_threads);
}
