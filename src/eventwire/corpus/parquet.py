"""Events as Parquet files partitioned Hive-style by event year and month.

``out/year=2019/month=6/data_0.parquet``: DuckDB, pandas/pyarrow and Spark read the folder as
one table (``read_parquet('out/**/*.parquet', hive_partitioning=true)``) and skip the months a
query does not ask for. Events without any date go to ``year=NULL/month=NULL``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.corpus.source import EventScope, scoped_events_sql

__all__ = ["write_parquet"]


def _literal(text: str) -> str:
    # COPY ... TO takes no bound parameter for its target, so the path is quoted as a literal
    return "'" + text.replace("'", "''") + "'"


def write_parquet(con: duckdb.DuckDBPyConnection, scope: EventScope, out_dir: Path) -> int:
    """Write (or add to) the partitioned folder; returns the number of events written."""
    sql, params = scoped_events_sql(con, scope)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ew_export AS
        SELECT * EXCLUDE (in_lead), year(event_date) AS year, month(event_date) AS month
        FROM ({sql}) s ORDER BY event_date, event_id
    """, params)
    try:
        row = con.execute("SELECT count(*) FROM _ew_export").fetchone()
        n = int(row[0]) if row else 0
        out_dir.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY _ew_export TO {_literal(str(out_dir))} "
                    "(FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE true)")
    finally:
        con.execute("DROP TABLE IF EXISTS _ew_export")
    return n
