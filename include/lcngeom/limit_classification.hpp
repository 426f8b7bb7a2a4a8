// lcngeom/limit_classification.hpp -- what did a floating-point run of
// gradient descent converge to?  The tolerance rules of Section 7.1/7.2 and
// the exact rrmp of the float filter.
//
// Three classifications of a limit theta = (w_1, ..., w_L) are reported side
// by side by the experiments (gd_experiments.hpp):
//  (a) the paper's rule (Section 7.1), tolerance_rrmp(): the roots of every
//      factor filter pi(w_l) are pooled; a root r is real if
//      |Im r| <= tol |r|, two roots are the same if
//      |r - r'| <= tol max(|r|, |r'|), and "the same" is closed transitively
//      (connected components); a component is a real root of multiplicity
//      its size if it holds a real root, otherwise it is one root of a
//      complex-conjugate pair of that multiplicity.  Leading zero
//      coefficients are roots at infinity (1:0) (equal only to each other),
//      trailing zeros the root (0:1) (t = 0).  tol = 1e-4 in the paper; the
//      rule is "relatively robust but not exact" (Section 7.1).
//  (b) the certified limit (limit_certificate.hpp), computed elsewhere.
//  (c) exact_rrmp_of_float_filter(): the exact rrmp of mu(theta) with every
//      double read exactly (doubles are dyadic rationals).  A float limit
//      almost always has simple roots, which is why exact classification of
//      the float point is the wrong question.
// Table 2's rule for distinct solutions: count_distinct_solutions().
//
// Roots are computed from pi(w)(t, 1) = w_0 t^d + ... + w_d by closed forms
// (d <= 2) and the Aberth-Ehrlich iteration (d >= 3), in the scalar type T of
// the filters (double or a Boost.Multiprecision type), then made exactly
// conjugation-symmetric (each root of positive imaginary part is paired with
// the nearest one of negative imaginary part if that is closer to its
// conjugate than half its distance to the real axis, and the partner is
// replaced by the exact conjugate; unpaired roots are made real), so that
// the rule yields a pattern of degree sum (k_l - 1).
#ifndef LCNGEOM_LIMIT_CLASSIFICATION_HPP
#define LCNGEOM_LIMIT_CLASSIFICATION_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/gradient_descent.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// A root (t : 1) = (re + i im : 1) of a form, or (1:0) when `infinite`.
template <class T>
struct FormRoot {
  /// Real and imaginary parts of t.
  ///@{
  T re{}, im{};
  ///@}
  bool infinite = false;  ///< the root is (1:0) (re and im are then 0)
};

