"""The ``eventwire_quantities`` step: counts, money, distances, troops and casualties.

A number phrase ("1,500", "two", "hundreds of thousands", "$7 billion") is read with
:func:`eventwire.time.numbers.parse_number`, then classified by what stands around it: a currency
symbol or word (money), a length unit (distance), a percent sign, or the noun it counts. Counts
of people (or of "lives") in a clause about killing or wounding are casualties; the value is then
a lower bound ("at least 26", "hundreds of thousands" -> 200000). Numbers inside date mentions
("eight years", "May 7") are left to the date step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.errors import EventwireError
from eventwire.model import Quantity
from eventwire.nlp.extensions import register_extensions
from eventwire.nlp.lexical import tokens_with_lower
from eventwire.nlp.text import doc_text
from eventwire.time.governance import SpanLike, char_range
from eventwire.time.lexicon import time_lexicon
from eventwire.time.numbers import parse_number

__all__ = ["QuantityFinder", "event_quantities", "find_quantities"]

#: spaCy entity labels whose numbers are not quantities (dates, names, model numbers)
_SKIP_LABELS = frozenset({"DATE", "ORDINAL", "PRODUCT", "ORG", "WORK_OF_ART", "LAW",
                          "EVENT", "FAC", "GPE", "PERSON"})
_MAX_MODIFIERS = 3


class QuantityDataError(EventwireError):
    """``data/places/quantities.yaml`` is missing or malformed."""


@dataclass(frozen=True)
class QuantityLexicon:
    currency_symbols: Mapping[str, str]
    currency_words: Mapping[str, str]
    distance_units: Mapping[str, str]
    percent_words: frozenset[str]
    troop_nouns: frozenset[str]
    person_nouns: frozenset[str]
    casualty_nouns: frozenset[str]
    casualty_lemmas: frozenset[str]
    qualifiers: tuple[str, ...]
    unit_lemmas: Mapping[str, str]
    number_tails: tuple[str, ...]
    time_units: Mapping[str, str]


@lru_cache(maxsize=1)
def quantity_lexicon() -> QuantityLexicon:
    path = resources.files("eventwire").joinpath("data/places/quantities.yaml")
    try:
        raw = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise QuantityDataError(f"data/places/quantities.yaml: {exc}") from exc
    if not isinstance(raw, dict):
        raise QuantityDataError("data/places/quantities.yaml: top level must be a mapping")

    def mapping(key: str) -> Mapping[str, str]:
        return MappingProxyType({str(k).lower(): str(v) for k, v in (raw.get(key) or {}).items()})

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return QuantityLexicon(
        currency_symbols=MappingProxyType({str(k): str(v) for k, v in
                                           (raw.get("currency_symbols") or {}).items()}),
        currency_words=mapping("currency_words"),
        distance_units=mapping("distance_units"),
        percent_words=words("percent_words"),
        troop_nouns=words("troop_nouns"),
        person_nouns=words("person_nouns"),
        casualty_nouns=words("casualty_nouns"),
        casualty_lemmas=words("casualty_lemmas"),
        qualifiers=tuple(sorted(words("qualifiers"), key=len, reverse=True)),
        unit_lemmas=mapping("unit_lemmas"),
        number_tails=tuple(sorted(words("number_tails"), key=len, reverse=True)),
        time_units=mapping("time_units"),
    )


def _number_end(doc: Doc, start: int) -> int:
    """Index after the last token of the number phrase starting at ``start``."""
    lex = time_lexicon()
    end = start + 1
    while end < len(doc):
        tok = doc[end]
        low = tok.lower_
        number_like = tok.like_num or low in lex.multipliers or low in lex.vague_numbers
        hyphen = low == "-" and end + 1 < len(doc) and doc[end + 1].like_num
        if number_like or hyphen:
            end += 1
        elif low == "of" and end + 1 < len(doc) and doc[end - 1].lower_ in lex.vague_numbers \
                and (doc[end + 1].lower_ in lex.vague_numbers
                     or doc[end + 1].lower_ in lex.multipliers):
            end += 1  # "hundreds of thousands"
        else:
            break
    return end


def _skipped_tokens(doc: Doc) -> set[int]:
    skipped: set[int] = set()
    durations: set[int] = set()
    for mention in doc._.ew_dates or []:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        # "eight years", "within 14 days": the count of a duration is a quantity too
        target = durations if mention.kind == "duration" else skipped
        target.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ in _SKIP_LABELS:
            skipped.update(i for i in range(ent.start, ent.end) if i not in durations)
    return skipped


def _casualty_context(doc: Doc, first: int, last: int) -> bool:
    """A casualty verb or noun near the count, or governing the counted noun."""
    lex = quantity_lexicon()
    sent = doc[first].sent
    window = doc[max(sent.start, first - 6):min(sent.end, last + 4)]
    if any(t.lemma_.lower() in lex.casualty_lemmas or t.lower_ in lex.casualty_lemmas
           for t in window):
        return True
    head = doc[last - 1]
    for _ in range(3):
        if head.lemma_.lower() in lex.casualty_lemmas:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _qualifier_start(doc: Doc, start: int) -> int:
    """Index where a qualifier like "at least" begins, or ``start`` (qualifiers stay out of the
    mention text but tell the casualty check where the phrase began)."""
    before = doc_text(doc)[max(0, doc[start].idx - 20):doc[start].idx].lower()
    for qualifier in quantity_lexicon().qualifiers:
        if before.endswith(qualifier + " "):
            span = doc.char_span(doc[start].idx - len(qualifier) - 1, doc[start].idx,
                                 alignment_mode="expand")
            if span is not None:
                return span.start
    return start


def _unit_noun(doc: Doc, end: int) -> Token | None:
    """The noun a number counts: next noun after at most a few modifiers ("60 Russian
    diplomats", "1,500 U.S. troops"), or after "of" for vague numbers ("thousands of people")."""
    i = _after_tail(doc, end)
    if i < len(doc) and doc[i].text == "-" and i + 1 < len(doc):
        i += 1  # "12-member delegation", "five-year"
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        if i < len(doc) and doc[i].pos_ == "DET":
            return None
    for _ in range(_MAX_MODIFIERS + 1):
        if i >= len(doc):
            return None
        tok = doc[i]
        if tok.pos_ == "NOUN":
            # "two oil tankers": the counted noun is the last of a compound
            while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" and tok.dep_ == "compound":
                i += 1
                tok = doc[i]
            return tok
        if tok.tag_ == "NNPS" and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN")):
            return tok  # "four Shias"
        if tok.pos_ not in ("ADJ", "PROPN", "ADV") or tok.lower_ in ("of", "than"):
            return None
        i += 1
    return None


def _after_tail(doc: Doc, end: int) -> int:
    """Index after "or more" and the like following a number."""
    rest = doc_text(doc)[doc[end].idx:doc[end].idx + 12].lower() if end < len(doc) else ""
    for tail in quantity_lexicon().number_tails:
        if rest.startswith(tail + " "):
            span = doc.char_span(doc[end].idx, doc[end].idx + len(tail), alignment_mode="expand")
            if span is not None:
                return span.end
    return end


def _singular(noun: Token) -> str:
    """The unit name: the lemma, unless the small model's lemma is no form of the word
    ("bases" -> "basis"), then the word less its plural ending."""
    word, lemma = noun.lower_, noun.lemma_.lower()
    if word.startswith(lemma) or (word.endswith("ies") and lemma == word[:-3] + "y"):
        return lemma
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return lemma


def _quantity(doc: Doc, first: int, last: int, value: float, unit: str, kind: str) -> Quantity:
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    return Quantity(text=doc_text(doc)[start:end], start=start, end=end, value=value, unit=unit,
                    kind=kind)


def _parenthetical_end(doc: Doc, end: int) -> int:
    """'400 kilometers (249 miles)': the conversion belongs to the same mention."""
    lex = quantity_lexicon()
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].like_num and \
            doc[end + 2].lower_ in lex.distance_units:
        close = end + 3
        return close + 1 if close < len(doc) and doc[close].text == ")" else close
    return end


