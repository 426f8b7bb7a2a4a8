// Fuzzes BinaryForm::parse (coefficient lists and expressions).  Invariant:
// a parsed form prints and parses back to itself (as an expression and as a
// coefficient list); limits keep every input fast.
#include "fuzz_support.hpp"
#include "lcngeom/binary_form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseOptions o;
  o.max_degree = 200;  // small limits: the fuzzer explores syntax, not big arithmetic
  o.max_bits = 1L << 18;
  fuzz::run([&] {
    const BinaryForm p = BinaryForm::parse(text, o);
    ParseOptions big;  // printing may grow the text, not the form
    fuzz::require(BinaryForm::parse_coefficients(p.to_coefficient_string(), big) == p,
                  "coefficient list round trip of '" + std::string(text) + "'");
    if (!p.is_zero())
      fuzz::require(BinaryForm::parse_expression(p.to_string(), big) == p,
                    "expression round trip of '" + std::string(text) + "' via '" + p.to_string() + "'");
    ParseOptions exact = o;
    exact.degree = p.degree();
    fuzz::require(BinaryForm::parse(text, exact) == p, "expected degree changes the result");
  });
  return 0;
}
