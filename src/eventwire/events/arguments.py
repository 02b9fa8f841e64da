"""Actor and recipient of a trigger, read off the dependency parse and mapped to resolved entities.

The parse gives a token (subject, object, possessive...); :class:`EntityIndex` (roles_index)
turns the token's phrase into the entities the actors component resolved there.  When the parse
names no recipient, the conventions of roles_defaults apply.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.events.cues import load_cues
from eventwire.events.patterns import NounPattern, VerbPattern, verb_index
from eventwire.events.roles_candidates import (
    MAKER_PREPS,
    beneficiary,
    destination,
    protest_target,
    purpose_target,
    resisted,
)
from eventwire.events.roles_data import load_role_conventions
from eventwire.events.roles_defaults import domestic_types, located, unplaced_party
from eventwire.events.roles_index import THEME, Argument, EntityIndex, countries
from eventwire.events.roles_locative import act_heads
from eventwire.events.triggers import Trigger
from eventwire.model import Entity

__all__ = ["Argument", "EntityIndex", "consequence_target", "countries", "noun_arguments", "verb_arguments"]

_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
#: where a thing acted on is sent, posted or withdrawn ("its ambassador TO / IN / FROM Iran")
_POSTING_PREPS = frozenset({"to", "in", "from"})
#: acts whose compound-name modifier is their target ("the Ukraine invasion")
_FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: "used tear gas TO DISPERSE": the user acts, not the instrument
_INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "wield"})


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the deal, which the U.S. ...")."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _is_passive(verb: Token) -> bool:
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    # "Israel is opposed to...": an attitude, its subject holds it
    stative = verb.lemma_.lower() in load_cues().stative_participles
    return not stative or _agent(verb) is not None


def _governing_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the root when none is)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _child(verb: Token, *deps: str) -> Token | None:
    for c in verb.children:
        if c.dep_ in deps:
            return c
    return None


def _agent(verb: Token) -> Token | None:
    agent = _child(verb, "agent")
    if agent is None:
        return None
    return _child(agent, "pobj")


def subject_token(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The token naming who does ``verb``, climbing to governing verbs when it has no subject."""
    if depth > 6:
        return None, ""
    if _is_passive(verb):
        agent = _agent(verb)
        return (agent, "passive agent 'by'") if agent is not None else (None, "")
    subj = _child(verb, "nsubj", "nsubjpass", "csubj", "expl")
    if subj is not None and subj.dep_ != "expl":
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head, "relative clause antecedent"
        return subj, "nsubj"
    head = verb.head
    if head.i == verb.i:
        return None, ""
    if verb.dep_ == "acl" and verb.tag_ == "VB":
        # "Ukraine's decision TO ORDER...": the decider acts; "took a decision TO SUSPEND Sudan":
        # whoever took the decision acts
        for mod in head.children:
            if mod.dep_ in ("poss", "amod", "compound") and mod.pos_ in ("PROPN", "ADJ"):
                return mod, f"owner of '{head.text}'"
            if mod.dep_ == "prep" and mod.lower_ in ("of", "by") and mod.i < verb.i:
                # "the decision OF THE GOVERNMENT OF INDIA to expel..."
                owner = next((p for p in mod.children if p.dep_ == "pobj"), None)
                if owner is not None:
                    return owner, f"owner of '{head.text}'"
        gov = _governing_verb(head.head)
        if gov.pos_ in ("VERB", "AUX") and gov.i != verb.i:
            tok, _ = subject_token(gov, depth + 1)
            return tok, (f"subject of '{gov.text}'" if tok is not None else "")
        return None, ""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in load_cues().statement_nouns:
        return _issuer(head, depth)
    if verb.dep_ == "acl":
        # "the countries defending the deal": the modified noun does the act
        return (head, "participle's noun") if verb.tag_ != "VBN" else (_agent(verb), "passive agent 'by'")
    if verb.dep_ == "xcomp":
        obj = _child(head, "dobj")
        if obj is not None and head.lemma_.lower() not in _INSTRUMENT_VERBS:
            return obj, "object of governing verb"
        raised = _child(head, "nsubjpass")
        if raised is not None and _agent(head) is None:
            # "X is scheduled / was forced / is expected TO TRAVEL": X travels
            return _antecedent(raised), f"raised subject of '{head.text}'"
    # climb past prepositions and nouns to the governing verb ("risking ... for agreeing")
    head = _governing_verb(head)
    if head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return None, ""
    tok, _ = subject_token(head, depth + 1)
    return tok, (f"subject of '{head.text}'" if tok is not None else "")


