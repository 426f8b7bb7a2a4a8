// lcngeom/int_poly.hpp -- IntPoly: an RAII value type over FLINT's fmpz_poly.
//
// A univariate polynomial c_0 + c_1 t + ... + c_d t^d with integer
// coefficients, indexed by ascending power (FLINT's convention; binary forms
// use the paper's descending convention, see binary_form.hpp).  The zero
// polynomial has degree -1.
#ifndef LCNGEOM_INT_POLY_HPP
#define LCNGEOM_INT_POLY_HPP

#include <iosfwd>
#include <string>
#include <vector>

#include <flint/fmpz_poly.h>

#include "lcngeom/integer.hpp"

namespace lcngeom {

class IntPoly {
 public:
  IntPoly() noexcept { fmpz_poly_init(v_); }
  /// From ascending coefficients c_0, c_1, ...
  explicit IntPoly(const std::vector<Integer>& ascending);
  explicit IntPoly(const std::vector<long>& ascending);
  explicit IntPoly(const fmpz_poly_t p) {
    fmpz_poly_init(v_);
    fmpz_poly_set(v_, p);
  }

  IntPoly(const IntPoly& o) {
    fmpz_poly_init(v_);
    fmpz_poly_set(v_, o.v_);
  }
  IntPoly(IntPoly&& o) noexcept {
    fmpz_poly_init(v_);
    fmpz_poly_swap(v_, o.v_);
  }
  IntPoly& operator=(const IntPoly& o) {
    fmpz_poly_set(v_, o.v_);
    return *this;
  }
  IntPoly& operator=(IntPoly&& o) noexcept {
    fmpz_poly_swap(v_, o.v_);
    return *this;
  }
  ~IntPoly() { fmpz_poly_clear(v_); }

  fmpz_poly_struct* raw() noexcept { return v_; }
  const fmpz_poly_struct* raw() const noexcept { return v_; }

  long degree() const noexcept { return fmpz_poly_degree(v_); }
  long length() const noexcept { return fmpz_poly_length(v_); }
  bool is_zero() const noexcept { return fmpz_poly_is_zero(v_); }
  /// Coefficient of t^i (0 beyond the degree); i >= 0.
  Integer coeff(long i) const;
  void set_coeff(long i, const Integer& c);
  Integer leading() const;
  /// Non-negative gcd of the coefficients (0 for the zero polynomial).
  Integer content() const;
  /// The polynomial divided by its content, leading coefficient made positive.
  IntPoly primitive_part() const;
  IntPoly derivative() const;
  /// Value at an integer point.
  Integer evaluate(const Integer& t) const;
  std::string to_string(const char* var = "t") const;

  friend IntPoly operator+(const IntPoly& a, const IntPoly& b) {
    IntPoly r;
    fmpz_poly_add(r.v_, a.v_, b.v_);
    return r;
  }
  friend IntPoly operator-(const IntPoly& a, const IntPoly& b) {
    IntPoly r;
    fmpz_poly_sub(r.v_, a.v_, b.v_);
    return r;
  }
  friend IntPoly operator*(const IntPoly& a, const IntPoly& b) {
    IntPoly r;
    fmpz_poly_mul(r.v_, a.v_, b.v_);
    return r;
  }
  friend IntPoly operator*(const Integer& c, const IntPoly& b) {
    IntPoly r;
    fmpz_poly_scalar_mul_fmpz(r.v_, b.v_, c.raw());
    return r;
  }
  friend bool operator==(const IntPoly& a, const IntPoly& b) noexcept { return fmpz_poly_equal(a.v_, b.v_); }

 private:
  fmpz_poly_t v_;
};

/// Exact quotient; throws domain_error if b = 0 or b does not divide a.
IntPoly divexact(const IntPoly& a, const IntPoly& b);
/// Primitive gcd with positive leading coefficient; gcd(0, 0) = 0.
IntPoly gcd(const IntPoly& a, const IntPoly& b);
IntPoly pow(const IntPoly& a, unsigned long e);

std::ostream& operator<<(std::ostream& os, const IntPoly& p);

}  // namespace lcngeom

#endif
