#!/usr/bin/env bash
# `rrmp --batch` / `roots --batch` input handling (issue 15 item 3) and threads
# (issue 12 item 4): blank lines, CRLF and '#' comments keep the output aligned
# with the input; --keep-going marks bad lines with "error: <message>" and goes
# on (exit 2 at the end); without it the lines before the bad one are printed
# and the run stops (exit 2, one line on stderr); every thread count gives the
# same output, in input order.
set -u
. "$(dirname "$0")/assert.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME WANT GOT
  [ "$2" = "$3" ] || { echo "FAIL: $1"; echo "  want: $(printf '%q' "$2")"; echo "  got:  $(printf '%q' "$3")"; failures=$((failures + 1)); }
}
run() {  # run EXPECTED_RC args...: stdout of lcngeom, checks the exit code and a one-line stderr if nonzero
  local want_rc=$1; shift
  local out rc
  out=$("$LCNGEOM" "$@" 2>"$tmp/err") && rc=0 || rc=$?
  [ "$rc" -eq "$want_rc" ] || { echo "FAIL: lcngeom $* exit $rc, want $want_rc" >&2; cat "$tmp/err" >&2; echo x >>"$tmp/failed"; }
  if [ "$rc" -ne 0 ] && [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
    echo "FAIL: lcngeom $* stderr is not one line:" >&2; cat "$tmp/err" >&2; echo x >>"$tmp/failed"
  fi
  printf '%s' "$out"
}

# The example of issue 15: a blank line no longer stops the batch.
printf '1,0,-1\n\n1,2,1\n' >"$tmp/issue.txt"
check "blank line" "$(printf '11|0\n\n2|0')" "$(run 0 rrmp --batch "$tmp/issue.txt")"

# Blank lines (also spaces/tabs, CRLF), comments, a final line without newline.
printf '# header\r\n1,0,-1\r\n\r\n \t \n  # indented comment\n(x-y)^2*(x^2+y^2)\n0,0,1' >"$tmp/mixed.txt"
want=$(printf '# header\n11|0\n\n\n# indented comment\n2|1\n2|0')
check "mixed input" "$want" "$(run 0 rrmp --batch "$tmp/mixed.txt")"
check "mixed input, stdin" "$want" "$(run 0 rrmp --batch - <"$tmp/mixed.txt")"
check "JSON skips blank and comment lines" '{"count":3,"rrmps":["11|0","2|1","2|0"]}' \
  "$(run 0 rrmp --batch "$tmp/mixed.txt" --json)"

# A bad line: without --keep-going the earlier lines are printed, then exit 2.
printf '1,0,-1\n# c\n1,2,foo\n1,2,1\n' >"$tmp/bad.txt"
check "stop at the bad line" "$(printf '11|0\n# c')" "$(run 2 rrmp --batch "$tmp/bad.txt")"
grep -q "line 3 of" "$tmp/err" || { echo "FAIL: the error does not name line 3"; cat "$tmp/err"; failures=$((failures + 1)); }
got=$(run 2 rrmp --batch "$tmp/bad.txt" --keep-going)
check "keep going: one output line per input line" 4 "$(printf '%s\n' "$got" | wc -l)"
check "keep going: line 1" "11|0" "$(printf '%s\n' "$got" | sed -n 1p)"
check "keep going: line 4" "2|0" "$(printf '%s\n' "$got" | sed -n 4p)"
case "$(printf '%s\n' "$got" | sed -n 3p)" in
  "error: "*) ;;
  *) echo "FAIL: keep going: line 3 is not an error marker: $got"; failures=$((failures + 1)) ;;
esac
grep -q "1 line of" "$tmp/err" || { echo "FAIL: keep-going summary"; cat "$tmp/err"; failures=$((failures + 1)); }
json=$(run 2 rrmp --batch "$tmp/bad.txt" --keep-going --json)
case "$json" in
  '{"count":3,"rrmps":["11|0",{"error":{"line":3,"message":'*'}},"2|0"]}') ;;
  *) echo "FAIL: keep going JSON: $json"; failures=$((failures + 1)) ;;
