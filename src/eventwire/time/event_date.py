"""Choosing the date of one event: the date its trigger owns, or inherits from its clause."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import DateMention, DateValue
from eventwire.time.governance import SpanLike, char_range, clause_chain, owner, root_token

__all__ = ["event_date", "event_date_mention"]


def event_date_mention(doc: Doc, sentence_span: SpanLike,
                       trigger_span: SpanLike) -> DateMention | None:
    """The point date mention in the sentence that dates the trigger, if any.

    Durations ("eight years of civil war") and dates owned by another word ("the 2015 nuclear
    deal" dates the deal, not "defending") are never chosen.
    """
    sent_start, sent_end = char_range(sentence_span)
    trig_start, trig_end = char_range(trigger_span)
    trigger = root_token(doc, trig_start, trig_end)
    if trigger is None:
        return None
    mentions: list[DateMention] = [m for m in (doc._.ew_dates or [])
                if sent_start <= m.start and m.end <= sent_end and m.kind == "point"
                and m.value is not None]
    if not mentions:
        return None
    owners = {id(m): owner(doc, m.start, m.end) for m in mentions}
    for level in clause_chain(trigger):
        owned = [m for m in mentions if (tok := owners[id(m)]) is not None and tok.i == level.i]
        if owned:
            return min(owned, key=lambda m: abs(m.start - trigger.idx))
    return None


def event_date(doc: Doc, sentence_span: SpanLike, trigger_span: SpanLike) -> DateValue | None:
    """The date of the event whose trigger is ``trigger_span`` (character offsets of a Span,
    TextSpan or pair) in ``sentence_span``; None when the text gives it no date."""
    mention = event_date_mention(doc, sentence_span, trigger_span)
    return mention.value if mention else None
