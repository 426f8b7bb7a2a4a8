// lcngeom/progress.hpp -- progress reports of long computations.
//
// The library never prints.  A long-running function takes an optional
// ProgressCallback in its options (EdDegreeOptions, CriticalPointOptions,
// FunctionSpaceMinimumOptions, ProtocolOptions of the Section 7 experiments)
// and calls it as work completes; the `lcngeom` program draws the bar on
// stderr.  Contract of every caller in the library:
//  - calls are serialised: the callback runs on the thread that owns the loop
//    (worker threads only count; a threaded loop reports from under a lock),
//    so it needs no synchronisation of its own;
//  - within one phase, `done` never decreases, the first call has done = 0
//    and the last done = total (total is known when the phase starts);
//  - a new phase (a different `phase` string) starts counting again;
//  - the callback must not throw (an exception would abandon the computation).
#ifndef LCNGEOM_PROGRESS_HPP
#define LCNGEOM_PROGRESS_HPP

#include <cstddef>
#include <functional>
#include <string>

namespace lcngeom {

/// Progress of a long computation: `done` of `total` units of `phase`.
struct Progress {
  std::string phase;       ///< what is being counted, e.g. "Delta(2,2): modular count"
  std::size_t done = 0;    ///< units finished, 0 <= done <= total
  std::size_t total = 0;   ///< units in this phase
  std::string item = {};   ///< optional: the unit now in progress, e.g. "cell [monic]"
};

/// Receives Progress reports (see the file comment for when and from where).
using ProgressCallback = std::function<void(const Progress&)>;

}  // namespace lcngeom

#endif
