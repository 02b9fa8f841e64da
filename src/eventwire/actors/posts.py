"""People who hold a post in an international organization, by what the sentence says.

"Kenzo Oshima, the United Nations Emergency Relief Coordinator, said" and "Filippo Grandi, head
of the UN refugee agency" speak for the organization, whatever their nationality or earlier
offices in the knowledge base: the person becomes an IGO actor with no country (CAMEO codes an
organization's officials with the organization's code).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.model import Entity

__all__ = ["international_posts"]

_STOP = frozenset({",", ".", ";", ":", "(", ")", "\u2014", "--"})
#: the longest apposition read as a post ("the United Nations Emergency Relief Coordinator")
_MAX_TOKENS = 10
_POST_KINDS = frozenset({"igo"})
#: a post held before is no post now ("the former UN chief")
_FORMER = frozenset({"former", "ex", "then", "late"})


def _apposition(doc: Doc, e: Entity) -> tuple[int, int] | None:
    """Token range of ", <apposition>," right after the entity ``e``."""
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text != ",":
        return None
    start = span.end + 1
    i = start
    while i < len(doc) and i - start <= _MAX_TOKENS and doc[i].text not in _STOP \
            and not doc[i].is_sent_start:
        i += 1
    if i == start or i - start > _MAX_TOKENS or i >= len(doc) or doc[i].text not in _STOP:
        return None
    return start, i


def international_posts(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` with each person whose apposition names a post in an international
    organization ("<Name>, the UN <title>", "<Name>, head of the <IGO body>") made that
    organization's actor."""
    out = list(entities)
    starts = [e.start for e in out]
    for n, e in enumerate(out):
        if e.kind != "person" or not e.name:
            continue
        app = _apposition(doc, e)
        if app is None:
            continue
        a, b = doc[app[0]].idx, doc[app[1] - 1].idx + len(doc[app[1] - 1])
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in _FORMER for t in doc[app[0]:app[1]]) \
                or doc[app[1] - 1].pos_ not in ("NOUN", "PROPN"):
            continue  # "..., who said", "..., reportedly": not a post
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_right(starts, b)
        inside = [x for x in out[lo:hi] if a <= x.start and x.end <= b]
        org = next((x for x in inside if x.kind in _POST_KINDS
                    or (x.sector == "IGO" and not x.country)), None)
        if org is None or any(x.country for x in inside):
            continue
        out[n] = dataclasses.replace(
            e, country=None, sector="IGO", role=doc[app[0]:app[1]].text,
            why=f"{e.why}; post in {org.name or org.text}: '{doc[app[0]:app[1]].text}'")
    return out
