// lcngeom-mpi: the long subcommands of lcngeom on MPI ranks (docs/cli.md,
// docs/scaling.md):
//   mpirun -np N lcngeom-mpi ed-degree --degree 9
//   mpirun -np N lcngeom-mpi gd table1 --datasets 100000
//   mpirun -np N lcngeom-mpi rrmp --batch FILE
// Every rank parses the same command line with lcngeom's own code; the
// subcommand cuts its work into units (units.hpp) and this program's runner
// distributes them (mpi_runner.hpp).  Rank 0 prints; the other ranks' stdout
// and the CLI's messages on their stderr are discarded.  The output equals
// `lcngeom <same arguments>` byte for byte, timings aside.
#include <fcntl.h>
#include <mpi.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <streambuf>
#include <string>

#include "command.hpp"
#include "lcngeom/version.hpp"
#include "mpi_runner.hpp"
#include "units.hpp"

namespace {

class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c == traits_type::eof() ? 0 : c; }
};

// Waits for every rank without spinning in MPI_Finalize's barrier (a rank
// that finished early must not take a core from one still computing).
void quiet_barrier() {
  MPI_Request r;
  MPI_Ibarrier(MPI_COMM_WORLD, &r);
  for (;;) {
    int done = 0;
    MPI_Test(&r, &done, MPI_STATUS_IGNORE);
    if (done) return;
    usleep(1000);
  }
}

// lcngeom-mpi runs only the subcommands that cut their work into units.
void check_distributable(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    const std::string name = sub->get_name();
    bool ok = false;
    if (name == "ed-degree") ok = true;
    if (name == "gd") {
      const auto subs = sub->get_subcommands();
      ok = std::any_of(subs.begin(), subs.end(), [](const CLI::App* s) { return s->get_name() == "table1"; });
    }
    if (name == "rrmp") ok = sub->get_option("--batch")->count() > 0;
    if (!ok)
      throw CLI::ValidationError("lcngeom-mpi runs ed-degree, gd table1 and rrmp --batch FILE; for '" + name +
                                 "' use lcngeom");
  }
}

}  // namespace

int main(int argc, char** argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (provided < MPI_THREAD_FUNNELED) {
    if (rank == 0) std::fprintf(stderr, "lcngeom-mpi: the MPI library does not support MPI_THREAD_FUNNELED\n");
    MPI_Abort(MPI_COMM_WORLD, 3);
  }
  std::ios::sync_with_stdio(false);
  NullBuffer null;
  std::streambuf* cerr_buffer = std::cerr.rdbuf();
  if (rank != 0) {
    // Only rank 0 prints: the others run the same command line.
    const int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) {
      dup2(fd, 1);
      close(fd);
    }
    std::cerr.rdbuf(&null);
  }
  lcngeom::mpi::RunnerOptions runner;
  lcngeom::cli::set_unit_runner([&runner](const lcngeom::cli::UnitJob& job) { run_units_mpi(job, runner); });
  int rc = 0;
  try {
    rc = lcngeom::cli::run(argc, argv, [&runner](CLI::App& app) {
      app.name("lcngeom-mpi");
      app.description(
          "lcngeom-mpi -- lcngeom's ed-degree, gd table1 and rrmp --batch FILE on MPI ranks, with the same output\n"
          "(mpirun -np N lcngeom-mpi SUBCOMMAND ...; docs/cli.md, docs/scaling.md)");
      app.add_option("--checkpoint", runner.checkpoint,
                     "append every finished unit to FILE (JSON Lines), for --resume after a kill");
      app.add_flag("--resume", runner.resume,
                   "skip the units already in the --checkpoint FILE (written with the same arguments)");
      app.add_option_function<std::size_t>(
             "--unit-size", [](const std::size_t& n) { lcngeom::cli::set_unit_size(n); },
             "work per unit: datasets (gd table1, default 1000) or bytes (rrmp --batch, default 1 MiB); "
             "ed-degree: one modular trial of one partition per unit")
          ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
      app.parse_complete_callback([&app, &runner] {
        if (runner.resume && runner.checkpoint.empty()) throw CLI::ValidationError("--resume needs --checkpoint FILE");
        check_distributable(app);
      });
    });
  } catch (const lcngeom::cli::worker_finished&) {
    rc = 0;
  }
  std::cout.flush();
  std::fflush(stdout);
  std::cerr.rdbuf(cerr_buffer);
  lcngeom::free_caches();
  quiet_barrier();
  MPI_Finalize();
  return rc;
}
