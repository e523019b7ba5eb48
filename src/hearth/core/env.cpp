#include "hearth/core/env.hpp"

#include <chrono>
#include <cmath>

namespace hearth::core {
namespace {

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

}  // namespace

Timestamp SystemClock::now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp::from_micros(
      std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count());
}

Random::Random(uint64_t seed) : seed_(seed) {
  uint64_t state = seed;
  for (auto& word : s_) word = splitmix64(state);
}

uint64_t Random::next_u64() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

uint64_t Random::below(uint64_t bound) {
  // Lemire's multiply-shift; the tiny bias is irrelevant for synthetic data.
  __extension__ using Wide = unsigned __int128;
  return static_cast<uint64_t>((static_cast<Wide>(next_u64()) * bound) >> 64);
}

int64_t Random::between(int64_t lo, int64_t hi) {
  return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
}

double Random::unit() {
  return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

size_t Random::weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double pick = unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (pick < weights[i]) return i;
    pick -= weights[i];
  }
  return weights.empty() ? 0 : weights.size() - 1;
}

int64_t Random::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 30) {
    // Normal approximation is plenty for synthetic counts this large.
    const double u1 = std::max(unit(), 1e-300);
    const double u2 = unit();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * M_PI * u2);
    return std::max<int64_t>(0, std::llround(mean + z * std::sqrt(mean)));
  }
  const double limit = std::exp(-mean);
  int64_t count = 0;
  double product = unit();
  while (product > limit) {
    ++count;
    product *= unit();
  }
  return count;
}

double Random::exponential(double mean) {
  return -mean * std::log(1.0 - unit());
}

Random Random::fork(uint64_t stream) const {
  uint64_t state = seed_ ^ (stream * 0xd1342543de82ef95ULL + 0x632be59bd9b4e019ULL);
  return Random(splitmix64(state));
}

uint64_t stable_hash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace hearth::core
