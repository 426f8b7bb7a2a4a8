#!/usr/bin/env bash
# CLI golden outputs and error paths for the Section 5 subcommands:
# compatible (Example 5.6), classify-params, fiber (Lemma 5.7), recover-scale (Cor. 5.14, Section 7.3).
set -u
. "$(dirname "$0")/assert.bash"

# Example 5.6, both rows, as printed in the paper.
expect_out "k=(3,2,2): rrmps of degree 4 and a factorization without repeated roots in any filter (p = real linear, q = complex pair)
1111|0      p1p2·p3·p4
112|0       p1p2·p3·p3
22|0        p1p2·p1·p2
13|0        p1p2·p2·p2
4|0         —
11|1        q1·p1·p2
2|1         q1·p1·p1
0|2         —
0|11        —" compatible --filters 3,2,2
expect_contains '"compatible":{"0|11":null,"0|2":null,"1111|0":"p1p2p3·p4","112|0":"p1p2p3·p3","11|1":"p1q1·p2","13|0":null,"22|0":null,"2|1":"p1q1·p1","4|0":null}' compatible --filters 4,2 --json
expect_contains '"compatible":{"0|1":"q1","11|0":"p1p2","2|0":null},"compatible_count":2,' compatible --filters 3 --json
expect_contains '"rrmp_count":12' compatible --filters 2,2,2,2,2 --json

# Section 7.3: ([2,0,5,0],[1,0]) is a pure critical point for the target (2,0,5,0,2).
expect_contains '{"architecture":"k=(4,2)","critical":true,"critical_on_locus":true,"end_to_end":{"coefficients":["2","0","5","0","0"],"degree":4,"form":"2x^4 + 5x^2y^2"},"function_space_minimum":{' classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --json
expect_contains '"global_minimum":true,"global_minimum_proven":true,"global_minimum_reason":"loss 4 = min of l on the function space (exact search)","global_minimum_status":"yes","gradient":["0","0","0","0","0","0"],"hessian_inertia":{"negative":0,"positive":5,"zero":1},"jacobian_rank":4,"lambda":[2,1,1],"local_minimum":true,"local_minimum_status":"yes","loss":"4","pairwise_coprime":false,"position":"boundary","pure":true,"repeated_root":[false,false],"rrmp":"2|1","spurious":false,"target":{"coefficients":["2","0","5","0","2"],"degree":4,"form":"2x^4 + 5x^2y^2 + 2y^4"},"target_position":"complement","weights":[["2","0","5","0"],["1","0"]]}' classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --json
expect_contains '"minimisers":[{"coefficients":[{"decimal":"0","hi":"0","lo":"0"},{"decimal":"0","hi":"0","lo":"0"},{"decimal":"5","hi":"5","lo":"5"},{"decimal":"0","hi":"0","lo":"0"},{"decimal":"2","hi":"2","lo":"2"}],"distance_squared":{"decimal":"4","hi":"4","lo":"4"},"distance_squared_exact":"4","exact":{"coefficients":["0","0","5","0","2"],"degree":4,"form":"5x^2y^2 + 2y^4"},"locus":[2,1,1],"rrmp":"2|1"},{"coefficients":[{"decimal":"2","hi":"2","lo":"2"},{"decimal":"0","hi":"0","lo":"0"},{"decimal":"5","hi":"5","lo":"5"},{"decimal":"0","hi":"0","lo":"0"},{"decimal":"0","hi":"0","lo":"0"}],"distance_squared":{"decimal":"4","hi":"4","lo":"4"},"distance_squared_exact":"4","exact":{"coefficients":["2","0","5","0","0"],"degree":4,"form":"2x^4 + 5x^2y^2"},"locus":[2,1,1],"rrmp":"2|1"}],"searched":[[2,1,1],[2,2],[3,1],[4]],"skipped":[[1,1,1,1]],"target_position":"complement","unsupported":[],"value":{"decimal":"4","hi":"4","lo":"4"},"value_exact":"4"' classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --json --digits 3
expect_contains "global minimum: yes (loss 4 = min of l on the function space (exact search))" classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0"
expect_contains "  attained at 2x^4 + 5x^2y^2  rrmp 2|1, locus (2,1,1)" classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0"
# (3,2,2): 5xy * x * y is a local minimum but not a global one; (2,2,2,2): 5x^2y^2 is global.
expect_contains '"global_minimum":false,"global_minimum_proven":true,"global_minimum_reason":"a point of the function space has loss 4 < 8"' classify-params --filters 3,2,2 --target 2,0,5,0,2 --weights "0,5,0;1,0;0,1" --json
expect_contains "global minimum: yes" classify-params --filters 2,2,2,2 --target 2,0,5,0,2 --weights "5,0;1,0;0,1;0,1"
# an O(2)-invariant target with the Bombieri product: a circle of critical points, undecided with the reason
expect_contains '"global_minimum":null,"global_minimum_proven":true,"global_minimum_reason":"no smaller loss found, but the locus solver does not support (2): ' classify-params --filters 2,2 --target 1,0,1 --weights "1,0;1,0" --norm bombieri --json
# function-space-min
expect_out "k=(2,2,2,2), target 2x^4 + 5x^2y^2 + 2y^4 (complement of the function space), euclidean inner product
min over the function space = 8
  attained at 5x^2y^2  rrmp 22|0, locus (2,2)
  loci searched: (2,1,1) (2,2) (3,1) (4); 13 candidate points of the function space" function-space-min --filters 2,2,2,2 --target 2,0,5,0,2
