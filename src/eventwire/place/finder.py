"""Finding place mentions in a Doc: spaCy GPE/LOC/FAC entities, region names, and capitalised
names after a locative preposition, each checked against the gazetteer.

A country name is reported as a place only where it is used as one ("in Syria", "Kabul,
Afghanistan"); as the subject of a verb it names a state actor, which the actors step covers.
Cities, regions and seas are places wherever they occur, even as metonyms ("Moscow is seeking").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from eventwire.model import Place
from eventwire.nlp.folding import FoldedPattern, fold
from eventwire.nlp.lexical import tokens_with_lower, tokens_with_text
from eventwire.nlp.text import doc_text
from eventwire.place.gazetteer import lookup_place, place_cues, region_forms

__all__ = ["find_places"]

_HINT_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: entity labels whose words are never places on their own ("Gulf Arab", "Moscow Times")
_BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
_MAX_NAME_TOKENS = 4
#: a city name the model tagged as a person is trusted as a place only above this population
MISLABEL_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    had_the: bool
    #: found after a locative preposition: may overrule a spaCy PERSON/NORP tag of the same words
    prepositional: bool = False


def _strip(text: str, start: int, end: int) -> tuple[int, int, bool]:
    while end > start and text[end - 1] in " .,;:)\"'\u2019":
        if text[end - 1] == "." and text[start:end].count(".") > 1:
            break  # "U.S." keeps its final dot
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    had_the = text[start:end].lower().startswith("the ")
    if had_the:
        start += 4
    return start, end, had_the


def _entity_candidates(doc: Doc, ents: Sequence[Span]) -> list[_Candidate]:
    found = []
    for ent in ents:
        if ent.label_ in _HINT_LABELS:
            start, end, had_the = _strip(doc_text(doc), ent.start_char, ent.end_char)
            found.append(_Candidate(start, end, had_the or _preceded_by_the(doc_text(doc), start)))
    return found


def _mislabelled_candidates(doc: Doc, ents: Sequence[Span]) -> list[_Candidate]:
    """PERSON/NORP entities that are really places: the small model tags "Niger", "Burkina
    Faso" or "Goma" as people. Country names qualify; city names only for large cities that are
    not also part of a person's name elsewhere in the article ("Michael Jackson" ... "Jackson")."""
    person_words = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for entity in doc._.ew_entities or []:
        if entity.kind == "person":
            person_words.update(w.lower() for w in entity.text.split())
    found = []
    for ent in ents:
        if ent.label_ not in ("PERSON", "NORP"):
            continue
        entry = lookup_place(ent.text)
        if entry is None:
            continue
        big_city = entry.kind == "city" and entry.population >= MISLABEL_MIN_POPULATION and \
            not any(t.lower_ in person_words for t in ent)
        if entry.kind == "country" or big_city:
            found.append(_Candidate(ent.start_char, ent.end_char, False, prepositional=True))
    return found


def _preceded_by_the(text: str, start: int) -> bool:
    return text[max(0, start - 4):start].lower() == "the "


@lru_cache(maxsize=1)
def _region_pattern() -> tuple[FoldedPattern, dict[str, bool]]:
    forms = region_forms()
    alternation = "|".join(re.escape(form) for form, _ in forms)
    pattern = re.compile(rf"(?<![\w-])(?:the )?(?:{alternation})(?![\w-])", re.IGNORECASE)
    return FoldedPattern.of(pattern), {form: needs_the for form, needs_the in forms}


def _region_candidates(doc: Doc) -> list[_Candidate]:
    text = doc_text(doc)
    folded = fold(text)
    pattern, needs = _region_pattern()
    found = []
    pos = 0
    while (match := pattern.search(text, folded, pos)) is not None:
        # a rejected match is retried one character on, so "west Africa" still yields Africa
        pos = match.start() + 1
        start, end, had_the = _strip(text, match.start(), match.end())
        words = text[start:end].split()
        if not all(w[:1].isupper() or w.lower() in ("of", "and", "el", "al") or "-" in w
                   for w in words):
            continue  # "the gulf between them" is not the Persian Gulf
        if needs.get(" ".join(w.lower() for w in words), False) and not had_the:
            continue
        found.append(_Candidate(start, end, had_the))
        pos = match.end()
    return found


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    cues = place_cues()
    return cues.locative_prepositions | cues.destination_prepositions