def _classify(doc: Doc, start: int, end: int, value: float) -> Quantity | None:
    lex = quantity_lexicon()
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.text in lex.currency_symbols:
        first = start - 1
        if first > 0 and doc[first - 1].text in ("US", "U.S.") and \
                doc[first - 1].idx + len(doc[first - 1].text) == prev.idx:
            first -= 1
        return _quantity(doc, first, end, value, lex.currency_symbols[prev.text], "money")
    nxt = doc[end] if end < len(doc) else None
    if nxt is None:
        return None
    unit_at = end + 1 if nxt.text == "-" and end + 1 < len(doc) else end
    low = doc[unit_at].lower_ if unit_at < len(doc) else ""
    if unit_at != end and low in lex.distance_units:
        return _quantity(doc, start, unit_at + 1, value, lex.distance_units[low], "distance")
    if unit_at != end and low in lex.percent_words:
        return _quantity(doc, start, unit_at + 1, value, "%", "percent")
    if low in lex.time_units:
        return _quantity(doc, start, unit_at + 1, value, lex.time_units[low], "duration")
    low = nxt.lower_
    if low in lex.currency_words:
        return _quantity(doc, start, end + 1, value, lex.currency_words[low], "money")
    if low in lex.percent_words or (low == "per" and end + 1 < len(doc)
                                    and doc[end + 1].lower_ == "cent"):
        last = end + 2 if low == "per" else end + 1
        return _quantity(doc, start, last, value, "%", "percent")
    if low in lex.distance_units:
        return _quantity(doc, start, _parenthetical_end(doc, end + 1), value,
                         lex.distance_units[low], "distance")
    noun = _unit_noun(doc, end)
    qualified = _qualifier_start(doc, start)
    if noun is None:
        # "killing at least 26", "26 dead"
        before = doc[max(doc[start].sent.start, qualified - 6):qualified]
        bare_casualty = (qualified > 0 and doc[qualified - 1].lemma_.lower() in lex.casualty_lemmas) \
            or low in ("dead", "killed", "wounded", "injured") \
            or any(t.lower_ in ("toll", "tally") for t in before)
        if bare_casualty:
            return _quantity(doc, start, end, value, "person", "casualties")
        return None
    unit = lex.unit_lemmas.get(noun.lower_) or _singular(noun)
    if noun.lower_ in lex.casualty_nouns or (
            noun.lower_ in lex.person_nouns and _casualty_context(doc, qualified, noun.i + 1)):
        return _quantity(doc, start, noun.i + 1, value, "person", "casualties")
    if noun.lower_ in lex.troop_nouns:
        return _quantity(doc, start, noun.i + 1, value, "troops", "troops")
    if doc[start].lower_ == "one" and end - start == 1:
        return None  # "on one hand", "one day": idiom far more often than a count
    return _quantity(doc, start, noun.i + 1, value, unit, "count")


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    lex = time_lexicon()
    return frozenset(lex.vague_numbers) | {"a", "an"}


