// Internal: integer changes of coordinates of binary forms, used by
// critical_points.cpp to move critical points of Delta(k^m) off (1:0), where
// the lifted power engine does not see them.
#pragma once

#include <string>
#include <vector>

#include "lcngeom/rational.hpp"

namespace lcngeom::detail {

// An integer change of coordinates phi: (x, y) -> (a x + b y, c x + d y)
// with ad - bc = +-1, acting on forms by f -> f o phi.  Delta_lambda is
// GL_2-invariant and f o phi has the root pattern and the real root
// multiplicity pattern of f (phi is a real projective transformation of P^1),
// so phi maps the critical points of ||w - u||^2_Sigma with pattern lambda
// bijectively onto those of ||w' - u'||^2_Sigma' with u' = u o phi and
// Sigma' = S^T Sigma S, S the matrix of f -> f o phi^{-1} (w = S w').  The
// point w' has w'_0 = w'(1, 0) = w(a, c): phi moves the root (a:c) to (1:0).
struct CoordinateChange {
  long a = 1, b = 0, c = 0, d = 1;
  /// The map as text, e.g. "(x, y) -> (y, x)", "(x, y) -> (x, 2x + y)".
  std::string name() const {
    // Built with += only (GCC 12 warns, -Wrestrict, on "-" + std::string).
    auto lin = [](long p, long q) {
      auto term = [](long k, const char* v) {
        std::string out;
        if (k == 0) return out;
        if (k == -1) out.push_back('-');
        else if (k != 1) out = std::to_string(k);
        out += v;
        return out;
      };
      std::string s = term(p, "x");
      const std::string t = term(q, "y");
      if (s.empty()) return t;
      if (t.empty()) return s;
      const bool minus = t[0] == '-';
      s += minus ? " - " : " + ";
      s.append(t, minus ? 1 : 0, std::string::npos);
      return s;
    };
    std::string out = "(x, y) -> (";
    out += lin(a, b);
    out += ", ";
    out += lin(c, d);
    out += ")";
    return out;
  }
  /// phi^{-1} (integer: det phi = +-1).
  CoordinateChange inverse() const {
    const long det = a * d - b * c;  // +-1
    return {d * det, -b * det, -c * det, a * det};
  }
  // The matrix of f -> f o phi on coefficient vectors of degree deg: column
  // i is the coefficient vector of (a x + b y)^{deg-i} (c x + d y)^i.
  std::vector<std::vector<Rational>> matrix(int deg) const {
    const std::size_t N = static_cast<std::size_t>(deg) + 1;
    std::vector<std::vector<Rational>> M(N, std::vector<Rational>(N));
    auto mul = [](const std::vector<Rational>& p, long s, long t) {
      std::vector<Rational> q(p.size() + 1);
      for (std::size_t j = 0; j < p.size(); ++j) {
        q[j] += Rational(s) * p[j];
        q[j + 1] += Rational(t) * p[j];
      }
      return q;
    };
    for (std::size_t i = 0; i < N; ++i) {
      std::vector<Rational> col{Rational(1L)};
      for (std::size_t e = 0; e + i + 1 < N; ++e) col = mul(col, a, b);
      for (std::size_t e = 0; e < i; ++e) col = mul(col, c, d);
      for (std::size_t r = 0; r < N; ++r) M[r][i] = col[r];
    }
    return M;
  }
  /// f o phi for the coefficient vector f (a_0..a_deg; entries Rational or
  /// polynomials over Q).
  template <class V>
  V apply(const V& f) const {
    const auto M = matrix(static_cast<int>(f.size()) - 1);
    V out(f.size());
    for (std::size_t r = 0; r < f.size(); ++r)
      for (std::size_t i = 0; i < f.size(); ++i)
        if (!M[r][i].is_zero()) out[r] = out[r] + M[r][i] * f[i];
    return out;
  }
};

}  // namespace lcngeom::detail
