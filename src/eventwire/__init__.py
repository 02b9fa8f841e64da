"""eventwire: news articles to PLOVER event data, with the evidence behind every field."""

from eventwire._version import __version__
from eventwire.errors import EventwireError, InputError
from eventwire.model import (
    Article,
    Attribution,
    DateMention,
    DateValue,
    Entity,
    Event,
    Place,
    Quantity,
    Quote,
    Source,
    TextSpan,
)

__all__ = [
    "Article",
    "Attribution",
    "DateMention",
    "DateValue",
    "Entity",
    "Event",
    "EventwireError",
    "InputError",
    "Place",
    "Quantity",
    "Quote",
    "Source",
    "TextSpan",
    "__version__",
]
