"""Quantities: number phrases, the eventwire_quantities component and event_quantities."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article
from eventwire.place import event_quantities
from eventwire.time.numbers import parse_number
from steps import run_steps

NUMBER_CASES: list[tuple[str, float | None]] = [
    ("1,500", 1500.0), ("2.5 million", 2.5e6), ("twenty-five", 25.0), ("four", 4.0),
    ("hundreds of thousands", 200_000.0), ("tens of thousands", 20_000.0), ("dozens", 24.0),
    ("a dozen", 12.0), ("1.2 trillion", 1.2e12), ("three hundred", 300.0),
    ("two thousand five hundred", 2500.0), ("the", None), ("many", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CASES)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


OWN = frozenset({"eventwire_paragraphs", "eventwire_dates", "eventwire_quantities"})


@pytest.fixture(scope="module")
def counted(nlp: Language) -> Callable[..., Doc]:
    """spaCy's steps plus dates (numbers in dates are not quantities) and quantities."""

    def run(text: str) -> Doc:
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(id="t", text=text, published=dt.date(2019, 5, 31))
        doc = run_steps(nlp, doc, OWN)
        return doc

    return run


Row = tuple[str, float, str, str]
QUANTITY_CASES: list[tuple[str, list[Row]]] = [
    ("Gunmen opened fire, killing at least 26.", [("26", 26, "person", "casualties")]),
    ("26 people were killed in the blast.", [("26 people", 26, "person", "casualties")]),
    ("A car bomb killed five civilians and wounded 12 others.",
     [("five civilians", 5, "person", "casualties"), ("12 others", 12, "person", "casualties")]),
    ("The war claimed hundreds of thousands of lives.",
     [("hundreds of thousands of lives", 200_000, "person", "casualties")]),
    ("The deal is worth $7 billion.", [("$7 billion", 7e9, "USD", "money")]),
    ("The EU pledged €2.5 million.", [("€2.5 million", 2.5e6, "EUR", "money")]),
    ("Moscow set aside 1.2 trillion rubles.", [("1.2 trillion rubles", 1.2e12, "RUB", "money")]),
    ("Britain expelled 60 Russian diplomats.", [("60 Russian diplomats", 60, "diplomat", "count")]),
    ("The U.S. blamed Iran for attacks on four ships.", [("four ships", 4, "ship", "count")]),
    ("Washington will send 1,500 troops.", [("1,500 troops", 1500, "troops", "troops")]),
    ("The missile has a range of up to 400 kilometers (249 miles).",
     [("400 kilometers (249 miles)", 400, "km", "distance")]),
    ("Tens of thousands of people protested.",
     [("Tens of thousands of people", 20_000, "person", "count")]),
    ("Unemployment rose to 12 percent.", [("12 percent", 12, "%", "percent")]),
    ("Two oil tankers were hit.", [("Two oil tankers", 2, "tanker", "count")]),
    ("The rebels hold a dozen bases.", [("a dozen bases", 12, "base", "count")]),
    # numbers inside point dates, names and idioms are not quantities; a duration's count is
    ("The S-400 deal was signed on May 7, 2019 after eight years of talks.",
     [("eight years", 8, "year", "duration")]),
    ("Diplomats were given 72 hours to leave.", [("72 hours", 72, "hour", "duration")]),
    ("The talks resumed at 3 p.m. in the 2019 venue.", []),
    ("The death toll surpassed 100.", [("100", 100, "person", "casualties")]),
    ("Police detained nine or more officials.", [("nine or more officials", 9, "official", "count")]),
    ("The 2,600-km border is closed.", [("2,600-km", 2600, "km", "distance")]),
    ("Russia is one of the countries defending the deal.", []),
    ("On one hand, the talks went well.", []),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITY_CASES)
def test_component_quantities(counted: Callable[..., Doc], text: str, expected: list[Row]) -> None:
    doc = counted(text)
    got = [(q.text, q.value, q.unit, q.kind) for q in doc._.ew_quantities]
    assert got == [(t, float(v), u, k) for t, v, u, k in expected]
    for quantity in doc._.ew_quantities:
        assert doc.text[quantity.start:quantity.end] == quantity.text


def test_event_quantities_keeps_the_sentence_only(counted: Callable[..., Doc]) -> None:
    text = "Rebels killed 26 people. The army sent 1,500 troops."
    doc = counted(text)
    first = text.index(".") + 1
    assert [q.text for q in event_quantities(doc, (0, first))] == ["26 people"]
    assert [q.text for q in event_quantities(doc, (first, len(text)))] == ["1,500 troops"]


def test_seed_article_quantities(counted: Callable[..., Doc], shared_dir: Path) -> None:
    seed = sorted((shared_dir / "seed").glob("*.gold.json"))
    if not seed:
        pytest.skip("no seed article")
    gold = json.loads(seed[0].read_text("utf-8"))
    text = seed[0].with_name(seed[0].name.replace(".gold.json", ".txt")).read_text("utf-8")
    doc = counted(text)
    found = [(q.text, q.value, q.unit) for q in doc._.ew_quantities]
    for want in gold["quantities"]:
        hits = [q for q in doc._.ew_quantities if q.text.startswith(want["text"])
                and q.value == want["value"] and q.unit == want["unit"]]
        assert hits, f"gold quantity {want} not in {found}"
