#include "hearth/access/passwords.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>
#include <sodium.h>

#include "hearth/core/text.hpp"

namespace hearth::access {
namespace embedded {
extern const std::string_view k_common_passwords;
}  // namespace embedded

namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

const std::unordered_set<std::string_view>& common_passwords() {
  static const std::unordered_set<std::string_view> set = [] {
    std::unordered_set<std::string_view> out;
    std::string_view text = embedded::k_common_passwords;
    out.reserve(32768);
    while (!text.empty()) {
      const size_t end = text.find('\n');
      const std::string_view line = text.substr(0, end);
      if (!line.empty()) out.insert(line);
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
    }
    return out;
  }();
  return set;
}

// The password without digits and symbols at either end, and with a word repeated once
// ("monkeymonkey") taken once.
std::string common_core(std::string_view lowered) {
  const auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  size_t first = 0;
  size_t last = lowered.size();
  while (first < last && !is_letter(lowered[first])) ++first;
  while (last > first && !is_letter(lowered[last - 1])) --last;
  std::string core(lowered.substr(first, last - first));
  if (core.size() >= 2 && core.size() % 2 == 0 &&
      core.compare(0, core.size() / 2, core, core.size() / 2) == 0) {
    core.resize(core.size() / 2);
  }
  // A core of a letter or two says nothing ("!!!!1234a"): leave that to the length rule.
  return core.size() >= 4 ? core : std::string();
}

}  // namespace

PasswordCost PasswordCost::standard() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::minimal() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

core::Result<std::string> PasswordHasher::hash(std::string_view password) const {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.passes, cost_.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Error::internal("hashing a password ran out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view hash, std::string_view password) const {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view hash) const {
  ensure_sodium();
  const std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), cost_.passes, cost_.memory_bytes) != 0;
}

core::Status check_password_policy(std::string_view password, std::string_view username) {
  auto refuse = [](std::string message) {
    return core::Error::invalid("password", std::move(message));
  };
  if (password.size() > kMaxPasswordLength) {
    return refuse(fmt::format("Password must be {} characters or fewer", kMaxPasswordLength));
  }
  if (core::utf8_length(password) < kMinPasswordLength) {
    return refuse(fmt::format(
        "Password must be {} characters or more. Three or four random words make a good one",
        kMinPasswordLength));
  }
  const std::string lowered = core::ascii_lower(password);
  if (is_common_password(lowered)) {
    return refuse(
        "Password is one of the most common passwords. Choose one that is harder to "
        "guess");
  }
  // Few of the common passwords are 12 characters long, but many are with a year or a "!" put
  // after them ("Summer2024!!", "password1234", "qwerty123456789"): judge the word without them.
  if (is_common_password(common_core(lowered))) {
    return refuse(
        "Password is a common password with numbers or symbols added. Three or four random words "
        "make a better one");
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    return refuse("Password must not be one character repeated");
  }
  if (!username.empty() && lowered.find(core::ascii_lower(username)) != std::string::npos) {
    return refuse("Password must not contain your username");
  }
  return {};
}

bool is_common_password(std::string_view password) {
  return common_passwords().count(core::ascii_lower(password)) > 0;
}

std::string generate_password(std::string_view username) {
  ensure_sodium();
  // No 0/o, 1/l: passwords are read aloud and copied by hand.
  static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  for (;;) {
    std::string out;
    for (int group = 0; group < 4; ++group) {
      if (group > 0) out += '-';
      for (int i = 0; i < 4; ++i) out += kAlphabet[randombytes_uniform(kAlphabet.size())];
    }
    if (check_password_policy(out, username)) return out;
  }
}

}  // namespace hearth::access
