// The server's open connections, so that a graceful stop can reach each one and learn when the
// last has gone. No Asio here: the connections themselves are in http_connection.cpp.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace hearth::web::detail {

// A connection as a stopping server sees it. Both calls are thread-safe and return at once; the
// work happens on the connection's own strand.
class Connection {
 public:
  virtual ~Connection() = default;
  // Closes the connection once the request in flight, if any, has been answered.
  virtual void close_when_idle() = 0;
  // Closes the connection now, whatever it is doing.
  virtual void close_now() = 0;
};

// Thread-safe.
class ConnectionRegistry {
 public:
  // Registers a new connection; returns false, registering nothing, once stopping.
  bool add(const std::shared_ptr<Connection>& connection);
  // Called by each connection's destructor (whether or not `add` accepted it).
  void remove(const Connection* connection);

  // Marks the registry stopping and returns the open connections. `on_empty` runs once, when
  // the last connection has gone: at once, on this thread, if none is open; otherwise on the
  // thread that destroys the last one.
  std::vector<std::shared_ptr<Connection>> begin_stop(std::function<void()> on_empty);
  bool stopping() const { return stopping_.load(); }

  std::vector<std::shared_ptr<Connection>> open_connections() const;
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  // Guarded by mutex_.
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> open_;
  std::function<void()> on_empty_;     // guarded by mutex_; cleared once run
  std::atomic<bool> stopping_{false};  // written under mutex_, read anywhere
};

}  // namespace hearth::web::detail
