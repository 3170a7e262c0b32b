#!/usr/bin/env bash
# What a Slurm job costs: customer-health run cold here (local) and through the Slurm driver
# (one job, and a job per chain with --fuse-under 0), and a rerun with nothing changed, each
# three times, on the cluster SLURM_CONF names (Tests/Slurm/cluster.sh start DIR, as root).
# Run by make bench when SLURM_CONF is set; prints seconds, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SLURM_CONF:-}" ] || { echo "slurm.sh: SLURM_CONF is not set; skipped (start Tests/Slurm/cluster.sh)"; exit 0; }
patron=$(realpath "${PATRON_BIN:-.build/release/patron}")
work=$(mktemp -d /tmp/patron-bench-slurm.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Data/sample"
cp -r Pipelines "$work/"
cp Data/sample/orders.csv "$work/Data/sample/"
seconds() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc; }
echo "customer-health (8 stages, 10 249 orders), seconds of wall time, three runs each:"
for mode in "local" "slurm, 1 job" "slurm, --fuse-under 0" "slurm, nothing changed"; do
    times=()
    for _ in 1 2 3; do
        case "$mode" in
        local) rm -rf "$work/.patron"; args=() ;;
        "slurm, 1 job") rm -rf "$work/.patron"; args=(--executor slurm) ;;
        "slurm, --fuse-under 0") rm -rf "$work/.patron"; args=(--executor slurm --fuse-under 0) ;;
        *) args=(--executor slurm) ;;
        esac
        times+=("$(cd "$work" && seconds "$patron" run customer-health --quiet "${args[@]}")")
    done
    printf '  %-24s %s\n' "$mode" "${times[*]}"
done
