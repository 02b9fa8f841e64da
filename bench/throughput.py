"""Corpus throughput, measured in one run on the same articles (a script that prints figures,
not a timed test).

    .venv/bin/python bench/throughput.py [--articles 200] [--workers N] [--rounds 2] [--no-profile]

Articles are eval/dev/*.txt and samples/*.md, read by ingest and repeated (each copy with its
own id) to about --articles. Printed: the bare spaCy model (nlp.pipe, no eventwire step), the
full eventwire pipeline in one process and with N worker processes (articles/s, words/s), the
full/bare ratio (goal >= 0.8), peak RSS of one process and of the largest worker, DuckDB and
Parquet write rates, and where the full pipeline spends its time, component by component.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import spacy

from eventwire.batch import read_inputs
from eventwire.coding import CodedArticle, code_articles
from eventwire.model import Article
from eventwire.nlp.pipeline import MODEL_PACKAGE, build_pipeline
from eventwire.scale.chunks import chunked
from eventwire.scale.engines import ProcessPoolEngine, default_workers
from eventwire.scale.parquet import write_partitions
from eventwire.scale.worker import ChunkTask
from eventwire.store import open_store

REPO = Path(__file__).resolve().parents[1]
INPUTS = (str(REPO / "eval" / "dev" / "*.txt"), str(REPO / "samples" / "*.md"))


def corpus(size: int) -> list[Article]:
    base = [a for a in read_inputs(INPUTS) if isinstance(a, Article)]
    out: list[Article] = []
    copy = 0
    while len(out) < size:
        out.extend(dataclasses.replace(a, id=f"{a.id}-{copy}") for a in base[: size - len(out)])
        copy += 1
    return out


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def line(label: str, seconds: float, n: int, w: int) -> float:
    rate = n / seconds
    print(f"{label:<42} {seconds:8.1f} s {rate:8.2f} articles/s {w / seconds:9.0f} words/s")
    return rate


def bare_and_full(articles: list[Article], rounds: int) -> tuple[float, float, list[CodedArticle]]:
    """Best times of the bare model and of the full pipeline, measured in alternation so that
    load from other processes on the machine hits both alike."""
    model = spacy.load(MODEL_PACKAGE)
    nlp = build_pipeline()
    texts = [a.text for a in articles]
    list(model.pipe(texts[:8]))  # warm-up
    list(code_articles(articles[:8], nlp=nlp))  # warm-up: lazy tables, caches
    bare_s = full_s = float("inf")
    coded: list[CodedArticle] = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _doc in model.pipe(texts, batch_size=16):
            pass
        bare_s = min(bare_s, time.perf_counter() - started)
        started = time.perf_counter()
        coded = list(code_articles(articles, nlp=nlp))
        full_s = min(full_s, time.perf_counter() - started)
    return bare_s, full_s, coded


def full_pool(articles: list[Article], workers: int) -> tuple[float, float, int]:
    """(wall time including worker start, steady-state time after the first chunk, articles
    counted in the steady state)."""
    started = time.perf_counter()
    first: float | None = None
    after_first = 0
    tasks = (ChunkTask(c) for c in chunked(articles))
    for result in ProcessPoolEngine(workers).run(tasks):
        if first is None:
            first = time.perf_counter()
        else:
            after_first += result.articles
    end = time.perf_counter()
    return end - started, end - (first or end), after_first


def duckdb_rate(coded: list[CodedArticle]) -> float:
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "b.duckdb") as store:
        started = time.perf_counter()
        for item in coded:
            store.write(item)
        return len(coded) / (time.perf_counter() - started)


def parquet_rate(coded: list[CodedArticle]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        for chunk in chunked(c.article for c in coded):
            ids = {a.id for a in chunk.articles}
            write_partitions(Path(tmp), chunk, [c for c in coded if c.article.id in ids],
                             complete=True)
        return len(coded) / (time.perf_counter() - started)


def profile(articles: list[Article]) -> None:
    """Seconds per component, each called on one Doc at a time (spaCy's own components are a
    little faster batched, so their share is an upper bound)."""
    nlp = build_pipeline()
    list(code_articles(articles[:8], nlp=nlp))
    spent: dict[str, float] = defaultdict(float)
    for article in articles:
        t0 = time.perf_counter()
        doc = nlp.make_doc(article.text)
        doc._.ew_article = article
        spent["(tokenizer)"] += time.perf_counter() - t0
        for name, component in nlp.pipeline:
            t0 = time.perf_counter()
            doc = component(doc)
            spent[name] += time.perf_counter() - t0
    total = sum(spent.values())
    print(f"\nper component ({len(articles)} articles, {total:.1f} s):")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        mark = "" if name.startswith(("eventwire_", "(")) else "  (spaCy model)"
        print(f"  {name:<26} {seconds:7.2f} s {100 * seconds / total:5.1f}%{mark}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--rounds", type=int, default=2, help="best of this many runs")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv[1:])
    articles = corpus(args.articles)
    n, w = len(articles), words(articles)
    print(f"{n} articles, {w} words; {args.workers} worker(s) on {default_workers()} core(s)\n")

    bare_s, full_s, coded = bare_and_full(articles, args.rounds)
    bare_rate = line("bare spaCy model (nlp.pipe)", bare_s, n, w)
    full_rate = line("eventwire full pipeline, 1 process", full_s, n, w)
    rss_one = peak_mb()
    wall, steady, counted = full_pool(articles, args.workers)
    line(f"eventwire, {args.workers} workers (wall, with start-up)", wall, n, w)
    if counted:
        line(f"eventwire, {args.workers} workers (after first chunk)", steady, counted,
             int(w * counted / n))
    print(f"\nfull / bare ratio (1 process): {full_rate / bare_rate:.2f}  (goal >= 0.8)")
    print(f"peak RSS: this process (bare + full pipeline) {rss_one:.0f} MB, "
          f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    print(f"DuckDB writes:  {duckdb_rate(coded):8.1f} articles/s "
          f"({sum(len(c.events) for c in coded)} events)")
    print(f"Parquet writes: {parquet_rate(coded):8.1f} articles/s")
    if not args.no_profile:
        profile(articles[: min(n, 60)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
