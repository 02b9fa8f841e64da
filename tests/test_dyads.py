"""Dyad series on a small store written from hand-built coded articles (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.coding import CodedArticle
from eventwire.corpus import DyadQuery, dyad_series, update_unique_events
from eventwire.corpus.chart import dyad_svg
from eventwire.corpus.source import NotDeduplicated
from eventwire.errors import EventwireError
from eventwire.model import Article, DateValue, Entity, Event, TextSpan
from eventwire.store import open_store

RUS = Entity("Russia", 0, 6, "RUS", "GOV", name="Russia", kind="state")
IRN = Entity("Iran", 0, 4, "IRN", "GOV", name="Iran", kind="state")
# type -> (CAMEO, Goldstein, quad class)
CODES = {"CONSULT": ("040", 1.0, 1), "AGREE": ("057", 8.0, 2), "ASSAULT": ("190", -10.0, 4),
         "REJECT": ("120", -4.0, 3)}


def event(etype: str, sentence: str, day: dt.date | None, *, actor: Entity = RUS,
          recipient: Entity = IRN, aux: tuple[str, ...] = ()) -> Event:
    cameo, goldstein, quad = CODES[etype]
    return Event(
        type=etype, actor=(actor,), recipient=(recipient,),
        evidence=TextSpan(sentence, 0, len(sentence)), trigger=TextSpan(sentence[:4], 0, 4),
        aux=aux, date=DateValue(day, day, "day") if day else None, cameo=cameo,
        goldstein=goldstein, quad_class=quad, pattern_id=f"{etype.lower()}.test",
    )


def article(aid: str, published: dt.date, outlet: str, *events: Event) -> CodedArticle:
    text = " ".join(e.evidence.text for e in events)
    return CodedArticle(Article(id=aid, text=text, published=published, outlet=outlet),
                        tuple(events), (), (), (), (), (), ())


MON = dt.date(2019, 6, 17)
ARTICLES = [
    article("a1", MON, "Reuters",
            event("CONSULT", "Russia met Iran in Moscow on Monday.", MON),
            event("ASSAULT", "Russia bombed Iranian positions on Wednesday.", MON + dt.timedelta(2)),
            # not asserted: never counted
            event("ASSAULT", "Russia did not strike Iran on Tuesday.", MON + dt.timedelta(1),
                  aux=("negation",)),
            # the other direction
            event("REJECT", "Iran rejected Russia's offer on Tuesday.", MON + dt.timedelta(1),
                  actor=IRN, recipient=RUS)),
    # a republication of the Monday meeting, and two events of the next week
    article("a2", MON + dt.timedelta(1), "AP",
            event("CONSULT", "Russia met Iran in Moscow on Monday.", MON)),
    article("a3", MON + dt.timedelta(8), "BBC",
            event("AGREE", "Russia and Iran signed a gas deal on Monday.", MON + dt.timedelta(7)),
            event("REJECT", "Russia rejected Iran's request.", None)),  # undated: published
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dyads") / "events.duckdb"
    with open_store(path) as store:
        for coded in ARTICLES:
            store.write(coded)
    return path


def series(db: Path, **kw: object) -> list[tuple[str, int, dict[str, int], tuple[int, ...],
                                                  float | None]]:
    with open_store(db, read_only=True) as store:
        periods = dyad_series(store.connection, DyadQuery(**kw))  # type: ignore[arg-type]
    return [(p.label, p.events, dict(p.by_type), p.by_quad, p.mean_goldstein) for p in periods]


def test_weekly_counts_by_type_and_quad(db: Path) -> None:
    assert series(db, actor="RUS", recipient="IRN", by="week") == [
        ("2019-W25", 3, {"CONSULT": 2, "ASSAULT": 1}, (2, 0, 0, 1), round((1 + 1 - 10) / 3, 3)),
        ("2019-W26", 2, {"AGREE": 1, "REJECT": 1}, (0, 1, 1, 0), 2.0),
    ]


@pytest.mark.parametrize(("by", "labels"), [
    ("day", ["2019-06-17", "2019-06-19", "2019-06-24", "2019-06-25"]),
    ("month", ["2019-06"]),
    ("year", ["2019"]),
])
def test_periods(db: Path, by: str, labels: list[str]) -> None:
    assert [row[0] for row in series(db, actor="RUS", recipient="IRN", by=by)] == labels


def test_direction_and_date_filters(db: Path) -> None:
    assert series(db, actor="IRN", recipient="RUS", by="month") == [
        ("2019-06", 1, {"REJECT": 1}, (0, 0, 1, 0), -4.0)]
    only = series(db, actor="RUS", by="day", since=MON + dt.timedelta(1),
                  until=MON + dt.timedelta(7))
    assert [row[0] for row in only] == ["2019-06-19", "2019-06-24"]


def test_unique_counts_each_real_event_once(db: Path, tmp_path: Path) -> None:
    with pytest.raises(NotDeduplicated):
        series(db, actor="RUS", recipient="IRN", by="week", unique=True)
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    with open_store(copy) as store:
        update_unique_events(store.connection)
    with open_store(copy, read_only=True) as store:
        weeks = dyad_series(store.connection, DyadQuery("RUS", "IRN", "week", unique=True))
    assert [(p.label, p.events, p.mentions, p.count("CONSULT")) for p in weeks] == [
        ("2019-W25", 2, 3, 1), ("2019-W26", 2, 2, 0)]


def test_unknown_period_is_refused(db: Path) -> None:
    with pytest.raises(EventwireError, match="period"):
        series(db, by="fortnight")


def test_svg_chart_has_bars_axes_and_legend() -> None:
    from eventwire.corpus.dyads import DyadPeriod

    periods = [DyadPeriod(MON, "2019-06", 5, 5, (("CONSULT", 3), ("ASSAULT", 2)), (3, 0, 0, 2),
                          -3.4),
               DyadPeriod(dt.date(2019, 7, 1), "2019-07", 1, 1, (("AGREE", 1),), (0, 1, 0, 0),
                          8.0)]
    root = ET.fromstring(dyad_svg(periods, "RUS → IRN <by month>"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    texts = [t.text for t in root.iterfind(".//s:text", ns)]
    bars = [r for r in root.iterfind(".//s:rect", ns) if r.find("s:title", ns) is not None]
    assert len(bars) == 3  # empty quad classes draw nothing
    assert {"2019-06", "2019-07", "events", "period", "material conflict"} <= set(texts)
    assert "RUS → IRN <by month>" in texts
    heights = sorted(float(b.get("height", "0")) for b in bars)
    assert heights[0] * 2 == pytest.approx(heights[1])  # 1 event vs 2 events


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "svg"])
def test_dyads_command(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"dyads.{fmt}"
    result = CliRunner().invoke(main, ["dyads", "--db", str(db), "--actor", "RUS",
                                       "--recipient", "IRN", "--by", "week", "--format", fmt,
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        lines = text.splitlines()
        assert lines[0].startswith("period,events,mentions,mean_goldstein,verbal_cooperation")
        assert lines[1].startswith("2019-W25,3,3,")
    elif fmt == "json":
        first = json.loads(text.splitlines()[0])
        assert first["types"] == {"CONSULT": 2, "ASSAULT": 1}
        assert first["quad_classes"]["material_conflict"] == 1
    elif fmt == "svg":
        assert ET.fromstring(text).tag.endswith("svg")
    else:
        assert "2019-W26" in text and "2 period(s)" in text


def test_dyads_command_unique_without_dedup_fails_cleanly(db: Path) -> None:
    result = CliRunner().invoke(main, ["dyads", "--db", str(db), "--unique"])
    assert result.exit_code == 1
    assert "eventwire dedup" in result.output
