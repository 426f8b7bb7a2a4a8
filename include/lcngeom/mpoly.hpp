// lcngeom/mpoly.hpp -- multivariate polynomials over Q (FLINT fmpq_mpoly).
//
// An MPolyRing fixes the variable names (and FLINT's context); RatMPoly values
// share their ring through a shared_ptr, so they stay valid as long as any
// polynomial of the ring lives.  Operations between polynomials of different
// rings throw invalid_argument.  Used for symbolic identities (Example 4.12),
// eliminants and discriminant factors (Examples 6.5, 6.12).
//
// Example:
//   auto R = lcngeom::MPolyRing::make({"u1", "u2", "u3"});
//   auto f = lcngeom::RatMPoly::parse(R, "u2^2 - 4*u1*u3");
//   f.evaluate({Rational(1), Rational(2), Rational(1)});  // 0
#ifndef LCNGEOM_MPOLY_HPP
#define LCNGEOM_MPOLY_HPP

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// The ring Q[x_1, ..., x_m] with named variables (FLINT's fmpq_mpoly context; see the file comment).
/// Shared by its polynomials through Ring; not copyable.
class MPolyRing {
 public:
  /// A ring Q[names...] with lexicographic monomial order; names must be
  /// distinct identifiers (letters, digits, '_'; not starting with a digit).
  static std::shared_ptr<const MPolyRing> make(std::vector<std::string> names);
  ~MPolyRing();
  MPolyRing(const MPolyRing&) = delete;
  MPolyRing& operator=(const MPolyRing&) = delete;

  /// Number of variables m.
  long nvars() const noexcept { return static_cast<long>(names_.size()); }
  /// The variable names, in index order.
  const std::vector<std::string>& names() const noexcept { return names_; }
  /// Index of a variable; throws invalid_argument for an unknown name.
  long index_of(std::string_view name) const;
  /// The fmpq_mpoly context (FLINT escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = MPolyRing>
  const detail::flint_t<W>* raw() const noexcept {
    return ctx_.template get<W>();
  }
  /// The names as C strings, for FLINT's pretty printers and parsers.
  const char** c_names() const noexcept { return const_cast<const char**>(c_names_.data()); }

 private:
  explicit MPolyRing(std::vector<std::string> names);
  std::vector<std::string> names_;
  std::vector<const char*> c_names_;
  detail::FlintBox<MPolyRing> ctx_;
};

/// A shared handle on a ring (what RatMPoly keeps).
using Ring = std::shared_ptr<const MPolyRing>;

/// A multivariate polynomial over Q in the variables of its Ring, exact (see the file comment).
class RatMPoly {
 public:
  /// The zero polynomial of `ring`.
  explicit RatMPoly(Ring ring);
  /// The constant polynomial c of `ring`.
  static RatMPoly constant(Ring ring, const Rational& c);
  /// The variable with index i (or name).
  static RatMPoly gen(Ring ring, long i);
  /// The variable with this name; throws invalid_argument for an unknown name.
  static RatMPoly gen(Ring ring, std::string_view name);
  /// Parses FLINT's pretty syntax ("2*u1^2 - 3/4*u2*u3 + 1"); throws parse_error.
  static RatMPoly parse(Ring ring, std::string_view text);

  /// Value semantics: copies are deep and share the ring.
  ///@{
  RatMPoly(const RatMPoly& o);
  RatMPoly(RatMPoly&& o) noexcept;
  RatMPoly& operator=(const RatMPoly& o);
  RatMPoly& operator=(RatMPoly&& o) noexcept;
  ///@}
  ~RatMPoly();

  /// The ring of the polynomial.
  const Ring& ring() const noexcept { return ring_; }
  /// The fmpq_mpoly (FLINT escape hatch, valid with ring()->raw()): needs <lcngeom/flint.hpp>.
  template <class W = RatMPoly>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The fmpq_mpoly (FLINT escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = RatMPoly>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  /// True for the zero polynomial.
  bool is_zero() const noexcept;
  /// True for a constant (including zero).
  bool is_constant() const noexcept;
  /// Number of terms.
  long length() const noexcept;
  /// Degree in variable i (-1 for the zero polynomial).
  long degree(long i) const;
  /// Total degree (-1 for the zero polynomial).
  long total_degree() const;
  /// The partial derivative d/dx_i, exact.
  RatMPoly derivative(long i) const;
  /// Value at a point (one rational per variable); throws invalid_argument on a size mismatch.
  Rational evaluate(const std::vector<Rational>& point) const;
  /// Substitutes variable i := value.
  RatMPoly substitute(long i, const Rational& value) const;
  /// The coefficient of x_i^k, a polynomial in the other variables.
  RatMPoly coefficient(long i, long k) const;
  /// As a univariate polynomial in x_i; throws domain_error if another variable occurs.
  RatPoly to_univariate(long i) const;
  /// The polynomial p(x_i) in the ring (inverse of to_univariate).
  static RatMPoly from_univariate(Ring ring, long i, const RatPoly& p);
  /// FLINT's pretty form with the ring's variable names ("2*u1^2 - 3/4*u2*u3 + 1").
  std::string to_string() const;

  /// Ring operations, exact; throws invalid_argument for polynomials of different rings.
  ///@{
  friend RatMPoly operator+(const RatMPoly& a, const RatMPoly& b);
  friend RatMPoly operator-(const RatMPoly& a, const RatMPoly& b);
  friend RatMPoly operator-(const RatMPoly& a);
  friend RatMPoly operator*(const RatMPoly& a, const RatMPoly& b);
  friend RatMPoly operator*(const Rational& c, const RatMPoly& a);
  ///@}
  /// Same ring and equal polynomials.
  friend bool operator==(const RatMPoly& a, const RatMPoly& b);

 private:
  Ring ring_;
  detail::FlintCell<RatMPoly, 7> v_;
};

/// a^e, exact.
RatMPoly pow(const RatMPoly& a, unsigned long e);
/// Exact quotient; throws domain_error if b does not divide a.
RatMPoly divexact(const RatMPoly& a, const RatMPoly& b);
/// Monic gcd (FLINT's convention for fmpq_mpoly).
RatMPoly gcd(const RatMPoly& a, const RatMPoly& b);
/// Resultant of a and b with respect to variable i (Sylvester, actual degrees in x_i).
RatMPoly resultant(const RatMPoly& a, const RatMPoly& b, long i);
/// Discriminant of a with respect to variable i.
RatMPoly discriminant(const RatMPoly& a, long i);

/// a = constant * prod factor_k^{e_k} with factors irreducible over Q.
struct MPolyFactorization {
  Rational constant;  ///< the rational constant
  std::vector<std::pair<RatMPoly, int>> factors;  ///< the factors, irreducible over Q, with their exponents
};
/// Throws domain_error for the zero polynomial.
MPolyFactorization factor(const RatMPoly& a);

}  // namespace lcngeom

#endif
