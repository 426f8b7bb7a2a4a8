#!/usr/bin/env bash
# lcngeom set-up and entry point.
#   ./run.sh                 install missing Debian packages, build (Release), run `lcngeom verify-paper`
#   ./run.sh test            same set-up, then the whole test suite through ctest
#   ./run.sh sanitize        build build-asan/ with ASan+UBSan and run the test suite there
#   ./run.sh tsan            build build-tsan/ with ThreadSanitizer and run the multi-threaded tests
#                            (Catch2 tag [threads] or "thread" in the name, CLI scripts using --threads)
#   ./run.sh fuzz [seconds]  build build-fuzz/ (clang, libFuzzer, ASan+UBSan; libclang-rt-14-dev holds their
#                            runtimes, only recommended by clang) and run every harness of
#                            tests/fuzz for [seconds] (default 60) on its seed corpus
#   ./run.sh bench [rrmp|ed_degree|roots|gd] [args]
#                            build the benchmarks (target `bench`) and run build/bin/bench_rrmp
#                            (default), build/bin/bench_ed_degree, build/bin/bench_roots (high
#                            degree vs PARI and FLINT/Arb, needs libpari-dev) or build/bin/bench_gd
#                            (gradient descent vs numpy, bench/gd_numpy.py) with [args]
#   ./run.sh figures [args]  build (with the Python module) and draw the paper's Figures 1-3 and
#                            Table 1 into build/figures/ (python/figures/make_figures.py [args]:
#                            --full for Table 1 at 10,000 datasets, --only fig1_left,..., --quick)
#   ./run.sh <args...>       same set-up, then `build/bin/lcngeom <args...>`
# Set-up and build messages go to stderr; stdout carries only lcngeom's output.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake make pkg-config libgmp-dev libmpfr-dev libflint-dev libflint-arb-dev libboost-dev
          catch2 libbenchmark-dev libeigen3-dev libcli11-dev nlohmann-json3-dev python3-jsonschema libpari-dev
          pari-gp clang libfuzzer-14-dev libclang-rt-14-dev python3-numpy
          pybind11-dev python3-pybind11 python3-dev python3-pytest python3-sympy python3-matplotlib)

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

configure() {  # configure DIR [cmake options...]: once; later runs keep the cache
  local dir=$1; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    local launcher=()
    # ccache, when present, lets the build directories (and re-runs) share compilations.
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@" >&2
  fi
}

build() {  # build DIR [cmake options...]
  configure "$@"
  cmake --build "$1" -j "$(nproc)" >&2
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
  figures)
    shift
    build build
    # The interpreter the module was built for (CMake prefers /usr/bin/python3, where
    # Debian's python3-matplotlib lives).
    python=$(sed -n 's/^_Python3_EXECUTABLE:INTERNAL=//p' build/CMakeCache.txt)
    if ! compgen -G "build/python/lcngeom.*.so" >/dev/null || [ -z "$python" ]; then
      echo "run.sh figures: the Python module was not built (LCNGEOM_BUILD_PYTHON is OFF in build/)" >&2
      exit 2
    fi
    PYTHONPATH=build/python exec "$python" python/figures/make_figures.py --out build/figures "$@"
    ;;
  sanitize)
    shift
    # -O2 with line tables only: the instrumented suite runs at a useful speed
    # and reports still name files and lines.
    build build-asan -DLCNGEOM_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLCNGEOM_BUILD_BENCH=OFF \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      exec ctest --test-dir build-asan --output-on-failure -j "$(nproc)" "$@"
    ;;
  tsan)
    shift
    # Build only what the multi-threaded tests need: the test programs of the
    # layers with a Catch2 test tagged [threads] or named "...thread...", and
    # the CLI if a script of tests/cli/ passes --threads.
    targets=()
    for f in tests/*/test_*.cpp; do
      if grep -qiE '\[threads\]|TEST_CASE\("[^"]*thread' "$f"; then
        layer=$(basename "$(dirname "$f")")
        [[ " ${targets[*]} " == *" lcngeom_tests_$layer "* ]] || targets+=("lcngeom_tests_$layer")
      fi
    done
    scripts=()
    for f in tests/cli/*.sh; do
      grep -q -- '--threads' "$f" && scripts+=("$(basename "$f" .sh)")
    done
    [ ${#scripts[@]} -gt 0 ] && targets+=(lcngeom_cli)
    if [ ${#targets[@]} -eq 0 ]; then
      echo "run.sh tsan: no multi-threaded test (Catch2 [threads], CLI --threads): nothing to run" >&2
      exit 0
    fi
    configure build-tsan -DLCNGEOM_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLCNGEOM_BUILD_BENCH=OFF \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1"
    cmake --build build-tsan -j "$(nproc)" --target "${targets[@]}" >&2
    export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
    status=0
    for t in "${targets[@]}"; do
      [ "$t" = lcngeom_cli ] && continue
      echo "run.sh tsan: $t '[threads],*thread*'" >&2
      "build-tsan/bin/$t" '[threads],*thread*' >&2 || status=1
    done
    if [ ${#scripts[@]} -gt 0 ]; then
      regex="^cli: ($(IFS='|'; echo "${scripts[*]}"))\$"
      echo "run.sh tsan: CLI scripts ${scripts[*]}" >&2
      ctest --test-dir build-tsan --output-on-failure -j "$(nproc)" -R "$regex" >&2 || status=1
    fi
    exit $status
    ;;
  fuzz)
    shift
    seconds=${1:-60}
    if ! command -v clang++ >/dev/null; then
      echo "run.sh fuzz: clang++ not found (Debian packages clang, libfuzzer-14-dev)" >&2
      exit 2
    fi
    # The library itself is built with clang and instrumented; no tests, CLI or benchmarks here.
    build build-fuzz -DLCNGEOM_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1" \
      -DLCNGEOM_BUILD_TESTS=OFF -DLCNGEOM_BUILD_TOOLS=OFF -DLCNGEOM_BUILD_BENCH=OFF
    mkdir -p build-fuzz/artifacts
    status=0
    for h in build-fuzz/bin/fuzz_*; do
      name=$(basename "$h")
      # New inputs go to build-fuzz/corpus/<name>; the seed corpus in the repository stays as it is.
      mkdir -p "build-fuzz/corpus/$name"
      echo "run.sh fuzz: $name for ${seconds}s" >&2
      if "$h" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -print_final_stats=1 \
          -artifact_prefix="build-fuzz/artifacts/$name-" "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" \
          >"build-fuzz/$name.log" 2>&1; then
        grep -E "stat::number_of_executed_units|stat::new_units_added" "build-fuzz/$name.log" | tr '\n' ' ' >&2
        echo >&2
      else
        echo "run.sh fuzz: $name FAILED (log build-fuzz/$name.log, input in build-fuzz/artifacts/)" >&2
        tail -n 40 "build-fuzz/$name.log" >&2
        status=1
      fi
    done
    exit $status
    ;;
  *)
    build build
    if [ $# -eq 0 ]; then set -- verify-paper; fi
    exec build/bin/lcngeom "$@"
    ;;
esac
