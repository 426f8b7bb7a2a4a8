#!/usr/bin/env bash
# Every subcommand's --json output, and its error output, validates against
# docs/lcngeom.schema.json (python3-jsonschema): one representative invocation
# per subcommand and mode, plus a failing one with --json for each.
set -u
. "$(dirname "$0")/assert.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
schema=$root/docs/lcngeom.schema.json
PY=
for py in /usr/bin/python3 python3; do
  if "$py" -c 'import jsonschema' 2>/dev/null; then PY=$py; break; fi
done
[ -n "$PY" ] || { echo "FAIL: no python3 with the jsonschema module (Debian package python3-jsonschema)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pairs=()
covered=" "
n=0
ok() {  # ok DEF args...: exit 0, stdout validated against $defs/DEF
  local def=$1; shift
  n=$((n + 1))
  "$LCNGEOM" "$@" >"$tmp/$n.json" 2>"$tmp/$n.err" || { echo "FAIL: lcngeom $* exited $?"; cat "$tmp/$n.err"; failures=$((failures + 1)); }
  pairs+=("$def" "$tmp/$n.json")
  covered+="$1 "
}
err() {  # err TYPE args...: exit 2, one stderr line, {"error": {"type": TYPE, ...}} on stdout
  local type=$1; shift
  n=$((n + 1))
  local rc=0
  "$LCNGEOM" "$@" >"$tmp/$n.json" 2>"$tmp/$n.err" || rc=$?
  [ "$rc" -eq 2 ] || { echo "FAIL: lcngeom $* exited $rc, want 2"; failures=$((failures + 1)); }
  [ "$(wc -l <"$tmp/$n.err")" -eq 1 ] || { echo "FAIL: lcngeom $*: stderr is not one line"; cat "$tmp/$n.err"; failures=$((failures + 1)); }
  grep -q "\"type\":\"$type\"" "$tmp/$n.json" || { echo "FAIL: lcngeom $*: error type is not $type: $(cat "$tmp/$n.json")"; failures=$((failures + 1)); }
  pairs+=(error "$tmp/$n.json")
}

ok cmd_verify_paper verify-paper --only "Section 2" --json
ok cmd_rrmp rrmp 2,0,5,0,2 --json
ok cmd_rrmp rrmp "x^10*(x-y)^12*(x^2+y^2)" --json
printf '1,0,-1\n2,0,5,0,2\n' >"$tmp/forms.txt"
ok cmd_rrmp_batch rrmp --batch "$tmp/forms.txt" --json
ok cmd_roots_batch roots --batch "$tmp/forms.txt" --json --threads 2
printf '1,0,-1\nbad\n\n# comment\n1,2,1\n' >"$tmp/bad.txt"
for sub in rrmp roots; do  # --keep-going: error markers in place, exit 2 at the end
  n=$((n + 1)); rc=0
  "$LCNGEOM" $sub --batch "$tmp/bad.txt" --json --keep-going >"$tmp/$n.json" 2>/dev/null || rc=$?
  [ "$rc" -eq 2 ] || { echo "FAIL: $sub --batch --keep-going exited $rc, want 2"; failures=$((failures + 1)); }
  pairs+=("cmd_${sub}_batch" "$tmp/$n.json")
done
ok cmd_discriminant discriminant 1,2,3 --json
ok cmd_factor factor "(x^2-2y^2)*(x-y)^3*y" --json
ok cmd_roots roots "(2x-y)^3*(x^2-2y^2)*y" --digits 25 --json
ok cmd_loci loci --degree 4 --json
ok cmd_loci loci "x^2(x-y)(x+y)" --json
ok cmd_loci loci 0,0,0 --json
ok cmd_arch arch --filters 4,2 --json
ok cmd_arch arch --filters 3,2 --strides 2,1 --json
ok cmd_arch arch --filters 2x2,2x2 --in 3x3 --json
ok cmd_arch arch --filters 16,16 --json
ok cmd_member member --filters 4,2 "(x+y)(x+2y)(x+3y)(4x+y)" --json
ok cmd_member member --filters 2,2,2,2 "x^4-10x^2y^2+y^4" --json
ok cmd_member member --filters 4,2 "(x^2+y^2)^2" --json
ok cmd_member member --filters 2,2 0,0,0 --json
ok cmd_compatible compatible --filters 3,2,2 --json
ok cmd_classify_params classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --json
ok cmd_classify_params classify-params --filters 4,2 --target 1,1,5,1,1 --weights "1,0,5,1;1,1" --json
ok cmd_classify_params classify-params --filters 2,2 --target 1,0,1 --weights "1,0;1,0" --norm bombieri --json
ok cmd_function_space_min function-space-min --filters 4,2 --target 1,1,5,1,1 --digits 11 --json
ok cmd_function_space_min function-space-min --filters 3,3 --target 2,0,5,0,2 --json
ok cmd_function_space_min function-space-min --filters 4,3,2 --target 1,1,4,1,3,0,1/100 --json --quiet
ok cmd_classify_params classify-params --filters 4,3,2 --target 1,1,4,1,3,0,1/100 --weights "1,0,1,0;1,1,3;1,0" --json
ok cmd_fiber fiber --filters 2,2 "x^2-2y^2" --json
ok cmd_fiber fiber --filters 4,2 2,0,5,0,0 --json
ok cmd_fiber fiber --filters 4,2 "(x^2+y^2)(x^2+2y^2)" --json
ok cmd_fiber fiber --filters 2,2,2,2,2,2,2 "(x-y)(x-2y)(x-3y)(x-4y)(x-5y)(x-6y)(x-7y)" --max-classes 10 --json
ok cmd_recover_scale recover-scale --filters 4,2 --weights "1,6,11,6;4,1" --limit 2,0,5,0,0 --json
ok cmd_recover_scale recover-scale --filters 2,2 --weights "1,1;1,2" --limit "x^2-2y^2" --json
ok cmd_critical critical --target 2,0,5,0,2 --locus 2,2 --json
ok cmd_critical critical --target 1,4,-2,3,-6,2,5 --locus 2,2,2 --json
ok cmd_critical critical --target 2,0,5,0,2 --locus 3,1 --norm bombieri --json
ok cmd_critical critical --target "(x+y)(x^2+y^2/10)" --filters 2,3 --json
ok cmd_ed_degree ed-degree --degree 4 --json
ok cmd_ed_degree ed-degree --degree 5 --norm bombieri --trials 1 --json
ok cmd_ed_degree_formula ed-degree --formula --degree 8 --json
ok cmd_ed_degree_formula ed-degree --formula --degree 60 --locus 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2 --json
ok cmd_verify_7_3 verify-7.3 --json
ok cmd_gd_run gd run --filters 4,2 --target 2,0,5,0,2 --weights "1,6,11,6;4,1" --json
ok cmd_gd_run gd run --filters 3,2,2 --dataset 0 --json
ok cmd_gd_run gd run --filters 3,2,2 --dataset 1 --json
ok cmd_gd_table1 gd table1 --filters "2,2;4,2" --datasets 30 --quiet --json
ok cmd_gd_table2 gd table2 --filters 2,2,2 --targets 5 --inits 4 --quiet --json
ok cmd_gd_precision gd precision --filters 2,2 --datasets 3 --quiet --json

# Errors, one per subcommand, of every type.
err parse_error rrmp "(x+y" --json
err domain_error rrmp 0,0,0 --json
err parse_error discriminant , --json
err domain_error factor 0,0 --json
err usage roots 1,0,-2 --digits 0 --json
err invalid_argument loci --degree 4 1,2 --json
err resource_limit loci --degree 41 --json
err invalid_argument arch --filters 4,2 --strides 1 --json
err resource_limit arch --filters 30,30 --lists --json
err invalid_argument member --filters 4,2 1,2,3 --json
err resource_limit compatible --filters 17,16 --json
err not_supported compatible --filters 2x2,2x2 --json
err parse_error classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,a;1,0" --json
err resource_limit classify-params --filters 4,2 --target 2,0,5,0,2 --weights "2,0,5,0;1,0" --max-search-degree 13 --json
err invalid_argument function-space-min --filters 4,2 --target 2,0,5,0 --json
err resource_limit function-space-min --filters 8,6,2 --target "x(x^2+y^2)^6" --json
err invalid_argument fiber --filters 4,2 1,2 --json
err invalid_argument recover-scale --filters 4,2 --weights "1,6,11;4,1" --limit 2,0,5,0,0 --json
err not_supported critical --target 1,2,3,4,5,6,7,8,9,1 --locus 2,2,2,2,1 --json
err resource_limit critical --target "(x+y)^20+y^20" --locus 2,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 --json
err invalid_argument ed-degree --degree 0 --json
err resource_limit ed-degree --degree 100 --json
err invalid_argument ed-degree --formula --degree 4 --norm bombieri --json
err invalid_argument verify-paper --only "no such section" --json
err usage verify-7.3 --digits 0 --json
err invalid_argument gd table1 --datasets 0 --json
err invalid_argument gd run --filters 4,2 --target 2,0,5,0 --json
err usage rrmp 1,2 --nosuchflag --json
err usage nosuch --json

# Every subcommand is covered (a new one needs its $defs/cmd_* and a line above).
for sub in $("$LCNGEOM" --help | sed -n '/^SUBCOMMANDS:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}'); do
  case "$covered" in *" $sub "*) ;; *) echo "FAIL: subcommand $sub has no --json output checked here"; failures=$((failures + 1));; esac
done

"$PY" "$(dirname "$0")/validate_json.py" "$schema" "${pairs[@]}" || failures=$((failures + 1))
finish