def _prepositional_candidates(doc: Doc) -> list[_Candidate]:
    """Capitalised names right after a locative preposition, which spaCy may not have tagged."""
    cues = place_cues()
    prepositions = _prepositions()
    found = []
    for at in tokens_with_lower(doc, prepositions | {"of"}):
        token = doc[at]
        of_place = token.lower_ == "of" and token.i > 0 and \
            doc[token.i - 1].lower_ in cues.place_nouns
        if token.lower_ not in prepositions and not of_place:
            continue
        i = token.i + 1
        had_the = i < len(doc) and doc[i].lower_ == "the"
        if had_the:
            i += 1
        if i < len(doc) and doc[i].text in cues.direction_words:
            i += 1
        j = i
        while j < len(doc) and j - i < _MAX_NAME_TOKENS and doc[j].pos_ == "PROPN" and \
                doc[j].text[:1].isupper():
            j += 1
        for end in range(j, i, -1):
            found.append(_Candidate(doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text),
                                    had_the, prepositional=True))
    return found


def _admin_places(doc: Doc, context: frozenset[str]) -> list[Place]:
    """Named administrative areas the gazetteer lacks: "Paktika province", "the state of
    Tachira". The country is the possessive before the name ("Canada's British Columbia
    province"), else the country of a namesake city ("Idlib province"), else unknown."""
    nouns = place_cues().admin_nouns
    found = []
    for at in tokens_with_text(doc, nouns):
        token = doc[at]
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and \
                doc[token.i + 2].pos_ == "PROPN":
            first = last = token.i + 2
            while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and last - first < 2:
                last += 1
        else:
            last = first = token.i - 1
            while first >= 0 and doc[first].pos_ == "PROPN" and doc[first].text[:1].isupper() \
                    and last - first < 3:
                first -= 1
            first += 1
            if first > last:
                continue
        name_span = doc[first:last + 1]
        if not name_span.text[:1].isupper():
            continue
        span = doc[min(first, token.i):max(last, token.i) + 1]
        country = _possessive_country(doc, span.start)
        if country is None:
            namesake = lookup_place(name_span.text, context)
            country = namesake.country if namesake is not None else None
        found.append(Place(text=span.text, start=span.start_char, end=span.end_char,
                           name=name_span.text, country=country, kind="admin"))
    return found


def _possessive_country(doc: Doc, start: int) -> str | None:
    if start >= 2 and doc[start - 1].tag_ == "POS":
        entry = lookup_place(doc[start - 2].text)
        if entry is not None and entry.kind == "country":
            return entry.country
    return None


def _blocked_ranges(doc: Doc, ents: Sequence[Span]) -> list[tuple[int, int]]:
    ranges = [(e.start_char, e.end_char) for e in ents if e.label_ in _BLOCKING_LABELS]
    for entity in doc._.ew_entities or []:
        ranges.append((entity.start, entity.end))
    return ranges


def _inside_longer(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e and (e - s) > (end - start) for s, e in ranges)


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _locative_context(doc: Doc, ents: Sequence[Span], start: int, places: list[Place]) -> bool:
    """Whether the name at ``start`` is used as a location: after a locative preposition, after
    "the border with", as the second half of "City, Country", or coordinated with a place that
    is ("in Syria and Yemen")."""
    cues = place_cues()
    before = doc_text(doc)[max(0, start - 40):start].lower().split()
    if before and before[-1] in cues.direction_words:
        before = before[:-1]
    if before and before[-1] == "the":
        before = before[:-1]
    if before and before[-1] in cues.locative_prepositions:
        return True
    if len(before) >= 2 and before[-1] in ("of", "with") and before[-2] in cues.place_nouns:
        return True
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is not None and len(token) and token[0].dep_ == "dobj" and \
            token[0].head.lemma_.lower() in cues.place_object_verbs:
        return True  # "visiting Pakistan", "invaded Ukraine"
    if places and places[-1].end <= start:
        glue = doc_text(doc)[places[-1].end:start]
        if re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*(?:the\s+)?", glue, flags=re.IGNORECASE):
            return True
    stripped = doc_text(doc)[:start].rstrip()
    if stripped.endswith(","):
        previous = stripped[:-1].rstrip()
        return any(p.end == len(previous) and p.kind in ("city", "admin") for p in places) \
            or _city_ending_at(ents, len(previous))
    return False