expect_contains '"value":{"decimal":"0.89014656589","hi":"' function-space-min --filters 4,2 --target 1,1,5,1,1 --digits 11 --json
expect_contains '"value_exact":null,"value_minimal_polynomial":"5*t^4+114*t^3-523*t^2-8328*t+7744"' function-space-min --filters 4,2 --target 1,1,5,1,1 --digits 11 --json
expect_contains '"complete":true,' function-space-min --filters 3,3 --target 2,0,5,0,2 --json
expect_contains '"critical":true' classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --norm bombieri --json
expect_contains "critical: yes (pure)" classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0"
# Filling (3,3): 7/3 (x^2+y^2)^2 is a spurious critical point.
expect_contains '"critical":true,"critical_on_locus":true' classify-params --filters 3,3 --target 2,0,5,0,2 --weights "7/3,0,7/3;1,0,1" --json
expect_contains '"spurious":true' classify-params --filters 3,3 --target 2,0,5,0,2 --weights "7/3,0,7/3;1,0,1" --json
expect_contains '"global_minimum":false' classify-params --filters 3,3 --target 2,0,5,0,2 --weights "7/3,0,7/3;1,0,1" --json
# Remark 5.9: a spurious local minimum of the filling architecture (2,3), exactly.
expect_contains '"local_minimum":true' classify-params --filters 2,3 --target 1,1,0,1 --weights "1,0;1,1,0" --json
expect_contains '"spurious":true' classify-params --filters 2,3 --target 1,1,0,1 --weights "1,0;1,1,0" --json
expect_contains '"global_minimum":true' classify-params --filters 2,2 --target "(x-y)(x+2y)" --weights "1,-1;1,2" --json
expect_contains '"critical":false' classify-params --filters 2,2 --target 1,0,1 --weights "1,1;1,1" --norm "1,0,0;0,2,0;0,0,1" --json

# Example 5.8 and Section 7.3's limit point.
expect_contains "2 scaling classes, 4 connected components" fiber --filters 2,2 "(x-y)(2x+3y)"
expect_contains "1 scaling class, 2 connected components" fiber --filters 2,2 -- "-(x+2y)^2"
expect_contains '"class_count":2,"classes":[{"notation":"p1·p2","rational":false,"repeated_root":[false,false],"weights":[["1",{"decimal":"1.4142135623730950488","hi":' fiber --filters 2,2 "x^2-2y^2" --json
expect_contains '"class_count":1,"classes":[{"notation":"p1q1·p1","rational":true,"repeated_root":[false,false],"weights":[["2","0","5","0"],["1","0"]]}]' fiber --filters 4,2 2,0,5,0,0 --json
expect_contains '"filter_sizes":[4,2],"listed":true' fiber --filters 4,2 2,0,5,0,0 --json
expect_contains '"class_count":0' fiber --filters 2,2 1,0,1 --json
expect_contains "479001600 scaling classes" fiber --filters 2,2,2,2,2,2,2,2,2,2,2,2 "(x-y)(x-2y)(x-3y)(x-4y)(x-5y)(x-6y)(x-7y)(x-8y)(x-9y)(x-10y)(x-11y)(x-12y)"

# Section 7.3: kappa = +-sqrt((sqrt(31445) - 177)/2), minimal polynomial t^4 + 177 t^2 - 29.
expect_contains '"kappa":[{"decimal":"0.40458673512524905564549510528971631346741065817775","hi":"' recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --digits 50 --json
expect_contains '},{"decimal":"-0.40458673512524905564549510528971631346741065817775","hi":"' recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --digits 50 --json
expect_contains '"minimal_polynomial":["t^4+177*t^2-29","t^4+177*t^2-29"]' recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --digits 50 --json
expect_contains '"beta_polynomial":"b^2 - 177*b - 29"' recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --json
expect_contains "kappa_2 = 0.4045867351 (root of t^4+177*t^2-29)" recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --digits 10
expect_contains '"enclosed_classes":[{"abs_kappa":' recover-scale --filters 2,2 --weights "1,1;1,2" --limit "x^2-2y^2" --json

# the ledger section
expect_contains "21 of 21 claims hold" verify-paper --only "Section 5:"
expect_contains "✓ Example 5.6, row k' = (4,2)" verify-paper --only "Section 5:"

# bad input: exit 2, one line on stderr, nothing on stdout
expect_fail compatible --filters 3,0
expect_fail compatible
expect_fail compatible --filters 2x2,2x2
expect_fail classify-params --filters 4,2 --target 2,0,5,0 --weights "2,0,5,0;1,0"
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,a;1,0"
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5;1,0"
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;;1,0"
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --norm "1,0;0,1"
expect_fail classify-params --filters 2,2 --target 1,0,1 --weights "1,0;1,0" --norm "1,0,0;0,-1,0;0,0,1"
expect_fail classify-params --filters 2,2 --target 1,0,1 --weights "1,0;1,0" --norm "1,1,0;0,1,0;0,0,1"
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --norm foo
expect_fail classify-params --filters 4,2 --strides 2,1 --target 2,0,5,0,2 --weights "2,0,5,0;1,0"
expect_fail fiber --filters 4,2 0,0,0,0,0
expect_fail fiber --filters 4,2 1,2
expect_fail fiber --filters 2,2 --strides 2,1 1,2,3,4
expect_fail compatible --filters 2,2 --strides 1,2
expect_fail recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 0,0,0,0,0
expect_fail recover-scale --filters 4,2 --weights "1,6,11;4,1" --limit 2,0,5,0,0
expect_fail recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --digits 0
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --digits -1
expect_fail function-space-min --filters 4,2 --target 2,0,5,0
expect_fail function-space-min --filters 4,2 --target 2,0,5,0,2 --norm "1,0;0,1"
expect_fail function-space-min --filters 4,2 --strides 2,1 --target 2,0,5,0,2
expect_fail function-space-min --filters 4,2 --target 2,0,5,0,2 --digits -3
finish
