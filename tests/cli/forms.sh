#!/usr/bin/env bash
# CLI golden outputs and error paths for the Section 3 subcommands.
set -u
. "$(dirname "$0")/assert.bash"

expect_out "0|11" rrmp 2,0,5,0,2
expect_out "112|0" rrmp "(x-y)^2*(x+2y)*y"
expect_out "112|0" rrmp 0,1,0,-3,2
expect_out "0|0" rrmp 7
expect_out '{"coefficients":["2","0","5","0","2"],"degree":4,"distinct_real_root_count":0,"form":"2x^4 + 5x^2y^2 + 2y^4","gamma":[1,1],"lambda":[1,1,1,1],"real_root_count":0,"rho":[],"rrmp":"0|11"}' rrmp 2,0,5,0,2 --json
expect_out '{"coefficients":["1","2","3"],"degree":2,"discriminant":"-8","form":"x^2 + 2xy + 3y^2","sign":-1}' discriminant 1,2,3 --json
expect_out "0" discriminant "y^2*(x-y)"
expect_out "1 * (y) * (x - y)^3 * (x^2 - 2y^2)" factor "(x^2-2y^2)*(x-y)^3*y"
expect_contains '"t":{"decimal":"1.41421356237309504880168872421","hi":' roots 1,0,-2 --digits 30 --json
expect_contains '"real_root_count":2' roots 1,0,-2 --json
expect_contains '"at_infinity":true' roots 0,0,1 --json
expect_contains '"exact":true,"multiplicity":3,"point":"(t:1)","t":{"decimal":"0.5","hi":"1/2","lo":"1/2"}' roots "(2x-y)^3*(x^2+y^2)" --json
expect_out "t = 1/2 (exact)  multiplicity 3" roots "(2x-y)^3*(x^2+y^2)"
expect_contains '"rrmps":[{"gamma":[],"lambda":[1,1],"rho":[1,1],"rrmp":"11|0"}' loci --degree 2 --json
expect_contains '"partitions":[{"partition":[1,1,1]},{"partition":[2,1]},{"partition":[3]}]' loci --degree 3 --json
expect_contains "Delta(2,1): contains the form (singular point)" loci x^3
expect_contains '"form_rrmp":{"gamma":[],"lambda":[3],"rho":[3],"rrmp":"3|0"}' loci "x^3" --json
# eq. (5.3): T_w Delta_(3) at w = x^3 is {h x^2 : h linear}
expect_contains '"tangent_space_basis":[{"coefficients":["1","0","0","0"],"degree":3,"form":"x^3"},{"coefficients":["0","1","0","0"],"degree":3,"form":"x^2y"}]' loci "x^3" --json

# batch: input order, integer fast path, rationals and expressions, CRLF, stdin
batch=$(printf '2,0,5,0,2\n1,0,-1\r\n1/2,0,-1/2\n(x-y)^2*(x+2y)*y\n0,0,0,1\n' | "$LCNGEOM" rrmp --batch -)
[ "$batch" = "$(printf '0|11\n11|0\n11|0\n112|0\n3|0')" ] || { echo "FAIL: batch output: $batch"; failures=$((failures+1)); }
json=$(printf '1,0,1\n1,0,-1\n' | "$LCNGEOM" rrmp --batch - --json)
[ "$json" = '{"count":2,"rrmps":["0|1","11|0"]}' ] || { echo "FAIL: batch json: $json"; failures=$((failures+1)); }

# bad input: exit 2, one line on stderr, nothing on stdout
expect_fail rrmp ""
expect_fail rrmp 1,1/0
expect_fail rrmp 0,0,0
expect_fail rrmp "x^2+y"
expect_fail rrmp "(x+y"
expect_fail rrmp
expect_fail discriminant ,
expect_fail factor 0,0
expect_fail roots 0
expect_fail roots 1,0,-2 --digits -3
expect_fail loci --degree -1
expect_fail loci --degree 4 1,2
expect_fail loci
expect_fail nosuch
expect_fail rrmp 1,2 --nosuchflag
expect_fail rrmp --batch /nonexistent/file
# a bad batch line prints the lines before it, then fails: tests/cli/batch_input.sh
finish
