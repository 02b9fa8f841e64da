"""Dates: resolve_date on its own, the eventwire_dates component, and event_date."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article, DateMention, DateValue
from eventwire.time import event_date, interpret_date, lead_date, resolve_date
from steps import run_steps

PUB = dt.date(2019, 5, 31)  # a Friday
D = dt.date

# text, tense, expected (start, end, precision) or None
RESOLVE_CASES: list[tuple[str, str | None, tuple[dt.date, dt.date, str] | None]] = [
    ("May 7", None, (D(2019, 5, 7), D(2019, 5, 7), "day")),
    ("May 7, 2019", None, (D(2019, 5, 7), D(2019, 5, 7), "day")),
    ("May 7 2017", None, (D(2017, 5, 7), D(2017, 5, 7), "day")),
    ("7 May", None, (D(2019, 5, 7), D(2019, 5, 7), "day")),
    ("the 7th of May", None, (D(2019, 5, 7), D(2019, 5, 7), "day")),
    ("Sept. 11, 2001", None, (D(2001, 9, 11), D(2001, 9, 11), "day")),
    ("June 3", None, (D(2018, 6, 3), D(2018, 6, 3), "day")),
    ("June 3", "future", (D(2019, 6, 3), D(2019, 6, 3), "day")),
    ("January 5", "future", (D(2020, 1, 5), D(2020, 1, 5), "day")),
    ("on Tuesday", None, (D(2019, 5, 28), D(2019, 5, 28), "day")),
    ("Tuesday", "future", (D(2019, 6, 4), D(2019, 6, 4), "day")),
    ("on Friday", None, (D(2019, 5, 31), D(2019, 5, 31), "day")),
    ("last Friday", None, (D(2019, 5, 24), D(2019, 5, 24), "day")),
    ("next Monday", None, (D(2019, 6, 3), D(2019, 6, 3), "day")),
    ("Monday, May 6", None, (D(2019, 5, 6), D(2019, 5, 6), "day")),
    ("Wednesday night", None, (D(2019, 5, 29), D(2019, 5, 29), "day")),
    ("today", None, (PUB, PUB, "day")),
    ("yesterday", None, (D(2019, 5, 30), D(2019, 5, 30), "day")),
    ("tomorrow", None, (D(2019, 6, 1), D(2019, 6, 1), "day")),
    ("last night", None, (D(2019, 5, 30), D(2019, 5, 30), "day")),
    ("this week", None, (D(2019, 5, 27), D(2019, 6, 2), "week")),
    ("last week", None, (D(2019, 5, 20), D(2019, 5, 26), "week")),
    ("next week", None, (D(2019, 6, 3), D(2019, 6, 9), "week")),
    ("earlier this week", None, (D(2019, 5, 27), PUB, "week")),
    ("this month", None, (D(2019, 5, 1), D(2019, 5, 31), "month")),
    ("last month", None, (D(2019, 4, 1), D(2019, 4, 30), "month")),
    ("next month", None, (D(2019, 6, 1), D(2019, 6, 30), "month")),
    ("this year", None, (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("last year", None, (D(2018, 1, 1), D(2018, 12, 31), "year")),
    ("late last year", None, (D(2018, 1, 1), D(2018, 12, 31), "year")),
    ("in 2015", None, (D(2015, 1, 1), D(2015, 12, 31), "year")),
    ("2015", None, (D(2015, 1, 1), D(2015, 12, 31), "year")),
    ("in March", None, (D(2019, 3, 1), D(2019, 3, 31), "month")),
    ("in December", None, (D(2018, 12, 1), D(2018, 12, 31), "month")),
    ("in December", "future", (D(2019, 12, 1), D(2019, 12, 31), "month")),
    ("in March 2014", None, (D(2014, 3, 1), D(2014, 3, 31), "month")),
    # "last March" in May is the March just gone; "last May" in May is a year back
    ("last March", None, (D(2019, 3, 1), D(2019, 3, 31), "month")),
    ("last May", None, (D(2018, 5, 1), D(2018, 5, 31), "month")),
    ("mid-March", None, (D(2019, 3, 1), D(2019, 3, 31), "month")),
    ("early 2018", None, (D(2018, 1, 1), D(2018, 12, 31), "year")),
    ("late 2018", None, (D(2018, 1, 1), D(2018, 12, 31), "year")),
    ("late last month", None, (D(2019, 4, 1), D(2019, 4, 30), "month")),
    ("early this month", None, (D(2019, 5, 1), D(2019, 5, 31), "month")),
    ("the 1990s", None, (D(1990, 1, 1), D(1999, 12, 31), "range")),
    ("the early 1990s", None, (D(1990, 1, 1), D(1999, 12, 31), "range")),
    ("between May 2 and May 5", None, (D(2019, 5, 2), D(2019, 5, 5), "range")),
    ("between May 2 and 5", None, (D(2019, 5, 2), D(2019, 5, 5), "range")),
    ("from 2011 to 2014", None, (D(2011, 1, 1), D(2014, 12, 31), "range")),
    ("2011-2014", None, (D(2011, 1, 1), D(2014, 12, 31), "range")),
    ("two days ago", None, (D(2019, 5, 29), D(2019, 5, 29), "day")),
    ("three years ago", None, (D(2016, 1, 1), D(2016, 12, 31), "year")),
    ("two weeks ago", None, (D(2019, 5, 13), D(2019, 5, 19), "week")),
    ("last weekend", None, (D(2019, 5, 25), D(2019, 5, 26), "range")),
    ("eight years of civil war", None, (D(2011, 5, 31), PUB, "range")),
    ("the past eight years", None, (D(2011, 5, 31), PUB, "range")),
    ("the past week", None, (D(2019, 5, 24), PUB, "range")),
    ("since 2011", None, (D(2011, 1, 1), PUB, "range")),
    # a period runs since a past month even in a future clause ('will have lasted since ...')
    ("since August", "future", (D(2018, 8, 1), PUB, "range")),
    ("since 2030", None, None),
    ("last summer", None, (D(2018, 6, 1), D(2018, 8, 31), "range")),
    ("the first quarter of 2019", None, (D(2019, 1, 1), D(2019, 3, 31), "range")),
    ("2019-05-07", None, (D(2019, 5, 7), D(2019, 5, 7), "day")),
    ("recent years", None, None),
    ("in recent weeks", None, None),
    ("the past few years", None, None),
    ("decades", None, None),
    ("weekend", None, None),
    ("the meeting", None, None),
    ("Moscow", None, None),
]


@pytest.mark.parametrize(("text", "tense", "expected"), RESOLVE_CASES)
def test_resolve_date(
    text: str, tense: str | None, expected: tuple[dt.date, dt.date, str] | None
) -> None:
    value = resolve_date(text, PUB, tense=tense)
    if expected is None:
        assert value is None
    else:
        assert value is not None
        assert (value.start, value.end, value.precision) == expected
        assert value.text == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [("eight years of civil war", "duration"), ("since 2011", "duration"),
     ("recent years", "duration"), ("May 7", "point"), ("last year", "point")],
)
def test_interpretation_kind(text: str, kind: str) -> None:
    found = interpret_date(text, PUB)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [("May 7, 2019", (D(2019, 5, 7), D(2019, 5, 7))), ("in March 2014", (D(2014, 3, 1), D(2014, 3, 31))),
     ("May 7", None), ("last year", None), ("on Tuesday", None), ("two days ago", None)],
)
def test_without_publication_date_only_absolute_dates_resolve(
    text: str, expected: tuple[dt.date, dt.date] | None
) -> None:
    value = resolve_date(text, None)
    assert (value.start, value.end) == expected if value else expected is None


def test_weekday_on_publication_day_is_that_day_and_last_is_a_week_back() -> None:
    tuesday = D(2019, 5, 28)
    assert resolve_date("Tuesday", tuesday) == DateValue(tuesday, tuesday, "day", "Tuesday")
    value = resolve_date("last Tuesday", tuesday)
    assert value is not None and value.start == D(2019, 5, 21)


def test_year_boundary_for_month_day_in_january_article() -> None:
    value = resolve_date("December 30", D(2020, 1, 2))
    assert value is not None and value.start == D(2019, 12, 30)


# -- the component -----------------------------------------------------------------------

OWN = frozenset({"eventwire_paragraphs", "eventwire_dates"})


@pytest.fixture(scope="module")
def dated(nlp: Language) -> Callable[..., Doc]:
    """Runs spaCy's own steps and the date finder only, so other components cannot interfere."""

    def run(text: str, published: str | None = "2019-05-31") -> Doc:
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(
            id="t", text=text, published=D.fromisoformat(published) if published else None
        )
        doc = run_steps(nlp, doc, OWN)
        return doc

    return run


