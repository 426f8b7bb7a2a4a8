#!/usr/bin/env bash
# Header hygiene (issue 9, item 7): <lcngeom/lcngeom.hpp> must include no
# FLINT/Arb/GMP/MPFR header and define no macro except LCNGEOM_* ones.
#
#   check_macros.sh CXX INCLUDE_DIR
#
# The macros of a translation unit holding only the umbrella header are
# compared (-dM -E) with those of a unit holding only the standard headers
# that the included lcngeom headers name; every extra macro not starting with
# LCNGEOM_ is listed and fails the check.
set -euo pipefail
cxx=$1
inc=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(-std=c++20 -I "$inc")

echo '#include <lcngeom/lcngeom.hpp>' >"$work/umbrella.cpp"
# Every file the umbrella pulls in (make-style dependency list, one per line).
"$cxx" "${flags[@]}" -M "$work/umbrella.cpp" | tr -d '\\' | tr ' ' '\n' | sed '/^$/d;/:$/d' >"$work/deps.txt"
c_headers=$(grep -v '/lcngeom/' "$work/deps.txt" | grep -E '/(flint|arb|acb|arf|mag|gmp|gmpxx|mpfr|mpf2mpfr)([_/.][^/]*)?$|/flint/' || true)
if [[ -n $c_headers ]]; then
  echo "FAIL: lcngeom.hpp includes C library headers:"
  echo "$c_headers"
  exit 1
fi
lcngeom_headers=$(grep "/lcngeom/" "$work/deps.txt")
[[ -n $lcngeom_headers ]] || { echo "FAIL: no lcngeom header found in the dependencies"; exit 1; }
# The standard headers those lcngeom headers include (C library headers left
# out, so that this comparison alone also catches them).
# shellcheck disable=SC2086
grep -hoE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<[^>]+>' $lcngeom_headers | sed 's/^[[:space:]]*//' |
  grep -vE '<(flint/|arb|acb|arf|mag|gmp|mpfr)' | sort -u >"$work/reference.cpp"
macros() { "$cxx" "${flags[@]}" -dM -E "$1" | awk '{print $2}' | sed 's/(.*//' | sort -u; }
macros "$work/umbrella.cpp" >"$work/umbrella.txt"
macros "$work/reference.cpp" >"$work/reference.txt"
comm -13 "$work/reference.txt" "$work/umbrella.txt" >"$work/extra.txt"
leaked=$(grep -v '^LCNGEOM_' "$work/extra.txt" || true)
echo "lcngeom.hpp: $(grep -c . <<<"$lcngeom_headers") lcngeom headers, $(wc -l <"$work/reference.cpp") standard headers;" \
  "$(grep -c '^LCNGEOM_' "$work/extra.txt" || true) LCNGEOM_ macros, $(grep -c . <<<"$leaked" || true) others"
if [[ -n $leaked ]]; then
  echo "FAIL: macros defined by lcngeom.hpp beyond the standard headers:"
  echo "$leaked" | head -50
  exit 1
fi
echo "OK: no macro leaks"
