#!/usr/bin/env python3
"""Two copies of a generated register about 300 edits apart, for timing
`coalition-desk merge BASE OURS THEIRS` (BENCHMARKS.md, issue 19).

    python3 benches/copies_apart.py large.ron ours.ron theirs.ron [EDITS]

Reads the register as `coalition-desk generate` writes it (one tab per
level, each commitment opening with `\t\t\tID: (`) and writes two copies
of it: OURS retitles EDITS/2 commitments (every 600th from the first),
THEIRS retitles as many others (every 600th from the 300th), and 10 of
OURS's retitles also get new conditions from THEIRS, merged field by
field. The base is the register itself. Plain text edits, so the copies
differ from the base in exactly those fields and in nothing else: 310
records' fields apart. The merge of the three is clean and, counting
what it changed in OURS, says `Merged: 160 commitments changed; no
conflicts` for EDITS=300.
"""
import re
import sys

source, ours_path, theirs_path = sys.argv[1:4]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 300
text = open(source, encoding="utf-8").read()

start = text.index("\t\tcommitments: {\n")
records = [m.start() for m in re.finditer(r"^\t\t\t[0-9A-Z\"-]+: \(\n", text[start:], re.M)]
records = [start + r for r in records]
count = len(records)
per_side = edits // 2
if count < 600 * per_side:
    sys.exit(f"{source}: {count} commitments, too few for {edits} edits 600 apart")


def edited(wanted):
    """The text with each (record index, field, new value) applied."""
    pieces, at = [], 0
    for index, field, value in sorted(wanted):
        begin = records[index]
        end = records[index + 1] if index + 1 < count else len(text)
        found = re.compile(r"^(\t\t\t\t" + field + r": )\"((?:[^\"\\]|\\.)*)\",$", re.M)
        match = found.search(text, begin, end)
        if match is None:
            sys.exit(f"record {index} has no {field}")
        pieces.append(text[at:match.start(2)])
        pieces.append(value(match.group(2)))
        at = match.end(2)
    pieces.append(text[at:])
    return "".join(pieces)


ours = [(600 * i, "title", lambda t: t + " (London's wording)") for i in range(per_side)]
theirs = [(600 * i + 300, "title", lambda t: t + " (Paris's wording)") for i in range(per_side)]
theirs += [(600 * i, "conditions", lambda _: "On delivery of the first tranche") for i in range(10)]
for path, wanted in [(ours_path, ours), (theirs_path, theirs)]:
    with open(path, "w", encoding="utf-8") as out:
        out.write(edited(wanted))
