// The world a service touches, injected so that tests can fix it: the clock and randomness.
// Services take `Env&`; tests pass a FixedClock and a seeded Random (no test reads the wall clock).
#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <string>

#include "hearth/core/date.hpp"

namespace hearth::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
  Date today() const { return now().date(); }
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that stands still until told to move. Thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp at) : micros_(at.micros()) {}
  Timestamp now() const override { return Timestamp::from_micros(micros_.load()); }
  void set(Timestamp at) { micros_.store(at.micros()); }
  void advance_seconds(int64_t seconds) { micros_ += seconds * 1'000'000; }

 private:
  std::atomic<int64_t> micros_;
};

// A small, fast, deterministic generator (xoshiro256** seeded through splitmix64).
// The same seed gives the same sequence on every machine and build. Not thread-safe: give each
// thread its own, derived with `fork`.
class Random {
 public:
  explicit Random(uint64_t seed);

  uint64_t next_u64();
  // Uniform in [0, bound). bound must be > 0.
  uint64_t below(uint64_t bound);
  // Uniform in [lo, hi], inclusive.
  int64_t between(int64_t lo, int64_t hi);
  // Uniform in [0, 1).
  double unit();
  bool chance(double probability) { return unit() < probability; }
  // Index drawn with probability proportional to weights[i].
  size_t weighted(std::span<const double> weights);
  // Poisson-distributed count with the given mean (mean <= ~1e6).
  int64_t poisson(double mean);
  // Exponentially distributed with the given mean.
  double exponential(double mean);
  // A new, independent generator whose sequence depends on this seed and `stream`, so that work
  // split by local authority or thread stays the same whatever the split.
  Random fork(uint64_t stream) const;

 private:
  uint64_t seed_;
  uint64_t s_[4];
};

// Stable 64-bit hash of text (FNV-1a), for deriving seeds from names.
uint64_t stable_hash(std::string_view text);

struct Env {
  const Clock& clock;
};

}  // namespace hearth::core
