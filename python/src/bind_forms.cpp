// python/src/bind_forms.cpp -- certified reals, binary forms, invariants,
// factorization, real roots, rrmp (Definition 3.2, Example 3.3), partitions
// and multiple root loci (Definition 3.1, eq. 5.3), multivariate polynomials.
#include <pybind11/operators.h>

#include <sstream>

#include "common.hpp"
#include "convert.hpp"
#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/decimal.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/invariants.hpp"
#include "lcngeom/loci.hpp"
#include "lcngeom/mpoly.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/real_roots.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom_python {

using namespace lcngeom;

namespace {

// The correctly rounded double: the enclosure is narrowed until both ends
// round to the same double (Python's float(Fraction) rounds correctly).
// Refinement always terminates for an irrational x: it is never a rounding
// boundary (those are dyadic rationals, hence exact and caught first).
template <class Number>
double to_double_certified(Number& x) {
  for (long bits = 64;; bits *= 2) {
    const double lo = py::float_(rational_to_python(x.lo())), hi = py::float_(rational_to_python(x.hi()));
    if (lo == hi) return lo;
    x.refine_bits(bits);
  }
}

std::string algebraic_repr(const AlgebraicReal& x) {
  if (x.is_rational()) return "AlgebraicReal(" + x.rational().to_string() + ")";
  return "AlgebraicReal(" + x.to_decimal(20) + ", root of " + x.minimal_polynomial().to_string("t") + " in [" +
         x.lo().to_string() + ", " + x.hi().to_string() + "])";
}

std::string root_repr(const RealRoot& r) {
  if (r.at_infinity()) return "RealRoot(inf, multiplicity=" + std::to_string(r.multiplicity()) + ")";
  return "RealRoot(" + r.to_decimal(20) + ", root of " + r.defining_polynomial().to_string("t") + " in [" +
         r.lo().to_string() + ", " + r.hi().to_string() + "], multiplicity=" + std::to_string(r.multiplicity()) + ")";
}

std::string form_repr(const BinaryForm& p) { return "BinaryForm('" + p.to_string() + "')"; }

py::dict factorization_dict(const FormFactorization& f) {
  py::dict d;
  d["unit"] = f.unit;
  py::list factors;
  for (const FormFactor& x : f.factors) factors.append(py::make_tuple(x.form, x.multiplicity));
  d["factors"] = factors;
  return d;
}

}  // namespace

