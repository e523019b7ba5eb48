#include "hearth/store/detail/connection_pool.hpp"

namespace hearth::store::detail {

using core::Result;

ConnectionPool::Lease::~Lease() {
  if (pool_ && connection_) pool_->release(std::move(connection_));
}

ConnectionPool::ConnectionPool(ConnectionFactory factory, std::unique_ptr<Connection> first)
    : factory_(std::move(factory)) {
  idle_.push_back(std::move(first));
}

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
  }
  auto fresh = factory_();
  if (!fresh) return fresh.error();
  return Lease(this, std::move(*fresh));
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
  if (!connection->healthy()) return;  // a broken connection is dropped, not reused
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(connection));
}

}  // namespace hearth::store::detail
