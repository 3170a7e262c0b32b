#!/usr/bin/env python3
"""Converts the third-party sentiment lexicons and language profiles in ../shared/data/lexicons
into the simple TSV files Patron reads (Sources/PatronModels/Resources/lexicons, also reachable
as Data/lexicons). Run from the repository root: python3 Data/convert-lexicons.py SOURCE_DIR.

Every output is `key<TAB>value` lines, UTF-8, sorted, so a diff shows what changed:
  en.tsv sv.tsv nl.tsv de.tsv   word, valence on VADER's scale (-4 … 4)
  emoji.tsv                            emoji, valence (its English description scored with en.tsv)
  langid.tsv                           language, n-gram (1 to 3 characters), count; and
                                       language, "#words1" … "#words3", total n-grams
polvader's Polish lexicon is not converted: its valences contradict plain readings of common
words (see the README), so Polish is scored on Patron's own vocabulary alone.
The scaling of the -1 … 1 lexicons (nl, de) to VADER's range is ours: × 3, so a clearly
positive adjective ("goed", "gut": polarity about 0.7-1.0) lands near VADER's "good" (1.9).
"""
import json, os, re, sys
import xml.etree.ElementTree as ET

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/lexicons"
OUT = "Sources/PatronModels/Resources/lexicons"
LANGUAGES = ["en", "sv", "nl", "de", "pl"]


def write(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for key, value in sorted(rows.items()):
            f.write(f"{key}\t{value}\n")
    print(f"{name}: {len(rows)} entries")


def vader(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0]:
            word = parts[0] if not parts[0].isalpha() else parts[0].lower()
            rows[word] = f"{float(parts[1]):.3f}"
    return rows


def pattern_xml(path, inflect):
    """Mean polarity per form (senses averaged), × 3; adjectives also in `inflect` forms."""
    sums = {}
    for w in ET.parse(path).getroot().iter("word"):
        form = (w.get("form") or "").strip().lower()
        if not form or " " in form:
            continue
        polarity = float(w.get("polarity") or 0)
        forms = [form] + ([form + e for e in inflect] if w.get("pos", "").startswith("JJ") else [])
        for i, f in enumerate(forms):
            # The base form's own entry wins over a generated inflection of another word.
            s = sums.setdefault(f, [0.0, 0, i == 0])
            if i == 0 and not s[2]:
                s[:] = [0.0, 0, True]
            if i > 0 and s[2]:
                continue
            s[0] += polarity
            s[1] += 1
    return {f: f"{3 * s[0] / s[1]:.3f}" for f, s in sums.items() if s[1] and abs(s[0]) > 1e-9}


def emoji(path, english):
    rows = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2:
            continue
        total = sum(float(english.get(w, 0)) for w in re.findall(r"[a-z']+", parts[1].lower()))
        if total:
            rows[parts[0]] = f"{max(-3.5, min(3.5, total)):.3f}"
    return rows


def langid(directory):
    rows = {}
    for lang in LANGUAGES:
        d = json.load(open(os.path.join(directory, lang + ".json"), encoding="utf-8"))
        for gram, count in d["freq"].items():
            if "\t" not in gram and "\n" not in gram:
                rows[f"{lang}\t{gram}"] = count
        for n, total in enumerate(d["n_words"], start=1):
            rows[f"{lang}\t#words{n}"] = total
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    english = vader(os.path.join(SRC, "en", "vader_lexicon.txt"))
    write("en.tsv", english)
    write("sv.tsv", vader(os.path.join(SRC, "sv", "vader_lexicon_sv.txt")))
    write("nl.tsv", pattern_xml(os.path.join(SRC, "nl", "nl-sentiment.xml"), ["e"]))
    write("de.tsv", pattern_xml(os.path.join(SRC, "de", "de-sentiment.xml"), ["e", "en", "er", "es", "em"]))
    write("emoji.tsv", emoji(os.path.join(SRC, "en", "emoji_utf8_lexicon.txt"), english))
    write("langid.tsv", langid(os.path.join(SRC, "langid")))


if __name__ == "__main__":
    main()
