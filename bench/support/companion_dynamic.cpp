#include "companion.hpp"

template void lcngeom::bench::companion_roots_sized<Eigen::Dynamic>(const double*, int, std::complex<double>*);
