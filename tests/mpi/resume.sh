#!/usr/bin/env bash
# lcngeom-mpi --checkpoint / --resume: a job killed after some units are in
# the checkpoint, rerun with --resume, prints what lcngeom prints, computes
# every unit exactly once over both runs, and keeps a torn last line from
# hurting; a checkpoint of other arguments, or an existing one without
# --resume, is refused.
# usage: resume.sh LCNGEOM LCNGEOM_MPI MPIEXEC [mpiexec flags...]
. "$(dirname "$0")/common.bash" "$@"

# Table 1 for (3,2,2) in 120 units of 25 datasets (a unit takes milliseconds:
# the kill lands after tens of them).
# With --records (JSON Lines): the resumed job rewrites the whole file from
# the checkpoint, equal to lcngeom's.
rec="$tmp/runs.jsonl"
args=(gd table1 --filters 3,2,2 --datasets 3000 --threads 1 --json --records "$rec")
units=120
"$LCNGEOM" "${args[@]}" > "$tmp/want"
mv "$rec" "$tmp/want.jsonl"
args+=(--unit-size 25)
ck="$tmp/ck.jsonl"

# Start, wait until at least 3 units are in the checkpoint, kill the job.
"${MPIRUN[@]}" -np 2 "$MPI" "${args[@]}" --checkpoint "$ck" > "$tmp/killed" 2> "$tmp/killed.err" &
job=$!
for _ in $(seq 1 3000); do
  [ -f "$ck" ] && [ "$(wc -l < "$ck")" -ge 4 ] && break
  kill -0 "$job" 2> /dev/null || break
  sleep 0.02
done
kill -TERM "$job" 2> /dev/null
wait "$job" 2> /dev/null
before=$(($(wc -l < "$ck") - 1))
if [ "$before" -lt 3 ] || [ "$before" -ge "$units" ]; then
  fail "the killed job should have left between 3 and $((units - 1)) units, left $before"
fi
[ -s "$tmp/killed" ] && fail "the killed job printed its table"
# A kill during a write leaves a torn line: append one by hand.
printf '{"result":"{\\"disagreements\\":[0,' >> "$ck"

# Without --resume an existing checkpoint is refused.
rc=0
"${MPIRUN[@]}" -np 2 "$MPI" "${args[@]}" --checkpoint "$ck" > /dev/null 2> "$tmp/err" || rc=$?
{ [ "$rc" -eq 2 ] && grep -q "pass --resume" "$tmp/err"; } || fail "existing checkpoint without --resume (exit $rc)"
# Other arguments are refused, naming both jobs.
rc=0
"${MPIRUN[@]}" -np 2 "$MPI" gd table1 --filters 3,2,2 --datasets 3000 --threads 1 --unit-size 25 --seed 2 \
  --checkpoint "$ck" --resume > /dev/null 2> "$tmp/err" || rc=$?
{ [ "$rc" -eq 2 ] && grep -q "written for another job" "$tmp/err"; } || fail "checkpoint of another seed (exit $rc)"

# Resume: same output as lcngeom, every unit in the checkpoint exactly once.
"${MPIRUN[@]}" -np 2 "$MPI" "${args[@]}" --checkpoint "$ck" --resume > "$tmp/got" 2> "$tmp/got.err" ||
  fail "resume exited $?: $(head -3 "$tmp/got.err")"
cmp -s <(mask < "$tmp/want") <(mask < "$tmp/got") || {
  fail "resumed output differs from lcngeom's"
  diff <(mask < "$tmp/want") <(mask < "$tmp/got") | head -5
}
cmp -s "$tmp/want.jsonl" "$rec" || fail "resumed --records file differs from lcngeom's"
[ "$(wc -l < "$rec")" -eq 3000 ] || fail "resumed --records file: want 3000 runs, got $(wc -l < "$rec")"
lines=$(tail -n +2 "$ck" | wc -l)
distinct=$(tail -n +2 "$ck" | sed -E 's/^\{"result":.*,"unit":([0-9]+)\}$/\1/' | sort -un | wc -l)
[ "$lines" -eq "$units" ] && [ "$distinct" -eq "$units" ] ||
  fail "checkpoint holds $lines unit lines, $distinct distinct; want $units each"
# The --json flag only shapes the output: resuming as text from the same
# (complete) checkpoint computes nothing and prints lcngeom's text.
text=(gd table1 --filters 3,2,2 --datasets 3000 --threads 1 --records "$rec")
"$LCNGEOM" "${text[@]}" > "$tmp/want.txt"
"${MPIRUN[@]}" -np 1 "$MPI" "${text[@]}" --unit-size 25 --checkpoint "$ck" --resume > "$tmp/got.txt" ||
  fail "text resume exited $?"
mask_text() { sed -E 's/time: descent [0-9.e+-]+ s, rule \(a\) [0-9.e+-]+ s, exact \(b\)\+\(c\) [0-9.e+-]+ s/time: T/'; }
cmp -s <(mask_text < "$tmp/want.txt") <(mask_text < "$tmp/got.txt") || fail "text from the checkpoint differs"
[ "$(tail -n +2 "$ck" | wc -l)" -eq "$units" ] || fail "a complete checkpoint grew on resume"

