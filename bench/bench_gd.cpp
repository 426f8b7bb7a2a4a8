// Benchmark of the gradient-descent experiments (issue 10, item 7): Table 1
// (5 architectures x 10^4 datasets) and Table 2 (5 architectures x 500
// targets x 50 initialisations x 2 norms) at full scale, descent + rule (a),
// against the batched numpy implementation of the same protocol in
// bench/gd_numpy.py, on identical inputs, measured in the same run.
//
//   bench_gd [--table 1|2|both] [--datasets N] [--targets T] [--inits I]
//            [--threads N] [--python PATH] [--script gd_numpy.py] [--skip-numpy] [--skip-certify]
//            [--workdir DIR]
//
// Prints wall and CPU seconds of both, the ratios, and how often the two
// implementations agree run by run (status, iterations, rule (a)): they do the
// same arithmetic in a different order, so chaotic runs may differ.  Table 1
// then times the certified classification (b) of every converged run (issue
// 10's target: at most 60 s more).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lcngeom/lcngeom.hpp"

using namespace lcngeom;

namespace {

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double wall_now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

struct Timing {
  double wall = 0, cpu = 0;
};

template <class F>
Timing timed(F&& f) {
  const double w = wall_now(), c = cpu_now();
  f();
  return {wall_now() - w, cpu_now() - c};
}

void write_raw(const std::string& path, const std::vector<double>& v) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(double)));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void append_filters(std::vector<double>& out, const FilterSet<double>& t) {
  for (const auto& w : t) out.insert(out.end(), w.begin(), w.end());
}

std::string run_command(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + cmd);
  char buf[65536];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = pclose(p);
  if (rc != 0) throw std::runtime_error(cmd + " exited with " + std::to_string(rc));
  return out;
}

std::string arch_text(const std::vector<int>& f) {
  std::string s = "(";
  for (std::size_t i = 0; i < f.size(); ++i) {
    s += i ? "," : "";
    s += std::to_string(f[i]);
  }
  return s + ")";
}

struct Agreement {
  std::size_t runs = 0, status = 0, iterations = 0, both_converged = 0, rule_a = 0;
};

void compare(const std::vector<const RunRecord*>& ours, const nlohmann::json& theirs, Agreement& a) {
  for (std::size_t i = 0; i < ours.size(); ++i) {
    const RunRecord& r = *ours[i];
    ++a.runs;
    const int s = theirs["status"][i].get<int>();
    if (s == static_cast<int>(r.result.status)) ++a.status;
    if (theirs["iterations"][i].get<long>() == r.result.iterations) ++a.iterations;
    if (s == 0 && r.converged()) {
      ++a.both_converged;
      if (r.rule_a && theirs["rule_a"][i].get<std::string>() == r.rule_a->to_string()) ++a.rule_a;
    }
  }
}

void report(const char* what, const Timing& ours2, const Timing& ours1, unsigned threads, const Timing* np,
            const Agreement* a) {
  std::printf("\n%s\n", what);
  std::printf("  C++  descent + rule (a), %u threads: wall %8.3f s  cpu %8.3f s\n", threads, ours2.wall, ours2.cpu);
  std::printf("  C++  descent + rule (a), 1 thread:  wall %8.3f s  cpu %8.3f s\n", ours1.wall, ours1.cpu);
  if (np) {
    std::printf("  numpy (same inputs, same protocol):  wall %8.3f s  cpu %8.3f s\n", np->wall, np->cpu);
    std::printf("  ratio C++/numpy: wall (%u threads) %.4f, wall (1 thread) %.4f, cpu %.4f\n", threads,
                ours2.wall / np->wall, ours1.wall / np->wall, ours2.cpu / np->cpu);
  }
  if (a)
    std::printf("  agreement run by run: status %zu/%zu, iterations %zu/%zu, rule (a) %zu/%zu (both converged)\n",
                a->status, a->runs, a->iterations, a->runs, a->rule_a, a->both_converged);
}

}  // namespace

