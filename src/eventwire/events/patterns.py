"""Loads the verb and noun patterns (data/events/verbs.yaml, nouns.yaml) into frozen, indexed form."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from eventwire.events.cameo import DATA_DIR, cameo_row
from eventwire.events.errors import PatternFileError
from eventwire.events.yamlfile import flag, read_mapping
from eventwire.model import EVENT_TYPES

#: the type of a pattern that marks words as no event at all ("warn of")
NOT_AN_EVENT = "none"

__all__ = [
    "NOT_AN_EVENT",
    "NounPattern",
    "VerbPattern",
    "load_noun_patterns",
    "load_verb_patterns",
    "noun_index",
    "verb_index",
]


@dataclass(frozen=True)
class VerbPattern:
    id: str
    lemma: str
    #: words after the verb that must attach to it ("turn *down*", "call *on*")
    extra: tuple[str, ...]
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    objects: frozenset[str]
    preps: frozenset[str]
    absorb: bool
    recipient_preps: frozenset[str] | None
    #: the act is the reporting speaker's, aimed at the clause's subject ("X said Y would face
    #: serious consequences": X threatens Y)
    speaker_acts: bool = False
    #: the direct object is what the act is about, never its counterpart ("discussed Iran's role
    #: in Syria": Syria is a topic)
    topic_object: bool = False
    #: the act repeats the one told before ("Egypt FOLLOWED SUIT"): coded as that act's type
    inherits: bool = False

    @property
    def specificity(self) -> int:
        return len(self.extra) + (2 if self.objects else 0) + (1 if self.preps else 0)


@dataclass(frozen=True)
class NounPattern:
    id: str
    #: last word of the noun phrase (the head), and the words before it ("air *strikes*")
    lemma: str
    before: tuple[str, ...]
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    actor_preps: frozenset[str]
    recipient_preps: frozenset[str]
    of_role: str | None
    between: bool


def _read_yaml(name: str) -> dict[str, Any]:
    return read_mapping(DATA_DIR / name)


def _coding(raw: Mapping[str, Any], source: str) -> tuple[str, str | None, tuple[str, ...], str]:
    """PLOVER type, mode, context and CAMEO code of a pattern, CAMEO defaults filled in."""
    pid = raw.get("id", "?")
    code = str(raw.get("cameo", "")).strip()
    row = cameo_row(code) if code else None
    if row is None:
        raise PatternFileError(source, f"pattern {pid}: unknown CAMEO code {code!r}")
    typ = raw.get("type") or row.type
    if str(typ).lower() == NOT_AN_EVENT:
        typ = NOT_AN_EVENT
    elif typ not in EVENT_TYPES:
        raise PatternFileError(source, f"pattern {pid}: {typ!r} is not a PLOVER type")
    mode = raw.get("mode", row.mode)
    context = tuple(raw["context"]) if "context" in raw else row.context
    return str(typ), mode, context, code


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (values or ()))


@lru_cache(maxsize=1)
def load_verb_patterns() -> tuple[VerbPattern, ...]:
    source = str(DATA_DIR / "verbs.yaml")
    data = _read_yaml("verbs.yaml")
    out: list[VerbPattern] = []
    seen: set[str] = set()
    for raw in data.get("patterns", []):
        pid = raw.get("id")
        if not pid or pid in seen:
            raise PatternFileError(source, f"missing or duplicate pattern id {pid!r}")
        seen.add(pid)
        typ, mode, context, code = _coding(raw, source)
        rpreps = raw.get("recipient_preps")
        for phrase in raw.get("verbs", []):
            words = str(phrase).lower().split()
            out.append(
                VerbPattern(
                    id=pid,
                    lemma=words[0],
                    extra=tuple(words[1:]),
                    type=typ,
                    mode=mode,
                    context=context,
                    cameo=code,
                    objects=_words(raw.get("object")),
                    preps=_words(raw.get("prep")),
                    absorb=raw.get("embedded") == "absorb",
                    speaker_acts=flag(raw.get("speaker_acts", False)),
                    topic_object=flag(raw.get("topic_object", False)),
                    inherits=flag(raw.get("inherits", False)),
                    recipient_preps=_words(rpreps) if rpreps is not None else None,
                )
            )
    out.extend(_imported_verbs({p.lemma for p in out}))
    return tuple(out)


def _imported_verbs(hand: set[str]) -> list[VerbPattern]:
    """Bare-verb patterns from the CAMEO verb dictionary's synonym sets (cameo_verbs.tsv, built by
    ``build_cameo_verbs``), for verbs the hand-written file does not know.  Root-level synsets
    (codes ending in 0: "040 consult", "190 fight") are WordNet-wide and name too many everyday
    verbs ("go", "think", "break"), so only specific codes are taken, minus the stop list."""
    data = _read_yaml("cues.yaml")
    stop = _words(data.get("imported_verb_stoplist"))
    for key in ("speculative_heads", "future_heads", "reporting_heads", "opinion_heads",
                "transparent_heads", "light_verbs", "negation_heads", "intent_heads"):
        stop |= _words(data.get(key))
    out: list[VerbPattern] = []
    path = DATA_DIR / "cameo_verbs.tsv"
    with path.open(encoding="utf-8") as fh:
        for raw in csv.DictReader(fh, delimiter="\t"):
            verb, code = raw["verb"].strip().lower(), raw["cameo"].strip()
            if code.endswith("0") or verb in hand or verb in stop:
                continue
            row = cameo_row(code)
            if row is None or row.type not in EVENT_TYPES:
                continue
            out.append(
                VerbPattern(
                    id=f"cameo.{verb}.{code}", lemma=verb, extra=(), type=row.type, mode=row.mode,
                    context=row.context, cameo=code, objects=frozenset(), preps=frozenset(),
                    absorb=row.type in ("AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"),
                    recipient_preps=None,
                )
            )
    return out


@lru_cache(maxsize=1)
def load_noun_patterns() -> tuple[NounPattern, ...]:
    source = str(DATA_DIR / "nouns.yaml")
    data = _read_yaml("nouns.yaml")
    defaults = data.get("defaults", {})
    out: list[NounPattern] = []
    for raw in data.get("nouns", []):
        typ, mode, context, code = _coding(raw, source)
        of_role = raw.get("of")
        if of_role not in (None, "actor", "recipient"):
            raise PatternFileError(source, f"pattern {raw.get('id')}: 'of' must be actor or recipient")
        for phrase in raw.get("nouns", []):
            words = str(phrase).lower().split()
            out.append(
                NounPattern(
                    id=str(raw["id"]),
                    lemma=words[-1],
                    before=tuple(words[:-1]),
                    type=typ,
                    mode=mode,
                    context=context,
                    cameo=code,
                    actor_preps=_words(raw.get("actor_preps", defaults.get("actor_preps"))),
                    recipient_preps=_words(raw.get("recipient_preps", defaults.get("recipient_preps"))),
                    of_role=of_role,
                    between=flag(raw.get("between", False)),
                )
            )
    return tuple(out)


@lru_cache(maxsize=1)
def verb_index() -> Mapping[str, tuple[VerbPattern, ...]]:
    index: dict[str, list[VerbPattern]] = {}
    for p in load_verb_patterns():
        index.setdefault(p.lemma, []).append(p)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


@lru_cache(maxsize=1)
def noun_index() -> Mapping[str, tuple[NounPattern, ...]]:
    index: dict[str, list[NounPattern]] = {}
    for p in load_noun_patterns():
        index.setdefault(p.lemma, []).append(p)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})
