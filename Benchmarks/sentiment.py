"""Sentiment benchmark: Patron's `sentiment` stage against vaderSentiment on the same texts,
in one invocation.

1. Speed: the feedback texts of the sample file (BENCH_SENTIMENT_CUSTOMERS customers, default
   1 000 000: about a million texts in five languages, 42 characters on average). Like for
   like with VADER's `polarity_scores` loop over texts in memory: Patron's language
   identification and scoring of each text, in memory, on one core (`taskset -c 0`), timed by
   Benchmarks/Sources/SentimentThroughput. Then the whole stage (reading its input from the
   cache, scoring, the per-customer table, storing both), from the run record, on one core
   and on all cores. VADER scores every text as English (it knows no other language).
2. Agreement with people: Hutto & Gilbert's 3 708 Amazon review snippets with their mean human
   rating (from the vaderSentiment 3.3.2 source package on PyPI, downloaded here, not kept in
   the repository): Pearson correlation of each tool's compound score with the rating.
"""
import csv, io, json, os, shutil, statistics, subprocess, sys, tarfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")
PATRON = os.environ.get("PATRON_BIN", os.path.join(ROOT, ".build", "release", "patron"))
# Built by `make bench` from the nested package in Benchmarks/.
THROUGHPUT = os.path.join(ROOT, "Benchmarks", ".build", "release", "SentimentThroughput")
PYTHON = sys.executable
CUSTOMERS = int(os.environ.get("BENCH_SENTIMENT_CUSTOMERS", "1000000"))
from ingest import INGEST_STAGE, run_stages

SPEED = "pipeline: sent\nstages:\n" + INGEST_STAGE + """  sentiment:
    use: sentiment
    inputs: [orders]
    with: {{text: feedback, customer: customer_id}}
"""

# A file of texts (columns id, text) through the sentiment stage; `options` adds its params.
TEXTS = """pipeline: {name}
stages:
  texts:
    use: ingest.csv
    with: {{path: {path}, columns: {{id: string, text: text}}}}
  sentiment:
    use: sentiment
    inputs: [texts]
    with: {{text: text, customer: id{options}}}
"""


def texts_pipeline(name, path, options):
    return TEXTS.format(name=name, path=path, options=options)


def pearson(x, y):
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5


def one_core_seconds(project, name):
    """Reruns only the sentiment stage (its input from the cache) pinned to one core."""
    done = subprocess.run(["taskset", "-c", "0", PATRON, "run", name, "--only", "sentiment", "--force", "--log-format", "json"],
                          cwd=project, capture_output=True, text=True, check=True)
    for line in (done.stderr + done.stdout).splitlines():
        if '"stage_finished"' in line:
            return json.loads(line)["seconds"]
    sys.exit("no stage_finished event: " + done.stderr)


