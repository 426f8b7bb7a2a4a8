// The experiments of Sections 7.1/7.2 (gd_experiments.hpp): independence of
// the thread count, reproducible seeds and replays, the Table 1/2 summaries,
// the plumbing of classifications (b) and (c), bad options.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <tuple>

#include "support.hpp"

using namespace lcngeom;

namespace {

bool same_bits(const FilterSet<double>& a, const FilterSet<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t l = 0; l < a.size(); ++l)
    if (a[l].size() != b[l].size() || std::memcmp(a[l].data(), b[l].data(), sizeof(double) * a[l].size()) != 0)
      return false;
  return true;
}

std::string show(const std::optional<Rrmp>& r) { return r ? r->to_string() : "-"; }

void require_same_records(const std::vector<RunRecord>& a, const std::vector<RunRecord>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("record " << i);
    CHECK(a[i].dataset == b[i].dataset);
    CHECK(a[i].init == b[i].init);
    CHECK(a[i].norm == b[i].norm);
    CHECK(a[i].result.status == b[i].result.status);
    CHECK(a[i].result.iterations == b[i].result.iterations);
    CHECK(same_bits(a[i].result.theta, b[i].result.theta));
    CHECK(show(a[i].rule_a) == show(b[i].rule_a));
    CHECK(show(a[i].exact_float) == show(b[i].exact_float));
    CHECK(show(a[i].target_class) == show(b[i].target_class));
    CHECK(show(a[i].init_class) == show(b[i].init_class));
    CHECK(a[i].certified.reason == b[i].certified.reason);
    CHECK(a[i].certified.certified == b[i].certified.certified);
    CHECK(a[i].certified.rrmp == b[i].certified.rrmp);
  }
}

}  // namespace

TEST_CASE("Table 1 does not depend on the number of threads", "[experiments][threads]") {
  Table1Options o;
  o.architectures = {{2, 2}, {3, 2, 2}};
  o.datasets = 300;
  o.protocol.seed = test::seed();
  o.protocol.threads = 1;
  const Table1Result one = run_table1(o);
  for (unsigned t : {2u, 3u, 5u}) {
    o.protocol.threads = t;
    const Table1Result many = run_table1(o);
    require_same_records(one.records, many.records);
    REQUIRE(many.architectures.size() == 2);
    CHECK(many.architectures[1].converged == one.architectures[1].converged);
  }
}

TEST_CASE("Table 2 does not depend on the number of threads", "[experiments][threads]") {
  Table2Options o;
  o.architectures = {{2, 2, 2}};
  o.targets = 12;
  o.inits = 7;
  o.protocol.seed = test::seed();
  o.protocol.threads = 1;
  const Table2Result one = run_table2(o);
  o.protocol.threads = 4;
  const Table2Result many = run_table2(o);
  require_same_records(one.records, many.records);
  REQUIRE(one.cells.size() == 2);
  CHECK(one.cells[0].distinct_rule == many.cells[0].distinct_rule);
  CHECK(one.cells[1].distinct_rule == many.cells[1].distinct_rule);
}

TEST_CASE("seeds: a run is reproducible and replayable from its dataset alone", "[experiments][seed]") {
  const std::vector<int> k{4, 2};
  const Table1Dataset a = table1_dataset(k, 42, 7), b = table1_dataset(k, 42, 7), c = table1_dataset(k, 43, 7),
                      d = table1_dataset(k, 42, 8);
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  CHECK(same_bits(a.theta0, b.theta0));
  CHECK(a.x != c.x);
  CHECK(a.x != d.x);
  CHECK(a.x.size() == 50);
  CHECK(a.y.size() == 10);
  // The same architecture name with another filter order is another stream.
  CHECK(table1_dataset(std::vector<int>{2, 4}, 42, 7).x != a.x);
  Table1Options o;
  o.architectures = {k};
  o.datasets = 20;
  o.protocol.seed = 42;
  o.protocol.certify = false;
  const Table1Result r = run_table1(o);
  REQUIRE(r.records.size() == 20);
  const RunRecord& rec = r.records[7];
  CHECK(same_bits(rec.theta0, a.theta0));
  const auto replay = descend<double>(quadratic_loss_from_data(a.x, a.y, 5), a.theta0, o.protocol.descent);
  CHECK(replay.status == rec.result.status);
  CHECK(replay.iterations == rec.result.iterations);
  CHECK(same_bits(replay.theta, rec.result.theta));
  // Table 2: targets and initialisations from their own streams; both norms share them.
  CHECK(table2_target(k, 1, 3) == table2_target(k, 1, 3));
  CHECK(table2_target(k, 1, 3) != table2_target(k, 1, 4));
  CHECK(same_bits(table2_init(k, 1, 3, 2), table2_init(k, 1, 3, 2)));
  CHECK_FALSE(same_bits(table2_init(k, 1, 3, 2), table2_init(k, 1, 3, 1)));
}

