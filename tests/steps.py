"""Run part of the pipeline: spaCy's own steps plus chosen eventwire steps, for unit tests that
set the other steps' values by hand (so other components cannot interfere)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc


def run_steps(nlp: Language, doc: Doc, keep: Iterable[str] = ()) -> Doc:
    """``doc`` through spaCy's steps, paragraph boundaries and the eventwire steps in ``keep``."""
    wanted = {"eventwire_paragraphs", *keep}
    for name, proc in nlp.pipeline:
        if name.startswith("eventwire_") and name not in wanted:
            continue
        doc = proc(doc)
    return doc
