"""spaCy component ``eventwire_events``: writes ``doc._.ew_events`` (list[Event])."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.coder import EventCoder, RuleCoder
from eventwire.nlp.extensions import register_extensions

__all__ = ["EventsComponent", "make_events_component"]


class EventsComponent:
    def __init__(self, coder: EventCoder | None = None) -> None:
        register_extensions()
        self.coder: EventCoder = coder or RuleCoder()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_events = list(self.coder.code(doc))
        return doc


@Language.factory("eventwire_events")
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
