"""``eventwire_event_context``: each event's attribution, date and place, and denial links.

Runs after ``eventwire_events``. An event inside a direct quotation is on its speaker's word;
otherwise on the word of the narrowest sourcing phrase whose scope covers the event's trigger
(an opening "X happened, according to two people ..." covers its sentence); with neither the
outlet asserts it itself (attribution None). Dates and places come from the time and place
packages; an undated event of the article's lead takes the lead's news day (the day the lead
says its story happened, within a week before publication), since a lede reports that story.
A denial gets ``responds_to`` = the accusation it answers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Attribution, DateValue, Event, Quote, Source, TextSpan
from eventwire.nlp.text import doc_text
from eventwire.place import event_location
from eventwire.sourcing.classify import source_kind
from eventwire.sourcing.denials import link_denials
from eventwire.sourcing.quotes import quote_at
from eventwire.time import event_date, lead_date

__all__ = [
    "EventContext",
    "attribution_for",
    "inherit_restated",
    "make_event_context",
    "sentence_of",
]

_ATTRIBUTING = frozenset({"named", "anonymous", "official", "document"})


def _anchor(event: Event) -> int:
    if event.trigger.end > event.trigger.start:
        return event.trigger.start
    return event.evidence.start


def _from_quote(quote: Quote) -> Attribution | None:
    speaker = quote.speaker
    if speaker is None:
        return None
    words = quote.speaker_span.text if quote.speaker_span is not None else speaker.text
    # a direct quotation is one voice, whoever it is
    return Attribution(source_kind(speaker), words, 1, speaker=speaker, country=speaker.country)


def _from_source(source: Source) -> Attribution:
    country = source.country or (source.speaker.country if source.speaker else None)
    return Attribution(source.kind, source.text, source.count, source.speaker, country)


def attribution_for(
    event: Event, quotes: Sequence[Quote] | None, sources: Sequence[Source] | None
) -> Attribution | None:
    """On whose word the article reports ``event``; None when the outlet asserts it."""
    anchor = _anchor(event)
    quote = quote_at(list(quotes or []), anchor)
    if quote is not None:
        found = _from_quote(quote)
        if found is not None:
            return found
    covering = [
        s
        for s in sources or []
        if s.kind in _ATTRIBUTING
        and s.scope_start is not None
        and s.scope_end is not None
        and s.scope_start <= anchor < s.scope_end
        and not (s.start <= anchor < s.end)
    ]
    if not covering:
        return None
    narrowest = min(covering, key=lambda s: ((s.scope_end or 0) - (s.scope_start or 0), s.start))
    return _from_source(narrowest)


def sentence_of(doc: Doc, offset: int, fallback: TextSpan) -> TextSpan:
    """The sentence holding character ``offset`` (``fallback`` when the Doc has no sentences)."""
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return fallback
    for sent in doc.sents:
        if sent.start_char <= offset < sent.end_char:
            # the Doc's text sliced: Span.text would make a Token per word
            return TextSpan(doc_text(doc)[sent.start_char : sent.end_char], sent.start_char,
                            sent.end_char)
    return fallback


#: sentences from the top of the article that count as its lead
LEAD_SENTENCES = 4


def _in_lead(doc: Doc, offset: int) -> bool:
    return _sentence_index(doc, offset) <= LEAD_SENTENCES


def _with_context(doc: Doc, event: Event, news_day: DateValue | None) -> Event:
    attribution = attribution_for(event, doc._.ew_quotes, doc._.ew_sources)
    sentence = sentence_of(doc, _anchor(event), event.evidence)
    date = event_date(doc, sentence, event.trigger)
    if (date is None and event.date is None and news_day is not None
            and "historical" not in event.aux and _in_lead(doc, _anchor(event))):
        date = dataclasses.replace(news_day, text=f"news day: {news_day.text or news_day.start}")
    location = event_location(doc, sentence, event.trigger)
    return dataclasses.replace(
        event,
        attribution=attribution if attribution is not None else event.attribution,
        date=date if date is not None else event.date,
        location=location if location is not None else event.location,
    )


def _countries(event: Event) -> frozenset[str]:
    return frozenset(e.country for e in event.actor if e.country)


def _restates(later: Event, earlier: Event) -> bool:
    return later.type == earlier.type and bool(_countries(later) & _countries(earlier))


def _sentence_index(doc: Doc, offset: int) -> int:
    return sum(1 for s in doc.sents if s.start_char <= offset) if doc.has_annotation("DEP") else 0


def inherit_restated(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """An unsourced sentence that the next two sentences restate on someone's word ('X and Y
    agreed to a ceasefire.' ... 'Qatar's foreign ministry confirmed that both accepted a truce')
    is on that word too: a lede summarises what its sources say."""
    out = list(events)
    where = [_sentence_index(doc, _anchor(e)) for e in out]
    for i, event in enumerate(out):
        if event.attribution is not None:
            continue
        for j, later in enumerate(out):
            if (
                later.attribution is not None
                and later.attribution.kind in _ATTRIBUTING
                and 0 < where[j] - where[i] <= 2
                and _restates(later, event)
            ):
                out[i] = dataclasses.replace(event, attribution=later.attribution)
                break
    return out


class EventContext:
    def __call__(self, doc: Doc) -> Doc:
        news_day = lead_date(doc)
        events = [_with_context(doc, event, news_day) for event in doc._.ew_events or []]
        doc._.ew_events = link_denials(doc, inherit_restated(doc, events))
        return doc


@Language.factory("eventwire_event_context")
def make_event_context(nlp: Language, name: str) -> EventContext:
    return EventContext()
