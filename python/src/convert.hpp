// python/src/convert.hpp -- polynomial and matrix conversions shared by the
// binding files: IntPoly / RatPoly -> ascending coefficient lists,
// RatMatrix <-> list of rows of Fractions.
#ifndef LCNGEOM_PYTHON_CONVERT_HPP
#define LCNGEOM_PYTHON_CONVERT_HPP

#include <vector>

#include "common.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rat_poly.hpp"

namespace lcngeom_python {

inline std::vector<lcngeom::Integer> int_poly_list(const lcngeom::IntPoly& p) {
  std::vector<lcngeom::Integer> c;
  for (long i = 0; i < p.length(); ++i) c.push_back(p.coeff(i));
  return c;
}

inline std::vector<lcngeom::Rational> rat_poly_list(const lcngeom::RatPoly& p) {
  std::vector<lcngeom::Rational> c;
  for (long i = 0; i < p.length(); ++i) c.push_back(p.coeff(i));
  return c;
}

}  // namespace lcngeom_python

namespace pybind11::detail {

/// RatMatrix <-> [[Fraction, ...], ...] (rows).
template <>
struct type_caster<lcngeom::RatMatrix> {
  PYBIND11_TYPE_CASTER(lcngeom::RatMatrix, const_name("list[list[fractions.Fraction]]"));
  bool load(handle src, bool convert) {
    make_caster<std::vector<std::vector<lcngeom::Rational>>> rows;
    // numpy arrays are not sequences of Python numbers in the exact sense; convert via tolist().
    object obj = reinterpret_borrow<object>(src);
    if (hasattr(obj, "tolist") && !isinstance<sequence>(obj)) obj = obj.attr("tolist")();
    if (!rows.load(obj, convert)) return false;
    const auto& r = static_cast<std::vector<std::vector<lcngeom::Rational>>&>(rows);
    if (r.empty()) {
      value = lcngeom::RatMatrix();
      return true;
    }
    value = lcngeom::RatMatrix(r);  // ragged rows: lcngeom::invalid_argument
    return true;
  }
  static handle cast(const lcngeom::RatMatrix& m, return_value_policy, handle) {
    list rows;
    for (long i = 0; i < m.rows(); ++i) {
      list row;
      for (long j = 0; j < m.cols(); ++j) row.append(lcngeom_python::rational_to_python(m.at(i, j)));
      rows.append(row);
    }
    return rows.release();
  }
};

}  // namespace pybind11::detail

#endif
