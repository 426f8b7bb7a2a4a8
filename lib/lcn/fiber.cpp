// Fibers of mu as scaling-equivalence classes (Lemma 5.7, Example 5.8).
#include "lcngeom/fiber.hpp"

#include <functional>
#include <map>

#include "lcngeom/error.hpp"

namespace lcngeom {

namespace {

void require_stride_one(const Architecture& arch) {
  if (arch.dimension() != 1 || !arch.stride_one())
    throw not_supported("Lemma 5.7 is stated for 1-D stride-one architectures, not " + arch.to_string());
}

void require_fiber_input(const Architecture& arch, const BinaryForm& w) {
  require_stride_one(arch);
  const int n = arch.end_to_end_filter_size() - 1;
  if (w.degree() != n)
    throw invalid_argument("end-to-end filter " + w.to_coefficient_string() + " has " + std::to_string(w.degree() + 1) +
                           " coefficients, " + arch.to_string() + " needs " + std::to_string(n + 1));
  if (w.is_zero())
    throw domain_error(
        "the fiber over the zero filter is a union of linear spaces, not finitely many scaling "
        "classes (Lemma 5.7 needs w != 0)");
}

// Distributions of items (degree d_f, multiplicity e_f) over bins of the given
// capacities: tables m[l][f] with sum_l m[l][f] = e_f and sum_f d_f m[l][f] = cap_l.
class Distributor {
 public:
  struct Item {
    int degree, multiplicity;
  };
  Distributor(std::vector<Item> items, std::vector<int> caps)
      : items_(std::move(items)), caps_(std::move(caps)), memo_(items_.size()) {}

  Integer count() {
    std::vector<int> c = caps_;
    return count_from(0, c);
  }

  // Calls fn(table) for every distribution, in the documented order.
  void enumerate(const std::function<void(const std::vector<std::vector<int>>&)>& fn) {
    std::vector<int> c = caps_;
    std::vector<std::vector<int>> table(caps_.size(), std::vector<int>(items_.size(), 0));
    enumerate_from(0, c, table, fn);
  }

 private:
  // Weak compositions (m_0..m_{L-1}) of e with d m_l <= cap_l, m_0 largest first.
  void compositions(int d, int e, std::size_t l, std::vector<int>& caps, std::vector<int>& m,
                    const std::function<void()>& fn) {
    const std::size_t L = caps.size();
    if (l + 1 == L) {
      if (d * e > caps[l]) return;
      m[l] = e;
      caps[l] -= d * e;
      fn();
      caps[l] += d * e;
      return;
    }
    for (int x = std::min(e, caps[l] / d); x >= 0; --x) {
      m[l] = x;
      caps[l] -= d * x;
      compositions(d, e - x, l + 1, caps, m, fn);
      caps[l] += d * x;
    }
  }

  Integer count_from(std::size_t f, std::vector<int>& caps) {
    if (f == items_.size()) {
      for (int c : caps)
        if (c != 0) return Integer(0);
      return Integer(1);
    }
    auto it = memo_[f].find(caps);
    if (it != memo_[f].end()) return it->second;
    Integer total(0);
    std::vector<int> m(caps.size());
    compositions(items_[f].degree, items_[f].multiplicity, 0, caps, m, [&] { total += count_from(f + 1, caps); });
    memo_[f].emplace(caps, total);
    return total;
  }

  void enumerate_from(std::size_t f, std::vector<int>& caps, std::vector<std::vector<int>>& table,
                      const std::function<void(const std::vector<std::vector<int>>&)>& fn) {
    if (f == items_.size()) {
      fn(table);
      return;
    }
    std::vector<int> m(caps.size());
    compositions(items_[f].degree, items_[f].multiplicity, 0, caps, m, [&] {
      if (count_from(f + 1, caps).is_zero()) return;  // prune dead branches
      for (std::size_t l = 0; l < caps.size(); ++l) table[l][f] = m[l];
      enumerate_from(f + 1, caps, table, fn);
    });
    for (std::size_t l = 0; l < caps.size(); ++l) table[l][f] = 0;
  }