def _summary(mentions: list[DateMention]) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (m.text, m.kind, m.value.start.isoformat() if m.value else None,
         m.value.end.isoformat() if m.value else None)
        for m in mentions
    ]


COMPONENT_CASES: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Iranian Foreign Minister Mohammad Javad Zarif visited Moscow May 7.",
     [("May 7", "point", "2019-05-07", "2019-05-07")]),
    ("The talks took place between May 2 and May 5 in Geneva.",
     [("between May 2 and May 5", "point", "2019-05-02", "2019-05-05")]),
    ("Fighting raged from 2011 to 2014.", [("from 2011 to 2014", "point", "2011-01-01", "2014-12-31")]),
    ("He will travel to Paris on Tuesday.", [("Tuesday", "point", "2019-06-04", "2019-06-04")]),
    ("He traveled to Paris on Tuesday.", [("Tuesday", "point", "2019-05-28", "2019-05-28")]),
    ("The ministers will meet in June.", [("June", "point", "2019-06-01", "2019-06-30")]),
    ("The ministers met in June.", [("June", "point", "2018-06-01", "2018-06-30")]),
    ("Iran's weekend starts Thursday.", []),
    ("Since 2011, the war has killed many.", [("Since 2011", "duration", "2011-01-01", "2019-05-31")]),
    ("The country was torn by eight years of civil war that claimed many lives.",
     [("eight years of civil war", "duration", "2011-05-31", "2019-05-31")]),
    ("The two have grown closer in recent years.", [("recent years", "duration", None, None)]),
    ("Voters went to the polls last weekend.", [("last weekend", "point", "2019-05-25", "2019-05-26")]),
    ("You may 7 times ask.", []),
    ("Kabul withdrew from a tri-series set for November.",
     [("November", "point", "2019-11-01", "2019-11-30")]),
    ("Lavrov cancelled his visit to Turkey, where he was due on Wednesday.",
     [("Wednesday", "point", "2019-05-29", "2019-05-29")]),
    ("Shelling was reported on 25-26 October.",
     [("25-26 October", "point", "2018-10-25", "2018-10-26")]),
]


