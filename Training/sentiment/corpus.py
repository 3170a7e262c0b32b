"""The sentiment training data (../shared/data/sentiment-train, or PATRON_SENTIMENT_TRAIN) and
its fixed split, shared by the training script and the benchmark.

Every row goes to one part by a hash of its language and text, never by its position, so the
split stays the same when rows are added or reordered: 80 % train, 10 % dev (cut-offs are
calibrated on it), 10 % test (scored by `make bench`, never used for training or tuning).
"""
import csv, hashlib, os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGES = ["en", "sv", "nl", "de", "pl"]


def data_dir():
    return os.environ.get("PATRON_SENTIMENT_TRAIN", os.path.join(os.path.dirname(ROOT), "shared", "data", "sentiment-train"))


def part(lang, text):
    """'train', 'dev' or 'test' for a text."""
    bucket = hashlib.sha1((lang + "\t" + text).encode("utf-8")).digest()[0] % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def rows(lang, which=None):
    """(label, text, source) of a language's file, in file order; `which` keeps one part."""
    path = os.path.join(data_dir(), lang + ".csv")
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if which is None or part(lang, row["text"]) == which:
                yield row["label"], row["text"], row["source"]


def f1(gold, said, label):
    """F1 of one label."""
    tp = sum(1 for g, s in zip(gold, said) if g == label and s == label)
    fp = sum(1 for g, s in zip(gold, said) if g != label and s == label)
    fn = sum(1 for g, s in zip(gold, said) if g == label and s != label)
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(gold, said, labels=("pos", "neg")):
    """Macro-F1 over `labels` (binary by default: a neu answer only ever counts as a miss)."""
    return sum(f1(gold, said, label) for label in labels) / len(labels)
