"""Training examples: gold events' evidence sentences, and hand-written labelled sentences.

A development article gives one example per parsed sentence: the types of every gold event
whose evidence overlaps that sentence (all defensible types), or none.  The overlap test is the
scorer's (first 40 normalised characters either way).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.evaluation.scoring import normalise
from eventwire.events.learned.errors import ModelFileError
from eventwire.events.learned.features import sentence_features
from eventwire.events.learned.model import Example, model_path
from eventwire.model import EVENT_TYPES

__all__ = ["TRAINING_SENTENCES", "doc_examples", "read_sentences", "sentence_examples"]

TRAINING_SENTENCES = "training_sentences.tsv"


def _overlaps(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a[:40] in b or b[:40] in a)


def doc_examples(doc: Doc, gold: Mapping[str, Any]) -> list[Example]:
    """One example per sentence of a parsed gold article."""
    evidence = [(normalise(g.get("evidence")), frozenset(g.get("types", ()))) for g in gold.get("events", [])]
    out = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        text = normalise(sent.text)
        types: set[str] = set()
        for ev, ts in evidence:
            if _overlaps(ev, text):
                types |= ts
        out.append(Example(sentence_features(sent), frozenset(types & set(EVENT_TYPES))))
    return out


def read_sentences(path: Path | None = None) -> list[tuple[str, frozenset[str]]]:
    """``type<TAB>sentence`` rows (types joined by ';', NONE for no event); '#' lines are comments."""
    path = path or model_path(TRAINING_SENTENCES)
    out = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if not row or row[0].startswith("#"):
                    continue
                if len(row) != 2:
                    raise ModelFileError(str(path), f"line {n}: expected 2 tab-separated fields")
                types = frozenset(t.strip() for t in row[0].split(";") if t.strip() and t.strip() != "NONE")
                unknown = types - set(EVENT_TYPES)
                if unknown:
                    raise ModelFileError(str(path), f"line {n}: unknown type {sorted(unknown)}")
                out.append((row[1].strip(), types))
    except OSError as exc:
        raise ModelFileError(str(path), f"cannot read training sentences: {exc}") from exc
    return out


def sentence_examples(nlp: Language, rows: Sequence[tuple[str, frozenset[str]]]) -> list[Example]:
    """Parse labelled sentences (only spaCy's own components are needed for the features)."""
    texts: Iterable[str] = (text for text, _ in rows)
    own = [name for name in nlp.pipe_names if name.startswith("eventwire_") and name != "eventwire_paragraphs"]
    with nlp.select_pipes(disable=own):
        docs = list(nlp.pipe(texts, batch_size=64))
    return [Example(sentence_features(doc[:]), types) for doc, (_, types) in zip(docs, rows)]
