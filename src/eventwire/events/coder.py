"""The rule-based PLOVER coder behind the :class:`EventCoder` protocol."""

from __future__ import annotations

from bisect import bisect_left
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from eventwire.events.arguments import (
    Argument,
    EntityIndex,
    consequence_target,
    countries,
    noun_arguments,
    subject_token,
    verb_arguments,
)
from eventwire.events.cameo import cameo_row
from eventwire.events.category import THREAT_CAMEO, reinterpret
from eventwire.events.cues import Cues, load_cues
from eventwire.events.dedupe import dedupe
from eventwire.events.host import host_actor, venue_actor
from eventwire.events.modality import (
    clause_head,
    is_question,
    modality,
    non_response_clauses,
    published_date,
)
from eventwire.events.patterns import NOT_AN_EVENT, NounPattern, VerbPattern
from eventwire.events.reported import falsity_denials, reported_accusation, reported_denial
from eventwire.events.triggers import Trigger, find_triggers
from eventwire.model import Attribution, Entity, Event, TextSpan
from eventwire.nlp.lexical import tokens_with_lower
from eventwire.nlp.text import doc_text

__all__ = ["EventCoder", "RuleCoder"]

#: responses to a nominal act: "rejected Iran's request" -> the request was made to the rejecter
_MODALS_KEY = "eventwire.events.obligation_modals"
_RESPONSE_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE"})
#: nominal acts addressed to someone, whose addressee a response reveals
_ADDRESSED_TYPES = frozenset({"REQUEST", "AGREE", "THREATEN"})
#: kinds of sourcing phrase that attribute what they scope (as the event context step counts them)
_ATTRIBUTING = frozenset({"named", "anonymous", "official", "document"})
#: acts whose place (a visit's destination, the target of force) names their recipient
_PLACE_RECIPIENT_TYPES = frozenset({"CONSULT", "ASSAULT", "COERCE"})


#: stands for "X said Y must do Z" when Z is no pattern of its own
_OBLIGATION = VerbPattern(
    id="request.obligation", lemma="must", extra=(), type="REQUEST", mode=None, context=(), cameo="100",
    objects=frozenset(), preps=frozenset(), absorb=False, recipient_preps=None,
)


class EventCoder(Protocol):
    """Anything that codes a parsed, actor-resolved Doc into events."""

    def code(self, doc: Doc) -> list[Event]: ...


def _span(doc: Doc, tokens: tuple[int, ...]) -> TextSpan:
    first, last = doc[min(tokens)], doc[max(tokens)]
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(doc_text(doc)[start:end], start, end)


def _complements(doc: Doc, trig: Trigger) -> list[Token]:
    """Heads of what an absorbing verb's content is: "agreed to SEND", "accused Iran of ATTACKING"."""
    out: list[Token] = []
    for child in doc[trig.head].children:
        if child.dep_ in ("xcomp", "ccomp"):
            out.append(child)
        elif child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ == "pcomp")
        elif child.dep_ == "advcl" and child.tag_ == "VB" and child.i == trig.head + 2 and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            # "have sworn TO FIGHT" misparsed as a purpose clause: the infinitive right after the
            # verb is its complement
            out.append(child)
    return out


def _content(comp: Token) -> set[int]:
    """Tokens of a complement that belong to its content, not to clauses hanging off it
    ("agreed to send troops AFTER THE U.S. BLAMED IRAN" keeps the blaming)."""
    out: set[int] = set()
    stack = [comp]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in ("advcl", "relcl", "parataxis"):
                continue
            if child.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                continue
            stack.append(child)
    return out


