// Differential: the rrmp dispatcher (machine-integer closed forms, modular
// square-free certificates, Descartes counts, big-integer paths) against the
// general algorithm (FLINT square-free decomposition + Sturm), on forms of
// degree <= 70 from the input.  When the rrmp dispatcher of issue 12 lands,
// call it here in place of rrmp(); rrmp_general stays the reference.
#include "fuzz_support.hpp"
#include "lcngeom/rrmp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  fuzz::Bytes in(data, size);
  const BinaryForm p = fuzz::form(in, 70);
  if (p.is_zero()) return 0;
  fuzz::run([&] {
    const Rrmp want = rrmp_general(p);
    fuzz::require(want.degree() == p.degree(), "degree of rrmp_general");
    const Rrmp got = rrmp(p);
    fuzz::require(got == want, "rrmp(" + p.to_coefficient_string() + ") = " + got.to_string() + ", rrmp_general = " +
                                   want.to_string());
    if (const auto a = fuzz::machine_coefficients(p)) {
      const Rrmp fast = rrmp(std::span<const long>(*a));
      fuzz::require(fast == want, "rrmp(span " + p.to_coefficient_string() + ") = " + fast.to_string() +
                                      ", rrmp_general = " + want.to_string());
    }
  });
  return 0;
}
