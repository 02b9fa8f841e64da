"""Non-responses to the outlet ("didn't reply to a request for comment", "declined to comment").

They are sourcing metadata, not political events: each becomes a ``no_comment`` Source naming who
did not answer and that party's country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.model import Source
from eventwire.nlp.folding import FoldedPattern, fold
from eventwire.nlp.text import doc_text, token_starts
from eventwire.sourcing.cues import SourcingCues, sourcing_cues
from eventwire.sourcing.speakers import entities_in, phrase_span, speaker_entity

__all__ = ["find_no_comments", "no_comment_offsets"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _subject(token: Token) -> Token | None:
    node = token
    for _ in range(4):
        for child in node.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if node.head is node:
            return None
        node = node.head
    return None


@lru_cache(maxsize=64)
def _folded(pattern: re.Pattern[str]) -> FoldedPattern:
    return FoldedPattern.of(pattern)


@lru_cache(maxsize=8)
def _relaxed(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern, for the folded text of a whole article, that matches wherever one of
    ``patterns`` can match within a sentence: their lower-case sources without word boundaries
    (dropping an assertion only widens a pattern). None when a source holds something that
    could depend on the text around a sentence or on case (groups with options, anchors,
    classes)."""
    parts = []
    for pattern in patterns:
        source = pattern.pattern
        if not pattern.flags & re.IGNORECASE or source != source.lower() or \
                re.search(r"\(\?(?!:)|[\^$\[]|\\\\", source):
            return None
        parts.append(source.replace("\\b", ""))
    return re.compile("|".join(f"(?:{part})" for part in parts)) if parts else None


def no_comment_offsets(doc: Doc, cues: SourcingCues | None = None) -> list[int] | None:
    """Every offset where a non-response may begin, so that sentences without one need not be
    scanned pattern by pattern; None when that cannot be known (scan every sentence)."""
    cues = cues or sourcing_cues()
    relaxed = _relaxed(tuple(p.regex for p in cues.no_comment))
    folded = fold(doc_text(doc).replace("\u2019", "'"))
    if relaxed is None or folded is None:
        return None
    found = []
    pos = 0
    while (hit := relaxed.search(folded, pos)) is not None:
        found.append(hit.start())
        pos = hit.start() + 1
    return found


def _token_at(sentence: Span, offset: int) -> Token | None:
    """The sentence's token covering character ``offset`` (None in the space between tokens)."""
    doc = sentence.doc
    i = bisect_right(token_starts(doc), offset) - 1
    if i < sentence.start or i >= sentence.end:
        return None
    tok = doc[i]
    return tok if offset < tok.idx + len(tok.text) else None


def find_no_comments(doc: Doc, sentence: Span, cues: SourcingCues | None = None) -> list[Source]:
    cues = cues or sourcing_cues()
    # curly apostrophes ('didn’t') match the patterns' straight ones; same length keeps offsets
    text = doc_text(doc)[sentence.start_char : sentence.end_char].replace("\u2019", "'")
    folded = fold(text)
    base = sentence.start_char
    taken: list[tuple[int, int]] = []
    found: list[Source] = []
    for pattern in cues.no_comment:
        for match in _folded(pattern.regex).finditer(text, folded):
            start, end = base + match.start(), base + match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            anchor = _token_at(sentence, start)
            subject = _subject(anchor) if anchor is not None else None
            country = None
            speaker = None
            source_start = start
            if subject is not None and subject.idx < start:
                words = phrase_span(subject)
                source_start = words.start_char
                speaker, _ = speaker_entity(subject)
                country = speaker.country
                if country is None:
                    for ent in entities_in(doc, words.start_char, words.end_char):
                        if ent.country:
                            country = ent.country
                            break
            found.append(
                Source(
                    kind="no_comment",
                    text=doc_text(doc)[source_start:end],
                    start=source_start,
                    end=end,
                    country=country,
                    speaker=speaker,
                )
            )
    return found
