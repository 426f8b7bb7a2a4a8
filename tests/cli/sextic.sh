#!/usr/bin/env bash
# function-space-min and classify-params on forms of degree 6 (issue 11, item 4):
# on by default, with a planted answer.  w = x^2 (x^2 + y^2)(x^2 + xy + 3y^2) has
# rrmp 2|11 and lies on the boundary of M_(4,3,2) (e = 2); -y^6 spans the normal
# space of Delta_(2,1,1,1,1) at w (Euclidean and Bombieri alike), and
# u = w + y^6/100 splits the double root into a complex pair, outside M.  Its
# nearest point of M is w, at squared distance 1/10000.
set -u
. "$(dirname "$0")/assert.bash"

u=1,1,4,1,3,0,1/100
w="x^6 + x^5y + 4x^4y^2 + x^3y^3 + 3x^2y^4"
theta="1,0,1,0;1,1,3;1,0"  # x(x^2 + y^2), x^2 + xy + 3y^2, x
for norm in euclidean bombieri; do
  expect_contains "min over the function space = 1/10000
  attained at $w  rrmp 2|11, locus (2,1,1,1,1)
  loci searched: (2,1,1,1,1) (2,2,1,1) (2,2,2) (3,1,1,1) (3,2,1) (3,3) (4,1,1) (4,2) (5,1) (6);" \
    function-space-min --filters 4,3,2 --target $u --norm $norm --quiet
done
expect_contains "  points proven exactly; completeness probabilistic (modular engine lifted over " \
  function-space-min --filters 4,3,2 --target $u --quiet
expect_contains '"complete":true,"completeness":"probabilistic","digits":20,"inner_product":"euclidean","lifted":[[2,1,1,1,1],[2,2,1,1],[2,2,2],' \
  function-space-min --filters 4,3,2 --target $u --json --quiet
expect_contains '"value_exact":"1/10000"' function-space-min --filters 4,3,2 --target $u --json --quiet
# classify-params decides at degree 6 by default; the yes rests on a probabilistic search.
expect_contains "global minimum: yes (probabilistic) (loss 1/10000 = min of l on the function space (exact search; completeness probabilistic: 10 loci by the modular lifting over" \
  classify-params --filters 4,3,2 --target $u --weights "$theta"
expect_contains '"global_minimum":true,"global_minimum_proven":false,' classify-params --filters 4,3,2 --target $u --weights "$theta" --json
expect_contains '"global_minimum":null,"global_minimum_proven":true,"global_minimum_reason":"u lies outside the function space; the exact search over the loci of degree 6 was skipped (max_search_degree = 5)"' \
  classify-params --filters 4,3,2 --target $u --weights "$theta" --max-search-degree 5 --json
# Degree 5 stays proven (resultants over Q on every locus); --method modular lifts it.
expect_contains '"completeness":"proven"' function-space-min --filters 4,2,2 --target 1,0,1,0,1,1 --json
expect_contains '"completeness":"probabilistic"' function-space-min --filters 4,2,2 --target 1,0,1,0,1,1 --method modular --json
expect_contains '"completeness":"proven"' function-space-min --filters 2,2 --target 1,0,2 --method resultants --json
expect_fail function-space-min --filters 4,3,2 --target $u --method fast
finish
