// lcngeom/detail/rings.hpp -- the coefficient rings of the critical-point
// solver (internal).
//
// The solver's algebra (building the matrix N(P), determinants, Sylvester
// resultants of small forms, Euclid in one variable) is written once as
// templates over a "ring" object R (detail/ring_algebra.hpp) with
//     using E = ...;                         element type (value semantics)
//     E zero(), one(), from_si(long), from_rational(const Rational&)
//     E add(a, b), sub(a, b), mul(a, b), neg(a)
//     bool is_zero(a)                         exact zero test
// and, for fields and quotient rings,
//     bool is_unit(a)                         false for 0; may throw SplitRequest
//     E inv(a)                                precondition is_unit(a)
// or, for integral domains (fraction-free determinants),
//     E divexact(a, b)                        b divides a
// Instances: Q, F_p, the quotient rings Q[z]/(T), F_p[z]/(T) for a
// square-free T, and the polynomial rings Q[z] and Q[x_1, ..., x_k].  A quotient ring is a product of fields, one per irreducible
// factor of T (one per Galois orbit of points); an element that vanishes on
// some factors but not on others is a zero divisor, and is_unit() then throws
// SplitRequest{gcd(a, T)} so the caller can split T and redo the computation
// on each part (dynamic evaluation, "D5 principle").
#ifndef LCNGEOM_DETAIL_RINGS_HPP
#define LCNGEOM_DETAIL_RINGS_HPP

#include <string>
#include <utility>
#include <vector>

#include <flint/fmpq_poly.h>
#include <flint/nmod_poly.h>
#include <flint/nmod_vec.h>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/mpoly.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom::detail {

/// A polynomial over Z/pZ with value semantics (RAII over nmod_poly_t).
class NmodPoly {
 public:
  NmodPoly() { nmod_poly_init(v_, 2); }
  explicit NmodPoly(ulong p) { nmod_poly_init(v_, p); }
  NmodPoly(ulong p, ulong constant) {
    nmod_poly_init(v_, p);
    nmod_poly_set_coeff_ui(v_, 0, constant);
  }
  NmodPoly(const NmodPoly& o) {
    nmod_poly_init_preinv(v_, o.v_->mod.n, o.v_->mod.ninv);
    nmod_poly_set(v_, o.v_);
  }
  NmodPoly(NmodPoly&& o) noexcept {
    nmod_poly_init_preinv(v_, o.v_->mod.n, o.v_->mod.ninv);
    nmod_poly_swap(v_, o.v_);
  }
  NmodPoly& operator=(const NmodPoly& o) {
    if (this != &o) {
      NmodPoly t(o);
      swap(t);
    }
    return *this;
  }
  NmodPoly& operator=(NmodPoly&& o) noexcept {
    swap(o);
    return *this;
  }
  ~NmodPoly() { nmod_poly_clear(v_); }
  void swap(NmodPoly& o) noexcept {
    nmod_poly_struct t = *v_;
    *v_ = *o.v_;
    *o.v_ = t;
  }

  nmod_poly_struct* raw() noexcept { return v_; }
  const nmod_poly_struct* raw() const noexcept { return v_; }
  ulong modulus() const noexcept { return v_->mod.n; }
  long degree() const noexcept { return nmod_poly_degree(v_); }
  bool is_zero() const noexcept { return nmod_poly_is_zero(v_); }
  ulong coeff(long i) const noexcept { return nmod_poly_get_coeff_ui(v_, i); }
  void set_coeff(long i, ulong c) { nmod_poly_set_coeff_ui(v_, i, c); }

 private:
  nmod_poly_t v_;
};

NmodPoly nmod_gcd(const NmodPoly& a, const NmodPoly& b);
NmodPoly nmod_mul(const NmodPoly& a, const NmodPoly& b);
NmodPoly nmod_div(const NmodPoly& a, const NmodPoly& b);  // exact quotient
NmodPoly nmod_squarefree_part(const NmodPoly& a);         // monic, of a != 0
/// Interpolation through (xs[i], ys[i]) (distinct xs).
NmodPoly nmod_interpolate(const std::vector<ulong>& xs, const std::vector<ulong>& ys, ulong p);
/// Resultant of a and b taken with formal degrees da >= deg a, db >= deg b
/// (the Sylvester determinant of the padded coefficient vectors): FLINT's
/// nmod_poly_resultant made formal by formal_resultant (ring_algebra.hpp).
ulong nmod_formal_resultant(const NmodPoly& a, long da, const NmodPoly& b, long db);

/// Thrown by is_unit() on a zero divisor of a quotient ring; `factor` is the
/// nontrivial monic divisor gcd(a, T) of the modulus T.
template <class Poly>
struct SplitRequest {
  Poly factor;
};

/// The field Q.
struct RationalField {
  using E = Rational;
  E zero() const { return Rational(); }
  E one() const { return Rational(1L); }
  E from_si(long v) const { return Rational(v); }
  E from_rational(const Rational& q) const { return q; }
  E add(const E& a, const E& b) const { return a + b; }
  E sub(const E& a, const E& b) const { return a - b; }
  E mul(const E& a, const E& b) const { return a * b; }
  E neg(const E& a) const { return -a; }
  bool is_zero(const E& a) const { return a.is_zero(); }
  bool is_unit(const E& a) const { return !a.is_zero(); }
  E inv(const E& a) const { return Rational(1L) / a; }
  E divexact(const E& a, const E& b) const { return a / b; }
};

