"""CAMEO code -> PLOVER type/mode/context, Goldstein score and quad class (data/events/cameo.tsv)."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from eventwire.events.errors import PatternFileError

__all__ = ["DATA_DIR", "CameoRow", "cameo_row", "load_cameo_table"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "events"


@dataclass(frozen=True)
class CameoRow:
    code: str
    type: str | None
    mode: str | None
    context: tuple[str, ...]
    goldstein: float | None
    quad_class: int
    description: str


@lru_cache(maxsize=1)
def load_cameo_table() -> Mapping[str, CameoRow]:
    path = DATA_DIR / "cameo.tsv"
    rows: dict[str, CameoRow] = {}
    with path.open(encoding="utf-8") as fh:
        for raw in csv.DictReader(fh, delimiter="\t"):
            code = raw["cameo"].strip()
            if not code.isdigit():
                raise PatternFileError(str(path), f"bad CAMEO code {code!r}")
            rows[code] = CameoRow(
                code=code,
                type=raw["type"].strip() or None,
                mode=raw["mode"].strip() or None,
                context=tuple(c for c in raw["context"].split(";") if c),
                goldstein=float(raw["goldstein"]) if raw["goldstein"] else None,
                quad_class=int(raw["quad_class"]),
                description=raw["description"],
            )
    return MappingProxyType(rows)


def cameo_row(code: str) -> CameoRow | None:
    """The row of ``code``, or of its nearest listed parent code (``0313`` -> ``031``)."""
    table = load_cameo_table()
    for n in range(len(code), 1, -1):
        row = table.get(code[:n])
        if row is not None:
            return row
    return None