namespace detail {

template <class T>
struct Cx {
  T re, im;
};
template <class T>
Cx<T> cx_add(const Cx<T>& a, const Cx<T>& b) {
  return {a.re + b.re, a.im + b.im};
}
template <class T>
Cx<T> cx_sub(const Cx<T>& a, const Cx<T>& b) {
  return {a.re - b.re, a.im - b.im};
}
template <class T>
Cx<T> cx_mul(const Cx<T>& a, const Cx<T>& b) {
  return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}
template <class T>
Cx<T> cx_div(const Cx<T>& a, const Cx<T>& b) {
  const T d = b.re * b.re + b.im * b.im;
  return {(a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d};
}
template <class T>
T cx_abs(const Cx<T>& a) {
  return gd_sqrt(T(a.re * a.re + a.im * a.im));
}

// Roots of sum_{i=0}^{d} a_i t^{d-i}, a_0 != 0, by Aberth-Ehrlich.
template <class T>
std::vector<Cx<T>> aberth_roots(const std::vector<T>& a) {
  const std::size_t d = a.size() - 1;
  std::vector<T> m(d + 1);
  for (std::size_t i = 0; i <= d; ++i) m[i] = a[i] / a[0];
  T radius(0);  // Fujiwara-type bound 2 max |a_i / a_0|^{1/i}
  for (std::size_t i = 1; i <= d; ++i) {
    using std::pow;
    const T r = T(pow(gd_abs(m[i]), T(1) / T(static_cast<int>(i))));
    if (r > radius) radius = r;
  }
  radius = radius * 2;
  if (!(radius > T(0))) radius = T(1);
  std::vector<Cx<T>> z(d);
  for (std::size_t i = 0; i < d; ++i) {
    const double ang = 6.283185307179586 * (static_cast<double>(i) + 0.25) / static_cast<double>(d) + 0.4;
    z[i] = {radius * T(std::cos(ang)), radius * T(std::sin(ang))};
  }
  const T eps = std::numeric_limits<T>::epsilon();
  for (int it = 0; it < 500; ++it) {
    bool moved = false;
    for (std::size_t i = 0; i < d; ++i) {
      Cx<T> p{T(1), T(0)}, dp{T(0), T(0)};
      for (std::size_t j = 1; j <= d; ++j) {
        dp = cx_add(cx_mul(dp, z[i]), p);
        p = cx_add(cx_mul(p, z[i]), Cx<T>{m[j], T(0)});
      }
      if (p.re == T(0) && p.im == T(0)) continue;
      const Cx<T> ratio = cx_div(p, dp);
      Cx<T> s{T(0), T(0)};
      for (std::size_t j = 0; j < d; ++j)
        if (j != i) s = cx_add(s, cx_div(Cx<T>{T(1), T(0)}, cx_sub(z[i], z[j])));
      const Cx<T> w = cx_div(ratio, cx_sub(Cx<T>{T(1), T(0)}, cx_mul(ratio, s)));
      if (!(gd_isfinite(w.re) && gd_isfinite(w.im))) continue;
      z[i] = cx_sub(z[i], w);
      if (cx_abs(w) > T(eps * 4) * cx_abs(z[i])) moved = true;
    }
    if (!moved) break;
  }
  return z;
}

}  // namespace detail

/// The roots of pi(w) = w_0 x^d + ... + w_d y^d in P^1 with multiplicity
/// (d = w.size() - 1), as (t : 1) or (1:0).  Leading zeros give (1:0),
/// trailing zeros t = 0 exactly.  Throws domain_error for the zero form or a
/// non-finite coefficient.
template <class T>
std::vector<FormRoot<T>> form_roots(const std::vector<T>& w) {
  for (const T& x : w)
    if (!detail::gd_isfinite(x)) throw domain_error("form_roots: a coefficient is not finite");
  std::size_t lead = 0;
  while (lead < w.size() && w[lead] == T(0)) ++lead;
  if (lead == w.size()) throw domain_error("form_roots: the zero form has no roots");
  std::size_t end = w.size();
  while (end > lead + 1 && w[end - 1] == T(0)) --end;
  std::vector<FormRoot<T>> roots;
  for (std::size_t i = 0; i < lead; ++i) roots.push_back({T(0), T(0), true});
  for (std::size_t i = end; i < w.size(); ++i) roots.push_back({T(0), T(0), false});
  const std::vector<T> a(w.begin() + static_cast<long>(lead), w.begin() + static_cast<long>(end));
  const std::size_t d = a.size() - 1;
  std::vector<detail::Cx<T>> z;
  if (d == 1) {
    z.push_back({T(-a[1] / a[0]), T(0)});
  } else if (d == 2) {
    const T disc = a[1] * a[1] - T(4) * a[0] * a[2];
    if (disc >= T(0)) {
      const T sq = detail::gd_sqrt(disc);
      const T q = a[1] >= T(0) ? T(-(a[1] + sq) / 2) : T((sq - a[1]) / 2);
      if (q == T(0)) {
        z.push_back({T(0), T(0)});
        z.push_back({T(0), T(0)});
      } else {
        z.push_back({T(q / a[0]), T(0)});
        z.push_back({T(a[2] / q), T(0)});
      }
    } else {
      const T re = -a[1] / (T(2) * a[0]);
      const T im = detail::gd_abs(T(detail::gd_sqrt(T(-disc)) / (T(2) * a[0])));
      z.push_back({re, im});
      z.push_back({re, T(-im)});
    }
  } else if (d >= 3) {
    z = detail::aberth_roots(a);
    // Exact conjugate symmetry: pair each upper root with the nearest lower one.
    std::vector<std::size_t> upper, lower;
    for (std::size_t i = 0; i < z.size(); ++i) (z[i].im > T(0) ? upper : lower).push_back(i);
    std::vector<bool> used(z.size(), false);
    std::sort(upper.begin(), upper.end(), [&](std::size_t x, std::size_t y) { return z[x].im > z[y].im; });
    for (std::size_t u : upper) {
      std::size_t best = z.size();
      T bestd(0);
      for (std::size_t l : lower) {
        if (used[l] || !(z[l].im < T(0))) continue;
        const T dd = detail::cx_abs(detail::Cx<T>{z[u].re - z[l].re, z[u].im + z[l].im});
        if (best == z.size() || dd < bestd) {
          best = l;
          bestd = dd;
        }
      }
      // A conjugate partner lies much closer than the distance 2 |Im| to the
      // real axis; two real roots with spurious imaginary parts do not.
      if (best == z.size() || !(bestd <= detail::gd_abs(z[u].im) / 2)) {
        z[u].im = T(0);  // unpaired: real
      } else {
        used[best] = true;
        used[u] = true;
        z[best] = {z[u].re, T(-z[u].im)};
      }
    }
    for (std::size_t i = 0; i < z.size(); ++i)
      if (!used[i]) z[i].im = T(0);
  }
  for (const auto& r : z) roots.push_back({r.re, r.im, false});
  return roots;
}

/// The connected components of the paper's root rule on pooled roots, as an
/// rrmp (see (a) in the header comment).  `tol` >= 0.
template <class T>
Rrmp rrmp_by_tolerance(const std::vector<FormRoot<T>>& roots, double tol) {
  const std::size_t n = roots.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<T> mod(n);
  for (std::size_t i = 0; i < n; ++i)
    mod[i] = roots[i].infinite ? T(0) : detail::cx_abs(detail::Cx<T>{roots[i].re, roots[i].im});
  const T t(tol);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      bool same;
      if (roots[i].infinite || roots[j].infinite) {
        same = roots[i].infinite && roots[j].infinite;
      } else {
        const T dist = detail::cx_abs(detail::Cx<T>{roots[i].re - roots[j].re, roots[i].im - roots[j].im});
        same = dist <= t * (mod[i] > mod[j] ? mod[i] : mod[j]);
      }
      if (same) parent[find(i)] = find(j);
    }
  std::vector<int> size(n, 0), real(n, 0), upper(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = find(i);
    ++size[r];
    if (roots[i].infinite || detail::gd_abs(roots[i].im) <= t * mod[i]) real[r] = 1;
    if (roots[i].im > T(0)) upper[r] = 1;
  }
  Rrmp out;
  for (std::size_t i = 0; i < n; ++i) {
    if (find(i) != i) continue;
    if (real[i]) out.push_real(size[i]);
    else if (upper[i]) out.push_complex(size[i]);
  }
  out.normalize();
  return out;
}

