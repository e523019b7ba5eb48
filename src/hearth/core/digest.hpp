// Cryptographic building blocks that more than one module needs, from libsodium: SHA-256 (the
// audit log's hash chain), random bytes from the operating system (session tokens, CSRF tokens,
// one-off passwords) and comparison in constant time (tokens against what was sent).
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hearth::core {

// Lower-case hex of the SHA-256 digest of `data`: 64 characters.
std::string sha256_hex(std::string_view data);

// `bytes` random bytes from the operating system's generator, as lower-case hex (2 * bytes
// characters). For secrets: never seeded, never repeatable (tests that need repeatable values
// use core::Random instead).
std::string random_hex(size_t bytes);

// True when `a` and `b` are equal, in time that does not depend on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace hearth::core
