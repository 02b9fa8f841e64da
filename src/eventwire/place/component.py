"""The ``eventwire_places`` pipeline step: writes ``doc._.ew_places``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.extensions import register_extensions
from eventwire.place.finder import find_places
from eventwire.place.location import event_location

__all__ = ["PlaceFinder", "event_location"]


class PlaceFinder:
    """Place mentions resolved against the gazetteer (regions, countries, cities)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_places = find_places(doc)
        return doc


@Language.factory("eventwire_places")
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    register_extensions()
    return PlaceFinder()
