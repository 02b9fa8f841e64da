"""API safety (issue 9): rate and size limits on coding, injection attempts in every query
parameter, the operator's token on writes, CORS closed by default."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from eventwire.store.database import ARTICLE_TABLES
from eventwire.web import create_app
from eventwire.web.ratelimit import RateLimit, TokenBuckets
from test_api_fixtures import build_web_db

INJECTIONS = (
    "'; DROP TABLE events; --",
    "USA' OR '1'='1",
    "%' OR 1=1 --",
    "\" OR \"\"=\"",
    "1); DELETE FROM articles; --",
    "x' UNION SELECT id, text FROM articles --",
    "\\",
    "%",
    "_",
    "$1",
    "?",
    "RUS\u0000",
    "../../etc/passwd",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    return build_web_db(tmp_path_factory.mktemp("safety") / "safety.duckdb", nlp)


@pytest.fixture(scope="module")
def client(db: Path, nlp: Language) -> Iterator[TestClient]:
    with TestClient(create_app(db, nlp=nlp)) as c:
        yield c


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("articles", "failures", *ARTICLE_TABLES)}
    finally:
        con.close()


def _query_parameters(client: TestClient) -> list[tuple[str, str]]:
    """(path, parameter) for every query parameter of every GET endpoint, from the schema."""
    spec = client.get("/openapi.json").json()
    found = []
    for path, methods in spec["paths"].items():
        for parameter in methods.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                found.append((path, parameter["name"]))
    return found


def _fill_path(path: str) -> str:
    return path.replace("{article_id}", "hostile0000000001").replace("{event_index}", "0")


def _is_empty(body: Any) -> bool:
    if isinstance(body, list):
        return not body
    if isinstance(body, dict):
        for key in ("items", "nodes", "edges", "countries", "names", "periods"):
            if body.get(key):
                return False
        return bool(body.get("total", 0) == 0)
    return False


# Parameters whose value is free text (a substring to look for): injections are plain text there
# and simply match nothing.
FREE_TEXT = {"q", "outlet"}


def test_every_query_parameter_is_covered(client: TestClient) -> None:
    parameters = _query_parameters(client)
    assert len(parameters) >= 30
    assert {name for _, name in parameters} >= {"actor", "recipient", "type", "q", "outlet",
                                               "since", "until", "limit", "offset", "a", "b"}


def _corpus_text(db: Path) -> str:
    """Everything a free-text filter looks at, lower-cased, to tell which attacks can match."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT coalesce(title, '') || ' ' || text || ' ' || coalesce(outlet, '') "
            "FROM articles UNION ALL SELECT evidence || ' ' || "
            "array_to_string(actor_names, ' ') || ' ' || array_to_string(recipient_names, ' ') "
            "FROM events").fetchall()
    finally:
        con.close()
    return "\n".join(str(r[0]) for r in rows).lower()


def test_injection_attempts_in_every_parameter(client: TestClient, db: Path) -> None:
    before = _counts(db)
    corpus = _corpus_text(db)
    checked = 0
    for path, name in _query_parameters(client):
        url = _fill_path(path)
        for attack in INJECTIONS:
            params = {name: attack}
            if path == "/dyads" and name not in {"a", "b"}:
                params.update(a="RUS", b="UKR")
            response = client.get(url, params=params)
            assert response.status_code in {200, 404, 409, 422}, (path, name, attack,
                                                                  response.text)
            # Wildcards must not act as wildcards: an attack that is not literally in the
            # corpus matches nothing ("_" is, in "window.__pwned").
            if response.status_code == 200 and name in FREE_TEXT and attack not in corpus:
                assert _is_empty(response.json()), (path, name, attack)
            checked += 1
    assert checked >= 30 * len(INJECTIONS)
    assert _counts(db) == before
    # The free-text filters still work for honest input, so "empty" above meant something.
    assert client.get("/events", params={"q": "Russia"}).json()["total"] > 0


@pytest.mark.parametrize("attack", INJECTIONS)
def test_injection_in_path_parameters(client: TestClient, attack: str) -> None:
    segment = quote(attack, safe="")
    urls = (f"/articles/{segment}", f"/events/{segment}/0",
            f"/events/hostile0000000001/{segment}")
    for url in urls:
        assert client.get(url).status_code in {404, 422}


