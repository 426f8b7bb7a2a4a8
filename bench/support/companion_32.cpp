#include "companion.hpp"

template void lcngeom::bench::companion_roots_sized<32>(const double*, int, std::complex<double>*);
