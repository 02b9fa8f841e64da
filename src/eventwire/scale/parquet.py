"""Parquet output for cluster-sized corpora: Hive partitions by publication date, one file per
chunk and date, named by the content hash of its article ids.

Layout: ``DIR/articles/published=2019-05-31/part-<hash>.parquet`` and the same under
``DIR/events/``. Names depend only on the chunk's content (the ids it was meant to hold, coded
or not), so a rerun overwrites a file rather than adding a copy. Each file is written to a
temporary name and renamed; a marker ``DIR/_chunks/<chunk hash>.done`` is written last, and only
when every article of the chunk was coded, so a rerun skips finished chunks without coding them
and retries chunks that had failures. The inputs a run could not code are listed in
``DIR/_failures.tsv`` (source, reason), rewritten at the end of every run: a rerun retries them,
so the file always names what is still missing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.coding import CodedArticle
from eventwire.model import Article, Entity
from eventwire.scale.chunks import Chunk, chunk_key

__all__ = [
    "chunk_is_written", "partition_paths", "read_failures", "write_failures", "write_partitions",
    "written_ids",
]

UNKNOWN_DATE = "unknown"
FAILURES_FILE = "_failures.tsv"


def _partition(published: dt.date | None) -> str:
    return published.isoformat() if published else UNKNOWN_DATE


def _groups(articles: Iterable[Article]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        groups[_partition(article.published)].append(article.id)
    return groups


def partition_paths(root: Path, table: str, articles: Iterable[Article]) -> dict[str, Path]:
    """The file each publication date of ``articles`` goes to, under ``root/table``."""
    return {
        day: root / table / f"published={day}" / f"part-{chunk_key(ids)}.parquet"
        for day, ids in _groups(articles).items()
    }


def _marker(root: Path, chunk: Chunk) -> Path:
    return root / "_chunks" / f"{chunk.key}.done"


def chunk_is_written(root: Path, chunk: Chunk) -> bool:
    return _marker(root, chunk).exists()


def written_ids(root: Path) -> frozenset[str]:
    """Ids of the articles in finished chunks: a rerun leaves them out before chunking, so an
    input added or fixed since cannot make a finished article part of a new chunk (and file)."""
    ids: set[str] = set()
    for marker in (root / "_chunks").glob("*.done"):
        ids.update(line for line in marker.read_text(encoding="utf-8").splitlines() if line)
    return frozenset(ids)


def _names(entities: Sequence[Entity]) -> list[str]:
    return [e.name or e.text for e in entities]


def _countries(entities: Sequence[Entity]) -> list[str]:
    return sorted({e.country for e in entities if e.country})


def _article_row(coded: CodedArticle) -> dict[str, Any]:
    a = coded.article
    return {
        "id": a.id, "title": a.title, "published_date": a.published, "outlet": a.outlet,
        "byline": a.byline, "url": a.url, "source_path": a.source_path, "text": a.text,
        "events": len(coded.events), "coder_version": __version__,
    }


def _event_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    rows = []
    for i, ev in enumerate(coded.events):
        d, loc, att = ev.date, ev.location, ev.attribution
        rows.append({
            "article_id": coded.article.id, "event_index": i, "type": ev.type,
            "mode": ev.mode, "context": list(ev.context), "aux": list(ev.aux),
            "asserted": ev.asserted,
            "actor_countries": _countries(ev.actor), "recipient_countries": _countries(ev.recipient),
            "actor_names": _names(ev.actor), "recipient_names": _names(ev.recipient),
            "date_start": d.start if d else None, "date_end": d.end if d else None,
            "date_precision": d.precision if d else None,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "evidence": ev.evidence.text, "evidence_start": ev.evidence.start,
            "evidence_end": ev.evidence.end, "trigger": ev.trigger.text,
            "attribution_kind": att.kind if att else None,
            "attribution_text": att.text if att else None,
            "cameo": ev.cameo, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
            "pattern_id": ev.pattern_id, "responds_to": ev.responds_to,
        })
    return rows


def _write(path: Path, rows: list[dict[str, Any]], schema: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), temporary)
    os.replace(temporary, path)


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    strings = pa.list_(pa.string())
    articles = pa.schema([
        ("id", pa.string()), ("title", pa.string()), ("published_date", pa.date32()),
        ("outlet", pa.string()), ("byline", pa.string()), ("url", pa.string()),
        ("source_path", pa.string()), ("text", pa.string()), ("events", pa.int32()),
        ("coder_version", pa.string()),
    ])
    events = pa.schema([
        ("article_id", pa.string()), ("event_index", pa.int32()), ("type", pa.string()),
        ("mode", pa.string()), ("context", strings), ("aux", strings), ("asserted", pa.bool_()),
        ("actor_countries", strings), ("recipient_countries", strings),
        ("actor_names", strings), ("recipient_names", strings),
        ("date_start", pa.date32()), ("date_end", pa.date32()), ("date_precision", pa.string()),
        ("location_name", pa.string()), ("location_country", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()),
        ("evidence", pa.string()), ("evidence_start", pa.int32()), ("evidence_end", pa.int32()),
        ("trigger", pa.string()), ("attribution_kind", pa.string()),
        ("attribution_text", pa.string()), ("cameo", pa.string()), ("goldstein", pa.float64()),
        ("quad_class", pa.int32()), ("pattern_id", pa.string()), ("responds_to", pa.int32()),
    ])
    return articles, events


def write_partitions(
    root: Path, chunk: Chunk, coded: Sequence[CodedArticle], *, complete: bool
) -> list[Path]:
    """Write the codings of ``chunk``; ``complete`` when none of its articles failed. Returns
    the article files written."""
    article_schema, event_schema = _schemas()
    by_day: dict[str, list[CodedArticle]] = defaultdict(list)
    for item in coded:
        by_day[_partition(item.article.published)].append(item)
    events_paths = partition_paths(root, "events", chunk.articles)
    articles_paths = partition_paths(root, "articles", chunk.articles)
    written = []
    for day, items in sorted(by_day.items()):
        _write(events_paths[day], [row for c in items for row in _event_rows(c)], event_schema)
        _write(articles_paths[day], [_article_row(c) for c in items], article_schema)
        written.append(articles_paths[day])
    if complete:
        marker = _marker(root, chunk)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("\n".join(a.id for a in chunk.articles) + "\n", encoding="utf-8")
    return written


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_failures(root: Path, failures: Iterable[tuple[str, str]]) -> Path:
    """Replace ``root/_failures.tsv`` by ``failures`` (source, reason), one per line."""
    path = root / FAILURES_FILE
    root.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    lines = [f"{_one_line(source)}\t{_one_line(reason)}\n" for source, reason in failures]
    tmp.write_text("".join(lines), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_failures(root: Path) -> list[tuple[str, str]]:
    """What the last finished run under ``root`` could not code (empty before any run)."""
    path = root / FAILURES_FILE
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, reason = line.partition("\t")
        rows.append((source, reason))
    return rows
