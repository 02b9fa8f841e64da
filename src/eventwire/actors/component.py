"""The spaCy component ``eventwire_actors``: writes ``doc._.ew_entities`` and ``doc._.ew_compounds``.

The resolution date is the article's publication date (``doc._.ew_article.published``); without
one, people get their most recent role. ``actors_files`` are user files (same formats as the
package's) that add to or override the knowledge base.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.compounds import find_compounds, pair_references
from eventwire.actors.coref import affiliate_sources, resolve_references
from eventwire.actors.cues import load_cues
from eventwire.actors.dateline import dateline_country
from eventwire.actors.headline import headline_states
from eventwire.actors.kb import load_knowledge_base
from eventwire.actors.matching import build_matchers, find_mentions
from eventwire.actors.misspellings import misspelt_states
from eventwire.actors.people import unknown_people
from eventwire.actors.posts import international_posts
from eventwire.actors.resolve import compose, resolve_items
from eventwire.actors.surnames import surname_index
from eventwire.model import Entity
from eventwire.nlp.extensions import register_extensions

__all__ = ["ActorResolver", "make_actor_resolver"]


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


class ActorResolver:
    def __init__(self, nlp: Language, actors_files: tuple[Path, ...] = ()) -> None:
        register_extensions()
        self.kb = load_knowledge_base(actors_files)
        self.cues = load_cues()
        self.matchers = build_matchers(nlp, self.kb, self.cues)
        self.people = surname_index(self.kb)
        self.make_doc = nlp.make_doc

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.ew_article
        on = article.published if article is not None else None
        mentions = find_mentions(doc, self.matchers, self.cues)
        mentions = sorted(mentions + misspelt_states(doc, mentions, self.kb), key=lambda m: m.start)
        items = resolve_items(doc, mentions, self.kb, self.cues, on)
        entities = compose(doc, items, self.cues, dateline_country(doc, self.kb), self.people, on)
        people, covered = unknown_people(doc, entities, self.cues, self.people, on)
        entities = _non_overlapping([e for e in entities if e not in covered] + people)
        entities = international_posts(doc, affiliate_sources(doc, entities))
        headline = headline_states(article.title if article is not None else None,
                                   self.make_doc, self.matchers, self.kb)
        entities = _non_overlapping(resolve_references(doc, entities, self.cues, headline))
        compounds = find_compounds(doc, entities, self.cues)
        compounds += pair_references(doc, entities, compounds, self.cues)
        doc._.ew_entities = entities
        doc._.ew_compounds = sorted(compounds, key=lambda c: c[0].start)
        return doc


@Language.factory("eventwire_actors", default_config={"actors_files": []})
def make_actor_resolver(nlp: Language, name: str, actors_files: list[str]) -> ActorResolver:
    return ActorResolver(nlp, tuple(Path(p) for p in actors_files))