def _possible_starts(doc: Doc) -> list[int]:
    """The tokens a quantity can start at: number-like, a vague number ("dozens"), or "a"/"an"
    (before a multiplier). The rest are skipped without reading them one by one."""
    if len(doc) == 0:
        return []
    like_num = doc.to_array("LIKE_NUM").tolist()
    words = set(tokens_with_lower(doc, _start_words()))
    return [i for i, flag in enumerate(like_num) if flag or i in words]


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in ``doc``, sorted by offset."""
    lex = time_lexicon()
    skipped = _skipped_tokens(doc)
    # clock times ("3 p.m.") are not quantities; spans of hours ("72 hours") are
    clock = {i for e in doc.ents if e.label_ == "TIME" for i in range(e.start, e.end)}
    found: list[Quantity] = []
    i = 0
    for at in _possible_starts(doc):
        if at < i:
            continue  # inside a quantity already read
        i = at
        tok = doc[i]
        starts = (tok.like_num or tok.lower_ in lex.vague_numbers) and i not in skipped
        if tok.lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in lex.multipliers:
            starts = i + 1 not in skipped
        if not starts or tok.text[:1].isupper() and not tok.text[:1].isdigit() and \
                tok.lower_ not in lex.number_words and tok.lower_ not in lex.vague_numbers:
            i += 1
            continue
        end = _number_end(doc, i)
        if any(j in skipped for j in range(i, end)):
            i = end
            continue
        phrase = " ".join(t.text for t in doc[i:end] if t.text != "-")
        value = parse_number(phrase.replace(" - ", "-"))
        if value is None:
            i = end
            continue
        # "one of the countries": a share, not a count
        single_word = end - i == 1 and tok.lower_ not in lex.vague_numbers
        if single_word and end < len(doc) and doc[end].lower_ == "of" and \
                end + 1 < len(doc) and doc[end + 1].pos_ in ("DET", "PRON"):
            i = end
            continue
        quantity = _classify(doc, i, end, value)
        if quantity is not None and i in clock and quantity.kind != "duration":
            quantity = None
        if quantity is not None and not (found and found[-1].end > quantity.start):
            found.append(quantity)
            span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
            i = max(end, span.end if span is not None else end)
        else:
            i = end
    return found


def event_quantities(doc: Doc, sentence_span: SpanLike) -> list[Quantity]:
    """The quantities inside ``sentence_span`` (character offsets of a Span, TextSpan or pair)."""
    start, end = char_range(sentence_span)
    quantities: list[Quantity] = doc._.ew_quantities or []
    return [q for q in quantities if start <= q.start and q.end <= end]


class QuantityFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_quantities = find_quantities(doc)
        return doc


@Language.factory("eventwire_quantities")
def make_quantity_finder(nlp: Language, name: str) -> QuantityFinder:
    register_extensions()
    return QuantityFinder()