def _city_ending_at(ents: Sequence[Span], end: int) -> bool:
    """A city or state name (used as a place or not) ending at ``end``: "Kabul, Afghanistan"."""
    for ent in ents:
        if ent.end_char == end and ent.label_ in _HINT_LABELS:
            entry = lookup_place(ent.text)
            return entry is not None and entry.kind in ("city", "admin")
    return False


def _modifies_proper_noun(doc: Doc, end: int) -> bool:
    """'Moscow Times', 'Paris Agreement': the name qualifies a following proper noun."""
    span = doc.char_span(end, len(doc_text(doc)), alignment_mode="expand")
    if span is None or len(span) == 0 or doc_text(doc)[end:end + 1] != " ":
        return False
    nxt = span[0]
    return nxt.lower_ in place_cues().non_place_heads and nxt.text[:1].isupper()


def _context_countries(doc: Doc, ents: Sequence[Span]) -> frozenset[str]:
    countries = {e.country for e in doc._.ew_entities or [] if e.country}
    for ent in ents:
        if ent.label_ in ("GPE", "NORP"):
            start, end, had_the = _strip(doc_text(doc), ent.start_char, ent.end_char)
            entry = lookup_place(doc_text(doc)[start:end], had_the=had_the)
            if entry is not None and entry.kind == "country" and entry.country:
                countries.add(entry.country)
    return frozenset(countries)


def find_places(doc: Doc) -> list[Place]:
    """Every place mention in ``doc``, sorted by offset, non-overlapping (longest wins)."""
    text = doc_text(doc)
    ents = doc.ents  # a new Span per entity on every read: read once
    context = _context_countries(doc, ents)
    blocked = _blocked_ranges(doc, ents)
    blocking_ents = [(e.start_char, e.end_char) for e in ents if e.label_ in _BLOCKING_LABELS]
    # the small model often tags a lone city as PERSON or NORP ("traveled to Kiev")
    relabelable = {(e.start_char, e.end_char) for e in ents if e.label_ in ("PERSON", "NORP")}
    candidates = (_entity_candidates(doc, ents) + _region_candidates(doc)
                  + _prepositional_candidates(doc) + _mislabelled_candidates(doc, ents))
    resolved: list[Place] = []
    for cand in candidates:
        name = text[cand.start:cand.end]
        if not name or not name[:1].isupper():
            continue
        if _inside_longer(blocked, cand.start, cand.end):
            continue
        if _overlaps(blocking_ents, cand.start, cand.end) and not (
                cand.prepositional and (cand.start, cand.end) in relabelable):
            continue
        if _modifies_proper_noun(doc, cand.end):
            continue
        entry = lookup_place(name, context, had_the=cand.had_the)
        if entry is None:
            continue
        resolved.append(Place(text=name, start=cand.start, end=cand.end, name=entry.name,
                              country=entry.country, kind=entry.kind, lat=entry.lat,
                              lon=entry.lon))
    for place in _admin_places(doc, context):
        if not _inside_longer(blocked, place.start, place.end):
            resolved.append(place)
    chosen: list[Place] = []
    for place in sorted(resolved, key=lambda p: (-(p.end - p.start), p.start)):
        if not any(c.start < place.end and place.start < c.end for c in chosen):
            chosen.append(place)
    chosen.sort(key=lambda p: p.start)
    kept: list[Place] = []
    locative: list[Place] = []  # the kept places used as locations, for coordination
    for place in chosen:
        is_locative = _locative_context(doc, ents, place.start, locative)
        if place.kind == "country" and not is_locative:
            continue
        kept.append(place)
        if is_locative:
            locative.append(place)
    return kept
