"""HTML pages: trafilatura finds the article; the text cleaner then removes leftover furniture.

trafilatura (Barbaresi 2021, https://trafilatura.readthedocs.io) returns the main content as an
XML tree (``head``, ``p``, ``quote``, ``list/item``, ``table``...) plus page metadata. The tree is
re-serialised as Markdown-like blocks (headings marked ``##``) so that the same rules as for text
input drop sub-headings, credits and boilerplate paragraphs that survive extraction.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.ingest.cleaned import Cleaned
from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.failure import Rejected
from eventwire.ingest.inline import collapse_spaces
from eventwire.ingest.textclean import clean_text

__all__ = ["clean_html"]

#: Fewer words than this is a navigation or login page, not an article.
MIN_ARTICLE_WORDS = 10
_TEXT_TAGS = frozenset({"p", "quote", "item"})
_BLANK_RUNS = re.compile(r"\n{2,}")
_SKIP_TAGS = frozenset({"table", "graphic", "code", "ref-list"})


def _element_text(element: Any) -> str:
    """Text of an element with its ``<lb/>`` (from ``<br>``) kept as line breaks, so that
    ``<br><br>``-separated paragraphs stay paragraphs."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block_text(element: Any) -> str:
    lines = [collapse_spaces(line) for line in _element_text(element).split("\n")]
    # Runs of empty lines become one blank line: a paragraph break for the text cleaner.
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _blocks(body: Any) -> list[str]:
    blocks: list[str] = []
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "head":
            blocks.append("## " + collapse_spaces("".join(element.itertext())))
        elif tag in _TEXT_TAGS and not any(
            isinstance(a.tag, str) and a.tag in _TEXT_TAGS | _SKIP_TAGS | {"head"}
            for a in element.iterancestors()
        ):
            text = _block_text(element)
            if text:
                blocks.append(text)
    return blocks


def _clean(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return collapse_spaces(value)
    return None


def clean_html(raw: str) -> Cleaned:
    """Main text and metadata of an HTML page; raises Rejected when it holds no article."""
    # Imported here: trafilatura takes about half a second to import, and most inputs are text.
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,  # its cache is per process: syndicated copies would lose their text
        )
    except Exception as exc:
        # A third-party parser failing on one page must not stop a folder run.
        raise Rejected(f"HTML could not be parsed ({type(exc).__name__})") from exc
    body = getattr(document, "body", None)
    blocks = _blocks(body) if body is not None else []
    if not blocks:
        raise Rejected("no article text found")
    title = _clean(getattr(document, "title", None))
    cleaned = clean_text("\n\n".join(blocks), find_title=title is None, guess_title=False)
    if len(cleaned.text.split()) < MIN_ARTICLE_WORDS:
        raise Rejected("no article text found")
    return Cleaned(
        text=cleaned.text,
        title=title or cleaned.title,
        byline=_clean(getattr(document, "author", None)) or cleaned.byline,
        published=parse_date_value(getattr(document, "date", None)) or cleaned.published,
        url=_clean(getattr(document, "url", None)) or cleaned.url,
        outlet=_clean(getattr(document, "sitename", None)) or cleaned.outlet,
    )