TEST_CASE("Table 1 summary: counts add up, groups in the paper's order, exact classes", "[experiments]") {
  Table1Options o;
  o.architectures = {{2, 2, 2}};
  o.datasets = 400;
  o.protocol.seed = test::seed();
  o.protocol.certificate.decide_global_minimum = false;  // the cheap rules only
  const Table1Result r = run_table1(o);
  REQUIRE(r.architectures.size() == 1);
  const Table1Architecture& a = r.architectures[0];
  CHECK(a.datasets == 400);
  CHECK(a.converged + a.not_converged + a.diverged == 400);
  std::size_t runs = 0, conv = 0, cells = 0;
  std::vector<std::string> order;
  for (const TargetGroup& t : a.targets) {
    order.push_back(t.target);
    runs += t.runs;
    conv += t.converged;
    for (const InitGroup& g : t.inits) {
      std::size_t in_cells = 0;
      for (const SolutionCell& c : g.solutions) {
        in_cells += c.runs;
        CHECK(c.loss.count == c.runs);
        CHECK(c.loss_per_sample.mean == Approx(c.loss.mean / 10));
        CHECK(c.loss.median <= c.loss.mean * 10 + 1e-300);
        // (b): every converged run certified or said why not; (a) and (b) compared.
        CHECK(c.b.certified + c.b.uncertified == c.runs);
        CHECK(c.b.agree + c.b.disagree == c.b.certified);
        std::size_t by_rrmp = 0;
        for (const auto& [rr, n] : c.b.certified_rrmps) by_rrmp += n;
        CHECK(by_rrmp == c.b.certified);
      }
      CHECK(in_cells == g.converged);
      cells += in_cells;
    }
  }
  CHECK(runs == 400);
  CHECK(conv == a.converged);
  CHECK(cells == a.converged);
  // Targets of a cubic: 111|0 and 1|1, in the paper's order (Example 3.3).
  CHECK(order == std::vector<std::string>{"111|0", "1|1"});
  // Inside M (111|0 targets) the converged solutions reach u: loss ~ 0 and rrmp 111|0.
  const TargetGroup& inside = a.targets[0];
  for (const InitGroup& g : inside.inits)
    for (const SolutionCell& c : g.solutions)
      if (c.solution == "111|0") CHECK(c.loss.median < 1e-12);
  // Outside (1|1) gradient descent ends on the discriminant: 12|0 or 3|0 by rule (a).
  for (const InitGroup& g : a.targets[1].inits)
    for (const SolutionCell& c : g.solutions)
      if (c.runs > 5) CHECK((c.solution == "12|0" || c.solution == "3|0"));
  // The exact target class is the rrmp of u = YX^T (XX^T)^{-1} computed exactly.
  const RunRecord& rec = r.records[0];
  const Table1Dataset ds = table1_dataset(std::vector<int>{2, 2, 2}, o.protocol.seed, 0);
  std::vector<std::vector<Rational>> X(4), Y(1);
  for (int i = 0; i < 4; ++i)
    for (int s = 0; s < 10; ++s)
      X[static_cast<std::size_t>(i)].push_back(exact_rational(ds.x[static_cast<std::size_t>(i * 10 + s)]));
  for (double y : ds.y) Y[0].push_back(exact_rational(y));
  const FilterSquareLoss ex = filter_square_loss(RatMatrix(X), RatMatrix(Y), 4);
  CHECK(rec.target_class == rrmp(ex.target));
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(rec.target[i] == Approx(ex.target.coefficients()[i].to_double()).epsilon(1e-12));
  // (c) almost always has simple roots: the float point is generic.
  CHECK(a.exact_float_computed == a.converged);
  // (b): almost every converged run is certified (all of them for the seeds
  // tried); Corollary 5.5 holds for every certified limit.
  CHECK(a.b.certified + a.b.uncertified == a.converged);
  CHECK(a.b.certified * 10 >= a.converged * 9);
  CHECK(a.b.incompatible == 0);
  CHECK(a.b.global_minima + a.b.not_global_minima + a.b.global_minimum_undecided == a.b.certified);
  for (const RunRecord& x : r.records) {
    INFO("dataset " << x.dataset);
    if (!x.converged()) {
      CHECK_FALSE(x.certified.certified);
      CHECK(x.certified.reason == (x.result.status == DescentStatus::diverged ? "run diverged" : "run did not converge"));
      continue;
    }
    if (!x.certified.certified) {
      CHECK_FALSE(x.certified.reason.empty());
      continue;
    }
    const CertifiedLimit& c = x.certified;
    CHECK(c.compatible);
    CHECK(c.pure.has_value());  // a limit of a run lies in M_k: pure or spurious
    // The certified ball holds the float limit: |wbar - w*| <= distance_bound < r/3.
    CHECK(c.distance_bound * Rational(3L) < c.radius);
    for (std::size_t i = 0; i < x.wbar.size(); ++i)
      CHECK(std::abs(x.wbar[i] - c.point[i].mid_double()) <= c.distance_bound.to_double() * 1.01 + 1e-300);
    // w* = u exactly when the target is inside M (111|0): the run reached it.
    if (show(x.target_class) == "111|0" && c.rrmp.to_string() == "111|0") {
      CHECK(c.is_target);
      REQUIRE(c.exact_point.has_value());
      REQUIRE(c.loss_exact.has_value());
      CHECK(c.loss_exact->is_zero());
      CHECK(c.global_minimum == std::optional<bool>(true));
    }
    // Targets 1|1 lie outside M: the limit is on the discriminant, 12|0 or 3|0 exactly.
    if (show(x.target_class) == "1|1") {
      CHECK_FALSE(c.is_target);
      CHECK((c.rrmp.to_string() == "12|0" || c.rrmp.to_string() == "3|0"));
      CHECK(c.pure == std::optional<bool>(true));
    }
  }
}

