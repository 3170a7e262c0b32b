"""Puts `patron modules --format markdown` (on standard input) into the README: each module's
parameter table replaces the block between its markers. Run by `make docs`; the tests check
that the README is what this would write."""
import re, sys

readme_path = sys.argv[1]
generated = sys.stdin.read()
blocks = dict(re.findall(r"(<!-- params: (\S+) .*?<!-- /params -->)", generated, re.S)[i][::-1]
              for i in range(len(re.findall(r"<!-- params: ", generated))))
text = open(readme_path, encoding="utf-8").read()
missing = []
for name, block in blocks.items():
    pattern = re.compile(r"<!-- params: " + re.escape(name) + r" .*?<!-- /params -->", re.S)
    if not pattern.search(text):
        missing.append(name)
        continue
    text = pattern.sub(lambda _: block, text)
open(readme_path, "w", encoding="utf-8").write(text)
if missing:
    sys.exit("no place for these modules' tables in " + readme_path + ": " + ", ".join(missing)
             + "; add a line '<!-- params: NAME -->…<!-- /params -->' under the module's heading")
