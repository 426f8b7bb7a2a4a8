#!/bin/sh
# Issue 14 item 4: wall time of lcngeom-mpi with 1 and 2 ranks on this machine, with the user
# CPU time of all ranks and the cores obtained (CPU / wall), so that runs on a loaded machine can
# be read. Outputs of the two rank counts are compared with timings masked.
#   bench/mpi/scaling.sh ed9 [euclidean|bombieri]   the n = 9 ED table (docs/scaling.md)
#   bench/mpi/scaling.sh ed8 [euclidean|bombieri]   the n = 8 ED table
#   bench/mpi/scaling.sh table1 [DATASETS]         gd table1, default 10^5 datasets
# Results are appended to build/bench-mpi/results.txt.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/bin/lcngeom-mpi
[ -x "$bin" ] || { echo "build lcngeom-mpi first (./run.sh builds it when MPI is found)" >&2; exit 2; }
out=$root/build/bench-mpi
mkdir -p "$out"
what=${1:-ed9}
case $what in
  ed9) args="ed-degree --degree 9 --max-porteous 1700 --quiet --norm ${2:-euclidean}" ;;
  ed8) args="ed-degree --degree 8 --quiet --norm ${2:-euclidean}" ;;
  table1) args="gd table1 --datasets ${2:-100000} --threads 1 --quiet" ;;
  *) echo "unknown bench '$what' (ed9, ed8, table1)" >&2; exit 2 ;;
esac
tag=$what-${2:-default}
for np in 1 2; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S" -o "$out/$tag-np$np.time" \
    mpirun -np $np --oversubscribe --allow-run-as-root "$bin" $args >"$out/$tag-np$np.out"
  load2=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall user sys <"$out/$tag-np$np.time"
  cores=$(echo "$user $sys $wall" | awk '{printf "%.2f", ($1+$2)/$3}')
  line="$(date -u +%FT%TZ) $(git -C "$root" rev-parse --short HEAD) $tag np=$np wall=${wall}s user=${user}s sys=${sys}s cores=$cores load=$load->$load2"
  echo "$line" | tee -a "$out/results.txt" >&2
done
# timings differ between runs; everything else must not
mask() { sed -E 's/[0-9]+\.[0-9]{3}\b/T/g; s/"(seconds|time_s|wall_s|elapsed[a-z_]*|total_seconds)": ?[0-9.e+-]+/"\1":T/g' "$1"; }
mask "$out/$tag-np1.out" >"$out/$tag-np1.out.masked"
mask "$out/$tag-np2.out" >"$out/$tag-np2.out.masked"
if cmp -s "$out/$tag-np1.out.masked" "$out/$tag-np2.out.masked"; then
  echo "outputs of 1 and 2 ranks identical (timings masked)" >&2
else
  echo "OUTPUTS DIFFER: diff $out/$tag-np1.out.masked $out/$tag-np2.out.masked" >&2; exit 1
fi
