"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article
from eventwire.nlp.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full eventwire pipeline."""
    return build_pipeline()


@pytest.fixture(scope="session")
def code_doc(nlp: Language) -> Callable[..., Doc]:
    """Run the full pipeline on a text, as an article published on ``published``."""

    def run(text: str, published: str | None = "2019-05-31") -> Doc:
        article = Article(
            id="test",
            text=text,
            published=dt.date.fromisoformat(published) if published else None,
        )
        doc = nlp.make_doc(text)
        doc._.ew_article = article
        return nlp(doc)

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
