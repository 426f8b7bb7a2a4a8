// The progress display of the lcngeom program, shared by every long-running
// subcommand (ed-degree, critical, function-space-min, gd, the --batch modes).
//
// The library reports counts through lcngeom::ProgressCallback (progress.hpp);
// this draws them on stderr -- never on stdout, so text and --json output are
// the same with or without it:
//  - bar mode (default): only when stderr is a terminal (isatty(2)), one line
//    redrawn in place at most 10 times a second: the phase, a bar, done/total,
//    the rate, the ETA, and the item in progress; cleared line at the end;
//  - line mode (--progress, where a command offers it): one plain line per
//    report, also when stderr is a file (logs of long runs);
//  - --quiet silences both.
// Reports may come from several threads: one mutex serialises the drawing.
#ifndef LCNGEOM_TOOLS_PROGRESS_HPP
#define LCNGEOM_TOOLS_PROGRESS_HPP

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>

#include "lcngeom/progress.hpp"

namespace lcngeom::cli {

class ProgressReporter {
 public:
  enum class Mode { off, bar, lines };
  enum class Unit { count, bytes };

  /// Bar mode on a terminal unless quiet; lines forces line mode (any stderr).
  explicit ProgressReporter(bool quiet, bool lines = false, std::string prefix = "lcngeom", Unit unit = Unit::count)
      : mode_(quiet ? Mode::off : lines ? Mode::lines : isatty(STDERR_FILENO) ? Mode::bar : Mode::off),
        prefix_(std::move(prefix)),
        unit_(unit) {}
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;
  ~ProgressReporter() { finish(); }

  bool enabled() const noexcept { return mode_ != Mode::off; }

  /// A callback for library options (empty when disabled, so the library
  /// skips even formatting its reports).  The reporter must outlive it.
  ProgressCallback callback() {
    if (!enabled()) return nullptr;
    return [this](const Progress& p) { (*this)(p); };
  }

  void operator()(const Progress& p) {
    if (mode_ == Mode::off) return;
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    if (p.phase != phase_) {
      phase_ = p.phase;
      start_ = now;
      done_ = 0;
      last_ = now - std::chrono::seconds(1);
    }
    done_ = std::max(done_, p.done);  // reports of worker threads may overtake each other
    if (mode_ == Mode::lines) {
      std::string s = prefix_ + ": " + p.phase + " " + amount(done_, p.total);
      if (!p.item.empty()) s += " (" + p.item + ")";
      s += '\n';
      std::fputs(s.c_str(), stderr);
      std::fflush(stderr);
      return;
    }
    const bool final = p.total > 0 && done_ >= p.total;
    if (!final && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0.05 ? static_cast<double>(done_) / elapsed : 0;
    // Numbers first: a narrow terminal cuts the descriptions, not the counts.
    std::string s = "\r" + prefix_ + ": ";
    if (p.total > 0) {
      constexpr std::size_t width = 20;
      const std::size_t fill = std::min(width, width * done_ / p.total);
      s += "[" + std::string(fill, '#') + std::string(width - fill, '.') + "] ";
    }
    s += amount(done_, p.total);
    if (rate > 0) s += "  " + rate_text(rate);
    if (p.total > 0 && done_ < p.total && rate > 0)
      s += "  ETA " + duration_text(static_cast<double>(p.total - done_) / rate);
    s += "  " + p.phase;
    if (!p.item.empty()) s += ": " + p.item;
    // One terminal line: longer text would wrap and break the redraw.
    const std::size_t cols = columns();
    if (s.size() > cols) s.resize(cols);
    s += "\x1b[K";  // erase the rest of the previous, longer line
    std::cout.flush();  // what the command printed so far stays above the bar
    std::fputs(s.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

  /// Erases the bar before the caller writes to a terminal (a table row on
  /// stdout); the next report draws it again, below.
  void clear_line() {
    std::lock_guard<std::mutex> lock(mu_);
    if (mode_ == Mode::bar && drawn_) {
      std::fputs("\r\x1b[K", stderr);
      std::fflush(stderr);
      last_ = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    }
    drawn_ = false;
  }

  /// Clears the bar (the terminal line is left empty for what follows).
  void finish() {
    std::lock_guard<std::mutex> lock(mu_);
    if (mode_ == Mode::bar && drawn_) {
      std::fputs("\r\x1b[K", stderr);
      std::fflush(stderr);
    }
    drawn_ = false;
    phase_.clear();
  }

 private:
  std::string amount(std::size_t done, std::size_t total) const {
    if (unit_ == Unit::bytes) return bytes_text(static_cast<double>(done)) + (total ? " of " + bytes_text(static_cast<double>(total)) : "");
    return std::to_string(done) + (total ? "/" + std::to_string(total) : "");
  }
  std::string rate_text(double rate) const {
    if (unit_ == Unit::bytes) return bytes_text(rate) + "/s";
    char buf[32];
    std::snprintf(buf, sizeof buf, rate >= 100 ? "%.0f/s" : rate >= 1 ? "%.1f/s" : "%.3g/s", rate);
    return buf;
  }
  static std::string bytes_text(double b) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (b >= 1024 && u < 4) {
      b /= 1024;
      ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    return buf;
  }
  static std::string duration_text(double s) {
    char buf[32];
    const long t = static_cast<long>(s + 0.5);
    if (t < 60) std::snprintf(buf, sizeof buf, "%lds", t);
    else if (t < 3600) std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
    else std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t / 60) % 60);
    return buf;
  }
  static std::size_t columns() {
    winsize w{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 10) return w.ws_col - 1;
    return 79;
  }

  Mode mode_;
  std::string prefix_;
  Unit unit_;
  std::mutex mu_;
  std::string phase_;
  std::size_t done_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace lcngeom::cli

#endif
