#!/usr/bin/env bash
# Batch throughput of `lcngeom rrmp --batch` and `lcngeom roots --batch` with
# --threads 1 against --threads 2 (and more if given), measured in the same run
# on the same input files (issue 12, item 4).  Inputs (fixed seed, python3):
#   rrmp  degree 4,  coefficients in [-100, 100], 2000000 forms (the per-core path);
#   rrmp  degree 32, coefficients in [-100, 100], 50000 forms;
#   rrmp  degree 128, 3-digit coefficients, 1000 forms (the isolation engine);
#   roots degree 16, coefficients in [-100, 100], 5000 forms (isolation + 10 digits).
# Prints a markdown table: wall-clock and CPU (user + system) seconds, CPU
# microseconds per form (per-core throughput), forms per second and the speed-up
# of each thread count over one thread (wall clock; best of three runs).
# The machine is shared: wall-clock speed-ups are only as good as the idle
# cores; the CPU column shows the work done.
#
#   bench/batch_threads.sh [BUILD_DIR] [THREADS...]     (default: build 1 2)
set -euo pipefail
build=${1:-build}
shift || true
threads=("$@")
[[ ${#threads[@]} -gt 0 ]] || threads=(1 2)
lcngeom=$build/bin/lcngeom
[[ -x $lcngeom ]] || { echo "batch_threads.sh: $lcngeom not built" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gen() {  # gen DEGREE DIGITS COUNT FILE
  python3 - "$@" <<'PY'
import random, sys
n, digits, count, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
r = random.Random(20221027 + 7 * n + digits)
bound = 100 if digits == 2 else 10 ** digits - 1
with open(path, "w") as f:
    for _ in range(count):
        c = [r.randint(-bound, bound) for _ in range(n + 1)]
        if c[0] == 0:
            c[0] = 1
        f.write(",".join(map(str, c)) + "\n")
PY
}

echo "| command | degree | forms | threads | wall s | CPU s | CPU µs/form | forms/s (wall) | speed-up (wall) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for set in "rrmp 4 2 2000000" "rrmp 32 2 50000" "rrmp 128 3 1000" "roots 16 2 5000"; do
  read -r cmd degree digits count <<<"$set"
  input=$work/$cmd-$degree.txt
  gen "$degree" "$digits" "$count" "$input"
  extra=()
  [[ $cmd == roots ]] && extra=(--digits 10)
  base=
  for t in "${threads[@]}"; do
    # Best of three runs (the machine is shared).
    best=
    for _ in 1 2 3; do
      /usr/bin/time -f "%e %U %S" -o "$work/time" "$lcngeom" "$cmd" --batch "$input" "${extra[@]}" --threads "$t" \
        >"$work/out-$t" 2>/dev/null
      read -r wall user sys <"$work/time"
      if [[ -z $best ]] || awk "BEGIN{exit !($wall < ${best%% *})}"; then best="$wall $(awk "BEGIN{print $user + $sys}")"; fi
    done
    read -r wall cpu <<<"$best"
    [[ -z $base ]] && base=$wall
    cmp -s "$work/out-${threads[0]}" "$work/out-$t" || { echo "batch_threads.sh: output differs with --threads $t" >&2; exit 1; }
    awk -v c="$cmd" -v d="$degree" -v n="$count" -v t="$t" -v w="$wall" -v u="$cpu" -v b="$base" \
      'BEGIN{printf "| %s --batch | %d | %d | %d | %.2f | %.2f | %.3f | %.0f | %.2f |\n", c, d, n, t, w, u, 1e6 * u / n, n / w, b / w}'
  done
done
