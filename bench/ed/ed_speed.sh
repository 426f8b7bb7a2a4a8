#!/usr/bin/env bash
# Speed of the modular ED-degree engine (issue 11, item 2), one row at a time,
# against the reference engine of the same binary (LCNGEOM_MODULAR_ENGINE=
# reference: the engine as it was before the speed work).  The JSON rows
# (counts, eliminant degrees, removed roots, primes) must be identical (see
# detail/modular_solver.hpp); the script checks that and prints wall and
# user-CPU seconds per row and the ratios reference / fast.
#
#   bench/ed/ed_speed.sh [-b build/bin/lcngeom] [-e fast|reference|both] [-o dir] [-r rows] N [euclidean|bombieri ...]
#
# -r "3,2,2,1 2,2,2,1,1" measures only the listed rows (space-separated).
# -e fast measures only the fast engine (for tables whose reference run takes
# too long: the ratios are then against figures recorded in docs/).  Rows that
# need more than 3 root coordinates are skipped.  The machine is shared:
# report the load average printed at the start and the end with the figures.
set -euo pipefail
bin=build/bin/lcngeom engines=both out= only=
while getopts "b:e:o:r:" opt; do
  case $opt in
    b) bin=$OPTARG ;;
    e) engines=$OPTARG ;;
    o) out=$OPTARG ;;
    r) only=$OPTARG ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -ge 1 ]] || { echo "usage: $0 [-b lcngeom] [-e fast|reference|both] [-o dir] [-r rows] N [norms...]" >&2; exit 2; }
n=$1
shift
norms=("$@")
[[ ${#norms[@]} -gt 0 ]] || norms=(euclidean bombieri)
case $engines in
  both) list=(reference fast) ;;
  fast | reference) list=("$engines") ;;
  *) echo "-e: fast, reference or both" >&2; exit 2 ;;
esac
[[ -n $out ]] || out=$(mktemp -d)
mkdir -p "$out"
echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg) binary: $bin n = $n" >&2
loci=$("$bin" ed-degree --degree "$n" --formula --json |
  python3 -c 'import json,sys; print(" ".join(",".join(map(str,r["partition"])) for r in json.load(sys.stdin)["rows"]))')
[[ -z $only ]] || loci=$only
printf '%-12s %-10s %10s %10s %10s %10s %8s %s\n' norm locus ref_wall ref_user fast_wall fast_user ratio_u same
declare -A tot
for norm in "${norms[@]}"; do
  for l in $loci; do
    declare -A wall user
    for e in "${list[@]}"; do
      f=$out/$n-$norm-$l-$e
      if ! LCNGEOM_MODULAR_ENGINE=$e /usr/bin/time -f "%e %U" -o "$f.time" "$bin" ed-degree --degree "$n" --norm "$norm" \
        --locus "$l" --max-porteous 100000 --quiet --json >"$f.json" 2>"$f.err"; then
        wall[$e]=- user[$e]=-
        continue
      fi
      read -r wall[$e] user[$e] <"$f.time"
      tot[$norm-$e-wall]=$(python3 -c "print(round(${tot[$norm-$e-wall]:-0} + ${wall[$e]}, 2))")
      tot[$norm-$e-user]=$(python3 -c "print(round(${tot[$norm-$e-user]:-0} + ${user[$e]}, 2))")
    done
    same=-
    if [[ $engines == both && ${user[fast]} != - && ${user[reference]} != - ]]; then
      same=$(python3 - "$out/$n-$norm-$l-reference.json" "$out/$n-$norm-$l-fast.json" <<'PY'
import json, sys
def rows(f):
    return [(r["partition"], r.get("ed_degree"), [(t["prime"], t["count"], t["eliminant_degree"], t["removed"]) for t in r.get("trials", [])]) for r in json.load(open(f)).get("rows", [])]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
print("-" if not a and not b else "yes" if a == b else "NO")
PY
)
    fi
    ratio=-
    [[ ${user[reference]:--} != - && ${user[fast]:--} != - ]] &&
      ratio=$(python3 -c "r, f = ${user[reference]}, ${user[fast]}; print(f'{r / f:.2f}' if f >= 0.05 else '-')")
    printf '%-12s %-10s %10s %10s %10s %10s %8s %s\n' "$norm" "$l" "${wall[reference]:--}" "${user[reference]:--}" \
      "${wall[fast]:--}" "${user[fast]:--}" "$ratio" "$same"
    unset wall user
  done
  printf '%-12s %-10s %10s %10s %10s %10s\n' "$norm" total "${tot[$norm-reference-wall]:--}" "${tot[$norm-reference-user]:--}" \
    "${tot[$norm-fast-wall]:--}" "${tot[$norm-fast-user]:--}"
done
echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg); JSON in $out" >&2
