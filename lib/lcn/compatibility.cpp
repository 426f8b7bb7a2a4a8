// Balls-into-bins compatibility of rrmps with architectures (Section 5.1).
#include "lcngeom/compatibility.hpp"

#include <functional>
#include <numeric>

#include "lcngeom/error.hpp"

namespace lcngeom {

std::string Placement::to_string() const {
  std::string s;
  for (std::size_t l = 0; l < bins.size(); ++l) {
    if (l) s += "\u00b7";
    if (bins[l].empty()) s += "1";
    for (const Factor& f : bins[l]) {
      s += f.complex ? 'q' : 'p';
      s += std::to_string(f.index);
    }
  }
  return s;
}

std::optional<Placement> compatible_placement(const Rrmp& r, std::span<const int> filter_sizes) {
  int total = 0;
  for (int k : filter_sizes) {
    if (k < 1) throw invalid_argument("filter size " + std::to_string(k) + " is not positive");
    total += k - 1;
  }
  if (total != r.degree())
    throw invalid_argument("rrmp " + r.to_string() + " has degree " + std::to_string(r.degree()) +
                           " but the filters give forms of degree " + std::to_string(total));
  // Colours: (size, multiplicity, factor).
  struct Colour {
    int size, mult;
    Placement::Factor factor;
  };
  std::vector<Colour> colours;
  int idx = 0;
  for (int m : r.rho()) colours.push_back({1, m, {false, ++idx}});
  idx = 0;
  for (int m : r.gamma()) colours.push_back({2, m, {true, ++idx}});

  const std::size_t L = filter_sizes.size();
  std::vector<int> cap(L);
  for (std::size_t l = 0; l < L; ++l) cap[l] = filter_sizes[l] - 1;
  std::vector<std::vector<std::size_t>> chosen(colours.size());

  // Place colour c into `mult` distinct bins, choosing bin sets in
  // lexicographic order starting at bin `from`.
  std::function<bool(std::size_t)> place_colour;
  std::function<bool(std::size_t, int, std::size_t)> choose = [&](std::size_t c, int left, std::size_t from) {
    if (left == 0) return place_colour(c + 1);
    for (std::size_t l = from; l < L; ++l) {
      if (cap[l] < colours[c].size) continue;
      cap[l] -= colours[c].size;
      chosen[c].push_back(l);
      if (choose(c, left - 1, l + 1)) return true;
      chosen[c].pop_back();
      cap[l] += colours[c].size;
    }
    return false;
  };
  place_colour = [&](std::size_t c) {
    if (c == colours.size()) return true;
    return choose(c, colours[c].mult, 0);
  };
  if (!place_colour(0)) return std::nullopt;
  Placement p;
  p.bins.resize(L);
  for (std::size_t c = 0; c < colours.size(); ++c)
    for (std::size_t l : chosen[c]) p.bins[l].push_back(colours[c].factor);
  return p;
}

bool is_compatible(const Rrmp& r, std::span<const int> filter_sizes) {
  return compatible_placement(r, filter_sizes).has_value();
}

std::vector<CompatibilityRow> compatibility_table(std::span<const int> filter_sizes) {
  if (filter_sizes.empty()) throw invalid_argument("an architecture needs at least one filter");
  int n = 0;
  for (int k : filter_sizes) {
    if (k < 1) throw invalid_argument("filter size " + std::to_string(k) + " is not positive");
    n += k - 1;
  }
  std::vector<CompatibilityRow> rows;
  for (Rrmp& r : all_rrmps(n)) {
    auto w = compatible_placement(r, filter_sizes);
    rows.push_back({std::move(r), std::move(w)});
  }
  return rows;
}

std::vector<BinaryForm> realize_placement(const Placement& placement, const std::vector<BinaryForm>& real_linear,
                                          const std::vector<BinaryForm>& quadratics, const Rational& unit) {
  std::vector<BinaryForm> filters;
  for (const auto& bin : placement.bins) {
    BinaryForm f{1};
    for (const Placement::Factor& x : bin) {
      const auto& pool = x.complex ? quadratics : real_linear;
      if (x.index < 1 || static_cast<std::size_t>(x.index) > pool.size())
        throw invalid_argument(std::string("placement uses ") + (x.complex ? "q" : "p") + std::to_string(x.index) +
                               " but only " + std::to_string(pool.size()) + " such factors were given");
      f = f * pool[static_cast<std::size_t>(x.index) - 1];
    }
    filters.push_back(std::move(f));
  }
  if (!filters.empty()) filters.front() *= unit;
  return filters;
}

}  // namespace lcngeom
