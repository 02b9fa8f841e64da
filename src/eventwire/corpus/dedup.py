"""Cross-article deduplication: every asserted event mention joins exactly one unique event.

The work is incremental. `update_unique_events` drops the mentions whose article was re-coded or
removed, assigns each mention not yet seen to the best-matching unique event of its block (same
type and country sets; see `eventwire.corpus.matching`) or founds a new one, and recomputes the
counts of the unique events it touched. Mentions are visited in a fixed order (event date,
publication date, article id, event index), so a rebuild of the same store gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.corpus.blocks import DatedBlock
from eventwire.corpus.matching import DedupSettings, Mention, match_score

__all__ = [
    "DedupReport",
    "MentionRecord",
    "rebuild_unique_events",
    "unique_event_mentions",
    "update_unique_events",
]

_BLOCK = tuple[str, tuple[str, ...], tuple[str, ...]]

# A hash of what a mention says; a re-coding that changes it invalidates the assignment.
_FINGERPRINT = """
md5(concat_ws('|', e.type, array_to_string(e.actor_countries, ','),
              array_to_string(e.recipient_countries, ','), e.evidence_start::VARCHAR,
              e.evidence, coalesce(e.date_start::VARCHAR, ''), coalesce(e.date_end::VARCHAR, ''),
              coalesce(a.published::VARCHAR, ''), coalesce(e.location_name, '')))
"""


def _current(*, recent: bool = False, fingerprint: bool = True) -> str:
    """Everything the deduplicator reads about the stored asserted events.

    ``recent`` keeps the articles coded at or after a bound parameter; without ``fingerprint``
    the hash is not computed (the stored mentions of a block do not need it).
    """
    return f"""
SELECT e.article_id, e.event_index, e.type, e.actor_countries, e.recipient_countries,
       e.actor_names, e.recipient_names,
       coalesce(e.date_start, a.published) AS start, coalesce(e.date_end, a.published) AS stop,
       e.location_name, e.location_country, coalesce(e.trigger, '') AS trigger,
       coalesce(e.pattern, '') AS pattern, e.evidence, a.published,
       {_FINGERPRINT if fingerprint else "''"} AS fingerprint
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.asserted {"AND a.coded_at >= ?" if recent else ""}
"""


_AGGREGATE = """
INSERT INTO unique_events
WITH m AS (
    SELECT m.unique_event_id AS id, e.article_id, e.event_index, e.type, e.mode, e.context,
           e.actor_countries, e.recipient_countries, e.actor_names, e.recipient_names,
           e.actor_sectors, e.recipient_sectors, e.date_start, e.date_end, e.date_precision,
           e.location_name, e.location_country, e.lat, e.lon, e.evidence, e.cameo, e.goldstein,
           e.quad_class, a.published,
           coalesce(lower(a.outlet), 'article:' || a.id) AS outlet_key,
           row_number() OVER (
               PARTITION BY m.unique_event_id
               ORDER BY e.date_start IS NULL, e.date_end - e.date_start, a.published NULLS LAST,
                        e.article_id, e.event_index) AS rank
    FROM event_mentions m
    JOIN events e ON e.article_id = m.article_id AND e.event_index = m.event_index
    JOIN articles a ON a.id = e.article_id
    WHERE m.unique_event_id IN (SELECT id FROM _ew_affected)
), counts AS (
    SELECT id, count(*) AS n, count(DISTINCT article_id) AS n_articles,
           count(DISTINCT outlet_key) AS n_sources, min(published) AS first_seen,
           max(published) AS last_seen
    FROM m GROUP BY id
)
SELECT r.id, r.type, r.mode, r.context, r.actor_countries, r.recipient_countries,
       r.actor_names, r.recipient_names, r.actor_sectors, r.recipient_sectors,
       r.date_start, r.date_end, r.date_precision, r.location_name, r.location_country,
       r.lat, r.lon, r.evidence, r.article_id, r.event_index, r.cameo, r.goldstein,
       r.quad_class, c.n, c.n_articles, c.n_sources, c.first_seen, c.last_seen, ?
