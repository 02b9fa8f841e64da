"""Wrongs told on another party's word: "Saudi Arabia said Iranian officials had IGNORED its calls",
"India said Pakistan VIOLATED the ceasefire" are, before anything else, the speaker's accusation
against the doer (CAMEO 112 "accuse", the convention of the project's gold annotation): the
speaker is a party of its own, not a neutral source."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.events.arguments import EntityIndex, countries, subject_token
from eventwire.events.cameo import cameo_row
from eventwire.events.cues import Cues
from eventwire.events.modality import modality, published_date
from eventwire.events.triggers import Trigger
from eventwire.model import Event, TextSpan
from eventwire.nlp.text import doc_text

__all__ = ["ACCUSE_CAMEO", "reported_accusation"]

#: CAMEO "accuse" (PLOVER ACCUSE, mode allege)
ACCUSE_CAMEO = "112"


def reported_accusation(
    doc: Doc, sent: Span, trig: Trigger, event: Event, index: EntityIndex, cues: Cues
) -> Event | None:
    """The speaker's accusation when ``event`` is a wrong (a type of ``cues.reported_wrong_types``)
    asserted only on the word of a reporting speaker who is not its doer."""
    if event.type not in cues.reported_wrong_types or not event.asserted:
        return None
    mod = modality(doc[trig.head], trig.kind == "noun", cues, doc._.ew_dates, published_date(doc))
    if mod.reported_by is None:
        return None
    reporter = doc[mod.reported_by]
    speaker, via = subject_token(reporter)
    if speaker is None:
        return None
    ents, _ = index.phrase(speaker)
    said_by, doers, wronged = countries(ents), countries(event.actor), countries(event.recipient)
    if not said_by or not doers or said_by & doers:
        return None  # a party telling of its own act, or a speaker the coder cannot place
    if wronged and not said_by & wronged:
        return None  # a third party's word ("Thai police said") is a news source, not a complaint
    if not wronged and reporter.i > trig.head:
        return None  # "..., officials said": an attribution after the fact sources the news
    row = cameo_row(ACCUSE_CAMEO)
    text = doc_text(doc)
    start, end = reporter.idx, reporter.idx + len(reporter.text)
    return Event(
        type="ACCUSE",
        actor=ents,
        recipient=event.actor,
        evidence=TextSpan(sent.text, sent.start_char, sent.end_char),
        trigger=TextSpan(text[start:end], start, end),
        mode=row.mode if row else None,
        context=event.context,
        cameo=ACCUSE_CAMEO,
        goldstein=row.goldstein if row else None,
        quad_class=row.quad_class if row else None,
        pattern_id=f"{event.pattern_id}+reported",
        explanation=event.explanation + (f"told by {via} '{speaker.text}' of '{reporter.text}': their accusation",),
    )
