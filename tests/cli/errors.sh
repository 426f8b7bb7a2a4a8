#!/usr/bin/env bash
# Errors (issue 9, item 8): with --json a failure is also one JSON object
# {"error": {"type", "message"}} on stdout, with the same message as the one
# stderr line, exit 2; requests beyond the CLI's limits (docs/cli.md) end in a
# clear resource_limit error before the library is called, never in exit 3.
set -u
. "$(dirname "$0")/assert.bash"
json_error() {  # json_error TYPE args...
  local type=$1; shift
  local out err rc=0
  out=$("$LCNGEOM" "$@" 2>/tmp/lcngeom_cli_err.$$) || rc=$?
  err=$(cat /tmp/lcngeom_cli_err.$$)
  local msg=${err#lcngeom: error: }
  msg=${msg#lcngeom: }
  msg=${msg% (see lcngeom --help)}
  local want="{\"error\":{\"message\":$(printf '%s' "$msg" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/'),\"type\":\"$type\"}}"
  if [ "$rc" -ne 2 ] || [ "$out" != "$want" ]; then
    echo "FAIL: lcngeom $*: exit $rc"; echo "  stdout: $out"; echo "  want:   $want"; failures=$((failures + 1))
  fi
}
json_error domain_error rrmp 0,0,0 --json
json_error parse_error rrmp "(x+y" --json
json_error invalid_argument loci --degree 4 1,2 --json
json_error not_supported critical --target 1,2,3,4,5,6,7,8,9,1 --locus 2,2,2,2,1 --json
json_error not_supported ed-degree --degree 11 --locus 2,2,2,2,1,1,1 --norm bombieri --json
json_error usage rrmp 1,2 --nosuchflag --json
json_error usage nosuch --json
json_error usage classify-params --filters 4,2 --json
# --json after a "--" is an argument, not the flag: no JSON on stdout
expect_fail rrmp -- --json

# Limits: one line, exit 2, type resource_limit; never std::bad_alloc / exit 3.
json_error resource_limit arch --filters 30,30 --lists --json
json_error resource_limit loci --degree 41 --json
json_error resource_limit loci "x^41" --json
json_error resource_limit compatible --filters 20,20 --json
json_error resource_limit ed-degree --degree 100 --json
json_error resource_limit critical --target "(x+y)^20+y^20" --locus 2,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 --json
json_error resource_limit critical --target "(x+y)^25" --filters 2,24 --json
expect_contains '"problem":"parameters"' critical --target "(x+y)^13+y^13" --filters 2,13 --json
json_error resource_limit function-space-min --filters 8,6,2 --target "x(x^2+y^2)^6" --json
json_error resource_limit classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --max-search-degree 20 --json
expect_fail fiber --filters 2,2 "x^2-y^2" --max-classes 100001
expect_fail arch --filters 30,30 --lists
expect_contains "use --lists, up to degree 40" arch --filters 30,30
expect_contains "lcngeom accepts at most 40" loci --degree 41
# Below the limits these still work (function-space-min: the target is in the
# function space, so no search runs whatever its degree).
expect_contains '"value_exact":"0"' function-space-min --filters 20,20 --target "(x+y)^38" --json
expect_contains '"end_to_end_filter_size":59' arch --filters 30,30 --json

# --quiet, --seed
out=$("$LCNGEOM" verify-paper --only "Section 2" --quiet)
[ "$out" = "$(printf 'verify-paper: %s' "${out#verify-paper: }")" ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] ||
  { echo "FAIL: verify-paper --quiet printed more than the summary: $out"; failures=$((failures + 1)); }
out=$("$LCNGEOM" verify-7.3 --quiet)
case "$out" in "Claims of Section 7.3:"*"verify-7.3: 14 of 14 claims hold") ;; *) echo "FAIL: verify-7.3 --quiet: $out"; failures=$((failures + 1));; esac
expect_contains '"dimension":5,"dimension_certified":true' arch --filters 4,2 --strides 2,1 --seed 7 --json
finish
