#!/usr/bin/env bash
# lcngeom-mpi under mpirun -np 2 prints what lcngeom prints for the same
# arguments (timings masked): ed-degree, gd table1, rrmp --batch, text and
# --json, small units so that both ranks get several; errors and refusals.
# usage: same_output.sh LCNGEOM LCNGEOM_MPI MPIEXEC [mpiexec flags...]
. "$(dirname "$0")/common.bash" "$@"

same() {  # same NP args...: lcngeom and `mpirun -np NP lcngeom-mpi` agree on stdout and exit code
  local np=$1
  shift
  local want got rw rg single=() skip=0 a
  for a in "$@"; do  # lcngeom has no --unit-size
    if [ "$skip" = 1 ]; then skip=0; elif [ "$a" = --unit-size ]; then skip=1; else single+=("$a"); fi
  done
  "$LCNGEOM" "${single[@]}" > "$tmp/want" 2> "$tmp/want.err" && rw=0 || rw=$?
  "${MPIRUN[@]}" -np "$np" "$MPI" "$@" > "$tmp/got" 2> "$tmp/got.err" && rg=0 || rg=$?
  if [ "$rw" != "$rg" ] || ! cmp -s <(mask < "$tmp/want") <(mask < "$tmp/got"); then
    echo "FAIL: -np $np $* (exit $rw vs $rg)"
    diff <(mask < "$tmp/want") <(mask < "$tmp/got") | head -20
    cat "$tmp/got.err" | head -5
    failures=$((failures + 1))
  fi
}

# ED degrees (Section 6.2): one unit per (partition, modular trial), largest
# bound first, so the trials of a row run on both ranks and are reassembled.
same 2 ed-degree --degree 6
same 2 ed-degree --degree 6 --json
same 2 ed-degree --degree 5 --norm bombieri --json
same 1 ed-degree --degree 5
same 2 ed-degree --degree 6 --locus 3,2,1
same 2 ed-degree --degree 6 --locus 2,2,2 --trials 5 --json
same 2 ed-degree --degree 6 --norm bombieri --trials 3 --seed 99
same 2 ed-degree --degree 6 --trials 1 --json
same 2 ed-degree --degree 4 --locus 5        # bad input: exit 2 on both
same 2 ed-degree --degree 8 --locus 2,2,2,2  # 4 root coordinates: refused on both

# Table 1 (Section 7.1): dataset slices of 16, the five architectures of Example 4.6.
same 2 gd table1 --datasets 40 --threads 1 --unit-size 16
same 2 gd table1 --datasets 40 --threads 1 --unit-size 16 --json
same 2 gd table1 --filters 2,2 --datasets 100 --unit-size 7 --format markdown
same 1 gd table1 --filters 4,2 --datasets 30 --unit-size 8 --json

# Table 1 --records FILE (CSV, or JSON Lines for .jsonl): the same file as
# lcngeom's, written by rank 0 from the slices' lines in dataset order.
records_same() {  # records_same NP FILE args...: same stdout, exit code and FILE
  local np=$1 file=$2
  shift 2
  local single=() skip=0 a
  for a in "$@"; do
    if [ "$skip" = 1 ]; then skip=0; elif [ "$a" = --unit-size ]; then skip=1; else single+=("$a"); fi
  done
  rm -f "$file"
  "$LCNGEOM" "${single[@]}" --records "$file" > "$tmp/want" 2> /dev/null
  mv "$file" "$tmp/want.records" 2> /dev/null || : > "$tmp/want.records"
  "${MPIRUN[@]}" -np "$np" "$MPI" "$@" --records "$file" > "$tmp/got" 2> "$tmp/got.err"
  if ! cmp -s <(mask < "$tmp/want") <(mask < "$tmp/got") || ! cmp -s "$tmp/want.records" "$file" ||
    [ "$(wc -l < "$file")" -lt 2 ]; then
    fail "-np $np $* --records $file"
    diff "$tmp/want.records" "$file" | head -5
    head -5 "$tmp/got.err"
  fi
}
records_same 2 "$tmp/runs.csv" gd table1 --filters "2,2;3,2" --datasets 30 --threads 1 --unit-size 7
records_same 2 "$tmp/runs.jsonl" gd table1 --filters 2,2,2,2 --datasets 12 --threads 1 --unit-size 5 --json
records_same 1 "$tmp/runs.json" gd table1 --filters 4,2 --datasets 9 --unit-size 4 --format markdown
same 2 gd table1 --filters 2,2 --datasets 4 --threads 1 --records "$tmp/no/such/dir.csv" --json  # exit 2 on both

# rrmp --batch: byte ranges of 700 bytes, cut inside lines; comments, blank
# lines, CRLF, a last line without newline, bad lines.
{
  echo "# a comment"
  for i in $(seq 1 400); do
    case $((i % 50)) in
      7) echo "" ;;
      13) printf '1,0,-%d\r\n' "$i" ;;
      21) echo "   # indented comment $i" ;;
      *) echo "$((i % 7 - 3)),$((i % 5)),-$i,0,$((i % 3))" ;;
    esac
  done
  echo "(x-y)^3*(x^2+y^2)"
  printf '1,2,1'
} > "$tmp/forms.txt"
{ head -n 100 "$tmp/forms.txt"; echo "1,2,banana"; tail -n +101 "$tmp/forms.txt"; echo; echo "0,0,0"; } > "$tmp/bad.txt"
same 2 --unit-size 700 rrmp --batch "$tmp/forms.txt"
same 2 --unit-size 700 rrmp --batch "$tmp/forms.txt" --json
same 2 rrmp --batch "$tmp/forms.txt" --threads 1
same 1 --unit-size 333 rrmp --batch "$tmp/forms.txt" --json
same 2 --unit-size 500 rrmp --batch "$tmp/bad.txt" --keep-going
same 2 --unit-size 500 rrmp --batch "$tmp/bad.txt" --keep-going --json
same 2 --unit-size 500 rrmp --batch "$tmp/bad.txt"
same 2 --unit-size 500 rrmp --batch "$tmp/bad.txt" --json
: > "$tmp/empty.txt"
same 2 rrmp --batch "$tmp/empty.txt"
same 2 rrmp --batch "$tmp/empty.txt" --json

# Refusals: one line on stderr, exit 2.
refused() {  # refused "message part" args...
  local want=$1
  shift
  local rc
  "${MPIRUN[@]}" -np 2 "$MPI" "$@" > "$tmp/out" 2> "$tmp/err" && rc=0 || rc=$?
  if [ "$rc" -ne 2 ] || ! grep -q -- "$want" "$tmp/err" || [ -s "$tmp/out" ]; then
    echo "FAIL: lcngeom-mpi $* should be refused with '$want' (exit $rc)"
    cat "$tmp/err" | head -5
    failures=$((failures + 1))
  fi
}
refused "for 'rrmp' use lcngeom" rrmp 1,0,-1
refused "for 'critical' use lcngeom" critical --target 1,2,3 --locus 2
refused "for 'gd' use lcngeom" gd table2 --targets 2
refused "standard input" rrmp --batch -
refused "--resume needs --checkpoint" ed-degree --degree 3 --resume

[ "$failures" -eq 0 ] && echo "all lcngeom-mpi output checks passed" && exit 0
echo "$failures lcngeom-mpi checks failed"
exit 1
