"""The lookups that replaced walks over every token or case-blind regex scans give the same
answers as what they replaced."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.first_chars import first_chars
from eventwire.nlp.folding import UNSAFE, FoldedPattern, fold
from eventwire.nlp.lexical import tokens_with_lower, tokens_with_text
from eventwire.nlp.text import token_starts, tokens_from, tokens_within
from eventwire.place.finder import _region_pattern
from eventwire.sourcing.cues import sourcing_cues
from eventwire.sourcing.no_comment import _relaxed, no_comment_offsets
from eventwire.time.finder import (
    _LEAD,
    _finder_patterns,
    _pattern_candidates,
    _scanned_one_by_one,
)

WORDS = ["In", "the", "Gulf", "of", "Aden", ",", "officials", "did", "n't", "reply", "IN", "Of"]


def _doc(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, spaces=[True] * (len(WORDS) - 1) + [False])


def test_tokens_with_lower_and_text(nlp: Language) -> None:
    doc = _doc(nlp)
    for words in (frozenset({"in", "of"}), frozenset({"gulf"}), frozenset({"absent"})):
        assert tokens_with_lower(doc, words) == [t.i for t in doc if t.lower_ in words]
        assert tokens_with_text(doc, words) == [t.i for t in doc if t.text in words]
    assert tokens_with_text(doc, frozenset({"In", "Of"})) == [0, 11]


def test_token_offsets(nlp: Language) -> None:
    doc = _doc(nlp)
    assert token_starts(doc) == [t.idx for t in doc]
    text = doc.text
    for start in range(len(text) + 1):
        assert tokens_from(doc, start) == next((t.i for t in doc if t.idx >= start), len(doc))
        for end in range(start, min(len(text), start + 15) + 1):
            want = [t.i for t in doc if start <= t.idx < end]
            assert [t.i for t in tokens_within(doc, start, end)] == want


@pytest.mark.parametrize("char", UNSAFE)
def test_unsafe_characters_are_why_folding_is_refused(char: str) -> None:
    # the only non-ASCII characters that match an ASCII letter case-blind
    assert any(re.fullmatch(a, char, re.IGNORECASE) for a in "iks")
    assert fold(f"visit {char} now") is None
    assert fold("visit \u00e9 now") == "visit \u00e9 now"


def test_no_other_letter_folds_onto_ascii() -> None:
    # the Latin, Greek, Cyrillic and letter-like blocks: where such surprises live
    for cp in [*range(0x80, 0x0530), *range(0x1E00, 0x2200)]:
        char = chr(cp)
        if char in UNSAFE:
            continue
        assert len(char.lower()) == 1, hex(cp)
        assert not char.lower().isascii(), hex(cp)
        assert not any(re.fullmatch(a, char, re.IGNORECASE) for a in "abcdefghijklmnopqrstuvwxyz")


def test_a_pattern_with_capitals_is_searched_the_slow_way() -> None:
    assert FoldedPattern.of(re.compile(r"\Bx", re.IGNORECASE)).scout is None
    assert FoldedPattern.of(re.compile("x")).scout is None
    assert FoldedPattern.of(re.compile("x", re.IGNORECASE)).scout is not None


_PIECES = st.sampled_from([
    "the ", "The ", "Gulf of Aden", "GULF OF ADEN", "gulf", "west Africa", "Middle East",
    " didn't reply", " DID NOT RESPOND to requests for comment", " declined to comment",
    "no comment", "No Comment", "-", "'", "\u2019", "\u0130", "\u0131", "\u017f", "\u212a",
    "\u00e9", "\u03a3", " ", ",", ".", "x", "Sea", "Strait of Hormuz", "hormuz",
])


def _patterns() -> list[re.Pattern[str]]:
    return [_region_pattern()[0].exact, *(p.regex for p in sourcing_cues().no_comment)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_folded_search_is_the_original_search(text: str) -> None:
    folded = fold(text)
    for pattern in _patterns():
        fast = FoldedPattern.of(pattern)
        assert [m.span() for m in fast.finditer(text, folded)] == \
            [m.span() for m in pattern.finditer(text)]
        for pos in range(0, len(text) + 1, 3):
            got, want = fast.search(text, folded, pos), pattern.search(text, pos)
            assert (got.span() if got else None) == (want.span() if want else None)


@pytest.mark.parametrize(("pattern", "want"), [
    ("abc", "[a]"),
    ("(?:x|y)?z", "[xyz]"),
    (r"(?:Mon|Tue)?,? ?\d+", r"[MT,\ \d]"),
    (r"(?<=q)m", "[m]"),
    ("a*", None),           # can match empty: any offset
    ("[^a]b", None),        # negated class: anything
    ("(?i:a)b", None),      # case-blind group
    (".x", None),
    ("", None),
])
def test_first_chars(pattern: str, want: str | None) -> None:
    assert first_chars(pattern) == want


_DATE_PIECES = st.sampled_from([
    "on ", "in ", "since ", "the ", "The ", "last ", "next ", "early ", "mid-", "May ", "June ",
    "Jan. ", "Monday", "Tuesday, ", "5", "12th ", "2019", "1990s", "'90s", " ", ", ", "-", "–",
    "three ", "days ", "weeks ", "ago", "earlier", "today", "last night", "summer ", "of ",
    "x", "'", "recent ", "coming ", "few ", "years", "a", "2020-01-02",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=14).map("".join))
def test_date_patterns_scanned_once_find_what_each_finds(text: str) -> None:
    assert _pattern_candidates(text) == _scanned_one_by_one(text)
    for pattern in _finder_patterns():
        first = first_chars(pattern.pattern[len(_LEAD):])
        assert first is not None
        for match in pattern.finditer(text):
            assert re.fullmatch(first, text[match.start()])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_no_comment_offsets_cover_every_sentence_match(nlp: Language, text: str, a: int,
                                                        b: int) -> None:
    doc = nlp.make_doc(text)
    offsets = no_comment_offsets(doc)
    if offsets is None:
        assert fold(text) is None
        return
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    sentence = text[lo:hi].replace("\u2019", "'")
    for pattern in sourcing_cues().no_comment:
        for match in pattern.regex.finditer(sentence):
            assert lo + match.start() in offsets


def test_a_pattern_that_may_look_outside_its_sentence_is_not_relaxed() -> None:
    for source in ("(?=x)a", "a$", "[ab]c", r"a\\b", "(?i)a", "(?P<x>a)"):
        assert _relaxed((re.compile(source, re.IGNORECASE),)) is None
    relaxed = _relaxed((re.compile(r"\bno comment\b", re.IGNORECASE),))
    assert relaxed is not None and relaxed.search("xno commentx")
