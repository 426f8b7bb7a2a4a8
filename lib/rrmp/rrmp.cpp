// Rrmp: the pattern type, enumeration, the reference classifier rrmp_general
// and the one dispatcher rrmp() (closed forms / machine-integer fast path /
// any-size path, each counting real roots with the certified engine).
#include "lcngeom/rrmp.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <ostream>

#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include "lcngeom/detail/descartes.hpp"
#include "lcngeom/detail/isolate.hpp"
#include "lcngeom/detail/rrmp_small.hpp"
#include "lcngeom/detail/squarefree_mod.hpp"
#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

Rrmp::Rrmp(std::span<const int> rho, std::span<const int> gamma) {
  long degree = 0;  // bounded so that degree() cannot overflow an int
  auto count = [&](long m) {
    degree += m;
    if (degree > kMaxPartitionSum)
      throw invalid_argument("rrmp of degree above " + std::to_string(kMaxPartitionSum));
  };
  for (int r : rho) {
    if (r <= 0) throw invalid_argument("real root multiplicity " + std::to_string(r) + " is not positive");
    count(r);
    rho_.push_back(r);
  }
  for (int g : gamma) {
    if (g <= 0) throw invalid_argument("complex root multiplicity " + std::to_string(g) + " is not positive");
    count(2L * g);
    gamma_.push_back(g);
  }
  normalize();
}

namespace {

std::vector<int> parse_side(std::string_view side, bool comma_mode, std::string_view text) {
  std::vector<int> out;
  if (side == "0") return out;
  if (side.empty()) throw parse_error("empty side in rrmp '" + std::string(text) + "'");
  if (comma_mode) {
    for (std::string_view f : detail::split(side, ',')) {
      if (f.empty()) continue;  // "11,|0" marks a single entry >= 10
      if (f.size() > 6 || f.find_first_not_of("0123456789") != std::string_view::npos)
        throw parse_error("bad multiplicity '" + std::string(f) + "' in rrmp '" + std::string(text) + "'");
      int v = std::stoi(std::string(f));
      if (v <= 0) throw parse_error("multiplicity 0 inside rrmp '" + std::string(text) + "'");
      out.push_back(v);
    }
  } else {
    for (char c : side) {
      if (c < '1' || c > '9')
        throw parse_error("bad multiplicity '" + std::string(1, c) + "' in rrmp '" + std::string(text) + "'");
      out.push_back(c - '0');
    }
  }
  return out;
}

// One side in comma mode ("1,12"), "0" if empty.
void append_side(std::string& out, std::span<const int> side, bool mark_single) {
  if (side.empty()) out += '0';
  for (std::size_t i = 0; i < side.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(side[i]);
  }
  if (mark_single) out += ',';
}

}  // namespace

Rrmp Rrmp::parse(std::string_view text) {
  std::string_view t = detail::trim(text);
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') t = detail::trim(t.substr(1, t.size() - 2));
  std::size_t bar = t.find('|');
  if (bar == std::string_view::npos || t.find('|', bar + 1) != std::string_view::npos)
    throw parse_error("an rrmp has the form rho|gamma (e.g. 112|0), got '" + std::string(text) + "'");
  const bool comma_mode = t.find(',') != std::string_view::npos;
  std::vector<int> rho = parse_side(detail::trim(t.substr(0, bar)), comma_mode, text);
  std::vector<int> gamma = parse_side(detail::trim(t.substr(bar + 1)), comma_mode, text);
  return Rrmp(rho, gamma);
}

int Rrmp::degree() const noexcept {
  int d = 0;
  for (int r : rho_) d += r;
  for (int g : gamma_) d += 2 * g;
  return d;
}

int Rrmp::real_root_count() const noexcept {
  int d = 0;
  for (int r : rho_) d += r;
  return d;
}

Partition Rrmp::lambda() const {
  std::vector<int> parts(rho_.begin(), rho_.end());
  for (int g : gamma_) {
    parts.push_back(g);
    parts.push_back(g);
  }
  return Partition(std::move(parts));
}

std::string Rrmp::to_string() const {
  std::string s;
  append_to(s);
  return s;
}

