"""Sentiment accuracy: Patron's `sentiment` stage (language identified per text) and VADER on
the same texts, per language: binary macro-F1 (positive against negative texts; a neutral
answer counts as wrong), recall on the negative texts, and how often Patron identified the
language.

Sets:
- frozen: Benchmarks/sentiment/frozen-reviews.tsv, 50 short reviews per language written by
  the team before any change it judges and never used for tuning since; its SHA-256 is checked
  so an edit shows. Only its scores are printed, never its items. Its scores were seen five
  times while the learned layer took shape, so it is no longer a clean check.
- frozen2: Benchmarks/sentiment/frozen-reviews-2.tsv, 40 more per language (20 positive, 20
  negative; the domains of issue 19's held-out reviews), written and hashed before the second
  round of changes, under the same rules.
- frozen3: Benchmarks/sentiment/frozen-reviews-3.tsv, 30 longer reviews per language (15
  positive, 15 negative; several sentences, praise with a drawback and complaints with a kind
  word, as real reviews are), written and hashed 2026-12-04 before the third round of changes.
- frozen4 … frozen14: Benchmarks/sentiment/frozen-reviews-{4,…,14}.tsv, 20 per language each
  (10 positive, 10 negative), written and hashed before the fourth to the tenth round of
  changes (see Benchmarks/sentiment/README.md).
- test: the positive and negative rows of the training data's test part (Training/sentiment/
  corpus.py: 10 % by hash, never trained or tuned on). Not customer feedback: subtitles, tweets,
  film and editorial snippets.
- dev: the dev part (calibration; for development only, not in `make bench`).
- tuning: Tests/PatronModelsTests/Resources/sentiment-{eval,heldout}.tsv, the sets the lexicons
  were tuned on (in-sample by construction); `--errors` lists their misses.

- a tuning batch: --batch=PATH scores any other review file in the same format (the readable
  batches in Benchmarks/sentiment/tuning-*.tsv); --errors lists its misses. A frozen set is
  refused here.

Usage: sentiment_eval.py [--sets=frozen,frozen2,frozen3,frozen4,frozen5,frozen6,frozen7,frozen8,frozen9,frozen10,frozen11,frozen12,frozen13,frozen14,frozen15,frozen16,frozen17,frozen18,frozen19,frozen20,frozen21,frozen22,frozen23,frozen24,frozen25,frozen26,frozen27,frozen28,frozen29,frozen30,frozen31,frozen32,frozen33,frozen34,frozen35,frozen36,frozen37,frozen38,frozen39,frozen40,frozen41,frozen42,frozen43,test,tuning] [--batch=PATH] [--errors]
"""
import csv, hashlib, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Training", "sentiment"))
import corpus  # noqa: E402
from sentiment import texts_pipeline  # noqa: E402

