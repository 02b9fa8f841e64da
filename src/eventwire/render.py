"""Plain-text tables for people reading a terminal."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["text_table"]


def _cell(value: object, width: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], max_widths: Sequence[int]
) -> str:
    """Columns sized to their content, each capped at its max width."""
    cells = [[_cell(v, w) for v, w in zip(row, max_widths, strict=True)] for row in rows]
    widths = [
        max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([line, rule, *body]).rstrip()
