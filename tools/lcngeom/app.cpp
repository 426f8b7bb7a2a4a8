// lcngeom: command-line front end of the library (main() is in main.cpp,
// lcngeom-mpi's in tools/lcngeom-mpi).
//
// Exit codes: 0 success, 1 a verification reported a failed claim, 2 bad input
// or a request beyond a documented limit (one line on stderr; with --json also
// {"error": {"type", "message"}} on stdout), 3 internal error (a bug).
#include <algorithm>
#include <iostream>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "command.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/version.hpp"
#include "options.hpp"
#include "units.hpp"

namespace lcngeom::cli {

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> r;
  return r;
}

ParseOptions& limits() {
  static ParseOptions o;
  return o;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// --json anywhere before a "--" separator asks for JSON errors too, even when
// the command line itself does not parse.
bool json_requested(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--json") return true;
  }
  return false;
}

// One line on stderr ("lcngeom: <prefix><message><suffix>"); with --json also
// the error object on stdout.
int fail(bool json, int code, const std::string& type, const std::string& message, const std::string& prefix,
         const std::string& suffix = "") {
  const std::string m = one_line(message);
  std::cerr << "lcngeom: " << prefix << m << suffix << '\n';
  if (json) print_json({{"error", {{"type", type}, {"message", m}}}});
  return code;
}
}  // namespace

bool register_command(Command command) {
  registry().push_back(std::move(command));
  return true;
}

const std::vector<Command>& commands() { return registry(); }

const ParseOptions& parse_limits() { return limits(); }

BinaryForm parse_form(std::string_view text, int degree) {
  ParseOptions o = limits();
  o.degree = degree;
  return BinaryForm::parse(text, o);
}

void print_json(const nlohmann::json& j) { std::cout << j.dump() << '\n'; }

int run(int argc, char** argv, const std::function<void(CLI::App&)>& extra_options) {
  const bool json = json_requested(argc, argv);
  CLI::App app{
      "lcngeom -- exact geometry of linear convolutional networks\n"
      "(Kohn, Merkh, Montufar, Trager: Geometry of Linear Convolutional Networks, 2022)\n"
      "Options mean the same in every subcommand: docs/cli.md"};
  app.name("lcngeom");
  app.set_version_flag("--version", std::string("lcngeom ") + lcngeom::version() + " (FLINT " +
                                        lcngeom::flint_version() + ", Arb " + lcngeom::arb_version() + ")");
  app.require_subcommand(1);
  // Accepted before or after the subcommand (fallthrough).  Raising the degree
  // cap raises the size cap with it, to what (x-y)^N needs (N-bit coefficients).
  app.fallthrough();
  int max_degree = kDefaultMaxParseDegree;
  app.add_option("--max-degree", max_degree,
                 "largest degree of a form given as text, and of every subexpression (default " +
                     std::to_string(kDefaultMaxParseDegree) + ")")
      ->check(CLI::Range(0, 1 << 24));
  if (extra_options) extra_options(app);
  std::vector<Command> cmds = registry();
  std::stable_sort(cmds.begin(), cmds.end(), [](const Command& a, const Command& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const Command& c : cmds) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    runners.emplace_back(sub, c.setup(*sub));
  }
  if (argc > 1 && argv[1][0] != '-' &&
      std::none_of(cmds.begin(), cmds.end(), [&](const Command& c) { return c.name == argv[1]; }))
    return fail(json, 2, "usage", "unknown subcommand '" + std::string(argv[1]) + "'", "", " (see lcngeom --help)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return fail(json, 2, "usage", e.what(), "", " (see lcngeom --help)");
  }
  limits().max_degree = max_degree;
  limits().max_bits =
      std::max(kDefaultMaxParseBits, 2 * (static_cast<long>(max_degree) + 1) * (static_cast<long>(max_degree) + 64));
  try {
    for (auto& [sub, runner] : runners)
      if (sub->parsed()) return runner();
  } catch (const lcngeom::error& e) {
    return fail(json, 2, error_type(e), e.what(), "error: ");
  } catch (const std::bad_alloc&) {
    // A request too large for this machine that no documented limit caught.
    return fail(json, 2, "resource_limit", "out of memory: the request is too large for this machine", "error: ");
  } catch (const std::exception& e) {
    return fail(json, 3, "internal", e.what(), "internal error: ");
  }
  return 2;
}

}  // namespace lcngeom::cli
