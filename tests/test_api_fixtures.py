"""A real DuckDB file for the API and browser tests: the bundled samples plus a hostile article.

The hostile article is written straight to the store (not through ingest, whose cleaning could
drop the markup) so that its text and title really carry HTML that must never execute.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language

from eventwire.batch import ingest_into_store
from eventwire.coding import code_article
from eventwire.model import Article
from eventwire.store import open_store

REPO = Path(__file__).resolve().parents[1]
SCRIPT = "<script>window.__pwned = 1; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 2; alert('img')\">"
HOSTILE = Article(
    id="hostile0000000001",
    title=f"Hostile {IMG} title",
    published=dt.date(2001, 4, 2),
    outlet="<b>Outlet</b>",
    text=(
        f"Russia accused Ukraine of shelling Donetsk on Thursday. {SCRIPT}\n\n"
        f"The Russian foreign ministry said {IMG} the attack violated the ceasefire."
    ),
)


def build_web_db(path: Path, nlp: Language) -> Path:
    with open_store(path) as store:
        report = ingest_into_store([REPO / "samples"], store, nlp=nlp)
        assert report.stored >= 4 and not report.failures
        store.write(code_article(HOSTILE, nlp=nlp))
    return path
