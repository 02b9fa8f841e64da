"""The event date and place, from the time and place packages when they are installed.

``eventwire.time.event_date`` and ``eventwire.place.event_location`` are written by other
components in parallel; they are looked up at call time so either can land (or be absent)
without this package changing. Both take ``(doc, sentence_span, trigger_span)``; whether a span is
a spaCy ``Span`` or an ``eventwire.model.TextSpan`` is read from the function's annotations.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from eventwire.model import DateValue, Place, TextSpan

__all__ = ["event_date", "event_location", "provider"]


@cache
def provider(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _wants_text_spans(fn: Callable[..., Any]) -> bool:
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return False
    return any("TextSpan" in str(p.annotation) for p in params[1:3])


def _span(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def _call(fn: Callable[..., Any], doc: Doc, sentence: TextSpan, trigger: TextSpan) -> Any:
    if _wants_text_spans(fn):
        return fn(doc, sentence, trigger)
    return fn(doc, _span(doc, sentence.start, sentence.end), _span(doc, trigger.start, trigger.end))


def event_date(doc: Doc, sentence: TextSpan, trigger: TextSpan) -> DateValue | None:
    fn = provider("eventwire.time", "event_date")
    if fn is None:
        return None
    value = _call(fn, doc, sentence, trigger)
    return value if isinstance(value, DateValue) else None


def event_location(doc: Doc, sentence: TextSpan, trigger: TextSpan) -> Place | None:
    fn = provider("eventwire.place", "event_location")
    if fn is None:
        return None
    value = _call(fn, doc, sentence, trigger)
    return value if isinstance(value, Place) else None
