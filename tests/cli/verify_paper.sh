#!/usr/bin/env bash
# verify-paper must pass every claim and produce a ledger; --json is one object.
set -u
. "$(dirname "$0")/assert.bash"
out=$("$LCNGEOM" verify-paper) || { echo "FAIL: verify-paper exited $?"; echo "$out"; failures=$((failures+1)); }
case "$out" in *"✗"*) echo "FAIL: a claim failed"; failures=$((failures+1));; esac
case "$out" in *"Example 3.3, n = 4: 13|0"*) ;; *) echo "FAIL: ledger lacks Example 3.3"; failures=$((failures+1));; esac
json=$("$LCNGEOM" verify-paper --json)
case "$json" in '{"claims":['*'"failed":0,"passed":'*) ;; *) echo "FAIL: json ledger: ${json:0:200}"; failures=$((failures+1));; esac
[ "$(printf '%s\n' "$json" | wc -l)" -eq 1 ] || { echo "FAIL: json is not one line"; failures=$((failures+1)); }
expect_fail verify-paper --only "no such section"
finish
