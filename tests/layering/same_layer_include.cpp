// Control for upward_include.cpp: the same set-up including a header of the
// forms layer and one of the layer below it builds.
#include "lcngeom/integer.hpp"
#include "lcngeom/real_roots.hpp"
