// Fuzzes Architecture::parse / parse_with_input on "filters|strides|sizes"
// and the derived quantities (widths, end-to-end filter, counts): every
// architecture that parses has consistent widths (eq. 2.4) and Prop. 2.2's k.
#include "fuzz_support.hpp"
#include "lcngeom/architecture.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view part[3];
  for (int i = 0; i < 3; ++i) {
    const std::size_t bar = text.find('|');
    part[i] = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
  }
  for (bool input : {false, true})
    fuzz::run([&] {
      const Architecture a = input ? Architecture::parse_with_input(part[0], part[1], part[2])
                                   : Architecture::parse(part[0], part[1], part[2]);
      const auto w = a.widths();
      fuzz::require(static_cast<int>(w.size()) == a.dimension(), "widths per dimension");
      for (int d = 0; d < a.dimension(); ++d) {
        fuzz::require(static_cast<int>(w[static_cast<std::size_t>(d)].size()) == a.depth() + 1, "L + 1 widths");
        for (int v : w[static_cast<std::size_t>(d)]) fuzz::require(v >= 1, "a width < 1 in " + a.to_string());
      }
      (void)a.end_to_end_filter_shape();
      (void)a.parameter_count();
      (void)a.ambient_dimension();
      (void)a.to_string();
      if (a.dimension() == 1) {
        const std::vector<int> k = a.filters();
        long e2e = k[0], s = 1;
        for (std::size_t l = 1; l < k.size(); ++l) {
          s *= a.strides()[l - 1];
          e2e += (k[l] - 1) * s;
        }
        fuzz::require(e2e == a.end_to_end_filter_size(), "Prop. 2.2 end-to-end filter size of " + a.to_string());
      }
    });
  return 0;
}
