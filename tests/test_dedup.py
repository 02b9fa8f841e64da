"""Cross-article deduplication: syndicated copies become one event, different events stay apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from spacy.language import Language

from eventwire.batch import ingest_into_store
from eventwire.cli import main
from eventwire.corpus import DedupSettings, rebuild_unique_events, update_unique_events
from eventwire.corpus.dedup import unique_event_mentions
from eventwire.corpus.matching import Mention, match_score
from eventwire.corpus.similarity import content_words, jaccard
from eventwire.store import open_store

CORPUS = Path(__file__).parent / "data" / "dedup"
D = dt.date(2019, 6, 17)

LEDE = ("Russian Foreign Minister Sergei Lavrov met Iranian Foreign Minister Mohammad Javad "
        "Zarif in Moscow on Monday to discuss the nuclear agreement and the war in Syria.")
EDITED = ("Russia's Foreign Minister Sergei Lavrov met Iranian Foreign Minister Mohammad Javad "
          "Zarif in Moscow on Monday to discuss the nuclear agreement and the conflict in Syria.")
OTHER = ("Russian Deputy Foreign Minister Sergei Ryabkov met Iranian Deputy Foreign Minister "
         "Abbas Araghchi in Vienna on Monday for talks on arms control and inspections.")
REWORDED = "Lavrov met Zarif in Moscow on Monday for talks on the nuclear deal, officials said."


def mention(evidence: str = LEDE, *, start: dt.date | None = D, end: dt.date | None = None,
            etype: str = "CONSULT", actors: tuple[str, ...] = ("RUS",),
            recipients: tuple[str, ...] = ("IRN",), place: str | None = "Moscow",
            place_country: str | None = "RUS", names: tuple[str, ...] = ("sergey lavrov",),
            trigger: str = "met", pattern: str = "consult.meet", aid: str = "a") -> Mention:
    return Mention(
        article_id=aid, event_index=0, type=etype, actor_countries=actors,
        recipient_countries=recipients, names=frozenset(names), start=start,
        end=end or start, location_name=place, location_country=place_country,
        trigger=trigger, pattern=pattern, evidence=evidence, published=D, fingerprint=aid,
    )


SETTINGS = DedupSettings()


@pytest.mark.parametrize(("a", "b", "same"), [
    (mention(), mention(EDITED, aid="b"), True),  # syndicated copy, light edits
    (mention(), mention(EDITED, start=D + dt.timedelta(days=1), aid="b"), True),  # ±1 day
    (mention(), mention(EDITED, start=D + dt.timedelta(days=2), aid="b"), False),
    (mention(), mention(EDITED, etype="MOBILIZE", aid="b"), False),  # another type
    (mention(), mention(EDITED, recipients=("IRN", "SYR"), aid="b"), False),  # other countries
    (mention(), mention(OTHER, place="Vienna", place_country="AUT", aid="b"), False),
    (mention(), mention(OTHER, place=None, place_country=None, names=("sergei ryabkov",),
                        aid="b"), False),  # same day, same dyad, another meeting
    (mention(), mention(EDITED, place="Geneva", place_country="CHE", aid="b"), False),
    # a month-precision date overlaps a day inside it
    (mention(), mention(EDITED, start=dt.date(2019, 6, 1), end=dt.date(2019, 6, 30), aid="b"),
     True),
    # heavy rewording is still one event with the same trigger and a shared named actor ...
    (mention(), mention(REWORDED, aid="b"), True),
    # ... but not without a shared name
    (mention(), mention(REWORDED, names=("someone else",), aid="b"), False),
    (mention(start=None), mention(EDITED, start=None, aid="b"), True),  # both undated
    (mention(start=None), mention(EDITED, aid="b"), False),
])
def test_match_score(a: Mention, b: Mention, same: bool) -> None:
    assert (match_score(a, b, SETTINGS) is not None) is same
    assert (match_score(b, a, SETTINGS) is not None) is same  # symmetric


def test_reworded_needs_the_shared_trigger() -> None:
    other_trigger = mention(REWORDED, trigger="held", pattern="consult.hold", aid="b")
    assert match_score(mention(), other_trigger, SETTINGS) is None


def test_content_words_ignore_stop_words_and_inflection() -> None:
    assert content_words("Russia's talks with the Iranians") == content_words(
        "Russian talk with Iranian")
    assert "the" not in content_words("the meeting")
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert jaccard(frozenset({"a", "b"}), frozenset({"b", "c"})) == pytest.approx(1 / 3)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("dedup") / "events.duckdb"
    with open_store(path) as store:
        report = ingest_into_store([CORPUS], store, nlp=nlp)
        assert report.failures == ()
        update_unique_events(store.connection)
    return path


def _unique(con: duckdb.DuckDBPyConnection, etype: str, actor: str,
            recipient: str) -> list[tuple[str, int, int, int, str]]:
    return con.execute("""
        SELECT id, num_mentions, num_articles, num_sources, evidence FROM unique_events
        WHERE type = ? AND actor_countries = [?] AND recipient_countries = [?]
        ORDER BY num_articles DESC
    """, [etype, actor, recipient]).fetchall()


def test_syndicated_copies_are_one_event_and_another_meeting_stays_apart(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        meetings = _unique(con, "CONSULT", "RUS", "IRN")
        assert len(meetings) == 2
        (wire_id, mentions, articles, sources, evidence), other = meetings
        assert (mentions, articles, sources) == (3, 3, 3)
        assert "Lavrov" in evidence
        assert other[1:4] == (1, 1, 1) and "Ryabkov" in other[4]
        reports = unique_event_mentions(con, wire_id)
        assert sorted(r.outlet or "" for r in reports) == ["Reuters", "news.yahoo.com",
                                                          "thestar.com"]
        assert reports[0].published == D  # earliest first
        # the strike is another type: it never joins the meetings
        strike = con.execute("SELECT count(*) FROM unique_events WHERE type = 'ASSAULT'"
                             ).fetchone()
        assert strike is not None and strike[0] >= 1
    finally:
        con.close()


def test_every_asserted_event_has_exactly_one_unique_event(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        asserted = con.execute("SELECT count(*) FROM events WHERE asserted").fetchone()
        mentions = con.execute("SELECT count(*), sum(num_mentions) FROM unique_events"
                               ).fetchone()
        linked = con.execute("SELECT count(*) FROM event_mentions").fetchone()
        assert asserted and mentions and linked
        assert linked[0] == asserted[0] == mentions[1]
        assert mentions[0] < asserted[0]
    finally:
        con.close()


def test_update_is_incremental_and_rebuild_keeps_ids(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    with open_store(copy) as store:
        con = store.connection
        before = con.execute("SELECT id, num_mentions FROM unique_events ORDER BY id").fetchall()
        again = update_unique_events(con)
        assert (again.new_mentions, again.dropped_mentions, again.touched) == (0, 0, 0)
        rebuilt = rebuild_unique_events(con)
        assert rebuilt.new_mentions == sum(n for _, n in before)
        assert con.execute("SELECT id, num_mentions FROM unique_events ORDER BY id"
                           ).fetchall() == before


def test_removed_and_recoded_articles_update_the_counts(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    with open_store(copy) as store:
        con = store.connection
        wire_id = _unique(con, "CONSULT", "RUS", "IRN")[0][0]
        yahoo = con.execute("SELECT id FROM articles WHERE outlet = 'news.yahoo.com'"
                            ).fetchone()
        star = con.execute("SELECT id FROM articles WHERE outlet = 'thestar.com'").fetchone()
        assert yahoo and star
        con.execute("DELETE FROM events WHERE article_id = ?", [yahoo[0]])
        # a re-coding that changed what the article says about the meeting
        con.execute("UPDATE events SET evidence = 'Lavrov hosted Zarif.' WHERE article_id = ? "
                    "AND type = 'CONSULT'", [star[0]])
        # ... and stamped both articles, as Store.write does
        con.execute("UPDATE articles SET coded_at = ? WHERE id IN (?, ?)",
                    [dt.datetime.now(dt.UTC).replace(tzinfo=None), yahoo[0], star[0]])
        report = update_unique_events(con)
        assert report.dropped_mentions >= 2
        row = con.execute("SELECT num_mentions, num_articles, num_sources FROM unique_events "
                          "WHERE id = ?", [wire_id]).fetchone()
        assert row is not None and tuple(row) in {(1, 1, 1), (2, 2, 2)}
        orphans = con.execute("SELECT count(*) FROM event_mentions m ANTI JOIN events e "
                              "ON e.article_id = m.article_id AND e.event_index = m.event_index"
                              ).fetchone()
        assert orphans == (0,)


def test_dedup_command(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    result = CliRunner().invoke(main, ["dedup", "--db", str(copy), "--rebuild"])
    assert result.exit_code == 0, result.output
    assert "unique event(s)" in result.output


def test_dated_block_offers_only_date_compatible_members() -> None:
    from eventwire.corpus.blocks import DatedBlock

    block = DatedBlock(window_days=1)
    near = mention(aid="near", start=D + dt.timedelta(days=1))
    far = mention(aid="far", start=D + dt.timedelta(days=30))
    month = mention(aid="month", start=dt.date(2019, 6, 1), end=dt.date(2019, 6, 30))
    undated = mention(aid="undated", start=None)
    for m in (near, far, month, undated):
        block.add(m, m.article_id)
    offered = {uid for _, uid in block.candidates(mention(aid="new"))}
    assert {"near", "month", "undated"} <= offered and "far" not in offered
    # every member the rule would accept is offered
    for m in (near, far, month):
        if match_score(mention(aid="new"), m, SETTINGS) is not None:
            assert m.article_id in offered
    year = mention(aid="year", start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31))
    assert {"near", "far", "month"} <= {uid for _, uid in block.candidates(year)}


def test_incremental_update_reads_only_recent_articles_unless_asked(
        db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    with open_store(copy) as store:
        con = store.connection
        # a change that bypassed Store.write (no new coded_at): only a full check sees it
        con.execute("UPDATE events SET evidence = 'Something else entirely happened.' "
                    "WHERE type = 'ASSAULT'")
        assert update_unique_events(con).dropped_mentions == 0
        full = update_unique_events(con, full_check=True)
        assert full.dropped_mentions == full.new_mentions >= 1
        runs = con.execute("SELECT full_check FROM dedup_runs ORDER BY started_at").fetchall()
        assert runs == [(True,), (False,), (True,)]
