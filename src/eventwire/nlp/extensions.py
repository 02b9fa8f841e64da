"""Custom attributes eventwire keeps on a spaCy ``Doc``: each pipeline component writes one.

Registered once, idempotently, by :func:`register_extensions` (spaCy's extension registry is
process-global, so registration is the one place that touches it).
"""

from __future__ import annotations

from spacy.tokens import Doc

#: attribute name -> what it holds (all default to an empty list, except ew_article)
DOC_ATTRIBUTES: dict[str, str] = {
    "ew_article": "eventwire.model.Article being coded (publication date, id) or None",
    "ew_entities": "list[Entity]: resolved actor mentions, sorted by start, non-overlapping",
    "ew_compounds": "list[tuple[TextSpan, tuple[Entity, ...]]]: compound mentions ('Russia and Iran', 'the two countries') and their members",
    "ew_dates": "list[DateMention]",
    "ew_places": "list[Place]",
    "ew_quantities": "list[Quantity]",
    "ew_quotes": "list[Quote]",
    "ew_sources": "list[Source]",
    "ew_events": "list[Event]",
}


def register_extensions() -> None:
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            # None, not []: a mutable default would be shared by every Doc.
            Doc.set_extension(name, default=None)
