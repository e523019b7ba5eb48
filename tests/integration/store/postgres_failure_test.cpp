// An unreachable PostgreSQL server gives a clear message, promptly, without the password.
#include <gtest/gtest.h>

#include "hearth/store/store.hpp"

namespace hearth::store {
namespace {

TEST(PostgresStore, AnUnreachableServerGivesAClearMessageWithoutThePassword) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  auto opened = Store::open("postgresql://hearth:s3cret@127.0.0.1:1/hearth");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(opened.error().message.find("cannot connect to PostgreSQL at"), std::string::npos)
      << opened.error().message;
  EXPECT_EQ(opened.error().message.find("s3cret"), std::string::npos) << opened.error().message;
  EXPECT_NE(opened.error().message.find("***"), std::string::npos) << opened.error().message;
}

}  // namespace
}  // namespace hearth::store
