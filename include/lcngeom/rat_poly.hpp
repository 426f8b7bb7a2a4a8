// lcngeom/rat_poly.hpp -- RatPoly: an RAII value type over FLINT's fmpq_poly.
//
// Univariate polynomial with rational coefficients, ascending powers, stored
// by FLINT as (integer polynomial) / (positive common denominator).  The
// fmpq_poly is reached with raw(), which needs <lcngeom/flint.hpp>.
#ifndef LCNGEOM_RAT_POLY_HPP
#define LCNGEOM_RAT_POLY_HPP

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// A univariate polynomial c_0 + c_1 t + ... + c_d t^d over Q, exact (see the file comment).
class RatPoly {
 public:
  RatPoly() noexcept;
  /// From the coefficients c_0, c_1, ... in ascending powers (trailing zeros are dropped).
  explicit RatPoly(const std::vector<Rational>& ascending);
  /// The same integer polynomial, over Q.
  explicit RatPoly(const IntPoly& p);
  /// Copies a FLINT fmpq_poly (needs <lcngeom/flint.hpp>).
  template <detail::flint_struct_of<RatPoly> F>
  explicit RatPoly(const F* p) : RatPoly(from_flint, p) {}

  /// Value semantics: copies are deep, a moved-from polynomial is zero.
  ///@{
  RatPoly(const RatPoly& o);
  RatPoly(RatPoly&& o) noexcept : RatPoly() { v_.swap(o.v_); }
  RatPoly& operator=(const RatPoly& o);
  RatPoly& operator=(RatPoly&& o) noexcept {
    v_.swap(o.v_);
    return *this;
  }
  ///@}
  ~RatPoly();

  /// The fmpq_poly (FLINT escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = RatPoly>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The fmpq_poly (FLINT escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = RatPoly>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  /// Degree; -1 for the zero polynomial.
  long degree() const noexcept { return length() - 1; }
  /// Number of coefficients, degree() + 1 (0 for the zero polynomial).
  long length() const noexcept { return v_.word(2); }  // fmpq_poly_struct::length (checked in flint.hpp)
  /// True for the zero polynomial.
  bool is_zero() const noexcept { return length() == 0; }
  /// Coefficient c_i of t^i (0 for i > degree()); throws invalid_argument for i < 0.
  Rational coeff(long i) const;
  /// Sets c_i, growing the polynomial as needed; throws invalid_argument for i < 0.
  void set_coeff(long i, const Rational& c);
  /// The numerator polynomial: this = numerator() / denominator().
  IntPoly numerator() const;
  /// The positive common denominator of the coefficients (1 for zero).
  Integer denominator() const;
  /// Primitive integer polynomial with positive leading coefficient, the
  /// positive rational multiple of this (zero for zero).
  IntPoly primitive_integer() const;
  /// The derivative d/dt, exact.
  RatPoly derivative() const;
  /// The value at a rational t, exact.
  Rational evaluate(const Rational& t) const;
  /// FLINT's pretty form in the variable `var`, highest power first (e.g. "3/2*t^2-1").
  std::string to_string(const char* var = "t") const;
  /// A hash consistent with ==.
  std::size_t hash() const noexcept;

  /// Ring operations in Q[t], exact.
  ///@{
  friend RatPoly operator+(const RatPoly& a, const RatPoly& b);
  friend RatPoly operator-(const RatPoly& a, const RatPoly& b);
  friend RatPoly operator-(const RatPoly& a);
  friend RatPoly operator*(const RatPoly& a, const RatPoly& b);
  friend RatPoly operator*(const Rational& c, const RatPoly& b);
  ///@}
  /// Equal coefficients.
  friend bool operator==(const RatPoly& a, const RatPoly& b) noexcept;

 private:
  struct FromFlint {};
  static constexpr FromFlint from_flint{};
  RatPoly(FromFlint, const void* fmpq_poly_value);

  detail::FlintCell<RatPoly, 4> v_;
};

/// Exact quotient; throws domain_error if b = 0 or b does not divide a.
RatPoly divexact(const RatPoly& a, const RatPoly& b);
/// Monic gcd; gcd(0, 0) = 0.
RatPoly gcd(const RatPoly& a, const RatPoly& b);
/// Division with remainder a = q b + r, deg r < deg b; throws if b = 0.
void divrem(RatPoly& q, RatPoly& r, const RatPoly& a, const RatPoly& b);

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const RatPoly& p);

}  // namespace lcngeom

/// std::hash support, so that RatPoly can key unordered containers.
template <>
struct std::hash<lcngeom::RatPoly> {
  /// RatPoly::hash().
  std::size_t operator()(const lcngeom::RatPoly& p) const noexcept { return p.hash(); }
};

#endif
