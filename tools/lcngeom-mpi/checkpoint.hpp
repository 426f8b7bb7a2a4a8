// Checkpoints of lcngeom-mpi: finished units as JSON Lines.
//
// Line 1 (the header) names the job:
//   {"lcngeom_mpi_checkpoint":1,"command":"ed-degree","arguments":{...},"units":N}
// and every further line is one finished unit, appended (and flushed) as it
// completes, in completion order:
//   {"unit":I,"result":"<the unit's result>"}
// A job killed while writing leaves at most a torn last line: resuming drops
// it (and truncates the file there), so the unit is simply computed again.
#ifndef LCNGEOM_MPI_CHECKPOINT_HPP
#define LCNGEOM_MPI_CHECKPOINT_HPP

#include <cstddef>
#include <cstdio>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace lcngeom::mpi {

class Checkpoint {
 public:
  /// Opens `path` for the job (command, arguments, units).  Without `resume`
  /// an existing non-empty file is refused (invalid_argument); with `resume`
  /// its finished units are loaded into `done` (a missing file starts a new
  /// checkpoint), and a header for another job is refused, naming both.
  Checkpoint(const std::string& path, const std::string& command, const nlohmann::json& arguments, std::size_t units,
             bool resume, std::map<std::size_t, std::string>& done);
  ~Checkpoint();
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;

  /// Appends one finished unit and flushes it to the operating system.
  void append(std::size_t unit, const std::string& result);

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

}  // namespace lcngeom::mpi

#endif