def _objects_of(doc: Doc, trig: Trigger) -> set[int]:
    verb = doc[trig.head]
    out = {c.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr")}
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
        out |= {p.i for p in prep.children if p.dep_ == "pobj"}
    return out


class RuleCoder:
    """Pattern and dependency rules; see ``data/events/*.yaml`` for the knowledge it applies."""

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues or load_cues()

    def code(self, doc: Doc) -> list[Event]:
        if not doc.has_annotation("DEP"):
            return []  # arguments come from the dependency parse: without one there is nothing to code
        index = EntityIndex(doc)
        events: list[Event] = []
        for sent in doc.sents:
            events.extend(self._sentence(doc, sent, index, _followed(events), tuple(events)))
        return dedupe(events)

    def _sentence(
        self, doc: Doc, sent: Span, index: EntityIndex, prior: Event | None = None, told: tuple[Event, ...] = ()
    ) -> list[Event]:
        if is_question(sent):
            return []
        triggers = find_triggers(sent, index.entity_tokens)
        if not triggers:
            # "X declared that China must drop barriers": a demand needs no pattern of its own, nor
            # does "X said the reports were false"
            return self._obligations(doc, sent, index, {}, set()) + falsity_denials(doc, sent, index, self.cues)
        silenced = non_response_clauses(sent, self.cues)
        by_head = {t.head: t for t in triggers}
        skip: set[int] = set()
        embedded_context: dict[int, Trigger] = {}
        verb_objects: dict[int, tuple[Trigger, Argument | None]] = {}
        for trig in triggers:
            if trig.kind != "verb" or trig.head in skip:
                continue
            pat = trig.pattern
            assert isinstance(pat, VerbPattern)
            if _scheduled(doc[trig.head], self.cues.future_heads):
                continue  # "X is scheduled to visit": the visit is the act, X its actor
            if pat.absorb or pat.type in self.cues.absorbing_types:
                for comp in _complements(doc, trig):
                    skip |= _content(comp) & set(by_head)
                    if comp.i in by_head:
                        embedded_context[trig.head] = by_head[comp.i]
        for trig in triggers:
            # "an Iranian request TO BUY missiles": what is requested is no event of its own
            if trig.kind == "noun" and trig.pattern.type in self.cues.absorbing_types:
                for comp in doc[trig.head].children:
                    if comp.dep_ in ("acl", "relcl") and comp.tag_ == "VB":
                        skip |= _content(comp) & set(by_head)
                subjunctive = _subjunctive_content(doc[trig.head])
                if subjunctive is not None:
                    skip |= _content(subjunctive) & set(by_head)
        for trig in triggers:
            if trig.kind == "verb" and not _scheduled(doc[trig.head], self.cues.future_heads):
                # "STOPPED buying oil": the pattern matched on its complement, which is its content
                skip |= {c.i for c in doc[trig.head].children
                         if c.dep_ == "xcomp" and c.i in by_head and c.lemma_.lower() in trig.matched}
        for trig in triggers:
            if trig.kind == "verb" and _issues_an_act(doc[trig.head], by_head, self.cues.statement_nouns):
                skip.add(trig.head)  # "adopted a resolution CALLING ON Israel": the call is the act
        for trig in triggers:
            if trig.kind == "verb":
                for prep in doc[trig.head].children:
                    means = [by_head.get(p.i) for p in prep.children if p.dep_ == "pcomp"] if prep.lower_ == "by" else []
                    if any(m is not None and m.pattern.type == trig.pattern.type for m in means):
                        skip.add(trig.head)  # "violated the ceasefire BY TARGETING Indian positions": one act
                for subj in doc[trig.head].children:
                    act = by_head.get(subj.i)
                    if subj.dep_ == "nsubj" and act is not None and act.kind == "noun" and (
                        noun_arguments(act, doc, index, self.cues.light_verbs)[0] is not None
                        or subj.lemma_.lower() not in self.cues.violent_instruments
                    ):
                        # "an Israeli airstrike killed", "US sanctions hit the country": the noun is
                        # the act, the verb tells what it did ("a bombing killed" names no doer: the
                        # verb is coded, its victim the recipient)
                        skip.add(trig.head)
        out: list[Event] = self._obligations(doc, sent, index, by_head, skip)
        out.extend(falsity_denials(doc, sent, index, self.cues))
        for trig in triggers:
            if trig.head in skip:
                continue
            if trig.kind == "verb" and clause_head(doc[trig.head]).i in silenced:
                continue
            if trig.kind == "noun" and clause_head(doc[trig.head]).i in silenced:
                continue
            event = self._event(doc, sent, trig, index, embedded_context.get(trig.head), verb_objects, by_head, prior,
                                told)
            if event is None:
                continue
            claim = reported_accusation(doc, sent, trig, event, index, self.cues)
            claim = claim or reported_denial(doc, sent, trig, event, index, self.cues)
            if claim is not None:
                out.append(claim)  # the wrong itself is kept: the speaker's word asserts both
            out.append(event)
        return out

    def _event(
        self,
        doc: Doc,
        sent: Span,
        trig: Trigger,
        index: EntityIndex,
        inner: Trigger | None,
        verb_objects: dict[int, tuple[Trigger, Argument | None]],
        by_head: dict[int, Trigger],
        prior: Event | None = None,
        told: tuple[Event, ...] = (),
    ) -> Event | None:
        pat = trig.pattern
        inherits = isinstance(pat, VerbPattern) and pat.inherits
        if pat.type == NOT_AN_EVENT and not inherits:
            return None
        if inherits and prior is None:
            return None
        why = [f"pattern {pat.id} ({trig.kind} '{_span(doc, trig.tokens).text}'"
               + (f", with '{', '.join(trig.matched)}')" if trig.matched else ")")]
        if trig.kind == "verb":
            actor, recipient = verb_arguments(
                trig, doc, index, self.cues.recipient_preps, self.cues.absorbing_types, self.cues.reporting_heads
            )
            if actor is None and pat.id in self.cues.host_state_acts:
                hosted = host_actor(doc, doc[trig.head], index)
                if hosted is not None:
                    actor, recipient = hosted
            recipient = self._nominal_object(doc, trig, index, by_head, actor, recipient, told)
            topical = isinstance(pat, VerbPattern) and pat.topic_object
            if recipient is None and pat.type in _PLACE_RECIPIENT_TYPES and not topical:
                # a place in what is discussed is no destination
                recipient = _host_place(doc, trig, actor)
            if recipient is None and pat.type == "SANCTION":
                recipient = _posting_place(doc, trig, actor)
            if actor is not None:
                for obj in _objects_of(doc, trig):
                    verb_objects[obj] = (trig, actor)
        else:
            governing = verb_objects.get(trig.head)
            if governing is not None and (
                governing[0].pattern.type == pat.type or _own_noun(governing[0], doc[trig.head])
            ):
                # "imposed sanctions", "held joint exercises": the verb already coded this act
                return None
            actor, recipient = noun_arguments(trig, doc, index, self.cues.light_verbs)
            if actor is None and pat.id in self.cues.host_state_acts:
                actor = venue_actor(doc, doc[trig.head], index)
            if recipient is None and actor is not None and pat.type in self.cues.absorbing_types:
                recipient = _content_subject(doc[trig.head], index, actor)
            if recipient is None and actor is not None and pat.type in _ADDRESSED_TYPES:
                recipient = _granter(doc[trig.head], index, actor)
            responded = governing is not None and governing[0].pattern.type in _RESPONSE_TYPES
            if governing is not None and recipient is None and responded and pat.type in _ADDRESSED_TYPES:
                recipient = governing[1]
                if recipient is not None:
                    recipient = Argument(recipient.entities, f"responder of '{doc[governing[0].head].text}'")
        unnamed = pat.type in self.cues.unnamed_actor_types and trig.kind == "verb"
        if actor is None and recipient is not None and unnamed and _unnamed_doer(doc[trig.head], self.cues.violent_instruments):
            # "three soldiers were killed", "a roadside bomb killed": an attack whose attacker the
            # sentence does not name
            actor = Argument((), "unnamed (passive without agent, or a weapon as doer)")
        if actor is None:
            return None
        why.append(f"actor: {actor.via} -> {'/'.join(sorted(countries(actor.entities)))}")
        if recipient is not None:
            why.append(f"recipient: {recipient.via} -> {'/'.join(sorted(countries(recipient.entities)))}")
        mod = modality(doc[trig.head], trig.kind == "noun", self.cues, doc._.ew_dates, published_date(doc))
        if mod.non_event:
            return None
        why.extend(mod.reasons)
        typ, cameo, mode, context = pat.type, pat.cameo, pat.mode, pat.context
        if inherits and prior is not None:
            typ, cameo, mode, context = prior.type, prior.cameo or pat.cameo, prior.mode, prior.context
            why.append(f"repeats the act before: {prior.type} ('{prior.trigger.text}')")
            if recipient is None and prior.recipient:
                recipient = Argument(prior.recipient, f"recipient of '{prior.trigger.text}'")
        if inner is not None and not context:
            context = inner.pattern.context
            why.append(f"context from '{doc[inner.head].text}' ({inner.pattern.id})")
        pledged = doc[trig.head].lemma_.lower() in self.cues.pledge_verbs
        if inner is not None and pledged and inner.pattern.type in self.cues.intent_to_threaten:
            why.append(f"pledge of {inner.pattern.type} -> THREATEN")
            typ, cameo, mode = "THREATEN", THREAT_CAMEO.get(inner.pattern.type, "130"), None
        aux = list(mod.aux)
        if mod.demand_by is not None:
            return self._demand(doc, sent, trig, index, mod.demand_by, actor, why)
        if isinstance(pat, VerbPattern) and pat.speaker_acts:
            if mod.reported_by is None or "future" not in mod.aux:
                # the journalist's own "Iran will face consequences", or a past "had to pay the
                # price": no threat anyone made
                return None
            return self._demand(doc, sent, trig, index, mod.reported_by, actor, why, typ=pat.type, cameo=pat.cameo)
        if pat.id in self.cues.joint_when_shared and len(countries(actor.entities)) > 1:
            # "French and Egyptian warships launched war games": drills held together are
            # military cooperation (CAMEO 062), not a show of force
            why.append("held by several parties together -> COOPERATE")
            typ, cameo, mode, context = "COOPERATE", "062", None, ("military",)
        if pat.id in self.cues.expelled_if_foreign and _foreign_object(doc[trig.head], pat, index, actor):
            # "pulled QATARI troops from the war": removing another party's forces expels them
            why.append("another party's forces removed -> SANCTION expel")
            typ, cameo, mode = "SANCTION", "166", "expel"
        typ, cameo, mode, aux = reinterpret(typ, cameo, mode, aux, mod, self.cues, why)
        if typ == "THREATEN" and pat.type == "THREATEN" and recipient is None:
            recipient = _condition_subject(doc[trig.head], index, actor, self.cues.conditional_marks)
            recipient = recipient or consequence_target(doc[trig.head], index, actor.entities)
            if recipient is not None:
                why.append(f"recipient: {recipient.via}")
        if recipient is None and typ in self.cues.requires_recipient and len(countries(actor.entities)) < 2:
            return None  # joint actors ("Russia and China held joint drills") are each other's counterpart
        row = cameo_row(cameo)
        return Event(
            type=typ,
            actor=actor.entities,
            recipient=recipient.entities if recipient else (),
            evidence=TextSpan(sent.text, sent.start_char, sent.end_char),
            trigger=_span(doc, trig.tokens),
            attribution=_participle_source(doc, doc[trig.head]),
            mode=mode,
            context=tuple(context),
            aux=tuple(aux),
            cameo=cameo,
            goldstein=row.goldstein if row else None,
            quad_class=row.quad_class if row else None,
            pattern_id=pat.id,
            explanation=tuple(why),
        )


    def _modal_tokens(self, doc: Doc) -> list[int]:
        found: list[int] | None = doc.user_data.get(_MODALS_KEY)
        if found is None:
            found = tokens_with_lower(doc, self.cues.obligation_modals)
            doc.user_data[_MODALS_KEY] = found
        return found

    def _obligations(
        self, doc: Doc, sent: Span, index: EntityIndex, by_head: dict[int, Trigger], skip: set[int]
    ) -> list[Event]:
        """ "The U.S. declared that China must drop barriers": a demand even when the demanded
        act is no pattern of its own (triggers are handled in ``_event``)."""
        out: list[Event] = []
        modals = self._modal_tokens(doc)
        # only the verbs a 'must'/'should' hangs on: found from the Doc's arrays, not token by token
        heads = sorted({doc[i].head.i for i in modals[bisect_left(modals, sent.start):bisect_left(modals, sent.end)]
                        if doc[i].dep_ == "aux"})
        for i in heads:
            tok = doc[i]
            if not sent.start <= i < sent.end:
                continue
            if tok.i in by_head or tok.i in skip or tok.pos_ not in ("VERB", "AUX"):
                continue
            mod = modality(tok, False, self.cues, None, None)
            if mod.demand_by is None or mod.non_event:
                continue
            subj, via = subject_token(tok)
            if subj is None:
                continue
            ents, _ = index.phrase(subj)
            if not ents:
                continue
            trig = Trigger(head=tok.i, tokens=(tok.i,), kind="verb", pattern=_OBLIGATION)
            event = self._demand(doc, sent, trig, index, mod.demand_by, Argument(ents, via, subj.i),
                                 ["pattern request.obligation (reported 'must'/'should')"])
            if event is not None:
                out.append(event)
        return out

    def _nominal_object(
        self,
        doc: Doc,
        trig: Trigger,
        index: EntityIndex,
        by_head: dict[int, Trigger],
        actor: Argument | None,
        recipient: Argument | None,
        told: tuple[Event, ...] = (),
    ) -> Argument | None:
        """Acting on an act: "condemned the Russian invasion" is directed at the invader, and
        "backed the Ukraine invasion" at nobody the sentence names (the invader is unsaid)."""
        objects = [c for c in doc[trig.head].children if c.dep_ == "dobj"]
        if trig.pattern.type in ("ACCUSE", "REJECT", "SUPPORT"):
            # "complained over Israeli air raids", "protested against the Russian annexation"
            for prep in doc[trig.head].children:
                if prep.dep_ == "prep" and prep.lower_ in ("over", "about", "against", "for", "on"):
                    objects.extend(p for p in prep.children if p.dep_ == "pobj")
        for obj in objects:
            nominal = by_head.get(obj.i)
            if nominal is None or nominal.kind != "noun":
                continue
            own_noun = isinstance(trig.pattern, VerbPattern) and obj.lemma_.lower() in trig.pattern.objects
            if nominal.pattern.type == trig.pattern.type or own_noun:
                # "launched airstrikes on Syria", "lodged a protest with China": one act, the noun's
                # recipient is the verb's
                continue
            doer, _ = noun_arguments(nominal, doc, index)
            if doer is None:
                doer = _earlier_doer(nominal, told)
            if doer is not None and (actor is None or countries(doer.entities) != countries(actor.entities)):
                return Argument(doer.entities, f"doer of '{obj.text}' ({doer.via})", doer.token)
            own_act = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
            if not own_act and recipient is not None and recipient.token in {t.i for t in obj.subtree}:
                return None  # "cancelled HIS visit to Turkey" keeps Turkey: the act is the actor's own
        return recipient

    def _demand(
        self,
        doc: Doc,
        sent: Span,
        trig: Trigger,
        index: EntityIndex,
        reporter: int,
        obliged: Argument,
        why: list[str],
        typ: str = "REQUEST",
        cameo: str = "100",
    ) -> Event | None:
        """ "Russia said Sudan must return the helicopter": Russia demands it of Sudan; "Iran said
        Saudi Arabia would face retribution": Iran threatens Saudi Arabia."""
        speaker, via = subject_token(doc[reporter])
        if speaker is None:
            return None
        ents, _ = index.phrase(speaker)
        if not ents or (countries(ents) == countries(obliged.entities) and not _other_side(ents, obliged.entities)):
            return None  # "Iran said it must respond": no demand on anyone else
        row = cameo_row(cameo)
        return Event(
            type=typ,
            actor=ents,
            recipient=obliged.entities,
            evidence=TextSpan(sent.text, sent.start_char, sent.end_char),
            trigger=_span(doc, (reporter, trig.head)),
            cameo=cameo,
            goldstein=row.goldstein if row else None,
            quad_class=row.quad_class if row else None,
            pattern_id=f"{trig.pattern.id}+demand",
            explanation=tuple(why) + (f"speaker: {via} '{speaker.text}' of '{doc[reporter].text}'",),
        )


#: verbs whose object noun is another party's act, not their own ("rejected Iran's request")
_ACTS_ON_ACTS = frozenset({"REJECT", "CONCEDE", "SUPPORT", "ACCUSE", "AGREE", "REQUEST", "THREATEN"})


def _own_noun(verb_trig: Trigger, noun: Token) -> bool:
    """Whether ``noun`` (or its modifier) is an object word the verb's pattern was matched on
    ("held JOINT exercises"): the verb and the noun name one act."""
    pat = verb_trig.pattern
    if not isinstance(pat, VerbPattern) or not pat.objects or pat.type in _ACTS_ON_ACTS:
        return False
    words = {noun.lemma_.lower(), noun.lower_}
    words |= {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    return bool(words & pat.objects)


def _granter(noun: Token, index: EntityIndex, actor: Argument) -> Argument | None:
    """ "NATO held a meeting AT TURKEY'S REQUEST": whoever did what was asked is the one asked."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("at", "upon", "on") or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subj, via = subject_token(prep.head)
    if subj is None:
        return None
    ents, _ = index.phrase(subj)
    if not ents or countries(ents) <= countries(actor.entities):
        return None
    return Argument(ents, f"granter: {via} of '{prep.head.text}'", subj.i)


def _condition_subject(
    verb: Token, index: EntityIndex, actor: Argument, marks: frozenset[str]
) -> Argument | None:
    """ "threatened to halt talks IF THE UNITED STATES goes ahead", "will strike UNLESS BAGHDAD
    accepts": a threat is aimed at whoever the condition asks to act."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    for head in heads:
        for clause in (c for c in head.children if c.dep_ == "advcl"):
            if not any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
                continue
            subj, via = subject_token(clause)
            if subj is None:
                continue
            ents, _ = index.phrase(subj)
            if ents and not countries(ents) <= countries(actor.entities):
                return Argument(ents, f"subject of condition '{clause.text}' ({via})", subj.i)
    return None


def _subjunctive_content(noun: Token) -> Token | None:
    """ "reiterated its DEMAND that Israel EASE restrictions": the parser hangs the that-clause on
    the verb; a subjunctive (bare-form) clause there is the content of the nominal demand."""
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    for clause in verb.children:
        marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        if clause.dep_ in ("ccomp", "acl") and clause.tag_ == "VB" and marked and clause.i > noun.i:
            return clause
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return clause
    return None


def _content_subject(noun: Token, index: EntityIndex, actor: Argument) -> Argument | None:
    """Who a nominal demand is made of: the subject of its that-clause ("its demand that ISRAEL
    ease restrictions")."""
    clause = _subjunctive_content(noun)
    if clause is None:
        return None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    ents, _ = index.phrase(subj)
    if not ents or countries(ents) <= countries(actor.entities):
        return None
    return Argument(ents, f"subject of '{clause.text}' demanded in '{noun.text}'", subj.i)


def _foreign_object(verb: Token, pat: VerbPattern | NounPattern, index: EntityIndex, actor: Argument) -> bool:
    """Whether the verb's direct object, one of the pattern's object words, names another party's
    forces ("QATARI troops")."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if not isinstance(pat, VerbPattern) or obj.lemma_.lower() not in pat.objects:
            continue
        ents, _ = index.phrase(obj)
        owners = countries(ents)
        if owners and not owners & countries(actor.entities):
            return True
    return False


def _participle_source(doc: Doc, verb: Token) -> Attribution | None:
    """ "Mali's government said, CITING Le Drian's statements": a participle hung on a reporting
    verb is on that verb's word, though it lies outside the clause the sourcing step scoped."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i == verb.i:
        return None
    for source in doc._.ew_sources or []:
        if source.kind in _ATTRIBUTING and source.start <= head.idx < source.end:
            country = source.country or (source.speaker.country if source.speaker else None)
            return Attribution(source.kind, source.text, source.count, source.speaker, country)
    return None


def _other_side(speaker: tuple[Entity, ...], obliged: tuple[Entity, ...]) -> bool:
    """Whether two parties of one country are distinct sides ("Rwandan REBELS said the
    GOVERNMENT must agree"): their sectors are known and share none."""
    said = {e.sector for e in speaker if e.sector}
    told = {e.sector for e in obliged if e.sector}
    return bool(said and told) and not said & told


def _earlier_doer(nominal: Trigger, told: tuple[Event, ...]) -> Argument | None:
    """ "Both France and the UK said they deplored THE EXECUTIONS": an act named again without its
    doer is the last one of its kind told before, whose doer the reaction is aimed at."""
    for ev in reversed(told):
        if ev.asserted and ev.pattern_id == nominal.pattern.id and countries(ev.actor):
            return Argument(ev.actor, f"doer of the '{ev.trigger.text}' told before")
    return None


def _followed(events: list[Event]) -> Event | None:
    """The act a "followed suit" repeats: the last asserted one told before, preferring a deed
    (material quad classes) to words about it."""
    told = [e for e in events if e.asserted]
    deeds = [e for e in told if e.quad_class in (2, 4)]
    chosen = deeds or told
    return chosen[-1] if chosen else None


def _unnamed_doer(verb: Token, instruments: frozenset[str]) -> bool:
    """Whether the doer of ``verb`` goes unnamed: an agentless passive ("were killed"), or a thing
    in the doer's place ("were killed BY A MINE", "A ROADSIDE BOMB killed")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        return all(p.lemma_.lower() in instruments or p.lower_ in instruments for p in agents)
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in instruments or c.lower_ in instruments) for c in verb.children)


def _scheduled(verb: Token, future_heads: frozenset[str]) -> bool:
    """An agentless passive of scheduling ("is scheduled / set / slated to")."""
    return (
        verb.lemma_.lower() in future_heads
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _issues_an_act(verb: Token, by_head: dict[int, Trigger], statement_nouns: frozenset[str]) -> bool:
    """Whether ``verb`` issues a text whose participle is itself a trigger ("issued a statement
    condemning", "approved a resolution calling on")."""
    for obj in verb.children:
        if (
            obj.dep_ == "dobj"
            and obj.lemma_.lower() in statement_nouns
            and any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i in by_head for c in obj.children)
        ):
            return True
    return False


def _posting_place(doc: Doc, trig: Trigger, actor: Argument | None) -> Argument | None:
    """ "Pulled its diplomats FROM TEHRAN", "expelled the envoy IN PARIS": the place the envoy or
    staff acted on is posted in names the state the sanction is aimed at."""
    places = doc._.ew_places or []
    home = countries(actor.entities) if actor is not None else frozenset()
    verb = doc[trig.head]
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "in")):
            for tok in (p for p in prep.children if p.dep_ == "pobj"):
                for place in places:
                    if place.country and place.country not in home and place.start <= tok.idx < place.end:
                        ent = Entity(place.text, place.start, place.end, place.country, kind="place",
                                     why=f"place {place.name}")
                        return Argument((ent,), f"posting place '{place.text}'", tok.i)
    return None


def _host_place(doc: Doc, trig: Trigger, actor: Argument | None) -> Argument | None:
    """A place named as the visit's destination ("arrived in Amman") or the target of force
    ("shelled Juba", "fired at targets in Jericho") stands for the state it lies in."""
    places = doc._.ew_places or []
    verb = doc[trig.head]
    targets = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "on", "at", "into")):
        targets.extend(p for p in prep.children if p.dep_ == "pobj")
    targets.extend(g for t in list(targets) for g in t.subtree if g.i != t.i and g.pos_ == "PROPN")
    for tok in targets:
        for place in places:
            if place.country and place.start <= tok.idx < place.end:
                if trig.pattern.type != "CONSULT" and actor is not None and place.country in countries(actor.entities):
                    continue  # force used at home names no recipient by its place
                ent = Entity(place.text, place.start, place.end, place.country, kind="place",
                             why=f"place {place.name}")
                return Argument((ent,), f"place '{place.text}'", tok.i)
    return None

