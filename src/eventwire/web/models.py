"""Pydantic response and request models: the API's edge (inside, eventwire uses dataclasses)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ActorCounts", "ArticleDetail", "ArticlePage", "ArticleSummary", "CodeRequest",
    "CodedContract", "CountryCount", "DateItem", "DyadPoint", "DyadSeries", "EntityItem",
    "EventDetail", "EventItem", "EventPage", "Facets", "MapPoint", "Mention", "NameCount",
    "Network", "NetworkEdge", "NetworkNode", "PlaceItem", "QuantityItem", "QuoteItem",
    "SourceItem", "Span", "StoredArticle", "TypeCount", "UniqueEvent",
]


class Span(BaseModel):
    text: str
    start: int
    end: int


class EventItem(BaseModel):
    """One coded event as stored, with its article's title, outlet and publication date."""

    article_id: str
    event_index: int
    title: str | None
    outlet: str | None
    published: dt.date | None
    type: str
    mode: str | None
    context: list[str] = Field(default_factory=list)
    aux: list[str] = Field(default_factory=list)
    asserted: bool
    actor_countries: list[str]
    actor_names: list[str]
    recipient_countries: list[str]
    recipient_names: list[str]
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    evidence: str
    evidence_start: int
    evidence_end: int
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    attribution_kind: str | None
    attribution_text: str | None
    attribution_count: int | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    pattern: str | None
    responds_to: int | None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventItem]


class EntityItem(BaseModel):
    entity_index: int
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    sector: str | None
    role: str | None
    kind: str | None


class Mention(EntityItem):
    """An actor mention in the article that names one of the event's participants."""

    side: str  # actor or recipient


class QuoteItem(BaseModel):
    quote_index: int
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_country: str | None
    speaker_sector: str | None
    speaker_role: str | None


class SourceItem(BaseModel):
    source_index: int
    kind: str
    text: str
    start: int
    end: int
    count: int | None
    country: str | None


class DateItem(BaseModel):
    date_index: int
    text: str
    start: int
    end: int
    kind: str | None
    value_start: dt.date | None
    value_end: dt.date | None
    precision: str | None


class PlaceItem(BaseModel):
    place_index: int
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    kind: str | None
    lat: float | None
    lon: float | None


class QuantityItem(BaseModel):
    quantity_index: int
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    kind: str | None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    byline: str | None
    url: str | None
    events: int = Field(description="asserted events coded in the article")


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class ArticleDetail(ArticleSummary):
    """An article with everything coded in it; every offset indexes ``text``."""

    text: str
    coder_version: str
    event_items: list[EventItem]
    entities: list[EntityItem]
    quotes: list[QuoteItem]
    sources: list[SourceItem]
    dates: list[DateItem]
    places: list[PlaceItem]
    quantities: list[QuantityItem]


class EventDetail(BaseModel):
    event: EventItem
    article: ArticleSummary
    text: str = Field(description="the article text; the offsets index it")
    evidence: Span
    trigger: Span | None
    mentions: list[Mention]


class CountryCount(BaseModel):
    country: str
    as_actor: int
    as_recipient: int


class NameCount(BaseModel):
    name: str
    country: str | None
    events: int


class ActorCounts(BaseModel):
    countries: list[CountryCount]
    names: list[NameCount]


class DyadPoint(BaseModel):
    period: dt.date = Field(description="first day of the period")
    label: str
    events: int
    mentions: int = Field(description="reports behind the events (equals events unless unique)")
    cooperation: int
    conflict: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float | None = Field(description="mean Goldstein score of the period's events")
    types: dict[str, int]


class DyadSeries(BaseModel):
    actor: str
    recipient: str
    by: str
    directed: bool
    unique: bool
    points: list[DyadPoint]


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein: float | None


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class MapPoint(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    cooperation: int
    conflict: int


class TypeCount(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    articles: int
    events: int
    types: list[TypeCount]
    outlets: list[TypeCount]
    countries: list[TypeCount]
    first_date: dt.date | None
    last_date: dt.date | None


class CodeRequest(BaseModel):
    """Text or HTML to code; exactly one of ``text`` and ``html``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    title: str | None = Field(default=None, max_length=1000)
    date: dt.date | None = Field(default=None, description="publication date (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _one_body(self) -> CodeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


class CodedContract(BaseModel):
    """A coded article in the output contract (shared/contract/article.schema.json)."""

    model_config = ConfigDict(extra="allow")

    article: dict[str, Any]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    places: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    quantities: list[dict[str, Any]]


class StoredArticle(BaseModel):
    id: str
    events: int


class UniqueEvent(BaseModel):
    """One real-world event after `eventwire dedup`, with how many reports carry it."""

    event_id: str
    article_id: str = Field(description="the representative mention's article")
    event_index: int
    type: str
    mode: str | None
    actor_countries: list[str]
    actor_names: list[str]
    recipient_countries: list[str]
    recipient_names: list[str]
    event_date: dt.date | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    evidence: str
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    num_mentions: int
    num_articles: int
    num_sources: int
    title: str | None
    outlet: str | None
    url: str | None
