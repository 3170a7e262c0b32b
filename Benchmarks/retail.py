"""Line-item benchmark and check: the YAML-only invoice-line pipeline against the textbook
pandas + lifetimes notebook, on the same export, in one invocation.

The file is `patron sample --shape line-items` (BENCH_RETAIL_CUSTOMERS customers, default
31 500: just over a million invoice lines, Latin-1, CRLF, `12/1/2010 8:26` dates, C cancellations,
postage, guests, duplicate lines). Both sides do the same job:

  read the file (Latin-1, dates with times), drop lines without a customer, exact duplicate
  lines, cancellations (C invoices) and lines with quantity ≤ 0 or price ≤ 0; amount =
  quantity × unit price; RFM frequency = distinct invoices per customer; BG/NBD and
  Gamma-Gamma on the per-invoice sums, in weeks (lifetimes' summary_data_from_transaction_data
  with freq="D", freq_multiplier=7); predictions over 52 weeks and CLV.

Patron runs `patron run` cold (empty cache): ingest.csv (encoding latin-1, date_format
"%m/%d/%Y %H:%M"), clean.transactions (quantity, unit_price, order_id, item, cancel_prefix C,
returns reject), segment.rfm, ltv (weekly), report. The notebook is timed twice over: as a script
run from its start (interpreter, imports, the job: what `patron run` is timed over, and how e2e.py
times baseline.py), and in this process with its imports done (read_csv to the CLV column). Then the figures are compared, and the script exits 1 if they differ: kept lines,
revenue (to a cent), every customer's RFM frequency, BG/NBD r, α, a, b and Gamma-Gamma p, q, γ
(to 1e-3 relative).
"""
import json, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")
PATRON = os.environ.get("PATRON_BIN", os.path.join(ROOT, ".build", "release", "patron"))
CUSTOMERS = int(os.environ.get("BENCH_RETAIL_CUSTOMERS", "31500"))

PIPELINE = """pipeline: retail
stages:
  lines:
    use: ingest.csv
    with:
      path: {path}
      encoding: latin-1
      date_format: "%m/%d/%Y %H:%M"
      columns: {{InvoiceNo: string, StockCode: string, Description: text, Quantity: int,
                InvoiceDate: datetime, UnitPrice: decimal, CustomerID: string, Country: string}}
  clean:
    use: clean.transactions
    inputs: [lines]
    with: {{customer: CustomerID, date: InvoiceDate, quantity: Quantity, unit_price: UnitPrice,
           order_id: InvoiceNo, item: StockCode, cancel_prefix: C, returns: reject}}
  rfm:
    use: segment.rfm
    inputs: [clean]
  ltv:
    use: ltv
    inputs: [clean]
    with: {{model: bg-nbd, spend: gamma-gamma, time_unit: week, horizon: 52, discount_rate: 0.10}}
  report:
    use: report
    inputs: [rfm, ltv]
    with: {{out: Reports/retail}}
"""


RUNS = int(os.environ.get("BENCH_RETAIL_RUNS", "3"))  # each notebook timing
PATRON_RUNS = int(os.environ.get("BENCH_RETAIL_PATRON_RUNS", "5"))  # a cold patron run is short: more samples
PYTHON = os.environ.get("PATRON_PYTHON", sys.executable)

# The textbook notebook, from its imports to the CLV column.
NOTEBOOK = """import sys
import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data


def notebook(data):
    df = pd.read_csv(data, encoding="latin-1", dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str},
                     parse_dates=["InvoiceDate"], date_format="%m/%d/%Y %H:%M")
    df = df.dropna(subset=["CustomerID"]).drop_duplicates()
    df = df[~df.InvoiceNo.str.startswith("C") & (df.Quantity > 0) & (df.UnitPrice > 0)].copy()
    df["amount"] = df.Quantity * df.UnitPrice
    orders = df.groupby(["CustomerID", "InvoiceNo"], as_index=False).agg(
        date=("InvoiceDate", "min"), amount=("amount", "sum"))
    frequency = orders.groupby("CustomerID").InvoiceNo.nunique()
    orders["day"] = orders.date.dt.normalize()
    summary = summary_data_from_transaction_data(orders, "CustomerID", "day", monetary_value_col="amount",
                                                 freq="D", freq_multiplier=7)
    bgf = BetaGeoFitter(penalizer_coef=0.0).fit(summary.frequency, summary.recency, summary["T"])
    buyers = summary[(summary.frequency > 0) & (summary.monetary_value > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(buyers.frequency, buyers.monetary_value)
    summary["expected"] = bgf.conditional_expected_number_of_purchases_up_to_time(
        52, summary.frequency, summary.recency, summary["T"])
    summary["clv"] = ggf.customer_lifetime_value(bgf, summary.frequency, summary.recency, summary["T"],
                                                 summary.monetary_value, time=12, discount_rate=0.008, freq="W")
    return df, frequency, bgf, ggf
"""


