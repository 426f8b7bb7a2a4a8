#include "companion.hpp"

template void lcngeom::bench::companion_roots_sized<8>(const double*, int, std::complex<double>*);
