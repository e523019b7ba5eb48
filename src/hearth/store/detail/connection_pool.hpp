// The connections of one Store.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "hearth/store/detail/sql.hpp"

namespace hearth::store::detail {

using ConnectionFactory = std::function<core::Result<std::unique_ptr<Connection>>()>;

// Connections handed out one per call and returned afterwards; new ones are made on demand.
class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  ConnectionPool(ConnectionFactory factory, std::unique_ptr<Connection> first);
  core::Result<Lease> acquire();

 private:
  void release(std::unique_ptr<Connection> connection);

  ConnectionFactory factory_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
};

}  // namespace hearth::store::detail
