"""Places (gazetteer lookups, per-event location) and quantities found in a Doc."""

from __future__ import annotations

from eventwire.place.finder import find_places
from eventwire.place.gazetteer import lookup_place
from eventwire.place.location import event_location

__all__ = ["event_location", "find_places", "lookup_place"]
