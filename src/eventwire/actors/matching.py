"""Finding knowledge-base names and agent nouns in a Doc with spaCy PhraseMatchers.

Names are matched case-insensitively (attr LOWER) for speed, then kept only when written like a
name: every word capitalised except particles ("al-", "of"), so "us" is not "US" and "turkey"
is not Turkey.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventwire.actors.cues import Cues
from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.records import normalize

__all__ = ["Matchers", "Mention", "build_matchers", "find_mentions"]

NAME, AGENT, GROUP = "name", "agent", "group"


@dataclass(frozen=True)
class Mention:
    kind: str  # name, agent, group
    start: int  # token indices
    end: int
    key: str  # normalized text

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


@dataclass(frozen=True)
class Matchers:
    names: PhraseMatcher
    agents: PhraseMatcher
    #: names as the data files write them (lower-case words included: "Kurdish fighters")
    forms: frozenset[str]


def _add(matcher: PhraseMatcher, label: str, nlp: Language, phrases: Iterable[str]) -> None:
    docs = [nlp.make_doc(p) for p in sorted(set(phrases))]
    for i in range(0, len(docs), 5000):
        matcher.add(label, docs[i:i + 5000])


@lru_cache(maxsize=4)
def build_matchers(nlp: Language, kb: KnowledgeBase, cues: Cues) -> Matchers:
    """Matchers over every name and agent noun (built once per pipeline and knowledge base)."""
    names = PhraseMatcher(nlp.vocab, attr="LOWER")
    _add(names, NAME, nlp, kb.names())
    _add(names, GROUP, nlp, (a for g in cues.state_groups for a in g.aliases))
    agents = PhraseMatcher(nlp.vocab, attr="LOWER")
    _add(agents, AGENT, nlp, (form for a in kb.agents.values() for form in _with_plural(a.term)))
    forms = {f for f in kb.names()} | {a for g in cues.state_groups for a in g.aliases}
    forms |= {f[:1].upper() + f[1:] for f in forms}  # sentence-initial capital
    return Matchers(names=names, agents=agents, forms=frozenset(forms))


def _with_plural(term: str) -> tuple[str, ...]:
    if term.endswith("s") or not term[-1:].isalpha() or term.isupper():
        return (term,)
    plural = term[:-1] + "ies" if term.endswith("y") and term[-2:-1] not in "aeiou" else term + "s"
    return (term, plural)


def written_as_name(span: Span, particles: frozenset[str]) -> bool:
    for tok in span:
        text = tok.text
        if not any(ch.isalpha() for ch in text) or tok.lower_ in particles:
            continue
        first = next(ch for ch in text if ch.isalpha())
        if not first.isupper():
            return False
    return True


def find_mentions(doc: Doc, matchers: Matchers, cues: Cues) -> list[Mention]:
    """Name and group mentions (longest, non-overlapping), then agent-noun mentions."""
    vocab = doc.vocab.strings
    spans: list[Span] = []
    for match_id, start, end in matchers.names(doc):
        span = doc[start:end]
        span.label_ = vocab[match_id]
        if span.text not in matchers.forms and not written_as_name(span, cues.name_particles):
            continue
        if span[0].lower_ in ("the",) and span.label_ == NAME and len(span) == 1:
            continue
        spans.append(span)
    names = filter_spans(spans)
    taken = {i for s in names for i in range(s.start, s.end)}
    agent_spans = [doc[s:e] for _, s, e in matchers.agents(doc)]
    agents = [s for s in filter_spans(agent_spans) if not taken & set(range(s.start, s.end))]
    out = [Mention(s.label_, s.start, s.end, normalize(s.text)) for s in names]
    out += [Mention(AGENT, s.start, s.end, normalize(s.text)) for s in agents]
    return sorted(out, key=lambda m: m.start)