void Rrmp::append_to(std::string& out) const {
  auto big = [](int v) { return v >= 10; };
  const bool comma_mode = std::any_of(rho_.begin(), rho_.end(), big) || std::any_of(gamma_.begin(), gamma_.end(), big);
  if (!comma_mode) {
    // One digit per multiplicity.
    if (rho_.empty()) out += '0';
    for (int r : rho_) out += static_cast<char>('0' + r);
    out += '|';
    if (gamma_.empty()) out += '0';
    for (int g : gamma_) out += static_cast<char>('0' + g);
    return;
  }
  // With no comma anywhere, "11|0" would read as two simple roots: mark a lone
  // entry >= 10 with a trailing comma ("11,|0").
  const bool needs_mark = rho_.size() <= 1 && gamma_.size() <= 1;
  const bool mark_rho = needs_mark && rho_.size() == 1 && rho_[0] >= 10;
  const bool mark_gamma = needs_mark && !mark_rho && gamma_.size() == 1 && gamma_[0] >= 10;
  append_side(out, rho(), mark_rho);
  out += '|';
  append_side(out, gamma(), mark_gamma);
}

std::uint64_t rrmp_count(int n) {
  if (n < 0) throw invalid_argument("negative degree " + std::to_string(n));
  if (n > kMaxRrmpCountArgument)
    throw invalid_argument("the number of rrmps of degree " + std::to_string(n) + " does not fit 64 bits (degree <= " +
                           std::to_string(kMaxRrmpCountArgument) + ")");
  std::uint64_t total = 0;  // c complex pairs: p(n - 2c) choices of rho, p(c) of gamma
  for (int c = 0; 2 * c <= n; ++c) total += partition_count(n - 2 * c) * partition_count(c);
  return total;
}

void for_each_rrmp(int n, const std::function<bool(const Rrmp&)>& visit) {
  if (n < 0) throw invalid_argument("negative degree " + std::to_string(n));
  bool go = true;
  for (int c = 0; 2 * c <= n && go; ++c)
    for_each_partition(n - 2 * c, [&](const Partition& r) {
      for_each_partition(
          c,
          [&](const Partition& g) {
            go = visit(Rrmp(std::span<const int>(r.parts()), std::span<const int>(g.parts())));
            return go;
          },
          /*decreasing=*/true);
      return go;
    });
}

std::vector<Rrmp> all_rrmps(int n) {
  if (n < 0) throw invalid_argument("negative degree " + std::to_string(n));
  if (n > kMaxRrmpCountArgument || rrmp_count(n) > kMaxRrmpList)
    throw invalid_argument("all_rrmps(" + std::to_string(n) + ") would list " +
                           (n > kMaxRrmpCountArgument ? std::string("more than 2^64") : std::to_string(rrmp_count(n))) +
                           " rrmps, above the limit of " + std::to_string(kMaxRrmpList) +
                           " (degree <= 43); use for_each_rrmp (streaming) or rrmp_count");
  std::vector<Rrmp> out;
  out.reserve(static_cast<std::size_t>(rrmp_count(n)));
  for_each_rrmp(n, [&](const Rrmp& r) {
    out.push_back(r);
    return true;
  });
  return out;
}

Rrmp rrmp_general(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the zero form (degree " + std::to_string(p.degree()) + ") has no rrmp");
  Rrmp out;
  const int m = p.multiplicity_at_infinity();
  if (m > 0) out.push_real(m);
  IntPoly f = p.primitive_dehomogenized();
  if (f.degree() > 0) {
    if (fmpz_poly_is_squarefree(f.raw())) {
      const int r = static_cast<int>(fmpz_poly_num_real_roots(f.raw()));
      out.push_real(1, r);
      out.push_complex(1, (static_cast<int>(f.degree()) - r) / 2);
    } else {
      fmpz_poly_factor_t fac;
      fmpz_poly_factor_init(fac);
      fmpz_poly_factor_squarefree(fac, f.raw());
      for (slong i = 0; i < fac->num; ++i) {
        const int e = static_cast<int>(fac->exp[i]);
        const int d = static_cast<int>(fmpz_poly_degree(fac->p + i));
        const int r = static_cast<int>(fmpz_poly_num_real_roots(fac->p + i));
        out.push_real(e, r);
        out.push_complex(e, (d - r) / 2);
      }
      fmpz_poly_factor_clear(fac);
    }
  }
  out.normalize();
  return out;
}

