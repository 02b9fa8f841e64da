"""Places (gazetteer lookups, per-event location) and quantities found in a Doc."""

from __future__ import annotations

from eventwire.place.finder import find_places
from eventwire.place.gazetteer import lookup_place
from eventwire.place.location import event_location
from eventwire.place.quantities import event_quantities, find_quantities

__all__ = ["event_location", "event_quantities", "find_places", "find_quantities", "lookup_place"]
