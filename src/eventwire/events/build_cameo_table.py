"""Rebuilds ``data/events/cameo.tsv`` from the public CAMEO->PLOVER table and the Goldstein scale.

Run ``python -m eventwire.events.build_cameo_table PATH/TO/CAMEO2PLOVER-2021.txt``; the output is
committed, so the coder itself never needs the public data at run time.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?\s*(.*)$")


def quad_class(code: str) -> int:
    """CAMEO quad class from the two-digit root (1-4)."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _read_goldstein() -> dict[str, str]:
    with (DATA / "goldstein_source.tsv").open(encoding="utf-8") as fh:
        return {row["cameo"]: row["goldstein"] for row in csv.DictReader(fh, delimiter="\t")}


def _contexts(raw: str) -> str:
    return ";".join(part.strip() for part in raw.split(";") if part.strip())


def _rows(plover_table: Path) -> dict[str, tuple[str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in plover_table.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line.strip())
        if not m or len(m.group(1)) == 2:
            continue
        code, typ, mode, ctx, desc = m.groups()
        # The table lists 175 twice with the same coding; the first wins.
        rows.setdefault(code, (typ, mode.strip(), _contexts(ctx), desc.strip()))
    with (DATA / "cameo_extra.tsv").open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.setdefault(
            row["cameo"],
            (row["type"].strip(), row["mode"].strip(), row["context"].strip(), row["description"]),
        )
    return rows


def build(plover_table: Path, out: Path) -> int:
    goldstein = _read_goldstein()
    rows = _rows(plover_table)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["cameo", "type", "mode", "context", "goldstein", "quad_class", "description"])
        for code in sorted(rows, key=lambda c: (c[:2], c)):
            typ, mode, ctx, desc = rows[code]
            gs = goldstein.get(code) or goldstein.get(code[:3]) or goldstein.get(code[:2], "")
            writer.writerow([code, typ, mode, ctx, gs, quad_class(code), desc])
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("plover_table", type=Path)
    parser.add_argument("--out", type=Path, default=DATA / "cameo.tsv")
    args = parser.parse_args()
    build(args.plover_table, args.out)


if __name__ == "__main__":
    main()
