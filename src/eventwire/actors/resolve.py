"""From matched names and agent nouns to entities: titles, state modifiers, unknown people.

Composition, left to right:
- state word + (up to two modifiers) + agent noun -> one entity ("Iranian officials" IRN GOV,
  "Russia's Foreign Ministry" RUS GOV), and when a person's name follows the noun, that person
  with the noun as role ("Iranian Foreign Minister Mohammad Javad Zarif");
- title + name -> the person with that role ("President Vladimir Putin");
- person + government noun -> that person's government ("the Trump administration");
- agent noun + "of" + state -> the state's agent ("the foreign minister of Iran");
- people the knowledge base does not know: see :mod:`eventwire.actors.people`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.compounds import is_subject
from eventwire.actors.context import acts_as_actor, disambiguate, inside_person_name
from eventwire.actors.cues import Cues
from eventwire.actors.kb import KnowledgeBase, select
from eventwire.actors.matching import AGENT, GROUP, Mention
from eventwire.actors.periods import dated
from eventwire.actors.records import STATE_ORGAN_SECTORS, AgentTerm, Candidate, slug
from eventwire.actors.surnames import SurnameIndex, by_surname
from eventwire.model import Entity

__all__ = ["Item", "compose", "resolve_items"]

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: plural nouns that, counted ("two people", "three officials"), are the article's sources
_SOURCE_NOUNS = frozenset({"people", "persons", "sources", "officials", "individuals"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})


@dataclass(frozen=True)
class Item:
    start: int  # token indices
    end: int
    cand: Candidate | None = None
    agent: AgentTerm | None = None
    #: a capital used as a place: no entity, but it places an agent ("officials in Paris")
    place: bool = False


#: kinds that lend their country, not their sector, to an agent noun ("Yoruba leaders")
_STATELIKE = frozenset({"state", "ethnic_group"})
#: kinds of organizations that lend their country and sector to their members' role nouns
ORG_KINDS = frozenset({"organization", "igo", "ngo", "agency", "ministry", "military",
                       "armed_group", "party", "group", "company", "media"})


def resolve_items(doc: Doc, mentions: list[Mention], kb: KnowledgeBase, cues: Cues,
                  on: dt.date | None) -> list[Item]:
    ents = tuple(doc.ents)  # doc.ents rebuilds its spans on every access
    items: list[Item] = []
    for n, m in enumerate(mentions):
        span = m.span(doc)
        if m.kind == AGENT:
            if len(span) == 1 and span[0].pos_ == "ADJ" and not _before_agent(mentions, n):
                continue  # "military ties", "official figures": an adjective, not the body
            term = kb.agent(span.text)
            start = m.start
            prev = m.start - 1
            if prev > 0 and doc[prev].text == "-" and not doc[prev].whitespace_:
                prev -= 1  # "Director-General"
            if term is not None and term.term == "general" and prev >= 0 \
                    and doc[prev].lower_ in cues.general_titles:
                # "Director General" is a civil title, not the army rank
                title = f"{doc[prev].lower_} general"
                term, start = AgentTerm(title, "GOV", title, "cues.yaml"), prev
            if term is not None and not any(
                    e.label_ in _PLACE_ENTS and e.start <= start and m.end <= e.end
                    and len(e) > m.end - start for e in ents):  # "Bank" in "the West Bank"
                items.append(Item(start, m.end, agent=term))
            continue
        if m.kind == GROUP:
            group = next((g for g in cues.state_groups
                          if m.key in {a.lower() for a in g.aliases}), None)
            if group is not None:
                items.append(Item(m.start, m.end, cand=Candidate(
                    name=group.name, kind="group", country=None, sector=group.sector,
                    source="cues.yaml", form="group")))
            continue
        exact = kb.candidates(span.text)
        ranked = select(exact or kb.candidates(m.key), on)
        if not ranked:
            continue
        cand = dated(disambiguate(doc, m.key, ranked[0], cues), on)
        if not exact:  # a misspelt state word (eventwire.actors.misspellings)
            cand = dataclasses.replace(cand, note=f"written '{span.text}' for '{m.key}'")
        if cand.kind == "person" and _second_half(doc, m.start):
            continue  # "Ratcliffe" in "Zaghari-Ratcliffe" is not John Ratcliffe
        if inside_person_name(span, cand, ents):
            continue
        items.append(Item(m.start, m.end, cand=cand, place=not acts_as_actor(span, cand, cues)))
    return items


def _before_agent(mentions: list[Mention], n: int) -> bool:
    """True when an agent noun follows mention ``n`` right away ("rebel leaders")."""
    nxt = mentions[n + 1] if n + 1 < len(mentions) else None
    return nxt is not None and nxt.kind == AGENT and nxt.start == mentions[n].end


def _second_half(doc: Doc, start: int) -> bool:
    """True when the token at ``start`` ends a hyphenated word ("Zaghari-Ratcliffe")."""
    if start < 2:
        return False
    hyphen, word = doc[start - 1], doc[start - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_


def make_entity(doc: Doc, start: int, end: int, *, country: str | None, sector: str | None,
            name: str | None, role: str | None, kind: str | None, why: str,
            entity_id: str | None = None) -> Entity:
    span = doc[start:end]
    eid = entity_id or f"{kind or 'entity'}:{country or 'none'}:{slug(name or span.text)}"
    if name is None and role is not None:
        eid = f"role:{country or 'none'}:{slug(role)}"  # an office, not a named person
    return Entity(text=span.text, start=span.start_char, end=span.end_char, country=country,
                  sector=sector, name=name, role=role, kind=kind, entity_id=eid, why=why)


def _from_candidate(doc: Doc, item: Item) -> Entity:
    c = item.cand
    assert c is not None
    sector = c.sector
    kind = c.kind
    why = c.explain()
    if (kind == "state" and c.form == "demonym") or kind == "ethnic_group":
        kind, sector = "group", "CVL"  # "Iranians", "Uyghurs": the people, not the state
    elif kind == "state" and c.form == "name" and sector is None \
            and _acting(doc[item.start:item.end].root):
        sector = "GOV"  # a state that acts ("Russia has rejected") acts through its government
        why += "; acting as subject -> GOV"
    return make_entity(doc, item.start, item.end, country=c.country, sector=sector, name=c.name,
                   role=c.role, kind=kind, why=why, entity_id=c.entity_id)


def _acting(root: Token) -> bool:
    """Subject, or agent of a passive ("rejected by Russia")."""
    return root.dep_ in _SUBJECT_DEPS or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def _agent_kind(term: AgentTerm, doc: Doc, start: int) -> str:
    if {"ministry", "department", "office"} & set(term.term.split()):
        return "ministry"  # by word: "police officers" are no office
    if start > 0 and (doc[start - 1].like_num or doc[start - 1].pos_ == "NUM") \
            and term.term.split()[-1] in _SOURCE_NOUNS | {t[:-1] for t in _SOURCE_NOUNS}:
        return "anonymous"  # "two people with knowledge of the matter"
    return "person" if term.role else "agent"


def _modifier_gap(doc: Doc, a: int, b: int) -> bool:
    """True when tokens a..b may sit between a state word and its agent noun."""
    gap = doc[a:b]
    if len(gap) > 5:
        return False
    plain = [t for t in gap if t.text not in _POSSESSIVE and t.text != "-"]
    return len(plain) <= 3 and all(t.pos_ in _MODIFIER_POS and t.ent_type_ != "PERSON" for t in plain)


def items_cover(items: list[Item], start: int, end: int) -> bool:
    return any(it.start == start and it.end == end and it.cand is not None
               and it.cand.kind == "state" for it in items)


def _title_cased(doc: Doc, pos: int) -> bool:
    if pos >= len(doc):  # a title that ends the text has no name after it
        return False
    start = pos
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = pos + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) >= 0.6


def _person_after(doc: Doc, pos: int, items: list[Item], k: int,
                  ents: tuple[Span, ...]) -> tuple[int, Candidate | None] | None:
    """(end token, KB person or None) of a person name starting right at ``pos``."""
    cand = items[k].cand if k < len(items) and items[k].start == pos else None
    if cand is not None and cand.kind == "person":
        return items[k].end, cand
    for ent in ents:
        # positions first: they are integers, the label and text are built on each read
        if not (ent.start == pos or ent.start < pos < ent.end - 1):
            continue
        if ent.label_ != "PERSON" or any(ch.isdigit() for ch in ent.text):
            continue
        # The tagger may start the name at a preceding state ("to Ghana Musa Bello").
        if ent.start == pos or items_cover(items, ent.start, pos):
            return ent.end, None
    if cand is not None:
        return None  # a state or organization follows the title, not a name
    # The small model misses some names after titles ("Indian envoy J P Singh"): a run of
    # capitalised proper nouns right after a title is the titled person.
    if _title_cased(doc, pos):
        return None  # in a headline every word looks like a name
    end = pos
    while end < len(doc) and end - pos < 4 and doc[end].pos_ == "PROPN" \
            and doc[end].text[:1].isupper() and doc[end].text.rstrip(".").isalpha():
        end += 1
    if end - pos >= 2 or (end - pos == 1 and doc[pos].ent_type_ in ("", "PERSON")):
        return end, None
    return None


def _owner_entity(doc: Doc, it: Item, nxt: Item, ents: tuple[Span, ...], items: list[Item],
                  k: int) -> tuple[Entity, int]:
    """State or organization + agent noun (+ person): ("Iranian officials", "Taliban spokesman
    Suhail Shaheen"); returns the entity and how many items it used."""
    c, term = it.cand, nxt.agent
    assert c is not None and term is not None
    org = c.kind in ORG_KINDS
    # A member of an organization belongs to its country and sector; a state's agent noun
    # brings its own sector ("Russian troops" MIL).
    country = c.country
    sector = (c.sector or term.sector) if org else term.sector
    if c.kind == "ethnic_group" and sector == "GOV":
        sector = "ELI"  # "Yoruba leaders" lead a people, not a government
    after, j = nxt.end, k + 2
    posting = items[j] if j < len(items) else None
    if posting is not None and posting.cand is not None and posting.cand.kind == "state" \
            and [t.lower_ for t in doc[nxt.end:posting.start]] in (["to"], ["in"], ["at"]):
        after, j = posting.end, j + 1  # "Somali Ambassador to Kenya Mohamud Ahmed Nur"
    person = _person_after(doc, after, items, j, ents)
    if person is not None and (term.role or org):
        end, pc = person
        name = pc.name if pc else doc[nxt.end:end].text
        role = term.role or term.term
        why = f"{role} of {c.name} ({c.source}, {term.source})"
        if pc:
            why += f"; {pc.explain()}"
        # An international organization's official acts for it, not for their own state.
        own = pc.country if pc and c.kind not in _INTERNATIONAL else None
        entity = make_entity(doc, it.start, end, country=own or country,
                         sector=(pc.sector if pc and not org else None) or sector, name=name,
                         role=role, kind="person", why=why,
                         entity_id=pc.entity_id if pc else None)
        return entity, (j - k) + (1 if pc else 0)
    entity = make_entity(doc, it.start, nxt.end, country=country, sector=sector, name=None,
                     role=term.role, kind=_agent_kind(term, doc, it.start),
                     why=f"{c.name} ({c.form}, {c.source}) + {term.term} "
                         f"({term.sector}, {term.source})")
    return entity, 2


def _following_state(doc: Doc, it: Item, nxt: Item | None, words: frozenset[str]) -> int | None:
    """The preposition of 'agent of (the) <state>' / 'agent in <capital>' with a word from
    ``words``; up to two plural head nouns may follow the agent ("opposition parties in Nepal")."""
    if nxt is None or nxt.cand is None or nxt.cand.kind != "state":
        return None
    at = it.end
    while at < nxt.start and at - it.end < 2 and doc[at].tag_ == "NNS":
        at += 1
    between = [t.lower_ for t in doc[at:nxt.start]]
    if between and between[0] in words and between[1:] in ([], ["the"]):
        return at
    return None


_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
_INTERNATIONAL = frozenset({"igo"})
_OWNERS = frozenset({"its", "their", "his", "her"})
#: "officials of Iran", "students throughout Indonesia", "protesters across Iraq"
_LOCATING_PREPS = frozenset({"of", "in", "from", "throughout", "across"})
#: modifier sectors that say which side a body is on ("opposition parties", "rebel groups")
_SIDE_SECTORS = frozenset({"OPP", "REB"})
#: titles of state office, which vouch for a surname after them ("Prime Minister Rabin")
_TITLE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD"})


def lead_state(items: list[Item]) -> str | None:
    """The state an article is about: named at least twice and twice as often as any other
    (as an actor or as a place: "violence in Sudan" says what the story is about)."""
    counts: dict[str, int] = {}
    for it in items:
        c = it.cand
        if c is not None and c.kind == "state" and c.country:
            counts[c.country] = counts.get(c.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


#: sectors of a bare "the army" / "police" that belong to the article's state
_FORCE_SECTORS = frozenset({"MIL", "COP"})


def _bare_agent(doc: Doc, it: Item, out: list[Entity], home: str | None,
                lead: str | None = None) -> Entity:
    """An agent noun without a state in its phrase: "its foreign ministry" takes the country of
    what "its" refers to; a capitalised organ ("the Foreign Office") the dateline's country, or
    the lead state's; "the army", "police" the dateline's or lead state's."""
    term = it.agent
    assert term is not None
    span = doc[it.start:it.end]
    country, why = None, f"agent noun '{term.term}' ({term.sector}, {term.source})"
    i = it.start - 1
    while i >= 0 and i >= it.start - 3 and (doc[i].pos_ in ("ADJ", "NOUN", "PROPN")
                                            or doc[i].tag_ in ("VBG", "VBN")) \
            and doc[i].lower_ not in _POSSESSIVE_PRONOUNS:
        i -= 1
    sector = term.sector
    if i >= 0 and doc[i].lower_ in _POSSESSIVE_PRONOUNS:
        ante = _topic(doc, i, out) if doc[i].is_sent_start else _clause_subject(doc, i, out)
        ante = ante or next((e for e in reversed(out) if e.country and e.end <= doc[i].idx
                             and (e.kind == "state" or e.kind in ORG_KINDS)), None)
        if ante is not None:
            country, why = ante.country, why + f"; coref: {doc[i].text} -> {ante.text}"
            span = doc[i + 1:it.end]
            if ante.country is None:
                sector = "IGO"  # "NATO ... Its Secretary-General"
        elif lead and term.sector in STATE_ORGAN_SECTORS:
            country, why = lead, why + f"; {doc[i].text} -> the article's lead state {lead}"
            span = doc[i + 1:it.end]
    elif (home or lead) and term.sector in STATE_ORGAN_SECTORS and not term.role \
            and (all(t.text[:1].isupper() for t in span if t.is_alpha)
                 or (term.sector in _FORCE_SECTORS and _definite_or_bare(doc, it.start))):
        country = home or lead
        why += f"; dateline country {home}" if home else f"; the article's lead state {lead}"
    return make_entity(doc, span.start, span.end, country=country, sector=sector, name=None,
                   role=term.role, kind=_agent_kind(term, doc, it.start), why=why)


def _topic(doc: Doc, i: int, out: list[Entity]) -> Entity | None:
    """What a sentence-initial "Its"/"Their" at token ``i`` continues: the last sentence's
    subject, when that is a state or an organization (an IGO too: "NATO met. Its chief said")."""
    j = i - 1
    while j > 0 and not doc[j].is_sent_start:
        j -= 1
    if j < 0 or i == 0:
        return None
    floor, ceiling = doc[j].idx, doc[i].idx
    subjects = [e for e in out if floor <= e.start and e.end <= ceiling and is_subject(doc, e)
                and (e.kind == "state" or e.kind in ORG_KINDS)
                and (e.country or e.sector == "IGO")]
    return subjects[0] if subjects else None


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _clause_subject(doc: Doc, i: int, out: list[Entity]) -> Entity | None:
    """What "its"/"their" at token ``i`` refers to when its own clause's subject is a placed
    actor: "Palestinian leaders rejected the deal and recalled THEIR ambassador" (a possessive
    is bound by the subject of its clause before anything named earlier)."""
    verb = doc[i].head.head
    for _ in range(3):  # up through prepositions: "in their capital", "of its envoys"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return None
    at = subjects[0].idx
    return next((e for e in out if e.start <= at < e.end and e.end <= doc[i].idx and e.country),
                None)


def _definite_or_bare(doc: Doc, start: int) -> bool:
    """ "the army" or a bare "police" -- not "an army", "armies of the region", "our troops"."""
    prev = doc[start - 1] if start > 0 else None
    return prev is None or prev.lower_ == "the" or prev.is_punct or prev.pos_ in ("VERB", "ADP",
                                                                                     "CCONJ")


_PEOPLE_PREPS = frozenset({"in", "of"})


def _is_people(c: Candidate | None) -> bool:
    return c is not None and ((c.kind == "state" and c.form == "demonym")
                              or c.kind == "ethnic_group")


def _located_people(doc: Doc, it: Item, nxt: Item | None, cues: Cues) -> Entity | None:
    """A people and the state the text says it lives in: "<people> in/of [the] [southern]
    <state>" ("Albanians of southern Serbia"). Like the knowledge base's ethnic groups, a
    people is coded with the state it lives in. ("Bosnian Serbs" but "Turkish Cypriots": which
    word names the home is not a matter of word order, so adjective + people is left alone.)"""
    c = it.cand
    if nxt is None or nxt.cand is None or not _is_people(c):
        return None
    assert c is not None
    n = nxt.cand
    if n.kind != "state" or n.form != "name" or n.country == c.country:
        return None
    between = [t.lower_ for t in doc[it.end:nxt.start]]
    if not between or between[0] not in _PEOPLE_PREPS or not all(
            w == "the" or w in cues.direction_words for w in between[1:]):
        return None
    return make_entity(doc, it.start, nxt.end, country=n.country, sector=c.sector or "CVL",
                       name=None, role=None, kind="group",
                       why=f"{c.name} ({c.source}) living in {n.name}")


def _two_nouns(items: list[Item], k: int) -> tuple[list[Item], Item | None]:
    """ "Afghan rebel leaders": two agent nouns in a row after a state word are one body; the
    first says which side ("rebel", "opposition") or which organ ("police") a generic second
    ("leaders", "officials") belongs to. Returns the items with the two merged, and the merged
    item (None when there is nothing to merge)."""
    first = items[k]
    second = items[k + 1] if k + 1 < len(items) else None
    if first.agent is None or second is None or second.agent is None \
            or second.start != first.end or first.agent.role:
        return items, None
    head = second.agent
    sector = first.agent.sector if first.agent.sector in _SIDE_SECTORS or head.sector == "GOV" \
        else head.sector
    merged = Item(first.start, second.end, agent=AgentTerm(f"{first.agent.term} {head.term}",
                                                           sector, head.role, head.source))
    return items[:k] + [merged] + items[k + 2:], merged


def compose(doc: Doc, items: list[Item], cues: Cues, home: str | None = None,
            people: SurnameIndex | None = None, on: dt.date | None = None) -> list[Entity]:
    """Entities from items, left to right; ``home`` is the dateline country, if any; ``people``
    finds titled people by surname ("Prime Minister Rabin") as of ``on``."""
    ents = tuple(doc.ents)
    out: list[Entity] = []
    lead = lead_state(items)
    k = 0
    while k < len(items):
        it = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        c = it.cand
        if it.place:
            k += 1
            continue
        # a people located in a state ("Albanians of southern Serbia", "Bosnian Serbs")
        located = _located_people(doc, it, nxt, cues)
        if located is not None:
            out.append(located)
            k += 2
            continue
        # state or organization + agent noun (+ person)
        if c is not None and (c.kind in _STATELIKE or c.kind in ORG_KINDS) and nxt is not None \
                and nxt.agent is not None and _modifier_gap(doc, it.end, nxt.start) \
                and c.form != "demonym":
            view, merged = _two_nouns(items, k + 1)
            entity, used = _owner_entity(doc, it, merged or nxt, ents, view, k)
            out.append(entity)
            k += used + (merged is not None)
            continue
        # title + person ("President Vladimir Putin", "cleric Nimr al-Nimr")
        if it.agent is not None:
            person = _person_after(doc, it.end, items, k + 1, ents)
            if person is not None:
                end, pc = person
                why = f"title '{doc[it.start:it.end].text}' ({it.agent.source})"
                used = 2 if pc else 1  # the person's own item, when the knowledge base matched it
                if pc is None and people is not None and it.agent.sector in _TITLE_SECTORS:
                    pc = by_surname(people, [t.text for t in doc[it.end:end]], on, titled=True)
                    if pc is not None:
                        why += f"; by surname '{doc[end - 1].text}'"
                name = pc.name if pc else doc[it.end:end].text
                role = it.agent.role or it.agent.term
                if pc:
                    why += f"; {pc.explain()}"
                if pc is not None and pc.sector == "ELI" and pc.role:
                    role = pc.role  # the knowledge base knows the office has ended
                country = pc.country if pc else None
                realm = items[k + used] if k + used < len(items) else None
                if country is None and realm is not None and realm.cand is not None \
                        and realm.cand.kind == "state" and realm.start == end + 1 \
                        and doc[end].lower_ == "of":
                    country, end, used = realm.cand.country, realm.end, used + 1  # "King X of Y"
                out.append(make_entity(doc, it.start, end, country=country,
                                   sector=(pc.sector if pc else None) or it.agent.sector,
                                   name=name, role=role, kind="person", why=why,
                                   entity_id=pc.entity_id if pc else None))
                k += used
                continue
        # person + government noun ("the Trump administration")
        if c is not None and c.kind == "person" and nxt is not None and nxt.agent is not None \
                and nxt.start == it.end and nxt.agent.term.lower() in cues.government_nouns:
            out.append(make_entity(doc, it.start, nxt.end, country=c.country, sector="GOV",
                               name=f"{c.name} {nxt.agent.term}", role=None, kind="organization",
                               why=f"government of {c.explain()}"))
            k += 2
            continue
        # person's + agent ("Erdogan's spokesman", "Putin's government"): the person's state
        if c is not None and c.kind == "person" and c.country and nxt is not None \
                and nxt.agent is not None and _modifier_gap(doc, it.end, nxt.start) \
                and any(t.text in _POSSESSIVE for t in doc[it.end:nxt.start]):
            owned = nxt.agent
            out.append(make_entity(doc, it.start, nxt.end, country=c.country, sector=owned.sector,
                                   name=None, role=owned.role,
                                   kind=_agent_kind(owned, doc, it.start),
                                   why=f"{owned.term} of {c.explain()}"))
            k += 2
            continue
        # agent + of/in + state ("the foreign minister of Iran", "officials in Paris")
        body, place, used = it, nxt, 2
        if it.agent is not None and nxt is not None and nxt.agent is not None \
                and nxt.start == it.end and k + 2 < len(items):
            # "opposition parties in Nepal": one body; a modifier saying which side wins
            head = nxt.agent
            sector = it.agent.sector if it.agent.sector in _SIDE_SECTORS else head.sector
            body = Item(it.start, nxt.end, agent=AgentTerm(f"{it.agent.term} {head.term}",
                                                            sector, head.role, head.source))
            place, used = items[k + 2], 3
        term = body.agent
        prep = _following_state(doc, body, place, _LOCATING_PREPS) \
            if term is not None else None
        if prep is None and body is not it:
            body, place, used, term = it, nxt, 2, it.agent
            prep = _following_state(doc, body, place, _LOCATING_PREPS) \
                if term is not None else None
        if prep is not None and body.start > 0 and doc[body.start - 1].lower_ in _OWNERS:
            prep = None  # "its diplomats from Tehran", "his embassy in Paris": the owner's
        if prep is not None:
            assert place is not None and place.cand is not None and term is not None
            out.append(make_entity(doc, body.start, place.end, country=place.cand.country,
                               sector=term.sector, name=None, role=term.role,
                               kind=_agent_kind(term, doc, body.start),
                               why=f"{term.term} {doc[prep].lower_} {place.cand.name} "
                                   f"({place.cand.source})"))
            k += used
            continue
        if c is not None:
            out.append(_from_candidate(doc, it))
        elif it.agent is not None:
            out.append(_bare_agent(doc, it, out, home, lead))
        k += 1
    return out