def _issuer(text: Token, depth: int) -> tuple[Token | None, str]:
    """Who issued a statement, letter or resolution: its owner ("Iran's statement", "a letter
    FROM Tehran") or else the subject of the verb it is the object of ("Japan issued a statement")."""
    for mod in text.children:
        if mod.dep_ in ("poss", "amod", "compound") and mod.pos_ in ("PROPN", "ADJ"):
            return mod, f"issuer of '{text.text}'"
        if mod.dep_ == "prep" and mod.lower_ in ("from", "by", "of"):
            owner = next((p for p in mod.children if p.dep_ == "pobj"), None)
            if owner is not None:
                return owner, f"issuer of '{text.text}'"
    gov = _governing_verb(text.head)
    if gov.pos_ not in ("VERB", "AUX") or text.dep_ not in ("dobj", "pobj", "nsubjpass", "conj", "appos"):
        return None, ""
    tok, _ = subject_token(gov, depth + 1)
    return tok, (f"issuer of '{text.text}' (subject of '{gov.text}')" if tok is not None else "")


def _recipient_tokens(
    verb: Token, rpreps: frozenset[str], absorb: bool, themes: frozenset[str]
) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    if _is_passive(verb):
        subj = _child(verb, "nsubjpass")
        if subj is not None:
            out.append((_antecedent(subj), "passive subject"))
    for dep in ("dative", "iobj", "dobj"):
        for c in verb.children:
            if c.dep_ == dep:
                if dep == "dobj" and c.lemma_.lower() in themes:
                    # "send U.S. troops", "shoot down a Russian jet": the thing acted on; only
                    # its owner, if not the actor itself, can be the recipient
                    out.append((c, THEME + dep))
                    # "recalled its ambassador FROM IRAN", "sent troops TO SYRIA": the parser often
                    # hangs the place the thing acted on goes to or comes from on the thing
                    out.extend((p, f"prep '{prep.lower_}' of '{c.text}'") for prep in c.children
                               if prep.dep_ == "prep" and prep.lower_ in _POSTING_PREPS
                               for p in prep.children if p.dep_ == "pobj")
                    # "prevented the demonstration STAGED BY STUDENTS": its makers are acted upon
                    out.extend((m, f"agent of '{cl.text}'") for cl in c.children
                               if cl.dep_ == "acl" and cl.tag_ == "VBN" for m in (_agent(cl),) if m is not None)
                    continue
                out.append((_antecedent(c), dep))
                for clause in c.children:
                    # "expressed concern THAT MOSCOW WILL...": the one the concern is about
                    subj = _child(clause, "nsubj") if clause.dep_ in ("acl", "ccomp") else None
                    if subj is not None:
                        out.append((subj, f"subject of '{clause.text}'"))
                    # "rejected claims MADE BY THE CANADIAN PM": the maker
                    maker = _agent(clause) if clause.dep_ == "acl" and clause.tag_ == "VBN" else None
                    if maker is not None:
                        out.append((maker, f"agent of '{clause.text}'"))
    if not any(c.dep_ == "dobj" for c in verb.children):
        # "denounced as an ugly crime SERBIA'S SUPPRESSION of...": an object shifted past an "as"
        # phrase is parsed as that phrase's apposition
        out.extend((a, "dobj (after 'as')") for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                   for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos")
    for c in verb.children:
        if c.dep_ == "prep" and c.lemma_.lower() in rpreps:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    out.append((pobj, f"prep '{c.lower_}'"))
    out.extend(_shared_objects(verb, rpreps))
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    if absorb:
        # "committed TO RESTORING ties with Turkey"
        clauses += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    for c in clauses:
        subj = _child(c, "nsubj")
        if subj is not None:
            # "helped Assad regain control": the helped one is the complement's subject
            out.append((subj, f"subject of '{c.text}'"))
        if absorb:
            inner = _recipient_tokens(c, rpreps, False, _inner_themes(c))
            out.extend((t, f"{via} of '{c.text}'") for t, via in inner)
        elif c.dep_ == "xcomp":
            # "stopped buying coal FROM NORTH KOREA": the complement's counterpart is the act's
            out.extend((p, f"prep '{prep.lower_}' of '{c.text}'") for prep in c.children
                       if prep.dep_ == "prep" and prep.lemma_.lower() in rpreps
                       for p in prep.children if p.dep_ == "pobj")
    return out


def _shared_objects(verb: Token, rpreps: frozenset[str]) -> list[tuple[Token, str]]:
    """ "established ties WITH and opened an embassy in Tehran": a preposition left without its
    object shares the object of the coordinated verb."""
    holders = [verb] + [o for o in verb.children if o.dep_ == "dobj"]
    dangling = [p for h in holders for p in h.children
                if p.dep_ == "prep" and p.lemma_.lower() in rpreps and not any(c.dep_ == "pobj" for c in p.children)]
    if not dangling:
        return []
    return [(o, f"object of '{conj.text}' shared by '{dangling[0].lower_}'") for conj in verb.children
            if conj.dep_ == "conj" and conj.pos_ == "VERB" for o in conj.children if o.dep_ == "dobj"]


#: pattern types whose object is the counterpart, even when the pattern names it
_COUNTERPART_OBJECTS = frozenset({"REJECT", "CONCEDE", "SUPPORT", "ACCUSE", "AGREE", "CONSULT"})


def _themes(pat: VerbPattern) -> frozenset[str]:
    return frozenset() if pat.type in _COUNTERPART_OBJECTS else pat.objects


def _inner_themes(verb: Token) -> frozenset[str]:
    out: set[str] = set()
    for pat in verb_index().get(verb.lemma_.lower(), ()):
        out |= _themes(pat)
    return frozenset(out)


def _pick(
    index: EntityIndex,
    candidates: list[tuple[Token, str]],
    actor: tuple[Entity, ...],
    self_ok: bool,
    content_object: bool = False,
) -> Argument | None:
    """The first candidate phrase naming someone other than the actor.

    A modifier of the actor's own country ("condemned the downing of a RUSSIAN jet") is not
    taken as the recipient, except for acts a state commonly does at home (arrests, protests)
    or when it names who made the act responded to ("dismissed an appeal FROM THE PRESIDENT").
    With ``content_object``, the direct object is what is asked for: only its own party names
    the counterpart (see :func:`_object_party`).
    """
    actor_spans = {(e.start, e.end) for e in actor}
    actor_countries = countries(actor)
    for tok, via in candidates:
        theme = via.startswith(THEME)
        via = via.removeprefix(THEME)
        ents, own, found = index.phrase_found(tok)
        if ents and content_object and via == "dobj" and not own and not _object_party(tok, found):
            continue  # "demanded exemptions from UKRAINE sanctions": the content of the demand
        ents = tuple(e for e in ents if (e.start, e.end) not in actor_spans)
        if ents and tok.pos_ == "PRON" and countries(ents) <= actor_countries:
            continue  # "X announced IT would...": the pronoun is the actor again
        if ents and not self_ok and _owned_by_pronoun(tok) and countries(ents) <= actor_countries:
            continue  # "Syria offered ITS troops to Lebanon": the actor's own, not the counterpart
        maker = not theme and _maker(found)
        if ents and (theme or (not own and not self_ok and not maker)) and countries(ents) <= actor_countries:
            # "send more U.S. troops": the actor's own modifier, not a recipient; but "Moscow's
            # relations WITH TURKEY": the partner of the actor's own ties is
            partner = _partner(index, tok, actor_countries)
            if partner is not None:
                return Argument(partner[1], f"{via} '{tok.text}', partner '{partner[0].text}'", partner[0].i)
            continue
        if ents:
            return Argument(ents, f"{via} '{tok.text}'", tok.i)
    return None


#: a modifier that names the object's own party ("ISRAEL'S withdrawal", "RUSSIAN demands")
_PARTY_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})


