"""Lifetime-value benchmark: Patron's `ltv` stage (customer summary, BG/NBD and Gamma-Gamma
fits with standard errors, P(alive), expected purchases and discounted CLV over 52 weeks)
against the Python package `lifetimes` doing the same on the same orders, in one invocation.

Patron's figure is the stage's own seconds from the run record (input: clean.transactions of
the 1-million-customer sample file). lifetimes gets the same orders (positive amounts in
euros) as a DataFrame already in memory and runs summary_data_from_transaction_data (weeks),
BetaGeoFitter, GammaGammaFitter on repeat buyers, conditional_expected_number_of_purchases_up_to_time
and customer_lifetime_value. Then the same for Pareto/NBD: Patron's stage with
`model: pareto-nbd, spend: none` against lifetimes' ParetoNBDFitter.fit on the same summary
(lifetimes takes minutes here, and is stopped after BENCH_PARETO_LIMIT seconds, default 600;
BENCH_PARETO=0 skips it). Set BENCH_LTV_CUSTOMERS to use fewer customers.
"""
import json, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")
PATRON = os.environ.get("PATRON_BIN", os.path.join(ROOT, ".build", "release", "patron"))
CUSTOMERS = int(os.environ.get("BENCH_LTV_CUSTOMERS", "1000000"))
PARETO = os.environ.get("BENCH_PARETO", "1") != "0"
from ingest import INGEST_STAGE, run_stages

PIPELINE = "pipeline: ltv\nstages:\n" + INGEST_STAGE + """  clean:
    use: clean.transactions
    inputs: [orders]
    with: {{currency: currency, base_currency: EUR, rates: {{SEK: 0.087, PLN: 0.23, GBP: 1.17}}, returns: net,
           observation_end: 2025-06-30}}
  ltv:
    use: ltv
    inputs: [clean]
    with: {{model: bg-nbd, spend: gamma-gamma, time_unit: week, observation_end: 2025-06-30, horizon: 52, discount_rate: 0.10}}
"""


def main():
    data = os.path.join(WORK, f"orders-{CUSTOMERS}.csv")
    if not os.path.exists(data):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([PATRON, "sample", "-o", data, "--customers", str(CUSTOMERS), "--seed", "1"], check=True)
    stages = run_stages(os.path.join(WORK, "ltv-project"), "ltv", PIPELINE.format(path=data))
    ours = stages["ltv"]["seconds"]
    customers = stages["ltv"]["rows"]["main"]
    if PARETO:
        pareto_pipeline = PIPELINE.replace("model: bg-nbd, spend: gamma-gamma", "model: pareto-nbd, spend: none")
        ours_pareto = run_stages(os.path.join(WORK, "ltv-pareto-project"), "ltv", pareto_pipeline.format(path=data))["ltv"]["seconds"]

    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    from lifetimes.utils import summary_data_from_transaction_data
    rates = {"EUR": 1.0, "SEK": 0.087, "PLN": 0.23, "GBP": 1.17}
    df = pd.read_csv(data, parse_dates=["order_date"]).dropna(subset=["customer_id", "order_date", "amount"])
    df["amount"] = df["amount"] * df["currency"].map(rates)
    df = df[(df.amount > 0) & (df.order_date <= "2025-06-30")]
    t = time.perf_counter()
    summary = summary_data_from_transaction_data(df, "customer_id", "order_date", monetary_value_col="amount",
                                                 observation_period_end="2025-06-30", freq="W")
    t_summary = time.perf_counter() - t
    bgf = BetaGeoFitter(penalizer_coef=0.0).fit(summary["frequency"], summary["recency"], summary["T"])
    t_bg = time.perf_counter() - t - t_summary
    buyers = summary[summary.frequency > 0]
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(buyers["frequency"], buyers["monetary_value"])
    summary["expected"] = bgf.conditional_expected_number_of_purchases_up_to_time(52, summary["frequency"], summary["recency"], summary["T"])
    clv = ggf.customer_lifetime_value(bgf, summary["frequency"], summary["recency"], summary["T"],
                                      summary["monetary_value"], time=12, discount_rate=0.008, freq="W")
    theirs = time.perf_counter() - t

    print(f"\nlifetime-value benchmark: {os.path.basename(data)}, {customers} customers, {os.cpu_count()} cores\n")
    print(f"{'what':<52}{'seconds':>10}")
    print(f"{'patron ltv stage (summary, fits, SEs, predictions, CLV)':<52}{ours:>10.3f}")
    print(f"{'lifetimes: summary + BG/NBD + Gamma-Gamma + predictions + CLV':<52}{theirs:>10.3f}")
    print(f"{'   of which summary_data_from_transaction_data':<52}{t_summary:>10.3f}")
    print(f"{'   of which BetaGeoFitter.fit':<52}{t_bg:>10.3f}")
    print(f"\npatron is {theirs / ours:.1f}× faster; lifetimes BG/NBD r, alpha, a, b = "
          + ", ".join(f"{v:.4f}" for v in bgf.params_.values))

    if PARETO:
        # lifetimes' Pareto/NBD fit runs in a child process stopped after BENCH_PARETO_LIMIT
        # seconds (default 600): on a million customers it may not finish at all.
        import multiprocessing
        limit = float(os.environ.get("BENCH_PARETO_LIMIT", "600"))
        results = multiprocessing.get_context("fork").Queue()

        def fit_pareto():
            from lifetimes import ParetoNBDFitter
            start = time.perf_counter()
            pnbd = ParetoNBDFitter(penalizer_coef=0.0).fit(summary["frequency"], summary["recency"], summary["T"])
            results.put((time.perf_counter() - start, list(pnbd.params_.values)))

        child = multiprocessing.get_context("fork").Process(target=fit_pareto)
        child.start()
        child.join(limit)
        finished = not child.is_alive()
        if not finished:
            child.terminate()
            child.join()
        theirs_pareto, params = results.get() if finished and not results.empty() else (None, None)
        print(f"\n{'what':<52}{'seconds':>10}")
        print(f"{'patron ltv stage, model: pareto-nbd, spend: none':<52}{ours_pareto:>10.3f}")
        if theirs_pareto is None:
            print(f"{'lifetimes: ParetoNBDFitter.fit (on the summary)':<52}{'> ' + format(limit, '.0f'):>10}  (stopped unfinished)")
            print(f"\npatron is more than {limit / ours_pareto:.0f}× faster (lifetimes did not finish in {limit:.0f} s)")
        else:
            print(f"{'lifetimes: ParetoNBDFitter.fit (on the summary)':<52}{theirs_pareto:>10.3f}")
            print(f"\npatron is {theirs_pareto / ours_pareto:.1f}× faster; lifetimes Pareto/NBD r, alpha, s, beta = "
                  + ", ".join(f"{v:.4f}" for v in params))


if __name__ == "__main__":
    main()
