#!/usr/bin/env bash
# make bench: Patron against its peers, measured here and now, in one invocation.
# Needs the release build (make bench does it) and PATRON_PYTHON with pandas and
# scikit-learn (make bench sets up .venv). Results print as tables; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PATRON_PYTHON:-.venv/bin/python}"
"$PYTHON" Benchmarks/ingest.py "$@"
"$PYTHON" Benchmarks/segment.py "$@"
"$PYTHON" Benchmarks/ltv.py "$@"
"$PYTHON" Benchmarks/sentiment.py "$@"
"$PYTHON" Benchmarks/sentiment_eval.py
"$PYTHON" Benchmarks/e2e.py "$@"
"$PYTHON" Benchmarks/retail.py "$@"
Benchmarks/slurm.sh "$@"
