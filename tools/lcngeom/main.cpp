// lcngeom: command-line front end of the library.
//
// Exit codes: 0 success, 1 a verification reported a failed claim, 2 bad input
// (one line on stderr), 3 internal error.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/version.hpp"

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

int run(int argc, char** argv) {
  CLI::App app{
      "lcngeom -- exact geometry of linear convolutional networks\n"
      "(Kohn, Merkh, Montufar, Trager: Geometry of Linear Convolutional Networks, 2022)"};
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
  std::vector<Command> cmds = registry();
  std::stable_sort(cmds.begin(), cmds.end(), [](const Command& a, const Command& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const Command& c : cmds) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    runners.emplace_back(sub, c.setup(*sub));
  }
  if (argc > 1 && argv[1][0] != '-' &&
      std::none_of(cmds.begin(), cmds.end(), [&](const Command& c) { return c.name == argv[1]; })) {
    std::cerr << "lcngeom: unknown subcommand '" << argv[1] << "' (see lcngeom --help)\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "lcngeom: " << one_line(e.what()) << " (see lcngeom --help)\n";
    return 2;
  }
  limits().max_degree = max_degree;
  limits().max_bits =
      std::max(kDefaultMaxParseBits, 2 * (static_cast<long>(max_degree) + 1) * (static_cast<long>(max_degree) + 64));
  try {
    for (auto& [sub, runner] : runners)
      if (sub->parsed()) return runner();
  } catch (const lcngeom::error& e) {
    std::cerr << "lcngeom: error: " << one_line(e.what()) << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "lcngeom: internal error: " << one_line(e.what()) << '\n';
    return 3;
  }
  return 2;
}

}  // namespace lcngeom::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  int rc = lcngeom::cli::run(argc, argv);
  std::cout.flush();
  lcngeom::free_caches();
  return rc;
}