@pytest.mark.parametrize(("text", "expected"), COMPONENT_CASES)
def test_component_finds_and_resolves(
    dated: Callable[..., Doc], text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    doc = dated(text)
    assert _summary(doc._.ew_dates) == expected
    for mention in doc._.ew_dates:
        assert doc.text[mention.start:mention.end] == mention.text


def test_component_without_publication_date(dated: Callable[..., Doc]) -> None:
    doc = dated("They met on May 7, 2019 and again last week.", published=None)
    values = {m.text: m.value for m in doc._.ew_dates}
    assert values["May 7, 2019"] is not None
    assert values.get("last week", "missing") is None


# -- event_date ------------------------------------------------------------------------------

SANCTIONS = ("Russia is one of the countries defending the 2015 nuclear deal with Iran, which "
             "the U.S. abandoned last year before reimposing a host of sanctions on the economy.")
TROOPS = ("President Donald Trump agreed this month to send more troops to the region after "
          "the U.S. blamed Iran for attacks on oil installations.")

EVENT_DATE_CASES: list[tuple[str, str, tuple[dt.date, dt.date] | None]] = [
    ("Foreign Minister Mohammad Javad Zarif visited Moscow May 7.", "visited",
     (D(2019, 5, 7), D(2019, 5, 7))),
    (TROOPS, "agreed", (D(2019, 5, 1), D(2019, 5, 31))),
    (TROOPS, "send", (D(2019, 5, 1), D(2019, 5, 31))),
    (SANCTIONS, "defending", None),
    (SANCTIONS, "abandoned", (D(2018, 1, 1), D(2018, 12, 31))),
    (SANCTIONS, "reimposing", (D(2018, 1, 1), D(2018, 12, 31))),
    ("The two countries helped Assad regain control following eight years of civil war.",
     "helped", None),
    ("The minister said on Tuesday that Russia had rejected the request.", "rejected", None),
    ("The minister said on Tuesday that Russia had rejected the request.", "said",
     (D(2019, 5, 28), D(2019, 5, 28))),
    # a clause told at the time of speaking takes the report's date; an earlier past does not
    ("The envoy said on Tuesday that Ankara was seeking guarantees from Baghdad.", "seeking",
     (D(2019, 5, 28), D(2019, 5, 28))),
    ("The envoy said on Tuesday that Ankara would meet the rebels.", "meet",
     (D(2019, 5, 28), D(2019, 5, 28))),
    ("The envoy said on Tuesday that Ankara attacked the rebels.", "attacked", None),
    ("On the night of May 12, the US and UK armed forces carried out strikes.", "carried",
     (D(2019, 5, 12), D(2019, 5, 12))),
    ("At the Cabinet meeting on Tuesday, the government decided to suspend the pact.", "decided",
     (D(2019, 5, 28), D(2019, 5, 28))),
    ("The conflict regained intensity in May, when the government summoned the ambassador.",
     "summoned", (D(2019, 5, 1), D(2019, 5, 31))),
    (("The United States switched recognition to Beijing in 1979 but has remained Taiwan's "
     "partner."), "remained", None),
    (("The United States switched recognition to Beijing in 1979 but has remained Taiwan's "
     "partner."), "switched", (D(1979, 1, 1), D(1979, 12, 31))),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), EVENT_DATE_CASES)
