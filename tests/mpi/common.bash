# (Not a test: *.bash is outside the tests/mpi/*.sh glob of tests/CMakeLists.txt.)
# Sourced by the tests/mpi scripts: their arguments, a temporary directory,
# a failure counter and the mask of timings (which differ from run to run,
# of one program as of the other).
# usage of a script: NAME.sh LCNGEOM LCNGEOM_MPI MPIEXEC [mpiexec flags...]
set -u
LCNGEOM=${1:?usage}
MPI=${2:?usage}
shift 2
MPIRUN=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
mask() {
  sed -E -e 's/"(seconds|wall_seconds|descent|rule_a|exact)":-?[0-9][0-9.e+-]*/"\1":T/g' \
    -e 's/^(  [(0-9,)]+ +[0-9]+ +[0-9]+) +[0-9.]+ /\1 T /' -e 's/total [0-9.]+ s/total T s/' -e 's/, [0-9.]+ s wall/, T s wall/' \
    -e 's/time: descent [0-9.e+-]+ s, rule \(a\) [0-9.e+-]+ s, exact \(b\)\+\(c\) [0-9.e+-]+ s/time: T/'
}
