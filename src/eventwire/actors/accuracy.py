"""Resolution accuracy over a table of cases: (text, date, mention) -> (country, sector, role).

Used by the table-driven tests and by ``scripts/actor_accuracy.py``. A case passes when the
entity covering the mention has the expected country, sector and (when given) role; ``None`` for
country means "no entity, or one without a country" (e.g. a capital used as a place).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article, Entity
from eventwire.nlp.text import doc_text

__all__ = ["Case", "CaseResult", "entity_for", "gsr_agreement", "parse_with", "run_cases"]

ANY = "*"


@dataclass(frozen=True)
class Case:
    text: str
    mention: str
    country: str | None
    sector: str | None = ANY
    role: str | None = ANY
    published: str | None = "2019-05-31"
    occurrence: int = 0  # which occurrence of ``mention`` (0 = first)


@dataclass(frozen=True)
class CaseResult:
    case: Case
    entity: Entity | None
    ok: bool

    def describe(self) -> str:
        e = self.entity
        got = f"{e.country} {e.sector} {e.role!r} [{e.why}]" if e else "no entity"
        c = self.case
        return f"{c.mention!r} in {c.text[:60]!r} ({c.published}): want {c.country} {c.sector} {c.role!r}, got {got}"


def parse_with(nlp: Language, resolver: Callable[[Doc], Doc]) -> Callable[[str, str | None], Doc]:
    """A parser running spaCy's own components of ``nlp`` and then ``resolver``."""

    def parse(text: str, published: str | None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(id="case", text=text, published=dt.date.fromisoformat(published)
                                   if published else None)
        for name, proc in nlp.pipeline:
            if not name.startswith("eventwire_") or name == "eventwire_paragraphs":
                doc = proc(doc)
        return resolver(doc)

    return parse


def entity_for(doc: Doc, mention: str, occurrence: int = 0) -> Entity | None:
    start = -1
    for _ in range(occurrence + 1):
        start = doc_text(doc).find(mention, start + 1)
    if start < 0:
        raise ValueError(f"{mention!r} not in {doc_text(doc)!r}")
    end = start + len(mention)
    entities: list[Entity] = doc._.ew_entities or []
    return next((e for e in entities if e.start < end and start < e.end), None)


def _ok(case: Case, e: Entity | None) -> bool:
    if e is None:
        return case.country is None and case.sector in (None, ANY) and case.role in (None, ANY)
    return (
        e.country == case.country
        and (case.sector == ANY or e.sector == case.sector)
        and (case.role == ANY or e.role == case.role)
    )


def run_cases(cases: Sequence[Case], parse: Callable[[str, str | None], Doc]) -> list[CaseResult]:
    results = []
    for case in cases:
        e = entity_for(parse(case.text, case.published), case.mention, case.occurrence)
        results.append(CaseResult(case, e, _ok(case, e)))
    return results


#: CAMEO country codes in the PLOVER gold records that are not ISO 3166-1 alpha-3
_GSR_CODES = {"JAP": "JPN", "ROM": "ROU", "ITL": "ITA"}
_NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG"})


def gsr_agreement(records: Sequence[dict[str, Any]],
                  parse: Callable[[str, str | None], Doc]) -> tuple[int, int, list[str]]:
    """How often the entity covering a PLOVER gold actor or target text has its state.

    ``records`` are the PLOVER gold standard records (``PLOVER_GSR_CAMEO.json``); only actors
    coded with a state are counted. Returns (agreeing, counted, disagreements).
    """
    ok, n, misses = 0, 0, []
    for record in records:
        text = record.get("text")
        if not isinstance(text, str):
            continue
        doc = parse(text, None)
        for role in ("source", "target"):
            for actor in record.get(role) or ():
                if not isinstance(actor, dict):
                    continue
                code, words = str(actor.get("code") or ""), str(actor.get("actorText") or "")
                if len(code) != 3 or code in _NON_STATE or not words or words not in text:
                    continue
                n += 1
                e = entity_for(doc, words)
                if e is not None and e.country == _GSR_CODES.get(code, code):
                    ok += 1
                else:
                    misses.append(f"{words!r} want {code}, got {e.country if e else None}")
    return ok, n, misses
