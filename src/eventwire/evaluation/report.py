"""The evaluation figures as text for people."""

from __future__ import annotations

from typing import Any

__all__ = ["format_report"]


def _pct(value: object) -> str:
    return "n/a" if value is None else f"{float(str(value)):.3f}"


def format_report(figures: dict[str, Any]) -> str:
    ev = figures["events"]
    lines = [
        f"articles: {figures['articles']}",
        (f"events: P={_pct(ev['precision'])} R={_pct(ev['recall'])} F1={_pct(ev['f1'])} "
         f"({ev['found']}/{ev['required']} required found, {ev['system']} asserted)"),
        f"trap violations: {figures['traps']}",
        (f"dates right: {_pct(figures['dates'])}   attribution right: "
         f"{_pct(figures['attribution'])}   quotes found: {_pct(figures['quotes'])}"
         f"   actors right: {_pct(figures['actors'])}"),
        (f"date mentions right: {_pct(figures['date_mentions'])}   places right: "
         f"{_pct(figures['places'])}   quantities right: {_pct(figures['quantities'])}"),
    ]
    if "plover_gsr" in figures:
        g = figures["plover_gsr"]
        lines.append(f"PLOVER gold records ({g['records']}): type accuracy {_pct(g['type_accuracy'])}"
                     f", triple accuracy {_pct(g['triple_accuracy'])}")
    lines.append("per type (true positives / asserted / required in gold):")
    for t, row in figures["per_type"].items():
        lines.append(f"  {t:<10} {row['true_positives']:>3} / {row['system']:>3} / {row['gold_required']:>3}")
    lines.append("per article:")
    for name, row in figures["per_article"].items():
        lines.append(f"  {name:<50} F1={_pct(row['f1'])} P={_pct(row['precision'])} "
                     f"R={_pct(row['recall'])} traps={row['traps']}")
    for cause, items in figures.get("errors", {}).items():
        lines.append(f"{cause} ({len(items)})")
        lines.extend(f"    {item}" for item in items)
    return "\n".join(lines)
