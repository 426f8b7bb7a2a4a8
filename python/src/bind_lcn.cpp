// python/src/bind_lcn.cpp -- architectures (Section 2), the parameterization
// mu (eqs. 2.5-2.8), function spaces (Section 4: Theorem 4.1, Lemma 4.2,
// Prop. 4.4, Example 4.6), witnesses (Lemma 4.2), compatibility (Corollary
// 5.5, Example 5.6), fibers (Lemma 5.7, Example 5.8) and the recovery of
// scale factors (Prop. 5.13, Corollary 5.14, Section 7.3).
#include <pybind11/operators.h>

#include "common.hpp"
#include "convert.hpp"
#include "lcngeom/architecture.hpp"
#include "lcngeom/compatibility.hpp"
#include "lcngeom/dynamics.hpp"
#include "lcngeom/fiber.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/witness.hpp"

namespace lcngeom_python {

using namespace lcngeom;

namespace {

Architecture make_architecture(const std::vector<int>& filters, const std::optional<std::vector<int>>& strides,
                               int output_size) {
  return Architecture(filters, strides.value_or(std::vector<int>{}), output_size);
}

py::dict fiber_class_dict(const FiberClass& c) {
  py::dict d;
  d["counts"] = c.counts;
  d["rational"] = c.rational;
  d["exact"] = c.exact;
  d["filters"] = c.filters;
  d["repeated_root"] = c.repeated_root;
  d["notation"] = c.notation;
  return d;
}

std::string placement_repr(const Placement& p) { return "Placement('" + p.to_string() + "')"; }

}  // namespace

void bind_lcn(py::module_& m) {
  py::class_<Architecture>(m, "Architecture",
                           "An LCN architecture: filter sizes k = (k_1..k_L), strides s (default 1), output size d_L.")
      .def(py::init(&make_architecture), py::arg("filters"), py::arg("strides") = py::none(),
           py::arg("output_size") = 1)
      .def_static("parse", py::overload_cast<std::string_view, std::string_view, int>(&Architecture::parse),
                  py::arg("filters"), py::arg("strides") = "", py::arg("output_size") = 1,
                  "From CLI text: '4,2' or '2x2,3x3' (D-dimensional).")
      .def_property_readonly("depth", &Architecture::depth)
      .def_property_readonly("dimension", &Architecture::dimension)
      .def_property_readonly("filters", &Architecture::filters)
      .def_property_readonly("filter_shapes", &Architecture::filter_shapes)
      .def_property_readonly("strides", &Architecture::strides)
      .def_property_readonly("output_sizes", &Architecture::output_sizes)
      .def_property_readonly("input_sizes", &Architecture::input_sizes)
      .def("widths", &Architecture::widths)
      .def("end_to_end_filter_size", &Architecture::end_to_end_filter_size, "k of Prop. 2.2")
      .def("end_to_end_stride", &Architecture::end_to_end_stride)
      .def("parameter_count", &Architecture::parameter_count)
      .def("even_filter_count", &Architecture::even_filter_count, "e of Lemma 4.2")
      .def("ambient_dimension", &Architecture::ambient_dimension)
      .def("__str__", &Architecture::to_string)
      .def("__repr__", [](const Architecture& a) { return "Architecture('" + a.to_string() + "')"; })
      .def(py::self == py::self);
  py::implicitly_convertible<std::vector<int>, Architecture>();

  m.def("stride_one_architectures", &stride_one_architectures, py::arg("n"));
  m.def("reduce_architecture", &reduce_architecture, py::arg("arch"));

  // ---- parameterization (eqs. 2.5-2.8, Prop. 5.11)
  m.def("filter_form", &filter_form, py::arg("w"), py::arg("stride") = 1, "pi_s(w) (eq. 2.8)");
  m.def("mu", &mu, py::arg("arch"), py::arg("theta"), "End-to-end filter mu(theta) as a BinaryForm (exact).");
  m.def("jacobian", &jacobian, py::arg("arch"), py::arg("theta"), "Exact Jacobian of mu (rows of Fractions).");
  m.def("differential_rank", &differential_rank, py::arg("arch"), py::arg("theta"));
  m.def("differential_is_surjective", &differential_is_surjective, py::arg("arch"), py::arg("theta"),
        "Prop. 5.11: pairwise coprime filters.");

  // ---- function space (Section 4)
  m.def(
      "filling_verdict",
      [](const Architecture& a) {
        const FillingVerdict v = filling_verdict(a);
        return py::make_tuple(v.filling, v.reason);
      },
      py::arg("arch"), "(filling, reason) with the theorem that decides it.");
  m.def("is_filling", &is_filling, py::arg("arch"));
  m.def(
      "form_region",
      [](const Architecture& a, const BinaryForm& p) { return std::string(to_string(form_region(a, p))); },
      py::arg("arch"), py::arg("p"), "'interior' | 'boundary' | 'complement' of the function space (exact).");
  m.def("in_function_space", &in_function_space, py::arg("arch"), py::arg("p"), "Lemma 4.2, exact.");
  m.def("rrmp_in_function_space", &rrmp_in_function_space, py::arg("arch"), py::arg("r"));
  m.def("rrmp_on_boundary", &rrmp_on_boundary, py::arg("arch"), py::arg("r"));
  m.def(
      "rrmp_region", [](const Architecture& a, const Rrmp& r) { return std::string(to_string(rrmp_region(a, r))); },
      py::arg("arch"), py::arg("r"));
  m.def(
      "function_space_rrmps",
      [](const Architecture& a) {
        const RrmpTable t = function_space_rrmps(a);
        py::dict d;
        d["function_space"] = t.function_space;
        d["complement"] = t.complement;
        d["boundary"] = t.boundary;
        return d;
      },
      py::arg("arch"), "Example 4.6: {'function_space', 'complement', 'boundary'} lists of Rrmp.");
  m.def(
      "function_space_dimension",
      [](const Architecture& a, int trials, std::uint64_t seed) {
        DimensionOptions o;
        o.trials = trials;
        o.seed = seed;
        const FunctionSpaceDimension r = function_space_dimension(a, o);
        py::dict d;
        d["dimension"] = r.dimension;
        d["ambient_dimension"] = r.ambient_dimension;
        d["upper_bound"] = r.upper_bound;
        d["certified"] = r.certified;
        d["failure_probability"] = r.failure_probability;
        return d;
      },
      py::arg("arch"), py::arg("trials") = 3, py::arg("seed") = DimensionOptions{}.seed);

  // ---- witnesses (Lemma 4.2)
  py::class_<Witness>(m, "Witness", "Filters theta with mu(theta) = p (exact) or with a certified exact error.")
      .def_readonly("filters", &Witness::filters)
      .def_readonly("exact", &Witness::exact)
      .def_readonly("exact_filters", &Witness::exact_filters)
      .def_readonly("precision", &Witness::precision)
      .def_readonly("error_max", &Witness::error_max)
      .def_readonly("error_squared", &Witness::error_squared)
      .def("error_norm_bound", &Witness::error_norm_bound)
      .def("__repr__", [](const Witness& w) {
        return std::string("Witness(exact=") + (w.exact ? "True" : "False") +
               ", filters=" + py::repr(py::cast(w.filters)).cast<std::string>() + ")";
      });
  m.def("witness", &witness, py::arg("arch"), py::arg("p"), py::arg("precision") = 128);
  m.def("exact_witness", &exact_witness, py::arg("arch"), py::arg("p"), "Filters over Q, or None.");

  // ---- compatibility (Corollary 5.5, Example 5.6)
  py::class_<Placement>(m, "Placement", "Which root factors go into which filter (Example 5.6 notation).")
      .def_property_readonly("bins",
                             [](const Placement& p) {
                               py::list bins;
                               for (const auto& bin : p.bins) {
                                 py::list b;
                                 for (const auto& f : bin) {
                                   std::string label = f.complex ? "q" : "p";
                                   label += std::to_string(f.index);
                                   b.append(label);
                                 }
                                 bins.append(b);
                               }
                               return bins;
                             })
      .def("__str__", &Placement::to_string)
      .def("__repr__", &placement_repr);
  m.def(
      "compatible_placement",
      [](const Rrmp& r, const std::vector<int>& k) { return compatible_placement(r, std::span<const int>(k)); },
      py::arg("r"), py::arg("filters"), "A witness Placement, or None if not compatible.");
  m.def(
      "is_compatible",
      [](const Rrmp& r, const std::vector<int>& k) { return is_compatible(r, std::span<const int>(k)); }, py::arg("r"),
      py::arg("filters"));
  m.def(
      "compatibility_table",
      [](const std::vector<int>& k) {
        py::list rows;
        for (const CompatibilityRow& row : compatibility_table(std::span<const int>(k)))
          rows.append(py::make_tuple(row.rrmp, row.witness));
        return rows;
      },
      py::arg("filters"), "Example 5.6 row: [(Rrmp, Placement or None)] in the paper's order.");

  // ---- fibers (Lemma 5.7, Example 5.8)
  m.def("fiber_class_count", &fiber_class_count, py::arg("arch"), py::arg("w"),
        "Number of scaling classes of mu^{-1}(w), exact (int).");
  m.def(
      "fiber",
      [](const Architecture& a, const BinaryForm& w, long prec, long max_classes) {
        const Fiber f = fiber(a, w, prec, max_classes);
        py::dict d;
        d["filter_sizes"] = f.filter_sizes;
        d["end_to_end"] = f.end_to_end;
        py::list labels;
        for (const FiberFactor& x : f.factors) labels.append(x.label);
        d["factor_labels"] = labels;
        py::list classes;
        for (const FiberClass& c : f.classes) classes.append(fiber_class_dict(c));
        d["classes"] = classes;
        d["component_count"] = f.component_count();
        d["rational_class_count"] = f.rational_class_count();
        return d;
      },
      py::arg("arch"), py::arg("w"), py::arg("prec") = 128, py::arg("max_classes") = 100000,
      "mu^{-1}(w) as scaling classes: {'classes': [{'counts', 'rational', 'exact', 'filters' (Balls), "
      "'repeated_root', 'notation'}], 'component_count', ...}.");
  m.def("rational_fiber_classes", &rational_fiber_classes, py::arg("arch"), py::arg("w"),
        py::arg("max_classes") = 100000);

  // ---- gradient-flow invariants and scale recovery (Prop. 5.13, Corollary 5.14)
  m.def("layer_invariants", &layer_invariants, py::arg("theta"),
        "(delta_1..delta_{L-1}), delta_i = ||w_{i+1}||^2 - ||w_i||^2 (Prop. 5.13).");
  m.def(
      "beta_polynomial",
      [](const std::vector<Rational>& delta, const Rational& H) { return rat_poly_list(beta_polynomial(delta, H)); },
      py::arg("delta"), py::arg("H"), "Eq. (5.5), ascending coefficients.");
  py::class_<ScaledPoint>(m, "ScaledPoint")
      .def_readonly("signs", &ScaledPoint::signs)
      .def_readonly("kappa", &ScaledPoint::kappa, "kappa_l as certified RealRoots (minimal polynomials).");
  py::class_<ClassScales>(m, "ClassScales")
      .def_readonly("class_index", &ClassScales::class_index)
      .def_readonly("notation", &ClassScales::notation)
      .def_readonly("representative", &ClassScales::representative)
      .def_readonly("norms_squared", &ClassScales::norms_squared)
      .def_readonly("H", &ClassScales::H)
      .def_property_readonly("beta_polynomial", [](const ClassScales& c) { return rat_poly_list(c.beta_polynomial); })
      .def_readonly("positive_roots", &ClassScales::positive_roots)
      .def_readonly("beta", &ClassScales::beta)
      .def_readonly("points", &ClassScales::points);
  py::class_<ClassScalesEnclosure>(m, "ClassScalesEnclosure")
      .def_readonly("class_index", &ClassScalesEnclosure::class_index)
      .def_readonly("notation", &ClassScalesEnclosure::notation)
      .def_readonly("norms_squared", &ClassScalesEnclosure::norms_squared)
      .def_readonly("beta", &ClassScalesEnclosure::beta)
      .def_readonly("abs_kappa", &ClassScalesEnclosure::abs_kappa);
  py::class_<ScaleRecovery>(m, "ScaleRecovery")
      .def_readonly("delta", &ScaleRecovery::delta)
      .def_readonly("classes", &ScaleRecovery::classes)
      .def_readonly("enclosed", &ScaleRecovery::enclosed);
  m.def("recover_scales", &recover_scales, py::arg("arch"), py::arg("init"), py::arg("limit"), py::arg("prec") = 128,
        "Corollary 5.14: the points of mu^{-1}(limit) with the invariants of `init`.");
  m.def("neural_tangent_kernel", &neural_tangent_kernel, py::arg("arch"), py::arg("theta"), "K = J J^T (eq. 5.6).");
}

}  // namespace lcngeom_python
