// The batch driver shared by `lcngeom rrmp --batch` and `lcngeom roots --batch`.
#include "batch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lcngeom/error.hpp"
#include "lcngeom/version.hpp"
#include "progress.hpp"

namespace lcngeom::cli {

namespace {

constexpr std::size_t kJobBytes = 64 * 1024;
constexpr long kJobLines = 4096;
constexpr std::size_t kReadBytes = 1 << 20;

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

// Consecutive input lines; `data` is followed by kBatchPad zero bytes.
struct Job {
  std::size_t index = 0;
  long first_line = 1;
  std::string data;
};

struct Outcome {
  std::string out;  // text: one line per input line; JSON: values each followed by ','
  long forms = 0;
  std::size_t bytes = 0;  // input bytes of the job (progress)
  long failures = 0;
  long first_failure = 0;  // line number
  std::string first_message;
  bool stopped = false;  // a line failed without keep_going: `out` ends before it
  bool internal = false;  // a non-lcngeom exception (exit 3)
};

// Splits the input into jobs: at most kJobBytes or kJobLines lines each, but
// always whole lines (a longer line is a job by itself).
class Reader {
 public:
  explicit Reader(std::FILE* in) : in_(in) {}

  bool next(Job& job) {
    std::size_t scan = pos_;
    long lines = 0;
    for (;;) {
      while (lines < kJobLines && (lines == 0 || scan - pos_ < kJobBytes)) {
        // memchr needs a non-null pointer even for length 0 (UBSan: empty buffer)
        const void* nl = scan < buf_.size() ? std::memchr(buf_.data() + scan, '\n', buf_.size() - scan) : nullptr;
        if (!nl) break;
        scan = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
        ++lines;
      }
      if (lines >= kJobLines || (lines > 0 && scan - pos_ >= kJobBytes)) break;  // full
      if (eof_ || !fill()) {
        eof_ = true;
        scan = buf_.size();  // what is left, including a last line without newline
        break;
      }
    }
    if (scan == pos_) return false;
    job.index = index_++;
    job.first_line = line_;
    job.data.assign(buf_.data() + pos_, scan - pos_);
    line_ += static_cast<long>(std::count(job.data.begin(), job.data.end(), '\n'));
    if (job.data.back() != '\n') ++line_;
    job.data.append(kBatchPad, '\0');
    pos_ = scan;
    if (pos_ > (1u << 22) && pos_ * 2 > buf_.size()) {
      buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(pos_));
      pos_ = 0;
    }
    return true;
  }

 private:
  bool fill() {
    const std::size_t old = buf_.size();
    buf_.resize(old + kReadBytes);
    const std::size_t got = std::fread(buf_.data() + old, 1, kReadBytes, in_);
    buf_.resize(old + got);
    return got > 0;
  }

  std::FILE* in_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::size_t index_ = 0;
  long line_ = 1;
  bool eof_ = false;
};

void process(const Job& job, bool json, bool keep_going, const BatchHandler& handler, Outcome& o) {
  const char* p = job.data.data();
  const char* const stop = p + (job.data.size() - kBatchPad);
  long line = job.first_line;
  o.bytes = job.data.size() - kBatchPad;
  std::string value;
  for (; p < stop; ++line) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)));
    const char* e = nl ? nl : stop;
    const char* next = nl ? nl + 1 : stop;
    if (e > p && e[-1] == '\r') --e;
    const char* s = p;
    while (s < e && (*s == ' ' || *s == '\t')) ++s;
    p = next;
    if (s == e || *s == '#') {  // blank line or comment: echoed in text mode
      if (!json) {
        if (s < e) o.out.append(s, e);
        o.out += '\n';
      }
      continue;
    }
    ++o.forms;
    value.clear();
    try {
      handler(s, e, value);
    } catch (const lcngeom::error& err) {
      ++o.failures;
      if (o.failures == 1) {
        o.first_failure = line;
        o.first_message = one_line(err.what());
      }
      if (!keep_going) {
        o.stopped = true;
        --o.forms;
        return;
      }
      if (json)
        o.out += nlohmann::json{{"error", {{"line", line}, {"message", one_line(err.what())}}}}.dump() + ',';
      else
        o.out += "error: " + one_line(err.what()) + '\n';
      continue;
    } catch (const std::exception& err) {
      o.internal = true;
      o.stopped = true;
      o.first_failure = line;
      o.first_message = one_line(err.what());
      return;
    }
    o.out += value;
    o.out += json ? ',' : '\n';
  }
}

