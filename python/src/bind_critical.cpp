// python/src/bind_critical.cpp -- inner products (Section 6.1), exact critical
// points on multiple root loci (Theorem 5.2, eq. 5.3), ED degrees (Section
// 6.2), the exact minimum on the function space (Section 7.3), parameter
// classification (Section 5.1) and the multiplier polynomial of Example 6.5.
#include <pybind11/operators.h>

#include "common.hpp"
#include "convert.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/function_space_minimum.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/linear_factor_critical.hpp"
#include "lcngeom/parameter_critical.hpp"
#include "lcngeom/quadric_multiplier.hpp"

namespace lcngeom_python {

using namespace lcngeom;

namespace {

// sigma = None means the Euclidean product on forms of the target's degree.
InnerProduct resolve_sigma(const std::optional<InnerProduct>& sigma, const BinaryForm& target) {
  return sigma ? *sigma : InnerProduct::euclidean(target.degree());
}

std::optional<std::string> decision(Decision d) {
  if (d == Decision::undecided) return std::nullopt;
  return d == Decision::yes ? "yes" : "no";
}

py::dict candidate_dict(const FunctionSpaceCandidate& c) {
  py::dict d;
  d["lambda"] = c.lambda;
  d["rrmp"] = c.rrmp;
  d["coefficients"] = c.coefficients;
  d["exact"] = c.exact;
  d["distance_squared"] = c.distance_squared;
  return d;
}

}  // namespace

void bind_critical(py::module_& m) {
  py::class_<InnerProduct>(m, "InnerProduct",
                           "A symmetric positive definite rational matrix Sigma on R[x,y]_n (Section 6.1).")
      .def(py::init<RatMatrix>(), py::arg("matrix"), "Any SPD rational matrix (checked exactly).")
      .def_static("euclidean", &InnerProduct::euclidean, py::arg("n"))
      .def_static("bombieri", &InnerProduct::bombieri, py::arg("n"), "eq. (6.10): diag(1/binom(n, i))")
      .def_static("parse", &InnerProduct::parse, py::arg("text"), py::arg("n"))
      .def_property_readonly("degree", &InnerProduct::degree)
      .def_property_readonly("matrix", &InnerProduct::matrix)
      .def_property_readonly("name", &InnerProduct::name)
      .def("__call__", &InnerProduct::operator(), py::arg("p"), py::arg("q"))
      .def("norm_squared", &InnerProduct::norm_squared, py::arg("p"))
      .def("distance_squared", &InnerProduct::distance_squared, py::arg("p"), py::arg("q"))
      .def("__repr__",
           [](const InnerProduct& s) {
             return "InnerProduct(" + s.name() + ", degree=" + std::to_string(s.degree()) + ")";
           })
      .def(py::self == py::self);

  m.def("is_symmetric_positive_definite", &is_symmetric_positive_definite, py::arg("matrix"));
  m.def("unconstrained_optimum", &unconstrained_optimum, py::arg("x"), py::arg("y"),
        "U = Y X^T (X X^T)^{-1} (eq. 6.1), exact.");
  m.def(
      "data_inner_product", [](const RatMatrix& xxt, int k, int stride) { return data_inner_product(xxt, k, stride); },
      py::arg("xxt"), py::arg("k"), py::arg("stride") = 1, "Sigma = tau(XX^T) (eq. 6.3, 6.4).");
  m.def(
      "filter_square_loss",
      [](const RatMatrix& x, const RatMatrix& y, int k, int stride) {
        FilterSquareLoss f = filter_square_loss(x, y, k, stride);
        return py::make_tuple(f.sigma, f.target, f.constant);
      },
      py::arg("x"), py::arg("y"), py::arg("k"), py::arg("stride") = 1,
      "(Sigma, target form u, constant) with ||W(w)X - Y||^2 = ||w - u||^2_Sigma + constant (eq. 6.3).");

  // ---- critical points on Delta_lambda (Theorem 5.2)
  py::class_<RealCriticalPoint>(m, "RealCriticalPoint", "A real critical point, exact.")
      .def_readonly("orbit", &RealCriticalPoint::orbit)
      .def_readonly("coefficients", &RealCriticalPoint::coefficients, "w_0..w_n as AlgebraicReals")
      .def_readonly("exact", &RealCriticalPoint::exact, "The point as a BinaryForm if rational, else None.")
      .def_readonly("rrmp", &RealCriticalPoint::rrmp)
      .def_readonly("distance_squared", &RealCriticalPoint::distance_squared)
      .def("__repr__", [](const RealCriticalPoint& p) {
        std::string s = "RealCriticalPoint(";
        for (std::size_t i = 0; i < p.coefficients.size(); ++i) s += (i ? ", " : "") + p.coefficients[i].to_decimal(8);
        return s + "; rrmp " + p.rrmp.to_string() + ", distance^2 " + p.distance_squared.to_decimal(8) + ")";
      });
  py::class_<CriticalPointSet>(m, "CriticalPointSet")
      .def_readonly("partition", &CriticalPointSet::lambda)
      .def_readonly("target", &CriticalPointSet::target)
      .def_readonly("inner_product", &CriticalPointSet::inner_product)
      .def_readonly("complex_count", &CriticalPointSet::complex_count)
      .def_readonly("real_count", &CriticalPointSet::real_count)
      .def_readonly("rational_points", &CriticalPointSet::rational_points)
      .def_readonly("real_points", &CriticalPointSet::real_points, "By increasing distance (exact order).")
      .def_property_readonly("orbits",
                             [](const CriticalPointSet& s) {
                               py::list l;
                               for (const CriticalOrbit& o : s.orbits) {
                                 py::dict d;
                                 d["minimal_polynomial"] = rat_poly_list(o.minimal_polynomial);
                                 d["size"] = o.size();
                                 d["real_count"] = o.real_count;
                                 d["cell"] = o.cell;
                                 l.append(d);
                               }
                               return l;
                             })
      .def_readonly("removed", &CriticalPointSet::removed);
  m.def(
      "critical_points",
      [](const Partition& lambda, const BinaryForm& target, const std::optional<InnerProduct>& sigma,
         std::uint64_t seed) {
        const InnerProduct s = resolve_sigma(sigma, target);
        CriticalPointOptions o;
        o.seed = seed;
        py::gil_scoped_release release;
        return critical_points(lambda, target, s, o);
      },
      py::arg("lam"), py::arg("target"), py::arg("sigma") = py::none(), py::arg("seed") = 1,
      "All complex critical points of ||w - u||^2_Sigma on Delta_lambda (pattern exactly lambda), exact.");
  m.def("is_critical_on_locus", &is_critical_on_locus, py::arg("w"), py::arg("target"), py::arg("sigma"));

  // ---- ED degrees (Section 6.2)
  m.def(
      "ed_degree",
      [](const Partition& lambda, const py::object& sigma, std::uint64_t seed, int trials) {
        InnerProduct s = InnerProduct::euclidean(lambda.sum());
        if (py::isinstance<py::str>(sigma)) s = InnerProduct::parse(sigma.cast<std::string>(), lambda.sum());
        else if (!sigma.is_none()) s = sigma.cast<InnerProduct>();
        EdDegreeOptions o;
        o.seed = seed;
        o.trials = trials;
        EdDegreeResult r;
        {
          py::gil_scoped_release release;
          r = ed_degree(lambda, s, o);
        }
        py::dict d;
        d["partition"] = r.lambda;
        d["inner_product"] = r.inner_product;
        d["ed_degree"] = r.ed_degree;
        d["porteous"] = r.porteous;
        py::list primes;
        for (const EdTrial& t : r.trials) primes.append(t.prime);
        d["primes"] = primes;
        d["seconds"] = r.seconds;
        return d;
      },
      py::arg("lam"), py::arg("sigma") = "euclidean", py::arg("seed") = EdDegreeOptions{}.seed, py::arg("trials") = 2,
      "ED degree of Delta_lambda (modular, two agreeing trials): {'ed_degree', 'porteous', ...}. "
      "sigma: 'euclidean' | 'bombieri' | InnerProduct.");
  m.def(
      "ed_degree_table",
      [](int n, const std::string& norm, std::uint64_t seed) {
        EdDegreeOptions o;
        o.seed = seed;
        std::vector<EdDegreeResult> rows;
        {
          py::gil_scoped_release release;
          rows = ed_degree_table(n, norm, o);
        }
        py::list l;
        for (const EdDegreeResult& r : rows) l.append(py::make_tuple(r.lambda, r.ed_degree));
        return l;
      },
      py::arg("n"), py::arg("norm") = "euclidean", py::arg("seed") = EdDegreeOptions{}.seed,
      "[(Partition, ED degree)] for every partition of n (Examples 6.7, 6.9); NotSupported beyond reach.");
  m.def(
      "ed_degree_out_of_reach", [](const Partition& lambda) { return ed_degree_out_of_reach(lambda); }, py::arg("lam"),
      "Why ed_degree would refuse lambda, or None.");
  m.def("porteous_number", &porteous_number, py::arg("lam"));
  m.def("root_coordinates", &root_coordinates, py::arg("lam"));

  // ---- minimum on the function space (Section 7.3)
  py::class_<FunctionSpaceMinimum>(m, "FunctionSpaceMinimum")
      .def_readonly("target", &FunctionSpaceMinimum::target)
      .def_property_readonly("target_position",
                             [](const FunctionSpaceMinimum& f) { return std::string(to_string(f.target_position)); })
      .def_readonly("complete", &FunctionSpaceMinimum::complete)
      .def_readonly("unsupported", &FunctionSpaceMinimum::unsupported)
      .def_readonly("value", &FunctionSpaceMinimum::value, "min over M of l, exact AlgebraicReal")
      .def_property_readonly("minimisers",
                             [](const FunctionSpaceMinimum& f) {
                               py::list l;
                               for (const auto& c : f.minimisers) l.append(candidate_dict(c));
                               return l;
                             })
      .def_property_readonly("candidates",
                             [](const FunctionSpaceMinimum& f) {
                               py::list l;
                               for (const auto& c : f.candidates) l.append(candidate_dict(c));
                               return l;
                             })
      .def_readonly("searched", &FunctionSpaceMinimum::searched)
      .def_readonly("skipped", &FunctionSpaceMinimum::skipped)
      .def_readonly("completeness_proven", &FunctionSpaceMinimum::completeness_proven,
                    "False if some locus was solved by the lifted modular engine (probabilistic completeness)")
      .def_readonly("lifted", &FunctionSpaceMinimum::lifted)
      .def_readonly("lifting_primes", &FunctionSpaceMinimum::lifting_primes)
      .def(
          "compare", [](const FunctionSpaceMinimum& f, const Rational& c) { return compare_minimum(f, c); },
          py::arg("c"), "sign(min - c), exact.");
  m.def(
      "minimum_on_function_space",
      [](const Architecture& arch, const BinaryForm& target, const std::optional<InnerProduct>& sigma) {
        const InnerProduct s = resolve_sigma(sigma, target);
        py::gil_scoped_release release;
        return minimum_on_function_space(arch, target, s);
      },
      py::arg("arch"), py::arg("target"), py::arg("sigma") = py::none(),
      "min over M_k of ||w - u||^2_Sigma, exact (Section 7.3).");

  // ---- parameter space (Section 5.1)
  m.def(
      "square_loss",
      [](const Architecture& a, const Filters& t, const BinaryForm& u, const std::optional<InnerProduct>& s) {
        return square_loss(a, t, u, resolve_sigma(s, u));
      },
      py::arg("arch"), py::arg("theta"), py::arg("target"), py::arg("sigma") = py::none(), "l(mu(theta)), exact.");
  m.def(
      "square_loss_gradient",
      [](const Architecture& a, const Filters& t, const BinaryForm& u, const std::optional<InnerProduct>& s) {
        return square_loss_gradient(a, t, u, resolve_sigma(s, u));
      },
      py::arg("arch"), py::arg("theta"), py::arg("target"), py::arg("sigma") = py::none());
  m.def(
      "square_loss_hessian",
      [](const Architecture& a, const Filters& t, const BinaryForm& u, const std::optional<InnerProduct>& s) {
        return square_loss_hessian(a, t, u, resolve_sigma(s, u));
      },
      py::arg("arch"), py::arg("theta"), py::arg("target"), py::arg("sigma") = py::none());
  m.def(
      "inertia",
      [](const RatMatrix& s) {
        const Inertia i = inertia(s);
        return py::make_tuple(i.positive, i.negative, i.zero);
      },
      py::arg("symmetric"), "(positive, negative, zero) eigenvalue counts, exact.");
  m.def(
      "classify_parameter",
      [](const Architecture& a, const Filters& theta, const BinaryForm& u, const std::optional<InnerProduct>& sigma,
         bool decide_global_minimum) {
        const InnerProduct s = resolve_sigma(sigma, u);
        ClassifyOptions o;
        o.decide_global_minimum = decide_global_minimum;
        ParameterClassification c;
        {
          py::gil_scoped_release release;
          c = classify_parameter(a, theta, u, s, o);
        }
        py::dict d;
        d["end_to_end"] = c.end_to_end;
        d["loss"] = c.loss;
        d["gradient"] = c.gradient;
        d["critical"] = c.critical;
        d["global_minimum"] = decision(c.global_minimum);
        d["global_minimum_reason"] = c.global_minimum_reason;
        d["global_minimum_proven"] = c.global_minimum_proven;
        d["local_minimum"] = decision(c.local_minimum);
        d["hessian_inertia"] =
            py::make_tuple(c.hessian_inertia.positive, c.hessian_inertia.negative, c.hessian_inertia.zero);
        d["pure"] = c.pure;
        d["spurious"] = c.spurious;
        d["position"] = std::string(to_string(c.position));
        d["target_position"] = std::string(to_string(c.target_position));
        d["rrmp"] = c.rrmp;
        d["partition"] = c.lambda;
        d["critical_on_locus"] = c.critical_on_locus;
        d["repeated_root"] = c.repeated_root;
        d["pairwise_coprime"] = c.pairwise_coprime;
        d["jacobian_rank"] = c.jacobian_rank;
        return d;
      },
      py::arg("arch"), py::arg("theta"), py::arg("target"), py::arg("sigma") = py::none(),
      py::arg("decide_global_minimum") = true,
      "Section 5.1 for a rational theta: critical, pure/spurious, local/global minimum ('yes'|'no'|None).");
  m.def(
      "linear_factor_critical_points",
      [](const Architecture& a, const BinaryForm& u, const std::optional<InnerProduct>& sigma) {
        const LinearFactorCriticalSet r = linear_factor_critical_points(a, u, resolve_sigma(sigma, u));
        py::dict d;
        d["complex_count"] = r.complex_count;
        d["real_count"] = r.real_count;
        d["global_count"] = r.global_count;
        d["global_real"] = r.global_real;
        d["spurious_count"] = r.spurious_count;
        d["spurious_real"] = r.spurious_real;
        py::list pts;
        for (const auto& p : r.points) {
          py::dict q;
          q["real"] = p.real;
          q["global"] = p.global;
          q["parameters"] = p.parameters;
          q["loss"] = p.loss;
          q["hessian_positive_definite"] = p.hessian_positive_definite;
          pts.append(q);
        }
        d["points"] = pts;
        return d;
      },
      py::arg("arch"), py::arg("target"), py::arg("sigma") = py::none(), "Example 5.10 (k = (2, c) or (c, 2)).");

  // ---- Example 6.5
  m.def("quadric_multiplier_polynomial", py::overload_cast<const RatMatrix&>(&quadric_multiplier_polynomial),
        py::arg("xxt"), "Polynomial (6.7) in u1, u2, u3, l for k = (2, 2); (6.8) for XX^T = I.");
}

}  // namespace lcngeom_python
