"""Finds event triggers in a sentence: verbs and nouns that match a pattern of verbs.yaml/nouns.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.events.patterns import NounPattern, VerbPattern, noun_index, verb_index

__all__ = ["Trigger", "find_triggers", "object_words"]

_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass", "obj", "iobj"})
_CLAUSE_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_RELATIVE = frozenset({"which", "that", "who", "whom"})
#: positions of a noun phrase: a participle there, with a determiner, is used as a noun
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos"})
_EXTRA_DEPS = frozenset({"prt", "prep", "dobj", "advmod", "compound:prt", "acomp", "dative", "npadvmod"})


@dataclass(frozen=True)
class Trigger:
    """One trigger: the head token, all trigger words (doc indices) and the pattern it matched."""

    head: int
    tokens: tuple[int, ...]
    kind: str  # "verb" or "noun"
    pattern: VerbPattern | NounPattern
    #: the constraint words that made the pattern apply (object/preposition), for --explain
    matched: tuple[str, ...] = ()


def _noun_words(tok: Token) -> set[str]:
    """Lemma and form of a nominal object with its compound modifiers and coordinated nouns."""
    words = {tok.lemma_.lower(), tok.lower_}
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "conj", "nmod"):
            words |= {child.lemma_.lower(), child.lower_}
    return words


def object_words(verb: Token) -> set[str]:
    """Words that can satisfy a pattern's ``object`` constraint."""
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                # "the deal, which the U.S. abandoned"; the parser often hangs the clause on the
                # nearest noun ("the deal with IRAN, which"), so the noun before counts too
                child = verb.head
                if child.dep_ == "pobj" and child.head.head.pos_ == "NOUN":
                    words |= _noun_words(child.head.head)
            words |= _noun_words(child)
            for grand in child.children:
                if grand.dep_ == "prep":
                    # "a host OF sanctions", "a series OF attacks"
                    for pobj in grand.children:
                        if pobj.dep_ == "pobj":
                            words |= _noun_words(pobj)
        elif child.dep_ in ("prep", "agent"):
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    words |= _noun_words(pobj)
        elif child.dep_ == "prt":
            words.add(child.lower_)  # "forced the agency OUT"
        elif child.dep_ == "advcl" and any(a.lower_ == "to" for a in child.children if a.dep_ == "aux"):
            words.add(child.lemma_.lower())  # "order a diplomat TO LEAVE" parsed as a purpose clause
        elif child.dep_ in _CLAUSE_COMPLEMENTS and child.pos_ in ("VERB", "AUX", "ADJ"):
            words.add(child.lemma_.lower())
            if child.dep_ != "xcomp":
                continue  # "announced (that) it would prohibit aid": aid is not what was announced
            for grand in child.children:
                if grand.dep_ in _OBJECT_DEPS or grand.dep_ == "prt":
                    words |= _noun_words(grand)
    return words


def _extra_ok(verb: Token, extra: tuple[str, ...]) -> bool:
    attached = {c.lemma_.lower() for c in verb.children if c.dep_ in _EXTRA_DEPS}
    attached |= {c.lower_ for c in verb.children if c.dep_ in _EXTRA_DEPS}
    return all(word in attached for word in extra)


def _base_forms(word: str) -> list[str]:
    """Plausible bases of an inflected verb form ("staged" -> "stage", "banned" -> "ban",
    "denied" -> "deny", "staging" -> "stage"), for when the lemmatizer errs ("staged" -> "stag")."""
    out: list[str] = []
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2], word[:-3]]
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


def _verb_candidates(tok: Token) -> tuple[VerbPattern, ...]:
    candidates = verb_index().get(tok.lemma_.lower(), ())
    if candidates:
        return candidates
    for base in _base_forms(tok.lower_):
        candidates = verb_index().get(base, ())
        if candidates:
            return candidates
    return ()


def _match_verb(tok: Token) -> Trigger | None:
    candidates = _verb_candidates(tok)
    if not candidates:
        return None
    objects = object_words(tok)
    preps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "prt", "agent")}
    # "take measures AGAINST X", "held drills WITH X": the parser often hangs the preposition on
    # the object; it counts for patterns that name that object
    object_preps = {g.lemma_.lower() for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"}
    best: tuple[int, VerbPattern, tuple[str, ...]] | None = None
    for pat in candidates:
        if pat.extra and not _extra_ok(tok, pat.extra):
            continue
        matched: list[str] = []
        if pat.objects:
            hit = sorted(objects & pat.objects)
            if not hit:
                continue
            matched.append(hit[0])
        if pat.preps:
            hit = sorted((preps | object_preps if pat.objects else preps) & pat.preps)
            if not hit:
                continue
            matched.append(hit[0])
        # ties go to the earlier pattern in the file: it is the analyst's first choice
        if best is None or pat.specificity > best[0]:
            best = (pat.specificity, pat, tuple(matched))
    if best is None:
        return None
    pat = best[1]
    words = [tok.i]
    for child in tok.children:
        if child.dep_ in _EXTRA_DEPS and child.lemma_.lower() in pat.extra:
            words.append(child.i)
    return Trigger(head=tok.i, tokens=tuple(sorted(words)), kind="verb", pattern=pat, matched=best[2])


def _match_noun(tok: Token) -> Trigger | None:
    candidates = noun_index().get(tok.lemma_.lower(), ()) + noun_index().get(tok.lower_, ())
    best: NounPattern | None = None
    for pat in candidates:
        if pat.before:
            start = tok.i - len(pat.before)
            if start < tok.sent.start:
                continue
            words = [t.lower_ for t in tok.doc[start : tok.i]]
            lemmas = [t.lemma_.lower() for t in tok.doc[start : tok.i]]
            if list(pat.before) not in (words, lemmas):
                continue
        if best is None or len(pat.before) > len(best.before):
            best = pat
    if best is None:
        return None
    first = tok.i - len(best.before)
    return Trigger(head=tok.i, tokens=tuple(range(first, tok.i + 1)), kind="noun", pattern=best)


def find_triggers(sent: Span, inside_entity: frozenset[int]) -> list[Trigger]:
    """Every trigger of ``sent``, in text order; tokens inside actor names are never triggers."""
    found: list[Trigger] = []
    for tok in sent:
        if tok.i in inside_entity:
            continue
        trig: Trigger | None = None
        if tok.dep_ in ("amod", "compound"):
            # "the detained citizens": a participle describing a noun reports no act of its own
            trig = None
        elif tok.pos_ == "VERB" and tok.dep_ in _NOMINAL_DEPS and any(c.dep_ == "det" for c in tok.children):
            # "evacuated THE WOUNDED", "the detained": a participle used as a noun names people
            trig = None
        elif tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            trig = _match_verb(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            trig = _match_noun(tok)
        if trig is not None:
            found.append(trig)
    return found
