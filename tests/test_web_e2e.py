"""The web page in a real headless browser (Debian's chromium driven by playwright).

Set EVENTWIRE_SCREENSHOTS=DIR to also save a screenshot of each view there (docs/screenshots).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from spacy.language import Language

from eventwire.web import create_app
from test_api_fixtures import HOSTILE, SCRIPT, build_web_db

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SHOTS = os.environ.get("EVENTWIRE_SCREENSHOTS")

if not CHROMIUM.exists():
    if os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing and EVENTWIRE_REQUIRE_BROWSER=1 "
                    "(apt-get install chromium)", pytrace=False)
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium; .ci/run does it in CI)",
                allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[str]:
    db = build_web_db(tmp_path_factory.mktemp("e2e") / "e2e.duckdb", nlp)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, nlp=nlp), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):  # bounded wait for the socket, not a timing assertion
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield url
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1300, "height": 850})
        pg.dialogs = []
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        yield pg
        browser.close()


def show(page: Any, base_url: str, route: str, view: str) -> None:
    page.goto(f"{base_url}/{route}")
    page.wait_for_selector(f"body[data-ready='{view}']", timeout=30000)


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_events_table_and_filter(page: Any, base_url: str) -> None:
    show(page, base_url, "#/events", "events")
    api = httpx.get(f"{base_url}/events", params={"limit": 500}).json()
    assert page.locator("#events-table tbody tr").count() == min(50, api["total"])
    shot(page, "events")
    page.select_option("#event-filters select[name=type]", "ACCUSE")
    page.click("#event-filters button[type=submit]")
    page.wait_for_selector("body[data-ready='events']")
    accuse = [e for e in api["items"] if e["type"] == "ACCUSE"]
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(accuse) > 0
    assert set(page.locator("#events-table tbody .badge").all_text_contents()) == {"ACCUSE"}
    assert page.locator("#event-total").text_content() == f"{len(accuse)} event(s)"
    assert "type=ACCUSE" in page.url


def test_article_view_highlights_the_coding(page: Any, base_url: str) -> None:
    events = httpx.get(f"{base_url}/events", params={"actor": "GBR", "limit": 1}).json()["items"]
    article_id = events[0]["article_id"]
    show(page, base_url, "#/events?actor=GBR", "events")
    page.click(f"#events-table tbody tr[data-article='{article_id}']")
    page.wait_for_selector("body[data-ready='article']")
    detail = httpx.get(f"{base_url}/articles/{article_id}").json()
    assert page.locator("#article-title").text_content() == detail["title"]
    assert page.locator("#article-text").text_content() == detail["text"]
    for e in detail["event_items"]:
        if e["trigger_start"] is None:
            continue
        pieces = page.locator(f"#article-text [data-ids~='t{e['event_index']}']")
        assert "".join(pieces.all_text_contents()) == e["trigger"]
        assert all("hl-trigger" in (c or "") for c in
                   [pieces.nth(i).get_attribute("class") for i in range(pieces.count())])
    for kind, items in (("e", detail["entities"]), ("q", detail["quotes"]),
                        ("s", detail["sources"])):
        for i, item in enumerate(items):
            text = "".join(page.locator(f"#article-text [data-ids~='{kind}{i}']")
                           .all_text_contents())
            assert text == item["text"]
    assert page.locator("#event-cards .card").count() == len(detail["event_items"])
    selected = page.locator("#event-cards .card.selected")
    assert selected.count() == 1
    index = selected.get_attribute("data-event")
    outlined = "".join(page.locator("#article-text .hl-evidence").all_text_contents())
    assert outlined == detail["event_items"][int(index or 0)]["evidence"]
    shot(page, "article")


def test_hostile_markup_stays_text(page: Any, base_url: str) -> None:
    show(page, base_url, f"#/article/{HOSTILE.id}", "article")
    assert page.locator("#article-title").text_content() == HOSTILE.title
    assert SCRIPT in (page.locator("#article-text").text_content() or "")
    assert page.locator("#view script, #view img, #view b").count() == 0
    show(page, base_url, "#/events?q=Hostile", "events")
    assert page.locator("#events-table tbody tr").count() >= 1
    assert page.locator("#view img").count() == 0
    assert page.dialogs == []
    assert not page.errors


@pytest.mark.parametrize(("route", "view", "selector"), [
    ("#/dyads?a=GBR&b=RUS&by=month", "dyads", "#dyad-chart rect.bar-conf"),
    ("#/network", "network", "#network-chart line.edge"),
    ("#/map", "map", "#map-chart circle.place"),
])
def test_charts_draw(page: Any, base_url: str, route: str, view: str, selector: str) -> None:
    show(page, base_url, route, view)
    assert page.locator(selector).count() > 0
    if view == "map":
        assert len(page.locator("#map-chart path.land").get_attribute("d") or "") > 1000
    shot(page, view)


def test_code_box(page: Any, base_url: str) -> None:
    show(page, base_url, "#/code", "code")
    page.fill("#code-input", "Britain expelled 23 Russian diplomats on Wednesday after Prime "
              "Minister Theresa May blamed Russia for the nerve agent attack. <img src=x "
              "onerror=alert(1)> Moscow denied any involvement and said it would retaliate.")
    page.fill("input[name=date]", "2018-03-14")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#code-result .card", timeout=60000)
    assert page.locator("#code-result .hl-trigger").count() > 0
    assert page.locator("#view img").count() == 0 and page.dialogs == []
    shot(page, "code")


def test_articles_list_opens_an_article(page: Any, base_url: str) -> None:
    show(page, base_url, "#/articles?q=Salisbury", "articles")
    rows = page.locator("#articles-table tbody tr")
    assert rows.count() == 1
    rows.first.click()
    page.wait_for_selector("body[data-ready='article']")
    assert "Salisbury" in (page.locator("#article-text").text_content() or "")
    assert page.locator("#event-cards .card.selected").count() == 0
    page.locator("#event-cards .card").first.click()
    assert page.locator("#article-text .hl-evidence").count() > 0
