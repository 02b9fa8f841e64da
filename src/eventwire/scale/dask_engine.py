"""Coding chunks on a Dask cluster (dask.distributed): same chunks, same worker function.

Every worker process loads the pipeline once, when it joins (a WorkerPlugin), instead of on its
first chunk, so load time is not mistaken for a slow chunk. Results come back to the client as
frozen dataclasses; with Parquet output the workers write the files themselves and return only
counts. Run workers with one thread each (``dask worker ADDRESS --nthreads 1 --nworkers N``):
the pipeline is CPU-bound Python, threads would only share one core and one pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from eventwire.scale.worker import ChunkResult, ChunkTask, code_chunk, worker_pipeline

__all__ = ["DaskEngine", "PipelinePlugin", "dask_engine"]

#: chunks in flight per worker thread
WINDOW_PER_THREAD = 3


# distributed is not fully typed: its entry points are used through Any.
_dask: Any = distributed


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline in every worker process of the cluster, present and future."""

    name = "eventwire-pipeline"

    def __init__(self, actors_files: tuple[str, ...] = ()) -> None:
        self.actors_files = actors_files

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.actors_files)


class DaskEngine:
    """Submits chunks to ``client``'s cluster, a bounded window at a time."""

    def __init__(self, client: Any, actors_files: tuple[str, ...] = ()) -> None:
        self.client = client
        self.actors_files = actors_files

    def _window(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return threads * WINDOW_PER_THREAD

    def run(self, tasks: Iterable[ChunkTask]) -> Iterator[ChunkResult]:
        self.client.register_plugin(PipelinePlugin(self.actors_files))
        source = iter(tasks)
        futures = _dask.as_completed()
        for task in source:
            futures.add(self.client.submit(code_chunk, task, pure=False))
            if futures.count() >= self._window():
                break
        try:
            for future in futures:
                result: ChunkResult = future.result()
                future.release()
                yield result
                following = next(source, None)
                if following is not None:
                    futures.add(self.client.submit(code_chunk, following, pure=False))
        finally:
            # Interrupted: queued chunks are dropped, the rerun codes them again.
            for future in list(futures.futures):
                future.cancel()


@contextmanager
def dask_engine(
    scheduler: str | None, workers: int, actors_files: tuple[str, ...] = ()
) -> Iterator[DaskEngine]:
    """An engine on the cluster at ``scheduler`` (``tcp://host:8786``), or on a local cluster of
    ``workers`` single-threaded processes when no address is given."""
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(_dask.Client(scheduler))
        else:
            cluster = stack.enter_context(
                _dask.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
            )
            client = stack.enter_context(_dask.Client(cluster))
        yield DaskEngine(client, actors_files)