FROM m r JOIN counts c ON c.id = r.id
WHERE r.rank = 1
"""


@dataclass(frozen=True)
class DedupReport:
    new_mentions: int
    dropped_mentions: int
    touched: int  # unique events created or recounted
    unique_events: int  # in the store afterwards
    mentions: int


@dataclass(frozen=True)
class MentionRecord:
    """One report of a unique event, for display (e.g. the web API)."""

    article_id: str
    event_index: int
    outlet: str | None
    url: str | None
    published: dt.date | None
    title: str | None
    evidence: str
    similarity: float


def _mention(row: Sequence[Any]) -> Mention:
    (aid, idx, etype, acs, rcs, anames, rnames, start, stop, lname, lcountry, trigger, pattern,
     evidence, published, fingerprint) = row[:16]
    return Mention(
        article_id=aid, event_index=idx, type=etype,
        actor_countries=tuple(sorted(acs or ())), recipient_countries=tuple(sorted(rcs or ())),
        names=frozenset(n.casefold() for n in [*(anames or ()), *(rnames or ())]),
        start=start, end=stop, location_name=lname, location_country=lcountry,
        trigger=trigger, pattern=pattern, evidence=evidence, published=published,
        fingerprint=fingerprint,
    )


def _unique_id(m: Mention) -> str:
    digest = hashlib.sha1(f"{m.article_id}\x1f{m.event_index}\x1f{m.fingerprint}".encode())
    return "ue-" + digest.hexdigest()[:20]


def _order(m: Mention) -> tuple[dt.date, dt.date, str, int]:
    far = dt.date.max
    return (m.start or far, m.published or far, m.article_id, m.event_index)


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list[Any]]) -> None:
    # one Arrow batch instead of executemany, which costs about a millisecond per row
    con.register("_ew_rows", pa.table(columns))
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _ew_rows")
    finally:
        con.unregister("_ew_rows")


def _temp_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE _ew_affected (id VARCHAR)")
    _insert(con, "_ew_affected", {"id": sorted(set(ids))})


def _drop_stale(
    con: duckdb.DuckDBPyConnection, since: dt.datetime | None
) -> tuple[int, set[str]]:
    # Store.write stamps every (re-)coded article, so only articles coded since the last run
    # can have changed mentions; without a last run every mention is checked.
    recent = "JOIN articles a ON a.id = m.article_id AND a.coded_at >= ?" if since else ""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ew_stale AS
        SELECT m.article_id, m.event_index, m.unique_event_id
        FROM event_mentions m {recent}
        LEFT JOIN ({_current(recent=since is not None)}) c
          ON c.article_id = m.article_id AND c.event_index = m.event_index
        WHERE c.fingerprint IS NULL OR c.fingerprint <> m.fingerprint
    """, [since, since] if since else [])
    con.execute("""
        DELETE FROM event_mentions m USING _ew_stale s
        WHERE m.article_id = s.article_id AND m.event_index = s.event_index
    """)
    stale = con.execute("SELECT unique_event_id FROM _ew_stale").fetchall()
    return len(stale), {str(u) for (u,) in stale}


def _existing_by_block(
    con: duckdb.DuckDBPyConnection, blocks: set[_BLOCK], settings: DedupSettings
) -> dict[_BLOCK, DatedBlock]:
    con.execute("CREATE OR REPLACE TEMP TABLE _ew_blocks (type VARCHAR, actor_countries VARCHAR[],"
                " recipient_countries VARCHAR[])")
    ordered = sorted(blocks)
    _insert(con, "_ew_blocks", {"type": [t for t, _, _ in ordered],
                                "actor_countries": [list(a) for _, a, _ in ordered],
                                "recipient_countries": [list(r) for _, _, r in ordered]})
    rows = con.execute(f"""
        SELECT c.*, m.unique_event_id
        FROM ({_current(fingerprint=False)}) c
        JOIN event_mentions m ON m.article_id = c.article_id AND m.event_index = c.event_index
        JOIN _ew_blocks b ON b.type = c.type
             AND list_sort(b.actor_countries) = list_sort(c.actor_countries)
             AND list_sort(b.recipient_countries) = list_sort(c.recipient_countries)
    """).fetchall()
    found = {block: DatedBlock(settings.date_window_days) for block in blocks}
    for row in rows:
        m = _mention(row)
        found[m.block].add(m, str(row[-1]))
    return found


