// Tests of limit_certificate.hpp (issue 10, item 3b).
#include <catch2/catch.hpp>

#include <cmath>

#include "lcngeom/limit_certificate.hpp"
#include "reference_gd.hpp"
#include "support.hpp"

using namespace lcngeom;

TEST_CASE("limit certificate: Section 7.3 (4,2) limit [2,0,5,0,0]", "[limit_certificate]") {
  const double kappa = std::sqrt(0.5 * (std::sqrt(31445.0) - 177));
  std::vector<std::vector<double>> th{{2 / kappa, 0, 5 / kappa, 0}, {kappa, 0}};
  LimitCertifier c(Architecture({4, 2}), BinaryForm{2, 0, 5, 0, 2}, InnerProduct::euclidean(4));
  CertifiedLimit r = c.certify(test::exact_filters(th));
  INFO(summary(r));
  REQUIRE(r.certified);
  CHECK(r.lambda == Partition({2, 1, 1}));
}