def test_event_date(
    dated: Callable[..., Doc], text: str, trigger: str, expected: tuple[dt.date, dt.date] | None
) -> None:
    doc = dated(text)
    at = text.index(trigger)
    value = event_date(doc, (0, len(text)), (at, at + len(trigger)))
    assert ((value.start, value.end) if value else None) == expected


def test_lead_date_is_the_news_day_of_the_opening(dated: Callable[..., Doc]) -> None:
    doc = dated("Kenya recalled its ambassador on Wednesday. It had protested in 2014.")
    value = lead_date(doc)
    assert value is not None and value.start == D(2019, 5, 29)
    assert lead_date(dated("Kenya had protested in 2014.")) is None


def test_event_date_accepts_spacy_spans(dated: Callable[..., Doc]) -> None:
    doc = dated("Foreign Minister Mohammad Javad Zarif visited Moscow May 7.")
    sentence = next(iter(doc.sents))
    trigger = next(t for t in doc if t.text == "visited")
    value = event_date(doc, sentence, doc[trigger.i:trigger.i + 1])
    assert value is not None and value.start == D(2019, 5, 7)


# -- the seed article ------------------------------------------------------------------------

def _gold_matches(gold: dict[str, str], mention: DateMention) -> bool:
    value = mention.value
    if value is None:
        return False
    want, precision = gold["value"], gold["precision"]
    if precision == "duration":
        first, last = want.split("/")
        return mention.kind == "duration" and (str(value.start.year), str(value.end.year)) == (
            first, last)
    if precision == "day":
        return value.start.isoformat() == want == value.end.isoformat()
    if precision == "month":
        return value.precision == "month" and value.start.isoformat()[:7] == want
    return value.precision == "year" and str(value.start.year) == want == str(value.end.year)


def test_seed_article_dates(dated: Callable[..., Doc], shared_dir: Path) -> None:
    seed = sorted((shared_dir / "seed").glob("*.gold.json"))
    if not seed:
        pytest.skip("no seed article")
    gold = json.loads(seed[0].read_text("utf-8"))
    text = seed[0].with_name(seed[0].name.replace(".gold.json", ".txt")).read_text("utf-8")
    doc = dated(text, published=gold["article"]["published"])
    for want in gold["dates"]:
        hits = [m for m in doc._.ew_dates if m.text == want["text"] and _gold_matches(want, m)]
        assert hits, f"gold date {want} not found in {_summary(doc._.ew_dates)}"


# -- properties ------------------------------------------------------------------------------

_WORDS = ["May", "7", "31", "February", "30", "2019", "0000", "last", "next", "this", "year",
          "years", "ago", "since", "between", "and", "from", "to", "-", "early", "late", "the",
          "1990s", "week", "weekend", "Tuesday", "of", "eight", "a", "decade", "10000", "Q4",
          "quarter", "summer", "2-5", "Feb.", "29", "recent", "in", "on", "month"]
_PRECISIONS = {"day", "week", "month", "year", "range", "unknown"}


@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
    published=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    tense=st.sampled_from([None, "past", "future"]),
)
@settings(max_examples=300, deadline=None)
def test_resolve_date_never_raises_and_gives_ordered_intervals(
    words: list[str], published: dt.date, tense: str | None
) -> None:
    value = resolve_date(" ".join(words), published, tense=tense)
    if value is not None:
        assert value.start <= value.end
        assert value.precision in _PRECISIONS
