#!/usr/bin/env bash
# `rrmp --batch`: the 8-digits-at-a-time integer parser and the exact fallback
# parser must give the same answers as one-form invocations, for every number
# length 1..20 (18 digits is the fast path's limit), signs, padding, leading
# zeros, CRLF, and lines that straddle the 1 MiB read buffer.
set -u
. "$(dirname "$0")/assert.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

lines=(
  "1,0,-1" "+1, -0 ,\t-1" "007,0,-0049" "2,0,5,0,2" "0,0,0,1" "1,-3,3,-1" "0,1,-6,11,-6"
  "12,34,-56,78" "123,-4567,89012,-345678,9012345" "1234567,-12345678,123456789"
  "1,0,-12345678901" "1,0,-123456789012345678" "1,2,123456789012345678" "-123456789012345678,0,1"
  "1,0,-1234567890123456789" "-9223372036854775808,0,9223372036854775807" "9223372036854775807,0,1"
  "1,0,-12345678901234567890" "99999999,-99999999,99999999,-99999999,99999999"
  "1,-20,150,-500,625" "5,0,-10,0,5" "1,2,3,4,5,6,7,8,9" "-1,-22,-333,-4444,-55555,-666666,-7777777,-88888888,-999999999"
  "100000000,0,0,0,-1" "1, 2 , 3" "1/2,0,-1/2" "(x-y)^2*(x+2y)*y"
)
: >"$tmp/in.txt"
for l in "${lines[@]}"; do printf '%b\r\n' "$l" >>"$tmp/in.txt"; done
batch=$("$LCNGEOM" rrmp --batch "$tmp/in.txt") || { echo "FAIL: batch exit $?"; failures=$((failures + 1)); }
i=0
while IFS= read -r got; do
  l=$(printf '%b' "${lines[$i]}" | tr -d ' \t')
  want=$("$LCNGEOM" rrmp "$l" 2>&1)
  [ "$got" = "$want" ] || { echo "FAIL: batch line '$l': batch $got, single $want"; failures=$((failures + 1)); }
  i=$((i + 1))
done <<<"$batch"
[ "$i" -eq "${#lines[@]}" ] || { echo "FAIL: batch printed $i lines for ${#lines[@]}"; failures=$((failures + 1)); }

# 2 x 90000 alternating lines (about 1.7 MB): several lines cross a read boundary.
yes $'123456789,0,-123456789\n1,-3,3,-1' | head -n 180000 >"$tmp/big.txt"
got=$("$LCNGEOM" rrmp --batch - <"$tmp/big.txt" | paste -d' ' - - | sort | uniq -c | tr -s ' ')
[ "$got" = " 90000 11|0 3|0" ] || { echo "FAIL: long batch: $got"; failures=$((failures + 1)); }
# No final newline.
expect_out "$(printf '11|0\n3|0')" rrmp --batch <(printf '1,0,-1\n1,-3,3,-1')
finish