// Runs the jobs on `threads` workers and hands their outcomes to `sink` in
// input order; stops after an outcome with stopped = true.
void run_jobs(std::FILE* in, unsigned threads, bool json, bool keep_going, const BatchHandler& handler,
              const std::function<bool(Outcome&)>& sink) {
  Reader reader(in);
  if (threads <= 1) {
    Job job;
    while (reader.next(job)) {
      Outcome o;
      process(job, json, keep_going, handler, o);
      if (!sink(o)) return;
    }
    return;
  }
  std::mutex m;
  std::condition_variable work_cv, done_cv;
  std::deque<Job> pending;
  std::map<std::size_t, Outcome> done;
  bool no_more = false, quit = false;
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (;;) {
        Job job;
        {
          std::unique_lock<std::mutex> lock(m);
          work_cv.wait(lock, [&] { return quit || !pending.empty() || no_more; });
          if (quit || pending.empty()) break;
          job = std::move(pending.front());
          pending.pop_front();
        }
        Outcome o;
        process(job, json, keep_going, handler, o);
        {
          std::lock_guard<std::mutex> lock(m);
          done.emplace(job.index, std::move(o));
        }
        done_cv.notify_one();
      }
      lcngeom::free_thread_caches();
    });
  const std::size_t max_in_flight = 4 * static_cast<std::size_t>(threads);
  std::size_t issued = 0, written = 0;
  bool eof = false;
  for (;;) {
    while (!eof && issued - written < max_in_flight) {
      Job job;
      if (!reader.next(job)) {
        eof = true;
        break;
      }
      {
        std::lock_guard<std::mutex> lock(m);
        pending.push_back(std::move(job));
      }
      ++issued;
      work_cv.notify_one();
    }
    if (eof) {
      std::lock_guard<std::mutex> lock(m);
      no_more = true;
    }
    if (eof) work_cv.notify_all();
    if (written == issued) break;
    Outcome o;
    {
      std::unique_lock<std::mutex> lock(m);
      done_cv.wait(lock, [&] { return done.count(written) > 0; });
      auto it = done.find(written);
      o = std::move(it->second);
      done.erase(it);
    }
    ++written;
    if (!sink(o)) break;
  }
  {
    std::lock_guard<std::mutex> lock(m);
    quit = true;
  }
  work_cv.notify_all();
  for (std::thread& t : workers) t.join();
}

std::FILE* open_input(const std::string& file) {
  std::FILE* in = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
  if (!in) throw invalid_argument("cannot open batch file '" + file + "': " + std::strerror(errno));
  return in;
}

unsigned thread_count(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw > 0 ? hw : 1;
}

// One line on stderr and the exit code for a run that failed or had failures.
// Accumulates the failures of one job: the first failing line is reported,
// unless an internal error (which wins) comes later.
void record(const Outcome& o, long& failures, long& first_line, std::string& first, bool& internal) {
  if ((o.failures > 0 && failures == 0) || o.internal) {
    first_line = o.first_failure;
    first = o.first_message;
  }
  failures += o.failures;
  internal = internal || o.internal;
}

int report(const BatchOptions& options, long failures, long first_line, const std::string& first, bool internal) {
  if (internal) {
    std::fprintf(stderr, "lcngeom: internal error: line %ld of '%s': %s\n", first_line, options.file.c_str(),
                 first.c_str());
    return 3;
  }
  if (failures == 0) return 0;
  if (options.keep_going)
    std::fprintf(stderr, "lcngeom: error: %ld line%s of '%s' failed (first: line %ld: %s)\n", failures,
                 failures == 1 ? "" : "s", options.file.c_str(), first_line, first.c_str());
  else
    std::fprintf(stderr, "lcngeom: error: line %ld of '%s': %s\n", first_line, options.file.c_str(), first.c_str());
  return 2;
}

// The progress bar of a batch: bytes of the input consumed (of the file's
// size when it is a regular file; a pipe has no total and so no ETA).  Text
// results stream to stdout, so a terminal there gets no bar between them.
class BatchProgress {
 public:
  BatchProgress(const BatchOptions& options, std::FILE* in, bool streaming)
      : bar_(options.quiet || (streaming && isatty(STDOUT_FILENO)), false, "lcngeom", ProgressReporter::Unit::bytes),
        phase_("batch " + (options.file == "-" ? std::string("stdin") : "'" + options.file + "'")) {
    struct stat st{};
    if (bar_.enabled() && fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) total_ = static_cast<std::size_t>(st.st_size);
  }
  void operator()(const Outcome& o) {
    if (!bar_.enabled()) return;
    done_ += o.bytes;
    forms_ += o.forms;
    bar_({phase_, total_ ? std::min(done_, total_) : done_, total_, std::to_string(forms_) + " forms"});
  }
  void finish() { bar_.finish(); }

 private:
  ProgressReporter bar_;
  std::string phase_;
  std::size_t done_ = 0, total_ = 0;
  long forms_ = 0;
};

}  // namespace

int run_batch_text(const BatchOptions& options, const BatchHandler& handler) {
  std::FILE* in = open_input(options.file);
  long failures = 0, first_line = 0;
  std::string first;
  bool internal = false;
  BatchProgress progress(options, in, true);
  run_jobs(in, thread_count(options.threads), false, options.keep_going, handler, [&](Outcome& o) {
    std::fwrite(o.out.data(), 1, o.out.size(), stdout);
    record(o, failures, first_line, first, internal);
    progress(o);
    return !o.stopped;
  });
  progress.finish();
  if (in != stdin) std::fclose(in);
  std::fflush(stdout);
  return report(options, failures, first_line, first, internal);
}

int run_batch_json(const BatchOptions& options, const char* key, const BatchHandler& handler) {
  std::FILE* in = open_input(options.file);
  long failures = 0, first_line = 0, forms = 0;
  std::string first, items;
  bool internal = false, stopped = false;
  BatchProgress progress(options, in, false);
  run_jobs(in, thread_count(options.threads), true, options.keep_going, handler, [&](Outcome& o) {
    items += o.out;
    forms += o.forms;
    record(o, failures, first_line, first, internal);
    stopped = stopped || o.stopped;
    progress(o);
    return !o.stopped;
  });
  progress.finish();
  if (in != stdin) std::fclose(in);
  if (!items.empty()) items.pop_back();  // the last ','
  std::string out = "{\"count\":" + std::to_string(forms) + ",\"" + key + "\":[" + items + "]";
  if (stopped && !internal)
    out += ",\"error\":" + nlohmann::json{{"line", first_line}, {"message", first}}.dump();
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return report(options, failures, first_line, first, internal);
}

}  // namespace lcngeom::cli
