"""Coding articles: run the pipeline and keep what it found as plain values.

`CodedArticle` holds copies of everything the components wrote on the Doc, so the Doc (and its
memory) can go as soon as an article is coded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import (
    Article,
    DateMention,
    Entity,
    Event,
    Place,
    Quantity,
    Quote,
    Source,
)
from eventwire.nlp.pipeline import shared_pipeline
from eventwire.nlp.text import remember_text

__all__ = ["CodedArticle", "code_article", "code_articles"]

#: whole articles per spaCy batch; larger batches cost memory without a speed gain
BATCH_SIZE = 16


@dataclass(frozen=True)
class CodedArticle:
    article: Article
    events: tuple[Event, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    dates: tuple[DateMention, ...]
    places: tuple[Place, ...]
    quantities: tuple[Quantity, ...]

    @property
    def asserted_events(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.asserted)


def _harvest(doc: Doc) -> CodedArticle:
    article: Article = doc._.ew_article
    return CodedArticle(
        article=article,
        events=tuple(doc._.ew_events or ()),
        entities=tuple(doc._.ew_entities or ()),
        quotes=tuple(doc._.ew_quotes or ()),
        sources=tuple(doc._.ew_sources or ()),
        dates=tuple(doc._.ew_dates or ()),
        places=tuple(doc._.ew_places or ()),
        quantities=tuple(doc._.ew_quantities or ()),
    )


def _prepare(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    remember_text(doc, article.text)
    doc._.ew_article = article
    return doc


def code_article(article: Article, nlp: Language | None = None) -> CodedArticle:
    """Code one article with the full pipeline."""
    nlp = nlp or shared_pipeline()
    return _harvest(nlp(_prepare(nlp, article)))


def code_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[CodedArticle]:
    """Code a stream of articles in batches, yielding results in input order."""
    nlp = nlp or shared_pipeline()
    docs = (_prepare(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield _harvest(doc)
