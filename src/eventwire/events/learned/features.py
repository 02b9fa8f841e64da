"""Sentence features for the learned event-type model: lemmas, verbs with their relations, modality.

Names and subjects are masked: the model should learn what was done, not who did it.  The
development articles are few, and their protagonists would otherwise become type cues (with
subjects left in, "the foreign ministry" had become a cue for REJECT, from its denials).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

__all__ = ["sentence_features"]

#: named-entity labels whose words are masked: a name says who acted, not what they did
_NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", "DATE", "TIME", "CARDINAL",
                          "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "must", "should", "shall", "can"})
_SUBJECT = "<SUBJ>"
_ARG_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative", "xcomp", "ccomp", "acomp"})


def _word(tok: Token) -> str:
    if tok.ent_type_ in _NAME_LABELS or tok.pos_ == "PROPN":
        return "<" + (tok.ent_type_ or "NAME") + ">"
    if tok.like_num:
        return "<NUM>"
    return tok.lemma_.lower()


def _content(tok: Token) -> bool:
    return tok.is_alpha and not tok.is_stop and tok.pos_ not in ("PROPN", "PUNCT")


def _verb_features(tok: Token) -> list[str]:
    lemma = tok.lemma_.lower()
    out = [f"v:{lemma}"]
    for child in tok.children:
        if child.dep_ in _ARG_DEPS:
            out.append(f"vo:{lemma}>{_word(child)}")
        elif child.dep_ in ("prep", "agent"):
            out.append(f"vp:{lemma}>{child.lower_}")
            out.extend(f"vpo:{lemma}>{child.lower_}>{_word(g)}" for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "neg":
            out.append(f"neg:{lemma}")
            out.append("neg")
        elif child.dep_ == "aux" and child.lower_ in _MODALS:
            out.append(f"modal:{child.lower_}")
        elif child.dep_ == "auxpass":
            out.append(f"pass:{lemma}")
    return out


def _subject_tokens(sent: Span) -> set[int]:
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            out |= {t.i for t in tok.subtree}
    return out


def sentence_features(sent: Span) -> tuple[str, ...]:
    """Sorted, de-duplicated feature names of one parsed sentence."""
    feats: set[str] = set()
    subject = _subject_tokens(sent)
    # (word, is a function word): bigrams of two function words ("in the", "at a") were among the
    # heaviest weights, cues of nothing but the few sentences they came from
    words = [(_SUBJECT, False) if t.i in subject else (_word(t), t.is_stop)
             for t in sent if not t.is_punct and not t.is_space]
    feats.update(f"b:{a}_{b}" for (a, fa), (b, fb) in pairwise(words)
                 if not (fa and fb) and not a == b == _SUBJECT)
    for tok in sent:
        if _content(tok) and tok.i not in subject:
            feats.add(f"w:{tok.lemma_.lower()}")
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            feats.update(_verb_features(tok))
            if tok.dep_ == "ROOT":
                feats.add(f"root:{tok.lemma_.lower()}")
        elif tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") and tok.i not in subject:
            feats.add(f"n:{tok.dep_}:{tok.lemma_.lower()}")
    if sent.text.rstrip().endswith("?"):
        feats.add("question")
    return tuple(sorted(feats))
