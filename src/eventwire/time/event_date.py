"""Choosing the date of one event: the date its trigger owns, or inherits from its clause.

Beyond direct ownership (see :mod:`eventwire.time.governance`), three readings are accepted,
each weaker than the one before:

* a date the parser hung on a place name right after the verb ("arrived in Pakistan Wednesday
  evening", "visited Moscow May 7") belongs to the verb;
* a clause that describes a date ("in May, when the government summoned ...") takes that date;
* a date on an occasion the trigger happens at ("at the Cabinet meeting on Tuesday, the
  government decided") dates the trigger, but only through a preposition: a date written as a
  modifier ("the 2015 nuclear deal") dates the noun, never the verb;
* an undated clause reported by a dated verb ("said on March 5 that Moscow was looking for
  guarantees") takes the report's date when its own time is the time of speaking (a present,
  a progressive, a modal or a future) rather than an earlier past.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from eventwire.model import DateMention, DateValue
from eventwire.time.governance import SpanLike, char_range, clause_chain, owner, root_token
from eventwire.time.lexicon import time_lexicon

__all__ = ["event_date", "event_date_mention", "lead_date"]

#: a lead date must lie this close before publication to be taken as the article's news day
LEAD_WINDOW_DAYS = 7
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _in_place_name(doc: Doc, token: Token) -> bool:
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ in _PLACE_LABELS:
        return True
    return any(p.start <= token.idx < p.end for p in doc._.ew_places or [])


def _date_owner(doc: Doc, mention: DateMention) -> Token | None:
    see_through = time_lexicon().time_head_nouns
    governor = owner(doc, mention.start, mention.end, see_through)
    if governor is not None and _in_place_name(doc, governor) and governor.idx < mention.start:
        # "visited Moscow May 7" parsed as a modifier of Moscow: the date is the verb's
        place = doc[governor.i:governor.i + 1]
        governor = owner(doc, place.start_char, place.end_char, see_through)
    return governor


def _occasion_owner(doc: Doc, mention: DateMention, governor: Token) -> Token | None:
    """The head above an occasion noun that carries the date through a preposition."""
    if governor.lower_ not in time_lexicon().occasion_nouns:
        return None
    root = root_token(doc, mention.start, mention.end)
    if root is None or root.dep_ not in ("pobj", "npadvmod"):
        return None
    return owner(doc, governor.idx, governor.idx + len(governor.text))


def _described_date(doc: Doc, mentions: list[DateMention], chain: list[Token]) -> DateMention | None:
    """'in May, when the government summoned ...': the clause hangs from the date itself."""
    for token in chain:
        if token.dep_ in ("relcl", "advcl", "acl"):
            head = token.head
            for mention in mentions:
                if mention.start <= head.idx < mention.end:
                    return mention
    return None


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
                                   if sent_start <= m.start and m.end <= sent_end
                                   and m.kind == "point" and m.value is not None]
    if not mentions:
        return None
    chain = clause_chain(trigger)
    levels = {tok.i: rank for rank, tok in enumerate(chain)}
    direct: list[tuple[int, int, DateMention]] = []
    occasion: list[tuple[int, int, DateMention]] = []
    for mention in mentions:
        governor = _date_owner(doc, mention)
        if governor is None:
            continue
        distance = abs(mention.start - trigger.idx)
        if governor.i in levels:
            direct.append((levels[governor.i], distance, mention))
            continue
        above = _occasion_owner(doc, mention, governor)
        if above is not None and above.i in levels:
            occasion.append((levels[above.i], distance, mention))
    if direct:
        return min(direct, key=lambda c: (c[0], c[1]))[2]
    described = _described_date(doc, mentions, chain)
    if described is not None:
        return described
    if occasion:
        return min(occasion, key=lambda c: (c[0], c[1]))[2]
    return _report_date(doc, mentions, chain[-1])


#: auxiliaries whose clause happens at (or after) the time it is told: "is/was looking",
#: "will/would meet", "can/could not accept"
_SPEAKING_TIME_AUX = frozenset({"be", "will", "would", "shall", "should", "can", "could", "must",
                                "may", "might"})
_SPEAKING_TIME_TAGS = frozenset({"VBG", "VBZ", "VBP", "VB"})


def _at_speaking_time(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" for a in auxes):
        return False  # "had violated": before the report
    if any(a.lemma_.lower() in _SPEAKING_TIME_AUX for a in auxes if a.dep_ == "aux"):
        return True
    return verb.tag_ in _SPEAKING_TIME_TAGS


def _report_date(doc: Doc, mentions: list[DateMention], top: Token) -> DateMention | None:
    if top.dep_ != "ccomp" or top.head.pos_ != "VERB" or not _at_speaking_time(top):
        return None
    report = top.head
    owned = [m for m in mentions if (g := _date_owner(doc, m)) is not None and g.i == report.i]
    return min(owned, key=lambda m: abs(m.start - report.idx)) if owned else None


def event_date(doc: Doc, sentence_span: SpanLike, trigger_span: SpanLike) -> DateValue | None:
    """The date of the event whose trigger is ``trigger_span`` (character offsets of a Span,
    TextSpan or pair) in ``sentence_span``; None when the text gives it no date."""
    mention = event_date_mention(doc, sentence_span, trigger_span)
    return mention.value if mention else None


def lead_date(doc: Doc, paragraphs: int = 2) -> DateValue | None:
    """The news day of the article: the first day-precise date in its opening sentences that
    falls within a week before publication ("... said on Monday"). Articles report their main
    event on that day, so a caller may use it for an event of the lead whose own sentence is
    undated; it is not a date the sentence states."""
    article = doc._.ew_article
    published: dt.date | None = article.published if article is not None else None
    if published is None:
        return None
    sentences = list(doc.sents)[: max(paragraphs, 1) * 2]
    if not sentences:
        return None
    limit = sentences[-1].end_char
    mentions: list[DateMention] = doc._.ew_dates or []
    for mention in mentions:
        value = mention.value
        if mention.start >= limit or mention.kind != "point" or value is None:
            continue
        if value.precision == "day" and \
                0 <= (published - value.start).days <= LEAD_WINDOW_DAYS:
            return value
    return None
