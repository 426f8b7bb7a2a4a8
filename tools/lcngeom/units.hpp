// Work units: how a long subcommand hands its work to whoever runs it.
//
// A subcommand that can be distributed (ed-degree, gd table1, rrmp --batch)
// cuts its work into numbered units, says how to compute one unit (on any
// process) and how to consume the result of each unit in unit order (on the
// process that prints).  `lcngeom` runs the units one after the other in this
// process; `lcngeom-mpi` (tools/lcngeom-mpi) installs a runner that hands them
// to MPI ranks, checkpoints finished units and resumes.  Option parsing,
// validation and output are the subcommand's own code in both programs, so
// their outputs are the same byte for byte (timings aside).
#ifndef LCNGEOM_TOOLS_UNITS_HPP
#define LCNGEOM_TOOLS_UNITS_HPP

#include <cstddef>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "lcngeom/error.hpp"

namespace lcngeom::cli {

struct UnitJob {
  std::string command;  ///< e.g. "ed-degree"; names the job in checkpoints
  /// Everything the unit results depend on (not output-only flags such as
  /// --json or --threads when they do not change results): a checkpoint
  /// written for other arguments is refused.
  nlohmann::json arguments;
  std::size_t units = 0;
  /// Predicted relative cost of unit i (larger first when distributed); empty:
  /// unknown, handed out in unit order.
  std::function<double(std::size_t)> cost;
  /// Computes unit i and returns its result (any bytes).  Runs on any rank,
  /// on a thread other than the one calling `emit`; throws lcngeom::error
  /// for a unit that fails.
  std::function<std::string(std::size_t)> run;
  /// Consumes the result of unit i, in unit order, on the printing process;
  /// returns false to stop the job (e.g. a failing batch line).
  std::function<bool(std::size_t, const std::string&)> emit;
};

/// Runs a job: by default every unit in order in this process (run, then
/// emit).  Under lcngeom-mpi, returns on rank 0 once every unit is emitted
/// (or the job stopped), and throws worker_finished on the other ranks.
void run_units(const UnitJob& job);
/// The same on `threads` threads of this process (0: all hardware threads;
/// 1: in order, as run_units(job)): units start costliest first, `emit`
/// still sees them in unit order on the calling thread, and a failing unit
/// throws when its turn comes, so the output is the sequential one (timings
/// aside).  `run` must then be safe to call concurrently.  Under lcngeom-mpi
/// the installed runner is used and `threads` is ignored.
void run_units(const UnitJob& job, unsigned threads);

/// Thrown by run_units on an MPI rank that only computed units: the rest of
/// the subcommand (its output) is skipped.  Not an std::exception, so no
/// error handler of the CLI catches it.
struct worker_finished {};

/// Installed by lcngeom-mpi.
void set_unit_runner(std::function<void(const UnitJob&)> runner);
/// True when a runner other than the sequential one is installed.
bool distributed() noexcept;

/// Size of a unit where the subcommand chooses it (lcngeom-mpi --unit-size):
/// datasets per unit for gd table1, bytes per unit for rrmp --batch; 0 means
/// the subcommand's default.
std::size_t unit_size() noexcept;
void set_unit_size(std::size_t size) noexcept;

/// The error type of docs/lcngeom.schema.json for an exception of the library
/// ("parse_error", "invalid_argument", ...), and the inverse: throws an
/// exception of that type (std::runtime_error for "internal").
std::string error_type(const lcngeom::error& e);
[[noreturn]] void throw_error(const std::string& type, const std::string& message);

}  // namespace lcngeom::cli

#endif
