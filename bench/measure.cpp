// measure: runs a command and reports its wall time and peak memory (maximum resident set size),
// so the benchmarks need nothing beyond what they build (no /usr/bin/time).
//
//   measure [--label TEXT] [--stdout FILE] -- COMMAND [ARGS...]
//
// Prints one line on standard error:
//   measure: <label> wall_s=12.34 user_s=20.01 sys_s=1.20 max_rss_mib=812.5 exit=0
// The command's standard output goes to FILE when given (so that a command writing a lot does
// not flood the terminal), else through. Exit status: the command's own, or 127 if it could not
// be started.
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  std::string label;
  std::string stdout_file;
  int first = 1;
  for (; first < argc; ++first) {
    const std::string arg = argv[first];
    if (arg == "--") {
      ++first;
      break;
    }
    if (arg == "--label" && first + 1 < argc) {
      label = argv[++first];
    } else if (arg == "--stdout" && first + 1 < argc) {
      stdout_file = argv[++first];
    } else {
      fmt::print(stderr, "usage: measure [--label TEXT] [--stdout FILE] -- COMMAND [ARGS...]\n");
      return 2;
    }
  }
  if (first >= argc) {
    fmt::print(stderr, "usage: measure [--label TEXT] [--stdout FILE] -- COMMAND [ARGS...]\n");
    return 2;
  }
  if (label.empty()) label = argv[first];

  const auto started = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) {
    fmt::print(stderr, "measure: fork failed: {}\n", std::strerror(errno));
    return 127;
  }
  if (child == 0) {
    if (!stdout_file.empty()) {
      const int fd = open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) _exit(127);
      close(fd);
    }
    execvp(argv[first], argv + first);
    fmt::print(stderr, "measure: cannot run {}: {}\n", argv[first], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(child, &status, 0, &usage) < 0) {
    fmt::print(stderr, "measure: wait failed: {}\n", std::strerror(errno));
    return 127;
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  // ru_maxrss is in KiB on Linux.
  fmt::print(stderr,
             "measure: {} wall_s={:.2f} user_s={:.2f} sys_s={:.2f} max_rss_mib={:.1f} exit={}\n",
             label, wall, seconds(usage.ru_utime), seconds(usage.ru_stime),
             static_cast<double>(usage.ru_maxrss) / 1024.0, code);
  return code;
}