WORK = os.path.join(HERE, "work", "sentiment-eval")
PATRON = os.environ.get("PATRON_BIN", os.path.join(ROOT, ".build", "release", "patron"))
# Each frozen set: its file in Benchmarks/sentiment, its SHA-256 (checked before it is read),
# and what its scores are printed under.
FROZEN = {
    "frozen": ("frozen-reviews.tsv", "0f78e6d9ff53fe635ae42808f53a450949500f0e12f7f1f697381cfd4b5edda3",
               "first frozen review set (50 per language, written by the team 2026-12-03 morning; its "
               "scores were seen five times while the learned layer took shape)"),
    "frozen2": ("frozen-reviews-2.tsv", "28e13ef804b6cd2a444d10a0d567ee9148dc95b3ef3cd546f539aafc87c72ab0",
               "second frozen review set (40 per language, written by the team 2026-12-03 evening before "
               "the changes it judges, not tuned on)"),
    "frozen3": ("frozen-reviews-3.tsv", "f13028a235d89e87142b25ce890a1c47967b542fd544e475d612eb106d2f5eb7",
               "third frozen review set (30 longer reviews per language, written by the team 2026-12-04 "
               "before the changes it judges, not tuned on)"),
    "frozen4": ("frozen-reviews-4.tsv", "fb72a82d10704dc831ce921f51cf9c0ec1c62332d11f07a0978687f0c380b4be",
               "fourth frozen review set (20 per language as people type them: lower case, missing "
               "diacritics, typos; written by the team 2026-12-04 before the changes it judges, not tuned "
               "on)"),
    "frozen5": ("frozen-reviews-5.tsv", "9b0f29d13e475ce6fe4f93a04b6ffdbd8cde0cff7a197f8f6479ba54c96a7833",
               "fifth frozen review set (20 per language in the held-out domains, as written: standard "
               "spelling, contrasts, complaints told as facts; written by the team 2026-12-04 evening "
               "before the changes it judges were built or measured, not tuned on)"),
    "frozen6": ("frozen-reviews-6.tsv", "b94e15793d69584281ae7c207672ca87280b84ee1479b2ffba0f4f80f1fe4a14",
               "sixth frozen review set (20 per language in the held-out domains, as written; written by "
               "the team 2026-12-05 morning before the sixth round of changes, not tuned on)"),
    "frozen7": ("frozen-reviews-7.tsv", "882c29881b7ee1b5c197eaa85abdf9a492af0e2d0f125a444c0d5563ea692c1d",
               "seventh frozen review set (20 per language in the held-out domains; written by the team "
               "2026-12-05 before the seventh round of changes, not tuned on)"),
    "frozen8": ("frozen-reviews-8.tsv", "d5077cf553070810ad7f47012ed32d0935be2047eb57e369a0018ea665949671",
               "eighth frozen review set (20 per language in the held-out domains; written by the team "
               "2026-12-05 before the eighth round of changes, not tuned on)"),
    "frozen9": ("frozen-reviews-9.tsv", "28d449ae641849ab0df5b6b95c1c082ae9f5123dd3311c13785c5239b8798799",
               "ninth frozen review set (20 per language in the held-out domains; written by the team "
               "2026-12-05 before the ninth round of changes, not tuned on)"),
    "frozen10": ("frozen-reviews-10.tsv", "fa87ab409d778a1b71c23d9a2042bb00e418be82f1e61ee670e05a8c72fb5b62",
                "tenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 before the tenth round of changes, not tuned on)"),
    "frozen11": ("frozen-reviews-11.tsv", "e872decbbc6ee1c695b66bb4037ae1a0d632240c5d5dc98d52ee407d462a5176",
                "eleventh frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 evening before the eleventh round of changes, not tuned on)"),
    "frozen12": ("frozen-reviews-12.tsv", "8fecfa99629a564f2ca46b3a2b189f6fba615ad8a24b30a979d27a90c6c99119",
                "twelfth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 evening before the twelfth round of changes, not tuned on)"),
    "frozen13": ("frozen-reviews-13.tsv", "b9d60873c79e1f47565f407941b85741c3dcd63c7a8cc18454c9b4aafadf8367",
                "thirteenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 evening before the thirteenth round of changes, not tuned on)"),
    "frozen14": ("frozen-reviews-14.tsv", "48f5c1edc83cf86376537f7af8a1aabe3b25fa4953c22358fee455338a469d02",
                "fourteenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 evening before the fourteenth round of changes, not tuned on)"),
    "frozen15": ("frozen-reviews-15.tsv", "6b8d43ce83deb27427f50b45eacfef487939df0bae671bcc9f5f9b5c6cdaf8b6",
                "fifteenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 night before the fifteenth round of changes, not tuned on)"),
    "frozen16": ("frozen-reviews-16.tsv", "a715be1b1d86e4300ec0cb7a2c9a4739a9b567cb68a02aee3c500062b7192daa",
                "sixteenth frozen review set (20 per language in the held-out domains, in the shapes real "
                "sources have; written by the team 2026-12-05 night after the fifteenth round landed, not "
                "tuned on)"),
    "frozen17": ("frozen-reviews-17.tsv", "8b35564185fac528dadf4bd1e52ad4c6f15a6512c6192588f8695c179aac4cb0",
                "seventeenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-05 night before the sixteenth round was built, its theme chosen; not tuned on)"),
    "frozen18": ("frozen-reviews-18.tsv", "045682f1ab2e5b83d57caa45a8d90b633740875839eddc78202f1c4de9c88693",
                "eighteenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the seventeenth round was built, its theme chosen; not tuned on)"),
    "frozen19": ("frozen-reviews-19.tsv", "5c7c23c355fbd956602df2b38ff19ee4b2e704fc63870550d20f829d897afc41",
                "nineteenth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the eighteenth round was built, its theme chosen; not tuned on)"),
    "frozen20": ("frozen-reviews-20.tsv", "a318838c5b4f8a8fa5457d090a86b470d0e50f8a9f6038954673f61d113dc845",
                "twentieth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the nineteenth round was built, its theme chosen; not tuned on)"),
    "frozen21": ("frozen-reviews-21.tsv", "d313d63cb61dfd62f0406dda8629dc3b6e956b21bb58f526395d12a98ad1c516",
                "twenty-first frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twentieth round was built, its theme chosen; not tuned on)"),
    "frozen22": ("frozen-reviews-22.tsv", "d6f3455a87e5e1fdf8154ea542c0e1bd6853abcbea07d10286d6d29b51719259",
                "twenty-second frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twenty-first round was built, its theme chosen; not tuned on)"),
    "frozen23": ("frozen-reviews-23.tsv", "9bf5d2574b030609976b6266b6c68521202d46560980432fc35e55c6f9284aff",
                "twenty-third frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twenty-second round was built, its theme chosen; not tuned on)"),
    "frozen24": ("frozen-reviews-24.tsv", "84e8601111796b11760c2eef1a898a501fb0e555a77da6e3b478e08521061e29",
                "twenty-fourth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twenty-third round was built, its theme chosen; not tuned on)"),
    "frozen25": ("frozen-reviews-25.tsv", "cfd008ba571e80f52c40ea357be836be50c4728f1c0cf3d1a29b0c69e98c6cd8",
                "twenty-fifth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twenty-fourth round was built, its theme chosen; not tuned on)"),
    "frozen26": ("frozen-reviews-26.tsv", "3be1cec430e02b92ba25b1d698b635f5235f56d7bce4d0111b47cc8c4d4032d5",
                "twenty-sixth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twenty-fifth round was built, its theme chosen; not tuned on)"),
    "frozen27": ("frozen-reviews-27.tsv", "cb3c9900b9e81e843a755b0d5cf326d57e447d7dd5b5bcdbfc7e882a9ff0c297",
                "twenty-seventh frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-06 before the twenty-sixth round was built, its theme chosen; not tuned on)"),
    "frozen28": ("frozen-reviews-28.tsv", "3b7ca5e5d53f9f3af7225cbcfd13955504aae45b330f06878deec9eeeaf5637a",
                "twenty-eighth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the twenty-seventh round was built, its theme chosen; not tuned on)"),
    "frozen29": ("frozen-reviews-29.tsv", "450a6d4a897fc1e7477ce50e3df1af7e9a8e881789005cf202171eb143473a20",
                "twenty-ninth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the twenty-eighth round was built, its theme chosen; not tuned on)"),
    "frozen30": ("frozen-reviews-30.tsv", "159356eacfa819df53e3bf71d2669e2d48667824f8e83ad8b88558735dd8f07f",
                "thirtieth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the twenty-ninth round was built, its theme chosen; not tuned on)"),
    "frozen31": ("frozen-reviews-31.tsv", "94df2daf964d6c959ebc6a069bb8a7d5937fb5cc9fad347f0a8a5926a7fdc5d0",
                "thirty-first frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirtieth round was built, its theme chosen; not tuned on)"),
    "frozen32": ("frozen-reviews-32.tsv", "1097284fc6b78a96a835f6ca80abf7c07e6e93b399ba25f2b74d9acd55abdeb8",
                "thirty-second frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-first round was built, its theme chosen; not tuned on)"),
    "frozen33": ("frozen-reviews-33.tsv", "6abaa7cae417477af4f5a5ea4ffcb8aebc62ba1c22e3eb946635b16151b15fb7",
                "thirty-third frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-second round was built, its theme chosen; not tuned on)"),
    "frozen34": ("frozen-reviews-34.tsv", "334fc65a2983dd800b4bf72b1e5173adb11ae1ab87f2aee8c38dc3268722952b",
                "thirty-fourth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-third round was built, its theme chosen; not tuned on)"),
    "frozen35": ("frozen-reviews-35.tsv", "3d3c1e5413b34649f08135d93f8c2c1c8af6ab6e6e1adb1794511d9cd1243e65",
                "thirty-fifth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-fourth round was built, its theme chosen; not tuned on)"),
    "frozen36": ("frozen-reviews-36.tsv", "900a70b718d5bfebbb7f76c3631e3ea1d2f54e588f188d310fa090abb3ae71be",
                "thirty-sixth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-fifth round was built, its theme chosen; not tuned on)"),
    "frozen37": ("frozen-reviews-37.tsv", "b4b0d962d89707e1fc676591f722b605aa471fd8d3c9efca305279712de32441",
                "thirty-seventh frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-sixth round was built, its theme chosen; not tuned on)"),
    "frozen38": ("frozen-reviews-38.tsv", "492cf4c85d812b1870795e823ed3cddd78f5962405be15a18a471f7ac1b864b0",
                "thirty-eighth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-seventh round was built, its theme chosen; not tuned on)"),
    "frozen39": ("frozen-reviews-39.tsv", "725c3406684c4389389270b173b1ac6c388ed5d3859e2a7e313f9e1a3fe097cc",
                "thirty-ninth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-eighth round was built, its theme chosen; not tuned on)"),
    "frozen40": ("frozen-reviews-40.tsv", "f3464c8835520c7c636a0a5aabdaad602c6cbbfc9f5d937642197bdd2fa3ba20",
                "fortieth frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the thirty-ninth round was built, its theme chosen; not tuned on)"),
    "frozen41": ("frozen-reviews-41.tsv", "e0ad0b774d18013b85793deca6395810ee9a2983db420abb3b2b8de1f5cd39a8",
                "forty-first frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-07 before the fortieth round was built, its theme chosen; not tuned on)"),
    "frozen42": ("frozen-reviews-42.tsv", "eecab045cd2464faa314fd5c0e6e81beae20afb07ace673c446e04ce372cdbd6",
                "forty-second frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-08 before the forty-first round was built, its theme chosen; not tuned on)"),
    "frozen43": ("frozen-reviews-43.tsv", "f16ab25238a7008e311a4785e304f853b49c9135c04298eda852ef2876bd0183",
                "forty-third frozen review set (20 per language in the held-out domains; written by the team "
                "2026-12-08 before the forty-second round was built, its theme chosen; not tuned on)"),
}
TUNING = [os.path.join(ROOT, "Tests", "PatronModelsTests", "Resources", f"sentiment-{n}.tsv") for n in ("eval", "heldout")]



