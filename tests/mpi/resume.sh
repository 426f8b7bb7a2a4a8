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
args=(gd table1 --filters 3,2,2 --datasets 3000 --threads 1 --json)
units=120
"$LCNGEOM" "${args[@]}" > "$tmp/want"
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
lines=$(tail -n +2 "$ck" | wc -l)
distinct=$(tail -n +2 "$ck" | sed -E 's/^\{"result":.*,"unit":([0-9]+)\}$/\1/' | sort -un | wc -l)
[ "$lines" -eq "$units" ] && [ "$distinct" -eq "$units" ] ||
  fail "checkpoint holds $lines unit lines, $distinct distinct; want $units each"
# The --json flag only shapes the output: resuming as text from the same
# (complete) checkpoint computes nothing and prints lcngeom's text.
text=(gd table1 --filters 3,2,2 --datasets 3000 --threads 1)
"$LCNGEOM" "${text[@]}" > "$tmp/want.txt"
"${MPIRUN[@]}" -np 1 "$MPI" "${text[@]}" --unit-size 25 --checkpoint "$ck" --resume > "$tmp/got.txt" ||
  fail "text resume exited $?"
mask_text() { sed -E 's/time: descent [0-9.e+-]+ s, rule \(a\) [0-9.e+-]+ s, exact \(b\)\+\(c\) [0-9.e+-]+ s/time: T/'; }
cmp -s <(mask_text < "$tmp/want.txt") <(mask_text < "$tmp/got.txt") || fail "text from the checkpoint differs"
[ "$(tail -n +2 "$ck" | wc -l)" -eq "$units" ] || fail "a complete checkpoint grew on resume"

# ed-degree: kill after the first rows, resume, compare.
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
[ "$(tail -n +2 "$ck2" | wc -l)" -eq 15 ] || fail "ed-degree checkpoint: want the 15 partitions of 7 once each"

[ "$failures" -eq 0 ] && echo "all lcngeom-mpi checkpoint checks passed" && exit 0
echo "$failures lcngeom-mpi checkpoint checks failed"
exit 1
