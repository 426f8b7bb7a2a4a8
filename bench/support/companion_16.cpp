#include "companion.hpp"

template void lcngeom::bench::companion_roots_sized<16>(const double*, int, std::complex<double>*);
