"""A stacked bar chart of a dyad series as standalone SVG: cooperation below, conflict above.

Written by hand (a few rectangles and labels) so charts need no plotting library. Bars stack the
four quad classes per period; the y axis counts events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import cycle
from xml.sax.saxutils import escape

from eventwire.corpus.dyads import DyadPeriod

__all__ = ["dyad_svg"]

# Colour-blind-safe pairs (Okabe-Ito): blues for cooperation, oranges for conflict.
_QUADS: tuple[tuple[str, str], ...] = (
    ("verbal cooperation", "#56B4E9"),
    ("material cooperation", "#0072B2"),
    ("verbal conflict", "#E69F00"),
    ("material conflict", "#D55E00"),
)
_LEFT, _RIGHT, _TOP, _BOTTOM = 60, 20, 40, 90
_PLOT_HEIGHT = 260
_MAX_PLOT_WIDTH = 960
_LABEL_SPACING = 16  # pixels between two period labels at least


def _ticks(top: int) -> list[int]:
    # steps 1, 2, 5, 10, 20, 50, ...: round numbers, at most about six gridlines
    step, factors = 1, cycle((2.0, 2.5, 2.0))
    while top / step > 6:
        step = int(step * next(factors))
    return list(range(0, top + step, step))


def dyad_svg(periods: Sequence[DyadPeriod], title: str) -> str:
    """The chart as an SVG document."""
    # long series (years of weeks) get thinner bars and sparser labels, not a wider picture
    slot = min(38.0, max(3.0, _MAX_PLOT_WIDTH / max(1, len(periods))))
    bar, gap = slot * 0.75, slot * 0.25
    label_every = max(1, math.ceil(_LABEL_SPACING / slot))
    width = round(_LEFT + _RIGHT + max(1, len(periods)) * slot + gap + 160)
    height = _TOP + _PLOT_HEIGHT + _BOTTOM
    top = max([sum(p.by_quad) for p in periods] + [1])
    ticks = _ticks(top)
    scale = _PLOT_HEIGHT / ticks[-1]
    base = _TOP + _PLOT_HEIGHT
    out = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">'),
        f'<title>{escape(title)}</title>',
        f'<text x="{_LEFT}" y="20" font-size="14">{escape(title)}</text>',
    ]
    for t in ticks:
        y = base - t * scale
        out.append(f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{width - 160}" y2="{y:.1f}" '
                   'stroke="#ddd"/>')
        out.append(f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{t}</text>')
    out.append(f'<text transform="translate(16 {base - _PLOT_HEIGHT / 2:.0f}) rotate(-90)" '
               'text-anchor="middle">events</text>')
    for i, p in enumerate(periods):
        x = _LEFT + gap + i * slot
        y = float(base)
        for (name, colour), n in zip(_QUADS, p.by_quad, strict=True):
            if not n:
                continue
            h = n * scale
            y -= h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{colour}"><title>{escape(p.label)}: {n} {name}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text transform="translate({x + bar / 2:.0f} {base + 8}) rotate(60)" '
                       f'>{escape(p.label)}</text>')
    out.append(f'<line x1="{_LEFT}" y1="{base}" x2="{width - 160}" y2="{base}" stroke="#333"/>')
    out.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{base}" stroke="#333"/>')
    out.append(f'<text x="{(_LEFT + width - 160) / 2:.0f}" y="{height - 8}" '
               'text-anchor="middle">period</text>')
    for j, (name, colour) in enumerate(_QUADS):
        y = _TOP + 10 + j * 18
        out.append(f'<rect x="{width - 150}" y="{y - 9}" width="12" height="12" '
                   f'fill="{colour}"/>')
        out.append(f'<text x="{width - 132}" y="{y + 1}">{name}</text>')
    if not periods:
        out.append(f'<text x="{_LEFT + 10}" y="{base - 10}">no events</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
