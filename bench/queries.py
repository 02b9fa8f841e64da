"""Query speed on a large synthetic store: events of an actor in a date range, a dyad's series.

Generates N synthetic events (default 10 million; 5 per article) inside DuckDB with ``range()``
and ``random()``, in the eventwire schema, then times the common queries through the library
functions (`query_events`, `dyad_series`) and prints seconds per query (goal: under 1 s each).
Articles arrive in publication order, as a crawl ingests them, so DuckDB's per-row-group min/max
statistics (zone maps) can skip most of the table for a date range. ``--shuffled`` writes them
in random order instead, to show what that layout is worth. ``--dedup N`` also times
`update_unique_events` on the first N events. Each event row carries its effective date
(``event_date``: its own, else the publication date), so a date range is answered from the
events table alone and the articles table is consulted only for the rows selected.

Usage: .venv/bin/python bench/queries.py [--events N] [--db FILE] [--shuffled] [--dedup N]
       [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from eventwire.corpus import DyadQuery, dyad_series, update_unique_events
from eventwire.store import EventFilter, Store, query_events

# Skewed like real news: the first codes are by far the most frequent actors.
COUNTRIES = (
    "USA", "RUS", "CHN", "UKR", "IRN", "ISR", "GBR", "FRA", "DEU", "TUR", "IND", "PAK", "SYR",
    "IRQ", "SAU", "PSE", "PRK", "KOR", "JPN", "AFG", "EGY", "LBN", "YEM", "QAT", "ARE", "VEN",
    "BRA", "MEX", "CAN", "AUS", "POL", "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "FIN", "BLR",
    "GEO", "ARM", "AZE", "KAZ", "UZB", "NGA", "ETH", "SDN", "SSD", "SOM", "KEN", "ZAF", "LBY",
    "TUN", "DZA", "MAR", "MLI", "NER", "TCD", "COD", "RWA",
)
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CAMEO = ("057", "040", "051", "080", "050", "070", "087", "020", "112", "120", "130", "140",
         "160", "150", "170", "190")
GOLDSTEIN = (8.0, 1.0, 3.4, 5.0, 6.0, 7.0, 9.0, -0.1, -2.0, -4.0, -6.0, -6.5, -4.5, -7.2, -7.0,
             -10.0)
QUAD = (2, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 3, 4, 4, 4, 4)
START = dt.date(2015, 1, 1)
DAYS = 3650


def _sql_list(items: tuple[object, ...]) -> str:
    return "[" + ", ".join(repr(i) for i in items) + "]"


def generate(con: duckdb.DuckDBPyConnection, n_events: int, shuffled: bool) -> None:
    n_articles = max(1, n_events // 5)
    order = "random()" if shuffled else "published, i"
    con.execute("SELECT setseed(0.42)")
    con.execute(f"""
        INSERT INTO articles
        SELECT 'art' || i, 'title ' || i, published, 'outlet' || (i % 400), NULL,
               'https://outlet' || (i % 400) || '.example/' || i, NULL,
               'synthetic article ' || i, TIMESTAMP '2025-01-01', 'bench'
        FROM (SELECT i, DATE '{START}' + (random() * {DAYS - 1})::INTEGER AS published
              FROM range({n_articles}) t(i))
        ORDER BY {order}
    """)
    c, t = len(COUNTRIES), len(TYPES)
    con.execute(f"""
        INSERT INTO events
        WITH base AS (
            SELECT a.id AS article_id, k AS event_index, a.published,
                   1 + floor({t} * random())::INTEGER AS ti,
                   {_sql_list(COUNTRIES)}[1 + floor({c} * pow(random(), 2.5))::INTEGER] AS actor,
                   {_sql_list(COUNTRIES)}[1 + floor({c} * pow(random(), 2.5))::INTEGER] AS recip,
                   random() < 0.8 AS dated, random() < 0.93 AS asserted,
                   (random() * 3)::INTEGER AS lag
            FROM articles a, range(5) r(k)
        )
        SELECT article_id, event_index, {_sql_list(TYPES)}[ti], NULL, [], [], asserted,
               [actor], CASE WHEN actor = recip THEN [] ELSE [recip] END,
               ['name of ' || actor], ['name of ' || recip], ['GOV'], ['GOV'],
               CASE WHEN dated THEN published - lag END, CASE WHEN dated THEN published - lag END,
               CASE WHEN dated THEN 'day' END, NULL, NULL, NULL, NULL,
               'synthetic evidence ' || article_id || ' ' || event_index, 0, 40, 'verb', 10, 14,
               NULL, NULL, NULL, {_sql_list(CAMEO)}[ti], {_sql_list(GOLDSTEIN)}[ti],
               {_sql_list(QUAD)}[ti], 'bench', NULL,
               CASE WHEN dated THEN published - lag ELSE published END,
               CASE WHEN dated THEN published - lag ELSE published END
        FROM base
        ORDER BY {"random()" if shuffled else "published, article_id, event_index"}
    """)


def timed(label: str, fn: Callable[[], int], repeat: int = 3) -> None:
    times, n = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = fn()
        times.append(time.perf_counter() - t0)
    print(f"{label:<58} {statistics.median(times):7.3f} s  (median of {repeat}, {n} rows)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--shuffled", action="store_true")
    parser.add_argument("--dedup", type=int, default=0, metavar="N")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="eventwire-bench-")) / "bench.duckdb"
    fresh = not path.exists()
    con = duckdb.connect(str(path))
    Store(con)  # creates the schema
    if fresh:
        t0 = time.perf_counter()
        generate(con, args.events, args.shuffled)
        con.execute("CHECKPOINT")
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s "
              f"({'shuffled' if args.shuffled else 'publication order'}) -> {path}")
    total = con.execute("SELECT count(*) FROM events").fetchone()
    print(f"{total[0] if total else 0:,} events, {path.stat().st_size / 1e6:,.0f} MB on disk")

    q1 = EventFilter(actor="RUS", since=dt.date(2019, 1, 1), until=dt.date(2019, 3, 31))
    timed("events of RUS in one quarter (query_events)", lambda: len(query_events(con, q1)))
    q2 = EventFilter(actor="UKR", recipient="RUS", since=dt.date(2022, 2, 1),
                     until=dt.date(2022, 2, 28))
    timed("events UKR -> RUS in one month (query_events)", lambda: len(query_events(con, q2)))
    q3 = EventFilter(actor="RUS", since=dt.date(2019, 1, 1), until=dt.date(2019, 12, 31),
                     limit=100)
    timed("first 100 events of RUS in a year (query_events)", lambda: len(query_events(con, q3)))
    d1 = DyadQuery(actor="RUS", recipient="UKR", by="week")
    timed("dyad RUS -> UKR weekly, all 10 years (dyad_series)",
          lambda: len(dyad_series(con, d1)))
    d2 = DyadQuery(actor="USA", recipient="CHN", by="week", since=dt.date(2020, 1, 1),
                   until=dt.date(2020, 12, 31))
    timed("dyad USA -> CHN weekly, one year (dyad_series)", lambda: len(dyad_series(con, d2)))
    d3 = DyadQuery(actor="USA", by="month")
    timed("USA as actor monthly, all years (dyad_series)", lambda: len(dyad_series(con, d3)))

    con.close()
    if args.dedup:
        path_d = path.with_name("dedup.duckdb")
        path_d.unlink(missing_ok=True)
        small = duckdb.connect(str(path_d))
        Store(small)
        small.execute(f"ATTACH '{path}' AS big (READ_ONLY)")
        small.execute(f"INSERT INTO events SELECT * FROM big.events ORDER BY article_id, "
                      f"event_index LIMIT {int(args.dedup)}")
        small.execute("INSERT INTO articles SELECT * FROM big.articles WHERE id IN "
                      "(SELECT article_id FROM events)")
        small.execute("DETACH big")
        t0 = time.perf_counter()
        report = update_unique_events(small)
        print(f"update_unique_events on {args.dedup:,} events: "
              f"{time.perf_counter() - t0:.1f} s -> {report.unique_events:,} unique events")
        # what running it after every ingest costs: nothing new, then one re-coded article
        t0 = time.perf_counter()
        update_unique_events(small)
        print(f"  again, nothing changed: {time.perf_counter() - t0:.2f} s")
        first = "(SELECT min(article_id) FROM events)"
        small.execute(f"UPDATE events SET evidence = evidence || ' (re-coded)' "
                      f"WHERE article_id = {first}")
        small.execute(f"UPDATE articles SET coded_at = ? WHERE id = {first}",  # as Store.write
                      [dt.datetime.now(dt.UTC).replace(tzinfo=None)])
        t0 = time.perf_counter()
        report = update_unique_events(small)
        print(f"  after one re-coded article ({report.new_mentions} mentions): "
              f"{time.perf_counter() - t0:.2f} s")
        small.close()
        path_d.unlink(missing_ok=True)
    if not args.keep and args.db is None:
        path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
