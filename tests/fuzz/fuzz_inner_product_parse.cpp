// Fuzzes InnerProduct::parse: the first byte is the degree n (0..7), the rest
// the text.  Invariant: what parses is symmetric positive definite of size
// n + 1, so ||p||^2 > 0 for a nonzero p.
#include "fuzz_support.hpp"
#include "lcngeom/inner_product.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  if (size == 0) return 0;
  const int n = data[0] % 8;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  fuzz::run([&] {
    const InnerProduct s = InnerProduct::parse(text, n);
    fuzz::require(s.degree() == n, "degree");
    fuzz::require(is_symmetric_positive_definite(s.matrix()), "SPD");
    std::vector<long> ones(static_cast<std::size_t>(n) + 1, 1);
    fuzz::require(s.norm_squared(BinaryForm(ones)).sign() > 0, "||p||^2 > 0");
  });
  return 0;
}
