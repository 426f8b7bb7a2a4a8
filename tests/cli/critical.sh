#!/usr/bin/env bash
# CLI golden outputs and error paths for critical, ed-degree and verify-7.3 (Sections 6, 7.3).
set -u
. "$(dirname "$0")/assert.bash"

# Section 7.3, exact: counts, rational points, JSON keys
expect_contains "complex critical points: 10   real: 4   rational: 4" critical --target 2,0,5,0,2 --locus 2,1,1
expect_contains "= 5x^2y^2 + 2y^4 (exact)" critical --target 2,0,5,0,2 --locus 2,1,1 --digits 5
expect_contains '"complex_count":13' critical --target 2,0,5,0,2 --locus 2,2 --json
expect_contains '"real_count":5' critical --target 2,0,5,0,2 --locus 2,2 --json
expect_contains '"rational_points":[{"coefficients":["-1","0","2","0","-1"],"degree":4,"form":"-x^4 + 2x^2y^2 - y^4"},{"coefficients":["0","0","5","0","0"],"degree":4,"form":"5x^2y^2"},{"coefficients":["7/3","0","14/3","0","7/3"],"degree":4,"form":"(7/3)x^4 + (14/3)x^2y^2 + (7/3)y^4"}]' critical --target 2,0,5,0,2 --locus 2,2 --json
json=$("$LCNGEOM" critical --target 2,0,5,0,2 --locus 3,1 --digits 10 --json)
for want in '"coefficients":[{"decimal":"0.3345990744",' '{"decimal":"-1.867455094",' '{"decimal":"3.012935262",' '{"decimal":"-1.934061966",' '{"decimal":"0.4377235449",' '"distance_squared":{"decimal":"16.39067845",' '"distance_squared_exact":null,"exact":null,"orbit":0,"rational":false,"rrmp":"13|0"}'; do
  case "$json" in *"$want"*) ;; *) echo "FAIL: critical (3,1) lacks $want"; failures=$((failures+1));; esac
done
expect_contains '"exact":{"coefficients":["2","0","0","0","0"],"degree":4,"form":"2x^4"}' critical --target 2x^4+5x^2y^2+2y^4 --locus 4 --json
expect_contains '"orbits":[{"cell":"monic","minimal_polynomial":"5*z^12 + 14*z^10 - 1*z^8 - 86*z^6 - 1*z^4 + 14*z^2 + 5","real_count":4,"size":12}],"problem":"locus"' critical --target 2,0,5,0,2 --locus 3,1 --json
# other norms and matrix syntax: Bombieri special ED degree 7 for (2,2)
expect_contains '"complex_count":7' critical --target 3,-1,4,1,-5 --locus 2,2 --norm bombieri --json
expect_contains '"complex_count":7' critical --target 3,-1,4,1,-5 --locus 2,2 --norm "1,0,0,0,0;0,1/4,0,0,0;0,0,1/6,0,0;0,0,0,1/4,0;0,0,0,0,1" --json
expect_contains '"inner_product":"bombieri"' critical --target 3,-1,4,1,-5 --locus 2,2 --norm "1,0,0,0,0;0,1/4,0,0,0;0,0,1/6,0,0;0,0,0,1/4,0;0,0,0,0,1" --json
# Example 5.10
expect_contains "complex: 10 (3 global, 7 spurious)   real: 4 (1 global, 3 spurious)" critical --target "(x+y)(x^2+y^2/10)" --filters 2,3
expect_contains "spurious (0.05784454432534, 1.000018782259, 0.9418296668754, 0.05113365375901)" critical --target "(x+y)(x^2+y^2/10)" --filters 2,3 --digits 13
expect_contains '"spurious_count":7,"spurious_real_count":3,"target"' critical --target "(x+y)(x^2+y^2/10)" --filters 2,3 --json
expect_contains '"global_count":3,"global_real_count":1,' critical --target "(x+y)(x^2+y^2/10)" --filters 2,3 --json
expect_contains '"problem":"parameters"' critical --target "(x+y)(x^2+y^2/10)" --filters 2,3 --json

# ED degrees (Examples 6.7, 6.9)
json=$("$LCNGEOM" ed-degree --degree 4 --json)
case "$json" in *'"ed_degree":10,"partition":[2,1,1]'*'"ed_degree":13,"partition":[2,2]'*'"ed_degree":12,"partition":[3,1]'*'"ed_degree":10,"partition":[4]'*) ;;
  *) echo "FAIL: ed-degree 4: $json"; failures=$((failures+1));; esac
json=$("$LCNGEOM" ed-degree --degree 4 --norm bombieri --json)
case "$json" in *'"ed_degree":4,"partition":[2,1,1]'*'"ed_degree":7,"partition":[2,2]'*'"ed_degree":4,"partition":[3,1]'*'"ed_degree":4,"partition":[4]'*) ;;
  *) echo "FAIL: ed-degree 4 bombieri: $json"; failures=$((failures+1));; esac
[ "$(printf '%s\n' "$json" | wc -l)" -eq 1 ] || { echo "FAIL: ed-degree json is not one line"; failures=$((failures+1)); }
expect_contains "(2,2,1)                   34        34" ed-degree --degree 5
expect_contains '"ed_degree":4,"partition":[2]' ed-degree --degree 2 --locus 2 --json
expect_contains '"partition":[2,2],"porteous":13' ed-degree --formula --degree 4 --json
expect_contains "(2,2,2,2)                  121" ed-degree --formula --degree 8
expect_contains '"porteous":1662' ed-degree --formula --degree 334 --locus 333,1 --json

# verify-7.3: readable certificate, exit 0, JSON
out=$("$LCNGEOM" verify-7.3) || { echo "FAIL: verify-7.3 exited $?"; failures=$((failures+1)); }
case "$out" in *"verify-7.3: 14 of 14 claims hold"*) ;; *) echo "FAIL: verify-7.3 summary"; echo "$out" | tail -3; failures=$((failures+1));; esac
case "$out" in *"✗"*) echo "FAIL: verify-7.3 has a failed claim"; failures=$((failures+1));; esac
expect_contains '"ok":true' verify-7.3 --json
expect_contains '"total_real_count":17' verify-7.3 --json

# errors: exit 2, one line on stderr
expect_fail critical --target 2,0,5,0,2 --locus 2,1
expect_fail critical --target 2,0,5,0,2
expect_fail critical --target 2,0,5,0,2 --locus 2,2 --norm "1,2;2,1"
expect_fail critical --target 2,0,5,0,2 --locus 2,2 --norm "1,0,0,0,0;0,1,0,0,0;0,0,-1,0,0;0,0,0,1,0;0,0,0,0,1"
expect_fail critical --target 2,0,5,0,2 --locus 2,2 --norm "nonsense"
expect_fail critical --target 1,2,3,4,5,6,7,8,9,1 --locus 2,2,2,2,1
expect_fail critical --target 3,0,3 --locus 2 --norm bombieri
expect_fail critical --target 0,0,0,0,0 --locus 2,2
expect_fail critical --target 2,0,5,0,2 --locus 2,2 --filters 2,3
expect_fail critical --target 1,0,0,0,1 --filters 3,3
expect_fail ed-degree --degree 0
expect_fail ed-degree --degree 4 --locus 2,2,1
expect_fail ed-degree --degree 11 --locus 2,2,2,2,1,1,1 --norm bombieri
expect_fail ed-degree --degree 4 --norm "1"
finish
