"""Auxiliary modes (hypothetical, future, negation, historical) and non-event statements.

Everything is read from the path between the trigger and its sentence's root: an if-clause, a
modal verb, a wish ("wants to"), a plan ("is set to"), a negation, or an opinion ("analysts
believe") on that path colours the trigger.  Relative clauses and participles describe things
that are facts on their own, so the walk stops at them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.events.cues import Cues
from eventwire.model import AUX_MODES, DateMention
from eventwire.nlp.folding import FoldedPattern, fold
from eventwire.nlp.text import doc_text

__all__ = ["Modality", "clause_head", "is_question", "modality", "non_response_clauses"]

_STOP_DEPS = frozenset({"relcl", "acl", "appos"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class Modality:
    aux: tuple[str, ...]
    #: the statement is not an event at all (an opinion)
    non_event: bool
    reasons: tuple[str, ...]
    #: index of the reporting verb whose speaker demands the act ("X said Y must withdraw")
    demand_by: int | None = None
    #: the act is made to depend on a condition ("will impose sanctions IF Russia attacks")
    conditioned: bool = False
    #: ... and the condition is "unless": a threat whatever the act
    unless: bool = False
    #: the actor states readiness for the act ("is prepared to impose martial law")
    intent: bool = False
    #: index of the reporting verb the clause is reported under (no if-clause in between)
    reported_by: int | None = None
    #: the act is only said to be possible, by a modal of its own, on a condition ("the EC MAY
    #: halt mediation IF ..."): a conditional threat
    possible_if: bool = False
    #: the actor readies the act materially ("the army PREPARED to resume shelling")
    preparing: bool = False


def clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` belongs to (coordinated clauses count separately)."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("ROOT", "conj", "ccomp", "advcl", "parataxis", "relcl"):
            return cur
        cur = cur.head
    return cur


@lru_cache(maxsize=128)
def _folded(pattern: re.Pattern[str]) -> FoldedPattern:
    return FoldedPattern.of(pattern)


def non_response_clauses(sent: Span, cues: Cues) -> frozenset[int]:
    """Heads of the clauses of ``sent`` that report a journalist's unanswered enquiry."""
    heads: set[int] = set()
    # Span.text builds a Token per word: slice the cached text once, search it folded
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    folded = fold(text)
    for pattern in cues.non_response:
        for m in _folded(pattern).finditer(text, folded):
            span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is not None and len(span):
                heads.add(clause_head(span[0]).i)
    return frozenset(heads)


def is_question(sent: Span) -> bool:
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    return text.rstrip(" \"'”’)»\n").endswith("?")


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _path(tok: Token, noun: bool) -> list[tuple[Token, str]]:
    """(token, dependency by which the previous token hangs from it) up to the clause chain's root."""
    out: list[tuple[Token, str]] = [(tok, "")]
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in _STOP_DEPS and cur.i != tok.i:
            break
        if noun and cur.dep_ in _SUBJECT_DEPS:
            # a subject's own truth does not depend on what is said about it
            break
        dep = cur.dep_
        cur = cur.head
        out.append((cur, dep))
        if dep in _STOP_DEPS:
            break
    return out


def _date_aux(
    tok: Token, dates: list[DateMention], published: dt.date | None, cues: Cues
) -> str | None:
    if published is None:
        return None
    limit = published - dt.timedelta(days=cues.historical_days)
    doc = tok.doc
    for mention in dates:
        if mention.value is None or mention.kind != "point":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.sent != tok.sent:
            continue
        if clause_head(span.root).i == clause_head(tok).i and mention.value.end < limit:
            return "historical"
    return None


def _year_aux(tok: Token, published: dt.date | None, cues: Cues) -> str | None:
    """Fallback without a dates component: a bare year ("in 1994") in the trigger's clause."""
    if published is None:
        return None
    head = clause_head(tok)
    for t in tok.sent:
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and t.dep_ == "pobj":
            year = int(t.text)
            long_ago = year > 1800 and (published - dt.date(year, 12, 31)).days > cues.historical_days
            if long_ago and clause_head(t).i == head.i and t.head.head.i in (tok.i, head.i):
                return "historical"
    return None


