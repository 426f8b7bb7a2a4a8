// Witness factorizations (Lemma 4.2's construction): exact bin-packing of the
// Q-irreducible factors, else certified real factors rounded to a precision.
#include "lcngeom/witness.hpp"

#include <algorithm>
#include <numeric>

#include <arb.h>

#include "lcngeom/ball.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

namespace {

// Bin capacities k_l - 1, after checking that mu is the plain product of the
// filter forms (S_{l-1} = 1 whenever k_l > 1) and that deg p = k - 1.
std::vector<int> capacities(const Architecture& arch, const BinaryForm& p) {
  const std::vector<int> k = arch.filters();  // throws for D > 1
  long S = 1;
  for (std::size_t l = 0; l < k.size(); ++l) {
    if (k[l] > 1 && S != 1)
      throw not_supported(
          "witness factorizations need stride one before every filter of size > 1 (Lemma 4.2, Cor. 4.10); " +
          arch.to_string() + " has s_1...s_" + std::to_string(l) + " = " + std::to_string(S) + " before filter " +
          std::to_string(l + 1));
    S *= arch.strides()[l];
  }
  std::vector<int> cap;
  for (int kl : k) cap.push_back(kl - 1);
  const int n = std::accumulate(cap.begin(), cap.end(), 0);
  if (p.degree() != n)
    throw invalid_argument("the form " + p.to_string() + " has degree " + std::to_string(p.degree()) +
                           ", the architecture " + arch.to_string() + " needs degree " + std::to_string(n));
  return cap;
}

// Exact bin packing by degree: bin index per item, or nullopt.  Items are
// tried largest first; bins with equal remaining capacity are interchangeable.
class Packer {
 public:
  Packer(std::vector<int> degrees, std::vector<int> cap) : deg_(std::move(degrees)), rem_(std::move(cap)) {
    order_.resize(deg_.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return deg_[a] > deg_[b]; });
    bin_.assign(deg_.size(), -1);
  }
  std::optional<std::vector<int>> run() {
    if (std::accumulate(deg_.begin(), deg_.end(), 0) != std::accumulate(rem_.begin(), rem_.end(), 0))
      return std::nullopt;
    if (place(0)) return bin_;
    return std::nullopt;
  }

 private:
  bool place(std::size_t i) {
    if (i == order_.size()) return true;
    if (++nodes_ > kBudget) return false;
    const std::size_t item = order_[i];
    std::vector<int> tried;
    for (std::size_t b = 0; b < rem_.size(); ++b) {
      if (rem_[b] < deg_[item] || std::find(tried.begin(), tried.end(), rem_[b]) != tried.end()) continue;
      tried.push_back(rem_[b]);
      rem_[b] -= deg_[item];
      bin_[item] = static_cast<int>(b);
      if (place(i + 1)) return true;
      rem_[b] += deg_[item];
    }
    return false;
  }
  static constexpr long kBudget = 200000;
  std::vector<int> deg_, rem_, bin_;
  std::vector<std::size_t> order_;
  long nodes_ = 0;
};

// Lemma 4.2's construction for items of degree 1 and 2: one linear factor per
// odd bin, then quadratics wherever two slots are free, then the linear ones.
std::optional<std::vector<int>> lemma_4_2_packing(const std::vector<int>& degrees, std::vector<int> rem) {
  std::vector<int> bin(degrees.size(), -1);
  std::vector<std::size_t> lin, quad;
  for (std::size_t i = 0; i < degrees.size(); ++i) (degrees[i] == 1 ? lin : quad).push_back(i);
  std::size_t nl = 0;
  for (std::size_t b = 0; b < rem.size(); ++b)
    if (rem[b] % 2 == 1) {
      if (nl == lin.size()) return std::nullopt;  // fewer than e real roots
      bin[lin[nl++]] = static_cast<int>(b), rem[b] -= 1;
    }
  for (std::size_t q : quad) {
    auto it = std::find_if(rem.begin(), rem.end(), [](int r) { return r >= 2; });
    if (it == rem.end()) return std::nullopt;
    bin[q] = static_cast<int>(it - rem.begin()), *it -= 2;
  }
  for (std::size_t b = 0; b < rem.size(); ++b)
    while (rem[b] > 0 && nl < lin.size()) bin[lin[nl++]] = static_cast<int>(b), rem[b] -= 1;
  if (nl != lin.size()) return std::nullopt;
  return bin;
}

