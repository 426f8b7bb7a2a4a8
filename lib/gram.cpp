// Gram matrices of inner products on binary forms (eq. 6.10) and their checks.
#include "lcngeom/detail/gram.hpp"

#include "lcngeom/error.hpp"

namespace lcngeom::detail {

RatMatrix euclidean_gram(int n) {
  if (n < 0) throw invalid_argument("form degree " + std::to_string(n) + " is negative");
  return RatMatrix::identity(n + 1);
}

RatMatrix bombieri_gram(int n) {
  if (n < 0) throw invalid_argument("form degree " + std::to_string(n) + " is negative");
  RatMatrix s(n + 1, n + 1);
  Integer binom(1);  // binom(n, i), updated multiplicatively
  for (int i = 0; i <= n; ++i) {
    s.set(i, i, Rational(Integer(1), binom));
    binom = divexact(binom * Integer(n - i), Integer(i + 1));
  }
  return s;
}

void check_gram(const RatMatrix& sigma, long size, const std::string& what) {
  if (sigma.rows() != size || sigma.cols() != size)
    throw invalid_argument(what + " is " + std::to_string(sigma.rows()) + "x" + std::to_string(sigma.cols()) +
                           ", expected " + std::to_string(size) + "x" + std::to_string(size));
  for (long i = 0; i < size; ++i)
    for (long j = i + 1; j < size; ++j)
      if (sigma.at(i, j) != sigma.at(j, i))
        throw invalid_argument(what + " is not symmetric: entry (" + std::to_string(i) + "," + std::to_string(j) +
                               ") = " + sigma.at(i, j).to_string() + " but (" + std::to_string(j) + "," +
                               std::to_string(i) + ") = " + sigma.at(j, i).to_string());
  // Symmetric elimination without pivoting: positive definite iff every pivot is > 0.
  RatMatrix a = sigma;
  for (long k = 0; k < size; ++k) {
    const Rational pivot = a.at(k, k);
    if (pivot.sign() <= 0)
      throw invalid_argument(what + " is not positive definite (leading principal minor " + std::to_string(k + 1) +
                             " is not positive)");
    for (long i = k + 1; i < size; ++i) {
      const Rational f = a.at(i, k) / pivot;
      if (f.is_zero()) continue;
      for (long j = k; j < size; ++j) a.set(i, j, a.at(i, j) - f * a.at(k, j));
    }
  }
}

}  // namespace lcngeom::detail
