"""An Article from text or HTML already in memory (a POST body, a notebook cell, a queue message).

The same cleaners and checks as the file readers, so a string and a file with the same content
become the same Article; only the failure type differs (InputError names ``source``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from eventwire.errors import InputError
from eventwire.ingest.cleaned import Cleaned
from eventwire.ingest.failure import Rejected
from eventwire.ingest.formats import looks_like_html
from eventwire.ingest.htmlclean import clean_html
from eventwire.ingest.language import check_english
from eventwire.ingest.outlet import outlet_from_url
from eventwire.ingest.rawbytes import MAX_BYTES
from eventwire.ingest.reader import article_id
from eventwire.ingest.runon import check_sentence_length
from eventwire.ingest.textclean import clean_text
from eventwire.model import Article

__all__ = ["Kind", "article_from_string"]

Kind = Literal["auto", "text", "html"]
_SNIFF_CHARS = 4096


def _resolve(raw: str, kind: Kind) -> Kind:
    if kind == "auto":
        return "html" if looks_like_html(raw[:_SNIFF_CHARS]) else "text"
    return kind


def _clean(raw: str, kind: Kind) -> Cleaned:
    if kind == "html":
        return clean_html(raw)
    if kind == "text":
        return clean_text(raw)
    raise Rejected(f"unknown kind {kind!r} (use 'auto', 'text' or 'html')")


def article_from_string(
    text_or_html: str,
    *,
    kind: Kind = "auto",
    title: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    source: str = "<input>",
) -> Article:
    """Clean ``text_or_html`` into an Article, or raise InputError naming ``source``.

    ``kind="auto"`` treats the string as HTML when it starts like a page or is dense with tags.
    ``title``, ``date`` and ``url`` override what the content says about itself. Refused: empty
    or whitespace-only input, NUL bytes (binary content), more than MAX_BYTES characters, HTML
    without article text, text that is clearly not English, and run-on text (a "sentence" of
    more than eventwire.ingest.runon.MAX_SENTENCE_WORDS words).
    """
    if not isinstance(text_or_html, str):
        raise InputError(source, f"expected a string, got {type(text_or_html).__name__}")
    if not text_or_html.strip():
        raise InputError(source, "empty input")
    if len(text_or_html) > MAX_BYTES:
        raise InputError(source, f"input too large ({len(text_or_html)} characters > "
                                 f"{MAX_BYTES} limit)")
    if "\x00" in text_or_html:
        raise InputError(source, "binary content (NUL characters)")
    try:
        kind = _resolve(text_or_html, kind)
        cleaned = _clean(text_or_html, kind)
        if not cleaned.text.strip():
            # The cleaner may drop a foreign text whole (no spaces, no sentence it knows);
            # say it is foreign rather than "no text".
            check_english(cleaned.title or (text_or_html if kind == "text" else ""))
            raise Rejected("no article text found")
        check_english(f"{title or cleaned.title or ''}\n\n{cleaned.text}")
        check_sentence_length(cleaned.text)
    except Rejected as exc:
        raise InputError(source, exc.reason) from None
    page_url = url or cleaned.url
    return Article(
        id=article_id(cleaned.text),
        text=cleaned.text,
        title=title or cleaned.title,
        published=date or cleaned.published,
        outlet=cleaned.outlet or outlet_from_url(page_url),
        byline=cleaned.byline,
        url=page_url,
        source_path=source,
    )
