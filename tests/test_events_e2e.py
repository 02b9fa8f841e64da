"""End to end: the whole pipeline (actors, dates, quotes...) and then the event coder.

These depend on the actors component resolving plain country names; the hand-resolved unit
tests are in test_events_coder.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventwire.events.arguments import countries
from eventwire.model import Event


def _asserted(doc: Doc) -> set[tuple[str, str, str]]:
    events: list[Event] = doc._.ew_events or []
    return {
        (e.type, "+".join(sorted(countries(e.actor))), "+".join(sorted(countries(e.recipient))))
        for e in events
        if e.asserted
    }


CASES = [
    ("France expelled two Russian diplomats on Monday.", {("SANCTION", "FRA", "RUS")}),
    ("The United States imposed new sanctions on North Korea.", {("SANCTION", "USA", "PRK")}),
    ("China did not respond to a request for comment.", set()),
    ("If Turkey attacks Syria, Germany would halt arms sales.", {("THREATEN", "DEU", "")}),
    ("Kenya and Somalia agreed to restore diplomatic relations.", {("AGREE", "KEN+SOM", "")}),
    # places: a visit's destination names its recipient, a place in a discussed topic does not
    ("The French foreign minister arrived in Cairo on Monday.", {("CONSULT", "FRA", "EGY")}),
    ("France discussed the fighting in Syria on Monday.", {("CONSULT", "FRA", "")}),
    # host state of an agentless passive: a place where the summons happened
    ("The Iranian ambassador was summoned to the foreign ministry in Paris.", {("ACCUSE", "FRA", "IRN")}),
    # an attack whose attacker the sentence does not name
    ("Three Iraqi soldiers were killed near Mosul.", {("ASSAULT", "", "IRQ")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_full_pipeline(code_doc: Callable[..., Doc], text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _asserted(code_doc(text)) == expected


def test_events_carry_their_evidence_and_explanation(code_doc: Callable[..., Doc]) -> None:
    text = "Egypt condemned the Israeli airstrikes on Gaza. Egypt said it would recall its ambassador."
    doc = code_doc(text)
    events: list[Event] = doc._.ew_events
    assert events
    for ev in events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert ev.pattern_id and ev.explanation and ev.explanation[0].startswith("pattern ")
        assert ev.cameo and ev.goldstein is not None and ev.quad_class in (1, 2, 3, 4)
