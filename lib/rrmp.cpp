// Rrmp: the pattern type, enumeration, and the general exact classifier.
#include "lcngeom/rrmp.hpp"

#include <algorithm>
#include <functional>
#include <ostream>

#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

Rrmp::Rrmp(std::span<const int> rho, std::span<const int> gamma) {
  for (int r : rho) {
    if (r <= 0) throw invalid_argument("real root multiplicity " + std::to_string(r) + " is not positive");
    rho_.push_back(r);
  }
  for (int g : gamma) {
    if (g <= 0) throw invalid_argument("complex root multiplicity " + std::to_string(g) + " is not positive");
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

std::string side_text(std::span<const int> side, bool comma_mode, bool mark_single) {
  if (side.empty()) return "0";
  std::string s;
  for (std::size_t i = 0; i < side.size(); ++i) {
    if (comma_mode && i) s += ',';
    s += std::to_string(side[i]);
  }
  if (mark_single) s += ',';
  return s;
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
  auto big = [](int v) { return v >= 10; };
  const bool comma_mode = std::any_of(rho_.begin(), rho_.end(), big) || std::any_of(gamma_.begin(), gamma_.end(), big);
  // With no comma anywhere, "11|0" would read as two simple roots: mark a lone
  // entry >= 10 with a trailing comma ("11,|0").
  const bool needs_mark = comma_mode && rho_.size() <= 1 && gamma_.size() <= 1;
  const bool mark_rho = needs_mark && rho_.size() == 1 && rho_[0] >= 10;
  const bool mark_gamma = needs_mark && !mark_rho && gamma_.size() == 1 && gamma_[0] >= 10;
  return side_text(rho(), comma_mode, mark_rho) + "|" + side_text(gamma(), comma_mode, mark_gamma);
}

std::vector<Rrmp> all_rrmps(int n) {
  if (n < 0) throw invalid_argument("negative degree " + std::to_string(n));
  std::vector<Rrmp> out;
  for (int c = 0; 2 * c <= n; ++c) {
    std::vector<Partition> rhos = partitions(n - 2 * c);
    std::vector<Partition> gammas = partitions(c);
    std::reverse(gammas.begin(), gammas.end());
    for (const Partition& r : rhos)
      for (const Partition& g : gammas) out.emplace_back(std::span<const int>(r.parts()), std::span<const int>(g.parts()));
  }
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

Rrmp rrmp(const BinaryForm& p) {
  if (p.degree() <= 4) {
    if (std::optional<Rrmp> r = rrmp_closed_form(p)) return *r;
  }
  return rrmp_general(p);
}

Rrmp rrmp(std::span<const long> coefficients) {
  return rrmp(BinaryForm(std::vector<long>(coefficients.begin(), coefficients.end())));
}

std::ostream& operator<<(std::ostream& os, const Rrmp& r) { return os << r.to_string(); }

}  // namespace lcngeom