/// The polynomial ring Q[z] (an integral domain: fraction-free determinants).
struct RatPolyRing {
  using E = RatPoly;
  E zero() const { return RatPoly(); }
  E one() const { return RatPoly(std::vector<Rational>{Rational(1L)}); }
  E from_si(long v) const { return RatPoly(std::vector<Rational>{Rational(v)}); }
  E from_rational(const Rational& q) const { return RatPoly(std::vector<Rational>{q}); }
  E add(const E& a, const E& b) const { return a + b; }
  E sub(const E& a, const E& b) const { return a - b; }
  E mul(const E& a, const E& b) const { return a * b; }
  E neg(const E& a) const { return -a; }
  bool is_zero(const E& a) const { return a.is_zero(); }
  E divexact(const E& a, const E& b) const { return lcngeom::divexact(a, b); }
};

/// Polynomials over Q in the variables of a fixed MPolyRing (an integral
/// domain: fraction-free determinants, no inversion).
struct RatMPolyRing {
  using E = RatMPoly;
  Ring R;
  E zero() const { return RatMPoly(R); }
  E one() const { return RatMPoly::constant(R, Rational(1L)); }
  E from_si(long v) const { return RatMPoly::constant(R, Rational(v)); }
  E from_rational(const Rational& q) const { return RatMPoly::constant(R, q); }
  E add(const E& a, const E& b) const { return a + b; }
  E sub(const E& a, const E& b) const { return a - b; }
  E mul(const E& a, const E& b) const { return a * b; }
  E neg(const E& a) const { return -a; }
  bool is_zero(const E& a) const { return a.is_zero(); }
  E divexact(const E& a, const E& b) const { return lcngeom::divexact(a, b); }
};

/// The prime field F_p (p < 2^63 prime).
struct NmodField {
  using E = ulong;
  explicit NmodField(ulong p) { nmod_init(&mod, p); }
  nmod_t mod;
  E zero() const { return 0; }
  E one() const { return 1; }
  E from_si(long v) const {
    ulong r = static_cast<ulong>(v < 0 ? -(v + 1) : v) % mod.n;  // avoids overflow on LONG_MIN
    if (v < 0) r = nmod_neg(nmod_add(r, 1, mod), mod);
    return r;
  }
  /// Throws domain_error if p divides the denominator.
  E from_rational(const Rational& q) const;
  E add(E a, E b) const { return nmod_add(a, b, mod); }
  E sub(E a, E b) const { return nmod_sub(a, b, mod); }
  E mul(E a, E b) const { return nmod_mul(a, b, mod); }
  E neg(E a) const { return nmod_neg(a, mod); }
  bool is_zero(E a) const { return a == 0; }
  bool is_unit(E a) const { return a != 0; }
  E inv(E a) const { return nmod_inv(a, mod); }
};

/// F_p[z]/(T) for a monic square-free T of degree >= 1.
class NmodQuotient {
 public:
  using E = NmodPoly;
  explicit NmodQuotient(NmodPoly modulus);
  const NmodPoly& modulus() const noexcept { return t_; }
  ulong prime() const noexcept { return t_.modulus(); }
  E zero() const { return NmodPoly(prime()); }
  E one() const { return NmodPoly(prime(), 1); }
  E from_si(long v) const { return NmodPoly(prime(), NmodField(prime()).from_si(v)); }
  E from_rational(const Rational& q) const { return NmodPoly(prime(), NmodField(prime()).from_rational(q)); }
  E from_ui(ulong v) const { return NmodPoly(prime(), v % prime()); }
  /// The residue class of an arbitrary polynomial.
  E reduce(const NmodPoly& a) const;
  E add(const E& a, const E& b) const;
  E sub(const E& a, const E& b) const;
  E mul(const E& a, const E& b) const;
  E neg(const E& a) const;
  bool is_zero(const E& a) const { return a.is_zero(); }
  bool is_unit(const E& a) const;
  E inv(const E& a) const;

 private:
  NmodPoly t_, tinv_;
};

/// Q[z]/(T) for a square-free T of degree >= 1 (a number field if T is
/// irreducible: then is_unit never splits).
class RatQuotient {
 public:
  using E = RatPoly;
  explicit RatQuotient(RatPoly modulus);
  const RatPoly& modulus() const noexcept { return t_; }
  E zero() const { return RatPoly(); }
  E one() const { return RatPoly(std::vector<Rational>{Rational(1L)}); }
  E from_si(long v) const { return RatPoly(std::vector<Rational>{Rational(v)}); }
  E from_rational(const Rational& q) const { return RatPoly(std::vector<Rational>{q}); }
  E reduce(const RatPoly& a) const;
  E add(const E& a, const E& b) const { return a + b; }
  E sub(const E& a, const E& b) const { return a - b; }
  E mul(const E& a, const E& b) const { return reduce(a * b); }
  E neg(const E& a) const { return -a; }
  bool is_zero(const E& a) const { return a.is_zero(); }
  bool is_unit(const E& a) const;
  E inv(const E& a) const;

 private:
  RatPoly t_;
};

}  // namespace lcngeom::detail

#endif