// One factor to place: an exact Q-factor, or a numeric real factor (monic
// coefficient balls) of a split Q-factor.
struct Item {
  int degree;
  bool exact;
  BinaryForm form;          // exact
  std::vector<Ball> balls;  // numeric
};

std::vector<Ball> ball_product(const std::vector<Ball>& a, const std::vector<Ball>& b, long prec) {
  std::vector<Ball> c(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] = add(c[i + j], mul(a[i], b[j], prec), prec);
  return c;
}

Rational round_to_bits(const Ball& x, long bits) {
  arf_t t;
  arf_init(t);
  arf_set_round(t, arb_midref(x.raw()), bits, ARF_RND_NEAR);
  Rational q;
  arf_get_fmpq(q.raw(), t);
  arf_clear(t);
  return q;
}

// Builds the filters of a packing and fills in the witness fields.
Witness build(const Architecture& arch, const BinaryForm& p, const std::vector<int>& cap,
              const std::vector<Item>& items, const std::vector<int>& bin, const Rational& unit, long precision) {
  const long wp = precision + 64;
  const std::size_t L = cap.size();
  std::vector<BinaryForm> exact_part(L, BinaryForm{1});
  std::vector<std::vector<Ball>> numeric(L);
  std::vector<bool> has_numeric(L, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t b = static_cast<std::size_t>(bin[i]);
    if (items[i].exact) {
      exact_part[b] = exact_part[b] * items[i].form;
    } else {
      numeric[b] = has_numeric[b] ? ball_product(numeric[b], items[i].balls, wp) : items[i].balls;
      has_numeric[b] = true;
    }
  }
  // The unit goes into an exact filter when there is one, keeping it exact.
  std::size_t unit_bin = 0;
  for (std::size_t b = 0; b < L; ++b)
    if (!has_numeric[b]) {
      unit_bin = b;
      break;
    }
  Witness w;
  w.exact_filters.assign(L, true);
  for (std::size_t b = 0; b < L; ++b) {
    BinaryForm f = exact_part[b];
    if (b == unit_bin) f = unit * f;
    if (!has_numeric[b]) {
      w.filters.push_back(f.coefficients());
      continue;
    }
    std::vector<Ball> fb;
    for (const Rational& c : f.coefficients()) fb.emplace_back(c, wp);
    const std::vector<Ball> prod = ball_product(fb, numeric[b], wp);
    std::vector<Rational> coeffs;
    for (const Ball& c : prod) coeffs.push_back(round_to_bits(c, precision));
    w.filters.push_back(std::move(coeffs));
    w.exact_filters[b] = false;
  }
  const BinaryForm diff = mu(arch, w.filters) - p;
  for (const Rational& c : diff.coefficients()) {
    const Rational a = abs(c);
    if (a > w.error_max) w.error_max = a;
    w.error_squared += c * c;
  }
  w.exact = w.error_squared.is_zero();
  w.precision = std::all_of(w.exact_filters.begin(), w.exact_filters.end(), [](bool e) { return e; }) ? 0 : precision;
  return w;
}

// Exact items: every Q-irreducible factor with its multiplicity.
std::vector<Item> exact_items(const FormFactorization& fac) {
  std::vector<Item> items;
  for (const FormFactor& f : fac.factors)
    for (int m = 0; m < f.multiplicity; ++m) items.push_back({f.form.degree(), true, f.form, {}});
  return items;
}

std::vector<int> degrees_of(const std::vector<Item>& items) {
  std::vector<int> d;
  for (const Item& i : items) d.push_back(i.degree);
  return d;
}

Witness zero_witness(const Architecture& arch) {
  Witness w;
  for (int k : arch.filters()) w.filters.emplace_back(static_cast<std::size_t>(k));
  w.exact_filters.assign(w.filters.size(), true);
  return w;
}

}  // namespace

Rational Witness::error_norm_bound() const {
  if (error_squared.is_zero()) return Rational();
  return sqrt(Ball(error_squared, 128), 128).upper();
}

