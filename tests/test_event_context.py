"""Per-event attribution, date, place and denial links (``eventwire_event_context``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import DateValue, Entity, Event, TextSpan
from eventwire.sourcing.event_context import EventContext
from eventwire.sourcing.quotes import QuoteFinder
from eventwire.sourcing.sources import SourceFinder
from steps import run_steps


def parse(nlp: Language, text: str, entities: tuple[tuple[str, ...], ...] = ()) -> Doc:
    doc = nlp.make_doc(text)
    doc = run_steps(nlp, doc)
    doc._.ew_entities = [ent(text, *spec) for spec in entities]
    doc._.ew_places = []
    return SourceFinder()(QuoteFinder()(doc))


def ent(text: str, phrase: str, country: str, kind: str | None = None) -> Entity:
    start = text.index(phrase)
    return Entity(phrase, start, start + len(phrase), country, sector="GOV", kind=kind)


def event(
    text: str,
    type_: str,
    trigger: str,
    evidence: str | None = None,
    actor: tuple[str, ...] = (),
    recipient: tuple[str, ...] = (),
    **kw: Any,
) -> Event:
    """An event as the coder would write it; actor/recipient given as 'phrase=COUNTRY'."""
    ev_text = evidence or trigger
    ev_start = text.index(ev_text)
    t_start = text.index(trigger, ev_start)

    def people(specs: tuple[str, ...]) -> tuple[Entity, ...]:
        return tuple(ent(text, *spec.split("=")) for spec in specs)

    return Event(
        type=type_,
        actor=people(actor),
        recipient=people(recipient),
        evidence=TextSpan(ev_text, ev_start, ev_start + len(ev_text)),
        trigger=TextSpan(trigger, t_start, t_start + len(trigger)),
        **kw,
    )


def context(doc: Doc, events: list[Event]) -> list[Event]:
    doc._.ew_events = events
    result: list[Event] = EventContext()(doc)._.ew_events
    return result


# (text, trigger, expected attribution kind or None, count, attribution text)
ATTRIBUTION_CASES = [
    ("Egypt has closed its border with Gaza, according to three security officials.",
     "closed", "anonymous", 3, "three security officials"),
    ("Egypt has closed its border with Gaza.", "closed", None, None, None),
    ("The ministry said in a statement that Ankara had expelled the ambassador.",
     "expelled", "official", 1, "The ministry said in a statement"),
    ("According to a U.N. report, the militia attacked two villages in March.",
     "attacked", "document", 1, "a U.N. report"),
    ("Zarif said Iran would not renegotiate the deal.",
     "renegotiate", "named", 1, "Zarif said"),
    ("“We will never recognise the annexation,” Prime Minister Mark Rutte said.",
     "recognise", "named", 1, "Mark Rutte"),
    ("Officials said on condition of anonymity that Israel struck the depot.",
     "struck", "anonymous", None, "Officials said on condition of anonymity"),
    # the source's own verb is not an event it vouches for
    ("Pakistan summoned the Indian envoy on Monday, the foreign ministry said.",
     "summoned", "official", 1, "the foreign ministry said"),
    # a non-response is not an attribution
    ("Turkey expelled the envoy. The embassy declined to comment.", "expelled", None, None, None),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "count", "words"), ATTRIBUTION_CASES)
def test_attribution(
    nlp: Language, text: str, trigger: str, kind: str | None, count: int | None, words: str | None
) -> None:
    doc = parse(nlp, text)
    (got,) = context(doc, [event(text, "ASSAULT", trigger)])
    if kind is None:
        assert got.attribution is None
        return
    assert got.attribution is not None
    assert (got.attribution.kind, got.attribution.count, got.attribution.text) == (
        kind,
        count,
        words,
    )


def test_back_reference_in_next_sentence(nlp: Language) -> None:
    text = (
        "Hungary has blocked the aid package, according to two people familiar with the talks, "
        "including a senior EU diplomat. The veto was cast by Prime Minister Viktor Orban, the "
        "people said on condition of anonymity."
    )
    doc = parse(nlp, text, (("EU diplomat", "EUR"),))
    first, second = context(
        doc, [event(text, "REJECT", "blocked"), event(text, "REJECT", "veto", "The veto was cast")]
    )
    for got in (first, second):
        assert got.attribution is not None
        assert (got.attribution.kind, got.attribution.count) == ("anonymous", 2)
        assert got.attribution.country == "EUR"
    assert second.attribution is not None
    assert second.attribution.text == "the people said on condition of anonymity"


def test_quoted_event_gets_speaker_even_inside_wider_source(nlp: Language) -> None:
    text = (
        "“The strikes on Aleppo must stop,” Jens Stoltenberg, NATO’s secretary-general, said. "
        "“They will only prolong the war.”"
    )
    doc = parse(nlp, text)
    (got,) = context(doc, [event(text, "ASSAULT", "prolong")])
    assert got.attribution is not None and got.attribution.speaker is not None
    assert got.attribution.kind == "named"
    assert got.attribution.speaker.text == "Jens Stoltenberg"
    assert got.attribution.speaker.role == "NATO’s secretary-general"


def test_quoted_institution_is_official(nlp: Language) -> None:
    text = "“The embassy will close on Monday,” the Foreign Ministry said in a statement."
    doc = parse(nlp, text)
    (got,) = context(doc, [event(text, "RETREAT", "close")])
    assert got.attribution is not None
    assert (got.attribution.kind, got.attribution.count) == ("official", 1)


def test_lede_restated_on_a_source_word(nlp: Language) -> None:
    text = (
        "Armenia and Azerbaijan have agreed to a ceasefire after a week of clashes.\n\n"
        "Russia's foreign ministry confirmed that Azerbaijan accepted a truce during talks."
    )
    doc = parse(nlp, text)
    lede, restated = context(
        doc,
        [
            event(text, "AGREE", "agreed", actor=("Armenia=ARM", "Azerbaijan=AZE")),
            event(text, "AGREE", "accepted", actor=("Azerbaijan=AZE",)),
        ],
    )
    assert restated.attribution is not None and restated.attribution.kind == "official"
    assert lede.attribution == restated.attribution


def test_unrelated_lede_stays_unsourced(nlp: Language) -> None:
    text = (
        "Armenia and Azerbaijan have agreed to a ceasefire after a week of clashes.\n\n"
        "Russia's foreign ministry confirmed that Iran accepted a truce during talks."
    )
    doc = parse(nlp, text)
    lede, _ = context(
        doc,
        [
            event(text, "AGREE", "agreed", actor=("Armenia=ARM", "Azerbaijan=AZE")),
            event(text, "AGREE", "accepted", actor=("Iran=IRN",)),
        ],
    )
    assert lede.attribution is None


def test_quoted_spokesperson_is_official(nlp: Language) -> None:
    text = 'A spokesperson for the army said: "Our troops will withdraw from the valley."'
    doc = parse(nlp, text)
    (got,) = context(doc, [event(text, "RETREAT", "withdraw")])
    assert got.attribution is not None and got.attribution.kind == "official"


def test_narrowest_scope_wins(nlp: Language) -> None:
    text = "Lavrov said Kyiv had violated the truce, according to the TASS news agency."
    doc = parse(nlp, text, (("Lavrov", "RUS", "person"), ("TASS", "RUS", "organization")))
    (got,) = context(doc, [event(text, "ASSAULT", "violated")])
    assert got.attribution is not None
    assert (got.attribution.kind, got.attribution.text) == ("named", "Lavrov said")


DENIAL_TEXT = (
    "President Biden agreed to send more troops after the U.S. blamed Iran for attacks on "
    "oil tankers. Iranian officials have denied any involvement in the attacks."
)


def denial_events(**denial: Any) -> list[Event]:
    t = DENIAL_TEXT
    return [
        event(t, "MOBILIZE", "send", actor=("Biden=USA",)),
        event(t, "ACCUSE", "blamed", actor=("U.S.=USA",), recipient=("Iran=IRN",)),
        event(t, "REJECT", "denied", "Iranian officials have denied any involvement in the attacks.",
              actor=("Iranian officials=IRN",), **denial),
    ]


@pytest.mark.parametrize("denial", [{}, {"cameo": "016"}])
def test_denial_answers_accusation(nlp: Language, denial: dict[str, Any]) -> None:
    doc = parse(nlp, DENIAL_TEXT)
    events = context(doc, denial_events(**denial))
    assert events[2].responds_to == 1
    assert [e.country for e in events[2].recipient] == ["USA"]
    assert events[0].responds_to is None and events[1].responds_to is None


def test_denial_keeps_its_own_recipient(nlp: Language) -> None:
    doc = parse(nlp, DENIAL_TEXT)
    events = context(doc, denial_events(recipient=("U.S.=USA",)))
    assert events[2].responds_to == 1
    assert [e.text for e in events[2].recipient] == ["U.S."]


@pytest.mark.parametrize(
    ("text", "accuse", "reject"),
    [
        # a rejected request is not a denial
        ("Britain accused Russia of hacking. Russia rejected a British request for talks.",
         ("accused", ("Britain=GBR",), ("Russia=RUS",)),
         ("rejected", ("Russia=RUS",), ())),
        # the accusation comes after the denial
        ("Russia denied any involvement in the attack. Later Britain accused Russia of it.",
         ("accused", ("Britain=GBR",), ("Russia=RUS",)),
         ("denied", ("Russia=RUS",), ())),
        # nobody in the accusation is the denier or the one answered
        ("France accused Mali of abuses. Chad denied any involvement in the attack.",
         ("accused", ("France=FRA",), ("Mali=MLI",)),
         ("denied", ("Chad=TCD",), ())),
    ],
)
def test_no_denial_link(
    nlp: Language,
    text: str,
    accuse: tuple[str, tuple[str, ...], tuple[str, ...]],
    reject: tuple[str, tuple[str, ...], tuple[str, ...]],
) -> None:
    doc = parse(nlp, text)
    sentence = [s.text for s in doc.sents]
    got = context(
        doc,
        [
            event(text, "ACCUSE", accuse[0], actor=accuse[1], recipient=accuse[2]),
            event(text, "REJECT", reject[0], next(s for s in sentence if reject[0] in s),
                  actor=reject[1], recipient=reject[2]),
        ],
    )
    assert [e.responds_to for e in got] == [None, None]
    assert got[1].recipient == tuple(ent(text, *r.split("=")) for r in reject[2])


def test_date_and_place_come_from_the_time_and_place_steps(code_doc: Callable[..., Doc]) -> None:
    text = "Russian forces shelled Kharkiv on March 5 and later withdrew."
    doc = code_doc(text, published="2024-03-10")
    (shelled,) = context(doc, [event(text, "ASSAULT", "shelled")])
    assert shelled.date == DateValue(dt.date(2024, 3, 5), dt.date(2024, 3, 5), "day", "March 5")
    assert shelled.location is not None and shelled.location.country == "UKR"


LEAD = ("Kenya said on Saturday it would expel Somalia's ambassador. "
        "Kenya also recalled its own envoy from Mogadishu. " + "Nothing else happened. " * 5
        + "Kenya recalled an envoy from Somalia.")


def test_an_undated_lead_event_takes_the_news_day(code_doc: Callable[..., Doc]) -> None:
    doc = code_doc(LEAD, published="2019-02-18")
    lead_recall = LEAD.index("recalled")
    late_recall = LEAD.rindex("recalled")
    recalled, later = context(doc, [
        event(LEAD, "SANCTION", "recalled"),
        Event("SANCTION", (), (), TextSpan(LEAD[late_recall:], late_recall, len(LEAD)),
              TextSpan("recalled", late_recall, late_recall + 8)),
    ])
    assert recalled.trigger.start == lead_recall
    assert recalled.date is not None and recalled.date.start == dt.date(2019, 2, 16)
    assert recalled.date.text is not None and "news day" in recalled.date.text
    assert later.date is None  # past the lead: no date is stated, none is given


def test_a_historical_lead_event_keeps_no_date(code_doc: Callable[..., Doc]) -> None:
    doc = code_doc(LEAD, published="2019-02-18")
    (recalled,) = context(doc, [event(LEAD, "SANCTION", "recalled", aux=("historical",))])
    assert recalled.date is None


def test_no_events(nlp: Language) -> None:
    doc = parse(nlp, "Nothing happened.")
    doc._.ew_events = None
    assert EventContext()(doc)._.ew_events == []