void bind_numbers(py::module_& m) {
  py::class_<Ball>(
      m, "Ball", "A certified real enclosure [lo, hi] (Arb ball).  lo/hi are exact Fractions; float() is the midpoint.")
      .def_property_readonly("lo", &Ball::lower)
      .def_property_readonly("hi", &Ball::upper)
      .def_property_readonly("mid", &Ball::midpoint)
      .def_property_readonly("radius", &Ball::radius)
      .def("is_exact", &Ball::is_exact)
      .def("contains", &Ball::contains, py::arg("q"), "Certainly contains the rational q.")
      .def("__float__", &Ball::mid_double)
      .def(
          "to_decimal", [](const Ball& b, int digits) { return to_decimal(b, digits); }, py::arg("digits") = 20,
          "Certified decimal: only digits every point of the ball rounds to.")
      .def("__repr__", [](const Ball& b) { return "Ball(" + b.to_string(20) + ")"; })
      .def("__str__", [](const Ball& b) { return to_decimal(b, 20); });

  py::class_<RealRoot>(m, "RealRoot",
                       "A certified real root (t:1) of a form, isolated in [lo, hi] (lo == hi iff rational), or the "
                       "root (1:0) (at_infinity).")
      .def_property_readonly("lo", [](const RealRoot& r) { return r.lo(); })
      .def_property_readonly("hi", [](const RealRoot& r) { return r.hi(); })
      .def_property_readonly("multiplicity", &RealRoot::multiplicity)
      .def_property_readonly("at_infinity", &RealRoot::at_infinity)
      .def_property_readonly("is_exact", &RealRoot::is_exact)
      .def_property_readonly(
          "defining_polynomial", [](const RealRoot& r) { return int_poly_list(r.defining_polynomial()); },
          "Q-irreducible defining polynomial in t, ascending integer coefficients (the first request for a root "
          "of real_roots factors its square-free part over Q, once for all its roots).")
      .def_property_readonly(
          "squarefree_polynomial", [](const RealRoot& r) { return int_poly_list(r.squarefree_polynomial()); },
          "Square-free polynomial in t whose only root in [lo, hi] this is (never factors).")
      .def_property_readonly("has_defining_polynomial", &RealRoot::has_defining_polynomial,
                             "True if defining_polynomial is known without factoring.")
      .def(
          "refine", [](RealRoot& r, long bits) { r.refine_bits(bits); }, py::arg("bits"),
          "Shrink [lo, hi] to width <= 2^-bits (in place).")
      .def("to_decimal", &RealRoot::to_decimal, py::arg("digits") = 20, "Correctly rounded decimal ('inf' for (1:0)).")
      .def(
          "to_algebraic", [](const RealRoot& r) { return AlgebraicReal(r); },
          "The root as an AlgebraicReal (finite roots only).")
      .def("__float__",
           [](const RealRoot& r) {
             if (r.at_infinity()) return std::numeric_limits<double>::infinity();
             RealRoot copy = r;  // refining a copy leaves the caller's interval as it was
             return to_double_certified(copy);
           })
      .def("__repr__", &root_repr);

  py::class_<AlgebraicReal>(m, "AlgebraicReal",
                            "An exact real algebraic number: minimal polynomial and isolating interval [lo, hi].  "
                            "Comparisons are exact; refine() narrows [lo, hi]; to_decimal(d) gives d correct digits.")
      .def(py::init<>())
      .def(py::init<const Rational&>(), py::arg("q"))
      .def_property_readonly("lo", [](const AlgebraicReal& x) { return x.lo(); })
      .def_property_readonly("hi", [](const AlgebraicReal& x) { return x.hi(); })
      .def_property_readonly(
          "minimal_polynomial", [](const AlgebraicReal& x) { return int_poly_list(x.minimal_polynomial()); },
          "Primitive irreducible integer polynomial, ascending coefficients.")
      .def_property_readonly("degree", &AlgebraicReal::degree)
      .def_property_readonly("is_rational", &AlgebraicReal::is_rational)
      .def(
          "rational", [](const AlgebraicReal& x) { return x.rational(); },
          "The value as a Fraction; DomainError if irrational.")
      .def("sign", &AlgebraicReal::sign)
      .def(
          "refine", [](const AlgebraicReal& x, long bits) { x.refine_bits(bits); }, py::arg("bits"),
          "Narrow [lo, hi] to width <= 2^-bits.")
      .def("to_decimal", &AlgebraicReal::to_decimal, py::arg("digits") = 20,
           "x rounded to `digits` significant digits, certified.")
      .def(
          "__float__", [](const AlgebraicReal& x) { return to_double_certified(x); }, "The correctly rounded double.")
      .def("__repr__", &algebraic_repr)
      .def("__str__", [](const AlgebraicReal& x) { return x.to_decimal(20); })
      .def("__neg__", [](const AlgebraicReal& x) { return -x; })
      .def("__hash__",
           [](const AlgebraicReal& x) {
             // consistent with == across types: a rational value hashes as its Fraction
             if (x.is_rational()) return py::hash(rational_to_python(x.rational()));
             return py::hash(py::str(x.minimal_polynomial().to_string()) + py::str(x.to_decimal(30)));
           })
      .def("__eq__", [](const AlgebraicReal& a, const AlgebraicReal& b) { return compare(a, b) == 0; })
      .def("__eq__", [](const AlgebraicReal& a, const Rational& q) { return compare(a, q) == 0; })
      .def("__lt__", [](const AlgebraicReal& a, const AlgebraicReal& b) { return compare(a, b) < 0; })
      .def("__lt__", [](const AlgebraicReal& a, const Rational& q) { return compare(a, q) < 0; })
      .def("__le__", [](const AlgebraicReal& a, const AlgebraicReal& b) { return compare(a, b) <= 0; })
      .def("__le__", [](const AlgebraicReal& a, const Rational& q) { return compare(a, q) <= 0; })
      .def("__gt__", [](const AlgebraicReal& a, const AlgebraicReal& b) { return compare(a, b) > 0; })
      .def("__gt__", [](const AlgebraicReal& a, const Rational& q) { return compare(a, q) > 0; })
      .def("__ge__", [](const AlgebraicReal& a, const AlgebraicReal& b) { return compare(a, b) >= 0; })
      .def("__ge__", [](const AlgebraicReal& a, const Rational& q) { return compare(a, q) >= 0; })
      .def_static(
          "root_of",
          [](const std::vector<Integer>& ascending, const Rational& lo, const Rational& hi) {
            return AlgebraicReal::root_of(IntPoly(ascending), lo, hi);
          },
          py::arg("polynomial"), py::arg("lo"), py::arg("hi"),
          "The unique real root of the integer polynomial (ascending coefficients) in [lo, hi].");
  m.def(
      "evaluate_polynomial",
      [](const std::vector<Rational>& ascending, const AlgebraicReal& x) { return evaluate(RatPoly(ascending), x); },
      py::arg("polynomial"), py::arg("x"), "q(x) for a rational polynomial q (ascending coefficients), exact.");
}

