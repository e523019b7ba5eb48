// Passwords: hashed with argon2id (libsodium's crypto_pwhash_str, which stores its algorithm,
// cost and salt in the hash string, so a change of cost reaches old hashes as they are used), and
// judged by a policy of length and a list of the 30,000 most common passwords
// (data/common_passwords.txt).
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "hearth/core/result.hpp"

namespace hearth::access {

inline constexpr size_t kMinPasswordLength = 12;   // characters
inline constexpr size_t kMaxPasswordLength = 256;  // bytes: a hash of a megabyte is a denial of
                                                   // service, not a password

// The cost of one hash. `standard()` is libsodium's INTERACTIVE level (2 passes over 64 MiB),
// what a sign-in pays; `minimal()` is the least argon2id allows, for tests only.
struct PasswordCost {
  unsigned long long passes = 2;
  size_t memory_bytes = 64u << 20;

  static PasswordCost standard();
  static PasswordCost minimal();
};

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost = PasswordCost::standard()) : cost_(cost) {}

  // The argon2id hash string ("$argon2id$v=19$m=65536,t=2,p=1$..."). kInternal only when memory
  // runs out.
  core::Result<std::string> hash(std::string_view password) const;
  // True when `password` matches `hash`. False for a malformed hash.
  bool verify(std::string_view hash, std::string_view password) const;
  // True when `hash` was made at another cost than this hasher's: rehash on the next sign-in.
  bool needs_rehash(std::string_view hash) const;
  const PasswordCost& cost() const { return cost_; }

 private:
  PasswordCost cost_;
};

// kInvalid in field "password", with a message for the person choosing it, when the password is
// shorter than kMinPasswordLength characters or longer than kMaxPasswordLength bytes, is on the
// list of common passwords (whatever its case), is one of them with digits or symbols before or
// after it or doubled ("Summer2024!!", "monkeymonkey"), contains the username, or is one
// character repeated.
core::Status check_password_policy(std::string_view password, std::string_view username);

// Whether `password` (lower-cased) is on the shipped list.
bool is_common_password(std::string_view password);

// A random password that passes the policy for `username`: four groups of four lower-case
// letters and digits ("k7fq-m2xp-9cwd-rt4h"), for new accounts and resets made by an
// administrator. Drawn again when it happens to hold the username ("amy" in "pw8z-amy2-..."):
// the policy would refuse it.
std::string generate_password(std::string_view username = {});

}  // namespace hearth::access