namespace {

constexpr std::int64_t kSmall = std::int64_t(1) << 62;

[[noreturn]] void throw_zero_form(int degree) {
  throw domain_error("the zero form (degree " + std::to_string(degree) + ") has no rrmp");
}

// Distinct real roots of a square-free nonconstant f: the double-precision
// Descartes count when the coefficients are machine integers and the degree is
// at most 64 (the batch path), otherwise -- or when it gives up -- the
// certified isolation engine of any degree and size (detail/isolate.hpp).
int real_root_count(const fmpz_poly_struct* f) {
  const slong len = fmpz_poly_length(f);
  if (detail::sturm_is_cheap(f)) return static_cast<int>(detail::count_real_roots_sturm_cheap(f));
  if (len - 1 <= detail::kDescartesMaxDegree) {
    std::int64_t c[detail::kDescartesMaxDegree + 1];
    bool small = true;
    for (slong i = 0; i < len && small; ++i) {
      small = fmpz_fits_si(f->coeffs + i);
      if (small) {
        c[i] = fmpz_get_si(f->coeffs + i);
        small = c[i] < kSmall && c[i] > -kSmall;
      }
    }
    if (small)
      if (std::optional<int> r =
              detail::count_real_roots_descartes(std::span<const std::int64_t>(c, static_cast<std::size_t>(len))))
        return *r;
  }
  return detail::count_real_roots_squarefree(f);
}

int real_root_count(std::span<const std::int64_t> c) {
  // Mignotte-like inputs first: the double Descartes count would give up on
  // their cluster only after ~100 us (degree 64), Sturm takes ~20 us.
  if (detail::sturm_is_cheap(c))
    return static_cast<int>(detail::count_real_roots_sturm_cheap(IntPoly(std::vector<long>(c.begin(), c.end())).raw()));
  if (std::optional<int> r = detail::count_real_roots_descartes(c)) return *r;
  return detail::count_real_roots_squarefree(IntPoly(std::vector<long>(c.begin(), c.end())).raw());
}

// Adds the roots in the affine chart of a nonconstant f via FLINT's
// square-free decomposition (the path for forms with a repeated factor).
void add_roots_by_decomposition(Rrmp& out, const fmpz_poly_struct* f) {
  fmpz_poly_factor_t fac;
  fmpz_poly_factor_init(fac);
  fmpz_poly_factor_squarefree(fac, f);
  for (slong i = 0; i < fac->num; ++i) {
    const int e = static_cast<int>(fac->exp[i]);
    const int d = static_cast<int>(fmpz_poly_degree(fac->p + i));
    const int r = real_root_count(fac->p + i);
    out.push_real(e, r);
    out.push_complex(e, (d - r) / 2);
  }
  fmpz_poly_factor_clear(fac);
}

void merge(Rrmp& out, const Rrmp& part) {
  for (int r : part.rho()) out.push_real(r);
  for (int g : part.gamma()) out.push_complex(g);
}

// Coefficients of any size: the big-integer closed forms for n <= 4,
// otherwise the modular square-freeness certificate first and FLINT's
// square-free decomposition only when it fails; real roots counted by
// real_root_count.
Rrmp rrmp_exact(const BinaryForm& p) {
  if (p.degree() <= 4)
    if (std::optional<Rrmp> r = rrmp_closed_form(p)) return *r;
  if (p.is_zero()) throw_zero_form(p.degree());
  Rrmp out;
  const int m = p.multiplicity_at_infinity();
  if (m > 0) out.push_real(m);
  const IntPoly f = p.primitive_dehomogenized();
  if (f.degree() > 0) {
    if (detail::squarefree_certificate(f.raw())) {
      const int r = real_root_count(f.raw());
      out.push_real(1, r);
      out.push_complex(1, (static_cast<int>(f.degree()) - r) / 2);
    } else {
      add_roots_by_decomposition(out, f.raw());
    }
  }
  out.normalize();
  return out;
}

// The rrmp of the nonzero form with machine-integer coefficients a (descending).
Rrmp rrmp_machine(std::span<const long> a) {
  const int n = static_cast<int>(a.size()) - 1;
  if (n <= 4) {
    if (std::optional<Rrmp> r = detail::rrmp_closed_form_small(a)) return std::move(*r);
    return rrmp_exact(BinaryForm(std::vector<long>(a.begin(), a.end())));
  }
  // Strip the exact roots (1:0) (leading zeros) and (0:1) (trailing zeros).
  int m = 0, z = 0;
  while (a[static_cast<std::size_t>(m)] == 0) ++m;
  while (a[static_cast<std::size_t>(n - z)] == 0) ++z;
  const int d = n - m - z;
  Rrmp out;
  if (m > 0) out.push_real(m);
  if (z > 0) out.push_real(z);
  const std::span<const long> core = a.subspan(static_cast<std::size_t>(m), static_cast<std::size_t>(d) + 1);
  bool small = d <= detail::kDescartesMaxDegree;
  for (long v : core) small = small && v < kSmall && v > -kSmall;
  if (d == 0) {
    // only the roots at 0 and infinity
  } else if (d <= 4 && small) {
    if (std::optional<Rrmp> r = detail::rrmp_closed_form_small(core)) merge(out, *r);
    else merge(out, rrmp_exact(BinaryForm(std::vector<long>(core.begin(), core.end()))));
  } else if (small) {
    std::int64_t c[detail::kDescartesMaxDegree + 1];  // ascending: c_k is the coefficient of t^k
    for (int k = 0; k <= d; ++k) c[k] = core[static_cast<std::size_t>(d - k)];
    const std::span<const std::int64_t> cs(c, static_cast<std::size_t>(d) + 1);
    if (detail::squarefree_certificate(cs)) {
      const int r = real_root_count(cs);
      out.push_real(1, r);
      out.push_complex(1, (d - r) / 2);
    } else if (std::optional<detail::SquarefreeParts> parts = detail::squarefree_decomposition_modular(cs)) {
      for (int k = 0; k < parts->size(); ++k) {
        const std::span<const std::int64_t> f = parts->factor(k);
        const int e = parts->multiplicity(k), deg = static_cast<int>(f.size()) - 1;
        const int r = real_root_count(f);
        out.push_real(e, r);
        out.push_complex(e, (deg - r) / 2);
      }
    } else {
      add_roots_by_decomposition(out, IntPoly(std::vector<long>(cs.begin(), cs.end())).raw());
    }
  } else {
    merge(out, rrmp_exact(BinaryForm(std::vector<long>(core.begin(), core.end()))));
  }
  out.normalize();
  return out;
}

}  // namespace

