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
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

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

/// The results of consecutive input lines.
struct BatchOutcome {
  std::string out;  ///< text: one line per input line; JSON: values each followed by ','
  long forms = 0;
  std::size_t bytes = 0;  ///< input bytes of these lines (progress)
  long failures = 0;
  long first_failure = 0;  ///< line number
  std::string first_message;
  bool stopped = false;   ///< a line failed without keep_going: `out` ends before it
  bool internal = false;  ///< a non-lcngeom exception (exit 3)
  /// JSON error items not yet in `out` (their line numbers are relative):
  /// each belongs at byte `position` of `out`.
  struct DeferredError {
    std::size_t position = 0;
    long line = 0;
    std::string message;
  };
  std::vector<DeferredError> errors;
};

/// Writes outcomes, in input order, as run_batch_text / run_batch_json do.
class BatchPrinter {
 public:
  BatchPrinter(const BatchOptions& options, bool json, const char* key);
  /// Writes (text) or collects (JSON) one outcome; false once the run stops.
  bool add(BatchOutcome& outcome);
  /// The same for a result of run_batch_range (ranges in file order).
  bool add_range(const std::string& result);
  /// Prints the JSON object and the stderr summary; returns the exit code.
  int finish();

 private:
  BatchOptions options_;
  bool json_;
  std::string key_;
  std::string items_;
  long forms_ = 0, failures_ = 0, first_line_ = 0, line_offset_ = 0;
  std::string first_;
  bool stopped_ = false, internal_ = false;
};

/// Runs the batch and writes the text output to stdout; returns the exit code.
int run_batch_text(const BatchOptions& options, const BatchHandler& handler);

/// The same with each result a JSON value (as text) collected in an array:
/// prints {"count": forms, <key>: [values...]} -- an error line under
/// keep_going is {"error": {"line": N, "message": ...}}; without keep_going
/// the object also gets "error" for the failing line and the exit code is 2.
int run_batch_json(const BatchOptions& options, const char* key, const BatchHandler& handler);

/// lcngeom-mpi's unit of a batch: the lines of options.file that start in
/// bytes [begin, end) (a line belongs to the range holding its first byte),
/// classified on options.threads threads; the result is for
/// BatchPrinter::add_range, which numbers the lines in the whole file.
std::string run_batch_range(const BatchOptions& options, bool json, std::uint64_t begin, std::uint64_t end,
                            const BatchHandler& handler);

/// Bytes of input per unit of run_batch_units unless lcngeom-mpi --unit-size says otherwise.
inline constexpr std::uint64_t kDefaultBatchUnitBytes = std::uint64_t{1} << 20;

/// The batch as work units (units.hpp) of byte ranges, printed like
/// run_batch_text (json false) or run_batch_json: what lcngeom-mpi runs.
/// Needs a file (not stdin); `command` names the job in checkpoints.
int run_batch_units(const std::string& command, const BatchOptions& options, bool json, const char* key,
                    const BatchHandler& handler);

}  // namespace lcngeom::cli

#endif
