"""Places: gazetteer lookups, the eventwire_places component, and event_location."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article, Place
from eventwire.place import event_location, lookup_place
from steps import run_steps

# name, context countries, had "the", expected (name, country, kind) or None
LOOKUP_CASES: list[tuple[str, frozenset[str], bool, tuple[str, str | None, str] | None]] = [
    ("Moscow", frozenset(), False, ("Moscow", "RUS", "city")),
    ("Moscow", frozenset({"USA"}), False, ("Moscow", "RUS", "city")),
    ("Tripoli", frozenset(), False, ("Tripoli", "LBY", "city")),
    ("Tripoli", frozenset({"LBN"}), False, ("Tripoli", "LBN", "city")),
    ("Idlib", frozenset(), False, ("Idlib", "SYR", "city")),
    ("Kiev", frozenset(), False, ("Kyiv", "UKR", "city")),
    ("Middle East", frozenset(), True, ("Middle East", None, "region")),
    ("Persian Gulf", frozenset(), True, ("Persian Gulf", None, "region")),
    ("Gulf", frozenset(), True, ("Persian Gulf", None, "region")),
    ("Gulf", frozenset(), False, None),
    ("South China Sea", frozenset(), True, ("South China Sea", None, "sea")),
    ("Black Sea", frozenset(), True, ("Black Sea", None, "sea")),
    ("Balkans", frozenset(), True, ("Balkans", None, "region")),
    ("Sahel", frozenset(), True, ("Sahel", None, "region")),
    ("Korean Peninsula", frozenset(), True, ("Korean Peninsula", None, "region")),
    ("West Bank", frozenset(), True, ("West Bank", "PSE", "region")),
    ("Gaza Strip", frozenset(), True, ("Gaza Strip", "PSE", "region")),
    ("Crimea", frozenset(), False, ("Crimea", "UKR", "region")),
    ("Donbass", frozenset(), False, ("Donbas", "UKR", "region")),
    ("Eastern Europe", frozenset(), False, ("Eastern Europe", None, "region")),
    ("Central Asia", frozenset(), False, ("Central Asia", None, "region")),
    ("Syria", frozenset(), False, ("Syria", "SYR", "country")),
    ("U.S.", frozenset(), True, ("United States", "USA", "country")),
    ("Britain", frozenset(), False, ("United Kingdom", "GBR", "country")),
    ("Netherlands", frozenset(), True, ("The Netherlands", "NLD", "country")),
    ("Texas", frozenset(), False, ("Texas", "USA", "admin")),
    ("Washington", frozenset(), False, ("Washington", "USA", "city")),
    ("Salisbury", frozenset({"GBR"}), False, ("Salisbury", "GBR", "city")),
    ("US", frozenset(), False, ("United States", "USA", "country")),
    ("us", frozenset(), False, None),
    ("Trump", frozenset(), False, None),
]


@pytest.mark.parametrize(("name", "context", "had_the", "expected"), LOOKUP_CASES)
def test_lookup_place(
    name: str, context: frozenset[str], had_the: bool,
    expected: tuple[str, str | None, str] | None,
) -> None:
    entry = lookup_place(name, context, had_the=had_the)
    assert ((entry.name, entry.country, entry.kind) if entry else None) == expected


def test_cities_have_coordinates_and_countries_do_not() -> None:
    moscow = lookup_place("Moscow")
    assert moscow is not None and moscow.lat == pytest.approx(55.75, abs=0.1)
    assert moscow.lon == pytest.approx(37.6, abs=0.1)
    russia = lookup_place("Russia")
    assert russia is not None and russia.lat is None


# -- the component -----------------------------------------------------------------------

OWN = frozenset({"eventwire_paragraphs", "eventwire_dates", "eventwire_places"})


@pytest.fixture(scope="module")
def placed(nlp: Language) -> Callable[..., Doc]:
    """spaCy's steps plus dates and places only (other components cannot interfere)."""

    def run(text: str) -> Doc:
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(id="t", text=text, published=dt.date(2019, 5, 31))
        doc = run_steps(nlp, doc, OWN)
        return doc

    return run


