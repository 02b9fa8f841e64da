"""Corpus scale: chunks of articles coded in-process, by worker processes or on a Dask cluster.

The parent streams inputs, cuts them into chunks, hands each chunk to an engine and writes what
comes back; engines differ only in where ``code_chunk`` runs.
"""

from __future__ import annotations

from eventwire.scale.chunks import Chunk, chunk_key, chunked
from eventwire.scale.engines import Engine, InProcessEngine, ProcessPoolEngine
from eventwire.scale.inputs import expand_paths
from eventwire.scale.worker import ChunkResult, ChunkTask, code_chunk, code_task_with, code_with

__all__ = [
    "Chunk",
    "ChunkResult",
    "ChunkTask",
    "Engine",
    "InProcessEngine",
    "ProcessPoolEngine",
    "chunk_key",
    "chunked",
    "code_chunk",
    "code_task_with",
    "code_with",
    "expand_paths",
]
