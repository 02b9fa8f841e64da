"""The ``eventwire_dates`` pipeline step: writes ``doc._.ew_dates``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.extensions import register_extensions
from eventwire.time.finder import find_dates

__all__ = ["DateFinder"]


class DateFinder:
    """Date expressions resolved against the article's publication date (None: absolute only)."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.ew_article
        published = article.published if article is not None else None
        doc._.ew_dates = find_dates(doc, published)
        return doc


@Language.factory("eventwire_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    register_extensions()
    return DateFinder()