Rrmp rrmp(const BinaryForm& p) {
  // The numerator of the stored polynomial is a positive multiple of p(t, 1),
  // so its integer coefficients have the same rrmp.
  const int n = p.degree();
  const fmpq_poly_struct* f = p.dehomogenized().raw();
  constexpr int kStack = 65;
  if (n < kStack) {
    long a[kStack];
    const slong len = fmpq_poly_length(f);
    bool fits = true;
    for (int i = 0; i <= n && fits; ++i) {
      const slong k = n - i;
      if (k >= len) {
        a[i] = 0;
      } else {
        const fmpz* c = fmpq_poly_numref(f) + k;
        fits = fmpz_fits_si(c);
        if (fits) a[i] = fmpz_get_si(c);
      }
    }
    if (fits) {
      if (p.is_zero()) throw_zero_form(n);
      return rrmp_machine(std::span<const long>(a, static_cast<std::size_t>(n) + 1));
    }
  }
  return rrmp_exact(p);
}

Rrmp rrmp(std::span<const long> coefficients) {
  if (coefficients.empty()) throw invalid_argument("a binary form needs at least one coefficient (got an empty list)");
  bool zero = true;
  for (long v : coefficients) zero = zero && v == 0;
  if (zero) throw_zero_form(static_cast<int>(coefficients.size()) - 1);
  return rrmp_machine(coefficients);
}

std::ostream& operator<<(std::ostream& os, const Rrmp& r) { return os << r.to_string(); }

}  // namespace lcngeom
