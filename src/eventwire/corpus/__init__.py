"""Corpus-scale analysis over a store: cross-article deduplication, dyad series, exports."""

from eventwire.corpus.dedup import DedupReport, rebuild_unique_events, update_unique_events
from eventwire.corpus.dyads import DyadPeriod, DyadQuery, dyad_series
from eventwire.corpus.matching import DedupSettings

__all__ = [
    "DedupReport",
    "DedupSettings",
    "DyadPeriod",
    "DyadQuery",
    "dyad_series",
    "rebuild_unique_events",
    "update_unique_events",
]