# A checkpoint without --records lacks the runs' lines: refused.
rc=0
"${MPIRUN[@]}" -np 1 "$MPI" gd table1 --filters 3,2,2 --datasets 3000 --threads 1 --unit-size 25 \
  --checkpoint "$ck" --resume > /dev/null 2> "$tmp/err" || rc=$?
{ [ "$rc" -eq 2 ] && grep -q "written for another job" "$tmp/err"; } || fail "resume without --records (exit $rc)"

# ed-degree: one unit per (partition, trial), 15 x 2 at n = 7.  Kill after
# the first units, resume, compare.
ed_units=30
ck2="$tmp/ed.jsonl"
"${MPIRUN[@]}" -np 2 "$MPI" ed-degree --degree 7 --json --checkpoint "$ck2" > /dev/null 2>&1 &
job=$!
for _ in $(seq 1 3000); do
  [ -f "$ck2" ] && [ "$(wc -l < "$ck2")" -ge 3 ] && break
  kill -0 "$job" 2> /dev/null || break
  sleep 0.02
done
kill -TERM "$job" 2> /dev/null
wait "$job" 2> /dev/null
"${MPIRUN[@]}" -np 2 "$MPI" ed-degree --degree 7 --json --checkpoint "$ck2" --resume > "$tmp/ed.got" ||
  fail "ed-degree resume exited $?"
"$LCNGEOM" ed-degree --degree 7 --json > "$tmp/ed.want"
cmp -s <(mask < "$tmp/ed.want") <(mask < "$tmp/ed.got") || fail "resumed ed-degree differs from lcngeom's"
unit_ids() { tail -n +2 "$1" | sed -E 's/^\{"result":.*,"unit":([0-9]+)\}$/\1/' | sort -n; }
[ "$(unit_ids "$ck2" | uniq | wc -l)" -eq "$ed_units" ] && [ "$(tail -n +2 "$ck2" | wc -l)" -eq "$ed_units" ] ||
  fail "ed-degree checkpoint: want the 15 partitions x 2 trials of 7 once each"

# Resume mid-row, deterministically: keep every third unit of the complete
# checkpoint (so some rows have trial 0 only, some trial 1 only), resume on 2
# ranks: the rows are reassembled from old and new trials, the output is
# lcngeom's, and exactly the missing units are computed.
{ head -n 1 "$ck2"; tail -n +2 "$ck2" | awk -F'"unit":' '{ u = $2 + 0; if (u % 3 == 0) print }'; } > "$tmp/mid.jsonl"
kept=$(($(wc -l < "$tmp/mid.jsonl") - 1))
[ "$kept" -eq 10 ] || fail "mid-row checkpoint: kept $kept units, want 10"
"${MPIRUN[@]}" -np 2 "$MPI" ed-degree --degree 7 --json --checkpoint "$tmp/mid.jsonl" --resume > "$tmp/ed.mid" ||
  fail "ed-degree mid-row resume exited $?"
cmp -s <(mask < "$tmp/ed.want") <(mask < "$tmp/ed.mid") || fail "ed-degree resumed mid-row differs from lcngeom's"
[ "$(unit_ids "$tmp/mid.jsonl" | uniq | wc -l)" -eq "$ed_units" ] &&
  [ "$(tail -n +2 "$tmp/mid.jsonl" | wc -l)" -eq "$ed_units" ] ||
  fail "mid-row resume: want each of the $ed_units units once in the checkpoint"
# The kept trials were not recomputed: their lines are unchanged, first.
cmp -s <(head -n $((kept + 1)) "$tmp/mid.jsonl") <({ head -n 1 "$ck2"; tail -n +2 "$ck2" | awk -F'"unit":' '{ u = $2 + 0; if (u % 3 == 0) print }'; }) ||
  fail "mid-row resume rewrote the kept units"
# The text table from the same checkpoint: nothing computed, lcngeom's text.
"$LCNGEOM" ed-degree --degree 7 > "$tmp/ed.want.txt"
"${MPIRUN[@]}" -np 1 "$MPI" ed-degree --degree 7 --checkpoint "$tmp/mid.jsonl" --resume > "$tmp/ed.mid.txt" ||
  fail "ed-degree text resume exited $?"
cmp -s <(mask < "$tmp/ed.want.txt") <(mask < "$tmp/ed.mid.txt") || fail "ed-degree text from the checkpoint differs"

# A checkpoint of whole rows (lcngeom-mpi before units were trials: no
# "unit":"trial" argument, one unit per partition) is refused, naming both.
{ head -n 1 "$ck2" | sed -e 's/,"unit":"trial"//' -e 's/"units":30/"units":15/'; } > "$tmp/rows.jsonl"
grep -q '"unit"' "$tmp/rows.jsonl" && fail "the row-granularity header still names unit"
rc=0
"${MPIRUN[@]}" -np 2 "$MPI" ed-degree --degree 7 --checkpoint "$tmp/rows.jsonl" --resume > "$tmp/out" 2> "$tmp/err" ||
  rc=$?
{ [ "$rc" -eq 2 ] && grep -q "written for another job" "$tmp/err" && [ ! -s "$tmp/out" ]; } ||
  fail "a row-granularity checkpoint should be refused (exit $rc): $(head -2 "$tmp/err")"

[ "$failures" -eq 0 ] && echo "all lcngeom-mpi checkpoint checks passed" && exit 0
echo "$failures lcngeom-mpi checkpoint checks failed"
exit 1
