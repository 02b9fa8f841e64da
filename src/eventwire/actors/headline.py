"""States the headline names: a story's parties, for references the body leaves implicit
("... cut ties with its neighbour" under "Saudi Arabia breaks ties with Iran")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.matching import Matchers

__all__ = ["headline_states"]

_STATE_FORMS = frozenset({"name", "adjective", "capital", "metonym"})


def headline_states(title: str | None, make_doc: Callable[[str], Doc], matchers: Matchers,
                    kb: KnowledgeBase) -> tuple[str, ...]:
    """Countries of the states named in ``title``, in order, each once."""
    if not title:
        return ()
    doc = make_doc(title)
    out: list[str] = []
    for _, start, end in matchers.names(doc):
        country = next((c.country for c in kb.candidates(doc[start:end].text)
                        if c.kind == "state" and c.form in _STATE_FORMS and c.country), None)
        if country and country not in out:
            out.append(country)
    return tuple(out)
