// The Lagrange-multiplier polynomial (6.7) of Example 6.5.
#include "lcngeom/quadric_multiplier.hpp"

#include "lcngeom/error.hpp"
#include "lcngeom/inner_product.hpp"

namespace lcngeom {

RatMPoly quadric_multiplier_polynomial(const RatMatrix& xxt) { return quadric_multiplier_polynomial(xxt, xxt); }

RatMPoly quadric_multiplier_polynomial(const RatMatrix& xxt, const RatMatrix& yxt_of_u) {
  if (yxt_of_u.rows() != 3 || yxt_of_u.cols() != 3)
    throw invalid_argument("quadric_multiplier_polynomial: the matrix M in YX^T = U M must be 3 x 3, got " +
                           std::to_string(yxt_of_u.rows()) + " x " + std::to_string(yxt_of_u.cols()));
  if (xxt.rows() != 3 || xxt.cols() != 3)
    throw invalid_argument("quadric_multiplier_polynomial: XX^T must be 3 x 3, got " + std::to_string(xxt.rows()) +
                           " x " + std::to_string(xxt.cols()));
  if (!is_symmetric_positive_definite(xxt))
    throw invalid_argument("quadric_multiplier_polynomial: XX^T is not symmetric positive definite: " +
                           xxt.to_string());
  Ring R = MPolyRing::make({"u1", "u2", "u3", "l"});
  const RatMPoly l = RatMPoly::gen(R, 3);
  const Rational J[3][3] = {{Rational(), Rational(), Rational(1L)},
                            {Rational(), Rational(-1L, 2L), Rational()},
                            {Rational(1L), Rational(), Rational()}};
  RatMPoly M[3][3] = {{RatMPoly(R), RatMPoly(R), RatMPoly(R)},
                      {RatMPoly(R), RatMPoly(R), RatMPoly(R)},
                      {RatMPoly(R), RatMPoly(R), RatMPoly(R)}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) M[i][j] = RatMPoly::constant(R, xxt.at(i, j)) - J[i][j] * l;
  // adj(M)_{ij} = (-1)^{i+j} det(M without row j, column i)
  auto minor = [&](int r, int cidx) {
    int rs[2], cs[2], a = 0, b = 0;
    for (int i = 0; i < 3; ++i)
      if (i != r) rs[a++] = i;
    for (int j = 0; j < 3; ++j)
      if (j != cidx) cs[b++] = j;
    return M[rs[0]][cs[0]] * M[rs[1]][cs[1]] - M[rs[0]][cs[1]] * M[rs[1]][cs[0]];
  };
  // YX^T = U M: a row vector v.
  RatMPoly v[3] = {RatMPoly(R), RatMPoly(R), RatMPoly(R)};
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) v[j] = v[j] + yxt_of_u.at(i, j) * RatMPoly::gen(R, i);
  RatMPoly col[3] = {RatMPoly(R), RatMPoly(R), RatMPoly(R)};
  for (int k = 0; k < 3; ++k)
    for (int j = 0; j < 3; ++j) {
      RatMPoly adj = minor(k, j);  // adj(M)_{jk} = (-1)^{j+k} det M_{(k),(j)}
      if ((j + k) % 2) adj = -adj;
      col[k] = col[k] + v[j] * adj;
    }
  return col[1] * col[1] - Rational(4L) * (col[0] * col[2]);
}

}  // namespace lcngeom
