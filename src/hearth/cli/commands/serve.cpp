#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "hearth/cli/commands.hpp"
#include "hearth/web/web.hpp"

namespace hearth::cli {

namespace {

// Until sign-in exists, Hearth serves the loopback interface only: the machine's own browser.
bool is_loopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1";
}

}  // namespace

int serve(const ServeOptions& options, bool create_database) {
  if (!is_loopback(options.address)) {
    return report(core::Error::invalid(
        "--address", fmt::format("{} is not a loopback address. Hearth has no sign-in yet, so it "
                                 "serves 127.0.0.1 (or ::1) only",
                                 options.address)));
  }
  store::OpenOptions open_options;
  open_options.create = create_database;
  auto store = store::Store::open(options.db, open_options);
  if (!store) return report(store.error());
  auto site =
      web::Site::load(options.web_root.empty() ? std::filesystem::path(HEARTH_DEFAULT_WEB_ROOT)
                                               : std::filesystem::path(options.web_root));
  if (!site) return report(site.error());
  core::SystemClock clock;
  web::Services services{**store, clock, *site};
  web::ServerOptions server_options;
  server_options.address = options.address;
  server_options.port = options.port;
  server_options.threads = options.threads;
  web::Server server(server_options, services);
  auto port = server.start();
  if (!port) return report(port.error());
  const std::string host = options.address.find(':') != std::string::npos
                               ? "[" + options.address + "]"
                               : options.address;
  std::cout << fmt::format("Hearth is serving {} ({}) at http://{}:{}/  (Ctrl-C to stop)\n",
                           options.db, (*store)->backend(), host, *port)
            << std::flush;
  web::run_until_signal(server);
  std::cout << "Hearth stopped.\n";
  return kExitOk;
}

Runner add_serve(CLI::App& app) {
  auto* command = app.add_subcommand("serve", "Serve Hearth's web pages from a database");
  auto o = std::make_shared<ServeOptions>();
  o->db = kDefaultDatabase;
  command->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  command
      ->add_option("--address", o->address,
                   "Loopback address to listen on (127.0.0.1 or ::1): until sign-in exists, "
                   "Hearth refuses any other")
      ->capture_default_str();
  command->add_option("--port", o->port, "Port (0: any free port)")->capture_default_str();
  command->add_option("--threads", o->threads, "Worker threads (default: cores)")
      ->check(CLI::Range(1, 256));
  command->add_option("--web-root", o->web_root,
                      "Folder with templates/, messages/, assets/ and node_modules/ (default: the "
                      "source tree's web/)");
  return [o] { return serve(*o, /*create_database=*/false); };
}

}  // namespace hearth::cli
