#!/usr/bin/env bash
# Old option spellings (docs/cli.md, "Old spellings") still work, give the same
# output as the new ones, are hidden from --help, and exclude the new spelling.
set -u
. "$(dirname "$0")/assert.bash"
same() {  # same "old args" "new args": identical stdout, both exit 0
  local old new
  old=$(eval "\"\$LCNGEOM\" $1" 2>&1) || { echo "FAIL: lcngeom $1 exited $?: $old"; failures=$((failures + 1)); return; }
  new=$(eval "\"\$LCNGEOM\" $2" 2>&1) || { echo "FAIL: lcngeom $2 exited $?: $new"; failures=$((failures + 1)); return; }
  [ "$old" = "$new" ] || { echo "FAIL: lcngeom $1 and lcngeom $2 differ"; failures=$((failures + 1)); }
}
same 'critical --target "(x+y)(x^2+y^2/10)" --architecture 2,3 --json' 'critical --target "(x+y)(x^2+y^2/10)" --filters 2,3 --json'
same 'classify-params --filters 4,2 --target 2,0,5,0,2 --params "2,0,5,0;1,0" --json' 'classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --json'
same 'recover-scale --filters 4,2 --init "1,6,11,6;4,1" --limit 2,0,5,0,0 --json' 'recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --json'
same 'loci 4' 'loci --degree 4'
same 'loci 4 --json' 'loci --degree 4 --json'
same 'loci 3 --form x^3' 'loci x^3'
same 'loci 3 --form x^3 --json' 'loci --degree 3 x^3 --json'
same 'rrmp --form 2,0,5,0,2 --json' 'rrmp 2,0,5,0,2 --json'
same 'roots --form 1,0,-2' 'roots 1,0,-2'
same 'member --filters 4,2 --form "x^2(x^2+y^2)" --json' 'member --filters 4,2 "x^2(x^2+y^2)" --json'
same 'fiber --filters 2,2 --form "(x-y)(2x+3y)"' 'fiber --filters 2,2 "(x-y)(2x+3y)"'
# the constant form 4 is "loci --degree 0 4"
expect_contains '"degree":0,"form":{"coefficients":["4"],"degree":0,"form":"4"}' loci --degree 0 4 --json
# hidden from --help
for c in "critical --architecture" "classify-params --params" "recover-scale --init" "rrmp --form"; do
  set -- $c
  "$LCNGEOM" "$1" --help | grep -q -- "$2" && { echo "FAIL: lcngeom $1 --help lists $2"; failures=$((failures + 1)); }
done
# both spellings at once: an error
expect_fail classify-params --filters 4,2 --target 2,0,5,0,2 --params "2,0,5,0;1,0" --weights "2,0,5,0;1,0"
expect_fail recover-scale --filters 4,2 --init "1,6,11,6;4,1" --weights "1,6,11,6;4,1" --limit 2,0,5,0,0
expect_fail critical --target "(x+y)(x^2+y^2/10)" --architecture 2,3 --filters 2,3
expect_fail rrmp 1,0,-1 --form 1,0,-1
expect_fail loci x^3 --form x^3
finish
