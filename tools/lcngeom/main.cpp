// lcngeom: command-line front end of the library (the subcommands are
// tools/lcngeom/cmd_*.cpp, the driver app.cpp).
#include <iostream>

#include "command.hpp"
#include "lcngeom/version.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  int rc = lcngeom::cli::run(argc, argv);
  std::cout.flush();
  lcngeom::free_caches();
  return rc;
}
