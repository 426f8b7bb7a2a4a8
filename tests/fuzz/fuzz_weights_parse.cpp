// Fuzzes parse_weights ("2,0,5,0;1,0").  Invariant: the filters print and
// parse back to themselves, and mu() of a matching stride-one architecture
// is their product as forms.
#include "fuzz_support.hpp"
#include "lcngeom/architecture.hpp"
#include "lcngeom/parameterization.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::run([&] {
    const Filters w = parse_weights(text);
    std::string printed;
    std::vector<int> sizes;
    for (const auto& f : w) {
      if (!printed.empty()) printed += ';';
      for (std::size_t i = 0; i < f.size(); ++i) printed += (i ? "," : "") + f[i].to_string();
      sizes.push_back(static_cast<int>(f.size()));
    }
    fuzz::require(parse_weights(printed) == w, "weights round trip of '" + std::string(text) + "'");
    if (w.size() <= 6) {
      std::size_t total = 0;
      for (int k : sizes) total += static_cast<std::size_t>(k);
      if (total > 200) return;
      BinaryForm product{1};
      for (const auto& f : w) product = product * filter_form(f);
      fuzz::require(mu(Architecture(sizes), w) == product, "mu is the product of the filter forms (eq. 2.8)");
    }
  });
  return 0;
}
