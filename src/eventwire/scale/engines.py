"""Where chunks get coded: in this process, or in a pool of worker processes.

Only a bounded window of chunks is in flight at any time, so the input stream is pulled no
faster than workers code it and memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Protocol

from spacy.language import Language

from eventwire.scale.worker import (
    ChunkResult,
    ChunkTask,
    code_chunk,
    code_task_with,
    worker_pipeline,
)

__all__ = ["Engine", "InProcessEngine", "ProcessPoolEngine", "default_workers"]

#: chunks queued per worker beyond the one it is coding, so a worker never waits for the parent
WINDOW_PER_WORKER = 2


class Engine(Protocol):
    def run(self, tasks: Iterable[ChunkTask]) -> Iterator[ChunkResult]:
        """Results of ``tasks`` in any order, pulling tasks lazily."""
        ...


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


class InProcessEngine:
    """Codes chunks one after another in this process (``nlp`` given, or the cached pipeline)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp

    def run(self, tasks: Iterable[ChunkTask]) -> Iterator[ChunkResult]:
        for task in tasks:
            yield code_chunk(task) if self.nlp is None else code_task_with(self.nlp, task)


def _start_worker(actors_files: tuple[str, ...]) -> None:
    # Ctrl-C is the parent's to handle: it stops handing out chunks and lets the running ones
    # finish, instead of every worker dying with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_pipeline(actors_files)


class ProcessPoolEngine:
    """``workers`` processes, each loading the pipeline once at start.

    'spawn' processes start clean: forking a parent that holds a DuckDB connection, threads or
    a loaded model is unsafe, and spawn behaves the same on Linux, macOS and Windows.
    """

    def __init__(self, workers: int, actors_files: tuple[str, ...] = ()) -> None:
        self.workers = max(1, workers)
        self.actors_files = actors_files

    def run(self, tasks: Iterable[ChunkTask]) -> Iterator[ChunkResult]:
        context = multiprocessing.get_context("spawn")
        window = self.workers * (1 + WINDOW_PER_WORKER)
        pending: set[Future[ChunkResult]] = set()
        source = iter(tasks)
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                 initargs=(self.actors_files,)) as pool:
            try:
                exhausted = False
                while True:
                    while not exhausted and len(pending) < window:
                        task = next(source, None)
                        if task is None:
                            exhausted = True
                        else:
                            pending.add(pool.submit(code_chunk, task))
                    if not pending:
                        return
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            finally:
                # Interrupted (an exception in the consumer, Ctrl-C): drop the queued chunks;
                # the rerun codes them again.
                for future in pending:
                    future.cancel()