COMPONENT_CASES: list[tuple[str, list[tuple[str, str | None, str]]]] = [
    ("Foreign Minister Mohammad Javad Zarif visited Moscow May 7.", [("Moscow", "RUS", "city")]),
    ("Tension is rising in the Persian Gulf and the Middle East.",
     [("Persian Gulf", None, "region"), ("Middle East", None, "region")]),
    # a country as the doer of an event is an actor, not a place
    ("Russia sold missiles to Iran.", []),
    ("Fighting continued in Syria.", [("Syria", "SYR", "country")]),
    ("Protests spread to Tripoli, Lebanon.", [("Tripoli", "LBN", "city"), ("Lebanon", "LBN", "country")]),
    ("The minister traveled to Kiev on Monday.", [("Kiev", "UKR", "city")]),
    ("Gulf Arab allies met in Riyadh.", [("Riyadh", "SAU", "city")]),
    ("The Moscow Times reported the story.", []),
    ("The gulf between the two sides widened.", []),
    ("Ships were seized near the Strait of Hormuz.", [("Strait of Hormuz", None, "sea")]),
    # coordinated with a location, and tagged PERSON by the small model
    ("Militants carry out attacks in Mali, Niger and Burkina Faso.",
     [("Mali", "MLI", "country"), ("Niger", "NER", "country"), ("Burkina Faso", "BFA", "country")]),
    ("Refugees arrived in eastern DRC.", [("DRC", "COD", "country")]),
    ("Helicopters flew 200 meters from the border with Belarus.", [("Belarus", "BLR", "country")]),
    # administrative areas outside the gazetteer
    ("Nijjar was killed in Canada's British Columbia province.",
     [("Canada", "CAN", "country"), ("British Columbia province", "CAN", "admin")]),
    ("Protests spread in the state of Tachira and in Idlib province.",
     [("state of Tachira", None, "admin"), ("Idlib province", "SYR", "admin")]),
    ("The Islamic State claimed the attack in the region.", []),
]


@pytest.mark.parametrize(("text", "expected"), COMPONENT_CASES)
def test_component_places(
    placed: Callable[..., Doc], text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    doc = placed(text)
    places: list[Place] = doc._.ew_places
    assert [(p.text, p.country, p.kind) for p in places] == expected
    for place in places:
        assert doc.text[place.start:place.end] == place.text


# -- event_location ----------------------------------------------------------------------------

LOCATION_CASES: list[tuple[str, str, str | None]] = [
    ("Foreign Minister Mohammad Javad Zarif visited Moscow May 7.", "visited", "Moscow"),
    ("Rebels killed 26 people in attacks in Idlib on Tuesday.", "killed", "Idlib"),
    ("Rebels killed 26 people in attacks in Idlib on Tuesday.", "attacks", "Idlib"),
    ("Tankers were attacked in the Persian Gulf.", "attacked", "Persian Gulf"),
    (("Ruslan Pukhov, head of the Center of Analysis of Strategies and Technologies in Moscow, "
     "said."), "said", None),
    ("The minister traveled to Kiev to meet officials.", "meet", "Kiev"),
    ("Russia sold missiles to Iran.", "sold", None),
    ("Officials in Geneva said Iran had attacked ships.", "attacked", None),
    ("The foreign minister will travel to the Russian capital Moscow on Tuesday.", "travel",
     "Moscow"),
    ("The two envoys held talks in Japan's southwestern city of Fukuoka.", "held", "Fukuoka"),
    ("The ISSG meeting was held in Munich on Feb. 11-12.", "meeting", "Munich"),
    ("A delegation, which is currently visiting Pakistan, called on the prime minister.",
     "visiting", "Pakistan"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), LOCATION_CASES)
def test_event_location(
    placed: Callable[..., Doc], text: str, trigger: str, expected: str | None
) -> None:
    doc = placed(text)
    at = text.index(trigger)
    place = event_location(doc, (0, len(text)), (at, at + len(trigger)))
    assert (place.text if place else None) == expected


def test_event_location_carries_coordinates(placed: Callable[..., Doc]) -> None:
    text = "Foreign Minister Mohammad Javad Zarif visited Moscow May 7."
    doc = placed(text)
    trigger = next(t for t in doc if t.text == "visited")
    place = event_location(doc, next(iter(doc.sents)), doc[trigger.i:trigger.i + 1])
    assert place is not None and place.country == "RUS" and place.lat is not None


def test_seed_article_places(placed: Callable[..., Doc], shared_dir: Path) -> None:
    seed = sorted((shared_dir / "seed").glob("*.gold.json"))
    if not seed:
        pytest.skip("no seed article")
    gold = json.loads(seed[0].read_text("utf-8"))
    text = seed[0].with_name(seed[0].name.replace(".gold.json", ".txt")).read_text("utf-8")
    doc = placed(text)
    found = [(p.text, p.country, p.kind) for p in doc._.ew_places]
    for want in gold["places"]:
        hits = [p for p in doc._.ew_places if p.text == want["text"]
                and (want.get("country") is None or p.country == want["country"])
                and (want["kind"] != "region" or p.kind in ("region", "sea"))]
        assert hits, f"gold place {want} not in {found}"