  std::vector<Item> items_;
  std::vector<int> caps_;
  std::vector<std::map<std::vector<int>, Integer>> memo_;
};

std::vector<int> capacities(const Architecture& arch) {
  std::vector<int> caps;
  for (int k : arch.filters()) caps.push_back(k - 1);
  return caps;
}

void check_count(const Integer& count, long max_classes) {
  if (count > Integer(max_classes))
    throw not_supported("the fiber has " + count.to_string() + " scaling classes, more than the limit " +
                        std::to_string(max_classes) + " for listing them (fiber_class_count counts them)");
}

// Ball polynomials (coefficient vectors in the paper's order).
using BallForm = std::vector<Ball>;

BallForm ball_form(const BinaryForm& p, long prec) {
  BallForm out;
  for (const Rational& c : p.coefficients()) out.emplace_back(c, prec);
  return out;
}

BallForm multiply(const BallForm& a, const BallForm& b, long prec) {
  BallForm out(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) out[i + j] = add(out[i + j], mul(a[i], b[j], prec), prec);
  return out;
}

std::string notation_of(const std::vector<std::vector<int>>& counts, const std::vector<FiberFactor>& factors) {
  std::string s;
  for (std::size_t l = 0; l < counts.size(); ++l) {
    if (l) s += "\u00b7";
    bool empty = true;
    for (std::size_t f = 0; f < factors.size(); ++f) {
      if (counts[l][f] == 0) continue;
      empty = false;
      s += factors[f].label;
      if (counts[l][f] > 1) {
        s += '^';
        s += std::to_string(counts[l][f]);
      }
    }
    if (empty) s += "1";
  }
  return s;
}

}  // namespace

Integer Fiber::component_count() const {
  return Integer(static_cast<long>(classes.size())) * pow(Integer(2), filter_sizes.size() - 1);
}

long Fiber::rational_class_count() const {
  long n = 0;
  for (const FiberClass& c : classes) n += c.rational ? 1 : 0;
  return n;
}

Integer fiber_class_count(const Architecture& arch, const BinaryForm& w) {
  require_fiber_input(arch, w);
  std::vector<Distributor::Item> items;
  for (const FormFactor& b : factor(w).factors) {
    const int real = count_real_roots(b.form);  // distinct: blocks are square-free
    for (int i = 0; i < real; ++i) items.push_back({1, b.multiplicity});
    for (int i = 0; i < (b.form.degree() - real) / 2; ++i) items.push_back({2, b.multiplicity});
  }
  return Distributor(std::move(items), capacities(arch)).count();
}

std::vector<Filters> rational_fiber_classes(const Architecture& arch, const BinaryForm& w, long max_classes) {
  require_fiber_input(arch, w);
  const FormFactorization fac = factor(w);
  std::vector<Distributor::Item> items;
  for (const FormFactor& b : fac.factors) items.push_back({b.form.degree(), b.multiplicity});
  Distributor dist(std::move(items), capacities(arch));
  check_count(dist.count(), max_classes);
  std::vector<Filters> out;
  dist.enumerate([&](const std::vector<std::vector<int>>& table) {
    Filters theta;
    for (std::size_t l = 0; l < table.size(); ++l) {
      BinaryForm f{1};
      for (std::size_t j = 0; j < fac.factors.size(); ++j)
        f = f * pow(fac.factors[j].form, static_cast<unsigned>(table[l][j]));
      if (l == 0) f *= fac.unit;
      theta.push_back(f.coefficients());
    }
    out.push_back(std::move(theta));
  });
  return out;
}

Fiber fiber(const Architecture& arch, const BinaryForm& w, long prec, long max_classes) {
  require_fiber_input(arch, w);
  Fiber out;
  out.filter_sizes = arch.filters();
  out.end_to_end = w;
  out.blocks = factor(w);
  const std::vector<FormFactor>& blocks = out.blocks.factors;

  // Real splitting of every block, labelled in real_factorization's order.
  RealFactorization real = real_factorization(w, prec);
  int np = 0, nq = 0;
  for (RealFactor& r : real.factors) {
    int block = -1;
    for (std::size_t j = 0; j < blocks.size(); ++j)
      if (blocks[j].form == r.rational_factor) block = static_cast<int>(j);
    if (block < 0) throw std::logic_error("real factor without its Q-block");
    std::string label(1, r.degree == 1 ? 'p' : 'q');
    label += std::to_string(r.degree == 1 ? ++np : ++nq);
    out.factors.push_back({std::move(label), std::move(r), block});
  }
  const std::size_t F = out.factors.size(), B = blocks.size();

  // block_j = lead_j * prod (its monic real factors); lead_j = a_0 (1 for y).
  std::vector<Rational> lead(B);
  for (std::size_t j = 0; j < B; ++j)
    lead[j] = blocks[j].form.multiplicity_at_infinity() > 0 ? Rational(1) : blocks[j].form.coeff(0);

  std::vector<Distributor::Item> items;
  for (const FiberFactor& f : out.factors) items.push_back({f.factor.degree, f.factor.multiplicity});
  Distributor dist(std::move(items), capacities(arch));
  check_count(dist.count(), max_classes);

  dist.enumerate([&](const std::vector<std::vector<int>>& counts) {
    FiberClass c;
    c.counts = counts;
    const std::size_t L = counts.size();
    // whole[l][j]: whole copies of block j in filter l.
    std::vector<std::vector<int>> whole(L, std::vector<int>(B, -1));
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t f = 0; f < F; ++f) {
        int& m = whole[l][static_cast<std::size_t>(out.factors[f].block)];
        m = m < 0 ? counts[l][f] : std::min(m, counts[l][f]);
      }
    c.rational = true;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t f = 0; f < F; ++f)
        if (counts[l][f] != whole[l][static_cast<std::size_t>(out.factors[f].block)]) c.rational = false;

    Rational constant = out.blocks.unit;  // w = unit * prod blocks^e
    for (std::size_t j = 0; j < B; ++j) {
      int used = 0;
      for (std::size_t l = 0; l < L; ++l) used += whole[l][j];
      constant *= pow(lead[j], blocks[j].multiplicity - used);
    }
    for (std::size_t l = 0; l < L; ++l) {
      BinaryForm exact_part{1};
      for (std::size_t j = 0; j < B; ++j)
        exact_part = exact_part * pow(blocks[j].form, static_cast<unsigned>(whole[l][j]));
      if (l == 0) exact_part *= constant;
      BallForm f = ball_form(exact_part, prec);
      bool repeated = false;
      for (std::size_t i = 0; i < F; ++i) {
        const int extra = counts[l][i] - whole[l][static_cast<std::size_t>(out.factors[i].block)];
        for (int t = 0; t < extra; ++t) f = multiply(f, out.factors[i].factor.coefficients, prec);
        if (counts[l][i] >= 2) repeated = true;
      }
      c.filters.push_back(std::move(f));
      c.repeated_root.push_back(repeated);
      if (c.rational) {
        if (!c.exact) c.exact = Filters{};
        c.exact->push_back(exact_part.coefficients());
      }
    }
    c.notation = notation_of(counts, out.factors);
    out.classes.push_back(std::move(c));
  });
  return out;
}

}  // namespace lcngeom
