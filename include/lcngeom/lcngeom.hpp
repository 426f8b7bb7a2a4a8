// lcngeom/lcngeom.hpp -- umbrella header: everything public in lcngeom.
#ifndef LCNGEOM_LCNGEOM_HPP
#define LCNGEOM_LCNGEOM_HPP

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/architecture.hpp"
#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/compatibility.hpp"
#include "lcngeom/convolution.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/decimal.hpp"
#include "lcngeom/dynamics.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/fiber.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/function_space_minimum.hpp"
#include "lcngeom/gd_experiments.hpp"
#include "lcngeom/gradient_descent.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/integer.hpp"
#include "lcngeom/invariants.hpp"
#include "lcngeom/limit_classification.hpp"
#include "lcngeom/loci.hpp"
#include "lcngeom/mpoly.hpp"
#include "lcngeom/parameter_critical.hpp"
#include "lcngeom/limit_certificate.hpp"
#include "lcngeom/linear_factor_critical.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/progress.hpp"
#include "lcngeom/quadric_multiplier.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/random_stream.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/real_roots.hpp"
#include "lcngeom/rrmp.hpp"
#include "lcngeom/tensor.hpp"
#include "lcngeom/version.hpp"
#include "lcngeom/witness.hpp"

/// \namespace lcngeom
/// The library: exact and certified algebra of binary forms and the geometry
/// of linear convolutional networks (Kohn, Merkh, Montúfar, Trager 2022).
/// A binary form of degree n is its coefficient vector (a_0, ..., a_n) for
/// a_0 x^n + a_1 x^{n-1} y + ... + a_n y^n (paper eq. 2.8); leading zeros are
/// roots at (1:0).  Errors are typed exceptions derived from lcngeom::error.

#endif
