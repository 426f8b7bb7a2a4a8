// Resource limits of the critical layer (issue 15, item 2): ED degrees refuse,
// before any work, loci whose Thom-Porteous bound is out of reach and say what a
// table would take; porteous_number is exact past degree 20; long computations
// report progress; inner products refuse absurd degrees.
#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "lcngeom/critical_points.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/integer.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

Partition twos(int m) { return Partition(std::vector<int>(static_cast<std::size_t>(m), 2)); }

}  // namespace

TEST_CASE("limits: porteous_number is exact beyond a long's factorials and saturates", "[limits][ed_degree]") {
  // (2,...,2) with m parts: (3^{m+1} - 1) / 2.  The factorials in the sum
  // overflow a long from degree 21 on; m = 39 (degree 78) still fits.
  for (int m : {1, 5, 10, 11, 20, 39}) {
    INFO("m = " << m);
    const Integer want = divexact(pow(Integer(3L), static_cast<unsigned long>(m + 1)) - Integer(1L), Integer(2L));
    REQUIRE(want.fits_long());
    CHECK(porteous_number(twos(m)) == want.to_long());
  }
  CHECK(porteous_number(twos(40)) == std::numeric_limits<long>::max());  // (3^41 - 1)/2 > 2^63
  // (alpha, 1, ..., 1): (2 alpha - 1) n - 2 (alpha - 1)^2, here at degree 41.
  for (int alpha : {2, 5, 21, 40}) {
    std::vector<int> parts{alpha};
    parts.resize(static_cast<std::size_t>(41 - alpha + 1), 1);
    CHECK(porteous_number(Partition(parts)) == (2L * alpha - 1) * 41 - 2L * (alpha - 1) * (alpha - 1));
  }
}

TEST_CASE("limits: ED degrees out of reach are refused before any work, naming the bound", "[limits][ed_degree]") {
  const Partition big = Partition::parse("3,3,3");  // porteous 203, about 5 s
  REQUIRE(porteous_number(big) == 203);
  CHECK_FALSE(ed_degree_out_of_reach(big).has_value());
  EdDegreeOptions tight;
  tight.max_porteous = 100;
  const auto why = ed_degree_out_of_reach(big, tight);
  REQUIRE(why.has_value());
  CHECK_THAT(*why, Catch::Contains("203") && Catch::Contains("max_porteous = 100"));
  // Refused before the first modular trial (no progress line, no work).
  int calls = 0;
  tight.progress = [&](const Progress&) { ++calls; };
  CHECK_THROWS_AS(ed_degree(big, InnerProduct::euclidean(9), tight), not_supported);
  CHECK(calls == 0);
  // More than 3 root coordinates and no quotient-ring engine: not supported, whatever the bound.
  const auto four = ed_degree_out_of_reach(Partition::parse("2,2,2,2,1,1,1"));
  REQUIRE(four.has_value());
  CHECK_THAT(*four, Catch::Contains("4 root coordinates"));
}

TEST_CASE("limits: ED-degree table plans say what a table would take", "[limits][ed_degree]") {
  const EdDegreeTablePlan four = ed_degree_table_plan(4);
  CHECK(four.scanned);
  CHECK(four.loci == 5);
  CHECK(four.within_reach());
  CHECK(four.largest_porteous == 13);  // Delta(2,2), Section 7.3
  // Issue 15: `ed-degree --degree 41` ran past 20 s without a word.
  const EdDegreeTablePlan p41 = ed_degree_table_plan(41);
  CHECK(p41.scanned);
  CHECK(p41.loci == 44583);  // p(41)
  CHECK(p41.unsupported + p41.over_limit + 42 == p41.loci);
  CHECK(p41.over_limit == 1960);
  CHECK(p41.largest_porteous == 24340302);
  CHECK_FALSE(p41.within_reach());
  CHECK_THAT(p41.summary(), Catch::Contains("44583 loci") && Catch::Contains("out of reach"));
  CHECK_THROWS_WITH(ed_degree_table(41, "euclidean"), Catch::Contains("44583 loci"));
  // p(70) = 4087968 loci: not even scanned.
  const EdDegreeTablePlan p70 = ed_degree_table_plan(70);
  CHECK_FALSE(p70.scanned);
  CHECK(p70.loci == 4087968);
  CHECK_THAT(p70.summary(), Catch::Contains("4087968 loci"));
  CHECK_FALSE(ed_degree_table_plan(1000).scanned);
  CHECK_THROWS_AS(ed_degree_table_plan(0), invalid_argument);
}

// The progress reports themselves (counts, phases) are checked in test_progress.cpp.

TEST_CASE("limits: inner products of absurd degree are refused with the size", "[limits][inner_product]") {
  CHECK_THROWS_WITH(InnerProduct::euclidean(kMaxInnerProductDegree + 1), Catch::Contains("above the limit 1024"));
  CHECK_THROWS_AS(InnerProduct::bombieri(1000000), invalid_argument);
  CHECK_THROWS_AS(InnerProduct::parse("euclidean", 1000000), invalid_argument);
  CHECK_THROWS_AS(InnerProduct::euclidean(-1), invalid_argument);
  CHECK(InnerProduct::euclidean(64).degree() == 64);
}