def _maker(found: Token | None) -> bool:
    """Whether the entity was found as the object of "from"/"by" naming a nominal's maker, or
    as that object's nationality ("crimes BY CROATIAN extremists")."""
    if found is not None and found.dep_ in ("amod", "compound") and found.head.dep_ == "pobj":
        found = found.head
    return found is not None and found.dep_ == "pobj" and found.head.lower_ in MAKER_PREPS


def _object_party(obj: Token, found: Token | None) -> bool:
    """Whether ``found`` names a party of the object ``obj`` itself: a direct modifier, or the
    object of one of its prepositions ("an apology FROM JAPAN", "the withdrawal OF SERBIAN
    FORCES"), not a name modifying something deeper ("exemptions from UKRAINE sanctions")."""
    if found is None:
        return False
    if found.head.i == obj.i and found.dep_ in _PARTY_MODIFIERS:
        return True
    return found.dep_ == "pobj" and found.head.head.i == obj.i


def _owned_by_pronoun(tok: Token) -> bool:
    """ "its troops", "their forces" (but not "its own citizens", said of a domestic target)."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) and not any(
        c.lower_ == "own" for c in tok.children
    )


def _partner(index: EntityIndex, tok: Token, actor_countries: frozenset[str]) -> tuple[Token, tuple[Entity, ...]] | None:
    """The other party of a "with" phrase inside ``tok``'s phrase ("relations with Turkey")."""
    for sub in tok.subtree:
        if sub.dep_ == "prep" and sub.lower_ in ("with", "between"):
            for pobj in (c for c in sub.children if c.dep_ == "pobj"):
                ents, _ = index.phrase(pobj)
                if ents and not countries(ents) <= actor_countries:
                    return pobj, ents
    return None


