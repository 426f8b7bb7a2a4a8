// The unit runners of `lcngeom` (units.hpp): sequential, or on threads.
#include "units.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "lcngeom/version.hpp"

#include "options.hpp"

namespace lcngeom::cli {

namespace {

std::function<void(const UnitJob&)>& runner() {
  static std::function<void(const UnitJob&)> r;
  return r;
}

std::size_t& size_setting() {
  static std::size_t s = 0;
  return s;
}

}  // namespace

void run_units(const UnitJob& job) { run_units(job, 1); }

void run_units(const UnitJob& job, unsigned threads) {
  if (runner()) return runner()(job);
  if (threads == 0) {
    const unsigned hw = std::thread::hardware_concurrency();
    threads = hw > 0 ? hw : 1;
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, job.units));
  if (threads <= 1) {
    for (std::size_t i = 0; i < job.units; ++i)
      if (!job.emit(i, job.run(i))) return;
    return;
  }
  // Costliest first (as lcngeom-mpi hands them out), so that the long units
  // do not end up alone at the tail; results wait for their turn to be
  // emitted in unit order.  A unit's exception is rethrown when its turn
  // comes, so that output and errors are those of the sequential runner.
  std::vector<std::size_t> order(job.units);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (job.cost) {
    std::vector<double> cost(job.units);
    for (std::size_t i = 0; i < job.units; ++i) cost[i] = job.cost(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  }
  struct Outcome {
    std::string text;
    std::exception_ptr error;
  };
  std::mutex m;
  std::condition_variable done_cv;
  std::map<std::size_t, Outcome> done;
  std::size_t next = 0;
  bool quit = false;
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (;;) {
        std::size_t i;
        {
          std::lock_guard<std::mutex> lock(m);
          if (quit || next == order.size()) break;
          i = order[next++];
        }
        Outcome o;
        try {
          o.text = job.run(i);
        } catch (...) {
          o.error = std::current_exception();
        }
        {
          std::lock_guard<std::mutex> lock(m);
          done.emplace(i, std::move(o));
        }
        done_cv.notify_all();
      }
      lcngeom::free_thread_caches();
    });
  auto stop = [&] {
    {
      std::lock_guard<std::mutex> lock(m);
      quit = true;
    }
    for (std::thread& t : workers) t.join();
  };
  try {
    for (std::size_t i = 0; i < job.units; ++i) {
      Outcome o;
      {
        std::unique_lock<std::mutex> lock(m);
        done_cv.wait(lock, [&] { return done.count(i) > 0; });
        auto it = done.find(i);
        o = std::move(it->second);
        done.erase(it);
      }
      if (o.error) std::rethrow_exception(o.error);
      if (!job.emit(i, o.text)) break;
    }
  } catch (...) {
    // Units already running finish (they cannot be interrupted); no new ones start.
    stop();
    throw;
  }
  stop();
}

void set_unit_runner(std::function<void(const UnitJob&)> r) { runner() = std::move(r); }

bool distributed() noexcept { return static_cast<bool>(runner()); }

std::size_t unit_size() noexcept { return size_setting(); }

void set_unit_size(std::size_t size) noexcept { size_setting() = size; }

std::string error_type(const lcngeom::error& e) {
  if (dynamic_cast<const resource_limit*>(&e)) return "resource_limit";
  if (dynamic_cast<const parse_error*>(&e)) return "parse_error";
  if (dynamic_cast<const invalid_argument*>(&e)) return "invalid_argument";
  if (dynamic_cast<const domain_error*>(&e)) return "domain_error";
  if (dynamic_cast<const not_supported*>(&e)) return "not_supported";
  return "error";
}

void throw_error(const std::string& type, const std::string& message) {
  if (type == "resource_limit") throw resource_limit(message);
  if (type == "parse_error") throw parse_error(message);
  if (type == "invalid_argument") throw invalid_argument(message);
  if (type == "domain_error") throw domain_error(message);
  if (type == "not_supported") throw not_supported(message);
  if (type == "error") throw lcngeom::error(message);
  throw std::runtime_error(message);
}

}  // namespace lcngeom::cli