def modality(
    trigger: Token,
    noun: bool,
    cues: Cues,
    dates: list[DateMention] | None,
    published: dt.date | None,
) -> Modality:
    aux: set[str] = set()
    reasons: list[str] = []
    non_event = False
    negation_open = True  # negation reaches a trigger only through open complements
    future_open = True
    conditional = False
    intent = False
    preparing = False
    backshifted: Token | None = None
    obliged: Token | None = None
    reporter: Token | None = None
    own_modal = False
    for i, (tok, dep) in enumerate(_path(trigger, noun)):
        lemma = tok.lemma_.lower()
        if i > 0 and dep == "xcomp":
            if lemma in cues.speculative_heads:
                aux.add("hypothetical")
                reasons.append(f"hypothetical: complement of '{tok.text}'")
            if lemma in cues.future_heads or lemma in cues.intent_heads:
                aux.add("future")
                reasons.append(f"future: complement of '{tok.text}'")
                readying = lemma in cues.preparation_verbs and _active_verb(tok)
                preparing = preparing or readying
                intent = intent or (lemma in cues.intent_heads and not readying)
            if lemma in cues.negation_heads:
                aux.add("negation")
                reasons.append(f"negation: complement of '{tok.text}'")
        if i > 0 and dep in ("acl", "prep") and tok.pos_ == "NOUN":
            if lemma in cues.future_nouns:
                aux.add("future")
                intent = True
                reasons.append(f"future: intended in '{tok.text}'")
            elif lemma in cues.speculative_nouns:
                aux.add("hypothetical")
                reasons.append(f"hypothetical: only wished in '{tok.text}'")
        if i > 0 and dep == "ccomp" and lemma in cues.opinion_heads:
            non_event = True
            reasons.append(f"opinion: clause of '{tok.text}'")
        if i > 0 and dep == "ccomp" and reporter is None and lemma in cues.reporting_heads:
            reporter = tok
        if i > 0 and dep not in ("xcomp", "dobj", "pobj", "prep", "pcomp"):
            negation_open = False
        if i > 0 and dep not in ("xcomp", "conj", "dobj", "pobj", "prep", "pcomp"):
            future_open = False  # "if Russia attacks, Washington WILL respond": not Russia's future
        for mark in _children(tok, ("mark",)):
            if mark.lower_ in cues.conditional_marks:
                conditional = True
                aux.add("hypothetical")
                reasons.append(f"hypothetical: '{mark.text}' clause")
        for a in _children(tok, ("aux",)):
            word = a.lower_ if a.lower_ in cues.speculative_modals | cues.future_modals else a.lemma_.lower()
            if future_open and word in cues.obligation_modals:
                obliged = obliged or tok
            elif future_open and word in cues.backshifted_modals:
                backshifted = backshifted or a
            elif word in cues.speculative_modals:
                aux.add("hypothetical")
                reasons.append(f"hypothetical: modal '{a.text}'")
                own_modal = own_modal or i == 0
            elif future_open and word in cues.future_modals:
                aux.add("future")
                reasons.append(f"future: '{a.text}'")
        if negation_open and (i == 0 or tok.pos_ in ("VERB", "AUX", "ADJ")):
            for neg in _children(tok, ("neg",)):
                aux.add("negation")
                reasons.append(f"negation: '{neg.text}' on '{tok.text}'")
            if noun and i == 0:
                for det in _children(tok, ("det",)):
                    if det.lower_ in cues.negation_words:
                        aux.add("negation")
                        reasons.append(f"negation: '{det.text} {tok.text}'")
        if noun and i == 0:
            for mod in _children(tok, ("amod", "compound")):
                if mod.lower_ in cues.speculative_modifiers:
                    aux.add("hypothetical")
                    reasons.append(f"hypothetical: '{mod.text} {tok.text}'")
                elif mod.lower_ in cues.future_modifiers:
                    aux.add("future")
                    reasons.append(f"future: '{mod.text} {tok.text}'")
    conditions = {
        m.lower_
        for c in trigger.children
        if c.dep_ == "advcl"
        for m in c.children
        if m.dep_ == "mark" and m.lower_ in cues.conditional_marks
    }
    reported = reporter is not None and not conditional
    if backshifted is not None:
        # "Germany WOULD halt arms sales if Turkey attacks": a stated conditional intent
        if reported or (conditions and not conditional):
            aux.add("future")
            reasons.append(f"future: reported '{backshifted.text}' under '{reporter.text if reporter else ''}'")
        else:
            aux.add("hypothetical")
            reasons.append(f"hypothetical: modal '{backshifted.text}'")
    demand_by: int | None = None
    if obliged is not None:
        if reported and reporter is not None:
            demand_by = reporter.i
            reasons.append(f"demand: '{reporter.text}' that it must happen")
        else:
            aux.add("hypothetical")
            reasons.append("hypothetical: obligation")
    hist = _date_aux(trigger, dates, published, cues) if dates is not None else _year_aux(trigger, published, cues)
    if hist:
        aux.add(hist)
        reasons.append("historical: dated long before publication")
    # "will do X unless Y" is a threat whatever X is; "will do X if Y" only when X is forceful
    conditioned = bool(conditions)
    unless = "unless" in conditions
    ordered = tuple(m for m in AUX_MODES if m in aux)
    reported_by = reporter.i if reported and reporter is not None else None
    # only the trigger's own modal made it hypothetical (no other hedge, wish or if-clause above
    # it), and someone said so: the journalist's own "could attack if" is speculation
    hedges = [r for r in reasons if r.startswith("hypothetical")]
    possible_if = conditioned and own_modal and len(hedges) == 1 and not noun and reported_by is not None
    return Modality(ordered, non_event, tuple(reasons), demand_by, conditioned, unless, intent, reported_by,
                    possible_if, preparing)


def _active_verb(tok: Token) -> bool:
    """A finite or progressive active verb ("prepared", "is preparing"), not a predicative
    participle ("is prepared to")."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
        return False
    return not any(c.dep_ in ("auxpass", "cop") for c in tok.children)


def published_date(doc: Doc) -> dt.date | None:
    article = doc._.ew_article
    return article.published if article is not None else None
