// The global minimum of the square loss on the function space of an LCN
// (Lemma 4.2 / Prop. 4.4 strata + the exact locus solver of Section 6).
#include "lcngeom/function_space_minimum.hpp"

#include <algorithm>

#include "lcngeom/critical_points.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

namespace {

std::string pattern_text(const Partition& p) { return p.to_string(); }

// Root coordinates of the top cell of Delta_lambda: one per repeated root
// (critical_points.hpp); resultants over Q eliminate at most 2.
int repeated_roots(const Partition& lambda) {
  return static_cast<int>(std::count_if(lambda.parts().begin(), lambda.parts().end(), [](int p) { return p >= 2; }));
}
constexpr int kResultantCoordinates = 2;

// Lexicographic exact comparison of coefficient vectors.
bool coefficients_less(const FunctionSpaceCandidate& a, const FunctionSpaceCandidate& b) {
  return std::lexicographical_compare(a.coefficients.begin(), a.coefficients.end(), b.coefficients.begin(),
                                      b.coefficients.end());
}

}  // namespace

FunctionSpaceMinimum minimum_on_function_space(const Architecture& arch, const BinaryForm& target,
                                               const InnerProduct& sigma) {
  return minimum_on_function_space(arch, target, sigma, FunctionSpaceMinimumOptions{});
}

FunctionSpaceMinimum minimum_on_function_space(const Architecture& arch, const BinaryForm& target,
                                               const InnerProduct& sigma, const FunctionSpaceMinimumOptions& options) {
  if (arch.dimension() != 1 || !arch.stride_one())
    throw not_supported("the minimum on the function space is implemented for 1-D stride-one architectures, not " +
                        arch.to_string());
  const int n = arch.end_to_end_filter_size() - 1;
  if (target.degree() != n)
    throw invalid_argument("target " + target.to_coefficient_string() + " has degree " +
                           std::to_string(target.degree()) + ", " + arch.to_string() + " has forms of degree " +
                           std::to_string(n));
  if (sigma.degree() != n)
    throw invalid_argument("inner product " + sigma.name() + " acts on forms of degree " +
                           std::to_string(sigma.degree()) + ", " + arch.to_string() + " has forms of degree " +
                           std::to_string(n));

  FunctionSpaceMinimum m;
  m.target = target;
  m.target_position = form_region(arch, target);

  auto rational_candidate = [&](const BinaryForm& w) {
    FunctionSpaceCandidate c;
    if (!w.is_zero()) {
      c.rrmp = rrmp(w);
      c.lambda = c.rrmp->lambda();
    }
    for (const Rational& x : w.coefficients()) c.coefficients.emplace_back(x);
    c.exact = w;
    c.distance_squared = AlgebraicReal(sigma.distance_squared(w, target));
    return c;
  };

  if (m.target_position != Region::complement) {
    m.candidates.push_back(rational_candidate(target));  // l(u) = 0 and l > 0 elsewhere
  } else {
    m.candidates.push_back(rational_candidate(BinaryForm::zero(n)));  // 0 is always in M
    std::vector<Partition> in_m;                                      // root patterns of some real rrmp in M
    for (const Rrmp& r : all_rrmps(n))
      if (rrmp_in_function_space(arch, r) && std::find(in_m.begin(), in_m.end(), r.lambda()) == in_m.end())
        in_m.push_back(r.lambda());
    // (1,...,1): the only critical point of l on the open stratum is u, outside M.
    auto searchable = [&](const Partition& lambda) {
      return lambda.size() != n && std::find(in_m.begin(), in_m.end(), lambda) != in_m.end();
    };
    const std::vector<Partition> loci = partitions(n);
    const auto total = static_cast<std::size_t>(std::count_if(loci.begin(), loci.end(), searchable));
    // automatic: lift everything once some locus must be lifted (the file comment says why).
    CriticalMethod method = options.method;
    if (method == CriticalMethod::automatic &&
        std::any_of(loci.begin(), loci.end(),
                    [&](const Partition& l) { return searchable(l) && repeated_roots(l) > kResultantCoordinates; }))
      method = CriticalMethod::modular;
    std::size_t done = 0;
    const std::string phase = "critical points on the loci of " + arch.to_string();
    if (options.progress) options.progress({phase, 0, total});
    for (const Partition& lambda : loci) {
      if (!searchable(lambda)) {
        m.skipped.push_back(lambda);
        continue;
      }
      CriticalPointSet set;
      CriticalPointOptions copt;
      if (options.progress)  // the solver's stages, as the item of this locus
        copt.progress = [&](const Progress& p) {
          options.progress({phase, done, total, p.phase + " " + std::to_string(p.done) + "/" + std::to_string(p.total)});
        };
      auto locus_done = [&] {
        if (options.progress) options.progress({phase, ++done, total});
      };
      copt.method = method;
      try {
        try {
          set = critical_points(lambda, target, sigma, copt);
        } catch (const not_supported&) {
          // The lifting can give up where resultants do not (it needs a separating form
          // and stable reconstructions); an infinite critical set fails both again.
          if (options.method != CriticalMethod::automatic || method != CriticalMethod::modular ||
              repeated_roots(lambda) > kResultantCoordinates)
            throw;
          copt.method = CriticalMethod::automatic;
          set = critical_points(lambda, target, sigma, copt);
        }
      } catch (const not_supported& e) {
        m.complete = false;
        m.unsupported.push_back(pattern_text(lambda) + ": " + e.what());
        locus_done();
        continue;
      }
      locus_done();
      m.searched.push_back(lambda);
      if (!set.completeness_proven) {
        m.completeness_proven = false;
        m.lifted.push_back(lambda);
        m.lifting_primes += set.lifting_primes;
      }
      for (const RealCriticalPoint& p : set.real_points) {
        if (!rrmp_in_function_space(arch, p.rrmp)) continue;
        FunctionSpaceCandidate c;
        c.lambda = lambda;
        c.rrmp = p.rrmp;
        c.coefficients = p.coefficients;
        c.exact = p.exact;
        c.distance_squared = p.distance_squared;
        m.candidates.push_back(std::move(c));
      }
    }
  }

  // Exact minimum and ties.
  std::size_t best = 0;
  for (std::size_t i = 1; i < m.candidates.size(); ++i)
    if (compare(m.candidates[i].distance_squared, m.candidates[best].distance_squared) < 0) best = i;
  for (FunctionSpaceCandidate& c : m.candidates)
    if (compare(c.distance_squared, m.candidates[best].distance_squared) == 0) m.minimisers.push_back(c);
  std::stable_sort(m.candidates.begin() + 1, m.candidates.end(),
                   [](const FunctionSpaceCandidate& a, const FunctionSpaceCandidate& b) {
                     return a.distance_squared < b.distance_squared;
                   });
  std::sort(m.minimisers.begin(), m.minimisers.end(), coefficients_less);
  m.value = m.minimisers.front().distance_squared;
  return m;
}

int compare_minimum(const FunctionSpaceMinimum& m, const Rational& c) {
  AlgebraicReal v = m.value;
  return compare(v, c);
}

}  // namespace lcngeom
