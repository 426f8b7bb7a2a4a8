#!/usr/bin/env bash
# CLI golden outputs and error paths for `arch` and `member` (Sections 2 and 4).
set -u
. "$(dirname "$0")/assert.bash"

# Example 4.6, row by row (boundary in all_rrmps order; the paper prints another order).
expect_contains '"function_space":["11|0","2|0"]' arch --filters 2,2 --json
expect_contains '"complement":["0|1"]' arch --filters 2,2 --json
expect_contains '"boundary":["2|0"]' arch --filters 2,2 --json
expect_contains '"boundary":["12|0","3|0"],"complement":["1|1"]' arch --filters 2,2,2 --json
expect_contains '"boundary":["22|0","4|0","2|1"],"complement":["0|2","0|11"]' arch --filters 4,2 --json
expect_contains '"function_space":["1111|0","112|0","22|0","13|0","4|0","11|1","2|1"]' arch --filters 3,2,2 --json
expect_contains '"boundary":["112|0","22|0","13|0","4|0"],"complement":["11|1","2|1","0|2","0|11"]' arch --filters 2,2,2,2 --json
expect_contains "boundary          22|0, 4|0, 2|1" arch --filters 4,2
# Widths, end-to-end filter, filling, dimension.
expect_contains '"end_to_end_filter_size":4,"end_to_end_stride":1,"filling":true' arch --filters 3,2 --out 2 --json
expect_contains '"widths":[[5,3,2]]' arch --filters 3,2 --out 2 --json
expect_contains '"dimension":4,"dimension_certified":true' arch --filters 3,2 --strides 2,1 --json
expect_contains '"filling":false,"filling_reason":"Proposition 4.11' arch --filters 3,2 --strides 2,1 --json
expect_contains '"function_space":null' arch --filters 3,2 --strides 2,1 --json
expect_contains '"ambient_dimension":9,"architecture":"k=(2x2,2x2)"' arch --filters 2x2,2x2 --in 3x3 --json
expect_contains '"dimension":7,' arch --filters 2x2,2x2 --in 3x3 --json
expect_contains '"end_to_end_filter_shape":[3,3],"end_to_end_filter_size":null' arch --filters 2x2,2x2 --json
expect_contains '"end_to_end_filter_shape":[4,3,3],' arch --filters 3x3x2,2x1x2 --json
expect_contains '"end_to_end_filter_shape":[5],"end_to_end_filter_size":5,' arch --filters 4,2 --json
expect_contains '"dimension":5,"dimension_certified":true' arch --filters 4,2 --strides 2,1 --json  # Prop. 4.11: 5 < 6
expect_contains 'filling           no (Theorem 4.1: e = 2' arch --filters 4,2
expect_contains 'dimension         5 of 5 (certified' arch --filters 4,2
expect_contains 'reduces to        k=(4,2) (Lemma 4.9)' arch --filters 4,2,1 --strides 1,3,2
# Unlisted architectures.
expect_contains '"complement":["111|1","12|1","3|1","1|2","1|11"]' arch --filters 2,2,2,2,2 --json
expect_contains '"e":3' arch --filters 6,2,2 --json

# member: region, rrmp, witness.
expect_contains '"weights":[["1","6","11","6"],["4","1"]]' member --filters 4,2 "(x+y)(x+2y)(x+3y)(4x+y)" --json
expect_contains '"real_root_count":4,' member --filters 4,2 "(x+y)(x+2y)(x+3y)(4x+y)" --json
expect_contains '"member":true' member --filters 4,2 "(x+y)(x+2y)(x+3y)(4x+y)" --json
expect_contains '"boundary":true' member --filters 4,2 "x^2(x^2+y^2)" --json
expect_contains '"region":"complement"' member --filters 4,2 "(x^2+y^2)^2" --json
expect_contains '"weights":null' member --filters 4,2 "(x^2+y^2)^2" --json
expect_contains '"exact":false' member --filters 2,2,2,2 "x^4-10x^2y^2+y^4" --json
expect_contains '"precision":64' member --filters 2,2,2,2 "x^4-10x^2y^2+y^4" --json --precision 64
expect_contains 'w1 = 1, 6, 11, 6' member --filters 4,2 "(x+y)(x+2y)(x+3y)(4x+y)"
expect_contains 'region            boundary' member --filters 2,2 0,0,0
expect_contains '"region":"interior"' member --filters 4,2 --strides 1,5 "x^4-y^4" --json

# The ledger covers Sections 2 and 4.
expect_contains '✓ Example 4.6, k = (2, 2, 2, 2)' verify-paper --only "Section 4"
expect_contains '✓ Example 4.17' verify-paper --only "Section 4"
expect_contains '✓ Example 2.9' verify-paper --only "Section 2"

# Invalid architectures and inputs: one stderr line, exit 2.
expect_fail arch --filters 4,0
expect_fail arch --filters 4,-2
expect_fail arch --filters 4,2 --strides 1,0
expect_fail arch --filters 4,2 --strides 1
expect_fail arch --filters 2x2,3
expect_fail arch --filters 2x2,2x2 --strides 2,1
expect_fail arch --filters 3,2 --strides 2,1 --in 6
expect_fail arch --filters 4,2 --out 0
expect_fail arch --filters 4,2 --out 2x2
expect_fail arch --filters 4,2 --in 5 --out 1
expect_fail arch --filters ""
expect_fail arch
expect_fail member --filters 4,2 1,2,3
expect_fail member --filters 3,2 --strides 2,1 1,0,0,0,1
expect_fail member --filters 4,2 1,0,0,0,1 --precision 4
expect_fail member --filters 4,2 1,0,0,0,1 --digits 0
expect_fail member --filters 2x2 1,2
expect_fail member --filters 4,2
expect_fail member --filters 4,2 "x^2+y"
finish
