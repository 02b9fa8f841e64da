"""Scoring one coded article (contract JSON) against one gold annotation.

The rules are those of the referee, ``shared/eval/score.py``, and the gold files' "about" text:
a gold event lists every defensible type and every acceptable actor/recipient country (None
meaning "none is fine too"); events whose aux holds hypothetical or negation are not asserted and
are not scored; a trap is violated by an asserted event of a forbidden type on the trap's
evidence. A test checks that these figures equal the referee's on every gold file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ArticleScore", "score_article"]

JSON = dict[str, Any]
BLOCKING_AUX = frozenset({"hypothetical", "negation"})


def normalise(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


def entity_countries(entities: Sequence[JSON] | None) -> set[str]:
    """Countries of entities; an international organization without a country counts as 'IGO'."""
    out: set[str] = set()
    for e in entities or []:
        if e.get("country"):
            out.add(e["country"])
        elif (e.get("sector") or "").upper() == "IGO":
            out.add("IGO")
    return out


def is_asserted(event: JSON) -> bool:
    return not (set(event.get("aux") or []) & BLOCKING_AUX)


def evidence_text(event: JSON) -> str:
    ev = event.get("evidence") or {}
    return str(ev.get("text", "")) if isinstance(ev, dict) else str(ev)


def gold_matches(gold: JSON, event: JSON) -> bool:
    if event.get("type") not in gold["types"]:
        return False
    wanted_actor = {c for c in gold["actor"] if c}
    got_actor = entity_countries(event.get("actor"))
    # "None" among the gold actors also accepts an event without an actor country
    if wanted_actor and not wanted_actor & got_actor and not (None in gold["actor"] and not got_actor):
        return False
    wanted_recipient = gold.get("recipient", [None])
    got_recipient = entity_countries(event.get("recipient"))
    if got_recipient:
        return bool(got_recipient & {c for c in wanted_recipient if c})
    return None in wanted_recipient


def _evidence_overlaps(gold: JSON, event: JSON) -> bool:
    a, b = normalise(gold.get("evidence")), normalise(evidence_text(event))
    return bool(a) and bool(b) and (a[:40] in b or b[:40] in a)


def _slots(gold: JSON) -> int:
    """A compound gold event absorbs one system event per actor x recipient country."""
    n_actor = len([a for a in gold["actor"] if a])
    n_recipient = len([r for r in gold.get("recipient", []) if r])
    return max(1, n_actor) * max(1, n_recipient)


def assign_events(golds: Sequence[JSON], events: Sequence[JSON]) -> list[JSON | None]:
    """Maximum matching of system events onto required gold events, then optional ones, then
    the extra slots of compound events; candidates whose evidence overlaps come first."""
    assigned: list[JSON | None] = [None] * len(events)
    candidates = [
        sorted((g for g in golds if gold_matches(g, ev)), key=lambda g: not _evidence_overlaps(g, ev))
        for ev in events
    ]

    def match(pool: Callable[[JSON], bool]) -> None:
        owner: dict[str, int] = {}

        def augment(i: int, seen: set[str]) -> bool:
            for g in candidates[i]:
                if not pool(g) or g["id"] in seen:
                    continue
                seen.add(g["id"])
                if g["id"] not in owner or augment(owner[g["id"]], seen):
                    owner[g["id"]] = i
                    return True
            return False

        for i in range(len(events)):
            if assigned[i] is None:
                augment(i, set())
        by_id = {g["id"]: g for g in golds}
        for gid, i in owner.items():
            assigned[i] = by_id[gid]

    match(lambda g: bool(g.get("required", True)))
    match(lambda g: not g.get("required", True))
    taken: dict[str, int] = {}
    for g in assigned:
        if g:
            taken[g["id"]] = taken.get(g["id"], 0) + 1
    for i in range(len(events)):
        if assigned[i] is None:
            for g in candidates[i]:
                if taken.get(g["id"], 0) < _slots(g):
                    assigned[i] = g
                    taken[g["id"]] = taken.get(g["id"], 0) + 1
                    break
    return assigned


@dataclass(frozen=True)
class Miss:
    gold_id: str
    types: tuple[str, ...]
    evidence: str
    cause: str


@dataclass(frozen=True)
class FalsePositive:
    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    evidence: str
    cause: str


@dataclass(frozen=True)
class ArticleScore:
    true_positives: int
    system_events: int
    required: int
    found: int
    traps: tuple[str, ...]
    dates_right: int
    dates_total: int
    quotes_right: int
    quotes_total: int
    attribution_right: int
    attribution_total: int
    actors_right: int
    actors_total: int
    date_mentions_right: int = 0
    date_mentions_total: int = 0
    places_right: int = 0
    places_total: int = 0
    quantities_right: int = 0
    quantities_total: int = 0
    missed: tuple[Miss, ...] = ()
    false_positives: tuple[FalsePositive, ...] = ()
    per_type: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # tp, system, gold

    @property
    def precision(self) -> float:
        return self.true_positives / self.system_events if self.system_events else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _trap_hits(gold: JSON, events: Sequence[JSON]) -> list[str]:
    hits = []
    for trap in gold.get("not_events", []):
        key = normalise(trap["evidence"])[:40]
        forbid = trap["forbid"]
        for ev in events:
            if key not in normalise(evidence_text(ev)):
                continue
            if forbid["types"] != ["*"] and ev.get("type") not in forbid["types"]:
                continue
            if forbid.get("actor") and forbid["actor"] not in entity_countries(ev.get("actor")):
                continue
            if trap.get("allowed_only_as") and trap["allowed_only_as"] in (ev.get("aux") or []):
                continue
            hits.append(f"{trap['id']}: {ev.get('type')} | {evidence_text(ev)[:80]}")
    return hits


def _quote_found(gold_quote: JSON, quotes: Sequence[JSON]) -> bool:
    start = normalise(gold_quote["starts_with"])[:30]
    surname = normalise(gold_quote["speaker"]).split()[-1]
    for q in quotes:
        text = normalise(q.get("text"))
        if text.startswith(start) or start in text:
            speaker = q.get("speaker") or {}
            who = normalise((speaker.get("name") or "") + " " + (speaker.get("text") or ""))
            if surname in who:
                return True
    return False


def _attribution_right(gold: JSON, event: JSON) -> bool | None:
    want = gold.get("attribution")
    if not want:
        return None
    got = event.get("attribution") or {}
    if got.get("kind") != want.get("kind"):
        return False
    return want.get("count") is None or got.get("count") == want.get("count")


def _actor_right(gold_actor: JSON, entities: Sequence[JSON]) -> bool:
    text = normalise(gold_actor["text"])
    for e in entities:
        got = normalise(e.get("text"))
        same_words = bool(got) and (text in got or got in text)
        same_sector = gold_actor.get("sector") is None or e.get("sector") == gold_actor.get("sector")
        if same_words and e.get("country") == gold_actor.get("country") and same_sector:
            return True
    return False


def _same_words(gold_text: str, got_text: str | None) -> bool:
    a, b = normalise(gold_text), normalise(got_text)
    return bool(a) and bool(b) and (a in b or b in a)


def _date_value_right(gold: JSON, value: JSON | None) -> bool:
    """A gold date value ('2019-05-07', '2019-05', '2018', '2011/2019') against a resolved range."""
    if not value:
        return False
    want = str(gold.get("value", ""))
    start, end = str(value.get("start", "")), str(value.get("end", ""))
    if "/" in want:
        first, last = want.split("/", 1)
        return start.startswith(first) and end.startswith(last)
    return start.startswith(want) and end.startswith(want)


def _listed_found(golds: Sequence[JSON], found: Callable[[JSON], bool]) -> int:
    return sum(1 for g in golds if found(g))


def _mention_scores(gold: JSON, output: JSON) -> dict[str, int]:
    """Date mentions, places and quantities the gold lists, found with the right value."""
    dates, places, quantities = (output.get(k) or [] for k in ("dates", "places", "quantities"))
    gold_dates = [d for d in gold.get("dates", []) if d.get("precision") != "duration"]
    return {
        "date_mentions_right": _listed_found(gold_dates, lambda g: any(
            _same_words(g["text"], d.get("text")) and _date_value_right(g, d.get("value"))
            for d in dates)),
        "date_mentions_total": len(gold_dates),
        "places_right": _listed_found(gold.get("places", []), lambda g: any(
            _same_words(g["text"], p.get("text"))
            and (g.get("country") is None or p.get("country") == g.get("country"))
            for p in places)),
        "places_total": len(gold.get("places", [])),
        "quantities_right": _listed_found(gold.get("quantities", []), lambda g: any(
            _same_words(g["text"], q.get("text")) and q.get("value") is not None
            and abs(float(q["value"]) - float(g["value"])) < 1e-6 for q in quantities)),
        "quantities_total": len(gold.get("quantities", [])),
    }


def _miss_cause(gold: JSON, events: Sequence[JSON], all_events: Sequence[JSON]) -> str:
    """Why a required gold event was not matched, for the error report."""
    near = [e for e in all_events if _evidence_overlaps(gold, e)]
    if not near:
        return "no event on that sentence"
    if all(not is_asserted(e) for e in near):
        return "modality: coded as not asserted"
    typed = [e for e in near if e.get("type") in gold["types"]]
    if not typed:
        return "wrong type (" + ",".join(sorted({str(e.get('type')) for e in near})) + ")"
    if all(not entity_countries(e.get("actor")) for e in typed):
        return "actor unresolved"
    wanted = {c for c in gold["actor"] if c}
    if wanted and all(not (entity_countries(e.get("actor")) & wanted) for e in typed):
        return "wrong actor"
    return "wrong recipient"


def _fp_cause(event: JSON, golds: Sequence[JSON], traps: Sequence[JSON]) -> str:
    text = normalise(evidence_text(event))
    for trap in traps:
        if normalise(trap["evidence"])[:40] in text:
            return f"trap: {trap['id']}"
    near = [g for g in golds if _evidence_overlaps(g, event)]
    if not near:
        return "not an event in gold"
    if all(event.get("type") not in g["types"] for g in near):
        return "wrong type"
    return "wrong actor or recipient"


def score_article(gold: JSON, output: JSON) -> ArticleScore:
    all_events = list(output.get("events", []))
    events = [e for e in all_events if is_asserted(e)]
    assigned = assign_events(gold["events"], events)
    required = [g for g in gold["events"] if g.get("required", True)]
    matched_ids = {g["id"] for g in assigned if g}
    dates_right = dates_total = attr_right = attr_total = 0
    per_type: dict[str, list[int]] = {}
    false_positives = []
    for ev, hit in zip(events, assigned, strict=True):
        counts = per_type.setdefault(str(ev.get("type")), [0, 0, 0])
        counts[1] += 1
        if hit is None:
            false_positives.append(FalsePositive(
                str(ev.get("type")), tuple(sorted(entity_countries(ev.get("actor")))),
                tuple(sorted(entity_countries(ev.get("recipient")))), evidence_text(ev)[:120],
                _fp_cause(ev, gold["events"], gold.get("not_events", []))))
            continue
        counts[0] += 1
        if hit.get("date"):
            dates_total += 1
            got = ev.get("date") or {}
            dates_right += got.get("start") == hit["date"]["start"] and got.get("end") == hit["date"]["end"]
        right = _attribution_right(hit, ev)
        if right is not None:
            attr_total += 1
            attr_right += right
    for g in required:
        per_type.setdefault(g["types"][0], [0, 0, 0])[2] += 1
    missed = tuple(
        Miss(g["id"], tuple(g["types"]), g["evidence"][:120], _miss_cause(g, events, all_events))
        for g in required if g["id"] not in matched_ids
    )
    gold_quotes = gold.get("quotes", [])
    quotes = output.get("quotes", [])
    gold_actors = gold.get("actors", [])
    entities = output.get("entities", [])
    return ArticleScore(
        true_positives=sum(1 for a in assigned if a),
        system_events=len(events),
        required=len(required),
        found=sum(1 for g in required if g["id"] in matched_ids),
        traps=tuple(_trap_hits(gold, events)),
        dates_right=dates_right, dates_total=dates_total,
        quotes_right=sum(_quote_found(q, quotes) for q in gold_quotes),
        quotes_total=len(gold_quotes),
        attribution_right=attr_right, attribution_total=attr_total,
        actors_right=sum(_actor_right(a, entities) for a in gold_actors if "country" in a),
        actors_total=sum(1 for a in gold_actors if "country" in a),
        **_mention_scores(gold, output),
        missed=missed, false_positives=tuple(false_positives),
        per_type={k: (v[0], v[1], v[2]) for k, v in per_type.items()},
    )
