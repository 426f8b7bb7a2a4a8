// The lcngeom program: a registry of subcommands.  Each subcommand lives in
// its own file and registers itself at static-initialisation time, so adding a
// command never edits a shared list.
#ifndef LCNGEOM_TOOLS_COMMAND_HPP
#define LCNGEOM_TOOLS_COMMAND_HPP

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "lcngeom/binary_form.hpp"

namespace lcngeom::cli {

/// Configures a CLI11 subcommand and returns the function that runs it
/// (returning the process exit code).  Option storage must outlive setup:
/// capture a shared_ptr to an options struct in the runner.
using Setup = std::function<std::function<int()>(CLI::App&)>;

struct Command {
  int order;  ///< position in --help (paper order: section * 100 + k)
  std::string name;
  std::string description;
  Setup setup;
};

/// Registers a command; returns true so it can initialise a static bool.
bool register_command(Command command);
const std::vector<Command>& commands();

/// The limits of BinaryForm::parse for this run (the global --max-degree).
const ParseOptions& parse_limits();
/// BinaryForm::parse with this run's limits; `degree` >= 0 is the degree the
/// command needs, checked before an expression is expanded.
BinaryForm parse_form(std::string_view text, int degree = -1);

/// Prints a JSON object on stdout as one line followed by a newline.
void print_json(const nlohmann::json& j);

/// Parses the command line and runs the subcommand; returns the exit code
/// (main.cpp).  `extra_options` adds program-wide options (lcngeom-mpi's
/// --checkpoint, --resume, --unit-size).
int run(int argc, char** argv, const std::function<void(CLI::App&)>& extra_options = {});

}  // namespace lcngeom::cli

#endif
