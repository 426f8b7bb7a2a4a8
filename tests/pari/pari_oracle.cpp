// The PARI side of the oracle (see pari_oracle.hpp).  Only this file sees
// <pari/pari.h>.
#include "pari_oracle.hpp"

#include <pari/pari.h>

#include <stdexcept>

namespace lcngeom::pari {

namespace {

GEN integer(const std::string& s) {
  if (s.empty()) throw std::invalid_argument("pari oracle: empty number");
  if (s[0] == '-') return negi(strtoi(s.c_str() + 1));
  return strtoi(s.c_str());
}

GEN number(const std::string& s) {
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos) return integer(s);
  return gdiv(integer(s.substr(0, slash)), integer(s.substr(slash + 1)));
}

GEN polynomial(const Poly& f) {
  if (f.empty()) throw std::invalid_argument("pari oracle: empty polynomial");
  GEN v = cgetg(static_cast<long>(f.size()) + 1, t_VEC);
  for (std::size_t i = 0; i < f.size(); ++i) gel(v, static_cast<long>(i) + 1) = number(f[i]);
  return gtopoly(v, 0);  // leading coefficient first
}

std::string text(GEN x) {
  char* s = GENtostr(x);
  std::string out(s);
  pari_free(s);
  return out;
}

}  // namespace

void init() {
  static bool done = false;
  if (done) return;
  done = true;
  // No PARI signal handlers or longjmp recovery (an error ends the process,
  // which fails the test), and GMP keeps the allocator FLINT uses.
  pari_init_opts(std::size_t{1} << 25, 1UL << 20, INIT_DFTm | INIT_noINTGMPm);
  paristack_setsize(std::size_t{1} << 25, std::size_t{1} << 31);
}

std::string discriminant(const Poly& f) {
  pari_sp av = avma;
  std::string r = text(poldisc0(polynomial(f), -1));
  set_avma(av);
  return r;
}

std::string resultant(const Poly& f, const Poly& g) {
  pari_sp av = avma;
  std::string r = text(polresultant0(polynomial(f), polynomial(g), -1, 0));
  set_avma(av);
  return r;
}

std::vector<Factor> factor(const Poly& f) {
  pari_sp av = avma;
  GEN m = ::factor(polynomial(f));
  GEN fs = gel(m, 1), es = gel(m, 2);
  std::vector<Factor> out;
  for (long i = 1; i < lg(fs); ++i) {
    GEN g = Q_primpart(gel(fs, i));
    if (signe(leading_coeff(g)) < 0) g = gneg(g);
    Factor fac;
    for (long k = degpol(g); k >= 0; --k) fac.coefficients.push_back(text(gel(g, k + 2)));
    fac.multiplicity = itos(gel(es, i));
    out.push_back(std::move(fac));
  }
  set_avma(av);
  return out;
}

long real_root_count(const Poly& f) {
  pari_sp av = avma;
  long r = RgX_sturmpart(polynomial(f), NULL);
  set_avma(av);
  return r;
}

long real_root_count_in(const Poly& f, const std::string& lo, const std::string& hi) {
  pari_sp av = avma;
  long r = RgX_sturmpart(polynomial(f), mkvec2(number(lo), number(hi)));
  set_avma(av);
  return r;
}

}  // namespace lcngeom::pari