def test_code_is_rate_limited_per_client(db: Path, nlp: Language) -> None:
    app = create_app(db, nlp=nlp, code_rate=RateLimit(per_second=0.01, burst=3))
    with TestClient(app) as c:
        # Empty posts are refused (400) without running the pipeline, but still count.
        statuses = [c.post("/code", json={"text": " "}).status_code for _ in range(5)]
        assert statuses == [400, 400, 400, 429, 429]
        limited = c.post("/code", json={"text": " "})
        assert 1 <= int(limited.headers["Retry-After"]) <= 100
        # Reads are not limited.
        assert c.get("/facets").status_code == 200


def test_rate_limit_can_be_disabled(db: Path, nlp: Language) -> None:
    with TestClient(create_app(db, nlp=nlp, code_rate=RateLimit(per_second=0))) as c:
        assert {c.post("/code", json={"text": ""}).status_code for _ in range(40)} == {400}


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("steps, expected", [
    ([("a", 0)] * 3, [0.0, 0.0, 2.0]),                          # burst 2, refill 0.5/s
    ([("a", 0), ("a", 0), ("b", 0)], [0.0, 0.0, 0.0]),           # per client
    ([("a", 0), ("a", 0), ("a", 2.0)], [0.0, 0.0, 0.0]),         # one token back after 2 s
    ([("a", 0), ("a", 0), ("a", 1.0)], [0.0, 0.0, 1.0]),         # half a token: wait 1 s more
    ([("a", 0), ("a", 100), ("a", 0), ("a", 0)], [0.0, 0.0, 0.0, 2.0]),  # never above burst
])
def test_token_bucket(steps: list[tuple[str, float]], expected: list[float]) -> None:
    clock = _Clock()
    buckets = TokenBuckets(RateLimit(per_second=0.5, burst=2), clock=clock)
    waits = []
    for client, advance in steps:
        clock.now += advance
        waits.append(round(buckets.take(client), 6))
    assert waits == expected


def test_oversized_bodies_are_refused_before_parsing(db: Path, nlp: Language) -> None:
    with TestClient(create_app(db, nlp=nlp, max_body=1000)) as c:
        big = {"text": "Russia condemned Ukraine. " * 100}
        assert c.post("/code", json=big).status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length to trust
            yield b'{"text": "'
            for _ in range(100):
                yield b"Russia condemned Ukraine. "
            yield b'"}'

        r = c.post("/code", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Bearer wrong"}, 401),
    ({"Authorization": "Basic czNjcmV0"}, 401),
    ({"Authorization": "Bearer s3cre"}, 401),
    ({"Authorization": "Bearer S3CRET"}, 401),
])
def test_writes_need_the_exact_token(db: Path, nlp: Language, tmp_path: Path,
                                     headers: dict[str, str], status: int) -> None:
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    before = _counts(copy)
    with TestClient(create_app(copy, token="s3cret", nlp=nlp)) as c:
        assert c.post("/articles", json={"text": "Russia condemned Ukraine on Monday."},
                      headers=headers).status_code == status
    assert _counts(copy) == before


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    r = client.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer any"})
    assert r.status_code == 403


@pytest.mark.parametrize("method", ["GET", "OPTIONS"])
def test_cors_is_closed_by_default(client: TestClient, method: str) -> None:
    headers = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    r = client.request(method, "/events", headers=headers)
    assert "access-control-allow-origin" not in {k.lower() for k in r.headers}


def test_cors_opens_only_to_the_named_origin(db: Path, nlp: Language) -> None:
    app = create_app(db, nlp=nlp, cors_origins=["https://dash.example"])
    with TestClient(app) as c:
        ok = c.get("/facets", headers={"Origin": "https://dash.example"})
        evil = c.get("/facets", headers={"Origin": "https://evil.example"})
    assert ok.headers.get("access-control-allow-origin") == "https://dash.example"
    assert "access-control-allow-origin" not in evil.headers


class _BrokenPipeline:
    """Stands in for a pipeline with a bug: fails on every text."""

    def make_doc(self, text: str) -> Any:
        raise IndexError("token index out of range")


def test_a_pipeline_bug_is_a_json_500_and_the_server_goes_on(db: Path) -> None:
    app = create_app(db, nlp=_BrokenPipeline())  # type: ignore[arg-type]
    with TestClient(app) as c:
        r = c.post("/code", json={"text": "Russia condemned Ukraine on Monday, officials said."})
        assert r.status_code == 500
        assert "coding this text failed" in r.json()["detail"]
        assert "IndexError" not in r.text and "Traceback" not in r.text
        assert c.get("/facets").status_code == 200