TEST_CASE("classification (b) of Section 7.3's limit: w* = 2x^4 + 5x^2y^2 exactly, where rule (a) says 11|1",
          "[experiments][certified][paper]") {
  std::vector<double> I(25, 0.0);
  for (int i = 0; i < 5; ++i) I[static_cast<std::size_t>(i * 6)] = 1;
  const auto loss = quadratic_loss_from_target<double>(I, {2, 0, 5, 0, 2});
  DescentOptions o;
  o.method = DescentMethod::gradient_flow;
  o.max_iterations = 1000000;
  const auto r = descend<double>(loss, {{1, 6, 11, 6}, {4, 1}}, o);
  REQUIRE(r.status == DescentStatus::converged);
  const LimitCertifier cert(Architecture({4, 2}), BinaryForm{2, 0, 5, 0, 2}, InnerProduct::euclidean(4));
  Filters theta;
  for (const auto& w : r.theta) {
    theta.emplace_back();
    for (double x : w) theta.back().push_back(exact_rational(x));
  }
  const CertifiedLimit c = cert.certify(theta);
  REQUIRE(c.certified);
  CHECK(c.rrmp.to_string() == "2|1");
  REQUIRE(c.exact_point.has_value());
  CHECK(*c.exact_point == (BinaryForm{2, 0, 5, 0, 0}));
  REQUIRE(c.loss_exact.has_value());
  CHECK(*c.loss_exact == Rational(4L));
  CHECK(c.global_minimum == std::optional<bool>(true));
  CHECK(c.pure == std::optional<bool>(true));
  CHECK(c.compatible);
  // Rule (a) is relative: the double root at t = 0 splits into two "distinct" roots.
  CHECK(tolerance_rrmp(r.theta)->to_string() == "11|1");
}

