"""Scores the event coder on the PLOVER gold standard records (PLOVER_GSR_CAMEO.json).

The records are 322 one-sentence examples from the CAMEO manual, each with its actor, recipient
and event type, labelled with PLOVER 0.5 names.  A sentence counts right for *type* when any
asserted event coded from it has the gold type, and right for the *triple* when one such event
also has a gold actor country and (when the record names one) a gold recipient country.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.language import Language

from eventwire.errors import InputError
from eventwire.events.arguments import countries
from eventwire.model import Article, Event

__all__ = ["GsrMiss", "GsrRecord", "GsrResult", "evaluate_gsr", "load_records"]

#: PLOVER 0.5 names -> today's PLOVER types
TYPE_RENAMES: Mapping[str, str] = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)
#: CAMEO country codes of the records that differ from ISO 3166-1 alpha-3
CAMEO_TO_ISO: Mapping[str, str] = MappingProxyType({"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU"})


@dataclass(frozen=True)
class GsrRecord:
    id: str
    text: str
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    date: dt.date | None


@dataclass(frozen=True)
class GsrMiss:
    id: str
    gold: str
    got: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class GsrResult:
    records: int
    type_right: int
    triple_right: int
    #: gold type -> (records, type right, triple right)
    per_type: Mapping[str, tuple[int, int, int]]
    misses: tuple[GsrMiss, ...]

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.records if self.records else 0.0

    @property
    def triple_accuracy(self) -> float:
        return self.triple_right / self.records if self.records else 0.0


def _codes(raw: Any) -> frozenset[str]:
    if not isinstance(raw, list):
        return frozenset()
    out = set()
    for item in raw:
        code = str(item.get("code", "")).strip().upper() if isinstance(item, dict) else ""
        if code:
            out.add(CAMEO_TO_ISO.get(code, code))
    return frozenset(out)


def _date(raw: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        return None


def load_records(path: Path) -> list[GsrRecord]:
    """The scorable records of ``path`` (the DOCUMENT record is documentation, not data)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read PLOVER records: {exc}") from exc
    if not isinstance(data, list):
        raise InputError(str(path), "expected a JSON list of records")
    out: list[GsrRecord] = []
    for raw in data:
        event = str(raw.get("event", ""))
        if event == "DOCUMENT" or not raw.get("text"):
            continue
        out.append(
            GsrRecord(
                id=str(raw.get("id", "")),
                text=str(raw["text"]),
                type=TYPE_RENAMES.get(event, event),
                actors=_codes(raw.get("source")),
                recipients=_codes(raw.get("target")),
                date=_date(raw.get("date")),
            )
        )
    return out


def _triple_ok(rec: GsrRecord, ev: Event) -> bool:
    if ev.type != rec.type or not (countries(ev.actor) & rec.actors):
        return False
    return not rec.recipients or bool(countries(ev.recipient) & rec.recipients)


def _code_all(nlp: Language, records: list[GsrRecord]) -> Iterable[list[Event]]:
    docs = []
    for rec in records:
        doc = nlp.make_doc(rec.text)
        doc._.ew_article = Article(id=rec.id, text=rec.text, published=rec.date)
        docs.append(doc)
    for doc in nlp.pipe(docs, batch_size=32):
        yield [e for e in (doc._.ew_events or []) if e.asserted]


def evaluate_gsr(nlp: Language, records_path: Path) -> GsrResult:
    """Code every record's sentence with ``nlp`` and compare with the gold type/actor/recipient."""
    records = load_records(Path(records_path))
    type_right = triple_right = 0
    per_type: dict[str, list[int]] = {}
    misses: list[GsrMiss] = []
    for rec, events in zip(records, _code_all(nlp, records)):
        row = per_type.setdefault(rec.type, [0, 0, 0])
        row[0] += 1
        typed = any(e.type == rec.type for e in events)
        triple = any(_triple_ok(rec, e) for e in events)
        type_right += typed
        triple_right += triple
        row[1] += typed
        row[2] += triple
        if not triple:
            got = tuple(
                f"{e.type} {'+'.join(sorted(countries(e.actor)))}->{'+'.join(sorted(countries(e.recipient)))}"
                for e in events
            )
            gold = f"{rec.type} {'+'.join(sorted(rec.actors))}->{'+'.join(sorted(rec.recipients))}"
            misses.append(GsrMiss(rec.id, gold, got, rec.text))
    return GsrResult(
        records=len(records),
        type_right=type_right,
        triple_right=triple_right,
        per_type=MappingProxyType({k: (v[0], v[1], v[2]) for k, v in sorted(per_type.items())}),
        misses=tuple(misses),
    )
