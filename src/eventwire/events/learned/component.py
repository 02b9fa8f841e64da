"""spaCy component ``eventwire_events_learned``: writes ``doc._.ew_events`` with a LearnedCoder.

It stands in the rule component's place (``eventwire_events``) when a pipeline selects it; the
``policy`` config picks how much say the model has (see ``coder.POLICIES``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.learned.coder import POLICIES, LearnedCoder
from eventwire.events.learned.errors import PolicyError
from eventwire.nlp.extensions import register_extensions

__all__ = ["LearnedEventsComponent", "make_learned_events_component"]


class LearnedEventsComponent:
    def __init__(self, coder: LearnedCoder | None = None) -> None:
        register_extensions()
        self.coder = coder or LearnedCoder()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_events = list(self.coder.code(doc))
        return doc


@Language.factory("eventwire_events_learned", default_config={"policy": "propose"})
def make_learned_events_component(nlp: Language, name: str, policy: str) -> LearnedEventsComponent:
    if policy not in POLICIES:
        raise PolicyError(f"{name}: unknown policy {policy!r} (one of {', '.join(POLICIES)})")
    return LearnedEventsComponent(LearnedCoder(policy=policy))
