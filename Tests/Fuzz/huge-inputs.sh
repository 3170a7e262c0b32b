#!/usr/bin/env bash
# Two files of 2 GB that are not CSV: one line of 2 GB, and 2 GB of double quotes. Each must
# end in a clear error naming the file and line, in bounded time and memory. And a real CSV
# whose text column adds up to 2.2 GiB, more than one column of a table holds (Arrow utf8's
# 32-bit offsets): it must end in an error naming the column and the limit, never a crash.
# Run by `make fuzz`.
set -euo pipefail
patron=${PATRON_BIN:-$(pwd)/.build/release/patron}
size=${HUGE_BYTES:-2147483648}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Pipelines" "$work/Data"
cat > "$work/Pipelines/huge.yaml" <<'YAML'
pipeline: huge
stages:
  orders:
    use: ingest.csv
    with: {path: Data/huge.csv, columns: {customer_id: string, amount: decimal}}
YAML
cat > "$work/Pipelines/wide.yaml" <<'YAML'
pipeline: wide
stages:
  orders:
    use: ingest.csv
    with: {path: Data/huge.csv, columns: {customer_id: string, amount: decimal, feedback: text}}
YAML
status=0
# Peak anonymous memory (heap), sampled from /proc every 20 ms: the file itself is mapped, so
# its pages are page cache, counted in RSS but not allocated by patron.
check() {
  local name=$1 expect=$2 pipeline=${3:-huge} limit=${4:-524288}
  local start; start=$(date +%s.%N)
  (cd "$work" && exec "$patron" run "$pipeline" --quiet) > "$work/out" 2>&1 &
  local pid=$! peak=0 anon
  while kill -0 "$pid" 2>/dev/null; do
    anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$anon" ] && [ "$anon" -gt "$peak" ]; then peak=$anon; fi
    sleep 0.02
  done
  if wait "$pid"; then echo "FAIL $name: patron succeeded"; status=1; return; fi
  local seconds; seconds=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { print a - b }')
  if ! grep -q -- "$expect" "$work/out"; then echo "FAIL $name: message lacks '$expect':"; cut -c1-300 "$work/out"; status=1; return; fi
  if grep -q "Fatal error" "$work/out"; then echo "FAIL $name: patron trapped:"; cut -c1-300 "$work/out"; status=1; return; fi
  if [ "$peak" -gt "$limit" ]; then echo "FAIL $name: peak heap $peak KB (over $((limit >> 10)) MB)"; status=1; return; fi
  printf 'ok   %s: %.1f s, peak heap %d MB — %s\n' "$name" "$seconds" $((peak / 1024)) "$(grep -o 'huge.csv[:0-9]*: [^;]*' "$work/out" | head -1)"
}
{ echo "customer_id,amount"; head -c "$size" /dev/zero | tr '\0' 'a'; } > "$work/Data/huge.csv"
check "one line of $((size >> 20)) MiB" "Data/huge.csv:2: the record starting here is longer than 64 MiB"
head -c "$size" /dev/zero | tr '\0' '"' > "$work/Data/huge.csv"
check "$((size >> 20)) MiB of quotes" "Data/huge.csv:1: the record starting here is longer than 1 MiB"
# 2 300 000 rows with a 1 000-byte comment each: 2.19 GiB of text in one column.
awk 'BEGIN { c = sprintf("%1000s", ""); gsub(/ /, "x", c); print "customer_id,amount,feedback"
             for (i = 0; i < 2300000; i++) print "C0000001,1.50," c }' > "$work/Data/huge.csv"
check "a text column of 2.19 GiB" "the text in column 'feedback' adds up to more than 2 GiB" wide 8388608
rm -f "$work/Data/huge.csv"
exit $status
