"""Run part of the pipeline: spaCy's own steps plus chosen eventwire steps, for unit tests that
set the other steps' values by hand (so other components cannot interfere)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Entity


def run_steps(nlp: Language, doc: Doc, keep: Iterable[str] = ()) -> Doc:
    """``doc`` through spaCy's steps, paragraph boundaries and the eventwire steps in ``keep``."""
    wanted = {"eventwire_paragraphs", *keep}
    for name, proc in nlp.pipeline:
        if name.startswith("eventwire_") and name not in wanted:
            continue
        doc = proc(doc)
    return doc


def hand_entities(
    text: str, table: Mapping[str, tuple[str | None, str | None, str]], ignore_case: bool = False
) -> list[Entity]:
    """The entities ``table`` (surface form -> country, sector, kind) names in ``text``, longest
    forms first and without overlaps: actors set by hand, so a test sees only the step it tests."""
    flags = re.IGNORECASE if ignore_case else 0
    taken: list[tuple[int, int]] = []
    out: list[Entity] = []
    for surface in sorted(table, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w.]){re.escape(surface)}(?!\w)", text, flags):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            country, sector, kind = table[surface]
            taken.append((m.start(), m.end()))
            out.append(Entity(surface, m.start(), m.end(), country, sector, kind=kind, why="test"))
    return sorted(out, key=lambda e: e.start)