def main():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()

    # 1. Speed on the sample's feedback.
    data = os.path.join(WORK, f"orders-{CUSTOMERS}.csv")
    if not os.path.exists(data):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([PATRON, "sample", "-o", data, "--customers", str(CUSTOMERS), "--seed", "1"], check=True)
    pipeline = SPEED.format(path=data)
    project = os.path.join(WORK, "sentiment-project")
    ours_all = run_stages(project, "sent", pipeline)["sentiment"]["seconds"]
    ours_one = one_core_seconds(project, "sent")
    with open(data, newline="", encoding="utf-8") as f:
        texts = [row["feedback"].replace("\n", " ") for row in csv.DictReader(f) if row["feedback"]]
    # The same texts, one per line, for Patron's scorer timed in-process (no file reading, no
    # table building: the work VADER is timed doing).
    texts_file = os.path.join(WORK, f"texts-{CUSTOMERS}.txt")
    with open(texts_file, "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
    throughput = subprocess.run(["taskset", "-c", "0", THROUGHPUT, texts_file, "3"], capture_output=True, text=True, check=True)
    scorer = json.loads(throughput.stdout)
    ours_scorer = scorer["best_seconds"]
    os.sched_setaffinity(0, {0})
    t = time.perf_counter()
    for text in texts:
        vader.polarity_scores(text)
    theirs = time.perf_counter() - t
    n = len(texts)
    print(f"\nsentiment benchmark: {n} feedback texts from {os.path.basename(data)}, "
          f"{statistics.fmean(len(x) for x in texts):.0f} characters on average\n")
    print(f"{'what':<58}{'seconds':>9}{'texts/s':>11}")
    print(f"{'patron language id + score per text, one core, in memory':<58}{ours_scorer:>9.3f}{n / ours_scorer:>11.0f}")
    print(f"{'vaderSentiment polarity_scores, one core (English only)':<58}{theirs:>9.3f}{n / theirs:>11.0f}")
    print(f"{'patron sentiment stage, one core (input to stored tables)':<58}{ours_one:>9.3f}{n / ours_one:>11.0f}")
    print(f"{'patron sentiment stage, all cores':<58}{ours_all:>9.3f}{n / ours_all:>11.0f}")
    print(f"\none core: patron scores {theirs / ours_scorer:.1f}× VADER's texts per second "
          f"(best of {scorer['rounds']} passes; labels {scorer['labels']}); the whole stage on one core is "
          f"{theirs / ours_one:.1f}× and scales {ours_one / ours_all:.2f}× on {os.cpu_count()} cores")

    # 1b. One long text: VADER's cost grows faster than the text (the issue: 16 s for 20 000
    # tokens); Patron's is linear. The text: the feedback phrases joined into one review.
    long_words = 0
    parts = []
    for text in texts:
        parts.append(text.rstrip(".!?") + ".")
        long_words += len(text.split())
        if long_words >= 20000:
            break
    long_text = " ".join(parts)
    long_csv = os.path.join(WORK, "long-text.csv")
    with open(long_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerow(["long", long_text])
    long_project = os.path.join(WORK, "long-project")
    long_ours = run_stages(long_project, "snippets", texts_pipeline("snippets", long_csv, ", language: en"))["sentiment"]["seconds"]
    t = time.perf_counter()
    vader.polarity_scores(long_text)
    long_theirs = time.perf_counter() - t
    print(f"\none text of {long_words} words ({len(long_text)} characters)")
    print(f"{'patron sentiment stage (incl. loading the lexicons)':<58}{long_ours:>9.3f}")
    print(f"{'vaderSentiment polarity_scores':<58}{long_theirs:>9.3f}")

    # 2. Hutto & Gilbert's Amazon snippets.
    fetch = os.path.join(WORK, "vader-source")
    archive = os.path.join(fetch, "vaderSentiment-3.3.2.tar.gz")
    if not os.path.exists(archive):
        os.makedirs(fetch, exist_ok=True)
        subprocess.run([PYTHON, "-m", "pip", "download", "-q", "vaderSentiment==3.3.2", "--no-deps", "--no-binary", ":all:",
                        "-d", fetch], check=True)
    with tarfile.open(archive) as outer:
        inner = outer.extractfile("vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz").read()
    with tarfile.open(fileobj=io.BytesIO(inner)) as tf:
        raw = tf.extractfile("hutto_ICWSM_2014/amazonReviewSnippets_GroundTruth.txt").read().decode("utf-8", "replace")
    rows = [line.split("\t", 2) for line in raw.splitlines() if line.count("\t") >= 2]
    snippets = os.path.join(WORK, "amazon-snippets.csv")
    with open(snippets, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        for rid, _, text in rows:
            w.writerow([rid, text])
    project = os.path.join(WORK, "snippets-project")
    run_stages(project, "snippets", texts_pipeline("snippets", snippets, ", language: en"))
    out = os.path.join(WORK, "snippets-scores.csv")
    subprocess.run([PATRON, "export", "snippets", "sentiment", "-o", out, "--allow-outside"], cwd=project, check=True, capture_output=True)
    with open(out, newline="", encoding="utf-8") as f:
        ours = {r["customer_id"]: float(r["score"]) for r in csv.DictReader(f)}
    human = {rid: float(rating) for rid, rating, _ in rows}
    ids = [rid for rid, _, _ in rows]
    ours_scores = [ours.get(rid, 0.0) for rid in ids]
    vader_scores = [vader.polarity_scores(text)["compound"] for _, _, text in rows]
    ratings = [human[rid] for rid in ids]
    print(f"\nHutto & Gilbert (2014) Amazon review snippets: {len(ids)} texts with mean human ratings")
    print(f"{'Pearson r with the human rating':<58}{'r':>9}")
    print(f"{'patron (language: en)':<58}{pearson(ours_scores, ratings):>9.3f}")
    print(f"{'vaderSentiment 3.3.2':<58}{pearson(vader_scores, ratings):>9.3f}")


if __name__ == "__main__":
    main()
