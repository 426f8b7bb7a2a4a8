// python/src/bind_experiments.cpp -- gradient descent (Section 7, Appendix A)
// and the experiments of Tables 1 and 2 with their three classifications of
// every limit; per-run records come out as numpy arrays.
#include <pybind11/numpy.h>

#include <algorithm>

#include "common.hpp"
#include "lcngeom/gd_experiments.hpp"
#include "lcngeom/gradient_descent.hpp"
#include "lcngeom/limit_certificate.hpp"

namespace lcngeom_python {
using namespace pybind11::literals;

using namespace lcngeom;

namespace {

DescentOptions descent_options(double step, double tolerance, long max_iterations, const std::string& method,
                               const std::string& gradient) {
  DescentOptions o;
  o.step = step;
  o.tolerance = tolerance;
  o.max_iterations = max_iterations;
  o.method = parse_descent_method(method);
  o.gradient = parse_gradient_convention(gradient);
  o.validate();
  return o;
}

py::array_t<double> vector_array(const std::vector<double>& v) {
  py::array_t<double> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

py::list filter_arrays(const FilterSet<double>& theta) {
  py::list l;
  for (const auto& w : theta) l.append(vector_array(w));
  return l;
}

std::vector<double> flatten(const FilterSet<double>& theta) {
  std::vector<double> v;
  for (const auto& w : theta) v.insert(v.end(), w.begin(), w.end());
  return v;
}

// rows x cols float64 array from equally long rows.
py::array_t<double> matrix_array(const std::vector<std::vector<double>>& rows, std::size_t cols) {
  py::array_t<double> a({static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(cols)});
  double* out = a.mutable_data();
  for (const auto& r : rows) {
    std::fill(out, out + cols, std::numeric_limits<double>::quiet_NaN());
    std::copy(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(std::min(cols, r.size())), out);
    out += cols;
  }
  return a;
}

template <class T, class F>
py::array_t<T> column(const std::vector<const RunRecord*>& rs, F get) {
  py::array_t<T> a(static_cast<py::ssize_t>(rs.size()));
  T* out = a.mutable_data();
  for (const RunRecord* r : rs) *out++ = static_cast<T>(get(*r));
  return a;
}

template <class F>
py::object string_column(const std::vector<const RunRecord*>& rs, F get) {
  py::list l;
  for (const RunRecord* r : rs) l.append(get(*r));
  return py::module_::import("numpy").attr("array")(l, "dtype"_a = "str");
}

std::string optional_rrmp(const std::optional<Rrmp>& r) { return r ? r->to_string() : ""; }

std::int8_t tri(const std::optional<bool>& b) { return b ? (*b ? 1 : 0) : -1; }

// Records of one architecture as a dict of numpy arrays (one entry per run).
py::dict record_arrays(const std::vector<const RunRecord*>& rs) {
  py::dict d;
  d["dataset"] = column<std::int64_t>(rs, [](const RunRecord& r) { return r.dataset; });
  d["init"] = column<std::int64_t>(rs, [](const RunRecord& r) { return r.init; });
  d["norm"] = string_column(rs, [](const RunRecord& r) { return r.norm; });
  d["status"] = string_column(rs, [](const RunRecord& r) { return std::string(to_string(r.result.status)); });
  d["converged"] = column<bool>(rs, [](const RunRecord& r) { return r.converged(); });
  d["iterations"] = column<std::int64_t>(rs, [](const RunRecord& r) { return r.result.iterations; });
  d["gradient_norm2"] = column<double>(rs, [](const RunRecord& r) { return r.result.gradient_norm2; });
  d["loss"] = column<double>(rs, [](const RunRecord& r) { return r.result.loss; });
  d["loss_per_sample"] = column<double>(rs, [](const RunRecord& r) { return r.loss_per_sample; });
  std::size_t k = 0, params = 0;
  std::vector<std::vector<double>> target, wbar, theta0, theta;
  for (const RunRecord* r : rs) {
    target.push_back(r->target);
    wbar.push_back(r->wbar);
    theta0.push_back(flatten(r->theta0));
    theta.push_back(flatten(r->result.theta));
    k = std::max({k, r->target.size(), r->wbar.size()});
    params = std::max(params, theta0.back().size());
  }
  d["target"] = matrix_array(target, k);
  d["wbar"] = matrix_array(wbar, k);
  d["theta0"] = matrix_array(theta0, params);
  d["theta"] = matrix_array(theta, params);
  d["target_class"] = string_column(rs, [](const RunRecord& r) { return optional_rrmp(r.target_class); });
  d["init_class"] = string_column(rs, [](const RunRecord& r) { return optional_rrmp(r.init_class); });
  d["rule_a"] = string_column(rs, [](const RunRecord& r) { return optional_rrmp(r.rule_a); });
  d["exact_float"] = string_column(rs, [](const RunRecord& r) { return optional_rrmp(r.exact_float); });
  d["certified"] = column<bool>(rs, [](const RunRecord& r) { return r.certified.certified; });
  d["certified_rrmp"] = string_column(
      rs, [](const RunRecord& r) { return r.certified.certified ? r.certified.rrmp.to_string() : std::string(); });
  d["certified_reason"] = string_column(rs, [](const RunRecord& r) { return r.certified.reason; });
  d["certified_loss"] = column<double>(rs, [](const RunRecord& r) {
    return r.certified.certified ? r.certified.loss.mid_double() : std::numeric_limits<double>::quiet_NaN();
  });
  d["point_index"] = column<std::int64_t>(rs, [](const RunRecord& r) {
    return r.certified.certified ? static_cast<std::int64_t>(r.certified.point_index) : std::int64_t{-1};
  });
  d["global_minimum"] = column<std::int8_t>(rs, [](const RunRecord& r) { return tri(r.certified.global_minimum); });
  d["pure"] = column<std::int8_t>(rs, [](const RunRecord& r) { return tri(r.certified.pure); });
  d["is_target"] = column<bool>(rs, [](const RunRecord& r) { return r.certified.is_target; });
  d["compatible"] = column<bool>(rs, [](const RunRecord& r) { return r.certified.compatible; });
  return d;
}

std::vector<const RunRecord*> select(const std::vector<RunRecord>& records, const std::vector<int>& filters) {
  std::vector<const RunRecord*> rs;
  for (const RunRecord& r : records)
    if (r.filters == filters) rs.push_back(&r);
  return rs;
}

py::dict tally_dict(const CertificationTally& t) {
  py::dict d;
  d["certified"] = t.certified;
  d["agree"] = t.agree;
  d["disagree"] = t.disagree;
  d["uncertified"] = t.uncertified;
  d["reasons"] = t.reasons;
  d["certified_rrmps"] = t.certified_rrmps;
  d["global_minima"] = t.global_minima;
  d["not_global_minima"] = t.not_global_minima;
  d["global_minimum_undecided"] = t.global_minimum_undecided;
  d["pure"] = t.pure;
  d["spurious"] = t.spurious;
  d["reached_target"] = t.reached_target;
  d["incompatible"] = t.incompatible;
  return d;
}

py::dict table1_dict(const Table1Architecture& a) {
  py::dict d;
  d["filters"] = a.filters;
  d["kernel"] = a.kernel;
  d["datasets"] = a.datasets;
  d["converged"] = a.converged;
  d["not_converged"] = a.not_converged;
  d["diverged"] = a.diverged;
  d["init_distribution"] = a.init_distribution;
  py::list targets;
  for (const TargetGroup& t : a.targets) {
    py::dict td;
    td["target"] = t.target;
    td["runs"] = t.runs;
    td["converged"] = t.converged;
    py::list inits;
    for (const InitGroup& g : t.inits) {
      py::dict gd;
      gd["init"] = g.init;
      gd["runs"] = g.runs;
      gd["converged"] = g.converged;
      py::list sols;
      for (const SolutionCell& s : g.solutions) {
        py::dict sd;
        sd["solution"] = s.solution;
        sd["runs"] = s.runs;
        sd["mean_loss"] = s.loss.mean;
        sd["median_loss"] = s.loss.median;
        sd["certified"] = tally_dict(s.b);
        sd["exact_float"] = s.exact_float;
        sols.append(sd);
      }
      gd["solutions"] = sols;
      inits.append(gd);
    }
    td["inits"] = inits;
    targets.append(td);
  }
  d["targets"] = targets;
  d["certification"] = tally_dict(a.b);
  d["descent_seconds"] = a.descent_seconds;
  d["classify_seconds"] = a.classify_seconds;
  d["exact_seconds"] = a.exact_seconds;
  return d;
}

ProtocolOptions protocol(std::uint64_t seed, int samples, unsigned threads, bool certify, bool decide_global_minimum,
                         const DescentOptions& descent) {
  ProtocolOptions p;
  p.seed = seed;
  p.samples = samples;
  p.threads = threads;
  p.certify = certify;
  p.certificate.decide_global_minimum = decide_global_minimum;
  p.descent = descent;
  return p;
}

}  // namespace

void bind_experiments(py::module_& m) {
  m.def("paper_architectures", &paper_architectures, "The five non-filling architectures of Example 4.6.");
  m.def(
      "descend",
      [](const std::vector<std::vector<double>>& sigma, const std::vector<double>& target,
         const FilterSet<double>& theta0, double step, double tolerance, long max_iterations, const std::string& method,
         const std::string& gradient, bool history) {
        const DescentOptions o = descent_options(step, tolerance, max_iterations, method, gradient);
        QuadraticLoss<double> loss;
        const std::size_t k = target.size();
        if (sigma.size() != k)
          throw invalid_argument("descend: Sigma has " + std::to_string(sigma.size()) + " rows, the target has size " +
                                 std::to_string(k));
        for (const auto& row : sigma) {
          if (row.size() != k) throw invalid_argument("descend: Sigma is not k x k (k = " + std::to_string(k) + ")");
          loss.sigma.insert(loss.sigma.end(), row.begin(), row.end());
        }
        loss.target = target;
        loss.c.assign(k, 0.0);
        for (std::size_t i = 0; i < k; ++i)
          for (std::size_t j = 0; j < k; ++j) loss.c[i] += loss.sigma[i * k + j] * target[j];
        std::vector<double> g2s;
        DescentResult<double> r;
        {
          py::gil_scoped_release release;
          if (history)
            r = descend(loss, theta0, o, [&](long, const FilterSet<double>&, double g2) { g2s.push_back(g2); });
          else r = descend(loss, theta0, o);
        }
        py::dict d;
        d["theta"] = filter_arrays(r.theta);
        d["wbar"] = vector_array(end_to_end_filter(r.theta));
        d["iterations"] = r.iterations;
        d["status"] = std::string(to_string(r.status));
        d["gradient_norm2"] = r.gradient_norm2;
        d["loss"] = r.loss;
        d["gradient_evaluations"] = r.gradient_evaluations;
        if (history) d["gradient_norm2_history"] = vector_array(g2s);
        return d;
      },
      py::arg("sigma"), py::arg("target"), py::arg("theta0"), py::arg("step") = 0.01, py::arg("tolerance") = 1e-14,
      py::arg("max_iterations") = 15000, py::arg("method") = "gd", py::arg("gradient") = "true",
      py::arg("history") = false,
      "Gradient descent ('gd') or flow ('flow') on (w - u)^T Sigma (w - u) o mu from theta0 (Section 7.1).");

  m.def(
      "table1_dataset",
      [](const std::vector<int>& filters, std::uint64_t seed, std::size_t index, int samples) {
        const Table1Dataset ds = table1_dataset(filters, seed, index, samples);
        const std::size_t n = static_cast<std::size_t>(samples), k = ds.x.size() / n;
        py::array_t<double> x({static_cast<py::ssize_t>(k), static_cast<py::ssize_t>(n)});
        std::copy(ds.x.begin(), ds.x.end(), x.mutable_data());
        return py::make_tuple(x, vector_array(ds.y), filter_arrays(ds.theta0));
      },
      py::arg("filters"), py::arg("seed") = 1, py::arg("index") = 0, py::arg("samples") = 10,
      "(X (k x N), Y (N), theta0) of Table 1's dataset `index`, from its reproducible streams.");
  m.def("table2_target", &table2_target, py::arg("filters"), py::arg("seed"), py::arg("index"));

  py::class_<Table1Result>(m, "Table1Result")
      .def_property_readonly("architectures",
                             [](const Table1Result& r) {
                               py::list l;
                               for (const auto& a : r.architectures) l.append(table1_dict(a));
                               return l;
                             })
      .def_property_readonly("record_count", [](const Table1Result& r) { return r.records.size(); })
      .def(
          "records",
          [](const Table1Result& r, const std::vector<int>& f) { return record_arrays(select(r.records, f)); },
          py::arg("filters"), "Per-run records of one architecture as a dict of numpy arrays.");
  m.def(
      "run_table1",
      [](const std::vector<std::vector<int>>& architectures, std::size_t datasets, std::uint64_t seed, int samples,
         unsigned threads, bool certify, bool decide_global_minimum, double step, double tolerance,
         long max_iterations) {
        Table1Options o;
        o.architectures = architectures;
        o.datasets = datasets;
        o.protocol = protocol(seed, samples, threads, certify, decide_global_minimum,
                              descent_options(step, tolerance, max_iterations, "gd", "true"));
        o.validate();
        py::gil_scoped_release release;
        return run_table1(o);
      },
      py::arg("architectures") = paper_architectures(), py::arg("datasets") = 100, py::arg("seed") = 1,
      py::arg("samples") = 10, py::arg("threads") = 0, py::arg("certify") = true,
      py::arg("decide_global_minimum") = false, py::arg("step") = 0.01, py::arg("tolerance") = 1e-14,
      py::arg("max_iterations") = 15000,
      "Table 1 (Section 7.1) with rule (a), certified (b) and exact-float (c) classifications.");

  py::class_<Table2Result>(m, "Table2Result")
      .def_property_readonly("cells",
                             [](const Table2Result& r) {
                               py::list l;
                               for (const Table2Cell& c : r.cells) {
                                 py::dict d;
                                 d["filters"] = c.filters;
                                 d["norm"] = c.norm;
                                 d["targets"] = c.targets;
                                 d["runs"] = c.runs;
                                 d["converged"] = c.converged;
                                 d["distinct_rule"] = c.distinct_rule;
                                 d["distinct_exact"] = c.distinct_exact;
                                 d["targets_uncertified"] = c.targets_uncertified;
                                 d["disagreements"] = c.disagreements;
                                 d["certification"] = tally_dict(c.b);
                                 l.append(d);
                               }
                               return l;
                             })
      .def(
          "records",
          [](const Table2Result& r, const std::vector<int>& f, const std::string& norm) {
            std::vector<const RunRecord*> rs;
            for (const RunRecord* x : select(r.records, f))
              if (x->norm == norm) rs.push_back(x);
            return record_arrays(rs);
          },
          py::arg("filters"), py::arg("norm"));
  m.def(
      "run_table2",
      [](const std::vector<std::vector<int>>& architectures, std::size_t targets, std::size_t inits,
         const std::vector<std::string>& norms, std::uint64_t seed, unsigned threads, bool certify) {
        Table2Options o;
        o.architectures = architectures;
        o.targets = targets;
        o.inits = inits;
        o.norms = norms;
        o.protocol = protocol(seed, 10, threads, certify, false, DescentOptions{});
        o.validate();
        py::gil_scoped_release release;
        return run_table2(o);
      },
      py::arg("architectures") = paper_architectures(), py::arg("targets") = 10, py::arg("inits") = 5,
      py::arg("norms") = std::vector<std::string>{"euclidean", "bombieri"}, py::arg("seed") = 1, py::arg("threads") = 0,
      py::arg("certify") = true, "Table 2 (Section 7.2).");
}

}  // namespace lcngeom_python
