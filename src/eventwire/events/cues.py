"""Loads the modality and non-event cues (data/events/cues.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.events.cameo import DATA_DIR
from eventwire.events.errors import PatternFileError
from eventwire.events.yamlfile import read_mapping

__all__ = ["Cues", "load_cues"]


@dataclass(frozen=True)
class Cues:
    recipient_preps: frozenset[str]
    conditional_marks: frozenset[str]
    conditional_phrases: tuple[str, ...]
    speculative_modals: frozenset[str]
    speculative_heads: frozenset[str]
    speculative_modifiers: frozenset[str]
    future_modals: frozenset[str]
    future_heads: frozenset[str]
    future_modifiers: frozenset[str]
    future_to_agree: frozenset[str]
    future_to_threaten: frozenset[str]
    negation_words: frozenset[str]
    negation_heads: frozenset[str]
    transparent_heads: frozenset[str]
    opinion_heads: frozenset[str]
    non_response: tuple[re.Pattern[str], ...]
    historical_days: int
    absorbing_types: frozenset[str]
    intent_heads: frozenset[str]
    negated_future_to_reject: frozenset[str]
    reporting_heads: frozenset[str]
    backshifted_modals: frozenset[str]
    obligation_modals: frozenset[str]
    light_verbs: frozenset[str]
    conditional_threat_types: frozenset[str]
    negated_to_reject: frozenset[str]
    intent_to_threaten: frozenset[str]
    pledge_verbs: frozenset[str]
    future_nouns: frozenset[str]
    speculative_nouns: frozenset[str]
    requires_recipient: frozenset[str]
    stative_participles: frozenset[str]
    #: pattern ids of acts a host state does to a foreign envoy or national (host.py)
    host_state_acts: frozenset[str] = frozenset()
    #: nouns of issued texts whose participle is their issuer's act ("a statement CONDEMNING")
    statement_nouns: frozenset[str] = frozenset()
    #: types coded with an empty actor when an agentless passive names only the victim
    unnamed_actor_types: frozenset[str] = frozenset()
    #: verbs whose subject undergoes the act named by their object ("was subjected to an attack")
    undergo_verbs: frozenset[str] = frozenset()
    #: things that do violence without being anyone ("a roadside bomb killed", "killed by a mine")
    violent_instruments: frozenset[str] = frozenset()
    #: wrongs that, told on a reporting speaker's word, are that speaker's accusation of the doer
    reported_wrong_types: frozenset[str] = frozenset()
    #: pattern ids of drills that are military cooperation when several parties hold them
    joint_when_shared: frozenset[str] = frozenset()
    #: words that call a claim false ("the reports were BASELESS", "FABRICATED")
    falsity_words: frozenset[str] = frozenset()
    #: pattern ids of withdrawals that expel when the forces withdrawn are another party's
    expelled_if_foreign: frozenset[str] = frozenset()
    #: verbs of material preparation ("the army PREPARED to resume shelling"): force being
    #: readied is a military move, where a stated readiness ("is prepared to") is a threat
    preparation_verbs: frozenset[str] = frozenset()
    #: forceful acts whose material preparation is a military move (PLOVER MOBILIZE)
    prepared_to_mobilize: frozenset[str] = frozenset()


def _set(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(v).lower() for v in data.get(key) or ())


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    path = DATA_DIR / "cues.yaml"
    data = read_mapping(path)
    try:
        patterns = tuple(re.compile(p, re.IGNORECASE) for p in data.get("non_response") or ())
    except re.error as exc:
        raise PatternFileError(str(path), f"bad non_response expression: {exc}") from exc
    return Cues(
        recipient_preps=_set(data, "recipient_preps"),
        conditional_marks=_set(data, "conditional_marks"),
        conditional_phrases=tuple(str(p).lower() for p in data.get("conditional_phrases") or ()),
        speculative_modals=_set(data, "speculative_modals"),
        speculative_heads=_set(data, "speculative_heads"),
        speculative_modifiers=_set(data, "speculative_modifiers"),
        future_modals=_set(data, "future_modals"),
        future_heads=_set(data, "future_heads"),
        future_modifiers=_set(data, "future_modifiers"),
        future_to_agree=frozenset(str(v) for v in data.get("future_to_agree") or ()),
        future_to_threaten=frozenset(str(v) for v in data.get("future_to_threaten") or ()),
        negation_words=_set(data, "negation_words"),
        negation_heads=_set(data, "negation_heads"),
        transparent_heads=_set(data, "transparent_heads"),
        opinion_heads=_set(data, "opinion_heads"),
        non_response=patterns,
        historical_days=int(data.get("historical_days", 730)),
        absorbing_types=frozenset(str(v) for v in data.get("absorbing_types") or ()),
        intent_heads=_set(data, "intent_heads"),
        negated_future_to_reject=frozenset(str(v) for v in data.get("negated_future_to_reject") or ()),
        reporting_heads=_set(data, "reporting_heads"),
        backshifted_modals=_set(data, "backshifted_modals"),
        obligation_modals=_set(data, "obligation_modals"),
        light_verbs=_set(data, "light_verbs"),
        conditional_threat_types=frozenset(str(v) for v in data.get("conditional_threat_types") or ()),
        negated_to_reject=frozenset(str(v) for v in data.get("negated_to_reject") or ()),
        intent_to_threaten=frozenset(str(v) for v in data.get("intent_to_threaten") or ()),
        pledge_verbs=_set(data, "pledge_verbs"),
        future_nouns=_set(data, "future_nouns"),
        speculative_nouns=_set(data, "speculative_nouns"),
        requires_recipient=frozenset(str(v) for v in data.get("requires_recipient") or ()),
        stative_participles=_set(data, "stative_participles"),
        host_state_acts=_set(data, "host_state_acts"),
        statement_nouns=_set(data, "statement_nouns"),
        unnamed_actor_types=frozenset(str(v) for v in data.get("unnamed_actor_types") or ()),
        undergo_verbs=_set(data, "undergo_verbs"),
        violent_instruments=_set(data, "violent_instruments"),
        reported_wrong_types=frozenset(str(v) for v in data.get("reported_wrong_types") or ()),
        expelled_if_foreign=_set(data, "expelled_if_foreign"),
        falsity_words=_set(data, "falsity_words"),
        joint_when_shared=_set(data, "joint_when_shared"),
        preparation_verbs=_set(data, "preparation_verbs"),
        prepared_to_mobilize=frozenset(str(v) for v in data.get("prepared_to_mobilize") or ()),
    )
