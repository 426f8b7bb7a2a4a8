// Fuzzes Rrmp::parse and Partition::parse.  Invariant: what parses prints and
// parses back to itself, and lambda(rrmp) is a partition of its degree.
#include "fuzz_support.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/rrmp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::run([&] {
    const Rrmp r = Rrmp::parse(text);
    fuzz::require(Rrmp::parse(r.to_string()) == r, "rrmp round trip of '" + std::string(text) + "'");
    fuzz::require(r.lambda().sum() == r.degree(), "lambda of " + r.to_string());
  });
  fuzz::run([&] {
    const Partition p = Partition::parse(text);
    fuzz::require(Partition::parse(p.to_string()) == p, "partition round trip of '" + std::string(text) + "'");
  });
  return 0;
}