esac
json=$(run 2 rrmp --batch "$tmp/bad.txt" --json)
case "$json" in
  '{"count":1,"rrmps":["11|0"],"error":{"line":3,"message":'*'}}') ;;
  *) echo "FAIL: stopped JSON: $json"; failures=$((failures + 1)) ;;
esac
# The zero form is bad input too (domain error), and so is a missing file.
check "zero form" "$(printf '11|0\nerror: the zero form (degree 2) has no rrmp\n2|0')" \
  "$(printf '1,0,-1\n0,0,0\n1,2,1\n' | run 2 rrmp --batch - --keep-going)"
expect_fail rrmp --batch "$tmp/missing.txt"
expect_fail rrmp 1,0,-1 --threads 2
expect_fail rrmp --batch "$tmp/issue.txt" --threads 0

# Threads: the same output in the same order for 1, 2 and 3 threads, on
# enough lines to make many jobs (4096 lines each) that finish out of order.
awk 'BEGIN { srand(5); for (i = 0; i < 30000; i++) {
  if (i % 997 == 0) { print "# block " i; continue }
  if (i % 1009 == 0) { print ""; continue }
  n = (i % 3 == 0) ? 9 : 5; s = "";
  for (k = 0; k < n; k++) s = s (k ? "," : "") int(rand() * 201) - 100;
  print s } }' >"$tmp/many.txt"
one=$(run 0 rrmp --batch "$tmp/many.txt" --threads 1)
check "threads 2 = threads 1" "$one" "$(run 0 rrmp --batch "$tmp/many.txt" --threads 2)"
check "threads 3 = threads 1" "$one" "$(run 0 rrmp --batch "$tmp/many.txt" --threads 3)"
check "default threads = threads 1" "$one" "$(run 0 rrmp --batch "$tmp/many.txt")"
check "one output line per input line" "$(wc -l <"$tmp/many.txt")" "$(printf '%s\n' "$one" | wc -l)"
# ... and against one process per form on a sample.
i=0
while IFS= read -r line; do
  i=$((i + 1))
  [ $((i % 2500)) -eq 7 ] || continue
  case "$line" in ''|'#'*) continue ;; esac
  check "line $i against a single run" "$("$LCNGEOM" rrmp "$line")" "$(printf '%s\n' "$one" | sed -n "${i}p")"
done <"$tmp/many.txt"

# roots --batch: one line per form, exact roots as rationals, others with --digits
# significant digits, ^m multiplicities.
printf '(2x-y)^3*(x+3y)*(x^2+y^2)*y^2\r\n\n# c\n1,0,-2\nx^2+y^2\nnot a form\n' >"$tmp/roots.txt"
want=$(printf '%s\n' "-3 1/2^3 inf^2" "" "# c" "-1.4142 1.4142" "none" "error: *")
got=$(run 2 roots --batch "$tmp/roots.txt" --digits 5 --keep-going --threads 2)
check "roots batch lines" 6 "$(printf '%s\n' "$got" | wc -l)"
check "roots batch line 1" "-3 1/2^3 inf^2" "$(printf '%s\n' "$got" | sed -n 1p)"
check "roots batch line 4" "-1.4142 1.4142" "$(printf '%s\n' "$got" | sed -n 4p)"
check "roots batch line 5" "none" "$(printf '%s\n' "$got" | sed -n 5p)"
case "$(printf '%s\n' "$got" | sed -n 6p)" in "error: "*) ;; *) echo "FAIL: roots batch error line"; failures=$((failures + 1)) ;; esac
check "roots batch stops" "$(printf '%s\n' "-3 1/2^3 inf^2" "" "# c" "-1.4142 1.4142" "none")" \
  "$(run 2 roots --batch "$tmp/roots.txt" --digits 5)"
json=$(printf '1,0,-4\n' | run 0 roots --batch - --json --digits 3)
case "$json" in
  '{"count":1,"roots":[{'*'"decimal":"-2"'*'"decimal":"2"'*'}]}') ;;
  *) echo "FAIL: roots batch JSON: $json"; failures=$((failures + 1)) ;;
esac
# Failures inside $(run ...) subshells are counted through a file.
[ -f "$tmp/failed" ] && failures=$((failures + $(wc -l <"$tmp/failed")))
finish
