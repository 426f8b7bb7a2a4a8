// Function spaces (Section 4): Lemma 4.9 reductions, filling (Theorem 4.1,
// Prop. 4.11, Cor. 4.16), Lemma 4.2 / Prop. 4.4 regions, Example 4.6 tables,
// and the dimension as the generic Jacobian rank.
#include "lcngeom/function_space.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "lcngeom/error.hpp"
#include "lcngeom/parameterization.hpp"

namespace lcngeom {

namespace {

bool trivial_shape(const std::vector<int>& shape) {
  return std::all_of(shape.begin(), shape.end(), [](int k) { return k == 1; });
}

Architecture reduce_1d(std::vector<int> k, std::vector<int> s, int out) {
  // Lemma 4.9 (a) and (b), repeated: widths d_{L-1} = s_L (d_L - 1) + k_L.
  while (true) {
    const std::size_t L = k.size();
    const long d_prev = static_cast<long>(s[L - 1]) * (out - 1) + k[L - 1];
    if (s[L - 1] != 1) {  // (a): keep d_{L-1}, so the new d_L is d_{L-1} - k_L + 1
      s[L - 1] = 1;
      out = static_cast<int>(d_prev - k[L - 1] + 1);
      continue;
    }
    if (k[L - 1] == 1 && L > 1) {  // (b)
      k.pop_back();
      s.pop_back();
      out = static_cast<int>(d_prev);
      continue;
    }
    break;
  }
  // Scalar layers (k_l = 1, s_l = 1) leave every width unchanged.
  std::vector<int> k2, s2;
  for (std::size_t l = 0; l < k.size(); ++l)
    if (!(k[l] == 1 && s[l] == 1)) k2.push_back(k[l]), s2.push_back(s[l]);
  if (k2.empty()) k2 = {1}, s2 = {1};
  return Architecture(std::move(k2), std::move(s2), out);
}

// The stride-one reduction or throw not_supported.
Architecture require_stride_one(const Architecture& arch) {
  std::optional<Architecture> r = stride_one_reduction(arch);
  if (!r)
    throw not_supported("the function space of " + arch.to_string() +
                        " is not described by real-root counts (Lemma 4.2 needs stride one after the Lemma 4.9 "
                        "reductions and one spatial dimension); its reduction is " +
                        reduce_architecture(arch).to_string());
  return *r;
}

int odd_count(const Rrmp& r) {
  int n = 0;
  for (int m : r.rho())
    if (m % 2) ++n;
  return n;
}

void check_degree(const Architecture& red, int degree, const std::string& what) {
  const int n = red.end_to_end_filter_size() - 1;
  if (degree != n)
    throw invalid_argument(what + " has degree " + std::to_string(degree) + ", the function space of " +
                           red.to_string() + " consists of forms of degree " + std::to_string(n));
}

}  // namespace

Architecture reduce_architecture(const Architecture& arch) {
  if (arch.dimension() == 1) return reduce_1d(arch.filters(), arch.strides(), arch.output_sizes()[0]);
  // D > 1 (stride one): drop trivial layers; they leave the widths unchanged.
  std::vector<std::vector<int>> shapes;
  for (const auto& sh : arch.filter_shapes())
    if (!trivial_shape(sh)) shapes.push_back(sh);
  const std::vector<int> kbar = arch.end_to_end_filter_shape();
  std::vector<int> nontrivial;
  for (std::size_t h = 0; h < kbar.size(); ++h)
    if (kbar[h] > 1) nontrivial.push_back(static_cast<int>(h));
  if (nontrivial.size() <= 1) {
    const std::size_t h = nontrivial.empty() ? 0 : static_cast<std::size_t>(nontrivial[0]);
    std::vector<int> k;
    for (const auto& sh : shapes) k.push_back(sh[h]);
    if (k.empty()) k = {1};
    return reduce_1d(k, std::vector<int>(k.size(), 1), arch.output_sizes()[h]);
  }
  return Architecture::multi(std::move(shapes), arch.output_sizes());
}

std::optional<Architecture> stride_one_reduction(const Architecture& arch) {
  Architecture r = reduce_architecture(arch);
  if (r.dimension() == 1 && r.stride_one()) return r;
  return std::nullopt;
}

std::vector<Architecture> stride_one_architectures(int n) {
  if (n < 1 || n > 40) throw invalid_argument("end-to-end degree " + std::to_string(n) + " is outside 1..40");
  std::vector<Architecture> out;
  for (const Partition& p : partitions(n)) {
    std::vector<int> k;
    for (int part : p.parts()) k.push_back(part + 1);
    out.emplace_back(std::move(k));
  }
  return out;
}

FillingVerdict filling_verdict(const Architecture& arch) {
  const Architecture r = reduce_architecture(arch);
  if (r.depth() == 1)
    return {true, "one layer after the Lemma 4.9 reductions (" + r.to_string() + "): mu is the identity on filters"};
  if (r.dimension() > 1) {
    const std::vector<int> kbar = r.end_to_end_filter_shape();
    std::string dims;
    for (std::size_t h = 0; h < kbar.size(); ++h)
      if (kbar[h] > 1) {
        if (!dims.empty()) dims += ", ";
        dims += "k^" + std::to_string(h + 1) + " = " + std::to_string(kbar[h]);
      }
    return {false, "Corollary 4.16: D = " + std::to_string(r.dimension()) + ", " + std::to_string(r.depth()) +
                       " nontrivial layers and " + dims + " > 1 (lower-dimensional)"};
  }
  if (!r.stride_one()) {
    std::string which;
    for (std::size_t l = 0; l + 1 < r.strides().size(); ++l)
      if (r.strides()[l] > 1) {
        which = "s_" + std::to_string(l + 1) + " = " + std::to_string(r.strides()[l]);
        break;
      }
    return {false, "Proposition 4.11: " + which + " > 1 and k_L = " + std::to_string(r.filters().back()) + " > 1 in " +
                       r.to_string() + " (lower-dimensional)"};
  }
  const int e = r.even_filter_count();
  return {e <= 1, "Theorem 4.1: e = " + std::to_string(e) + " even filter size" + (e == 1 ? "" : "s") + " in " +
                      r.to_string() + (e <= 1 ? " (at most one)" : " (two or more)")};
}

bool is_filling(const Architecture& arch) { return filling_verdict(arch).filling; }

const char* to_string(Region r) noexcept {
  switch (r) {
    case Region::interior: return "interior";
    case Region::boundary: return "boundary";
    case Region::complement: return "complement";
  }
  return "?";
}

bool rrmp_in_function_space(const Architecture& arch, const Rrmp& r) {
  const Architecture red = require_stride_one(arch);
  check_degree(red, r.degree(), "rrmp " + r.to_string());
  return r.real_root_count() >= red.even_filter_count();
}

bool rrmp_on_boundary(const Architecture& arch, const Rrmp& r) {
  const Architecture red = require_stride_one(arch);
  check_degree(red, r.degree(), "rrmp " + r.to_string());
  const int e = red.even_filter_count();
  return e >= 2 && r.real_root_count() >= e && odd_count(r) <= e - 2;
}

Region rrmp_region(const Architecture& arch, const Rrmp& r) {
  if (rrmp_on_boundary(arch, r)) return Region::boundary;
  return rrmp_in_function_space(arch, r) ? Region::interior : Region::complement;
}

RrmpTable function_space_rrmps(const Architecture& arch) {
  const Architecture red = require_stride_one(arch);
  RrmpTable t;
  for (const Rrmp& r : all_rrmps(red.end_to_end_filter_size() - 1)) {
    const Region g = rrmp_region(red, r);
    (g == Region::complement ? t.complement : t.function_space).push_back(r);
    if (g == Region::boundary) t.boundary.push_back(r);
  }
  return t;
}

Region form_region(const Architecture& arch, const BinaryForm& p) {
  const Architecture red = require_stride_one(arch);
  check_degree(red, p.degree(), "the form " + p.to_string());
  if (p.is_zero()) return red.even_filter_count() >= 2 ? Region::boundary : Region::interior;
  return rrmp_region(red, rrmp(p));
}

bool in_function_space(const Architecture& arch, const BinaryForm& p) {
  return form_region(arch, p) != Region::complement;
}

FunctionSpaceDimension function_space_dimension(const Architecture& arch, const DimensionOptions& options) {
  if (options.trials < 1) throw invalid_argument("trials = " + std::to_string(options.trials) + " is not positive");
  if (options.sample_bound < 1 || options.sample_bound > (1L << 40))
    throw invalid_argument("sample bound " + std::to_string(options.sample_bound) + " is outside [1, 2^40]");
  const int ambient = arch.ambient_dimension();
  const int P = arch.parameter_count(), L = arch.depth();
  const int upper = std::min(ambient, P - (L - 1));
  std::mt19937_64 rng(options.seed);
  std::uniform_int_distribution<long> coord(-options.sample_bound, options.sample_bound);
  int best = 0, done = 0;
  for (; done < options.trials && best < upper; ++done) {
    std::vector<Rational> flat;
    for (int i = 0; i < P; ++i) flat.emplace_back(coord(rng));
    const long rank = arch.dimension() == 1 ? jacobian(arch, split_parameters(arch, flat)).rank()
                                            : jacobian_multi(arch, split_parameters_multi(arch, flat)).rank();
    best = std::max(best, static_cast<int>(rank));
  }
  FunctionSpaceDimension d{best, ambient, upper, best == upper, done, 0.0};
  if (!d.certified) {
    const double per_trial =
        static_cast<double>(upper) * (L - 1) / (2.0 * static_cast<double>(options.sample_bound) + 1.0);
    d.failure_probability = std::pow(std::min(1.0, per_trial), done);
  }
  return d;
}

}  // namespace lcngeom
