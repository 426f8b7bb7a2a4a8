#!/usr/bin/env bash
# lcngeom set-up and entry point.
#   ./run.sh                 install missing Debian packages, build (Release), run `lcngeom verify-paper`
#   ./run.sh test            same set-up, then the whole test suite through ctest
#   ./run.sh sanitize        build build-asan/ with ASan+UBSan and run the test suite there
#   ./run.sh bench [rrmp|ed_degree|roots|gd] [args]
#                            build the benchmarks (target `bench`) and run build/bin/bench_rrmp
#                            (default), build/bin/bench_ed_degree, build/bin/bench_roots (high
#                            degree vs PARI and FLINT/Arb, needs libpari-dev) or build/bin/bench_gd
#                            (gradient descent vs numpy, bench/gd_numpy.py) with [args]
#   ./run.sh <args...>       same set-up, then `build/bin/lcngeom <args...>`
# Set-up and build messages go to stderr; stdout carries only lcngeom's output.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake make pkg-config libgmp-dev libmpfr-dev libflint-dev libflint-arb-dev libboost-dev
          catch2 libbenchmark-dev libeigen3-dev libcli11-dev nlohmann-json3-dev python3-jsonschema libpari-dev
          python3-numpy)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "run.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

build() {  # build DIR [cmake options...]
  local dir=$1; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >&2
  fi
  cmake --build "$dir" -j "$(nproc)" >&2
}

install_packages
case "${1:-}" in
  test)
    shift
    build build
    exec ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
    ;;
  bench)
    shift
    build build
    # A build/ configured with the benchmarks off gets them switched on here.
    cmake -S . -B build -DLCNGEOM_BUILD_BENCH=ON >&2
    cmake --build build --target bench -j "$(nproc)" >&2
    which=rrmp
    case "${1:-}" in rrmp|ed_degree|roots|gd) which=$1; shift ;; esac
    exec "build/bin/bench_$which" "$@"
    ;;
  sanitize)
    shift
    build build-asan -DLCNGEOM_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLCNGEOM_BUILD_BENCH=OFF
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      exec ctest --test-dir build-asan --output-on-failure -j "$(nproc)" "$@"
    ;;
  *)
    build build
    if [ $# -eq 0 ]; then set -- verify-paper; fi
    exec build/bin/lcngeom "$@"
    ;;
esac
