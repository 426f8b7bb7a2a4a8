// Cost of the certified classification of gradient-descent limits
// (limit_certificate.hpp, issue 10 item 3b) on Table 1 data: for each of the
// five architectures of Section 7.1, random datasets (X: k x 10, Y: 1 x 10,
// i.i.d. N(0,1) doubles, read exactly), one reference double-precision
// descent per dataset (tests/support/reference_gd.hpp: step 0.01, stop at
// ||grad||^2 <= 1e-14, at most 15,000 updates), and per converged run:
//   certify      LimitCertifier construction + certify(), global minimum off
//                (the speed target: every Table 1 run in <= 60 s);
//   + global     the same with the global minimum decided (first G datasets);
//   exact solve  the in-run baseline: critical_points() on every Delta_lambda
//                of the dataset (first E datasets), the rigorous but slow
//                alternative the certificate replaces.
// Prints a Markdown table; times are single-threaded wall clock (the machine
// is shared: compare the ratio column, not the absolute times).
//
//   bench_limit_certificate [datasets=1000] [global=100] [exact=10] [seed=1]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../tests/support/reference_gd.hpp"
#include "lcngeom/lcngeom.hpp"

using namespace lcngeom;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

}  // namespace

int main(int argc, char** argv) {
  const int datasets = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int global_subset = argc > 2 ? std::atoi(argv[2]) : 100;
  const int exact_subset = argc > 3 ? std::atoi(argv[3]) : 10;
  const unsigned long seed = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 1;
  std::printf("# Certified classification of Table 1 limits: %d datasets per architecture, seed %lu\n\n", datasets,
              seed);
  std::printf(
      "| k | converged | certified | certify mean (ms) | median | p99 | + global mean (ms) | "
      "exact solve (ms/dataset) | exact / certify | est. 10^4 datasets, 2 cores (s) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
  double total_estimate = 0;
  for (const std::vector<int>& k : {std::vector<int>{2, 2}, {2, 2, 2}, {4, 2}, {3, 2, 2}, {2, 2, 2, 2}}) {
    const Architecture arch(k);
    const int K = arch.end_to_end_filter_size();
    std::mt19937_64 g(seed * 1000003ULL + static_cast<unsigned long>(K * 10 + static_cast<int>(k.size())));
    std::vector<test::GdDataset> data;
    std::vector<Filters> limits;
    int converged = 0;
    for (int d = 0; d < datasets; ++d) {
      test::GdDataset ds = test::random_dataset(g, K);
      const test::GdRun run = test::reference_gd(k, ds, test::random_filters(g, k));
      if (!run.converged) continue;
      ++converged;
      data.push_back(std::move(ds));
      limits.push_back(test::exact_filters(run.theta));
    }
    LimitCertificateOptions fast;
    fast.decide_global_minimum = false;
    std::vector<double> t_cert;
    int certified = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      LimitCertifier c(arch, data[i].exact_target, data[i].exact_sigma, fast);
      certified += c.certify(limits[i]).certified;
      t_cert.push_back(seconds_since(t0));
    }
    std::vector<double> t_global;
    for (std::size_t i = 0; i < data.size() && static_cast<int>(i) < global_subset; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      LimitCertifier c(arch, data[i].exact_target, data[i].exact_sigma);
      (void)c.certify(limits[i]);
      t_global.push_back(seconds_since(t0));
    }
    std::vector<double> t_exact;
    for (std::size_t i = 0; i < data.size() && static_cast<int>(i) < exact_subset; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      for (const Partition& lambda : partitions(K - 1))
        if (!lambda.is_trivial()) (void)critical_points(lambda, data[i].exact_target, data[i].exact_sigma, {0, 1});
      t_exact.push_back(seconds_since(t0));
    }
    const double est = 1e4 * mean(t_cert) * static_cast<double>(converged) / datasets / 2;
    total_estimate += est;
    std::printf("| %s | %d | %d | %.3f | %.3f | %.3f | %.1f | %.1f | %.0f | %.1f |\n", arch.to_string().c_str(),
                converged, certified, 1e3 * mean(t_cert), 1e3 * median(t_cert), 1e3 * quantile(t_cert, 0.99),
                1e3 * mean(t_global), 1e3 * mean(t_exact), mean(t_exact) / std::max(mean(t_cert), 1e-12), est);
    std::fflush(stdout);
  }
  std::printf("\nEstimated certification time for Table 1 (5 x 10^4 datasets, converged runs, 2 cores): %.0f s\n",
              total_estimate);
  return 0;
}
