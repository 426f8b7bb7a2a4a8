// Progress reports of the long computations of the critical layer (issue 13,
// item 4; contract in progress.hpp): within a phase the counts never decrease,
// start at 0 and end at the total; the reports say which locus and stage.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/function_space_minimum.hpp"
#include "lcngeom/progress.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// Records every report and checks the contract phase by phase.
struct Recorder {
  std::vector<Progress> reports;
  ProgressCallback callback() {
    return [this](const Progress& p) { reports.push_back(p); };
  }
  // The phases in the order they started, each checked: monotone counts from
  // 0 to its total, total fixed.
  std::vector<std::string> check() const {
    std::vector<std::string> phases;
    std::map<std::string, std::vector<const Progress*>> by_phase;
    for (const Progress& p : reports) {
      if (by_phase.find(p.phase) == by_phase.end()) phases.push_back(p.phase);
      by_phase[p.phase].push_back(&p);
    }
    for (const auto& [phase, ps] : by_phase) {
      INFO("phase " << phase);
      REQUIRE_FALSE(ps.empty());
      CHECK(ps.front()->done == 0);
      CHECK(ps.back()->done == ps.back()->total);
      for (std::size_t i = 1; i < ps.size(); ++i) {
        CHECK(ps[i]->done >= ps[i - 1]->done);
        CHECK(ps[i]->total == ps.front()->total);
        CHECK(ps[i]->done <= ps[i]->total);
      }
    }
    return phases;
  }
};

}  // namespace

TEST_CASE("progress: ed_degree counts its modular trials up to the total", "[progress][ed_degree]") {
  Recorder rec;
  EdDegreeOptions o;
  o.trials = 3;
  o.progress = rec.callback();
  CHECK(ed_degree(Partition::parse("2,2"), InnerProduct::euclidean(4), o).ed_degree == 13);  // Section 7.3
  const std::vector<std::string> phases = rec.check();
  REQUIRE(phases == std::vector<std::string>{"Delta(2,2): modular count"});
  REQUIRE(rec.reports.size() == 4);  // before each trial, and when all are done
  for (std::size_t t = 0; t < 4; ++t) {
    CHECK(rec.reports[t].done == t);
    CHECK(rec.reports[t].total == 3);
  }
  CHECK_THAT(rec.reports[0].item, Catch::Contains("13"));  // the Thom-Porteous bound of (2,2)
}

TEST_CASE("progress: critical_points reports its cells, then its orbits", "[progress][critical]") {
  Recorder rec;
  CriticalPointOptions c;
  c.progress = rec.callback();
  const CriticalPointSet r =
      critical_points(Partition::parse("2,2"), BinaryForm{2, 0, 5, 0, 2}, InnerProduct::euclidean(4), c);
  CHECK(r.complex_count == 13);
  const std::vector<std::string> phases = rec.check();
  REQUIRE(phases == std::vector<std::string>{"Delta(2,2): eliminating in cell",
                                             "Delta(2,2): certifying the real points of orbit"});
  // The orbit phase counts exactly the orbits; the cell phase at least one cell.
  CHECK(rec.reports.back().total == r.orbits.size());
  CHECK(rec.reports.front().total >= 1);
  CHECK_THAT(rec.reports.front().item, Catch::Contains("["));  // the cell's name
}

TEST_CASE("progress: minimum_on_function_space counts the loci it searches", "[progress][critical]") {
  // x^2 + y^2 is outside M_(2,2) (real roots only): the search runs over Delta_(2).
  const Architecture arch{2, 2};
  const BinaryForm u{1, 0, 1};
  Recorder rec;
  FunctionSpaceMinimumOptions o;
  o.progress = rec.callback();
  const FunctionSpaceMinimum with = minimum_on_function_space(arch, u, InnerProduct::euclidean(2), o);
  const FunctionSpaceMinimum without = minimum_on_function_space(arch, u, InnerProduct::euclidean(2));
  CHECK(with.value == without.value);
  CHECK(with.searched == without.searched);
  const std::vector<std::string> phases = rec.check();
  REQUIRE(phases.size() == 1);
  CHECK_THAT(phases[0], Catch::Contains("k=(2,2)"));
  CHECK(rec.reports.back().total == with.searched.size() + with.unsupported.size());
  // The solver's stages appear as the item of the locus in progress.
  bool stage = false;
  for (const Progress& p : rec.reports) stage = stage || p.item.find("eliminating in cell") != std::string::npos;
  CHECK(stage);

  // A target inside M: nothing to search, no report.
  Recorder inside;
  o.progress = inside.callback();
  minimum_on_function_space(arch, BinaryForm{1, 0, -1}, InnerProduct::euclidean(2), o);
  CHECK(inside.reports.empty());
}