TEST_CASE("Table 2 summary: distinct solutions by the paper's rule", "[experiments]") {
  Table2Options o;
  o.architectures = {{2, 2}};
  o.targets = 40;
  o.inits = 10;
  o.protocol.seed = test::seed();
  o.protocol.certificate.decide_global_minimum = false;
  const Table2Result r = run_table2(o);
  REQUIRE(r.cells.size() == 2);
  for (const Table2Cell& c : r.cells) {
    CHECK(c.runs == 400);
    CHECK(c.converged + c.not_converged + c.diverged == 400);
    std::size_t targets = c.targets_without_converged_run;
    for (const auto& [n, t] : c.distinct_rule) {
      CHECK(n >= 1);
      CHECK(n <= 10);
      targets += t;
    }
    CHECK(targets == 40);
    // Exact counts (distinct certified points) over the targets all of whose
    // converged runs are certified; the disagreements with the rule are counted.
    std::size_t exact_targets = 0;
    for (const auto& [n, t] : c.distinct_exact) {
      CHECK(n >= 1);
      exact_targets += t;
    }
    CHECK(exact_targets + c.targets_uncertified + c.targets_without_converged_run == 40);
    CHECK(c.targets_uncertified <= 2);
    CHECK(c.disagreements <= exact_targets);
    CHECK(c.b.incompatible == 0);
  }
  // Bombieri on (2,2): one distinct certified point per target, exactly.
  CHECK(r.cells[1].distinct_exact.size() == 1);
  CHECK(r.cells[1].distinct_exact.count(1) == 1);
  // point_index identifies w* within one (target, norm): runs with the same index
  // have the same exact rrmp.
  std::map<std::tuple<std::size_t, std::string, std::size_t>, std::string> seen;
  for (const RunRecord& x : r.records) {
    if (!x.certified.certified) continue;
    const auto key = std::make_tuple(x.dataset, x.norm, x.certified.point_index);
    const auto [it, fresh] = seen.emplace(key, x.certified.rrmp.to_string());
    if (!fresh) CHECK(it->second == x.certified.rrmp.to_string());
  }
  CHECK(r.cells[0].norm == "euclidean");
  CHECK(r.cells[1].norm == "bombieri");
  // Records: the same targets and initialisations for both norms.
  REQUIRE(r.records.size() == 800);
  CHECK(same_bits(r.records[0].theta0, r.records[400].theta0));
  CHECK(r.records[0].target == r.records[400].target);
  // Section 6.2 for k = (2,2): Bombieri has ED degree 2 on the discriminant, so
  // at most one local minimum: one distinct solution for every target.
  CHECK(r.cells[1].distinct_rule.size() == 1);
  CHECK(r.cells[1].distinct_rule.count(1) == 1);
}

TEST_CASE("bad experiment options throw invalid_argument", "[experiments][errors]") {
  Table1Options o;
  o.datasets = 0;
  CHECK_THROWS_WITH(run_table1(o), Catch::Matchers::Contains("zero datasets"));
  o.datasets = 5;
  o.protocol.descent.step = 0;
  CHECK_THROWS_AS(run_table1(o), invalid_argument);
  o.protocol.descent.step = 0.01;
  o.protocol.samples = 4;  // k = 5 for (4,2): XX^T singular
  o.architectures = {{4, 2}};
  CHECK_THROWS_WITH(run_table1(o), Catch::Matchers::Contains("N = 4"));
  o.protocol.samples = 10;
  o.architectures = {{1}};
  CHECK_THROWS_AS(run_table1(o), invalid_argument);
  o.architectures = {{2, 0}};
  CHECK_THROWS_AS(run_table1(o), invalid_argument);
  o.architectures = {};
  CHECK_THROWS_AS(run_table1(o), invalid_argument);
  Table2Options t;
  t.targets = 0;
  CHECK_THROWS_WITH(run_table2(t), Catch::Matchers::Contains("zero targets"));
  t.targets = 1;
  t.inits = 0;
  CHECK_THROWS_AS(run_table2(t), invalid_argument);
  t.inits = 1;
  t.norms = {"sup"};
  CHECK_THROWS_WITH(run_table2(t), Catch::Matchers::Contains("sup"));
  CHECK_THROWS_AS(table2_sigma("l1", 3), invalid_argument);
  CHECK_THROWS_AS(table1_dataset(std::vector<int>{}, 1, 0), invalid_argument);
  CHECK(resolve_threads(0) >= 1);
  CHECK(resolve_threads(3) == 3);
}

TEST_CASE("progress is reported for every phase and reaches the total", "[experiments]") {
  Table1Options o;
  o.architectures = {{2, 2}};
  o.datasets = 50;
  o.protocol.certify = false;
  std::map<std::string, std::size_t> last;
  o.protocol.progress = [&](const Progress& p) {
    CHECK(p.done <= p.total);
    last[p.phase] = p.done;
  };
  run_table1(o);
  CHECK(last.size() == 3);  // descent, rule (a), exact
  for (const auto& [phase, done] : last) CHECK(done == 50);
}
