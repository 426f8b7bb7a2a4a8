// lcngeom/lcngeom.hpp -- umbrella header: everything public in lcngeom.
#ifndef LCNGEOM_LCNGEOM_HPP
#define LCNGEOM_LCNGEOM_HPP

#include "lcngeom/error.hpp"
#include "lcngeom/integer.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/mpoly.hpp"
#include "lcngeom/tensor.hpp"
#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/invariants.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/real_roots.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/rrmp.hpp"
#include "lcngeom/loci.hpp"
#include "lcngeom/architecture.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/convolution.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/witness.hpp"
#include "lcngeom/compatibility.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/parameter_critical.hpp"
#include "lcngeom/fiber.hpp"
#include "lcngeom/dynamics.hpp"

#endif
