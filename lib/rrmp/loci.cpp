// Multiple root loci: membership, smoothness (Kurmann), tangent spaces (5.3).
#include "lcngeom/loci.hpp"

#include <algorithm>
#include <functional>

#include "lcngeom/error.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

Partition root_pattern(const BinaryForm& p) { return rrmp(p).lambda(); }

namespace {

void require_same_sum(const Partition& mu, const Partition& lambda) {
  if (mu.sum() != lambda.sum())
    throw invalid_argument("partitions " + mu.to_string() + " and " + lambda.to_string() +
                           " are of different integers");
}

// Enumerates labelled splittings of mu into lambda.  For each one calls
// visit(all_equal) where all_equal says every mu_i is split into equal parts;
// visit returns false to stop.  Sub-multisets are enumerated once each by
// choosing multiplicities per distinct part value.
void for_each_splitting(const Partition& mu, const Partition& lambda, const std::function<bool(bool)>& visit) {
  std::vector<int> values, counts;  // distinct parts of lambda with multiplicities
  for (int p : lambda.parts()) {
    if (!values.empty() && values.back() == p) ++counts.back();
    else values.push_back(p), counts.push_back(1);
  }
  const std::vector<int>& m = mu.parts();
  bool stop = false;
  std::function<void(std::size_t, bool)> over_mu;
  std::function<void(std::size_t, std::size_t, int, int, bool)> choose;
  // choose parts for mu[i]: value index v, remaining sum, number of distinct values used
  choose = [&](std::size_t i, std::size_t v, int rest, int distinct_used, bool equal_so_far) {
    if (stop) return;
    if (rest == 0) {
      over_mu(i + 1, equal_so_far && distinct_used <= 1);
      return;
    }
    if (v == values.size()) return;
    for (int k = std::min(counts[v], rest / values[v]); k >= 0; --k) {
      counts[v] -= k;
      choose(i, v + 1, rest - k * values[v], distinct_used + (k > 0 ? 1 : 0), equal_so_far);
      counts[v] += k;
      if (stop) return;
    }
  };
  over_mu = [&](std::size_t i, bool equal_so_far) {
    if (stop) return;
    if (i == m.size()) {
      if (!visit(equal_so_far)) stop = true;
      return;
    }
    choose(i, 0, m[i], 0, equal_so_far);
  };
  over_mu(0, true);
}

}  // namespace

bool is_coarsening(const Partition& mu, const Partition& lambda) {
  require_same_sum(mu, lambda);
  bool found = false;
  for_each_splitting(mu, lambda, [&](bool) {
    found = true;
    return false;
  });
  return found;
}

int splitting_count(const Partition& mu, const Partition& lambda) {
  require_same_sum(mu, lambda);
  int count = 0;
  for_each_splitting(mu, lambda, [&](bool) {
    ++count;
    return true;
  });
  return count;
}

bool in_locus(const BinaryForm& p, const Partition& lambda) {
  if (lambda.sum() != p.degree())
    throw invalid_argument("partition " + lambda.to_string() + " is not a partition of the degree " +
                           std::to_string(p.degree()) + " of the form");
  if (p.is_zero()) return true;
  return is_coarsening(root_pattern(p), lambda);
}

bool is_smooth_point(const BinaryForm& p, const Partition& lambda) {
  if (!in_locus(p, lambda)) return false;
  if (lambda.is_trivial()) return true;  // the whole space
  if (p.is_zero()) return false;         // vertex of a proper cone
  int count = 0;
  bool equal = true;
  for_each_splitting(root_pattern(p), lambda, [&](bool all_equal) {
    ++count;
    equal = all_equal;
    return count < 2;
  });
  return count == 1 && equal;
}

BinaryForm tangent_generator(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the tangent space of a locus at the zero form is not defined by eq. 5.3");
  if (p.degree() == 0) return BinaryForm{1};
  // Euler's identity n p = x p_x + y p_y makes gcd(p_x, p_y) = prod q_i^{lambda_i - 1}.
  return gcd(p.derivative_x(), p.derivative_y());
}

std::vector<BinaryForm> tangent_space(const BinaryForm& p) {
  BinaryForm g = tangent_generator(p);
  const int r = p.degree() - g.degree();
  std::vector<BinaryForm> basis;
  for (int j = 0; j <= r; ++j) basis.push_back(g * BinaryForm::monomial(r - j, j));
  return basis;
}

std::vector<BinaryForm> tangent_space(const BinaryForm& p, const Partition& lambda) {
  if (lambda.sum() != p.degree())
    throw invalid_argument("partition " + lambda.to_string() + " is not a partition of the degree " +
                           std::to_string(p.degree()) + " of the form");
  if (p.is_zero()) throw domain_error("the zero form has no exact root pattern " + lambda.to_string());
  Partition mu = root_pattern(p);
  if (mu != lambda)
    throw domain_error("the form " + p.to_string() + " has root pattern " + mu.to_string() + ", not " +
                       lambda.to_string() + "; eq. 5.3 needs the exact pattern");
  return tangent_space(p);
}

}  // namespace lcngeom