def _pronoun_speaker(
    pron: Token, verb: Token, index: EntityIndex, reporting_heads: frozenset[str]
) -> tuple[Token | None, str, tuple[Entity, ...]]:
    """ "Iraq said IT would allow...", "Turkey says ITS jets shot": a pronoun in a reported
    clause usually stands for the speaker."""
    cur = pron.head.head if pron.dep_ == "poss" else pron.head
    if cur.pos_ not in ("VERB", "AUX"):
        cur = verb
    while cur.head.i != cur.i:
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in reporting_heads:
            speaker, _ = subject_token(cur.head)
            if speaker is not None:
                ents, _ = index.phrase(_antecedent(speaker))
                if ents:
                    return speaker, f"pronoun '{pron.text}' = speaker of '{cur.head.text}'", ents
            return None, "", ()
        if cur.dep_ not in ("xcomp", "conj", "aux", "advcl", "acomp"):
            break
        cur = cur.head
    return None, "", ()


def verb_arguments(
    trig: Trigger,
    doc: Doc,
    index: EntityIndex,
    default_preps: frozenset[str],
    absorbing_types: frozenset[str],
    reporting_heads: frozenset[str] = frozenset(),
) -> tuple[Argument | None, Argument | None]:
    verb = doc[trig.head]
    pat = trig.pattern
    assert isinstance(pat, VerbPattern)
    actor: Argument | None = None
    subj, via = subject_token(verb)
    if subj is not None:
        ents, _ = index.phrase(_antecedent(subj))
        pron = subj if subj.pos_ == "PRON" else next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if not ents and pron is not None:
            subj, via, ents = _pronoun_speaker(pron, verb, index, reporting_heads)
        if ents and subj is not None:
            actor = Argument(ents, f"{via} '{subj.text}'", subj.i)
    rpreps = pat.recipient_preps if pat.recipient_preps is not None else default_preps
    absorb = pat.absorb or pat.type in absorbing_types
    candidates = _recipient_tokens(verb, rpreps, absorb, _themes(pat))
    if pat.topic_object:
        candidates = [(t, via) for t, via in candidates if not via.removeprefix(THEME).startswith("dobj")]
    candidates += resisted(verb, pat.type) + purpose_target(verb, pat.type) + protest_target(verb, pat.type)
    candidates += beneficiary(verb, pat.type)
    domestic = _domestic(verb, pat, absorb) or pat.type in load_role_conventions().same_country_types
    content = pat.type in load_role_conventions().content_object_types
    recipient = _pick(index, candidates, actor.entities if actor else (), domestic, content)
    if recipient is None and actor is not None:
        recipient = unplaced_party(index, candidates, actor.entities, domestic)
    if recipient is None and actor is not None:
        recipient = _reported_owner(verb, candidates, index, actor, reporting_heads)
    if recipient is None and actor is not None:
        recipient = _pick(index, destination(verb, pat.type), actor.entities, domestic)
    if recipient is None and actor is not None:
        recipient = located(act_heads(verb, absorb), doc, index, pat.type, actor)
    return actor, recipient


