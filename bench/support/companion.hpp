// bench/support/companion.hpp -- companion-matrix eigenvalues with Eigen,
// one explicit instantiation per translation unit (companion_<N>.cpp).
#ifndef LCNGEOM_BENCH_COMPANION_HPP
#define LCNGEOM_BENCH_COMPANION_HPP

#include <Eigen/Eigenvalues>

#include <complex>

namespace lcngeom::bench {

// N = Eigen::Dynamic uses r; otherwise r == N.
template <int N>
void companion_roots_sized(const double* c, int r, std::complex<double>* roots) {
  using Matrix = Eigen::Matrix<double, N, N>;
  Matrix C = Matrix::Zero(r, r);
  for (int i = 0; i + 1 < r; ++i) C(i + 1, i) = 1.0;
  for (int i = 0; i < r; ++i) C(i, r - 1) = -c[i];
  Eigen::EigenSolver<Matrix> es(C, false);
  for (int i = 0; i < r; ++i) roots[i] = es.eigenvalues()(i);
}

extern template void companion_roots_sized<4>(const double*, int, std::complex<double>*);
extern template void companion_roots_sized<8>(const double*, int, std::complex<double>*);
extern template void companion_roots_sized<16>(const double*, int, std::complex<double>*);
extern template void companion_roots_sized<32>(const double*, int, std::complex<double>*);
extern template void companion_roots_sized<Eigen::Dynamic>(const double*, int, std::complex<double>*);

}  // namespace lcngeom::bench

#endif
