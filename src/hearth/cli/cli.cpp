#include "hearth/cli/cli.hpp"

#include <iostream>

#include <fmt/format.h>

#include "hearth/cli/commands.hpp"
#include "hearth/core/env.hpp"

namespace hearth::cli {

int report(const core::Error& error) {
  std::cerr << "hearth: " << error.describe() << "\n";
  return error.code == core::ErrorCode::kInvalid ? kExitUsage : kExitFailure;
}

void add_collection_year_option(CLI::App* command, int& year) {
  command
      ->add_option("--year", year,
                   "The collection year, by the 31 March it ends on (2026: 2025-26); default: "
                   "the last one ended")
      ->check(CLI::Range(2014, 2100));
}

int collection_year_or_last(int year) {
  return year > 0 ? year : core::last_collection_year_ended(core::SystemClock().today());
}

int report_input_failure(const core::Error& error) {
  std::cerr << "hearth: " << error.describe() << "\n";
  return kExitFailure;
}

int run(int argc, char** argv) {
  CLI::App app{
      "Hearth: case records, statutory returns and multi-agency information sharing for "
      "children's social care in England.",
      "hearth"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "hearth 0.1.0");
  const Runner demo = add_demo(app);
  const Runner serve_command = add_serve(app);
  const Runner synth = add_synth(app);
  const Runner migrate = add_migrate(app);
  const Runner user = add_user(app);
  const Runner audit = add_audit(app);
  const Runner export_command = add_export(app);
  const Runner validate = add_validate(app);
  const Runner import_command = add_import(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    // "hearth frobnicate", "hearth user frobnicate": CLI11 only says a subcommand is required;
    // name the word it did not know, and the commands there are.
    CLI::App* at = &app;
    std::string path = "hearth";
    while (!at->get_subcommands().empty()) {
      at = at->get_subcommands().front();
      path += " " + at->get_name();
    }
    std::string commands;
    for (const CLI::App* sub : at->get_subcommands([](CLI::App*) { return true; })) {
      commands += (commands.empty() ? "" : ", ") + sub->get_name();
    }
    auto rest = at->remaining();
    if (rest.empty()) rest = app.remaining();
    if (!commands.empty()) {
      if (rest.empty()) {
        std::cerr << path << ": say which (" << commands << "; see " << path << " --help)\n";
      } else {
        std::cerr << "hearth: '" << rest.front() << "' is not a " << path << " command ("
                  << commands << "; see " << path << " --help)\n";
      }
      return kExitUsage;
    }
    app.exit(e);
    return kExitUsage;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    if (app.got_subcommand("demo")) return demo();
    if (app.got_subcommand("serve")) return serve_command();
    if (app.got_subcommand("synth")) return synth();
    if (app.got_subcommand("migrate")) return migrate();
    if (app.got_subcommand("user")) return user();
    if (app.got_subcommand("audit")) return audit();
    if (app.got_subcommand("export")) return export_command();
    if (app.got_subcommand("validate")) return validate();
    if (app.got_subcommand("import")) return import_command();
  } catch (const std::exception& e) {
    std::cerr << "hearth: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitUsage;
}

}  // namespace hearth::cli
