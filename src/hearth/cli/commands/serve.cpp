#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "hearth/access/services.hpp"
#include "hearth/cli/commands.hpp"
#include "hearth/web/web.hpp"

namespace hearth::cli {

namespace {

bool is_loopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1";
}

// Handlers wait on the database and on the audit log's commit, so more threads than cores keep
// the cores busy.
int default_threads() {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<int>(std::max(8u, 4 * cores));
}

}  // namespace

int serve(const ServeOptions& options, bool create_database) {
  // Passwords and children's records must not cross a network in the clear: anywhere but the
  // machine itself, Hearth is served through a TLS-terminating proxy, and says so.
  if (!is_loopback(options.address) && !options.behind_tls) {
    return report(core::Error::invalid(
        "--address",
        fmt::format("{} is not a loopback address, and Hearth speaks plain HTTP: passwords and "
                    "children's records would cross the network unencrypted. Put Hearth behind "
                    "a proxy that terminates TLS and add --behind-tls, or serve 127.0.0.1",
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
  access::AccessServices access_services(**store, clock);
  access_services.sessions.prepare();
  web::Services services{**store,
                         clock,
                         *site,
                         access_services.sessions,
                         access_services.records,
                         access_services.accounts,
                         access_services.audit,
                         {options.behind_tls, options.trusted_proxies}};
  web::ServerOptions server_options;
  server_options.address = options.address;
  server_options.port = options.port;
  server_options.threads = options.threads > 0 ? options.threads : default_threads();
  web::Server server(server_options, services);
  auto port = server.start();
  if (!port) return report(port.error());
  const std::string host = options.address.find(':') != std::string::npos
                               ? "[" + options.address + "]"
                               : options.address;
  web::run_until_signal(server, [&] {
    std::cout << fmt::format("Hearth is serving {} ({}) at http://{}:{}/  (Ctrl-C to stop)\n",
                             options.db, (*store)->backend(), host, *port)
              << std::flush;
  });
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
                   "Address to listen on. Other than loopback (127.0.0.1, ::1) only with "
                   "--behind-tls")
      ->capture_default_str();
  command->add_option("--port", o->port, "Port (0: any free port)")->capture_default_str();
  command->add_flag("--behind-tls", o->behind_tls,
                    "Hearth is reached through HTTPS (a proxy in front terminates TLS): cookies "
                    "are marked Secure and responses carry Strict-Transport-Security");
  command->add_option("--trusted-proxy", o->trusted_proxies,
                      "The address of a proxy in front of Hearth whose X-Forwarded-For is "
                      "believed (give it once for each proxy): sign-in throttling and the audit "
                      "log then see the client's address, not the proxy's");
  command->add_option("--threads", o->threads, "Worker threads (default: 4 per core, at least 8)")
      ->check(CLI::Range(1, 256));
  command->add_option("--web-root", o->web_root,
                      "Folder with templates/, messages/, assets/ and node_modules/ (default: the "
                      "source tree's web/)");
  return [o] { return serve(*o, /*create_database=*/false); };
}

}  // namespace hearth::cli
