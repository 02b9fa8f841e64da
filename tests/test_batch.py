"""Batch ingest at corpus scale, with a blank spaCy pipeline (no model): streaming, bounded
read-ahead, resume after an interruption, failures recorded and cleared, globs, progress, CLI."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.batch import code_into_parquet, ingest_into_store, ingest_items, read_inputs
from eventwire.cli import main
from eventwire.ingest import IngestFailure, article_id
from eventwire.ingest.streaming import jsonl_stream
from eventwire.model import Article
from eventwire.nlp.extensions import register_extensions
from eventwire.scale import Chunk, chunked, expand_paths
from eventwire.scale.progress import TqdmProgress, estimate_articles
from eventwire.store import open_store
from eventwire.store.database import WindowedStore

BODY = ("The foreign minister of Ruritania met his counterpart from Freedonia in the capital on "
        "Tuesday to discuss a trade agreement, officials said. ")


class Exploded(RuntimeError):
    pass


@Language.factory("test_exploding", default_config={"word": "EXPLODE"})
def _make_exploding(nlp: Language, name: str, word: str) -> object:
    def explode(doc: Doc) -> Doc:
        if word in doc.text:
            raise Exploded(f"found {word}")
        return doc

    return explode


def _blank(word: str) -> Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_exploding", config={"word": word})
    return nlp


@pytest.fixture(scope="module")
def exploding() -> Language:
    return _blank("EXPLODE")


@pytest.fixture(scope="module")
def fixed() -> Language:
    return _blank("never-in-any-text")


def _article(i: int, extra: str = "") -> Article:
    text = f"{BODY}Report number {i}. {extra}".strip()
    return Article(id=article_id(text), text=text, source_path=f"mem:{i}")


def _ids(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    finally:
        con.close()


class CountingHandle(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.lines_read = 0

    def readline(self, size: int | None = -1) -> bytes:
        self.lines_read += 1
        return super().readline(size)


def _jsonl(n: int) -> bytes:
    return b"".join(
        json.dumps({"text": f"{BODY}Item {i}.", "title": f"T{i}"}).encode() + b"\n"
        for i in range(n)
    )


def test_jsonl_stream_reads_one_line_per_record() -> None:
    handle = CountingHandle(_jsonl(500))
    records = jsonl_stream(handle)
    first = next(records)
    assert first.where == ":1" and first.cleaned is not None
    assert handle.lines_read == 1
    next(records), next(records)
    assert handle.lines_read == 3


def test_oversized_record_fails_alone() -> None:
    big = json.dumps({"text": "word " * 400}).encode()
    data = _jsonl(1) + big + b"\n" + _jsonl(1)
    records = list(jsonl_stream(io.BytesIO(data), limit=1000))
    assert [r.where for r in records] == [":1", ":2", ":3"]
    assert records[0].cleaned and records[2].cleaned
    assert records[1].failure is not None and "too large" in records[1].failure


def test_jsonl_collection_over_10_mb_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": BODY * 40}).encode() + b"\n"
    count = 10_500_000 // len(line) + 1
    path.write_bytes(line * count)
    assert path.stat().st_size > 10_000_000
    items = read_inputs([path])
    firsts = [next(items) for _ in range(3)]
    assert [a.source_path for a in firsts if isinstance(a, Article)] == [
        f"{path}:{n}" for n in (1, 2, 3)]


def test_batch_pulls_a_bounded_number_of_articles(tmp_path: Path, fixed: Language) -> None:
    pulled = 0

    def stream() -> Iterator[Article]:
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield _article(i)

    def stop(_: object) -> None:
        raise Exploded("stop")

    with open_store(tmp_path / "e.duckdb") as store, pytest.raises(Exploded):
        ingest_items(stream(), store, nlp=fixed, chunk_size=8, on_stored=stop)
    assert pulled <= 16


@pytest.mark.parametrize("stop_after", [1, 7, 8, 23])
def test_rerun_after_interruption_stores_every_article_once(
    tmp_path: Path, fixed: Language, stop_after: int
) -> None:
    articles = [_article(i) for i in range(30)]
    db = tmp_path / "e.duckdb"
    stored = 0

    def interrupt(_: object) -> None:
        nonlocal stored
        stored += 1
        if stored == stop_after:
            raise KeyboardInterrupt

    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_items(iter(articles), store, nlp=fixed, chunk_size=4, on_stored=interrupt)
    assert len(_ids(db)) == stop_after
    with open_store(db) as store:
        report = ingest_items(iter(articles), store, nlp=fixed, chunk_size=4)
    assert (report.stored, report.already_stored) == (30 - stop_after, stop_after)
    assert _ids(db) == sorted(a.id for a in articles)


def test_bad_article_is_a_failure_and_a_rerun_clears_it(
    tmp_path: Path, exploding: Language, fixed: Language
) -> None:
    articles = [_article(1), _article(2, "EXPLODE"), _article(3)]
    db = tmp_path / "e.duckdb"
    seen: list[IngestFailure] = []
    with open_store(db) as store:
        report = ingest_items(iter(articles), store, nlp=exploding, on_failure=seen.append)
        assert store.failures() == [("mem:2", "coding failed (Exploded: found EXPLODE)")]
    assert report.stored == 2 and [f.source for f in report.failures] == ["mem:2"]
    assert seen == list(report.failures)
    with open_store(db) as store:
        report = ingest_items(iter(articles), store, nlp=fixed)
        assert store.failures() == []
    assert (report.stored, report.already_stored) == (1, 2)
    assert _ids(db) == sorted(a.id for a in articles)


def test_unreadable_inputs_are_recorded_and_the_rest_coded(
    tmp_path: Path, fixed: Language
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY * 3)
    (folder / "empty.txt").write_text("")
    (folder / "c.jsonl").write_bytes(_jsonl(2) + b"{not json\n")
    with open_store(tmp_path / "e.duckdb") as store:
        report = ingest_into_store([folder, tmp_path / "missing.md"], store, nlp=fixed)
        rows = store.failures()
    assert report.stored == 3
    assert rows == sorted([
        (f"{folder}/c.jsonl:3", "invalid JSON"),
        (f"{folder}/empty.txt", "empty file"),
        (f"{tmp_path}/missing.md", "no such file"),
    ])


def test_glob_patterns_are_expanded_in_order(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.jsonl", "c.txt"):
        (tmp_path / name).write_text("x")
    assert list(expand_paths([str(tmp_path / "*.jsonl")])) == [
        tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    assert list(expand_paths([str(tmp_path / "*.none")])) == [tmp_path / "*.none"]
    assert list(expand_paths([tmp_path / "c.txt"])) == [tmp_path / "c.txt"]


@pytest.mark.parametrize(("count", "size", "lengths"), [
    (0, 4, []), (3, 4, [3]), (8, 4, [4, 4]), (9, 4, [4, 4, 1]),
])
def test_chunked(count: int, size: int, lengths: list[int]) -> None:
    chunks = list(chunked((_article(i) for i in range(count)), size))
    assert [len(c) for c in chunks] == lengths


def test_chunk_codes_a_repeated_article_once() -> None:
    (chunk,) = chunked([_article(1), _article(1), _article(2)], 4)
    assert len(chunk) == 2
    assert chunk.key == Chunk((_article(2), _article(1))).key


def test_parquet_output_resumes_by_chunk(tmp_path: Path, fixed: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "c.jsonl").write_bytes(_jsonl(10))
    out = tmp_path / "pq"
    report = code_into_parquet([folder], out, nlp=fixed, chunk_size=4)
    assert (report.stored, report.already_stored) == (10, 0)
    files = sorted(out.glob("articles/published=*/part-*.parquet"))
    assert len(files) == 3 and len(list(out.glob("events/published=*/*.parquet"))) == 3
    again = code_into_parquet([folder], out, nlp=fixed, chunk_size=4)
    assert (again.stored, again.already_stored) == (0, 10)
    assert sorted(out.glob("articles/published=*/part-*.parquet")) == files
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT count(*), count(DISTINCT id) FROM read_parquet('{out}/articles/*/*.parquet')"
    ).fetchone()
    assert rows == (10, 10)


def test_estimate_counts_records(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(_jsonl(3))
    (tmp_path / "b.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY)
    assert estimate_articles([tmp_path]) == 4


@pytest.mark.parametrize("enabled", [True, False])
def test_progress_bar_only_when_enabled(enabled: bool) -> None:
    stream = io.StringIO()
    bar = TqdmProgress(None, enabled=enabled, stream=stream)
    bar.advance(3, 600)
    bar.close()
    assert ("3 articles" in stream.getvalue()) is enabled


def test_cli_without_a_terminal_prints_only_a_summary(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "e.duckdb"
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "*.txt"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"eventwire: {tmp_path}/empty.txt: empty file"
    assert re.fullmatch(r"0 article\(s\) coded into .*e\.duckdb, 0 already stored, 1 failed, in "
                        r"[\d.]+ s \([\d.]+ articles/s, [\d,]+ words/s\)", lines[1])
    assert len(lines) == 2 and "\r" not in result.stderr


@pytest.mark.parametrize("args", [
    ["ingest", "x"],
    ["ingest", "x", "--db", "a.duckdb", "--parquet", "p"],
    ["ingest", "x", "--db", "a.duckdb", "--scheduler", "tcp://localhost:8786"],
])
def test_cli_rejects_inconsistent_options(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2


def test_failure_of_an_input_now_stored_from_elsewhere_is_forgotten(
    tmp_path: Path, fixed: Language
) -> None:
    article = _article(5)
    with open_store(tmp_path / "e.duckdb") as store:
        store.record_failure("mem:5", "cannot read file")
        ingest_items(iter([dataclasses.replace(article, source_path="other:1")]), store,
                     nlp=fixed)
        assert store.failures() == [("mem:5", "cannot read file")]
        report = ingest_items(iter([article]), store, nlp=fixed)
        assert store.failures() == []
    assert (report.stored, report.already_stored) == (0, 1)


def test_windowed_store_is_opened_once_per_chunk(tmp_path: Path, fixed: Language) -> None:
    db = tmp_path / "e.duckdb"
    opened = 0
    with open_store(db, windowed=True) as store:
        assert isinstance(store, WindowedStore)
        window = store.window

        depth = 0

        @contextmanager
        def counting() -> Iterator[object]:
            nonlocal opened, depth
            opened += depth == 0
            depth += 1
            try:
                with window() as con:
                    yield con
            finally:
                depth -= 1

        store.window = counting  # type: ignore[method-assign]
        report = ingest_items((_article(i) for i in range(8)), store, nlp=fixed, chunk_size=4)
    assert report.stored == 8 and _ids(db) == sorted(_article(i).id for i in range(8))
    assert opened == 4  # two chunks: one check and one write window each


def test_parquet_run_lists_its_failures_and_a_fixed_rerun_clears_them(
    tmp_path: Path, fixed: Language
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY * 3)
    (folder / "empty.txt").write_text("")
    out = tmp_path / "pq"
    report = code_into_parquet([folder], out, nlp=fixed)
    assert report.stored == 1
    listed = CliRunner().invoke(main, ["failures", "--parquet", str(out)])
    assert listed.exit_code == 0
    assert listed.stdout == f"{folder}/empty.txt\tempty file\n"
    (folder / "empty.txt").write_text(BODY * 2)
    again = code_into_parquet([folder], out, nlp=fixed)
    assert (again.stored, again.already_stored, again.failures) == (1, 1, ())
    assert CliRunner().invoke(main, ["failures", "--parquet", str(out)]).stdout == ""
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT count(*), count(DISTINCT id) FROM read_parquet('{out}/articles/*/*.parquet')"
    ).fetchone()
    assert rows == (2, 2)  # the article of the first run is not written again


@pytest.mark.parametrize("args", [["failures"], ["failures", "--db", "x", "--parquet", "y"]])
def test_failures_needs_one_target(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "x").write_text("")
    (tmp_path / "y").mkdir()
    result = CliRunner().invoke(main, args, catch_exceptions=False, env={})
    assert result.exit_code == 2
