"""Actor resolution: the knowledge base of states, people and organizations, and the spaCy
component ``eventwire_actors`` (in :mod:`eventwire.actors.component`) that resolves mentions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.actors.kb import KnowledgeBase, load_knowledge_base
from eventwire.actors.records import AgentTerm, Candidate

__all__ = ["AgentTerm", "Candidate", "KnowledgeBase", "load_knowledge_base", "lookup"]


def lookup(name: str, on: dt.date | None = None, extra_files: tuple[Path, ...] = ()) -> list[Candidate]:
    """What ``name`` stood for on ``on`` (best first); for ``eventwire actors lookup``."""
    return load_knowledge_base(tuple(Path(p) for p in extra_files)).lookup(name, on)
