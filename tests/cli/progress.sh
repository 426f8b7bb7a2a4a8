#!/usr/bin/env bash
# Issue 13 item 4: progress on stderr.  Every long-running command draws a bar
# on stderr when (and only when) stderr is a terminal: nothing when it is a
# file (as here, under ctest), a bar under a pseudo-terminal (pty_run.py), and
# nothing under --quiet.  stdout is byte for byte the same in all three cases
# (timings aside).
set -u
. "$(dirname "$0")/assert.bash"
pty_run=$(dirname "$0")/pty_run.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '1,0,-1\n2,0,5,0,2\n# comment\n\n1,2,1\n' > "$tmp/forms.txt"
for i in $(seq 1 300); do echo "$i,0,-$((i * i)),3,4"; done >> "$tmp/forms.txt"

# Run times differ from run to run; everything else must not.
normalise() { sed -E -e 's/"(wall_)?seconds":(\{[^}]*\}|[-0-9.e+]+),?//g' -e 's/[0-9]+\.[0-9]{3}( |$)/T\1/g' "$1"; }

check() {  # check NAME args...
  local name=$1; shift
  local rc
  "$LCNGEOM" "$@" > "$tmp/plain.out" 2> "$tmp/plain.err" && rc=0 || rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$tmp/plain.err" ]; then
    echo "FAIL: $name: stderr not a terminal: exit $rc, stderr: $(cat "$tmp/plain.err")"
    failures=$((failures + 1))
  fi
  python3 "$pty_run" "$tmp/tty.out" "$tmp/tty.err" "$LCNGEOM" "$@" && rc=0 || rc=$?
  if [ "$rc" -ne 0 ] || ! grep -q $'\r'"lcngeom" "$tmp/tty.err" || ! grep -qE '\] [0-9]' "$tmp/tty.err"; then
    echo "FAIL: $name: no progress bar on a terminal (exit $rc): $(cat -v "$tmp/tty.err" | head -c 400)"
    failures=$((failures + 1))
  fi
  if [ "$(normalise "$tmp/plain.out")" != "$(normalise "$tmp/tty.out")" ]; then
    echo "FAIL: $name: stdout differs with stderr on a terminal"
    diff <(normalise "$tmp/plain.out") <(normalise "$tmp/tty.out") | head -5
    failures=$((failures + 1))
  fi
  python3 "$pty_run" "$tmp/quiet.out" "$tmp/quiet.err" "$LCNGEOM" "$@" --quiet && rc=0 || rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$tmp/quiet.err" ]; then
    echo "FAIL: $name --quiet on a terminal: exit $rc, stderr: $(cat -v "$tmp/quiet.err" | head -c 400)"
    failures=$((failures + 1))
  fi
  if [ "$(normalise "$tmp/plain.out")" != "$(normalise "$tmp/quiet.out")" ]; then
    echo "FAIL: $name: stdout differs under --quiet"
    failures=$((failures + 1))
  fi
}

check "ed-degree table" ed-degree --degree 5
check "ed-degree --json" ed-degree --degree 4 --json
check "critical" critical --target 2,0,5,0,2 --locus 2,2 --digits 5 --json
check "function-space-min" function-space-min --filters 2,2 --target 1,0,1 --json
check "gd table1" gd table1 --filters 2,2 --datasets 20 --json
check "gd table2" gd table2 --filters 2,2 --targets 3 --inits 3 --json
check "gd precision" gd precision --filters 2,2 --datasets 2 --bits 64 --json
check "rrmp --batch" rrmp --batch "$tmp/forms.txt" --threads 2
check "rrmp --batch --json" rrmp --batch "$tmp/forms.txt" --json
check "roots --batch" roots --batch "$tmp/forms.txt" --digits 5

# A pipe has no size: the batch bar counts bytes without a total or ETA.
python3 "$pty_run" "$tmp/tty.out" "$tmp/tty.err" bash -c "cat '$tmp/forms.txt' | '$LCNGEOM' rrmp --batch - --json"
grep -q "KiB" "$tmp/tty.err" || { echo "FAIL: rrmp --batch - (pipe): $(cat -v "$tmp/tty.err")"; failures=$((failures + 1)); }
if grep -q "ETA" "$tmp/tty.err"; then echo "FAIL: an ETA without a total"; failures=$((failures + 1)); fi

# --progress: plain lines, also when stderr is a file; --quiet wins.
"$LCNGEOM" ed-degree --degree 4 --locus 2,2 --progress > /dev/null 2> "$tmp/lines.err"
grep -q "^lcngeom ed-degree: ED degrees of degree 4 1/1" "$tmp/lines.err" ||
  { echo "FAIL: ed-degree --progress lines: $(cat "$tmp/lines.err")"; failures=$((failures + 1)); }
"$LCNGEOM" ed-degree --degree 4 --locus 2,2 --progress --quiet > /dev/null 2> "$tmp/lines.err"
[ -s "$tmp/lines.err" ] && { echo "FAIL: --progress --quiet printed"; failures=$((failures + 1)); }
finish
