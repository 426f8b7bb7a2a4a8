# Helpers sourced by the CLI tests: `expect_out`, `expect_fail`.
LCNGEOM=${1:?usage: test.sh path/to/lcngeom}
failures=0
expect_out() {  # expect_out "expected stdout" args...
  local want=$1; shift
  local got rc
  got=$("$LCNGEOM" "$@" 2>/tmp/lcngeom_cli_err.$$) && rc=0 || rc=$?
  if [ "$rc" -ne 0 ] || [ "$got" != "$want" ]; then
    echo "FAIL: lcngeom $*"; echo "  want: $want"; echo "  got:  $got (exit $rc)"; cat /tmp/lcngeom_cli_err.$$
    failures=$((failures + 1))
  fi
}
expect_contains() {  # expect_contains "substring" args...
  local want=$1; shift
  local got
  got=$("$LCNGEOM" "$@" 2>&1) || true
  case "$got" in *"$want"*) ;; *) echo "FAIL: lcngeom $*: output lacks '$want'"; echo "$got"; failures=$((failures + 1));; esac
}
expect_fail() {  # expect_fail args...: exit 2, nothing on stdout, exactly one line on stderr
  local out err rc
  out=$("$LCNGEOM" "$@" 2>/tmp/lcngeom_cli_err.$$) && rc=0 || rc=$?
  err=$(cat /tmp/lcngeom_cli_err.$$)
  if [ "$rc" -ne 2 ] || [ -n "$out" ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ] || [ -z "$err" ]; then
    echo "FAIL: lcngeom $* should exit 2 with one stderr line; exit $rc, stdout '$out', stderr '$err'"
    failures=$((failures + 1))
  fi
}
finish() {
  rm -f /tmp/lcngeom_cli_err.$$
  [ "$failures" -eq 0 ] && echo "all CLI checks passed" && exit 0
  echo "$failures CLI checks failed"; exit 1
}