std::optional<Filters> exact_witness(const Architecture& arch, const BinaryForm& p) {
  const std::vector<int> cap = capacities(arch, p);
  if (p.is_zero()) return zero_witness(arch).filters;
  const FormFactorization fac = factor(p);
  const std::vector<Item> items = exact_items(fac);
  const auto bin = Packer(degrees_of(items), cap).run();
  if (!bin) return std::nullopt;
  return build(arch, p, cap, items, *bin, fac.unit, 0).filters;
}

Witness witness(const Architecture& arch, const BinaryForm& p, long precision) {
  const std::vector<int> cap = capacities(arch, p);
  if (precision < 16) throw invalid_argument("precision " + std::to_string(precision) + " bits is below 16");
  if (p.is_zero()) return zero_witness(arch);
  if (!in_function_space(arch, p))
    throw domain_error("the form " + p.to_string() + " is not in the function space of " + arch.to_string() +
                       ": it has " + std::to_string(rrmp(p).real_root_count()) + " real roots, Lemma 4.2 needs e = " +
                       std::to_string(stride_one_reduction(arch)->even_filter_count()));
  const FormFactorization fac = factor(p);
  {
    const std::vector<Item> items = exact_items(fac);
    if (const auto bin = Packer(degrees_of(items), cap).run())
      return build(arch, p, cap, items, *bin, fac.unit, precision);
  }
  // Split as few Q-factors as possible into their real factors.
  const RealFactorization rf = real_factorization(p, precision + 64);
  std::vector<std::size_t> splittable;
  for (std::size_t i = 0; i < fac.factors.size(); ++i)
    for (const RealFactor& r : rf.factors)
      if (!r.exact && r.rational_factor == fac.factors[i].form) {
        splittable.push_back(i);
        break;
      }
  auto items_for = [&](const std::vector<bool>& split, Rational& unit) {
    std::vector<Item> items;
    unit = fac.unit;
    for (std::size_t i = 0; i < fac.factors.size(); ++i) {
      const FormFactor& f = fac.factors[i];
      if (!split[i]) {
        for (int m = 0; m < f.multiplicity; ++m) items.push_back({f.form.degree(), true, f.form, {}});
        continue;
      }
      unit *= pow(f.form.coeff(0), f.multiplicity);  // the real factors are monic in x
      for (const RealFactor& r : rf.factors)
        if (r.rational_factor == f.form)
          for (int m = 0; m < r.multiplicity; ++m) items.push_back({r.degree, false, BinaryForm{1}, r.coefficients});
    }
    return items;
  };
  const std::size_t C = splittable.size();
  const std::size_t max_subset = C <= 10 ? C : 2;
  std::vector<bool> split(fac.factors.size(), false);
  for (std::size_t size = 1; size <= max_subset; ++size) {
    // All subsets of `splittable` of this size (lexicographic index vectors).
    std::vector<std::size_t> pick(size);
    std::iota(pick.begin(), pick.end(), 0);
    while (true) {
      std::fill(split.begin(), split.end(), false);
      for (std::size_t j : pick) split[splittable[j]] = true;
      Rational unit;
      const std::vector<Item> items = items_for(split, unit);
      if (const auto bin = Packer(degrees_of(items), cap).run())
        return build(arch, p, cap, items, *bin, unit, precision);
      std::size_t j = size;
      while (j > 0 && pick[j - 1] == C - size + j - 1) --j;
      if (j == 0) break;
      ++pick[j - 1];
      for (std::size_t t = j; t < size; ++t) pick[t] = pick[t - 1] + 1;
    }
  }
  // Everything split: Lemma 4.2's construction always succeeds for p in M.
  std::fill(split.begin(), split.end(), false);
  for (std::size_t i : splittable) split[i] = true;
  Rational unit;
  const std::vector<Item> items = items_for(split, unit);
  const auto bin = lemma_4_2_packing(degrees_of(items), cap);
  if (!bin) throw domain_error("internal: Lemma 4.2 packing failed for " + p.to_string() + " and " + arch.to_string());
  return build(arch, p, cap, items, *bin, unit, precision);
}

}  // namespace lcngeom
