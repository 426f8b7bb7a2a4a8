// Batch mode of `lcngeom rrmp` and `lcngeom roots`: one form per input line,
// one result line per input line, in input order, on all cores.
//
// Input conventions (docs/user-guide.md, "Classifying many forms"):
//  - a line ends at LF; a CR before the LF is dropped (CRLF files);
//  - a blank line (spaces and tabs only) gives an empty output line;
//  - a comment line (first non-blank character '#') is copied to the output;
//  - any other line is one form; with keep_going, a line that fails gives
//    "error: <message>" and the run goes on (exit 0), otherwise the lines
//    before it are printed and the run stops with "line N of FILE: ..." on
//    stderr (exit 2).
// The input is cut into jobs of consecutive lines (at most 64 KiB or 4096
// lines, so that a few heavy forms still spread over the threads); workers
// classify whole jobs, the main thread reads ahead and writes finished jobs in
// order, so one thread keeps the per-core speed of the sequential loop.
#ifndef LCNGEOM_TOOLS_BATCH_HPP
#define LCNGEOM_TOOLS_BATCH_HPP

#include <cstddef>
#include <functional>
#include <string>

namespace lcngeom::cli {

/// Every line handed to a Handler has this many readable bytes after its end
/// (zeros), so that parsers may load 8 bytes at a time.
inline constexpr std::size_t kBatchPad = 8;

struct BatchOptions {
  std::string file;  ///< path, or "-" for stdin
  unsigned threads = 0;  ///< 0: all hardware threads
  bool keep_going = false;
  /// No progress bar.  Without it a bar (bytes read of the file, rate, ETA)
  /// is drawn on stderr when stderr is a terminal and stdout is not.
  bool quiet = false;
};

/// Appends the result for one form (the line without its end of line) to
/// `out`, without a newline; throws lcngeom::error for a bad line.
using BatchHandler = std::function<void(const char* begin, const char* end, std::string& out)>;

/// Runs the batch and writes the text output to stdout; returns the exit code.
int run_batch_text(const BatchOptions& options, const BatchHandler& handler);

/// The same with each result a JSON value (as text) collected in an array:
/// prints {"count": forms, <key>: [values...]} -- an error line under
/// keep_going is {"error": {"line": N, "message": ...}}; without keep_going
/// the object also gets "error" for the failing line and the exit code is 2.
int run_batch_json(const BatchOptions& options, const char* key, const BatchHandler& handler);

}  // namespace lcngeom::cli

#endif
