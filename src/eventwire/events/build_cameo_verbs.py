"""Rebuilds ``data/events/cameo_verbs.tsv`` from the CAMEO verb pattern dictionary (CAMEO.2.0.txt).

Run ``python -m eventwire.events.build_cameo_verbs PATH/TO/CAMEO.2.0.txt``; the output is
committed, so the coder never needs the dictionary at run time.

What is imported: each synonym set whose block has a default CAMEO code ("---  APPEAL  [020]  ---")
gives every member verb that code, when the code has a PLOVER type.  The dictionary's phrase
patterns ("- * SANCTIONS [163]") are not imported: they are written for PETRARCH's own phrase
matching; eventwire states its object constraints by hand in verbs.yaml.  Verbs a person could use
for anything (cue verbs of modality and reporting) are left out at load time by the coder, and a
hand pattern of verbs.yaml always wins over an imported one (see ``patterns.load_verb_patterns``).
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from eventwire.events.cameo import cameo_row

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
_HEADER = re.compile(r"^---\s+([A-Z_]+)\s+\[(\d{3,4})\]\s+---")
_VERB = re.compile(r"^([A-Z][A-Z_-]*)\b")


def read_synsets(path: Path) -> list[tuple[str, str, list[str]]]:
    """(head verb, default CAMEO code, member verbs in lower case) of every coded block."""
    out: list[tuple[str, str, list[str]]] = []
    current: tuple[str, str, list[str]] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        header = _HEADER.match(line)
        if line.startswith("---"):
            current = (header.group(1), header.group(2), []) if header else None
            if current is not None:
                out.append(current)
            continue
        if current is None or not line or line[0] in "-#+&":
            continue
        verb = _VERB.match(line)
        if verb:
            word = verb.group(1).lower().replace("_", " ")
            if word not in current[2]:
                current[2].append(word)
    return out


def rows(path: Path) -> list[tuple[str, str, str]]:
    """(verb, cameo, synset head) rows; a verb listed under several codes is ambiguous and dropped."""
    seen: dict[str, set[str]] = {}
    first: dict[str, tuple[str, str]] = {}
    for head, code, verbs in read_synsets(path):
        row = cameo_row(code)
        if row is None or row.type is None or row.type.lower() == "none":
            continue
        for verb in verbs:
            seen.setdefault(verb, set()).add(code)
            first.setdefault(verb, (code, head.lower()))
    return sorted((v, first[v][0], first[v][1]) for v, codes in seen.items() if len(codes) == 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt of openeventdata/petrarch2")
    args = parser.parse_args()
    with (DATA / "cameo_verbs.tsv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["verb", "cameo", "synset"])
        writer.writerows(rows(args.dictionary))


if __name__ == "__main__":
    main()
