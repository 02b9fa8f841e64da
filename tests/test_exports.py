"""Exports: Parquet partitions DuckDB can read, the GDELT 2.0 layout, POLECAT field names."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.coding import CodedArticle
from eventwire.corpus import update_unique_events
from eventwire.corpus.exports import export_events
from eventwire.corpus.gdelt import GDELT_COLUMNS
from eventwire.corpus.polecat import POLECAT_FIELDS
from eventwire.corpus.source import EventScope
from eventwire.model import Article, DateValue, Entity, Event, Place, TextSpan
from eventwire.store import open_store

LAVROV = Entity("Lavrov", 0, 6, "RUS", "GOV", name="Sergey Lavrov", kind="person")
ZARIF = Entity("Zarif", 0, 5, "IRN", "GOV", name="Mohammad Javad Zarif", kind="person")
USA = Entity("Washington", 0, 10, "USA", "GOV", name="United States", kind="state")
MOSCOW = Place("Moscow", 0, 6, "Moscow", "RUS", "city", 55.75, 37.62)
IRAN = Place("Iran", 0, 4, "Iran", "IRN", "country", 32.0, 53.0)
JUNE = dt.date(2019, 6, 17)
JULY = dt.date(2019, 7, 2)


def event(sentence: str, day: dt.date | None, actor: Entity, recipient: Entity | None,
          etype: str = "CONSULT", cameo: str = "040", goldstein: float = 1.0, quad: int = 1,
          place: Place | None = None) -> Event:
    return Event(
        type=etype, actor=(actor,), recipient=(recipient,) if recipient else (),
        evidence=TextSpan(sentence, 0, len(sentence)), trigger=TextSpan("met", 7, 10),
        date=DateValue(day, day, "day") if day else None, location=place, cameo=cameo,
        goldstein=goldstein, quad_class=quad, context=("diplomatic",), mode="visit",
    )


def article(aid: str, published: dt.date, outlet: str, *events: Event) -> CodedArticle:
    """One paragraph per event, evidence offsets pointing into the text."""
    placed, text = [], ""
    for e in events:
        text += "\n\n" if text else ""
        span = TextSpan(e.evidence.text, len(text), len(text) + len(e.evidence.text))
        placed.append(replace(e, evidence=span))
        text += e.evidence.text
    return CodedArticle(Article(id=aid, text=text, published=published, outlet=outlet,
                                url=f"https://{outlet.lower()}.example/{aid}"),
                        tuple(placed), (), (), (), (), (), ())


MEETING = "Lavrov met Zarif in Moscow on Monday to discuss the nuclear deal."
ARTICLES = [
    article("wire-1", JUNE, "Reuters", event(MEETING, JUNE, LAVROV, ZARIF, place=MOSCOW),
            event("Washington sanctioned Iran's oil minister.", JUNE, USA, ZARIF, "SANCTION",
                  "163", -8.0, 4, IRAN)),
    article("wire-2", JUNE, "AP", event(MEETING, JUNE, LAVROV, ZARIF, place=MOSCOW)),
    article("later", JULY, "BBC", event("Zarif accused Washington of piracy.", None, ZARIF, USA,
                                        "ACCUSE", "112", -2.0, 3)),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "events.duckdb"
    with open_store(path) as store:
        for coded in ARTICLES:
            store.write(coded)
        update_unique_events(store.connection)
    return path


def run_export(db: Path, fmt: str, out: Path, scope: EventScope) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return export_events(con, fmt, scope, out)
    finally:
        con.close()


def test_parquet_partitions_are_read_back_by_duckdb(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    assert run_export(db, "parquet", out, EventScope()) == 4
    assert {p.relative_to(out).parts[:2] for p in out.rglob("*.parquet")} == {
        ("year=2019", "month=6"), ("year=2019", "month=7")}
    rows = duckdb.connect().execute(f"""
        SELECT year, month, type, actor_countries, num_mentions
        FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)
        ORDER BY month, type
    """).fetchall()
    assert rows == [(2019, 6, "CONSULT", ["RUS"], 1), (2019, 6, "CONSULT", ["RUS"], 1),
                    (2019, 6, "SANCTION", ["USA"], 1), (2019, 7, "ACCUSE", ["IRN"], 1)]
    july = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', "
                      "hive_partitioning = true) WHERE month = 7").fetchall()
    assert july == [(1,)]


def test_gdelt_column_list() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def _gdelt(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(len(r) == 61 for r in rows)
    return [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]


def test_gdelt_unique_events_have_plausible_values(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert run_export(db, "gdelt", out, EventScope(unique=True)) == 3
    rows = _gdelt(out)
    meeting = next(r for r in rows if r["EventCode"] == "040")
    assert meeting["SQLDATE"] == "20190617" and meeting["MonthYear"] == "201906"
    assert meeting["Year"] == "2019" and meeting["FractionDate"].startswith("2019.46")
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == (
        "RUSGOV", "RUS", "GOV")
    assert meeting["Actor1Name"] == "SERGEY LAVROV" and meeting["Actor2Code"] == "IRNGOV"
    assert (meeting["EventBaseCode"], meeting["EventRootCode"]) == ("040", "04")
    assert (meeting["QuadClass"], meeting["GoldsteinScale"]) == ("1", "1.0")
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (
        "2", "2", "2")
    assert meeting["IsRootEvent"] == "1"
    # FIPS 10-4 geography, as in GDELT: Russia is RS
    assert (meeting["ActionGeo_Type"], meeting["ActionGeo_CountryCode"]) == ("4", "RS")
    assert meeting["ActionGeo_FullName"] == "Moscow, Russia"
    sanction = next(r for r in rows if r["EventCode"] == "163")
    assert (sanction["ActionGeo_Type"], sanction["ActionGeo_CountryCode"]) == ("1", "IR")
    assert sanction["IsRootEvent"] == "0"  # second paragraph
    assert all(r["GLOBALEVENTID"].isdigit() and len(r["DATEADDED"]) == 14 for r in rows)
    assert meeting["SOURCEURL"].startswith("https://")
    undated = next(r for r in rows if r["EventCode"] == "112")
    assert undated["SQLDATE"] == "20190702"  # the publication date stands in


def test_gdelt_by_duckdb_with_the_column_names(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    run_export(db, "gdelt", out, EventScope(actor="RUS"))
    names = ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_COLUMNS)
    rows = duckdb.connect().execute(f"SELECT Actor1Code, Actor2CountryCode, NumArticles FROM read_csv("
                      f"'{out}', delim = '\t', header = false, columns = {{{names}}})").fetchall()
    assert rows == [("RUSGOV", "IRN", "1"), ("RUSGOV", "IRN", "1")]


def test_plover_json_uses_polecat_field_names(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    n = run_export(db, "plover", out, EventScope(unique=True, since=JUNE, until=JUNE))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(records) == 2
    assert all(tuple(r) == POLECAT_FIELDS for r in records)
    meeting = next(r for r in records if r["event_type"] == "CONSULT")
    assert meeting["event_date"] == "2019-06-17" and meeting["publication_date"] == "2019-06-17"
    assert meeting["actor_name"] == ["Sergey Lavrov"] and meeting["actor_country"] == ["RUS"]
    assert meeting["recipient_country"] == ["IRN"] and meeting["primary_actor_sector"] == "GOV"
    assert meeting["event_mode"] == "visit" and meeting["contexts"] == ["diplomatic"]
    assert meeting["quad_code"] == 1 and meeting["event_intensity"] == 1.0
    assert meeting["placename"] == "Moscow" and meeting["country"] == "RUS"
    assert meeting["story_id"] in {"wire-1", "wire-2"} and meeting["event_text"] == MEETING
    assert (meeting["num_articles"], meeting["num_sources"]) == (2, 2)


@pytest.mark.parametrize(("fmt", "name"), [("parquet", "out"), ("gdelt", "out.tsv"),
                                           ("plover", "out.jsonl")])
def test_export_command(db: Path, tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, "--output",
                                       str(out), "--since", "2019-07-01", "--actor", "IRN"])
    assert result.exit_code == 0, result.output
    assert "1 event(s) written" in result.output
    assert out.exists()


def test_export_command_refuses_unique_before_dedup(tmp_path: Path) -> None:
    path = tmp_path / "plain.duckdb"
    with open_store(path) as store:
        store.write(ARTICLES[0])
    result = CliRunner().invoke(main, ["export", "--db", str(path), "--format", "plover",
                                       "--output", str(tmp_path / "x.jsonl"), "--unique"])
    assert result.exit_code == 1 and "eventwire dedup" in result.output


def test_scoped_events_lists_unique_events_with_counts(db: Path) -> None:
    from eventwire.corpus.source import scoped_events

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = scoped_events(con, EventScope(actor="RUS", unique=True))
        per_article = scoped_events(con, EventScope(actor="RUS"), limit=1)
    finally:
        con.close()
    assert [(r["type"], r["num_articles"], r["num_sources"]) for r in rows] == [
        ("CONSULT", 2, 2)]
    assert rows[0]["event_id"].startswith("ue-") and len(per_article) == 1