def patron(args, cwd):
    done = subprocess.run([PATRON] + args, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"patron {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def main():
    os.makedirs(WORK, exist_ok=True)
    data = os.path.join(WORK, f"lines-{CUSTOMERS}.csv")
    if not os.path.exists(data):
        print(f"generating {data} …", flush=True)
        patron(["sample", "-o", data, "--shape", "line-items", "--customers", str(CUSTOMERS), "--seed", "1"], WORK)
    lines = sum(1 for _ in open(data, "rb")) - 1
    project = os.path.join(WORK, "retail-project")
    os.makedirs(os.path.join(project, "Pipelines"), exist_ok=True)
    with open(os.path.join(project, "Pipelines", "retail.yaml"), "w") as f:
        f.write(PIPELINE.format(path=data))

    # Patron, cold: PATRON_RUNS times, the fastest counts (the machine is shared; so for the notebook).
    patron_times = []
    for _ in range(PATRON_RUNS):
        shutil.rmtree(os.path.join(project, ".patron"), ignore_errors=True)
        start = time.perf_counter()
        patron(["run", "retail", "--quiet"], project)
        patron_times.append(time.perf_counter() - start)

    # The notebook, as a script run from the start (interpreter, imports, the job), as
    # e2e.py times baseline.py, and in this process with its imports done (the job alone).
    script = os.path.join(WORK, "retail_notebook.py")
    with open(script, "w") as f:
        f.write(NOTEBOOK + "\nif __name__ == '__main__':\n    notebook(sys.argv[1])\n")
    script_times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run([PYTHON, script, data], capture_output=True, text=True)
        script_times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"the notebook script failed ({done.returncode}):\n{done.stderr}")

    space = {}
    exec(NOTEBOOK, space)
    import numpy as np
    notebook_times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        df, frequency, bgf, ggf = space["notebook"](data)
        notebook_times.append(time.perf_counter() - start)

    # Patron's figures, from its tables.
    def table(target, fmt="json"):
        return json.loads(patron(["show", "retail", target, "--format", fmt], project))
    record = json.load(open(max((os.path.join(project, ".patron", "runs", n)
                                 for n in os.listdir(os.path.join(project, ".patron", "runs"))), key=os.path.getmtime)))
    stages = {s["id"]: s for s in record["stages"]}
    kept = stages["clean"]["rows"]["main"]
    import pyarrow as pa
    def arrow(target):
        path = os.path.join(project, target + ".arrow")
        patron(["export", "retail", target, "-o", path], project)
        return pa.ipc.open_file(path).read_all()
    rfm_table = arrow("rfm")
    rfm = dict(zip(rfm_table.column("customer_id").to_pylist(), rfm_table.column("frequency").to_pylist()))
    params = {(r["model"], r["name"]): r["value"] for r in table("ltv.params")}
    revenue = float(np.sum(arrow("clean").column("amount").to_numpy()))

    checks = []
    def check(what, ours, theirs, ok):
        checks.append((what, ours, theirs, ok))

    check("kept lines", kept, len(df), kept == len(df))
    check("revenue", round(revenue, 2), round(float(df.amount.sum()), 2), abs(revenue - df.amount.sum()) < 0.01)
    same = len(rfm) == len(frequency) and all(rfm.get(c) == int(n) for c, n in frequency.items())
    check("RFM frequency = distinct invoices, every customer", len(rfm), len(frequency), same)
    theirs_bg = dict(zip(["r", "alpha", "a", "b"], bgf.params_.values))
    for name, value in theirs_bg.items():
        ours = params[("bg-nbd", name)]
        check(f"BG/NBD {name}", round(ours, 6), round(value, 6), abs(ours - value) <= 1e-3 * abs(value))
    theirs_gg = dict(zip(["p", "q", "gamma"], ggf.params_.values))
    for name, value in theirs_gg.items():
        ours = params[("gamma-gamma", name)]
        check(f"Gamma-Gamma {name}", round(ours, 6), round(value, 6), abs(ours - value) <= 1e-3 * abs(value))

    size_mb = os.path.getsize(data) / 1e6
    print(f"\nline-item benchmark: {os.path.basename(data)}, {lines} invoice lines, {size_mb:.1f} MB, "
          f"{CUSTOMERS} customers, {os.cpu_count()} cores\n")
    ours, script, theirs = min(patron_times), min(script_times), min(notebook_times)
    print(f"{'what':<62}{'seconds':>10}")
    print(f"{'patron run, cold (YAML only: ingest, clean, rfm, ltv, report)':<62}{ours:>10.3f}")
    print(f"{'notebook as a script: python start, imports, the job':<62}{script:>10.3f}")
    print(f"{'notebook in this process, imports done: the job alone':<62}{theirs:>10.3f}")
    print(f"\nend to end (process against process, as e2e.py): patron is {script / ours:.1f}× faster")
    print(f"against the notebook's job alone: {theirs / ours:.1f}×")
    print(f"(fastest of {PATRON_RUNS} patron runs and {RUNS} of each notebook timing; slowest "
          f"{max(patron_times):.3f}, {max(script_times):.3f} and {max(notebook_times):.3f} s)\n")
    print(f"{'figure':<50}{'patron':>16}{'notebook':>16}  same")
    for what, o, t, ok in checks:
        print(f"{what:<50}{str(o):>16}{str(t):>16}  {'yes' if ok else 'NO'}")
    if not all(ok for *_, ok in checks):
        sys.exit("the line-item pipeline and the notebook disagree")


if __name__ == "__main__":
    main()
