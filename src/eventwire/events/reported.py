"""Wrongs told on a party's word.

Told by the wronged party ("Saudi Arabia said Iranian officials had IGNORED its calls", "India
said Pakistan VIOLATED the ceasefire"), a wrong is also the speaker's accusation of the doer (CAMEO
112 "accuse", the convention of the project's gold annotation): the speaker is a party, not a
neutral source.  Denied by the doer ("Moscow says it NEVER strayed into Turkish airspace"), it is
a rejection of the charge (CAMEO 016 "deny responsibility", PLOVER REJECT); so is calling a claim
false ("Qatar maintained that the comments were MADE UP")."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from eventwire.events.arguments import EntityIndex, countries, subject_token
from eventwire.events.cameo import cameo_row
from eventwire.events.cues import Cues
from eventwire.events.modality import modality, published_date
from eventwire.events.triggers import Trigger
from eventwire.model import Entity, Event, TextSpan
from eventwire.nlp.lexical import tokens_with_lemma, tokens_with_lower
from eventwire.nlp.text import doc_text

__all__ = ["ACCUSE_CAMEO", "DENY_CAMEO", "falsity_denials", "reported_accusation", "reported_denial"]

#: CAMEO "accuse" (PLOVER ACCUSE, mode allege)
ACCUSE_CAMEO = "112"
#: CAMEO "deny responsibility" (PLOVER REJECT)
DENY_CAMEO = "016"


def _teller(
    doc: Doc, trig: Trigger, index: EntityIndex, cues: Cues
) -> tuple[Token, Token, str, tuple[Entity, ...]] | None:
    """The reporting verb an event is told under, its subject, how the subject was found, and
    the subject's entities; None when the event is not reported speech or names no teller."""
    mod = modality(doc[trig.head], trig.kind == "noun", cues, doc._.ew_dates, published_date(doc))
    if mod.reported_by is None:
        return None
    reporter = doc[mod.reported_by]
    speaker, via = subject_token(reporter)
    if speaker is None:
        return None
    ents, _ = index.phrase(speaker)
    return reporter, speaker, via, tuple(ents)


def reported_accusation(
    doc: Doc, sent: Span, trig: Trigger, event: Event, index: EntityIndex, cues: Cues
) -> Event | None:
    """The speaker's accusation when ``event`` is a wrong (a type of ``cues.reported_wrong_types``)
    asserted only on the word of a reporting speaker who is not its doer."""
    if event.type not in cues.reported_wrong_types or not event.asserted:
        return None
    told = _teller(doc, trig, index, cues)
    if told is None:
        return None
    reporter, speaker, via, ents = told
    said_by, doers, wronged = countries(ents), countries(event.actor), countries(event.recipient)
    if not said_by or not doers or said_by & doers:
        return None  # a party telling of its own act, or a speaker the coder cannot place
    if wronged and not said_by & wronged:
        return None  # a third party's word ("Thai police said") is a news source, not a complaint
    if not wronged and reporter.i > trig.head:
        return None  # "..., officials said": an attribution after the fact sources the news
    return _claim(doc, sent, reporter, event, "ACCUSE", ACCUSE_CAMEO, ents, event.actor,
                  f"told by {via} '{speaker.text}' of '{reporter.text}': their accusation")


def reported_denial(
    doc: Doc, sent: Span, trig: Trigger, event: Event, index: EntityIndex, cues: Cues
) -> Event | None:
    """ "Moscow says it NEVER strayed into Turkish airspace": a doer saying it did not do a wrong
    denies it (CAMEO 016, PLOVER REJECT); whom it answers the sentence does not say."""
    if event.type not in cues.reported_wrong_types or "negation" not in event.aux or "hypothetical" in event.aux:
        return None
    told = _teller(doc, trig, index, cues)
    if told is None:
        return None
    reporter, speaker, via, ents = told
    said_by = countries(ents)
    if not said_by or not said_by & countries(event.actor):
        return None  # only the doer's own word is a denial
    return _claim(doc, sent, reporter, event, "REJECT", DENY_CAMEO, ents, (),
                  f"denied by {via} '{speaker.text}' of '{reporter.text}'")


_FALSITY_KEY = "eventwire.events.falsity_candidates"


def _falsity_candidates(doc: Doc, cues: Cues) -> list[int]:
    """The tokens of ``doc`` that may call a claim false, found once per Doc from its arrays."""
    found: list[int] | None = doc.user_data.get(_FALSITY_KEY)
    if found is None:
        words = cues.falsity_words
        found = sorted(set(tokens_with_lower(doc, words))
                       | set(tokens_with_lemma(doc, words | {"make"})))
        doc.user_data[_FALSITY_KEY] = found
    return found


def _in_sentence(indices: list[int], sent: Span) -> list[int]:
    return indices[bisect_left(indices, sent.start) : bisect_left(indices, sent.end)]


def falsity_denials(doc: Doc, sent: Span, index: EntityIndex, cues: Cues) -> list[Event]:
    """ "Qatar maintained that the comments were MADE UP", "Iran said the reports were BASELESS":
    a speaker calling a claim false denies it (CAMEO 016, PLOVER REJECT)."""
    out: list[Event] = []
    for i in _in_sentence(_falsity_candidates(doc, cues), sent):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        made_up = lemma == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
        if tok.lower_ in cues.falsity_words and tok.dep_ in ("acomp", "attr"):
            clause = tok.head
        elif (lemma in cues.falsity_words or made_up) and tok.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in tok.children
        ):
            clause = tok
        else:
            continue
        if any(c.dep_ == "neg" for c in (*clause.children, *tok.children)):
            continue  # "were not made up" confirms
        reporter = clause.head
        if clause.dep_ != "ccomp" or reporter.lemma_.lower() not in cues.reporting_heads:
            continue
        speaker, via = subject_token(reporter)
        if speaker is None:
            continue
        ents, _ = index.phrase(speaker)
        if not countries(ents):
            continue
        row = cameo_row(DENY_CAMEO)
        text = doc_text(doc)
        start, end = tok.idx, tok.idx + len(tok.text)
        out.append(Event(
            type="REJECT",
            actor=ents,
            recipient=(),
            evidence=TextSpan(sent.text, sent.start_char, sent.end_char),
            trigger=TextSpan(text[start:end], start, end),
            cameo=DENY_CAMEO,
            goldstein=row.goldstein if row else None,
            quad_class=row.quad_class if row else None,
            pattern_id="reject.called_false",
            explanation=(f"'{tok.text}' said of a claim by {via} '{speaker.text}' of '{reporter.text}': a denial",),
        ))
    return out


def _claim(
    doc: Doc,
    sent: Span,
    reporter: Token,
    event: Event,
    typ: str,
    cameo: str,
    actor: tuple[Entity, ...],
    recipient: tuple[Entity, ...],
    why: str,
) -> Event:
    row = cameo_row(cameo)
    text = doc_text(doc)
    start, end = reporter.idx, reporter.idx + len(reporter.text)
    return Event(
        type=typ,
        actor=actor,
        recipient=recipient,
        evidence=TextSpan(sent.text, sent.start_char, sent.end_char),
        trigger=TextSpan(text[start:end], start, end),
        mode=row.mode if row else None,
        context=event.context,
        cameo=cameo,
        goldstein=row.goldstein if row else None,
        quad_class=row.quad_class if row else None,
        pattern_id=f"{event.pattern_id}+reported",
        explanation=event.explanation + (why,),
    )
