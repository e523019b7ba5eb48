#include "hearth/web/detail/connection_registry.hpp"

#include <utility>

namespace hearth::web::detail {

bool ConnectionRegistry::add(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  if (stopping_.load()) return false;
  open_.emplace(connection.get(), connection);
  return true;
}

void ConnectionRegistry::remove(const Connection* connection) {
  std::function<void()> on_empty;
  {
    std::lock_guard lock(mutex_);
    open_.erase(connection);
    if (stopping_.load() && open_.empty() && on_empty_) on_empty = std::exchange(on_empty_, {});
  }
  if (on_empty) on_empty();
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::begin_stop(
    std::function<void()> on_empty) {
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex_);
    stopping_.store(true);
    for (const auto& [key, weak] : open_) {
      // A connection that cannot be locked is being destroyed and will call remove.
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
    if (!open_.empty()) {
      on_empty_ = std::move(on_empty);
      return open;
    }
  }
  on_empty();
  return open;
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::open_connections() const {
  std::vector<std::shared_ptr<Connection>> open;
  std::lock_guard lock(mutex_);
  for (const auto& [key, weak] : open_) {
    if (auto connection = weak.lock()) open.push_back(std::move(connection));
  }
  return open;
}

size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace hearth::web::detail
