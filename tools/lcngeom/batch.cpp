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

#include "command.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/version.hpp"
#include "progress.hpp"
#include "units.hpp"

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

using Outcome = BatchOutcome;

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

// A failed line of a JSON batch under keep_going, as an array item.
std::string error_item(long line, const std::string& message) {
  return nlohmann::json{{"error", {{"line", line}, {"message", message}}}}.dump(
             -1, ' ', false, nlohmann::json::error_handler_t::replace) +
         ',';
}

void process(const Job& job, bool json, bool keep_going, bool defer, const BatchHandler& handler, Outcome& o) {
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
      if (json && defer)
        o.errors.push_back({o.out.size(), line, one_line(err.what())});
      else if (json)
        o.out += error_item(line, one_line(err.what()));
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
void run_jobs(std::FILE* in, unsigned threads, bool json, bool keep_going, bool defer, const BatchHandler& handler,
              const std::function<bool(Outcome&)>& sink) {
  Reader reader(in);
  if (threads <= 1) {
    Job job;
    while (reader.next(job)) {
      Outcome o;
      process(job, json, keep_going, defer, handler, o);
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
        process(job, json, keep_going, defer, handler, o);
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

// Appends outcome b (lines numbered after a's) to a.
void combine(Outcome& a, Outcome&& b) {
  for (BatchOutcome::DeferredError& e : b.errors) {
    e.position += a.out.size();
    a.errors.push_back(std::move(e));
  }
  a.out += b.out;
  a.forms += b.forms;
  a.bytes += b.bytes;
  // The first failing line is reported, unless an internal error (which wins) comes later.
  if ((b.failures > 0 && a.failures == 0) || b.internal) {
    a.first_failure = b.first_failure;
    a.first_message = b.first_message;
  }
  a.failures += b.failures;
  a.internal = a.internal || b.internal;
  a.stopped = a.stopped || b.stopped;
}

// The lines that start in bytes [begin, end) of `file`: a line belongs to the
// range holding its first byte.
std::string read_range(const std::string& file, std::uint64_t begin, std::uint64_t end) {
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (!in) throw invalid_argument("cannot open batch file '" + file + "': " + std::strerror(errno));
  std::string data;
  std::uint64_t start = begin;
  int c = 0;
  if (begin > 0 && fseeko(in, static_cast<off_t>(begin - 1), SEEK_SET) == 0) {
    start = begin - 1;
    while ((c = std::getc(in)) != EOF) {
      ++start;
      if (c == '\n') break;
    }
    if (c == EOF) start = end;  // the range only continues a line
  }
  if (start < end && fseeko(in, static_cast<off_t>(start), SEEK_SET) == 0) {
    data.resize(static_cast<std::size_t>(end - start));
    data.resize(std::fread(data.data(), 1, data.size(), in));
    if (!data.empty() && data.back() != '\n')
      while ((c = std::getc(in)) != EOF) {
        data += static_cast<char>(c);
        if (c == '\n') break;
      }
  }
  std::fclose(in);
  return data;
}

// The progress bar of a batch: bytes of the input consumed (of the file's
// size when it is a regular file; a pipe has no total and so no ETA).  Text
// results stream to stdout, so a terminal there gets no bar between them.
class BatchProgress {
 public:
  BatchProgress(const BatchOptions& options, std::FILE* in, bool streaming)
      : bar_(options.quiet || (streaming && isatty(STDOUT_FILENO)), false, "lcngeom", ProgressReporter::Unit::bytes),
        phase_("batch " + (options.file == "-" ? std::string("stdin") : "'" + options.file + "'")) {
    struct stat st {};
    if (bar_.enabled() && fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode))
      total_ = static_cast<std::size_t>(st.st_size);
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

BatchPrinter::BatchPrinter(const BatchOptions& options, bool json, const char* key)
    : options_(options), json_(json), key_(key) {}

bool BatchPrinter::add(BatchOutcome& o) {
  if (json_) {
    items_ += o.out;
    forms_ += o.forms;
    stopped_ = stopped_ || o.stopped;
  } else {
    std::fwrite(o.out.data(), 1, o.out.size(), stdout);
  }
  if ((o.failures > 0 && failures_ == 0) || o.internal) {
    first_line_ = o.first_failure;
    first_ = o.first_message;
  }
  failures_ += o.failures;
  internal_ = internal_ || o.internal;
  return !o.stopped;
}

bool BatchPrinter::add_range(const std::string& result) {
  const std::size_t nl = result.find('\n');
  const nlohmann::json h = nlohmann::json::parse(result.substr(0, nl));
  BatchOutcome o;
  const std::string out = result.substr(nl + 1);
  // Deferred error items get their line numbers in the whole file.
  std::size_t at = 0;
  for (const nlohmann::json& e : h["errors"]) {
    const std::size_t pos = e[0].get<std::size_t>();
    o.out.append(out, at, pos - at);
    o.out += error_item(line_offset_ + e[1].get<long>(), e[2].get<std::string>());
    at = pos;
  }
  o.out.append(out, at, std::string::npos);
  o.forms = h["forms"].get<long>();
  o.failures = h["failures"].get<long>();
  o.first_failure = h["first_failure"].get<long>() + line_offset_;
  o.first_message = h["first_message"].get<std::string>();
  o.stopped = h["stopped"].get<bool>();
  o.internal = h["internal"].get<bool>();
  line_offset_ += h["lines"].get<long>();
  return add(o);
}

int BatchPrinter::finish() {
  if (json_) {
    if (!items_.empty()) items_.pop_back();  // the last ','
    std::string out = "{\"count\":" + std::to_string(forms_) + ",\"" + key_ + "\":[" + items_ + "]";
    if (stopped_ && !internal_)
      out += ",\"error\":" + nlohmann::json{{"line", first_line_}, {"message", first_}}.dump();
    out += "}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  return report(options_, failures_, first_line_, first_, internal_);
}

int run_batch_text(const BatchOptions& options, const BatchHandler& handler) {
  std::FILE* in = open_input(options.file);
  BatchPrinter printer(options, false, "");
  BatchProgress progress(options, in, true);
  run_jobs(in, thread_count(options.threads), false, options.keep_going, false, handler, [&](Outcome& o) {
    progress(o);
    return printer.add(o);
  });
  progress.finish();
  if (in != stdin) std::fclose(in);
  return printer.finish();
}

int run_batch_json(const BatchOptions& options, const char* key, const BatchHandler& handler) {
  std::FILE* in = open_input(options.file);
  BatchPrinter printer(options, true, key);
  BatchProgress progress(options, in, false);
  run_jobs(in, thread_count(options.threads), true, options.keep_going, false, handler, [&](Outcome& o) {
    progress(o);
    return printer.add(o);
  });
  progress.finish();
  if (in != stdin) std::fclose(in);
  return printer.finish();
}

std::string run_batch_range(const BatchOptions& options, bool json, std::uint64_t begin, std::uint64_t end,
                            const BatchHandler& handler) {
  std::string data = read_range(options.file, begin, end);
  Outcome all;
  if (!data.empty()) {
    std::FILE* in = fmemopen(data.data(), data.size(), "rb");
    if (!in) throw invalid_argument("batch file '" + options.file + "': " + std::strerror(errno));
    run_jobs(in, thread_count(options.threads), json, options.keep_going, true, handler, [&](Outcome& o) {
      const bool go = !o.stopped;
      combine(all, std::move(o));
      return go;
    });
    std::fclose(in);
  }
  const long lines =
      static_cast<long>(std::count(data.begin(), data.end(), '\n')) + (!data.empty() && data.back() != '\n');
  nlohmann::json errors = nlohmann::json::array();
  for (const BatchOutcome::DeferredError& e : all.errors) errors.push_back({e.position, e.line, e.message});
  const nlohmann::json h = {{"lines", lines},
                            {"forms", all.forms},
                            {"failures", all.failures},
                            {"first_failure", all.first_failure},
                            {"first_message", all.first_message},
                            {"stopped", all.stopped},
                            {"internal", all.internal},
                            {"errors", errors}};
  return h.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n' + all.out;
}

int run_batch_units(const std::string& command, const BatchOptions& options, bool json, const char* key,
                    const BatchHandler& handler) {
  if (options.file == "-")
    throw invalid_argument("--batch - (standard input) cannot be cut into byte ranges: give a file");
  struct stat st {};
  if (::stat(options.file.c_str(), &st) != 0)
    throw invalid_argument("cannot open batch file '" + options.file + "': " + std::strerror(errno));
  const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  const std::uint64_t unit = unit_size() > 0 ? unit_size() : kDefaultBatchUnitBytes;
  UnitJob job;
  job.command = command;
  // The file is named by path, size and modification time: a checkpoint of
  // another file (or of this one changed) is refused.
  job.arguments = {{"file", options.file},
                   {"size", size},
                   {"mtime", static_cast<long long>(st.st_mtime)},
                   {"json", json},
                   {"keep_going", options.keep_going},
                   {"unit_bytes", unit},
                   {"max_degree", parse_limits().max_degree}};
  job.units = static_cast<std::size_t>((size + unit - 1) / unit);
  job.run = [&](std::size_t i) {
    return run_batch_range(options, json, i * unit, std::min(size, (i + 1) * unit), handler);
  };
  BatchPrinter printer(options, json, key);
  job.emit = [&](std::size_t, const std::string& result) { return printer.add_range(result); };
  run_units(job);
  return printer.finish();
}

}  // namespace lcngeom::cli