def frozen(name):
    file, expected, _ = FROZEN[name]
    path = os.path.join(HERE, "sentiment", file)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != expected:
        sys.exit(f"{path} changed (SHA-256 {digest}): a frozen set is never edited; write a new one")
    return read_tsv(path)


def read_tsv(path):
    """(lang, label, text) rows of a tab-separated set; a `lang` header line and # comments are skipped."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) != 3 or parts[0] == "lang":
                continue
            out.append(tuple(parts))
    return out


def part(which):
    return [(lang, label, text) for lang in corpus.LANGUAGES for label, text, _ in corpus.rows(lang, which)
            if label in ("pos", "neg")]


def tuning():
    """The tuning sets, neutral rows included (binary scores use only the others)."""
    return [row for path in TUNING for row in read_tsv(path)]


def patron(items, name):
    """Patron's (language, label) for each item, by running the sentiment stage."""
    os.makedirs(os.path.join(WORK, name, "Pipelines"), exist_ok=True)
    data = os.path.join(WORK, name, "texts.csv")
    with open(data, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        for i, (_, _, text) in enumerate(items):
            w.writerow([f"t{i}", text])
    project = os.path.join(WORK, name)
    with open(os.path.join(project, "Pipelines", "eval.yaml"), "w") as f:
        f.write(texts_pipeline("eval", data, ", min_length: 1"))
    done = subprocess.run([PATRON, "run", "eval", "--quiet", "--force"], cwd=project, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr)
    out = os.path.join(project, "scores.csv")
    subprocess.run([PATRON, "export", "eval", "sentiment", "-o", out, "--allow-outside"], cwd=project, check=True,
                   capture_output=True)
    found = {}
    with open(out, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            found[r["customer_id"]] = (r["language"], r["label"], float(r["score"]))
    return [found.get(f"t{i}", ("und", "neu", 0.0)) for i in range(len(items))]


def vader(items):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    out = []
    for _, _, text in items:
        c = analyzer.polarity_scores(text)["compound"]
        out.append("pos" if c >= 0.05 else "neg" if c <= -0.05 else "neu")
    return out


def macro3(gold, said):
    """Three-class macro-F1 (pos, neg, neu)."""
    return corpus.macro_f1(gold, said, ("pos", "neg", "neu"))


def scores(gold, said):
    """Binary macro-F1 over the pos and neg texts (a neu answer is a miss) and recall on neg."""
    pairs = [(g, s) for g, s in zip(gold, said) if g in ("pos", "neg")]
    gold, said = [g for g, _ in pairs], [s for _, s in pairs]
    negs = [s for g, s in zip(gold, said) if g == "neg"]
    return corpus.macro_f1(gold, said), (sum(1 for s in negs if s == "neg") / len(negs)) if negs else float("nan")


def report(title, items, name, errors=False):
    ours = patron(items, name)
    theirs = vader(items)
    print(f"\n{title}")
    three = any(it[1] == "neu" for it in items)
    print(f"{'lang':<6}{'texts':>7}{'patron F1':>11}{'neg recall':>12}{'lang id':>9}{'VADER F1':>10}{'neg recall':>12}"
          + (f"{'3-class: patron':>17}{'VADER':>7}" if three else ""))
    summary = {}
    for lang in corpus.LANGUAGES:
        idx = [i for i, it in enumerate(items) if it[0] == lang]
        if not idx:
            continue
        gold = [items[i][1] for i in idx]
        f1, nr = scores(gold, [ours[i][1] for i in idx])
        vf1, vnr = scores(gold, [theirs[i] for i in idx])
        lid = sum(1 for i in idx if ours[i][0] == lang) / len(idx)
        summary[lang] = {"f1": f1, "neg_recall": nr, "lang_id": lid, "vader_f1": vf1, "vader_neg_recall": vnr}
        extra = ""
        if three:
            m3, v3 = macro3(gold, [ours[i][1] for i in idx]), macro3(gold, [theirs[i] for i in idx])
            summary[lang].update({"macro3": m3, "vader_macro3": v3})
            extra = f"{m3:>17.3f}{v3:>7.3f}"
        # Where the misses went (counts only): a complaint answered neutral is a different
        # failure from one read as praise.
        said = [ours[i][1] for i in idx]
        misses = {f"{g}>{s}": sum(1 for x, y in zip(gold, said) if (x, y) == (g, s))
                  for g, s in (("neg", "neu"), ("neg", "pos"), ("pos", "neu"), ("pos", "neg"))}
        summary[lang]["misses"] = misses
        extra += "   misses " + " ".join(f"{k} {v}" for k, v in misses.items())
        print(f"{lang:<6}{len(idx):>7}{f1:>11.3f}{nr:>12.3f}{lid:>9.3f}{vf1:>10.3f}{vnr:>12.3f}{extra}")
    if errors:
        for i, (lang, label, text) in enumerate(items):
            if ours[i][1] != label or ours[i][0] != lang:
                print(f"  {lang} {label} -> {ours[i][0]} {ours[i][1]} {ours[i][2]:+.3f}  {text[:160]}")
    return summary


def main():
    sets = ",".join(list(FROZEN) + ["test", "tuning"])
    errors = "--errors" in sys.argv
    for a in sys.argv[1:]:
        if a.startswith("--sets="):
            sets = a.split("=", 1)[1]
    results = {}
    batches = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--batch=")]
    chosen = sets.split(",") if not batches or any(a.startswith("--sets=") for a in sys.argv[1:]) else []
    for path in batches:
        if any(os.path.samefile(path, os.path.join(HERE, "sentiment", file)) for file, _, _ in FROZEN.values()):
            sys.exit(f"{path} is a frozen set: only its scores are printed, by --sets")
        results[os.path.basename(path)] = report(f"Sentiment on the tuning batch {os.path.basename(path)} (in-sample)",
                                                 read_tsv(path), "batch", errors)
    for name, (_, _, title) in FROZEN.items():
        if name in chosen:
            results[name] = report("Sentiment on the " + title, frozen(name), name)
    if "test" in chosen:
        results["test"] = report("Sentiment on the training data's test part (not customer text; never trained or tuned on)",
                                 part("test"), "test")
    if "dev" in chosen:
        results["dev"] = report("Sentiment on the training data's dev part (cut-offs are calibrated on it)",
                                part("dev"), "dev", errors)
    if "tuning" in chosen:
        results["tuning"] = report("Sentiment on the tuning sets (in-sample: the lexicons were tuned on them, the learned "
                                   "layer's regularisation and neutral band chosen on them)",
                                   tuning(), "tuning", errors)
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
