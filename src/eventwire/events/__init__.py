"""The PLOVER event coder: verb and noun patterns (data), modality cues, CAMEO/Goldstein table.

``eventwire.events.component`` registers the spaCy factory ``eventwire_events``; the rules live
behind the :class:`~eventwire.events.coder.EventCoder` protocol so a learned coder can sit beside
them.
"""

from __future__ import annotations

from eventwire.events.cameo import CameoRow, cameo_row, load_cameo_table
from eventwire.events.coder import EventCoder, RuleCoder
from eventwire.events.patterns import (
    NounPattern,
    VerbPattern,
    load_noun_patterns,
    load_verb_patterns,
)

__all__ = [
    "CameoRow",
    "EventCoder",
    "NounPattern",
    "RuleCoder",
    "VerbPattern",
    "cameo_row",
    "load_cameo_table",
    "load_noun_patterns",
    "load_verb_patterns",
]
