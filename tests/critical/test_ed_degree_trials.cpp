// ed_degree cut into (locus, trial) units (lcngeom-mpi, docs/scaling.md):
// ed_degree_trial_inputs reproduces ed_degree's draws, and
// ed_degree_from_trials reassembles its result.
#include <catch2/catch.hpp>

#include <flint/ulong_extras.h>

#include "lcngeom/ed_degree.hpp"
#include "lcngeom/error.hpp"
#include "support.hpp"

using namespace lcngeom;

TEST_CASE("ed_degree_trial_inputs: trial t of ed_degree, computed alone", "[ed_degree][trials]") {
  std::mt19937_64 g = lcngeom::test::rng(1401);
  EdDegreeOptions o;
  o.seed = g();
  o.trials = 3;
  INFO("options.seed = " << o.seed);
  // Loci with one, two and three root coordinates; both products.
  for (const char* text : {"2,1,1,1", "3,1,1", "2,2,1", "3,2", "2,2,2"}) {
    const Partition lambda = Partition::parse(text);
    for (const InnerProduct& sigma :
         {InnerProduct::euclidean(lambda.sum()), InnerProduct::bombieri(lambda.sum())}) {
      INFO(lambda.to_string() << " " << sigma.name());
      const EdDegreeResult whole = ed_degree(lambda, sigma, o);
      std::vector<EdTrial> units;
      for (int t = 0; t < o.trials; ++t) {
        const EdTrialInputs in = ed_degree_trial_inputs(lambda, o, t);
        CHECK(n_is_prime(in.prime));
        CHECK(in.prime >> 61 == 1);  // 62 bits
        REQUIRE(in.target.size() == static_cast<std::size_t>(lambda.sum()) + 1);
        for (std::uint64_t c : in.target) CHECK(c < in.prime);
        units.push_back(count_critical_points_modp(lambda, sigma, in.prime, in.target, in.seed));
        const EdTrial& w = whole.trials[static_cast<std::size_t>(t)];
        CHECK(units.back().prime == w.prime);
        CHECK(units.back().count == w.count);
        CHECK(units.back().eliminant_degree == w.eliminant_degree);
        CHECK(units.back().removed == w.removed);
      }
      // Distinct trials draw distinct primes (a repeat has probability ~2^-56).
      CHECK(units[0].prime != units[1].prime);
      const EdDegreeResult parts = ed_degree_from_trials(lambda, sigma, units);
      CHECK(parts.ed_degree == whole.ed_degree);
      CHECK(parts.porteous == whole.porteous);
      CHECK(parts.inner_product == whole.inner_product);
      CHECK(parts.lambda == whole.lambda);
      CHECK(parts.trials.size() == whole.trials.size());
      CHECK(parts.seconds == Approx(units[0].seconds + units[1].seconds + units[2].seconds));
    }
  }
  // The inputs depend on lambda only through n: (3,2) and (2,2,1) share them.
  const EdTrialInputs a = ed_degree_trial_inputs(Partition::parse("3,2"), o, 1);
  const EdTrialInputs b = ed_degree_trial_inputs(Partition::parse("2,2,1"), o, 1);
  CHECK(a.prime == b.prime);
  CHECK(a.target == b.target);
  CHECK(a.seed == b.seed);
}

TEST_CASE("ed_degree_trial_inputs and ed_degree_from_trials: bad input", "[ed_degree][trials]") {
  const Partition lambda = Partition::parse("2,1");
  const InnerProduct e = InnerProduct::euclidean(3);
  EdDegreeOptions o;
  CHECK_THROWS_AS(ed_degree_trial_inputs(lambda, o, -1), invalid_argument);
  CHECK_THROWS_AS(ed_degree_trial_inputs(lambda, o, o.trials), invalid_argument);
  CHECK_THROWS_AS(ed_degree_from_trials(lambda, e, {}), invalid_argument);
  // Disagreeing counts (planted): the error ed_degree gives, naming both counts and the prime.
  EdTrial x, y;
  x.prime = 1000003;
  x.count = 4;
  y.prime = 1000033;
  y.count = 5;
  CHECK_THROWS_AS(ed_degree_from_trials(lambda, e, {x, y}), domain_error);
  CHECK_THROWS_WITH(ed_degree_from_trials(lambda, e, {x, y}), Catch::Contains("4 vs 5 mod 1000033"));
  CHECK(ed_degree_from_trials(lambda, e, {x, x}).ed_degree == 4);
}
