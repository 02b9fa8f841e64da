"""A learned event-type classifier behind the :class:`~eventwire.events.coder.EventCoder` protocol.

The rule coder keeps finding actors and recipients; a small logistic model over a sentence's
lemmas and dependency relations re-types, filters or adds events (``LearnedCoder``).
"""

from __future__ import annotations

from eventwire.events.learned.coder import POLICIES, LearnedCoder, Policy
from eventwire.events.learned.features import sentence_features
from eventwire.events.learned.model import EventTypeModel, load_default_model, train_model

__all__ = [
    "POLICIES",
    "EventTypeModel",
    "LearnedCoder",
    "Policy",
    "load_default_model",
    "sentence_features",
    "train_model",
]
