"""Cleaning and segmentation benchmark: Patron's clean.transactions, segment.rfm and
segment.kmeans (k: auto) against pandas and scikit-learn doing the same work on the same
file, in one invocation. The file is the one the ingest benchmark makes (1 million customers,
about 3 million orders). Each side is run twice; the faster run is reported.

  clean    currency conversion, exact duplicates, date range, zero amounts, returns netted
           against the same day's purchases
  rfm      recency / frequency / monetary per customer, quintile scores with ties by minimum
           rank, segment names from the R×F grid
  kmeans   log1p + standardise, k = 2…8, silhouette on a 10 000-point sample for each k;
           Patron: 10 restarts on a 20 000-point sample, refined on all points;
           scikit-learn: KMeans(n_init="auto") — one k-means++ start — on all points
"""
import json, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")
PATRON = os.environ.get("PATRON_BIN", os.path.join(ROOT, ".build", "release", "patron"))
CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "1000000"))

from ingest import INGEST_STAGE, run_stages
import baseline

PIPELINE = "pipeline: segment\nstages:\n" + INGEST_STAGE + """  clean:
    use: clean.transactions
    inputs: [orders]
    with: {{currency: currency, base_currency: EUR, rates: {{SEK: 0.087, PLN: 0.23, GBP: 1.17}},
           returns: net, min_date: 2023-01-01, observation_end: 2025-06-30}}
  rfm:
    use: segment.rfm
    inputs: [clean]
    with: {{observation_end: 2025-06-30, segments: rf-grid}}
  clusters:
    use: segment.kmeans
    inputs: [rfm]
    with: {{k: auto, seed: 1}}
"""


def patron_times(data):
    project = os.path.join(WORK, "segment-project")
    best = {}
    for _ in range(2):
        for stage in run_stages(project, "segment", PIPELINE.format(path=data)).values():
            best[stage["id"]] = min(best.get(stage["id"], 1e9), stage["seconds"])
            best[stage["id"] + "_rows"] = stage["rows"]["main"]
    return best


def pandas_times(data):
    import pandas as pd
    raw = pd.read_csv(data, parse_dates=["order_date"])
    best = {}
    for _ in range(2):
        t = time.perf_counter()
        cleaned = baseline.clean(raw)
        best["clean"] = min(best.get("clean", 1e9), time.perf_counter() - t)

        t = time.perf_counter()
        g = baseline.rfm(cleaned)
        best["rfm"] = min(best.get("rfm", 1e9), time.perf_counter() - t)

        t = time.perf_counter()
        baseline.kmeans(g)
        best["kmeans"] = min(best.get("kmeans", 1e9), time.perf_counter() - t)
    return best


def main():
    data = os.path.join(WORK, f"orders-{CUSTOMERS}.csv")
    if not os.path.exists(data):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([PATRON, "sample", "-o", data, "--customers", str(CUSTOMERS), "--seed", "1"], check=True)
    ours = patron_times(data)
    theirs = pandas_times(data)
    print(f"\nsegmentation benchmark: {os.path.basename(data)}, {ours['clean_rows']} clean transactions, "
          f"{ours['rfm_rows']} customers, {os.cpu_count()} cores, best of 2\n")
    print(f"{'stage':<22}{'patron s':>10}{'peer s':>10}{'vs peer':>10}   peer")
    for stage, peer, name in [("clean", "clean", "pandas"), ("rfm", "rfm", "pandas"), ("clusters", "kmeans", "scikit-learn")]:
        print(f"{stage:<22}{ours[stage]:>10.3f}{theirs[peer]:>10.3f}{theirs[peer] / ours[stage]:>9.2f}×   {name}")
    print("\n(patron: the stage's own seconds from the run record; peers: the same steps in-process, data already loaded)")


if __name__ == "__main__":
    main()
