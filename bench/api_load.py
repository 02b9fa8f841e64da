"""Load test of the HTTP API on loopback: a fixed number of reads from a few client threads.

Starts `eventwire serve`'s app (uvicorn) on 127.0.0.1 on a free port, sends ``--requests`` GETs
spread over the read endpoints from ``--clients`` threads (keep-alive connections), then stops
the server and prints requests/s, latency percentiles and the count of errors (any non-200
answer or failed request). Bounded: it never runs longer than the requests it was given (each
with a 30 s timeout) and never listens beyond loopback. A benchmark script, not a test.

Without ``--db`` it first codes the bundled samples/ into a temporary database (loads spaCy).

Usage: .venv/bin/python bench/api_load.py [--db FILE] [--requests 2000] [--clients 8]
       [--code N]   (also N POST /code requests, each running the pipeline)
"""

from __future__ import annotations

import argparse
import itertools
import socket
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Self

import httpx
import uvicorn

from eventwire.web import create_app
from eventwire.web.ratelimit import RateLimit

REPO = Path(__file__).resolve().parents[1]
READS = (
    "/events?limit=50", "/events?q=Russia&limit=20", "/events?type=ACCUSE", "/articles?limit=20",
    "/articles?q=minister", "/facets", "/actors", "/network", "/places", "/dyads?a=GBR&b=RUS",
)
CODE_BODY = {"text": "Britain expelled 23 Russian diplomats on Wednesday after the prime "
                     "minister blamed Russia for the attack. Moscow denied any involvement.",
             "date": "2018-03-14"}


def _build_db(folder: Path) -> Path:
    from eventwire.batch import ingest_into_store
    from eventwire.store import open_store

    db = folder / "load.duckdb"
    with open_store(db) as store:
        ingest_into_store([REPO / "samples"], store, workers=1)
    return db


class _Server:
    """uvicorn in a thread, on a socket bound to 127.0.0.1 before it starts."""

    def __init__(self, db: Path) -> None:
        app = create_app(db, code_rate=RateLimit(per_second=0))  # the bench is one client
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in 30 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()


def _client(base: str, jobs: list[tuple[str, str]], latencies: list[float],
            statuses: Counter[str], lock: threading.Lock) -> None:
    mine: list[float] = []
    seen: Counter[str] = Counter()
    with httpx.Client(base_url=base, timeout=30) as http:
        for method, path in jobs:
            started = time.perf_counter()
            try:
                if method == "POST":
                    response = http.post(path, json=CODE_BODY)
                else:
                    response = http.get(path)
                seen[str(response.status_code)] += 1
            except httpx.HTTPError as exc:
                seen[type(exc).__name__] += 1
            mine.append(time.perf_counter() - started)
    with lock:
        latencies.extend(mine)
        statuses.update(seen)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(db: Path, requests: int, clients: int, code: int) -> None:
    jobs = [("GET", path) for path in itertools.islice(itertools.cycle(READS), requests)]
    jobs += [("POST", "/code")] * code
    shares = [jobs[i::clients] for i in range(clients)]
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    with _Server(db) as server:
        base = f"http://127.0.0.1:{server.port}"
        if code:
            httpx.post(f"{base}/code", json=CODE_BODY, timeout=300)  # load the pipeline first
        threads = [threading.Thread(target=_client, args=(base, share, latencies, statuses, lock))
                   for share in shares]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
    errors = sum(n for status, n in statuses.items() if status != "200")
    ms = [x * 1000 for x in latencies]
    print(f"requests: {len(jobs)} ({requests} reads over {len(READS)} endpoints, {code} POST "
          f"/code) from {clients} clients in {seconds:.2f} s")
    print(f"throughput: {len(jobs) / seconds:.1f} requests/s")
    print(f"latency ms: p50 {statistics.median(ms):.1f}  p90 {_percentile(ms, 0.9):.1f}  "
          f"p99 {_percentile(ms, 0.99):.1f}  max {max(ms):.1f}")
    print(f"answers: {dict(sorted(statuses.items()))}  errors: {errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="DuckDB file (default: code samples/ first)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--code", type=int, default=0, help="POST /code requests to add")
    args = parser.parse_args()
    if args.requests < 1 or args.clients < 1 or args.code < 0:
        parser.error("--requests and --clients must be >= 1, --code >= 0")
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or _build_db(Path(folder))
        run(db, args.requests, args.clients, args.code)


if __name__ == "__main__":
    main()
