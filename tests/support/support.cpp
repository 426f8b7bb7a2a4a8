#include "support.hpp"

namespace lcngeom::test {

long rank_of(const std::vector<BinaryForm>& forms) {
  std::vector<std::vector<Rational>> rows;
  for (const BinaryForm& f : forms) rows.push_back(f.coefficients());
  return RatMatrix(rows).rank();
}

}  // namespace lcngeom::test
