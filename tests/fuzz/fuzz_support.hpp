// Shared helpers for the libFuzzer harnesses (tests/fuzz/README.md).
//
// Contract of every harness: an input either gives a result that satisfies
// the stated invariant or throws an lcngeom::error; any other exception, a
// violated invariant, a sanitizer report or a hang is a finding.
#ifndef LCNGEOM_TESTS_FUZZ_SUPPORT_HPP
#define LCNGEOM_TESTS_FUZZ_SUPPORT_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom::fuzz {

/// Aborts (a libFuzzer finding) with a message.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "lcngeom fuzz: invariant violated: %s\n", what.c_str());
  std::abort();
}

inline void require(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

/// Runs f; lcngeom::error is an accepted outcome, anything else a finding.
template <class F>
void run(F&& f) {
  try {
    f();
  } catch (const lcngeom::error&) {
  } catch (const std::exception& e) {
    fail(std::string("unexpected exception: ") + e.what());
  }
}

/// Reads the input as a stream of integers of varying widths.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : p_(data), n_(size) {}
  bool empty() const { return n_ == 0; }
  std::uint8_t byte() {
    if (n_ == 0) return 0;
    --n_;
    return *p_++;
  }
  std::uint64_t word(int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = v << 8 | byte();
    return v;
  }
  /// A signed integer whose width (1, 2, 4 or 8 bytes, or small) the input chooses.
  long integer() {
    const std::uint8_t w = byte();
    switch (w & 7) {
      case 0: return 0;
      case 1: return static_cast<long>(w >> 3) - 16;
      case 2: return static_cast<std::int8_t>(byte());
      case 3: return static_cast<std::int16_t>(word(2));
      case 4: return static_cast<std::int32_t>(word(4));
      case 5: return static_cast<long>(word(8) >> 2) * ((w & 8) ? -1 : 1);  // |v| < 2^62
      case 6: return static_cast<long>(word(8));                           // any long
      default: return static_cast<long>(w >> 4) * ((w & 8) ? -1 : 1);
    }
  }
  std::string_view text() const { return {reinterpret_cast<const char*>(p_), n_}; }

 private:
  const std::uint8_t* p_;
  std::size_t n_;
};

/// A form of degree <= max_degree read from the input: machine-size
/// coefficients of every width, some scaled by 2^k (k < 256) to leave the
/// machine-integer fast paths.
inline BinaryForm form(Bytes& in, int max_degree) {
  const int n = in.byte() % (max_degree + 1);
  const std::uint8_t big = in.byte();
  std::vector<Rational> a;
  for (int i = 0; i <= n; ++i) {
    Rational c(in.integer());
    if ((big & 3) == 3 && (in.byte() & 1)) c *= Rational(pow(Integer(2L), big));
    a.push_back(c);
  }
  return BinaryForm(a);
}

/// The coefficients of p as machine integers, if they are integers that fit.
inline std::optional<std::vector<long>> machine_coefficients(const BinaryForm& p) {
  std::vector<long> out;
  for (const Rational& c : p.coefficients()) {
    if (!c.is_integer() || !c.numerator().fits_long()) return std::nullopt;
    out.push_back(c.numerator().to_long());
  }
  return out;
}

}  // namespace lcngeom::fuzz

#endif