/// Rule (a) of Section 7.1 on the factor filters of theta (their roots
/// pooled).  std::nullopt if some filter is zero or not finite.
template <class T>
std::optional<Rrmp> tolerance_rrmp(const FilterSet<T>& theta, double tol = 1e-4) {
  std::vector<FormRoot<T>> pooled;
  for (const auto& w : theta) {
    bool finite = true, zero = true;
    for (const T& x : w) {
      finite = finite && detail::gd_isfinite(x);
      zero = zero && x == T(0);
    }
    if (!finite || zero) return std::nullopt;
    const auto r = form_roots(w);
    pooled.insert(pooled.end(), r.begin(), r.end());
  }
  return rrmp_by_tolerance(pooled, tol);
}

/// The exact rational value of a finite double (a dyadic m 2^e); throws
/// invalid_argument for inf or NaN.
Rational exact_rational(double x);

/// Classification (c): the exact rrmp of mu(theta) = pi(w_1) ... pi(w_L) with
/// every coefficient read exactly.  std::nullopt if some coefficient is not
/// finite or the product is the zero form.
std::optional<Rrmp> exact_rrmp_of_float_filter(const FilterSet<double>& theta);

/// Table 2's rule (Section 7.2): solutions w_i (end-to-end filters of equal
/// size) are equal if |w_ik - w_jk| <= tol max(max_m |w_mk|, 1) for every
/// entry k, closed transitively.  Returns the component label of each
/// solution (labels 0, 1, ... in order of first appearance); the number of
/// distinct solutions is the largest label + 1.  Throws invalid_argument if
/// the sizes differ.
std::vector<std::size_t> distinct_solution_labels(const std::vector<std::vector<double>>& solutions, double tol = 1e-4);

}  // namespace lcngeom

#endif
