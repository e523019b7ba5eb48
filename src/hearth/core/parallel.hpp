// Work split over the machine's cores: loads of many records (reading and decoding them is most
// of what an export or a page of figures costs), and a return's validation rules.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace hearth::core {

// The threads worth starting for `parts` parts: one per core, never more than the parts.
inline size_t threads_for(size_t parts) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(cores, parts));
}

// Calls work(thread) for thread = 0 .. threads-1, each on its own thread but the first, which
// runs on the caller's. When no thread can be had (a process limit) the rest run on the caller's
// too, so the work is always done. An exception on any thread is thrown again here, once every
// thread has finished (the first thread's, if several threw).
template <typename Work>
void run_on_threads(size_t threads, const Work& work) {
  std::vector<std::exception_ptr> thrown(threads);
  auto guarded = [&](size_t thread) {
    try {
      work(thread);
    } catch (...) {
      thrown[thread] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads);  // so that starting one cannot throw for want of room in the vector
  size_t started = 1;
  try {
    for (; started < threads; ++started) {
      workers.emplace_back([&guarded, started] { guarded(started); });
    }
  } catch (const std::system_error&) {
  }
  for (size_t thread = started; thread < threads; ++thread) guarded(thread);
  guarded(0);
  for (auto& worker : workers) worker.join();
  for (const auto& exception : thrown) {
    if (exception) std::rethrow_exception(exception);
  }
}

}  // namespace hearth::core
