#include "support.hpp"

#include <flint/fmpq_mat.h>

namespace lcngeom::test {

long rank_of(const std::vector<BinaryForm>& forms) {
  if (forms.empty()) return 0;
  const int cols = forms.front().degree() + 1;
  fmpq_mat_t M;
  fmpq_mat_init(M, static_cast<slong>(forms.size()), cols);
  for (std::size_t i = 0; i < forms.size(); ++i)
    for (int j = 0; j < cols; ++j) fmpq_set(fmpq_mat_entry(M, static_cast<slong>(i), j), forms[i].coeff(j).raw());
  fmpq_mat_t R;
  fmpq_mat_init(R, fmpq_mat_nrows(M), cols);
  long r = fmpq_mat_rref(R, M);  // rref returns the rank
  fmpq_mat_clear(R);
  fmpq_mat_clear(M);
  return r;
}

}  // namespace lcngeom::test
