// The MPI unit runner of lcngeom-mpi (docs/scaling.md).
//
// Rank 0 hands out units (tools/lcngeom/units.hpp) one at a time, largest
// predicted cost first, to every rank that asks, and computes units itself on
// a second thread (its main thread only talks MPI), so -np 1 works and -np N
// uses N processes.  Results come back in completion order; rank 0 appends
// each to the checkpoint at once and emits them in unit order, so the output
// is that of the sequential runner.  Waiting ranks poll with short sleeps
// instead of blocking in MPI (Open MPI's blocking calls spin a core, which on
// an oversubscribed node takes the core from a rank that computes).
#ifndef LCNGEOM_MPI_MPI_RUNNER_HPP
#define LCNGEOM_MPI_MPI_RUNNER_HPP

#include <string>

#include "units.hpp"

namespace lcngeom::mpi {

struct RunnerOptions {
  std::string checkpoint;  ///< JSON Lines file of finished units; empty: none
  bool resume = false;     ///< load the finished units of `checkpoint`
};

/// Runs `job` on MPI_COMM_WORLD (MPI is initialised with at least
/// MPI_THREAD_FUNNELED).  On rank 0 returns when every unit is emitted, or
/// rethrows the first unit error (by unit index among those seen) after the
/// other ranks are released; on the other ranks throws cli::worker_finished.
void run_units_mpi(const cli::UnitJob& job, const RunnerOptions& options);

}  // namespace lcngeom::mpi

#endif