int main(int argc, char** argv) {
  std::string table = "both", python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::size_t datasets = 10000, targets = 500, inits = 50;
  unsigned threads = 0;
  bool skip_numpy = false, certify = true;
  std::string workdir = (std::filesystem::temp_directory_path() / "lcngeom_bench_gd").string();
  std::string script = std::string(LCNGEOM_BENCH_DIR) + "/gd_numpy.py";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--table") table = next();
    else if (a == "--datasets") datasets = std::stoul(next());
    else if (a == "--targets") targets = std::stoul(next());
    else if (a == "--inits") inits = std::stoul(next());
    else if (a == "--threads") threads = static_cast<unsigned>(std::stoul(next()));
    else if (a == "--python") python = next();
    else if (a == "--skip-numpy") skip_numpy = true;
    else if (a == "--skip-certify") certify = false;
    else if (a == "--workdir") workdir = next();
    else if (a == "--script") script = next();
    else {
      std::cerr << "bench_gd: unknown option " << a << "\n";
      return 2;
    }
  }
  threads = resolve_threads(threads);
  std::filesystem::create_directories(workdir);
  std::printf("bench_gd: %u threads on %u cores; the machine may be shared: compare ratios, and CPU time\n", threads,
              resolve_threads(0));
  for (const auto& f : paper_architectures()) std::printf("  kernel %s\n", descent_kernel_name(f).c_str());

  if (table == "1" || table == "both") {
    Table1Options o;
    o.datasets = datasets;
    o.protocol.exact_classes = o.protocol.exact_float_rrmp = o.protocol.certify = false;
    // Inputs for numpy: the datasets of run_table1, from the same streams.
    nlohmann::json index = {{"table", 1},
                            {"step", o.protocol.descent.step},
                            {"tolerance", o.protocol.descent.tolerance},
                            {"max_iterations", o.protocol.descent.max_iterations}};
    for (const auto& f : o.architectures) {
      std::vector<double> x, y, th;
      for (std::size_t d = 0; d < datasets; ++d) {
        const Table1Dataset ds = table1_dataset(f, o.protocol.seed, d, o.protocol.samples);
        x.insert(x.end(), ds.x.begin(), ds.x.end());
        y.insert(y.end(), ds.y.begin(), ds.y.end());
        append_filters(th, ds.theta0);
      }
      const std::string base = workdir + "/t1_" + std::to_string(index["architectures"].size());
      write_raw(base + "_x.bin", x);
      write_raw(base + "_y.bin", y);
      write_raw(base + "_theta0.bin", th);
      index["architectures"].push_back({{"filters", f},
                                        {"samples", o.protocol.samples},
                                        {"x", base + "_x.bin"},
                                        {"y", base + "_y.bin"},
                                        {"theta0", base + "_theta0.bin"}});
    }
    std::ofstream(workdir + "/t1.json") << index.dump();
    Table1Result r;
    o.protocol.threads = threads;
    const Timing t2 = timed([&] { r = run_table1(o); });
    o.protocol.threads = 1;
    o.keep_records = false;
    const Timing t1 = timed([&] { run_table1(o); });
    Timing np;
    Agreement ag;
    if (!skip_numpy) {
      const nlohmann::json out = nlohmann::json::parse(run_command(python + " " + script + " " + workdir + "/t1.json"));
      np = {out["wall_seconds"].get<double>(), out["cpu_seconds"].get<double>()};
      std::size_t at = 0;
      for (const auto& a : out["architectures"]) {
        std::vector<const RunRecord*> ours;
        for (std::size_t d = 0; d < datasets; ++d) ours.push_back(&r.records[at++]);
        compare(ours, a, ag);
      }
    }
    char what[200];
    std::snprintf(what, sizeof what, "Table 1: 5 architectures x %zu datasets (%zu runs)", datasets, 5 * datasets);
    report(what, t2, t1, threads, skip_numpy ? nullptr : &np, skip_numpy ? nullptr : &ag);
    for (const auto& a : r.architectures)
      std::printf("  %-10s converged %zu, not converged %zu, diverged %zu; phases %.3f + %.3f s\n",
                  arch_text(a.filters).c_str(), a.converged, a.not_converged, a.diverged, a.descent_seconds,
                  a.classify_seconds);
    if (certify) {
      // Classification (b) of every converged run: the exact problem (XX^T, u
      // in rational arithmetic), one LimitCertifier per dataset, certify() per
      // run; global minimality by the cheap rules only (as `gd table1`).
      o.protocol.threads = threads;
      o.protocol.certify = true;
      o.protocol.certificate.decide_global_minimum = false;
      Table1Result rc;
      const Timing tc = timed([&] { rc = run_table1(o); });
      double exact = 0;
      std::size_t conv = 0, cert = 0;
      std::map<std::string, std::size_t> why;
      for (const auto& a : rc.architectures) {
        exact += a.exact_seconds;
        conv += a.converged;
        cert += a.b.certified;
        for (const auto& [w, n] : a.b.reasons) why[w] += n;
      }
      std::printf(
          "  certification (b), %u threads: %.3f s wall for the exact phase (%zu of %zu converged runs "
          "certified), whole run %.3f s wall, %.3f s cpu",
          threads, exact, cert, conv, tc.wall, tc.cpu);
      if (!skip_numpy) std::printf("; exact phase / numpy descent+rule (a) = %.3f", exact / np.wall);
      std::printf("\n");
      for (const auto& [w, n] : why) std::printf("    uncertified: %s: %zu\n", w.c_str(), n);
    }
  }

  if (table == "2" || table == "both") {
    Table2Options o;
    o.targets = targets;
    o.inits = inits;
    o.protocol.exact_classes = o.protocol.exact_float_rrmp = o.protocol.certify = false;
    nlohmann::json index = {{"table", 2},
                            {"step", o.protocol.descent.step},
                            {"tolerance", o.protocol.descent.tolerance},
                            {"max_iterations", o.protocol.descent.max_iterations}};
    for (const auto& f : o.architectures) {
      const int k = end_to_end_size(f);
      for (const std::string& norm : o.norms) {
        std::vector<double> u, th, diag;
        const std::vector<double> s = table2_sigma(norm, k);
        for (int i = 0; i < k; ++i) diag.push_back(s[static_cast<std::size_t>(i * k + i)]);
        for (std::size_t t = 0; t < targets; ++t) {
          const std::vector<double> target = table2_target(f, o.protocol.seed, t);
          for (std::size_t i = 0; i < inits; ++i) {
            u.insert(u.end(), target.begin(), target.end());
            append_filters(th, table2_init(f, o.protocol.seed, t, i));
          }
        }
        const std::string base = workdir + "/t2_" + std::to_string(index["architectures"].size());
        write_raw(base + "_u.bin", u);
        write_raw(base + "_theta0.bin", th);
        index["architectures"].push_back({{"filters", f},
                                          {"norm", norm},
                                          {"inits", inits},
                                          {"sigma_diag", diag},
                                          {"u", base + "_u.bin"},
                                          {"theta0", base + "_theta0.bin"}});
      }
    }
    std::ofstream(workdir + "/t2.json") << index.dump();
    Table2Result r;
    o.protocol.threads = threads;
    const Timing t2 = timed([&] { r = run_table2(o); });
    o.protocol.threads = 1;
    o.keep_records = false;
    const Timing t1 = timed([&] { run_table2(o); });
    Timing np;
    Agreement ag;
    std::size_t distinct_same = 0, distinct_total = 0;
    if (!skip_numpy) {
      const nlohmann::json out = nlohmann::json::parse(run_command(python + " " + script + " " + workdir + "/t2.json"));
      np = {out["wall_seconds"].get<double>(), out["cpu_seconds"].get<double>()};
      // run_table2 records: per architecture, norm-major, then target, then initialisation.
      std::size_t at = 0, cell = 0;
      for (const auto& a : out["architectures"]) {
        std::vector<const RunRecord*> ours;
        for (std::size_t j = 0; j < targets * inits; ++j) ours.push_back(&r.records[at++]);
        compare(ours, a, ag);
        const Table2Cell& c = r.cells[cell++];
        std::map<std::size_t, std::size_t> hist;
        for (const auto& n : a["distinct"])
          if (n.get<std::size_t>() > 0) ++hist[n.get<std::size_t>()];
        for (const auto& [n, cnt] : c.distinct_rule) {
          distinct_total += cnt;
          distinct_same += std::min(cnt, hist[n]);
        }
      }
    }
    char what[200];
    std::snprintf(what, sizeof what,
                  "Table 2: 5 architectures x 2 norms x %zu targets x %zu initializations (%zu runs)", targets, inits,
                  10 * targets * inits);
    report(what, t2, t1, threads, skip_numpy ? nullptr : &np, skip_numpy ? nullptr : &ag);
    if (!skip_numpy)
      std::printf("  distinct-solution histograms agree on %zu of %zu targets\n", distinct_same, distinct_total);
  }
  return 0;
}
