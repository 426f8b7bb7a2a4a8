#include "mpi_runner.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <vector>

#include "checkpoint.hpp"
#include "lcngeom/version.hpp"

namespace lcngeom::mpi {

namespace {

// Messages (MPI_BYTE on MPI_COMM_WORLD):
//   worker -> 0  kReady   (empty)                      first request
//   0 -> worker  kUnit    (8 bytes: unit index)        compute this unit
//   0 -> worker  kStop    (empty)                      no more units
//   worker -> 0  kResult  (8 bytes index, 1 byte ok, then the result, or
//                          "<error type>\n<message>")  and a new request
enum Tag : int { kReady = 1, kUnit = 2, kStop = 3, kResult = 4 };

constexpr auto kPoll = std::chrono::microseconds(300);

struct Outcome {
  std::size_t unit = 0;
  bool ok = false;
  std::string data;  // the result, or the error type and message
};

// Computes one unit; failures become error outcomes (never thrown).
Outcome compute(const cli::UnitJob& job, std::size_t unit) {
  Outcome o;
  o.unit = unit;
  try {
    o.data = job.run(unit);
    o.ok = true;
  } catch (const lcngeom::error& e) {
    o.data = cli::error_type(e) + '\n' + e.what();
  } catch (const std::bad_alloc&) {
    o.data = "resource_limit\nout of memory: the request is too large for this machine";
  } catch (const std::exception& e) {
    o.data = std::string("internal\n") + e.what();
  }
  return o;
}

std::string encode(const Outcome& o) {
  std::string m(9, '\0');
  const std::uint64_t u = o.unit;
  std::memcpy(m.data(), &u, 8);
  m[8] = o.ok ? 1 : 0;
  return m + o.data;
}

Outcome decode(const std::string& m) {
  Outcome o;
  std::uint64_t u = 0;
  std::memcpy(&u, m.data(), 8);
  o.unit = static_cast<std::size_t>(u);
  o.ok = m[8] != 0;
  o.data = m.substr(9);
  return o;
}

// Waits for a message without spinning in MPI.
MPI_Status probe(int source) {
  MPI_Status st;
  for (;;) {
    int flag = 0;
    MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    if (flag) return st;
    std::this_thread::sleep_for(kPoll);
  }
}

std::string receive(const MPI_Status& st) {
  int count = 0;
  MPI_Get_count(&st, MPI_BYTE, &count);
  std::string m(static_cast<std::size_t>(count), '\0');
  MPI_Recv(m.data(), count, MPI_BYTE, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return m;
}

void send(const std::string& m, int dest, int tag) {
  MPI_Request r;
  MPI_Isend(m.data(), static_cast<int>(m.size()), MPI_BYTE, dest, tag, MPI_COMM_WORLD, &r);
  for (;;) {
    int done = 0;
    MPI_Test(&r, &done, MPI_STATUS_IGNORE);
    if (done) return;
    std::this_thread::sleep_for(kPoll);
  }
}

[[noreturn]] void worker(const cli::UnitJob& job) {
  send(std::string(), 0, kReady);
  for (;;) {
    const MPI_Status st = probe(0);
    const std::string m = receive(st);
    if (st.MPI_TAG == kStop) break;
    std::uint64_t u = 0;
    std::memcpy(&u, m.data(), 8);
    send(encode(compute(job, static_cast<std::size_t>(u))), 0, kResult);
  }
  throw cli::worker_finished{};
}

class Master {
 public:
  Master(const cli::UnitJob& job, const RunnerOptions& options, int ranks)
      : job_(job), options_(options), active_(ranks - 1) {}

  void run() {
    try {
      if (options_.resume && options_.checkpoint.empty()) throw invalid_argument("--resume needs --checkpoint FILE");
      if (!options_.checkpoint.empty())
        checkpoint_ = std::make_unique<Checkpoint>(options_.checkpoint, job_.command, job_.arguments, job_.units,
                                                   options_.resume, results_);
      for (std::size_t i = 0; i < job_.units; ++i)
        if (!results_.count(i)) order_.push_back(i);
      if (job_.cost) {
        std::vector<double> cost(job_.units, 0.0);
        for (std::size_t i : order_) cost[i] = job_.cost(i);
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
      }
    } catch (...) {
      fail(std::current_exception());
    }
    std::thread local([this] {
      while (std::optional<std::size_t> u = take()) {
        Outcome o = compute(job_, *u);
        std::lock_guard<std::mutex> lock(m_);
        local_.push_back(std::move(o));
      }
      lcngeom::free_thread_caches();
      std::lock_guard<std::mutex> lock(m_);
      local_done_ = true;
    });
    for (;;) {
      bool busy = false;
      for (;;) {
        int flag = 0;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
        if (!flag) break;
        busy = true;
        const std::string m = receive(st);
        if (st.MPI_TAG == kResult) handle(decode(m));
        if (std::optional<std::size_t> u = take()) {
          std::string msg(8, '\0');
          const std::uint64_t v = *u;
          std::memcpy(msg.data(), &v, 8);
          send(msg, st.MPI_SOURCE, kUnit);
        } else {
          send(std::string(), st.MPI_SOURCE, kStop);
          --active_;
        }
      }
      std::vector<Outcome> mine;
      bool local_done;
      {
        std::lock_guard<std::mutex> lock(m_);
        mine.swap(local_);
        local_done = local_done_;
      }
      for (Outcome& o : mine) handle(std::move(o));
      busy = busy || !mine.empty();
      emit();
      if (active_ == 0 && local_done) break;
      if (!busy) std::this_thread::sleep_for(kPoll);
    }
    local.join();
    if (failure_) std::rethrow_exception(failure_);
    if (!errors_.empty()) {
      const auto& [type, message] = errors_.begin()->second;
      cli::throw_error(type, message);
    }
  }

 private:
  std::optional<std::size_t> take() {
    std::lock_guard<std::mutex> lock(m_);
    if (stopping_ || next_ == order_.size()) return std::nullopt;
    return order_[next_++];
  }

  void stop() {
    std::lock_guard<std::mutex> lock(m_);
    stopping_ = true;
  }

  void fail(std::exception_ptr e) {
    if (!failure_) failure_ = e;
    stop();
  }

  void handle(Outcome o) {
    if (!o.ok) {
      const std::size_t nl = o.data.find('\n');
      errors_.emplace(o.unit, std::make_pair(o.data.substr(0, nl), o.data.substr(nl + 1)));
      stop();
      return;
    }
    try {
      if (checkpoint_) checkpoint_->append(o.unit, o.data);
    } catch (...) {
      fail(std::current_exception());
    }
    results_.emplace(o.unit, std::move(o.data));
  }

  // Emits the finished prefix, in unit order, up to the first failed unit.
  void emit() {
    while (!emit_stopped_ && !failure_ && emitted_ < job_.units) {
      if (errors_.count(emitted_)) {
        emit_stopped_ = true;
        break;
      }
      auto it = results_.find(emitted_);
      if (it == results_.end()) break;
      bool go = false;
      try {
        go = job_.emit(emitted_, it->second);
      } catch (...) {
        fail(std::current_exception());
      }
      results_.erase(it);
      ++emitted_;
      if (!go) {
        emit_stopped_ = true;
        stop();
      }
    }
  }

  const cli::UnitJob& job_;
  const RunnerOptions& options_;
  int active_;  // workers not yet sent kStop
  std::unique_ptr<Checkpoint> checkpoint_;
  std::map<std::size_t, std::string> results_;  // finished, not yet emitted
  std::map<std::size_t, std::pair<std::string, std::string>> errors_;
  std::size_t emitted_ = 0;
  bool emit_stopped_ = false;
  std::exception_ptr failure_;
  // Shared with the local computing thread.
  std::mutex m_;
  std::vector<std::size_t> order_;
  std::size_t next_ = 0;
  bool stopping_ = false;
  std::vector<Outcome> local_;
  bool local_done_ = false;
};

}  // namespace

void run_units_mpi(const cli::UnitJob& job, const RunnerOptions& options) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  if (rank != 0) worker(job);
  Master(job, options, ranks).run();
}

}  // namespace lcngeom::mpi
