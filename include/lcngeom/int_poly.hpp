// lcngeom/int_poly.hpp -- IntPoly: an RAII value type over FLINT's fmpz_poly.
//
// A univariate polynomial c_0 + c_1 t + ... + c_d t^d with integer
// coefficients, indexed by ascending power (FLINT's convention; binary forms
// use the paper's descending convention, see binary_form.hpp).  The zero
// polynomial has degree -1.  The fmpz_poly is reached with raw(), which
// needs the opt-in header <lcngeom/flint.hpp>.
#ifndef LCNGEOM_INT_POLY_HPP
#define LCNGEOM_INT_POLY_HPP

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <vector>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/integer.hpp"

namespace lcngeom {

/// A univariate polynomial c_0 + c_1 t + ... + c_d t^d over Z, exact (FLINT's fmpz_poly; see the file comment).
class IntPoly {
 public:
  IntPoly() noexcept;
  /// From ascending coefficients c_0, c_1, ...
  explicit IntPoly(const std::vector<Integer>& ascending);
  /// From ascending machine-integer coefficients c_0, c_1, ...
  explicit IntPoly(const std::vector<long>& ascending);
  /// IntPoly{c_0, c_1, ...} (needed beside the two vectors, which are both
  /// reachable from a braced list of ints).
  IntPoly(std::initializer_list<long> ascending) : IntPoly(std::vector<long>(ascending)) {}
  /// Copies a FLINT fmpz_poly (needs <lcngeom/flint.hpp>).
  template <detail::flint_struct_of<IntPoly> F>
  explicit IntPoly(const F* p) : IntPoly(from_flint, p) {}

  /// Value semantics: copies are deep, a moved-from polynomial is zero.
  ///@{
  IntPoly(const IntPoly& o);
  IntPoly(IntPoly&& o) noexcept : IntPoly() { v_.swap(o.v_); }
  IntPoly& operator=(const IntPoly& o);
  IntPoly& operator=(IntPoly&& o) noexcept {
    v_.swap(o.v_);
    return *this;
  }
  ///@}
  ~IntPoly();

  /// The fmpz_poly (FLINT escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = IntPoly>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The fmpz_poly (FLINT escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = IntPoly>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  /// Degree; -1 for the zero polynomial.
  long degree() const noexcept { return length() - 1; }
  /// Number of coefficients, degree() + 1 (0 for the zero polynomial).
  long length() const noexcept { return v_.word(2); }  // fmpz_poly_struct::length (checked in flint.hpp)
  /// True for the zero polynomial.
  bool is_zero() const noexcept { return length() == 0; }
  /// Coefficient of t^i (0 beyond the degree); i >= 0.
  Integer coeff(long i) const;
  /// Sets the coefficient of t^i (i >= 0), growing the polynomial as needed.
  void set_coeff(long i, const Integer& c);
  /// The coefficient of t^degree() (0 for the zero polynomial).
  Integer leading() const;
  /// Non-negative gcd of the coefficients (0 for the zero polynomial).
  Integer content() const;
  /// The polynomial divided by its content, leading coefficient made positive.
  IntPoly primitive_part() const;
  /// The derivative d/dt, exact.
  IntPoly derivative() const;
  /// Value at an integer point.
  Integer evaluate(const Integer& t) const;
  /// FLINT's pretty form in the variable `var`, highest power first (e.g. "3*t^2-1").
  std::string to_string(const char* var = "t") const;
  /// A hash consistent with ==.
  std::size_t hash() const noexcept;

  /// Ring operations in Z[t], exact.
  ///@{
  friend IntPoly operator+(const IntPoly& a, const IntPoly& b);
  friend IntPoly operator-(const IntPoly& a, const IntPoly& b);
  friend IntPoly operator*(const IntPoly& a, const IntPoly& b);
  friend IntPoly operator*(const Integer& c, const IntPoly& b);
  ///@}
  /// Equal coefficients.
  friend bool operator==(const IntPoly& a, const IntPoly& b) noexcept;

 private:
  struct FromFlint {};
  static constexpr FromFlint from_flint{};
  IntPoly(FromFlint, const void* fmpz_poly_value);

  detail::FlintCell<IntPoly, 3> v_;
};

/// Exact quotient; throws domain_error if b = 0 or b does not divide a.
IntPoly divexact(const IntPoly& a, const IntPoly& b);
/// Primitive gcd with positive leading coefficient; gcd(0, 0) = 0.
IntPoly gcd(const IntPoly& a, const IntPoly& b);
/// a^e, exact.
IntPoly pow(const IntPoly& a, unsigned long e);

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const IntPoly& p);

}  // namespace lcngeom

/// std::hash support, so that IntPoly can key unordered containers.
template <>
struct std::hash<lcngeom::IntPoly> {
  /// IntPoly::hash().
  std::size_t operator()(const lcngeom::IntPoly& p) const noexcept { return p.hash(); }
};

#endif
