// verify-paper, Section 2: LCNs, convolutional matrices and polynomial
// multiplication (eqs. 2.2-2.8, Prop. 2.2, Examples 2.4, 2.5, Prop. 2.6,
// Remark 2.8, Section 2.3, Example 2.9).
#include <random>
#include <sstream>

#include "int_list.hpp"
#include "lcngeom/lcngeom.hpp"
#include "verify/ledger.hpp"

namespace lcngeom::cli {

namespace {

std::vector<Rational> Q(std::initializer_list<long> v) {
  std::vector<Rational> out;
  for (long x : v) out.emplace_back(x);
  return out;
}

std::string vec_text(const std::vector<int>& v) {
  std::string s = "(";
  s += join_ints(v, ", ");
  return s + ")";
}

std::string mpoly_list(const std::vector<RatMPoly>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += ", ";
    s += v[i].to_string();
  }
  return s + "]";
}

// The entries of mu with the paper's letters: w1 = (a, b, ...), w2 = (d, e) etc.
bool symbolic_filter_is(const Architecture& arch, const std::vector<const char*>& printed, std::string& shown) {
  const SymbolicMu m = symbolic_mu(arch);
  shown = mpoly_list(m.filter);
  if (m.filter.size() != printed.size()) return false;
  for (std::size_t i = 0; i < printed.size(); ++i)
    if (!(m.filter[i] == RatMPoly::parse(m.ring, printed[i]))) return false;
  return true;
}

Architecture random_architecture(std::mt19937_64& g) {
  std::uniform_int_distribution<int> L(1, 4), k(1, 4), s(1, 3), out(1, 3);
  const int n = L(g);
  std::vector<int> ks, ss;
  for (int l = 0; l < n; ++l) ks.push_back(k(g)), ss.push_back(s(g));
  return Architecture(ks, ss, out(g));
}

Filters random_filters(std::mt19937_64& g, const Architecture& a) {
  std::uniform_int_distribution<long> c(-9, 9);
  Filters t;
  for (int kl : a.filters()) {
    std::vector<Rational> w;
    for (int j = 0; j < kl; ++j) w.emplace_back(c(g));
    t.push_back(std::move(w));
  }
  return t;
}

void section2(Ledger& L) {
  L.check("Example 2.4: d = (3, 2, 1), W2 W1 = [ac, ad + bc, bd] (w1 = (a, b), w2 = (c, d))", [] {
    const Architecture a({2, 2});
    std::string shown;
    // symbolic_mu names w1 = (w1_0, w1_1) = (a, b), w2 = (w2_0, w2_1) = (c, d).
    const bool sym = symbolic_filter_is(a, {"w1_0*w2_0", "w1_0*w2_1 + w1_1*w2_0", "w1_1*w2_1"}, shown);
    const RatMatrix W = end_to_end_matrix(a, {Q({2, 3}), Q({5, 7})});
    const bool num = W == RatMatrix({{Rational(10), Rational(29), Rational(21)}});
    return std::make_pair(
        sym && num && a.widths_1d() == std::vector<int>{3, 2, 1},
        "d = " + vec_text(a.widths_1d()) + ", mu = " + shown + "; (a,b,c,d) = (2,3,5,7): " + W.to_string());
  });
  L.check("Example 2.4: not filling; the function space is B^2 - 4AC >= 0", [] {
    const Architecture a({2, 2});
    int agree = 0, total = 0;
    for (long A = -4; A <= 4; ++A)
      for (long B = -4; B <= 4; ++B)
        for (long C = -4; C <= 4; ++C) {
          ++total;
          agree += in_function_space(a, BinaryForm{A, B, C}) == (B * B - 4 * A * C >= 0);
        }
    return std::make_pair(!is_filling(a) && agree == total,
                          "membership (Lemma 4.2) vs B^2 - 4AC >= 0 on " + std::to_string(total) +
                              " integer triples: " + std::to_string(agree) + " agree; " + filling_verdict(a).reason);
  });
  L.check(
      "Example 2.5: d = (5, 3, 2), (A, B, C, D) = (ad, bd + ae, cd + be, ce), W = [[A B C D 0], [0 A B C D]], filling",
      [] {
        const Architecture a({3, 2}, {}, 2);
        std::string shown;
        const bool sym =
            symbolic_filter_is(a, {"w1_0*w2_0", "w1_1*w2_0 + w1_0*w2_1", "w1_2*w2_0 + w1_1*w2_1", "w1_2*w2_1"}, shown);
        const RatMatrix W = end_to_end_matrix(a, {Q({1, 2, 3}), Q({4, 5})});
        const RatMatrix want({{Rational(4), Rational(13), Rational(22), Rational(15), Rational(0)},
                              {Rational(0), Rational(4), Rational(13), Rational(22), Rational(15)}});
        return std::make_pair(sym && W == want && is_filling(a) && a.widths_1d() == std::vector<int>{5, 3, 2},
                              "d = " + vec_text(a.widths_1d()) + ", mu = " + shown +
                                  "; (a..e) = (1..5): " + W.to_string() + "; " + filling_verdict(a).reason);
      });
  L.check("Prop. 2.2: W_L...W_1 is a convolution with k = k_1 + sum (k_l - 1) s_1...s_{l-1}, s = prod s_l (eq. 2.7)",
          [] {
            std::mt19937_64 g(22);
            int n = 0, equal_strides = 0;
            for (int it = 0; it < 200; ++it) {
              const Architecture a = random_architecture(g);
              const Filters t = random_filters(g, a);
              const RatMatrix P = end_to_end_matrix(a, t);
              const std::vector<Rational> w = toeplitz_filter(P, static_cast<int>(a.end_to_end_stride()));
              long k = a.filters()[0], S = a.strides()[0];
              for (int l = 1; l < a.depth(); ++l)
                k += (a.filters()[static_cast<std::size_t>(l)] - 1) * S, S *= a.strides()[static_cast<std::size_t>(l)];
              if (static_cast<long>(w.size()) != k || w != mu(a, t).coefficients())
                return std::make_pair(false,
                                      a.to_string() + ": filter of the product has size " + std::to_string(w.size()));
              // Equal strides s~: k = d_0 - (d_L - 1) s.
              bool equal = true;
              for (int s : a.strides()) equal = equal && s == a.strides()[0];
              if (equal) {
                ++equal_strides;
                const std::vector<int> d = a.widths_1d();
                if (k != d.front() - (d.back() - 1) * a.end_to_end_stride())
                  return std::make_pair(false, a.to_string() + ": k != d_0 - (d_L - 1) s");
              }
              ++n;
            }
            return std::make_pair(
                true, std::to_string(n) + " random architectures with strides (" + std::to_string(equal_strides) +
                          " with equal strides): product of the generalized Toeplitz matrices has the pattern (2.3) "
                          "with that filter size and stride, filter = mu(theta)");
          });
  L.check("Prop. 2.6, Cor. 2.7, Remark 2.8: pi(W_L...W_1) = prod_l pi_{s_1...s_{l-1}}(W_l)", [] {
    std::mt19937_64 g(26);
    for (int it = 0; it < 200; ++it) {
      const Architecture a = random_architecture(g);
      const Filters t = random_filters(g, a);
      BinaryForm prod{1};
      long S = 1;
      for (int l = 0; l < a.depth(); ++l) {
        prod = prod * filter_form(t[static_cast<std::size_t>(l)], static_cast<int>(S));
        S *= a.strides()[static_cast<std::size_t>(l)];
      }
      const BinaryForm from_matrix(toeplitz_filter(end_to_end_matrix(a, t), static_cast<int>(a.end_to_end_stride())));
      if (!(from_matrix == prod))
        return std::make_pair(false, a.to_string() + ": " + from_matrix.to_string() + " vs " + prod.to_string());
    }
    return std::make_pair(true,
                          std::string("200 random architectures: the filter read off the matrix product equals the "
                                      "product of the dilated filter forms"));
  });
  L.check(
      "Section 2.3: W_l is the top-left block of its circulant; C_L...C_1 is the circulant of the end-to-end filter",
      [] {
        std::mt19937_64 g(23);
        for (int it = 0; it < 150; ++it) {
          const Architecture a = random_architecture(g);
          const Filters t = random_filters(g, a);
          const std::vector<int> d = a.widths_1d();
          const auto C = circulant_layer_matrices(a, t);
          const auto W = layer_matrices(a, t);
          RatMatrix P = C.front();
          for (std::size_t l = 1; l < C.size(); ++l) P = C[l] * P;
          for (std::size_t l = 0; l < C.size(); ++l)
            if (!(top_left_block(C[l], d[l + 1], d[l]) == W[l]))
              return std::make_pair(false, a.to_string() + ": block mismatch");
          if (!(top_left_block(P, d.back(), d.front()) == end_to_end_matrix(a, t)) ||
              !(P == circulant_matrix(mu(a, t).coefficients(), static_cast<int>(a.end_to_end_stride()), d.front())))
            return std::make_pair(false, a.to_string() + ": circulant product mismatch");
        }
        return std::make_pair(
            true,
            std::string("150 random architectures with strides: both formulations give the same end-to-end filter"));
      });
  L.check("Example 2.9: the circulant product is [[ac, ad+bc, bd], [bd, ac, ad+bc], [ad+bc, bd, ac]]", [] {
    const Architecture a({2, 2});
    const long A = 2, B = 3, C = 5, D = 7;  // (a, b, c, d), distinct primes
    const auto Cs = circulant_layer_matrices(a, {Q({A, B}), Q({C, D})});
    const RatMatrix P = Cs[1] * Cs[0];
    const long ac = A * C, adbc = A * D + B * C, bd = B * D;
    const RatMatrix want({{Rational(ac), Rational(adbc), Rational(bd)},
                          {Rational(bd), Rational(ac), Rational(adbc)},
                          {Rational(adbc), Rational(bd), Rational(ac)}});
    return std::make_pair(P == want, "(a,b,c,d) = (2,3,5,7): " + P.to_string());
  });
}

const bool registered = register_ledger_section({2.0, "Section 2: linear convolutional networks", section2});

}  // namespace

}  // namespace lcngeom::cli