void bind_forms(py::module_& m) {
  py::class_<BinaryForm> form(m, "BinaryForm",
                              "A binary form a_0 x^n + a_1 x^{n-1} y + ... + a_n y^n with rational coefficients "
                              "(paper eq. 2.8).  Leading zeros are roots at (1:0).");
  form.def(py::init([](const std::string& text) { return BinaryForm::parse(text); }), py::arg("text"),
           "Parse '2x^4+5x^2y^2+2y^4' or a coefficient list '2,0,5,0,2'.")
      .def(py::init([](const std::vector<Rational>& c) { return BinaryForm(c); }), py::arg("coefficients"),
           "From (a_0, ..., a_n): ints, Fractions or exact decimal strings.")
      .def_static("zero", &BinaryForm::zero, py::arg("degree"))
      .def_static("linear", &BinaryForm::linear, py::arg("a"), py::arg("b"), "a x + b y")
      .def_static("monomial", &BinaryForm::monomial, py::arg("i"), py::arg("j"), "x^i y^j")
      .def_property_readonly("degree", &BinaryForm::degree)
      .def_property_readonly("coefficients", &BinaryForm::coefficients, "[a_0, ..., a_n] as Fractions")
      .def("coeff", &BinaryForm::coeff, py::arg("i"))
      .def("__getitem__", &BinaryForm::coeff)
      .def("__len__", [](const BinaryForm& p) { return p.degree() + 1; })
      .def("is_zero", &BinaryForm::is_zero)
      .def("is_integral", &BinaryForm::is_integral)
      .def("multiplicity_at_infinity", &BinaryForm::multiplicity_at_infinity)
      .def("primitive", &BinaryForm::primitive)
      .def("evaluate", &BinaryForm::evaluate, py::arg("x"), py::arg("y"), "p(x, y), exact")
      .def("derivative_x", &BinaryForm::derivative_x)
      .def("derivative_y", &BinaryForm::derivative_y)
      .def("substitute", &BinaryForm::substitute, py::arg("alpha"), py::arg("beta"), py::arg("gamma"), py::arg("delta"),
           "p(alpha x + beta y, gamma x + delta y)")
      .def("to_coefficient_string", &BinaryForm::to_coefficient_string)
      .def("__str__", &BinaryForm::to_string)
      .def("__repr__", &form_repr)
      .def("__hash__", &BinaryForm::hash)
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(py::self + py::self)
      .def(py::self - py::self)
      .def(-py::self)
      .def(py::self * py::self)
      .def(
          "__mul__", [](const BinaryForm& p, const Rational& c) { return c * p; }, py::is_operator())
      .def(
          "__rmul__", [](const BinaryForm& p, const Rational& c) { return c * p; }, py::is_operator())
      .def(
          "__pow__", [](const BinaryForm& p, unsigned e) { return pow(p, e); }, py::is_operator())
      .def(py::pickle([](const BinaryForm& p) { return py::make_tuple(p.coefficients()); },
                      [](py::tuple t) { return BinaryForm(t[0].cast<std::vector<Rational>>()); }));
  py::implicitly_convertible<std::string, BinaryForm>();
  py::implicitly_convertible<std::vector<Rational>, BinaryForm>();

  m.def("gcd", py::overload_cast<const BinaryForm&, const BinaryForm&>(&gcd), py::arg("p"), py::arg("q"),
        "Primitive gcd of two forms.");
  m.def("divides", &divides, py::arg("q"), py::arg("p"), "q divides p as forms.");
  m.def("divexact", py::overload_cast<const BinaryForm&, const BinaryForm&>(&divexact), py::arg("p"), py::arg("q"));

  // ---- invariants (Section 3)
  m.def(
      "discriminant", [](const BinaryForm& p) { return discriminant(p); }, py::arg("p"),
      "Disc(p) with the formal degree (roots at (1:0) included); exact Fraction.");
  m.def(
      "resultant", [](const BinaryForm& p, const BinaryForm& q) { return resultant(p, q); }, py::arg("p"), py::arg("q"),
      "Homogeneous resultant (Sylvester), exact Fraction.");
  m.def("resultant_sylvester", &resultant_sylvester, py::arg("p"), py::arg("q"));

  // ---- factorization
  m.def(
      "factor", [](const BinaryForm& p) { return factorization_dict(factor(p)); }, py::arg("p"),
      "Irreducible factorization over Q: {'unit': Fraction, 'factors': [(BinaryForm, multiplicity)]}.");
  m.def(
      "squarefree_decomposition", [](const BinaryForm& p) { return factorization_dict(squarefree_decomposition(p)); },
      py::arg("p"));
  m.def("squarefree_part", &squarefree_part, py::arg("p"));
  m.def("is_squarefree", &is_squarefree, py::arg("p"));

  // ---- real roots
  m.def("real_roots", &real_roots, py::arg("p"),
        "Certified real roots in P^1 with multiplicities, increasing, (1:0) last.");
  m.def("count_real_roots", &count_real_roots, py::arg("p"), "Number of distinct real roots in P^1, exact.");
  m.def(
      "real_factorization",
      [](const BinaryForm& p, long prec) {
        RealFactorization f = real_factorization(p, prec);
        py::list factors;
        for (const RealFactor& r : f.factors) {
          py::dict d;
          d["degree"] = r.degree;
          d["coefficients"] = r.coefficients;
          d["multiplicity"] = r.multiplicity;
          d["exact"] = r.exact;
          d["rational_factor"] = r.rational_factor;
          factors.append(d);
        }
        return py::make_tuple(f.unit, factors);
      },
      py::arg("p"), py::arg("prec") = default_prec,
      "(unit, [factor dicts]): real irreducible factors with certified coefficient Balls (eq. 3.1).");

  // ---- partitions and rrmp
  py::class_<Partition>(m, "Partition", "An integer partition, parts descending, printed '(2,1,1)'.")
      .def(py::init([](const std::vector<int>& parts) { return Partition(parts); }), py::arg("parts"))
      .def(py::init([](const std::string& text) { return Partition::parse(text); }), py::arg("text"))
      .def_property_readonly("parts", &Partition::parts)
      .def("sum", &Partition::sum)
      .def("__len__", &Partition::size)
      .def("__str__", &Partition::to_string)
      .def("__repr__", [](const Partition& p) { return "Partition('" + p.to_string() + "')"; })
      .def("__hash__", &Partition::hash)
      .def(py::self == py::self)
      .def(py::self < py::self);
  py::implicitly_convertible<std::string, Partition>();
  py::implicitly_convertible<std::vector<int>, Partition>();
  m.def("partitions", &partitions, py::arg("n"), "All partitions of n, (1,...,1) first, (n) last.");
  m.def("partition_count", &partition_count, py::arg("n"));

  py::class_<Rrmp>(m, "Rrmp", "A real root multiplicity pattern (rho|gamma), printed as the paper: '112|0'.")
      .def(py::init([](const std::string& text) { return Rrmp::parse(text); }), py::arg("text"))
      .def(py::init([](const std::vector<int>& rho, const std::vector<int>& gamma) { return Rrmp(rho, gamma); }),
           py::arg("rho"), py::arg("gamma"))
      .def_property_readonly("rho", [](const Rrmp& r) { return std::vector<int>(r.rho().begin(), r.rho().end()); })
      .def_property_readonly("gamma",
                             [](const Rrmp& r) { return std::vector<int>(r.gamma().begin(), r.gamma().end()); })
      .def_property_readonly("degree", &Rrmp::degree)
      .def_property_readonly("real_root_count", &Rrmp::real_root_count)
      .def("partition", &Rrmp::lambda, "lambda_{rho|gamma}, the complex root pattern.")
      .def("__str__", &Rrmp::to_string)
      .def("__repr__", [](const Rrmp& r) { return "Rrmp('" + r.to_string() + "')"; })
      .def("__hash__", &Rrmp::hash)
      .def(py::self == py::self)
      .def("__eq__", [](const Rrmp& r, const std::string& s) { return r.to_string() == s; })
      .def(py::self < py::self);
  py::implicitly_convertible<std::string, Rrmp>();

  m.def("rrmp", py::overload_cast<const BinaryForm&>(&rrmp), py::arg("p"),
        "The exact rrmp of a nonzero form (DomainError for 0).");
  m.def("rrmp_general", &rrmp_general, py::arg("p"), "Reference algorithm (square-free decomposition + Sturm).");
  m.def("all_rrmps", &all_rrmps, py::arg("n"), "All rrmps of degree n in the paper's order (Example 3.3).");
  m.def("rrmp_count", &rrmp_count, py::arg("n"));
  m.def(
      "cubic_invariants",
      [](const BinaryForm& p) {
        const CubicInvariants c = cubic_invariants(p);
        py::dict d;
        d["disc"] = c.disc;
        d["delta1"] = c.delta1;
        d["delta2"] = c.delta2;
        d["delta3"] = c.delta3;
        return d;
      },
      py::arg("p"), "Example 3.3: {'disc', 'delta1', 'delta2', 'delta3'} of a cubic.");
  m.def(
      "depressed_quartic",
      [](const BinaryForm& p) {
        const DepressedQuartic q = depressed_quartic(p);
        py::dict d;
        d["p"] = q.p;
        d["q"] = q.q;
        d["r"] = q.r;
        d["delta"] = q.delta;
        d["delta_prime"] = q.delta_prime;
        return d;
      },
      py::arg("p"), "Example 3.3: {'p', 'q', 'r', 'delta', 'delta_prime'} of the depressed quartic.");

  // ---- loci (Definition 3.1, eq. 5.3)
  m.def("root_pattern", &root_pattern, py::arg("p"));
  m.def("is_coarsening", &is_coarsening, py::arg("mu"), py::arg("lam"));
  m.def("splitting_count", &splitting_count, py::arg("mu"), py::arg("lam"));
  m.def("in_locus", &in_locus, py::arg("p"), py::arg("lam"), "p in Delta_lambda.");
  m.def("is_smooth_point", &is_smooth_point, py::arg("p"), py::arg("lam"));
  m.def("tangent_generator", &tangent_generator, py::arg("p"));
  m.def("tangent_space", py::overload_cast<const BinaryForm&>(&tangent_space), py::arg("p"),
        "Exact basis of T_p Delta_lambda, lambda = root_pattern(p) (eq. 5.3).");

  // ---- multivariate polynomials (Examples 4.12, 6.5, 6.12)
  py::class_<RatMPoly>(m, "MPoly", "A polynomial over Q in named variables (FLINT fmpq_mpoly).")
      .def(py::init([](const std::vector<std::string>& names, const std::string& text) {
             return RatMPoly::parse(MPolyRing::make(names), text);
           }),
           py::arg("variables"), py::arg("text"))
      .def_property_readonly("variables", [](const RatMPoly& p) { return p.ring()->names(); })
      .def("total_degree", &RatMPoly::total_degree)
      .def("degree", [](const RatMPoly& p, const std::string& v) { return p.degree(p.ring()->index_of(v)); })
      .def("evaluate", &RatMPoly::evaluate, py::arg("point"), "Value at a point (one Fraction per variable).")
      .def(
          "substitute",
          [](const RatMPoly& p, const py::dict& values) {
            RatMPoly r = p;
            for (auto [k, v] : values) r = r.substitute(p.ring()->index_of(k.cast<std::string>()), v.cast<Rational>());
            return r;
          },
          py::arg("values"), "Substitute {'name': value, ...}.")
      .def(
          "univariate",
          [](const RatMPoly& p, const std::string& v) { return rat_poly_list(p.to_univariate(p.ring()->index_of(v))); },
          py::arg("variable"), "Ascending coefficients in `variable` (the polynomial must involve no other).")
      .def("derivative", [](const RatMPoly& p, const std::string& v) { return p.derivative(p.ring()->index_of(v)); })
      .def("__str__", &RatMPoly::to_string)
      .def("__repr__", [](const RatMPoly& p) { return "MPoly('" + p.to_string() + "')"; })
      .def(py::self + py::self)
      .def(py::self - py::self)
      .def(py::self * py::self)
      .def(py::self == py::self);
}

}  // namespace lcngeom_python
