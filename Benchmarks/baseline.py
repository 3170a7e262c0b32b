"""The baseline: the customer-health job done the way a pandas user does it in a notebook —
read_csv, the same cleaning rules, RFM quintiles and the R×F segments, scikit-learn KMeans
with k chosen by silhouette, lifetimes' summary, BetaGeoFitter and GammaGammaFitter with
52-week predictions and CLV, vaderSentiment on every comment, and a customers.csv joining
it all. Run as a script on an orders file, it prints one JSON object: each step's seconds,
the total, and the process's peak resident memory (MB).

  python Benchmarks/baseline.py Benchmarks/work/orders-1000000.csv [OUT_DIR]

segment.py imports clean() and rfm() from here, so both benchmarks time the same code.
"""
import json, os, resource, sys, time

RATES = {"SEK": 0.087, "PLN": 0.23, "GBP": 1.17}
END = "2025-06-30"


def clean(raw):
    """The clean.transactions rules of the customer-health pipeline."""
    import numpy as np
    df = raw.copy()
    df["customer_id"] = df["customer_id"].str.strip()
    df = df.dropna(subset=["customer_id", "order_date", "amount"])
    df = df[~df.duplicated()]
    df = df[(df.order_date >= "2023-01-01") & (df.order_date <= END)]
    rate = df["currency"].map(lambda c: 1.0 if c == "EUR" else RATES.get(c, np.nan))
    df = df[rate.notna()]
    df["amount"] = (df["amount"] * rate[rate.notna()]).round(2)
    df = df[df.amount != 0]
    neg = df[df.amount < 0]
    pos = df[df.amount > 0].copy()
    day_returns = neg.groupby(["customer_id", "order_date"]).amount.sum()
    pos = pos.join(day_returns.rename("returned"), on=["customer_id", "order_date"])
    last = ~pos.duplicated(["customer_id", "order_date"], keep="last")
    pos.loc[last, "amount"] = (pos.loc[last, "amount"] + pos.loc[last, "returned"].fillna(0)).clip(lower=0)
    return pos[pos.amount > 0].drop(columns="returned")


def rfm(clean_orders):
    """Recency, frequency, monetary; quintile scores with ties by minimum rank; R×F segments."""
    import pandas as pd
    end = pd.Timestamp(END)
    g = clean_orders.groupby("customer_id").agg(last=("order_date", "max"), frequency=("amount", "size"), monetary=("amount", "sum"))
    g["recency_days"] = (end - g["last"]).dt.days

    def score(s, ascending=True):
        below = s.rank(method="min", ascending=ascending) - 1
        return (1 + (5 * below) // len(s)).clip(upper=5).astype(int)
    g["r"] = score(g.recency_days, ascending=False)
    g["f"] = score(g.frequency)
    g["m"] = score(g.monetary)
    grid = {}
    for r in range(1, 6):
        for f in range(1, 6):
            grid[(r, f)] = ("Champions" if r == 5 and f >= 4 else "Loyal customers" if r >= 3 and f >= 4 else
                            "Potential loyalists" if r >= 4 and f >= 2 else "New customers" if r == 5 else
                            "Promising" if r == 4 else "Need attention" if r == 3 and f == 3 else
                            "About to sleep" if r == 3 else "At risk" if f in (3, 4) else
                            "Can't lose them" if f == 5 else "Hibernating")
    g["segment"] = [grid[k] for k in zip(g.r, g.f)]
    return g


def kmeans(g):
    """log1p + standardise, k = 2…8, silhouette on a 10 000-point sample; the best k's labels."""
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    X = np.log1p(g[["recency_days", "frequency", "monetary"]].clip(lower=0).to_numpy(float))
    X = (X - X.mean(0)) / X.std(0)
    sample = np.random.default_rng(0).choice(len(X), size=min(10_000, len(X)), replace=False)
    best = None
    for k in range(2, 9):
        km = KMeans(n_clusters=k, n_init="auto", random_state=0).fit(X)
        s = silhouette_score(X[sample], km.labels_[sample])
        if best is None or s > best[0]:
            best = (s, km.labels_ + 1)
    return best[1]


def ltv(clean_orders):
    """lifetimes: summary in weeks, BG/NBD, Gamma-Gamma on repeat buyers, 52-week predictions, CLV."""
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    from lifetimes.utils import summary_data_from_transaction_data
    summary = summary_data_from_transaction_data(clean_orders, "customer_id", "order_date", monetary_value_col="amount",
                                                 observation_period_end=END, freq="W")
    bgf = BetaGeoFitter(penalizer_coef=0.0).fit(summary["frequency"], summary["recency"], summary["T"])
    buyers = summary[summary.frequency > 0]
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(buyers["frequency"], buyers["monetary_value"])
    summary["p_alive"] = bgf.conditional_probability_alive(summary["frequency"], summary["recency"], summary["T"])
    summary["expected_purchases"] = bgf.conditional_expected_number_of_purchases_up_to_time(
        52, summary["frequency"], summary["recency"], summary["T"])
    summary["clv"] = ggf.customer_lifetime_value(bgf, summary["frequency"], summary["recency"], summary["T"],
                                                 summary["monetary_value"], time=12, discount_rate=0.008, freq="W")
    return summary


def sentiment(clean_orders):
    """vaderSentiment's compound score for every comment, and each customer's mean."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    texts = clean_orders.dropna(subset=["feedback"])
    texts = texts[texts.feedback.str.strip() != ""]
    scores = texts.assign(score=[analyzer.polarity_scores(t)["compound"] for t in texts.feedback])
    return scores.groupby("customer_id").score.agg(["size", "mean"])


def main():
    import pandas as pd
    data = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else None
    steps = {}
    started = time.perf_counter()

    def step(name, fn, *args):
        t = time.perf_counter()
        result = fn(*args)
        steps[name] = round(time.perf_counter() - t, 3)
        return result

    raw = step("read_csv", lambda: pd.read_csv(data, parse_dates=["order_date"]))
    orders = step("clean", clean, raw)
    segments = step("rfm", rfm, orders)
    segments["cluster"] = step("kmeans", kmeans, segments)
    values = step("ltv", ltv, orders)
    feedback = step("sentiment", sentiment, orders)

    def write():
        customers = segments[["segment", "cluster"]].join(values[["p_alive", "expected_purchases", "clv"]]).join(
            feedback.rename(columns={"size": "feedback_texts", "mean": "mean_sentiment"}))
        if out:
            os.makedirs(out, exist_ok=True)
            customers.to_csv(os.path.join(out, "customers.csv"), float_format="%.4f")
        return len(customers)
    customers = step("customers.csv", write)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"steps": steps, "seconds": round(time.perf_counter() - started, 3),
                      "peak_mb": round(peak_kb / 1024, 1), "customers": customers, "orders": len(orders)}))


if __name__ == "__main__":
    main()
