"""The HTTP API, in process, against a DuckDB file built by ingesting samples/."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import jsonschema
import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from eventwire.web import create_app
from eventwire.web.app import WebError
from test_api_fixtures import HOSTILE, IMG, SCRIPT, build_web_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "src/eventwire/schema/article.schema.json").read_text()
)
ENGLISH = (
    "Britain expelled 23 Russian diplomats on Wednesday after Prime Minister Theresa May blamed "
    "Russia for the nerve agent attack. Moscow denied any involvement and said it would retaliate."
)


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    return build_web_db(tmp_path_factory.mktemp("web") / "web.duckdb", nlp)


@pytest.fixture(scope="module")
def client(web_db: Path, nlp: Language) -> Iterator[TestClient]:
    with TestClient(create_app(web_db, nlp=nlp)) as c:
        yield c


@pytest.fixture(scope="module")
def writable(web_db: Path, nlp: Language, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[TestClient]:
    copy = tmp_path_factory.mktemp("writable") / "w.duckdb"
    shutil.copy(web_db, copy)
    with TestClient(create_app(copy, token="s3cret", nlp=nlp)) as c:
        yield c


def db_count(path: Path, sql: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute(sql).fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/events", params={**params, "limit": 500})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def test_total_counts_every_asserted_event(client: TestClient, web_db: Path) -> None:
    body = client.get("/events", params={"limit": 3}).json()
    assert body["total"] == db_count(web_db, "SELECT count(*) FROM events WHERE asserted")
    assert len(body["items"]) == 3
    unasserted = client.get("/events", params={"all": "true", "limit": 1}).json()
    assert unasserted["total"] == db_count(web_db, "SELECT count(*) FROM events")


def test_pages_do_not_overlap(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 4, "offset": 0}).json()["items"]
    second = client.get("/events", params={"limit": 4, "offset": 4}).json()["items"]
    key = [(e["article_id"], e["event_index"]) for e in first + second]
    assert len(set(key)) == 8


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "GBR"}, lambda e: "GBR" in e["actor_countries"]),
    ({"recipient": "rus"}, lambda e: "RUS" in e["recipient_countries"]),
    ({"type": "accuse"}, lambda e: e["type"] == "ACCUSE"),
    ({"quad_class": 1}, lambda e: e["quad_class"] == 1),
    ({"country": "IRN"}, lambda e: "IRN" in e["actor_countries"] + e["recipient_countries"]
     or e["location_country"] == "IRN"),
    ({"since": "2020-01-01"}, lambda e: (e["date_end"] or e["published"]) >= "2020-01-01"),
    ({"until": "2019-01-01"}, lambda e: (e["date_start"] or e["published"]) <= "2019-01-01"),
    ({"q": "diplomats"}, lambda e: "diplomats" in (e["evidence"] + (e["title"] or "")).lower()
     or any("diplomats" in n.lower() for n in e["actor_names"] + e["recipient_names"])),
])
def test_filters_keep_only_matching_events(client: TestClient, params: dict[str, Any],
                                           check: Any) -> None:
    events = all_events(client, **params)
    assert events, f"no event for {params}"
    assert all(check(e) for e in events)
    assert len(events) < len(all_events(client))


@pytest.mark.parametrize("q", ["' OR 1=1 --", "Rus%ia", "Rus_ia", "x'); DROP TABLE events; --"])
def test_search_text_is_a_literal_substring(client: TestClient, web_db: Path, q: str) -> None:
    assert all_events(client, q=q) == []
    assert db_count(web_db, "SELECT count(*) FROM events") > 0


@pytest.mark.parametrize("params", [
    {"actor": "GB1"}, {"actor": "GBRR"}, {"type": "FOO"}, {"limit": 0}, {"limit": 501},
    {"offset": -1}, {"quad_class": 5}, {"since": "last week"}, {"all": "maybe"},
])
def test_bad_query_parameters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    assert client.get("/events", params=params).status_code == 422


def test_event_detail_offsets_index_the_text(client: TestClient) -> None:
    for e in all_events(client)[:10]:
        r = client.get(f"/events/{e['article_id']}/{e['event_index']}")
        assert r.status_code == 200
        d = r.json()
        ev = d["evidence"]
        assert d["text"][ev["start"]:ev["end"]] == ev["text"]
        if d["trigger"]:
            assert d["text"][d["trigger"]["start"]:d["trigger"]["end"]] == d["trigger"]["text"]
        for m in d["mentions"]:
            assert d["text"][m["start"]:m["end"]] == m["text"]
            assert m["side"] in ("actor", "recipient")
    assert client.get("/events/nope/0").status_code == 404
    assert client.get("/events/nope/-1").status_code == 422


def test_article_detail_holds_everything_coded(client: TestClient) -> None:
    page = client.get("/articles").json()
    assert page["total"] == 5
    for summary in page["items"]:
        a = client.get(f"/articles/{summary['id']}").json()
        assert a["events"] == summary["events"]
        spans = a["entities"] + a["quotes"] + a["sources"] + a["dates"] + a["places"]
        assert a["entities"]
        for s in spans:
            assert a["text"][s["start"]:s["end"]] == s["text"]
    assert client.get("/articles/missing").status_code == 404
    assert client.get("/articles", params={"q": "Salisbury"}).json()["total"] == 1


def test_actor_counts_match_the_events(client: TestClient) -> None:
    counts = client.get("/actors").json()
    gbr = next(c for c in counts["countries"] if c["country"] == "GBR")
    assert gbr["as_actor"] == len(all_events(client, actor="GBR"))
    assert gbr["as_recipient"] == len(all_events(client, recipient="GBR"))
    assert all(n["events"] > 0 for n in counts["names"])


def test_dyad_series_counts_both_directions(client: TestClient) -> None:
    both = client.get("/dyads", params={"a": "GBR", "b": "RUS"}).json()
    one_way = client.get("/dyads", params={"a": "GBR", "b": "RUS", "directed": "true"}).json()
    expected = len(all_events(client, actor="GBR", recipient="RUS")) + len(
        all_events(client, actor="RUS", recipient="GBR"))
    assert sum(p["events"] for p in both["points"]) == expected
    assert sum(p["events"] for p in one_way["points"]) == len(
        all_events(client, actor="GBR", recipient="RUS"))
    for p in both["points"]:
        assert p["cooperation"] + p["conflict"] <= p["events"]
        assert sum(p["types"].values()) == p["events"]
    assert client.get("/dyads", params={"a": "GBR", "b": "RUS", "by": "decade"}).status_code == 422
    assert client.get("/dyads", params={"a": "GBR"}).status_code == 422
    assert client.get("/dyads", params={"a": "GBR", "b": "RUS", "unique": "true"}
                      ).status_code == 409


def test_network_and_places(client: TestClient) -> None:
    net = client.get("/network").json()
    assert net["edges"] and net["nodes"]
    ids = {n["id"] for n in net["nodes"]}
    for edge in net["edges"]:
        assert edge["source"] < edge["target"] and {edge["source"], edge["target"]} <= ids
    places = client.get("/places").json()
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    facets = client.get("/facets").json()
    assert facets["articles"] == 5 and facets["events"] == len(all_events(client))


def test_code_returns_the_contract(client: TestClient) -> None:
    r = client.post("/code", json={"text": ENGLISH, "title": "Expulsions", "date": "2018-03-14"})
    assert r.status_code == 200, r.text
    body = r.json()
    jsonschema.validate(body, SCHEMA)
    assert body["article"]["published"] == "2018-03-14"
    assert body["events"]


def test_code_reads_html(client: TestClient) -> None:
    html = f"<html><head><title>Expulsions</title></head><body><article><p>{ENGLISH}</p>" \
           f"<p>{ENGLISH}</p></article></body></html>"
    r = client.post("/code", json={"html": html})
    assert r.status_code == 200, r.text
    assert "<p>" not in r.json()["article"]["text"]


@pytest.mark.parametrize(("body", "headers", "status"), [
    ({"text": "x" * 250_000}, {}, 413),
    ({"text": ENGLISH, "html": "<p>a</p>"}, {}, 422),
    ({}, {}, 422),
    ({"text": ENGLISH, "date": "yesterday"}, {}, 422),
    ({"text": ENGLISH, "colour": "red"}, {}, 422),
    ({"text": 12}, {}, 422),
    ({"text": "   "}, {}, 400),
    ({"text": "Le gouvernement français a annoncé mardi que les négociations avec les "
              "syndicats reprendraient la semaine prochaine dans le calme et sans conditions "
              "préalables, selon le ministre du travail."}, {}, 400),
])
def test_code_rejects_bad_input(client: TestClient, body: dict[str, Any], headers: dict[str, str],
                                status: int) -> None:
    assert client.post("/code", json=body, headers=headers).status_code == status


def test_code_needs_json(client: TestClient) -> None:
    assert client.post("/code", content=b"{not json", headers={
        "content-type": "application/json"}).status_code == 422
    assert client.post("/code", content=ENGLISH.encode(), headers={
        "content-type": "text/plain"}).status_code == 415


def test_writes_need_the_token(client: TestClient, writable: TestClient) -> None:
    assert client.post("/articles", json={"text": ENGLISH}).status_code == 403
    assert writable.post("/articles", json={"text": ENGLISH}).status_code == 401
    assert writable.post("/articles", json={"text": ENGLISH},
                         headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = writable.post("/articles", json={"text": ENGLISH, "title": "Posted"},
                      headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201, r.text
    stored = writable.get(f"/articles/{r.json()['id']}").json()
    assert stored["title"] == "Posted" and len(stored["event_items"]) >= r.json()["events"]
    assert client.get(f"/articles/{r.json()['id']}").status_code == 404


def test_markup_in_articles_comes_back_as_plain_text(client: TestClient) -> None:
    r = client.get(f"/articles/{HOSTILE.id}")
    assert r.headers["content-type"].startswith("application/json")
    a = r.json()
    assert SCRIPT in a["text"] and IMG in a["title"] and a["outlet"] == "<b>Outlet</b>"
    hits = all_events(client, q="<img")
    assert {e["article_id"] for e in hits} == {HOSTILE.id}


def test_page_and_headers(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert client.get("/static/js/main.js").status_code == 200
    assert client.get("/static/vendor/world-atlas/land-110m.json").json()["type"] == "Topology"
    cross = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in cross.headers


def test_cors_only_for_configured_origins(web_db: Path) -> None:
    with TestClient(create_app(web_db, cors_origins=["https://ok.example"])) as c:
        ok = c.get("/facets", headers={"Origin": "https://ok.example"})
        other = c.get("/facets", headers={"Origin": "https://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "https://ok.example"
    assert "access-control-allow-origin" not in other.headers


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/events/{article_id}/{event_index}", "/articles",
                 "/articles/{article_id}", "/actors", "/dyads", "/network", "/places", "/code"):
        assert path in paths
    assert "requestBody" in paths["/code"]["post"]


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(WebError):
        create_app(tmp_path / "none.duckdb")
    create_app(tmp_path / "new.duckdb", token="t")
    assert (tmp_path / "new.duckdb").is_file()


def test_unique_events_after_dedup(client: TestClient, web_db: Path, tmp_path: Path) -> None:
    from eventwire.corpus import update_unique_events

    assert client.get("/unique-events").status_code == 409
    copy = tmp_path / "dedup.duckdb"
    shutil.copy(web_db, copy)
    con = duckdb.connect(str(copy))
    try:
        update_unique_events(con)
    finally:
        con.close()
    with TestClient(create_app(copy)) as c:
        rows = c.get("/unique-events", params={"limit": 500}).json()
        gbr = c.get("/unique-events", params={"actor": "GBR"}).json()
    assert rows and sum(r["num_mentions"] for r in rows) == len(all_events(client))
    assert gbr and all("GBR" in r["actor_countries"] for r in gbr)
