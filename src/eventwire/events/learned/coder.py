"""``LearnedCoder``: the rule coder's events, re-typed, filtered and completed by the learned model.

Arguments (actor, recipient), modality and dates stay the rule coder's work; the model only has
a say on *what kind* of act a sentence reports.  What it may do is a :class:`Policy`:

* ``drop``: a rule event whose type the model gives less than this probability is dropped;
* ``retype``: a rule event is re-typed when another type reaches this probability and is at
  least twice as likely as the rule's;
* ``propose``: a sentence without any rule event gets one event of the model's best type when
  it reaches this probability and the parse names an actor (subject of the main act).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from eventwire.events.arguments import EntityIndex, countries, subject_token
from eventwire.events.cameo import cameo_row
from eventwire.events.coder import EventCoder, RuleCoder
from eventwire.events.cues import Cues, load_cues
from eventwire.events.learned.errors import ModelFileError
from eventwire.events.learned.features import sentence_features
from eventwire.events.learned.model import EventTypeModel, load_default_model, model_path
from eventwire.events.modality import is_question, modality, published_date
from eventwire.model import Entity, Event, TextSpan

__all__ = ["POLICIES", "LearnedCoder", "Policy", "type_cameo"]


@dataclass(frozen=True)
class Policy:
    drop: float | None = None
    retype: float | None = None
    propose: float | None = None


#: named policies, thresholds chosen on the development set under cross-validation (README,
#: "Rules vs learned"): dropping rule events costs recall on unseen sentence styles, proposing
#: events where the rules found none is what gains
POLICIES: Mapping[str, Policy] = MappingProxyType({
    "rules": Policy(),
    "filter": Policy(drop=0.01),
    "propose": Policy(propose=0.5),
    "both": Policy(retype=0.9, propose=0.6),
})

#: prepositions whose object is the one acted upon, for proposed events
_RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "from", "for"})


@lru_cache(maxsize=1)
def type_cameo() -> Mapping[str, str]:
    """The CAMEO code a re-typed or proposed event gets: its type's general code."""
    path = model_path("type_cameo.tsv")
    try:
        with path.open(encoding="utf-8") as fh:
            rows = {r["type"].strip(): r["cameo"].strip() for r in csv.DictReader(fh, delimiter="\t")}
    except (OSError, KeyError) as exc:
        raise ModelFileError(str(path), f"cannot read type table: {exc}") from exc
    return MappingProxyType(rows)


def _with_type(event: Event, typ: str, why: str) -> Event:
    code = type_cameo().get(typ)
    row = cameo_row(code) if code else None
    return replace(
        event, type=typ, cameo=code, mode=None, context=(),
        goldstein=row.goldstein if row else None, quad_class=row.quad_class if row else None,
        pattern_id=f"{event.pattern_id}+learned", explanation=event.explanation + (why,),
    )


def _main_verb(sent: Span, cues: Cues) -> Token:
    """The act a sentence reports: its root, or what a reporting root ("said that ...") reports."""
    root = sent.root
    if root.lemma_.lower() in cues.reporting_heads:
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def _recipient(verb: Token, index: EntityIndex, actor: frozenset[str]) -> tuple[Entity, ...]:
    candidates = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS):
        candidates.extend(p for p in prep.children if p.dep_ == "pobj")
    for tok in candidates:
        ents, _ = index.phrase(tok)
        if ents and countries(ents) - actor:
            return ents
    return ()


class LearnedCoder:
    """An :class:`EventCoder` that asks ``model`` about the events ``rules`` codes."""

    def __init__(
        self,
        rules: EventCoder | None = None,
        model: EventTypeModel | None = None,
        policy: Policy | str = "propose",
        cues: Cues | None = None,
    ) -> None:
        self.rules: EventCoder = rules or RuleCoder()
        self.model = model or load_default_model()
        self.policy = POLICIES[policy] if isinstance(policy, str) else policy
        self.cues = cues or load_cues()

    def code(self, doc: Doc) -> list[Event]:
        return self.adjust(doc, self.rules.code(doc))

    def adjust(self, doc: Doc, events: list[Event]) -> list[Event]:
        """Apply the policy to ``events`` already coded on ``doc`` (for evaluation, which codes
        the rules once and compares policies)."""
        pol = self.policy
        if pol.drop is None and pol.retype is None and pol.propose is None:
            return list(events)
        out: list[Event] = []
        covered: set[int] = set()
        index: EntityIndex | None = None
        for sent in doc.sents:
            inside = [e for e in events if sent.start_char <= e.evidence.start < sent.end_char]
            scores = self.model.scores(sentence_features(sent))
            best = max(scores, key=scores.__getitem__)
            for ev in inside:
                covered.add(id(ev))
                kept = self._judge(ev, scores, best)
                if kept is not None:
                    out.append(kept)
            # questions assert nothing, as for the rule coder
            if not inside and pol.propose is not None and scores[best] >= pol.propose and not is_question(sent):
                index = index or EntityIndex(doc)
                proposed = self._propose(doc, sent, best, scores[best], index)
                if proposed is not None:
                    out.append(proposed)
        # events whose evidence lies outside every sentence (none today) are kept as they are
        out.extend(e for e in events if id(e) not in covered)
        out.sort(key=lambda e: e.evidence.start)
        return out

    def _judge(self, ev: Event, scores: Mapping[str, float], best: str) -> Event | None:
        pol = self.policy
        mine = scores.get(ev.type, 0.0)
        if (pol.retype is not None and best != ev.type and scores[best] >= pol.retype
                and scores[best] >= 2 * mine):
            return _with_type(ev, best, f"learned: {best} p={scores[best]:.2f} over {ev.type} p={mine:.2f}")
        if pol.drop is not None and mine < pol.drop:
            return None
        return ev

    def _propose(self, doc: Doc, sent: Span, typ: str, p: float, index: EntityIndex) -> Event | None:
        verb = _main_verb(sent, self.cues)
        subj, via = subject_token(verb)
        if subj is None:
            return None
        actor, _ = index.phrase(subj)
        if not actor:
            return None
        mod = modality(verb, False, self.cues, doc._.ew_dates, published_date(doc))
        if mod.non_event:
            return None
        code = type_cameo().get(typ)
        row = cameo_row(code) if code else None
        trigger = TextSpan(verb.text, verb.idx, verb.idx + len(verb.text))
        return Event(
            type=typ,
            actor=actor,
            recipient=_recipient(verb, index, countries(actor)),
            evidence=TextSpan(sent.text, sent.start_char, sent.end_char),
            trigger=trigger,
            aux=mod.aux,
            cameo=code,
            goldstein=row.goldstein if row else None,
            quad_class=row.quad_class if row else None,
            pattern_id=f"learned.{typ.lower()}",
            explanation=(f"learned: {typ} p={p:.2f}, no rule event in the sentence",
                         f"actor: {via} '{subj.text}'", *mod.reasons),
        )
