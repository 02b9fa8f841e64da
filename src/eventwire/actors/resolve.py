"""From matched names and agent nouns to entities: titles, state modifiers, unknown people.

Composition, left to right:
- state word + (up to two modifiers) + agent noun -> one entity ("Iranian officials" IRN GOV,
  "Russia's Foreign Ministry" RUS GOV), and when a person's name follows the noun, that person
  with the noun as role ("Iranian Foreign Minister Mohammad Javad Zarif");
- title + name -> the person with that role ("President Vladimir Putin");
- person + government noun -> that person's government ("the Trump administration");
- agent noun + "of" + state -> the state's agent ("the foreign minister of Iran");
- a PERSON the knowledge base does not know -> country/sector from title or apposition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.actors.appositions import read_apposition
from eventwire.actors.context import acts_as_actor, disambiguate, inside_person_name
from eventwire.actors.cues import Cues
from eventwire.actors.kb import KnowledgeBase, select
from eventwire.actors.matching import AGENT, GROUP, Mention
from eventwire.actors.records import AgentTerm, Candidate, slug
from eventwire.model import Entity

__all__ = ["Item", "compose", "resolve_items"]

_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})


@dataclass(frozen=True)
class Item:
    start: int  # token indices
    end: int
    cand: Candidate | None = None
    agent: AgentTerm | None = None


def resolve_items(doc: Doc, mentions: list[Mention], kb: KnowledgeBase, cues: Cues,
                  on: dt.date | None) -> list[Item]:
    ents = tuple(doc.ents)  # doc.ents rebuilds its spans on every access
    items: list[Item] = []
    for m in mentions:
        span = m.span(doc)
        if m.kind == AGENT:
            term = kb.agent(span.text)
            if term is not None:
                items.append(Item(m.start, m.end, agent=term))
            continue
        if m.kind == GROUP:
            group = next((g for g in cues.state_groups
                          if m.key in {a.lower() for a in g.aliases}), None)
            if group is not None:
                items.append(Item(m.start, m.end, cand=Candidate(
                    name=group.name, kind="group", country=None, sector=group.sector,
                    source="cues.yaml", form="group")))
            continue
        ranked = select(kb.candidates(span.text), on)
        if not ranked:
            continue
        cand = disambiguate(doc, m.key, ranked[0], cues)
        if cand.kind == "person" and _second_half(doc, m.start):
            continue  # "Ratcliffe" in "Zaghari-Ratcliffe" is not John Ratcliffe
        if inside_person_name(span, cand, ents) or not acts_as_actor(span, cand, cues):
            continue
        items.append(Item(m.start, m.end, cand=cand))
    return items


def _second_half(doc: Doc, start: int) -> bool:
    """True when the token at ``start`` ends a hyphenated word ("Zaghari-Ratcliffe")."""
    if start < 2:
        return False
    hyphen, word = doc[start - 1], doc[start - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_


def _entity(doc: Doc, start: int, end: int, *, country: str | None, sector: str | None,
            name: str | None, role: str | None, kind: str | None, why: str,
            entity_id: str | None = None) -> Entity:
    span = doc[start:end]
    eid = entity_id or f"{kind or 'entity'}:{country or 'none'}:{slug(name or span.text)}"
    return Entity(text=span.text, start=span.start_char, end=span.end_char, country=country,
                  sector=sector, name=name, role=role, kind=kind, entity_id=eid, why=why)


def _from_candidate(doc: Doc, item: Item) -> Entity:
    c = item.cand
    assert c is not None
    sector = c.sector
    kind = c.kind
    if kind == "state" and c.form == "demonym":
        kind = "group"
    return _entity(doc, item.start, item.end, country=c.country, sector=sector, name=c.name,
                   role=c.role, kind=kind, why=c.explain(), entity_id=c.entity_id)


def _agent_kind(term: AgentTerm, doc: Doc, start: int) -> str:
    if "ministry" in term.term or "department" in term.term or "office" in term.term:
        return "ministry"
    if start > 0 and (doc[start - 1].like_num or doc[start - 1].pos_ == "NUM"):
        return "anonymous"  # "two people with knowledge of the matter"
    return "person" if term.role else "agent"


def _modifier_gap(doc: Doc, a: int, b: int) -> bool:
    """True when tokens a..b may sit between a state word and its agent noun."""
    gap = doc[a:b]
    if len(gap) > 3:
        return False
    plain = [t for t in gap if t.text not in _POSSESSIVE]
    return len(plain) <= 2 and all(t.pos_ in _MODIFIER_POS and t.ent_type_ != "PERSON" for t in plain)


def _person_after(doc: Doc, pos: int, items: list[Item], k: int,
                  ents: tuple[Span, ...]) -> tuple[int, Candidate | None] | None:
    """(end token, KB person or None) of a person name starting right at ``pos``."""
    cand = items[k].cand if k < len(items) and items[k].start == pos else None
    if cand is not None and cand.kind == "person":
        return items[k].end, cand
    for ent in ents:
        if ent.start == pos and ent.label_ == "PERSON" and not any(ch.isdigit() for ch in ent.text):
            return ent.end, None
    return None


def compose(doc: Doc, items: list[Item], cues: Cues) -> list[Entity]:
    ents = tuple(doc.ents)
    out: list[Entity] = []
    k = 0
    while k < len(items):
        it = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        c = it.cand
        # state word + agent noun (+ person)
        if c is not None and c.kind == "state" and nxt is not None and nxt.agent is not None \
                and _modifier_gap(doc, it.end, nxt.start):
            term = nxt.agent
            person = _person_after(doc, nxt.end, items, k + 2, ents)
            if person is not None and term.role:
                end, pc = person
                name = pc.name if pc else doc[nxt.end:end].text
                why = f"{term.role} of {c.name} ({c.source}, {term.source})"
                if pc:
                    why += f"; {pc.explain()}"
                out.append(_entity(doc, it.start, end, country=(pc.country if pc else None) or c.country,
                                   sector=(pc.sector if pc else None) or term.sector, name=name,
                                   role=term.role, kind="person", why=why,
                                   entity_id=pc.entity_id if pc else None))
                k += 3 if pc else 2
                continue
            out.append(_entity(doc, it.start, nxt.end, country=c.country, sector=term.sector,
                               name=f"{c.name} {term.term}", role=term.role,
                               kind=_agent_kind(term, doc, it.start),
                               why=f"{c.name} ({c.form}, {c.source}) + {term.term} "
                                   f"({term.sector}, {term.source})"))
            k += 2
            continue
        # title + person
        if it.agent is not None and it.agent.role:
            person = _person_after(doc, it.end, items, k + 1, ents)
            if person is not None:
                end, pc = person
                name = pc.name if pc else doc[it.end:end].text
                why = f"title '{doc[it.start:it.end].text}' ({it.agent.source})"
                if pc:
                    why += f"; {pc.explain()}"
                out.append(_entity(doc, it.start, end, country=pc.country if pc else None,
                                   sector=(pc.sector if pc else None) or it.agent.sector, name=name,
                                   role=it.agent.role if (pc is None or not pc.role or
                                                          pc.sector != "ELI") else pc.role,
                                   kind="person", why=why,
                                   entity_id=pc.entity_id if pc else None))
                k += 2 if pc else 1
                continue
        # person + government noun
        if c is not None and c.kind == "person" and nxt is not None and nxt.agent is not None \
                and nxt.start == it.end and nxt.agent.term.lower() in cues.government_nouns:
            out.append(_entity(doc, it.start, nxt.end, country=c.country, sector="GOV",
                               name=f"{c.name} {nxt.agent.term}", role=None, kind="organization",
                               why=f"government of {c.explain()}"))
            k += 2
            continue
        # agent + of + state
        if it.agent is not None and nxt is not None and nxt.cand is not None \
                and nxt.cand.kind == "state" and nxt.start == it.end + 1 \
                and doc[it.end].lower_ == "of":
            term = it.agent
            out.append(_entity(doc, it.start, nxt.end, country=nxt.cand.country,
                               sector=term.sector, name=f"{nxt.cand.name} {term.term}",
                               role=term.role, kind=_agent_kind(term, doc, it.start),
                               why=f"{term.term} of {nxt.cand.name} ({nxt.cand.source})"))
            k += 2
            continue
        if c is not None:
            out.append(_from_candidate(doc, it))
        elif it.agent is not None:
            term = it.agent
            out.append(_entity(doc, it.start, it.end, country=None, sector=term.sector,
                               name=None, role=term.role, kind=_agent_kind(term, doc, it.start),
                               why=f"agent noun '{term.term}' ({term.sector}, {term.source})"))
        k += 1
    return out


def _trimmed(span: Span) -> Span:
    end = span.end
    while end > span.start and not any(ch.isalnum() for ch in span.doc[end - 1].text):
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_)


def unknown_people(doc: Doc, known: list[Entity], cues: Cues) -> tuple[list[Entity], list[Entity]]:
    """PERSON entities the knowledge base missed, with what their apposition says; and the known
    bare agent nouns inside those appositions, which the person's entity now covers."""
    taken = [(e.start, e.end) for e in known]
    out: list[Entity] = []
    covered: list[Entity] = []
    for ent in map(_trimmed, doc.ents):
        if not len(ent) or ent.label_ != "PERSON" or any(ch.isdigit() for ch in ent.text):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        app = read_apposition(doc, ent, known, cues)
        span: Span = ent
        if app is None:
            out.append(_entity(doc, span.start, span.end, country=None, sector=None,
                               name=ent.text, role=None, kind="person",
                               why="PERSON not in the knowledge base"))
            continue
        out.append(_entity(doc, span.start, span.end, country=app.country, sector=app.sector,
                           name=ent.text, role=app.role, kind="person", why=app.why))
        covered += [e for e in known if e.country is None and e.name is None
                    and app.span.start_char <= e.start and e.end <= app.span.end_char]
    return out, covered
