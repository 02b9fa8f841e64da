"""DuckDB store: idempotent ingest, queries with filters, failures recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from spacy.language import Language

from eventwire.batch import ingest_into_store
from eventwire.store import EventFilter, open_store, query_events

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    with open_store(path) as store:
        report = ingest_into_store([SAMPLES], store, nlp=nlp)
    assert report.stored == len(list(SAMPLES.glob("*.md")))
    assert report.failures == ()
    return path


def _counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("articles", "events", "entities", "quotes", "sources")}
    finally:
        con.close()


def test_ingesting_twice_stores_once(db: Path, nlp: Language) -> None:
    before = _counts(db)
    with open_store(db) as store:
        report = ingest_into_store([SAMPLES], store, nlp=nlp)
    assert report.stored == 0
    assert report.already_stored == before["articles"]
    assert _counts(db) == before


def test_rewriting_an_article_replaces_its_rows(db: Path, nlp: Language, tmp_path: Path) -> None:
    from eventwire.coding import code_article
    from eventwire.ingest import read_file

    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    article = read_file(next(SAMPLES.glob("*.md")))[0]
    before = _counts(copy)
    with open_store(copy) as store:
        store.write(code_article(article, nlp=nlp))
        store.write(code_article(article, nlp=nlp))
    assert _counts(copy) == before


def test_events_have_evidence_inside_the_article_text(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    bad = con.execute(
        "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) <> e.evidence"
    ).fetchone()
    con.close()
    assert bad == (0,)


def test_filter_by_actor_and_type(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        everything = query_events(store.connection, EventFilter())
        assert everything, "the samples yield events"
        some = everything[0]
        actor = some["actor_countries"][0]
        by_actor = query_events(store.connection, EventFilter(actor=actor))
        by_type = query_events(store.connection, EventFilter(type=some["type"]))
        nothing = query_events(store.connection, EventFilter(actor="ZZZ"))
    assert by_actor and all(actor in r["actor_countries"] for r in by_actor)
    assert by_type and all(r["type"] == some["type"] for r in by_type)
    assert nothing == []


def test_since_filters_by_date(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        late = query_events(store.connection, EventFilter(since=dt.date(2020, 1, 1)))
        early = query_events(store.connection, EventFilter(until=dt.date(2019, 12, 31)))
    assert late and early
    assert all((r["date_end"] or r["published"]) >= dt.date(2020, 1, 1) for r in late)


def test_injection_in_filters_is_just_a_value(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        rows = query_events(store.connection, EventFilter(actor="USA' OR 1=1 --"))
    assert rows == []


def test_failures_are_recorded_and_the_rest_kept(tmp_path: Path, nlp: Language) -> None:
    good = tmp_path / "in" / "good.md"
    good.parent.mkdir()
    good.write_text((SAMPLES / "02_skripal_expulsions.md").read_text(encoding="utf-8"))
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    path = tmp_path / "f.duckdb"
    with open_store(path) as store:
        report = ingest_into_store([tmp_path / "in"], store, nlp=nlp)
        recorded = store.failures()
    assert report.stored == 1
    assert len(report.failures) == 2
    assert {Path(s).name for s, _ in recorded} == {"empty.txt", "binary.txt"}


def test_many_rows_cross_insert_blocks(tmp_path: Path) -> None:
    from eventwire.coding import CodedArticle
    from eventwire.model import Article, Entity
    from eventwire.store.database import INSERT_BLOCK_ROWS

    n = INSERT_BLOCK_ROWS * 2 + 7
    text = "Iran " * n
    entities = tuple(Entity("Iran", 5 * i, 5 * i + 4, "IRN", "GOV") for i in range(n))
    coded = CodedArticle(Article("many", text), (), entities, (), (), (), (), ())
    path = tmp_path / "many.duckdb"
    with open_store(path) as store:
        store.write(coded)
        rows = store.connection.execute(
            "SELECT count(*), min(entity_index), max(entity_index), count(DISTINCT start) "
            "FROM entities").fetchone()
    assert rows == (n, 0, n - 1, n)
