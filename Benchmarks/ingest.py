"""Ingest benchmark: `patron run` of an ingest.csv pipeline vs pandas.read_csv.

The input is the orders file `patron sample --customers 1000000 --seed 1` writes (about
3 million rows, 170 MB). Each measurement is repeated; the median is reported, with the
minimum and maximum, so the noise of a shared machine is visible rather than hidden.

  patron cold        whole process, empty cache and stat memo: hash the file, parse, write Arrow
  patron stage       cache emptied, stat memo kept: parse + Arrow write (the stage alone)
  patron no-op       a second run with nothing changed (stat memo + cache hit)
  pandas.read_csv    in-process call only (interpreter start-up not counted), same columns,
                     dates parsed
  libcsv alone       Benchmarks/libcsv_floor.c: libcsv tokenising the file on one core with
                     callbacks that only count — the floor under any libcsv-based reader

With PATRON_BIN_BEFORE=/path/to/an/older/patron, each repetition also makes a cold run with
that binary, right after the cold run of this one, so a change is measured against what came
before it in the same minutes ("patron cold, before").
"""
import os, shutil, statistics, subprocess, sys, time, json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")
PATRON = os.environ.get("PATRON_BIN", os.path.join(ROOT, ".build", "release", "patron"))
CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "1000000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
BEFORE = os.environ.get("PATRON_BIN_BEFORE")

# The ingest stage both benchmarks start from ({path} is filled in).
INGEST_STAGE = """  orders:
    use: ingest.csv
    with:
      path: {path}
      columns: {{customer_id: string, order_id: string, order_date: date, amount: decimal,
                currency: string, country: string, feedback: text}}
"""
PIPELINE = "pipeline: ingest\nstages:\n" + INGEST_STAGE


def run_stages(project, name, pipeline):
    """Writes Pipelines/NAME.yaml into `project`, empties its cache (the stat memo stays),
    runs the pipeline and returns its stages from the run record, by id."""
    os.makedirs(os.path.join(project, "Pipelines"), exist_ok=True)
    with open(os.path.join(project, "Pipelines", name + ".yaml"), "w") as f:
        f.write(pipeline)
    shutil.rmtree(os.path.join(project, ".patron", "cache"), ignore_errors=True)
    done = subprocess.run([PATRON, "run", name, "--quiet"], cwd=project, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr)
    runs = os.path.join(project, ".patron", "runs")
    with open(os.path.join(runs, sorted(os.listdir(runs))[-1])) as f:
        return {s["id"]: s for s in json.load(f)["stages"]}


def run(args, cwd):
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def summary(samples):
    return statistics.median(samples), min(samples), max(samples)


def main():
    os.makedirs(WORK, exist_ok=True)
    data = os.path.join(WORK, f"orders-{CUSTOMERS}.csv")
    if not os.path.exists(data):
        print(f"generating {data} with patron sample --customers {CUSTOMERS} …", flush=True)
        run([PATRON, "sample", "-o", data, "--customers", str(CUSTOMERS), "--seed", "1"], WORK)
    size_mb = os.path.getsize(data) / 1e6
    project = os.path.join(WORK, "project")
    os.makedirs(os.path.join(project, "Pipelines"), exist_ok=True)
    with open(os.path.join(project, "Pipelines", "ingest.yaml"), "w") as f:
        f.write(PIPELINE.format(path=data))

    floor_bin = os.path.join(WORK, "libcsv_floor")
    floor = []
    if subprocess.run(["cc", "-O2", "-o", floor_bin, os.path.join(ROOT, "Benchmarks", "libcsv_floor.c"), "-lcsv"]).returncode != 0:
        floor_bin = None

    import pandas as pd
    cold, stage, noop, pandas_times, cold_before = [], [], [], [], []
    rows = None
    for i in range(REPEAT):
        shutil.rmtree(os.path.join(project, ".patron"), ignore_errors=True)
        cold.append(run([PATRON, "run", "ingest", "--quiet"], project))
        if BEFORE:
            shutil.rmtree(os.path.join(project, ".patron"), ignore_errors=True)
            cold_before.append(run([BEFORE, "run", "ingest", "--quiet"], project))
            shutil.rmtree(os.path.join(project, ".patron"), ignore_errors=True)
            run([PATRON, "run", "ingest", "--quiet"], project)
        noop.append(run([PATRON, "run", "ingest", "--quiet"], project))
        shutil.rmtree(os.path.join(project, ".patron", "cache"), ignore_errors=True)
        stage.append(run([PATRON, "run", "ingest", "--quiet"], project))
        start = time.perf_counter()
        frame = pd.read_csv(data, parse_dates=["order_date"])
        pandas_times.append(time.perf_counter() - start)
        rows = len(frame)
        del frame
        if floor_bin:
            floor.append(float(subprocess.run([floor_bin, data], capture_output=True, text=True, check=True).stdout.split()[0]))
    record_dir = os.path.join(project, ".patron", "runs")
    last = sorted(os.listdir(record_dir))[-1]
    with open(os.path.join(record_dir, last)) as f:
        stage_record = json.load(f)["stages"][0]
    kept = stage_record["rows"]["main"]
    rejected = stage_record["rows"]["rejects"]

    print(f"\ningest benchmark: {os.path.basename(data)}, {size_mb:.1f} MB, {rows} rows "
          f"(patron kept {kept} + rejected {rejected}), {os.cpu_count()} cores, {REPEAT} runs each\n")
    pandas_median = statistics.median(pandas_times)
    print(f"{'what':<22}{'median s':>10}{'min s':>9}{'max s':>9}{'MB/s':>9}{'vs pandas':>11}")
    rows_out = [("patron cold run", cold)] + ([("patron cold, before", cold_before)] if BEFORE else []) + [
                ("patron stage alone", stage),
                ("patron no-op rerun", noop), ("pandas.read_csv", pandas_times)]
    if floor:
        rows_out.append(("libcsv alone, 1 core", floor))
    for name, samples in rows_out:
        med, lo, hi = summary(samples)
        ratio = pandas_median / med
        print(f"{name:<22}{med:>10.3f}{lo:>9.3f}{hi:>9.3f}{size_mb / med:>9.0f}{ratio:>10.2f}×")
    print("\n(vs pandas > 1 means faster than pandas; 'patron' rows are whole processes, pandas is the call alone)")
    if floor:
        cores = os.cpu_count() or 1
        best = statistics.median(floor) / cores
        print(f"libcsv alone, split perfectly over {cores} cores, would take {best:.3f} s: "
              f"{pandas_median / best:.2f}× pandas before a single value is typed or written.")


if __name__ == "__main__":
    main()