def _domestic(verb: Token, pat: VerbPattern, absorb: bool) -> bool:
    """Whether the act is one a state commonly does at home, or (for a verb that absorbs its
    complement) promises one: "threatened TO BAN Ugandan opposition candidates"."""
    if pat.type in domestic_types():
        return True
    if not absorb or pat.type not in load_role_conventions().own_complement_types:
        return False
    comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    comps += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    return any(p.type in domestic_types() for c in comps for p in verb_index().get(c.lemma_.lower(), ()))


def _reported_owner(
    verb: Token,
    candidates: list[tuple[Token, str]],
    index: EntityIndex,
    actor: Argument,
    reporting_heads: frozenset[str],
) -> Argument | None:
    """ "Poland said Belarusian helicopters had entered ITS airspace": a possessive pronoun on the
    object, in a clause someone reports, stands for the reporter."""
    for tok, via in candidates:
        pron = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if pron is None or any(c.lower_ == "own" for c in tok.children):
            continue  # "shelled ITS OWN towns": the clause's subject, not the reporter
        _, how, ents = _pronoun_speaker(pron, verb, index, reporting_heads)
        if ents and not countries(ents) <= countries(actor.entities):
            return Argument(ents, f"{via.removeprefix(THEME)} '{tok.text}': {how}", tok.i)
    return None


def _pobjs(noun: Token, preps: frozenset[str]) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lemma_.lower() in preps:
            out.extend((p, f"prep '{c.lower_}'") for p in c.children if p.dep_ == "pobj")
    return out


#: prepositions a light verb takes its act with ("engaged IN cleansing", "embarked ON a campaign")
_LIGHT_PREPS = frozenset({"in", "on", "upon"})


def _light_verb(noun: Token, light_verbs: frozenset[str]) -> Token | None:
    """The light verb whose object the act noun is, directly ("launched an attack") or through a
    preposition ("were engaged IN ethnic cleansing")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _LIGHT_PREPS:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in light_verbs:
        return None
    return head


def _names_target(pat: NounPattern, mod: Token) -> bool:
    """Whether a name modifying a forceful noun is its target: "the Ukraine invasion", "Iran
    sanctions"; an abbreviation usually names the sender ("U.S. sanctions", "EU sanctions")."""
    if pat.type not in _FORCEFUL or mod.dep_ != "compound" or mod.pos_ != "PROPN":
        return False
    if pat.of_role == "recipient":
        return True
    abbreviated = mod.text.isupper() or "." in mod.text
    return pat.type == "SANCTION" and not abbreviated


#: what a threat promises someone: "serious consequences FOR Turkey"
_CONSEQUENCES = frozenset({"consequence", "consequences", "repercussion", "repercussions", "price", "cost", "costs", "retribution", "response", "reprisal", "reprisals"})


def consequence_target(verb: Token, index: EntityIndex, actor: tuple[Entity, ...]) -> Argument | None:
    """ "warned there would be serious consequences FOR MOSCOW'S RELATIONS WITH TURKEY": the one
    the promised consequences are for (the partner, when they are for the actor's own ties)."""
    for tok in verb.subtree:
        if tok.lemma_.lower() not in _CONSEQUENCES and tok.lower_ not in _CONSEQUENCES:
            continue
        candidates = [(p, f"'for' of '{tok.text}'") for p in (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children) if p.dep_ == "pobj"]
        found = _pick(index, candidates, actor, False)
        if found is not None and not countries(found.entities) <= countries(actor):
            return found
    return None


