// lcngeom/rat_poly.hpp -- RatPoly: an RAII value type over FLINT's fmpq_poly.
//
// Univariate polynomial with rational coefficients, ascending powers, stored
// by FLINT as (integer polynomial) / (positive common denominator).
#ifndef LCNGEOM_RAT_POLY_HPP
#define LCNGEOM_RAT_POLY_HPP

#include <iosfwd>
#include <string>
#include <vector>

#include <flint/fmpq_poly.h>

#include "lcngeom/int_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

class RatPoly {
 public:
  RatPoly() noexcept { fmpq_poly_init(v_); }
  explicit RatPoly(const std::vector<Rational>& ascending);
  explicit RatPoly(const IntPoly& p) {
    fmpq_poly_init(v_);
    fmpq_poly_set_fmpz_poly(v_, p.raw());
  }
  explicit RatPoly(const fmpq_poly_t p) {
    fmpq_poly_init(v_);
    fmpq_poly_set(v_, p);
  }

  RatPoly(const RatPoly& o) {
    fmpq_poly_init(v_);
    fmpq_poly_set(v_, o.v_);
  }
  RatPoly(RatPoly&& o) noexcept {
    fmpq_poly_init(v_);
    fmpq_poly_swap(v_, o.v_);
  }
  RatPoly& operator=(const RatPoly& o) {
    fmpq_poly_set(v_, o.v_);
    return *this;
  }
  RatPoly& operator=(RatPoly&& o) noexcept {
    fmpq_poly_swap(v_, o.v_);
    return *this;
  }
  ~RatPoly() { fmpq_poly_clear(v_); }

  fmpq_poly_struct* raw() noexcept { return v_; }
  const fmpq_poly_struct* raw() const noexcept { return v_; }

  long degree() const noexcept { return fmpq_poly_degree(v_); }
  long length() const noexcept { return fmpq_poly_length(v_); }
  bool is_zero() const noexcept { return fmpq_poly_is_zero(v_); }
  Rational coeff(long i) const;
  void set_coeff(long i, const Rational& c);
  /// The numerator polynomial: this = numerator() / denominator().
  IntPoly numerator() const;
  Integer denominator() const { return Integer(fmpq_poly_denref(v_)); }
  /// Primitive integer polynomial with positive leading coefficient, the
  /// positive rational multiple of this (zero for zero).
  IntPoly primitive_integer() const;
  RatPoly derivative() const;
  Rational evaluate(const Rational& t) const;
  std::string to_string(const char* var = "t") const;

  friend RatPoly operator+(const RatPoly& a, const RatPoly& b) {
    RatPoly r;
    fmpq_poly_add(r.v_, a.v_, b.v_);
    return r;
  }
  friend RatPoly operator-(const RatPoly& a, const RatPoly& b) {
    RatPoly r;
    fmpq_poly_sub(r.v_, a.v_, b.v_);
    return r;
  }
  friend RatPoly operator-(const RatPoly& a) {
    RatPoly r;
    fmpq_poly_neg(r.v_, a.v_);
    return r;
  }
  friend RatPoly operator*(const RatPoly& a, const RatPoly& b) {
    RatPoly r;
    fmpq_poly_mul(r.v_, a.v_, b.v_);
    return r;
  }
  friend RatPoly operator*(const Rational& c, const RatPoly& b) {
    RatPoly r;
    fmpq_poly_scalar_mul_fmpq(r.v_, b.v_, c.raw());
    return r;
  }
  friend bool operator==(const RatPoly& a, const RatPoly& b) noexcept { return fmpq_poly_equal(a.v_, b.v_); }

 private:
  fmpq_poly_t v_;
};

/// Exact quotient; throws domain_error if b = 0 or b does not divide a.
RatPoly divexact(const RatPoly& a, const RatPoly& b);
/// Monic gcd; gcd(0, 0) = 0.
RatPoly gcd(const RatPoly& a, const RatPoly& b);
/// Division with remainder a = q b + r, deg r < deg b; throws if b = 0.
void divrem(RatPoly& q, RatPoly& r, const RatPoly& a, const RatPoly& b);

std::ostream& operator<<(std::ostream& os, const RatPoly& p);

}  // namespace lcngeom

#endif
