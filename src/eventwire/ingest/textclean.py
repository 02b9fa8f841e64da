"""Plain-text and Markdown articles: furniture out, title/byline/date/url kept aside.

The input is split into *units*: headings, and runs of text lines between blank lines (a list
item or a furniture line is a unit of its own). Each unit is classified once; then one walk
decides what is title, header furniture and body. Everything a unit can be is decided by the
narrow checks in :mod:`eventwire.ingest.furniture` and :mod:`eventwire.ingest.dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from eventwire.ingest.cleaned import Cleaned
from eventwire.ingest.dates import parse_date_value, parse_dateline, strip_wire_dateline
from eventwire.ingest.furniture import URL_LINE, byline_of, is_boilerplate, is_credit, url_label_of
from eventwire.ingest.inline import collapse_spaces, strip_inline
from eventwire.ingest.paragraphs import continues, join_paragraphs, rejoin_broken

__all__ = ["clean_text"]

_ATX = re.compile(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_SETEXT = re.compile(r"\s{0,3}(=+|-+)\s*")
_RULE = re.compile(
    r"\s{0,3}([-*_=~])(?:\s*\1){2,}\s*|\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*"
)
_TABLE_ROW = re.compile(r"\s*\|.*\|\s*")
_QUOTE_MARK = re.compile(r"\s*(?:>\s?)+")
_BULLET = re.compile(r"\s*[-*+•▪●]\s+(?=\S)")
_WHOLE_EMPHASIS = re.compile(r"\s*(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1\s*")
_WHOLE_LINK = re.compile(r"\s*(?:\[[^\]]+\]\([^)]*\)\s*[|•·,]?\s*)+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
# A short emphasized line with no sentence end is a credit or an un-marked sub-heading.
_MAX_EMPHASIS_LINE_WORDS = 12
_MAX_LINK_LINE_WORDS = 15
_MAX_FALLBACK_TITLE_WORDS = 25
_MAX_ORPHAN_WORDS = 10
# A line ending like a sentence (or a quotation / list lead-in) is text, however short.
_ORPHAN_KEEP = re.compile(r"[.!?…:;\"”’')\]]$|^[a-z]")


@dataclass(frozen=True)
class _Unit:
    kind: str  # heading, text, drop, date, byline, url_label, url
    text: str = ""
    lines: int = 1
    date: dt.date | None = None
    extra: str | None = None
    list_item: bool = False


def _front_matter(raw: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(raw)
    if match is None:
        return {}, raw
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, raw
    if not isinstance(data, dict):
        return {}, raw
    return {str(k).lower(): v for k, v in data.items()}, raw[match.end() :]


def _first(meta: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            return collapse_spaces(str(value))
    return None


def _classify_line(raw_line: str, standalone: bool) -> _Unit:
    """A furniture unit for ``raw_line``, or a text unit. ``standalone``: no text line directly
    above or below it (a byline never shares its paragraph with prose)."""
    line = collapse_spaces(strip_inline(raw_line))
    if not line:
        return _Unit("drop")  # only an image or markup
    if _RULE.fullmatch(raw_line) or _TABLE_ROW.fullmatch(raw_line):
        return _Unit("drop")  # rules, and Markdown table rows: cells are not prose
    is_label, url = url_label_of(line, raw_line)
    if is_label:
        return _Unit("url_label", extra=url)
    url_match = URL_LINE.fullmatch(line)
    if url_match:
        return _Unit("url", extra=url_match.group(1))
    if is_credit(line) or is_boilerplate(line):
        return _Unit("drop")
    date = parse_dateline(line)
    if date is not None:
        return _Unit("date", date=date)
    byline = byline_of(line) if standalone else None
    if byline is not None:
        names, others = byline
        dates = [d for d in map(parse_dateline, others) if d is not None]
        return _Unit("byline", text=line, date=dates[0] if dates else None, extra=names)
    emphasized = _WHOLE_EMPHASIS.fullmatch(raw_line)
    if (
        emphasized
        and len(line.split()) <= _MAX_EMPHASIS_LINE_WORDS
        and not _SENTENCE_END.search(line)
    ):
        return _Unit("drop")
    if (
        _WHOLE_LINK.fullmatch(raw_line)
        and len(line.split()) <= _MAX_LINK_LINE_WORDS
        and not _SENTENCE_END.search(line)
    ):
        return _Unit("drop")  # related-article or navigation links
    return _Unit("text", text=line)


def _is_prose(line: str) -> bool:
    """Whether ``line`` would be body text (not blank, heading, rule or other furniture)."""
    if not line.strip() or _ATX.fullmatch(line) or _RULE.fullmatch(line) or _SETEXT.fullmatch(line):
        return False
    return _classify_line(line, standalone=False).kind == "text"


def _units(body: str) -> list[_Unit]:
    units: list[_Unit] = []
    lines = body.split("\n")
    pending: list[str] = []

    def flush(list_item: bool = False) -> None:
        if pending:
            text = collapse_spaces(strip_inline(" ".join(pending)))
            if text:
                units.append(_Unit("text", text=text, lines=len(pending), list_item=list_item))
            pending.clear()

    for index, raw in enumerate(lines):
        line = _QUOTE_MARK.sub("", raw, count=1) if raw.lstrip().startswith(">") else raw
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            flush()
            continue
        atx = _ATX.fullmatch(line)
        if atx:
            flush()
            units.append(_Unit("heading", text=collapse_spaces(strip_inline(atx.group(2)))))
            continue
        if (
            _SETEXT.fullmatch(following)
            and not pending
            and not _RULE.fullmatch(line)
            and len(line.split()) <= _MAX_FALLBACK_TITLE_WORDS
            and not _SENTENCE_END.search(line.rstrip())
        ):
            # "Title" underlined by ===/--- on the next line; the underline is dropped below.
            flush()
            units.append(_Unit("heading", text=collapse_spaces(strip_inline(line))))
            continue
        if units and units[-1].kind == "heading" and _SETEXT.fullmatch(line) and not pending:
            continue
        bullet = _BULLET.match(line)
        if bullet and not _RULE.fullmatch(line):
            flush()
            line = line[bullet.end() :]
        previous = lines[index - 1] if index else ""
        unit = _classify_line(line, standalone=not _is_prose(previous) and not _is_prose(following))
        if unit.kind == "text":
            pending.append(line)
            if bullet:
                flush(list_item=True)
        else:
            flush()
            units.append(unit)
    flush()
    return units


def _orphan_like(unit: _Unit) -> bool:
    return (
        unit.lines == 1
        and not unit.list_item
        and len(unit.text.split()) <= _MAX_ORPHAN_WORDS
        and not _ORPHAN_KEEP.search(unit.text)
    )


def _drop_orphan_lines(body: list[_Unit]) -> list[_Unit]:
    """Without its markup, a sub-heading, caption or section label is a short line that is no
    sentence: no sentence-final punctuation, and not part of a sentence broken by a blank line."""
    kept = []
    for index, unit in enumerate(body):
        before = body[index - 1].text if index else ""
        after = body[index + 1].text if index + 1 < len(body) else ""
        if (
            _orphan_like(unit)
            and not (before and continues(before, unit.text))
            and not (after and continues(unit.text, after))
        ):
            continue
        kept.append(unit)
    return kept


def _promote_title(units: list[_Unit]) -> list[_Unit]:
    """Without any heading, a short one-line first paragraph with no sentence end, followed by
    more text, is the title (the usual layout of a plain-text article)."""
    texts = [i for i, unit in enumerate(units) if unit.kind in {"text", "heading"}]
    if len(texts) < 2 or units[texts[0]].kind != "text":
        return units
    for index in texts:  # a heading in the header, even after a label, is the real title
        if units[index].kind == "heading":
            return units
        if not _orphan_like(units[index]):
            break
    first = units[texts[0]]
    if (
        first.lines == 1
        and len(first.text.split()) <= _MAX_FALLBACK_TITLE_WORDS
        and not re.search(r"[.,;:]$|^[a-z]", first.text)
        and not continues(first.text, units[texts[1]].text)
    ):
        units = list(units)
        units[texts[0]] = _Unit("heading", text=first.text)
    return units


def clean_text(raw: str, *, find_title: bool = True, guess_title: bool = True) -> Cleaned:
    """Clean a plain-text or Markdown article.

    ``find_title=False`` when the title is known already (a leading heading is then dropped as
    furniture); ``guess_title=False`` to never take a short first line without a heading marker
    as the title.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, body = _front_matter(raw.lstrip("\n"))
    title = _first(meta, "title", "headline") if find_title else None
    byline = _first(meta, "author", "authors", "byline")
    published = parse_date_value(meta.get("date") or meta.get("published"))
    url = _first(meta, "url", "link", "canonical", "source_url")
    outlet = _first(meta, "outlet", "publisher", "site", "sitename", "source")

    body_units: list[_Unit] = []
    awaiting_url = False
    units = _units(body)
    if find_title and guess_title and title is None:
        units = _promote_title(units)
    for position, unit in enumerate(units):
        # Labels above the headline ("World News") do not end the header; a sentence does.
        in_header = not any(not _orphan_like(u) for u in body_units)
        if unit.kind == "url" and awaiting_url and url is None:
            url = unit.extra
        awaiting_url = unit.kind == "url_label" and unit.extra is None
        if unit.kind == "url_label" and url is None:
            url = unit.extra
        if unit.kind == "date" and published is None:
            published = unit.date
        if unit.kind == "byline" and (in_header or position == len(units) - 1):
            byline = byline or unit.extra
            published = published or unit.date
            continue
        if unit.kind == "heading":
            if in_header and title is None and find_title:
                title = unit.text
            continue
        if unit.kind in {"byline", "text"}:
            body_units.append(unit)

    body_units = _drop_orphan_lines(body_units)
    paragraphs = [unit.text for unit in body_units]
    if paragraphs:
        paragraphs[0] = strip_wire_dateline(paragraphs[0])
    list_items = frozenset(i for i, unit in enumerate(body_units) if unit.list_item)
    return Cleaned(
        text=join_paragraphs(rejoin_broken(paragraphs, list_items)),
        title=title or None,
        byline=byline,
        published=published,
        url=url,
        outlet=outlet,
    )