def _undergoer(noun: Token) -> list[tuple[Token, str]]:
    """ "Yemen was subjected TO an attack", "the convoy came UNDER fire", "Iraq suffered an
    attack": the subject of a verb of undergoing receives the act its noun names."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("pobj", "dobj") or verb.lemma_.lower() not in load_cues().undergo_verbs:
        return []
    subj = _child(verb, "nsubjpass", "nsubj")
    return [(_antecedent(subj), f"subject of '{verb.text}'")] if subj is not None else []


def noun_arguments(
    trig: Trigger, doc: Doc, index: EntityIndex, light_verbs: frozenset[str] = frozenset()
) -> tuple[Argument | None, Argument | None]:
    noun = doc[trig.head]
    pat = trig.pattern
    assert isinstance(pat, NounPattern)
    actor: Argument | None = None
    undergoer: Argument | None = None
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    # "US Predator attacks": a name can hang on another compound word
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ in ("compound", "amod")]
    for c in modifiers:
        ents = index.at(c) if c.i not in trig.tokens else ()
        if not ents:
            continue
        if _names_target(pat, c):
            # "the Ukraine invasion", "the Crimea annexation": the name is the one undergoing it
            undergoer = Argument(ents, f"compound '{c.text}'", c.i)
            continue
        actor = Argument(ents, f"{c.dep_} '{c.text}'", c.i)
        break
    if actor is None:
        # "claims MADE BY the Canadian PM", "the attack carried out BY the group"
        for clause in noun.children:
            maker = _agent(clause) if clause.dep_ == "acl" and clause.tag_ == "VBN" else None
            ents = index.phrase(maker)[0] if maker is not None else ()
            if maker is not None and ents:
                actor = Argument(ents, f"agent of '{clause.text}' '{maker.text}'", maker.i)
                break
    if actor is None:
        actor_preps = (pat.actor_preps - pat.recipient_preps) | ({"of"} if pat.of_role == "actor" else frozenset())
        found = _pobjs(noun, actor_preps)
        if (pat.of_role == "recipient" or "of" in pat.recipient_preps) and "by" in actor_preps:
            # "the expulsion of the consul BY ESTONIA": the parser hangs the agent on the nearest noun
            found += [(b, f"{via} > prep 'by'") for o, via in _pobjs(noun, frozenset({"of"})) for b, _ in _pobjs(o, frozenset({"by"}))]
        for tok, via in found:
            ents, _ = index.phrase(tok)
            if ents:
                actor = Argument(ents, f"{via} '{tok.text}'")
                break
    light = _light_verb(noun, light_verbs)
    if actor is None and light is not None:
        # "the United States speeded up the withdrawal", "were engaged IN ethnic cleansing": the
        # light verb's subject acts
        subj, via = subject_token(light)
        if subj is not None:
            ents, _ = index.phrase(_antecedent(subj))
            if ents:
                actor = Argument(ents, f"{via} '{subj.text}' of '{light.text}'", subj.i)
    if actor is None:
        # "Lavrov and Kerry on Sunday continued discussion": the parser read the verb as the noun's
        # modifier, hanging the subject on that modifier or on the noun
        misread = [c for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBD"]
        for subj in (c for h in (noun, *misread) for c in h.children if c.dep_ == "nsubj"):
            ents, _ = index.phrase(subj)
            if ents:
                actor = Argument(ents, f"subject '{subj.text}' of the noun", subj.i)
                break
    if actor is None and pat.between:
        for tok, via in _pobjs(noun, frozenset({"between", "among"})):
            ents, _ = index.phrase(tok)
            if len(countries(ents)) > 1:
                return Argument(ents, f"{via} '{tok.text}'"), None
    if actor is None:
        return None, None
    rpreps = pat.recipient_preps | ({"of"} if pat.of_role == "recipient" else frozenset())
    candidates = _pobjs(noun, rpreps)
    if noun.dep_ == "nsubj":
        # "fresh US sanctions hit the country": what the act hits is its recipient
        candidates.extend((o, f"object of '{noun.head.text}'") for o in noun.head.children if o.dep_ == "dobj")
    candidates.extend(_undergoer(noun))
    domestic = pat.type in domestic_types()
    recipient = undergoer or _pick(index, candidates, actor.entities, domestic)
    if recipient is None:
        recipient = unplaced_party(index, candidates, actor.entities, domestic)
    if recipient is None:
        recipient = located([noun], doc, index, pat.type, actor)
    return actor, recipient
