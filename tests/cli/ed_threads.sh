#!/usr/bin/env bash
# ed-degree --threads: its (locus, trial) units on threads (tools/lcngeom/units.cpp).
# A script of its own so that `run.sh tsan` runs only this under ThreadSanitizer.
set -u
. "$(dirname "$0")/assert.bash"

# The same rows in the same order as one thread (timings masked),
# and a refused locus still exits 2 when other units run beside it.
mask_t() { sed -E 's/"(seconds|wall_seconds)":[0-9][0-9.e+-]*/"\1":T/g'; }
one=$("$LCNGEOM" ed-degree --degree 7 --json --threads 1 | mask_t)
two=$("$LCNGEOM" ed-degree --degree 7 --json --threads 2 | mask_t)
[ -n "$one" ] && [ "$one" = "$two" ] || { echo "FAIL: ed-degree --threads 2 differs from --threads 1"; failures=$((failures+1)); }
case "$one" in *'"wall_seconds":T'*) ;; *) echo "FAIL: ed-degree json lacks wall_seconds"; failures=$((failures+1));; esac
expect_fail ed-degree --degree 6 --locus 2,2,1 --threads 2

expect_fail ed-degree --degree 9 --locus 2,2,2,2,2,2 --threads 2
expect_fail ed-degree --degree 6 --threads -1
finish
