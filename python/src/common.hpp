// python/src/common.hpp -- shared pieces of the pybind11 module `lcngeom`.
//
// Number conversions (the module's exactness contract, docs/python.md):
//   lcngeom::Integer  <->  Python int (any size; numpy integers accepted on input)
//   lcngeom::Rational <->  fractions.Fraction (input also: int, numbers.Rational,
//                          and str read exactly by Rational("22/7"), "0.125");
//                          a float is refused (TypeError): it is not an exact input.
// Only public headers of include/lcngeom/ are used here, never detail/.
#ifndef LCNGEOM_PYTHON_COMMON_HPP
#define LCNGEOM_PYTHON_COMMON_HPP

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "lcngeom/integer.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom_python {

namespace py = pybind11;

/// fractions.Fraction, imported once (a leaked reference: module state lives
/// until interpreter shutdown).
py::handle fraction_class();
/// numbers.Rational, imported once.
py::handle rational_abc();

/// Python int -> Integer; false if `src` is not an integer (no __index__).
bool load_integer(py::handle src, lcngeom::Integer& out);
py::object integer_to_python(const lcngeom::Integer& v);
py::object rational_to_python(const lcngeom::Rational& v);

void bind_numbers(py::module_& m);
void bind_forms(py::module_& m);
void bind_lcn(py::module_& m);
void bind_critical(py::module_& m);
void bind_experiments(py::module_& m);

}  // namespace lcngeom_python

namespace pybind11::detail {

template <>
struct type_caster<lcngeom::Integer> {
  PYBIND11_TYPE_CASTER(lcngeom::Integer, const_name("int"));
  bool load(handle src, bool) { return src && lcngeom_python::load_integer(src, value); }
  static handle cast(const lcngeom::Integer& v, return_value_policy, handle) {
    return lcngeom_python::integer_to_python(v).release();
  }
};

template <>
struct type_caster<lcngeom::Rational> {
  PYBIND11_TYPE_CASTER(lcngeom::Rational, const_name("fractions.Fraction"));
  bool load(handle src, bool) {
    if (!src) return false;
    lcngeom::Integer n;
    if (PyFloat_Check(src.ptr())) return false;  // not exact: Fraction(x) or str(x) says what is meant
    if (lcngeom_python::load_integer(src, n)) {
      value = lcngeom::Rational(n);
      return true;
    }
    if (PyUnicode_Check(src.ptr())) {
      value = lcngeom::Rational(src.cast<std::string>());  // parse_error -> lcngeom.ParseError
      return true;
    }
    if (isinstance(src, lcngeom_python::rational_abc())) {
      lcngeom::Integer num, den;
      if (!lcngeom_python::load_integer(src.attr("numerator"), num) ||
          !lcngeom_python::load_integer(src.attr("denominator"), den))
        return false;
      value = lcngeom::Rational(num, den);
      return true;
    }
    return false;
  }
  static handle cast(const lcngeom::Rational& v, return_value_policy, handle) {
    return lcngeom_python::rational_to_python(v).release();
  }
};

}  // namespace pybind11::detail

#endif
