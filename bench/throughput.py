"""Corpus throughput, measured in one run on the same articles (a script that prints figures,
not a timed test).

    .venv/bin/python bench/throughput.py [--articles 200] [--workers N] [--rounds 4] [--no-profile]

Articles are eval/dev/*.txt and samples/*.md, read by ingest and repeated (each copy with its
own id) to about --articles. Printed: the bare spaCy model (nlp.pipe, no eventwire step; the
same components as the pipeline's spaCy part), the full eventwire pipeline in one process and
with N worker processes (articles/s, words/s, best round), the full/bare ratio (goal >= 0.8:
the median over rounds that each time both, alternating which goes first; also in CPU time,
which other processes' load disturbs least), peak RSS of one process and of the largest
worker, DuckDB and Parquet write rates, and where the full pipeline spends its time, component
by component.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import spacy

from eventwire.batch import read_inputs
from eventwire.coding import CodedArticle, code_articles
from eventwire.model import Article
from eventwire.nlp.pipeline import MODEL_PACKAGE, build_pipeline
from eventwire.nlp.text import remember_text
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


@dataclasses.dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process's CPU time: what load from other processes disturbs least


def _timed(run: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def bare_and_full(
    articles: list[Article], rounds: int
) -> tuple[list[Timing], list[Timing], list[CodedArticle]]:
    """Times of the bare model and of the full pipeline per round, in alternation (ABBA) so that
    load from other processes on the machine and drift hit both alike. The bare model is the
    same package with the same components enabled as the pipeline's spaCy part."""
    model = spacy.load(MODEL_PACKAGE)
    nlp = build_pipeline()
    spacy_part = [n for n in nlp.pipe_names if not n.startswith("eventwire_")]
    if spacy_part != model.pipe_names:
        raise SystemExit(f"bare model runs {model.pipe_names}, the pipeline {spacy_part}")
    texts = [a.text for a in articles]
    list(model.pipe(texts[:16]))  # warm-up
    list(code_articles(articles[:16], nlp=nlp))  # warm-up: lazy tables, caches
    coded: list[CodedArticle] = []

    def bare() -> None:
        for _doc in model.pipe(texts, batch_size=16):
            pass

    def full() -> None:
        coded[:] = code_articles(articles, nlp=nlp)

    bare_t: list[Timing] = []
    full_t: list[Timing] = []
    for r in range(rounds):
        if r % 2 == 0:
            bare_t.append(_timed(bare))
            full_t.append(_timed(full))
        else:
            full_t.append(_timed(full))
            bare_t.append(_timed(bare))
    return bare_t, full_t, coded


def ratios(bare_t: list[Timing], full_t: list[Timing], what: str) -> list[float]:
    """full/bare throughput ratio of each round (bare seconds / full seconds)."""
    return [getattr(b, what) / getattr(f, what) for b, f in zip(bare_t, full_t)]


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
        remember_text(doc, article.text)  # as code_articles prepares a Doc
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
    parser.add_argument("--rounds", type=int, default=4, help="paired rounds (bare, full)")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv[1:])
    articles = corpus(args.articles)
    n, w = len(articles), words(articles)
    print(f"{n} articles, {w} words; {args.workers} worker(s) on {default_workers()} core(s)\n")

    bare_t, full_t, coded = bare_and_full(articles, args.rounds)
    line("bare spaCy model (nlp.pipe)", min(t.wall for t in bare_t), n, w)
    line("eventwire full pipeline, 1 process", min(t.wall for t in full_t), n, w)
    wall_ratios, cpu_ratios = ratios(bare_t, full_t, "wall"), ratios(bare_t, full_t, "cpu")
    rss_one = peak_mb()
    wall, steady, counted = full_pool(articles, args.workers)
    line(f"eventwire, {args.workers} workers (wall, with start-up)", wall, n, w)
    if counted:
        line(f"eventwire, {args.workers} workers (after first chunk)", steady, counted,
             int(w * counted / n))
    print(f"\nfull / bare ratio (1 process): {statistics.median(wall_ratios):.2f}  (goal >= 0.8)"
          f"\n  median of {len(wall_ratios)} paired rounds, wall clock: "
          + " ".join(f"{r:.2f}" for r in wall_ratios)
          + f"\n  CPU time of this process: {statistics.median(cpu_ratios):.2f} ("
          + " ".join(f"{r:.2f}" for r in cpu_ratios) + ")"
          + f"\n  best round of each: {min(t.wall for t in bare_t) / min(t.wall for t in full_t):.2f}")
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
