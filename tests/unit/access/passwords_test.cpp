// Passwords: argon2id hashes that verify, and the policy of length and common passwords.
#include "hearth/access/passwords.hpp"

#include <set>

#include <gtest/gtest.h>

namespace hearth::access {
namespace {

TEST(PasswordHasher, HashesWithArgon2idAndVerifiesOnlyTheRightPassword) {
  const PasswordHasher hasher(PasswordCost::minimal());
  auto hash = hasher.hash("a long enough passphrase");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_TRUE(hasher.verify(*hash, "a long enough passphrase"));
  EXPECT_FALSE(hasher.verify(*hash, "a long enough passphrasE"));
  EXPECT_FALSE(hasher.verify(*hash, ""));
  EXPECT_FALSE(hasher.verify("not a hash", "a long enough passphrase"));
  EXPECT_FALSE(hasher.verify("", ""));
}

TEST(PasswordHasher, SaltsEachHash) {
  const PasswordHasher hasher(PasswordCost::minimal());
  EXPECT_NE(*hasher.hash("the same password"), *hasher.hash("the same password"));
}

TEST(PasswordHasher, KnowsAHashMadeAtAnotherCostNeedsRehashing) {
  const PasswordHasher cheap(PasswordCost::minimal());
  const PasswordHasher standard(PasswordCost::standard());
  auto hash = cheap.hash("a long enough passphrase");
  ASSERT_TRUE(hash);
  EXPECT_FALSE(cheap.needs_rehash(*hash));
  EXPECT_TRUE(standard.needs_rehash(*hash));
  EXPECT_TRUE(standard.verify(*hash, "a long enough passphrase"));  // the cost is in the hash
}

TEST(PasswordPolicy, RefusesShortPasswordsCountingCharactersNotBytes) {
  auto short_one = check_password_policy("elevenchars", "amy");
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().field, "password");
  EXPECT_NE(short_one.error().message.find("12 characters or more"), std::string::npos);
  // Eleven characters in more than twelve bytes is still too short.
  EXPECT_FALSE(
      check_password_policy("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9zzzzz", "amy"));
  EXPECT_TRUE(check_password_policy("twelve chars", "amy"));
}

TEST(PasswordPolicy, RefusesPasswordsOnTheCommonListWhateverTheirCase) {
  EXPECT_TRUE(is_common_password("password"));
  EXPECT_TRUE(is_common_password("QWERTY123456"));
  auto common = check_password_policy("qwerty123456", "amy");
  ASSERT_FALSE(common);
  EXPECT_NE(common.error().message.find("most common passwords"), std::string::npos);
  EXPECT_FALSE(check_password_policy("1Qaz2Wsx3Edc", "amy"));
  EXPECT_FALSE(is_common_password("blue kettle under the stairs"));
}

TEST(PasswordPolicy, RefusesACommonPasswordWithNumbersOrSymbolsAddedOrDoubled) {
  for (const char* weak : {"Summer2024!!", "!!dragon2024!!", "123456monkey", "monkeymonkey",
                           "Password12345", "Liverpool1892!"}) {
    auto refused = check_password_policy(weak, "amy");
    ASSERT_FALSE(refused) << weak;
    EXPECT_NE(refused.error().message.find("common password"), std::string::npos) << weak;
  }
  EXPECT_TRUE(check_password_policy("kettle-fish-june-lantern", "amy"));
  EXPECT_TRUE(check_password_policy("k7fq-m2xp-9cwd-rt4h", "amy"));
}

TEST(PasswordPolicy, RefusesTheUsernameInsideThePasswordAndOneRepeatedCharacter) {
  EXPECT_FALSE(check_password_policy("amy.khan is my name", "amy.khan"));
  EXPECT_FALSE(check_password_policy("AMY.KHAN-2025-04", "amy.khan"));
  EXPECT_FALSE(check_password_policy("aaaaaaaaaaaaaaaa", "amy"));
  EXPECT_TRUE(check_password_policy("river stone lantern", "amy.khan"));
}

TEST(PasswordPolicy, RefusesAnOverlongPasswordBeforeHashingIt) {
  const std::string huge(kMaxPasswordLength + 1, 'x');
  auto refused = check_password_policy(huge + "y", "amy");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("256 characters or fewer"), std::string::npos);
}

TEST(GeneratedPasswords, PassThePolicyAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string password = generate_password("amy");
    EXPECT_EQ(password.size(), 19u);
    EXPECT_TRUE(check_password_policy(password, "amy")) << password;
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace hearth::access
