// Compiled as if it were a source of lib/forms: a binary-form source that
// includes a critical-layer header must fail to build ("No such file").
#include "lcngeom/critical_points.hpp"
