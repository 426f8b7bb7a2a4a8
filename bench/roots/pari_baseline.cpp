// pari_baseline.cpp -- libpari calls of bench_roots (see pari_baseline.hpp).
#include "pari_baseline.hpp"

#include <pari/pari.h>

namespace bench::pari {

void init() {
  // INIT_noINTGMPm: keep GMP's default allocator (FLINT uses GMP too).
  pari_init_opts(std::size_t(64) << 20, 0, INIT_DFTm | INIT_noINTGMPm);
  paristack_setsize(std::size_t(64) << 20, std::size_t(8) << 30);
}

Poly::Poly(const std::vector<std::string>& ascending) {
  const pari_sp av = avma;
  const long n = static_cast<long>(ascending.size());
  GEN p = cgetg(n + 2, t_POL);
  p[1] = evalsigne(1) | evalvarn(0);
  for (long i = 0; i < n; ++i) {
    const std::string& c = ascending[static_cast<std::size_t>(i)];
    // strtoi reads digits only.
    gel(p, i + 2) = c[0] == '-' ? negi(strtoi(c.c_str() + 1)) : strtoi(c.c_str());
  }
  p = normalizepol(p);
  p_ = gclone(p);
  set_avma(av);
}

Poly::~Poly() { gunclone(static_cast<GEN>(p_)); }

std::vector<SquarefreePart> Poly::rrmp_parts() const {
  const pari_sp av = avma;
  GEN p = static_cast<GEN>(p_);
  std::vector<SquarefreePart> out;
  if (ZX_is_squarefree(p)) {
    out.push_back({1, static_cast<int>(degpol(p)), static_cast<int>(ZX_sturm(p))});
  } else {
    GEN ex;
    GEN f = ZX_squff(p, &ex);
    for (long i = 1; i < lg(f); ++i)
      out.push_back(
          {static_cast<int>(ex[i]), static_cast<int>(degpol(gel(f, i))), static_cast<int>(ZX_sturm(gel(f, i)))});
  }
  set_avma(av);
  return out;
}

long Poly::real_roots(long bits) const {
  const pari_sp av = avma;
  const long k = lg(realroots(static_cast<GEN>(p_), nullptr, nbits2prec(bits))) - 1;
  set_avma(av);
  return k;
}

}  // namespace bench::pari