def _assign(
    new: list[Mention], existing: dict[_BLOCK, DatedBlock], settings: DedupSettings,
) -> list[tuple[Mention, str, float]]:
    assigned: list[tuple[Mention, str, float]] = []
    for m in sorted(new, key=_order):
        block = existing.setdefault(m.block, DatedBlock(settings.date_window_days))
        best: tuple[float, str] | None = None
        for other, uid in block.candidates(m):
            score = match_score(m, other, settings)
            # ties go to the smaller id, so the result does not depend on visiting order
            if score is not None and (best is None or (score, best[1]) > (best[0], uid)):
                best = (score, uid)
        uid, score = (best[1], best[0]) if best else (_unique_id(m), 1.0)
        block.add(m, uid)
        assigned.append((m, uid, score))
    return assigned


def _last_run(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    row = con.execute("SELECT max(started_at) FROM dedup_runs").fetchone()
    return row[0] if row else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)  # as Store.write stamps coded_at


def update_unique_events(
    con: duckdb.DuckDBPyConnection, settings: DedupSettings | None = None, *,
    full_check: bool = False,
) -> DedupReport:
    """Bring ``unique_events`` and ``event_mentions`` up to date with the stored events.

    Cheap when little changed: only the articles coded since the last run are read (all of them
    with ``full_check``, or on the first run), and their new or changed mentions are matched
    against the stored mentions of their own blocks only. Runs in one transaction.
    """
    settings = settings or DedupSettings()
    started = _now()
    con.execute("BEGIN TRANSACTION")
    try:
        since = None if full_check else _last_run(con)
        dropped, affected = _drop_stale(con, since)
        new = [_mention(r) for r in con.execute(f"""
            SELECT c.* FROM ({_current(recent=since is not None)}) c ANTI JOIN event_mentions m
              ON m.article_id = c.article_id AND m.event_index = c.event_index
        """, [since] if since else []).fetchall()]
        assigned: list[tuple[Mention, str, float]] = []
        if new:
            existing = _existing_by_block(con, {m.block for m in new}, settings)
            assigned = _assign(new, existing, settings)
            _insert(con, "event_mentions", {
                "article_id": [m.article_id for m, _, _ in assigned],
                "event_index": pa.array([m.event_index for m, _, _ in assigned], pa.int32()),
                "unique_event_id": [uid for _, uid, _ in assigned],
                "fingerprint": [m.fingerprint for m, _, _ in assigned],
                "similarity": [round(score, 4) for _, _, score in assigned]})
        affected |= {uid for _, uid, _ in assigned}
        if affected:
            _temp_ids(con, affected)
            con.execute("DELETE FROM unique_events WHERE id IN (SELECT id FROM _ew_affected)")
            con.execute(_AGGREGATE, [started])
        con.execute("INSERT INTO dedup_runs VALUES (?, ?, ?, ?, ?)",
                    [started, _now(), since is None, len(assigned), dropped])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    total = con.execute("SELECT count(*) FROM unique_events").fetchone()
    mentions = con.execute("SELECT count(*) FROM event_mentions").fetchone()
    return DedupReport(new_mentions=len(assigned), dropped_mentions=dropped,
                       touched=len(affected), unique_events=int(total[0]) if total else 0,
                       mentions=int(mentions[0]) if mentions else 0)


def rebuild_unique_events(
    con: duckdb.DuckDBPyConnection, settings: DedupSettings | None = None
) -> DedupReport:
    """Forget every assignment and deduplicate the whole store again (e.g. new settings)."""
    con.execute("DELETE FROM event_mentions")
    con.execute("DELETE FROM unique_events")
    return update_unique_events(con, settings, full_check=True)


def unique_event_mentions(con: duckdb.DuckDBPyConnection, unique_id: str) -> list[MentionRecord]:
    """The reports behind one unique event, earliest first."""
    rows = con.execute("""
        SELECT m.article_id, m.event_index, a.outlet, a.url, a.published, a.title, e.evidence,
               m.similarity
        FROM event_mentions m
        JOIN events e ON e.article_id = m.article_id AND e.event_index = m.event_index
        JOIN articles a ON a.id = m.article_id
        WHERE m.unique_event_id = ?
        ORDER BY a.published NULLS LAST, m.article_id, m.event_index
    """, [unique_id]).fetchall()
    return [MentionRecord(*row) for row in rows]
