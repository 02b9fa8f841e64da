"""Actor-resolution helpers on hand-built Docs (no statistical model needed)."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.compounds import find_compounds, in_quotation, pair_references
from eventwire.actors.context import disambiguate
from eventwire.actors.cues import load_cues
from eventwire.actors.dateline import dateline_country
from eventwire.actors.kb import load_knowledge_base
from eventwire.actors.matching import _with_plural, written_as_name
from eventwire.actors.records import Candidate, normalize
from eventwire.model import Entity


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def make_doc(blank: Language, text: str) -> Doc:
    return blank.make_doc(text)


def state(doc: Doc, word: str, country: str, occurrence: int = 0) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(word, start + 1)
    return Entity(text=word, start=start, end=start + len(word), country=country, kind="state",
                  name=word, entity_id=f"state:{country}")


@pytest.mark.parametrize(
    ("text", "marker", "inside"),
    [
        ('He said "Russia and Iran" were close.', "Iran", True),
        ("He said \u201cRussia and Iran\u201d were close. Iran", "Iran\u201d", True),
        ("Russia and Iran were close.", "Iran", False),
        ("\u201cA quote.\u201d\n\nIran said.", "Iran", False),
    ],
)
def test_in_quotation(text: str, marker: str, inside: bool) -> None:
    assert in_quotation(text, text.index(marker)) is inside


@pytest.mark.parametrize(
    ("text", "words", "compound"),
    [
        ("Russia and Iran met.", ("Russia", "Iran"), "Russia and Iran"),
        ("France, Germany and Britain met.", ("France", "Germany", "Britain"),
         "France, Germany and Britain"),
        ("Russia, Iran met.", ("Russia", "Iran"), None),  # no "and": a list, not a compound
        ("Russia met Iran.", ("Russia", "Iran"), None),
    ],
)
def test_find_compounds(blank: Language, text: str, words: tuple[str, ...],
                        compound: str | None) -> None:
    doc = make_doc(blank, text)
    entities = [state(doc, w, w[:3].upper()) for w in words]
    found = [c[0].text for c in find_compounds(doc, entities, load_cues())]
    assert found == ([compound] if compound else [])


def test_pair_reference_falls_back_to_last_two_states(blank: Language) -> None:
    doc = make_doc(blank, "Chile met Peru. Later Peru hosted Bolivia. The two countries agreed.")
    entities = [state(doc, "Chile", "CHL"), state(doc, "Peru", "PER"),
                state(doc, "Peru", "PER", 1), state(doc, "Bolivia", "BOL")]
    (span, members), = pair_references(doc, entities, [], load_cues())
    assert span.text == "The two countries"
    assert [m.country for m in members] == ["PER", "BOL"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Islamabad: Pakistan summoned the envoy.", "PAK"),
        ("# Headline\n\nBy Someone\n\nMOSCOW (Reuters) - Talks resumed.", "RUS"),
        ("Nairobi, May 7 - Kenya recalled its envoy.", "KEN"),
        ("Pakistan summoned the envoy on Monday: talks failed.", None),
    ],
)
def test_dateline_country(blank: Language, text: str, country: str | None) -> None:
    assert dateline_country(make_doc(blank, text), load_knowledge_base()) == country


@pytest.mark.parametrize(
    ("text", "ok"),
    [("Bashar al-Assad", True), ("Ministry of Defence", True), ("US", True), ("us", False),
     ("turkey", False), ("the Kremlin", True), ("Kurdish fighters", False)],
)
def test_written_as_name(blank: Language, text: str, ok: bool) -> None:
    doc = make_doc(blank, text)
    assert written_as_name(doc[:], load_cues().name_particles) is ok


@pytest.mark.parametrize(
    ("term", "forms"),
    [("ministry", ("ministry", "ministries")), ("official", ("official", "officials")),
     ("troops", ("troops",)), ("NGO", ("NGO",)), ("envoy", ("envoy", "envoys"))],
)
def test_agent_plurals(term: str, forms: tuple[str, ...]) -> None:
    assert _with_plural(term) == forms


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Georgia accused Russia; officials in Tbilisi said so.", "GEO"),
        ("Georgia's governor spoke in Atlanta.", "USA"),
        ("Georgia held elections.", "GEO"),
    ],
)
def test_georgia_follows_the_article(blank: Language, text: str, country: str) -> None:
    cand = Candidate(name="Georgia", kind="state", country="GEO", sector=None)
    got = disambiguate(make_doc(blank, text), "georgia", cand, load_cues())
    assert got.country == country
    assert (got == cand) is (country == "GEO")


def test_normalize_keys() -> None:
    assert normalize("  Russia\u2019s   Foreign Ministry ") == "russia's foreign ministry"


def test_candidate_ids_are_stable() -> None:
    c = Candidate(name="Vladimir Putin", kind="person", country="RUS", sector="GOV")
    assert c.entity_id == "person:RUS:vladimir-putin"
    assert dataclasses.replace(c, sector="ELI").entity_id == c.entity_id
