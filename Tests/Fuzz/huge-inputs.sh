#!/usr/bin/env bash
# Two files of 2 GB that are not CSV: one line of 2 GB, and 2 GB of double quotes. Each must
# end in a clear error naming the file and line, in bounded time and memory. Run by `make fuzz`.
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
status=0
# Peak anonymous memory (heap), sampled from /proc every 20 ms: the file itself is mapped, so
# its pages are page cache, counted in RSS but not allocated by patron.
check() {
  local name=$1 expect=$2
  local start; start=$(date +%s.%N)
  (cd "$work" && exec "$patron" run huge --quiet) > "$work/out" 2>&1 &
  local pid=$! peak=0 anon
  while kill -0 "$pid" 2>/dev/null; do
    anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$anon" ] && [ "$anon" -gt "$peak" ]; then peak=$anon; fi
    sleep 0.02
  done
  if wait "$pid"; then echo "FAIL $name: patron succeeded"; status=1; return; fi
  local seconds; seconds=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { print a - b }')
  if ! grep -q -- "$expect" "$work/out"; then echo "FAIL $name: message lacks '$expect':"; cut -c1-300 "$work/out"; status=1; return; fi
  if [ "$peak" -gt 524288 ]; then echo "FAIL $name: peak heap $peak KB (over 512 MB)"; status=1; return; fi
  printf 'ok   %s: %.1f s, peak heap %d MB — %s\n' "$name" "$seconds" $((peak / 1024)) "$(grep -o 'huge.csv:[0-9]*: [^;]*' "$work/out" | head -1)"
}
{ echo "customer_id,amount"; head -c "$size" /dev/zero | tr '\0' 'a'; } > "$work/Data/huge.csv"
check "one line of $((size >> 20)) MiB" "Data/huge.csv:2: the record starting here is longer than 64 MiB"
head -c "$size" /dev/zero | tr '\0' '"' > "$work/Data/huge.csv"
check "$((size >> 20)) MiB of quotes" "Data/huge.csv:1: the record starting here is longer than 1 MiB"
exit $status
