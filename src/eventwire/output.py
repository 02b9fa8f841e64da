"""A coded article as the JSON contract (`schema/article.schema.json`) and as a text table."""

from __future__ import annotations

from typing import Any

from eventwire.coding import CodedArticle
from eventwire.model import (
    Attribution,
    DateMention,
    DateValue,
    Entity,
    Event,
    Place,
    Quantity,
    Quote,
    Source,
    TextSpan,
)

__all__ = ["event_to_dict", "to_contract"]

JSON = dict[str, Any]


def entity_to_dict(e: Entity) -> JSON:
    return {
        "text": e.text, "name": e.name, "country": e.country, "sector": e.sector,
        "role": e.role, "kind": e.kind, "start": e.start, "end": e.end,
    }


def _span(s: TextSpan) -> JSON:
    return {"text": s.text, "start": s.start, "end": s.end}


def date_to_dict(d: DateValue | None) -> JSON | None:
    if d is None:
        return None
    return {"start": d.start.isoformat(), "end": d.end.isoformat(), "precision": d.precision,
            "text": d.text}


def place_to_dict(p: Place | None) -> JSON | None:
    if p is None:
        return None
    return {"text": p.text, "name": p.name, "country": p.country, "kind": p.kind,
            "lat": p.lat, "lon": p.lon, "start": p.start, "end": p.end}


def attribution_to_dict(a: Attribution | None) -> JSON | None:
    if a is None:
        return None
    return {"kind": a.kind, "text": a.text, "count": a.count, "country": a.country,
            "speaker": entity_to_dict(a.speaker) if a.speaker else None}


def event_to_dict(ev: Event, *, explain: bool = False) -> JSON:
    out: JSON = {
        "type": ev.type, "mode": ev.mode, "context": list(ev.context), "aux": list(ev.aux),
        "asserted": ev.asserted,
        "actor": [entity_to_dict(e) for e in ev.actor],
        "recipient": [entity_to_dict(e) for e in ev.recipient],
        "date": date_to_dict(ev.date), "location": place_to_dict(ev.location),
        "evidence": _span(ev.evidence), "trigger": _span(ev.trigger),
        "attribution": attribution_to_dict(ev.attribution),
        "cameo": ev.cameo, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        "pattern": ev.pattern_id, "responds_to": ev.responds_to,
    }
    if explain:
        out["explanation"] = list(ev.explanation)
    return out


def quote_to_dict(q: Quote) -> JSON:
    return {"text": q.text, "start": q.start, "end": q.end,
            "speaker": entity_to_dict(q.speaker) if q.speaker else None}


def source_to_dict(s: Source) -> JSON:
    return {"kind": s.kind, "text": s.text, "count": s.count, "country": s.country,
            "start": s.start, "end": s.end,
            "speaker": entity_to_dict(s.speaker) if s.speaker else None}


def date_mention_to_dict(d: DateMention) -> JSON:
    return {"text": d.text, "start": d.start, "end": d.end, "kind": d.kind,
            "value": date_to_dict(d.value)}


def quantity_to_dict(q: Quantity, events: tuple[Event, ...] = ()) -> JSON:
    """``events``: indices of the events whose evidence holds the quantity (its sentence)."""
    return {"text": q.text, "start": q.start, "end": q.end, "value": q.value, "unit": q.unit,
            "kind": q.kind,
            "events": [i for i, ev in enumerate(events)
                       if ev.evidence.start <= q.start and q.end <= ev.evidence.end]}


def to_contract(coded: CodedArticle, *, explain: bool = False) -> JSON:
    a = coded.article
    return {
        "article": {
            "id": a.id, "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "outlet": a.outlet, "byline": a.byline, "url": a.url, "text": a.text,
        },
        "events": [event_to_dict(e, explain=explain) for e in coded.events],
        "quotes": [quote_to_dict(q) for q in coded.quotes],
        "sources": [source_to_dict(s) for s in coded.sources],
        "entities": [entity_to_dict(e) for e in coded.entities],
        "places": [place_to_dict(p) for p in coded.places],
        "dates": [date_mention_to_dict(d) for d in coded.dates],
        "quantities": [quantity_to_dict(q, coded.events) for q in coded.quantities],
    }
