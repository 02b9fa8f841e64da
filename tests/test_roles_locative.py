"""The place of an act as its recipient (events.roles_locative), on hand-parsed Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Token

from eventwire.events.roles_data import load_role_conventions
from eventwire.events.roles_locative import act_heads, locative_recipient, place_in
from eventwire.model import Entity, Place
from eventwire.nlp.extensions import register_extensions

register_extensions()
VOCAB = spacy.blank("en").vocab

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def _doc(words: list[str], heads: list[int], deps: list[str], places: dict[str, str]) -> Doc:
    """A parsed Doc whose ``places`` (word -> country) are gazetteer places."""
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    doc._.ew_places = [
        Place(t.text, t.idx, t.idx + len(t.text), t.text, country, "city")
        for t in doc if t.text in places for country in (places[t.text],)
    ]
    doc._.ew_entities = []
    return doc


def _no_entities(tok: Token) -> tuple[Entity, ...]:
    return ()


# "Police imposed a curfew in the town of Lyon ."
CURFEW = (
    ["Police", "imposed", "a", "curfew", "in", "the", "town", "of", "Lyon", "."],
    [1, 1, 3, 1, 1, 6, 4, 6, 7, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
)
# "Troops stayed near Lyon ."
NEAR = (["Troops", "stayed", "near", "Lyon", "."], [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"])
# "Police lifted the curfew in Lyon ." with "in Lyon" on the object noun
ON_OBJECT = (
    ["Police", "lifted", "the", "curfew", "in", "Lyon", "."],
    [1, 1, 3, 1, 3, 4, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
)
# "Police arrested men who live in Lyon ." (the place is in a relative clause)
RELATIVE = (
    ["Police", "arrested", "men", "who", "live", "in", "Lyon", "."],
    [1, 1, 1, 4, 2, 4, 5, 1],
    ["nsubj", "ROOT", "dobj", "nsubj", "relcl", "prep", "pobj", "punct"],
)


@pytest.mark.parametrize(
    ("parse", "typ", "actor", "expected"),
    [
        (CURFEW, "COERCE", frozenset({"DEU"}), "FRA"),
        # a domestic act keeps the actor's own country: the population it is done to
        (CURFEW, "COERCE", frozenset({"FRA"}), "FRA"),
        # troops on alert at home are directed at nobody
        (CURFEW, "MOBILIZE", frozenset({"FRA"}), None),
        (CURFEW, "MOBILIZE", frozenset({"DEU"}), "FRA"),
        # a type without the convention takes no place
        (CURFEW, "SUPPORT", frozenset({"DEU"}), None),
        (NEAR, "MOBILIZE", frozenset({"DEU"}), None),
        (ON_OBJECT, "CONCEDE", frozenset({"FRA"}), "FRA"),
        (RELATIVE, "COERCE", frozenset({"FRA"}), None),
    ],
)
def test_locative_recipient(
    parse: tuple[list[str], list[int], list[str]], typ: str, actor: frozenset[str], expected: str | None
) -> None:
    words, heads, deps = parse
    doc = _doc(words, heads, deps, {"Lyon": "FRA"})
    verb = doc[1]
    found = locative_recipient(act_heads(verb, False), doc, _no_entities, typ, actor)
    assert (found.entity.country if found else None) == expected


def test_place_in_prefers_the_nearest_place() -> None:
    # "in the town of Lyon in France": Lyon is nearer the head noun than France
    words = ["in", "the", "town", "of", "Lyon", "in", "France"]
    doc = _doc(words, [0, 2, 0, 2, 3, 2, 5], ["ROOT", "det", "pobj", "prep", "pobj", "prep", "pobj"],
               {"Lyon": "FRA", "France": "FRA"})
    ent = place_in(doc[2], doc, _no_entities)
    assert ent is not None and ent.text == "Lyon"


def test_place_in_takes_a_state_entity_when_no_place_is_known() -> None:
    words = ["in", "Ruritania"]
    doc = _doc(words, [0, 0], ["ROOT", "pobj"], {})
    state = Entity("Ruritania", 3, 12, "RUR", kind="state")
    group = Entity("Ruritania", 3, 12, "RUR", kind="group")
    assert place_in(doc[1], doc, lambda t: (state,) if t.i == 1 else ()) == state
    assert place_in(doc[1], doc, lambda t: (group,) if t.i == 1 else ()) is None


def test_absorbed_complement_is_searched_only_when_absorbing() -> None:
    # "Police threatened to impose a curfew in Lyon"
    words = ["Police", "threatened", "to", "impose", "a", "curfew", "in", "Lyon"]
    doc = _doc(words, [1, 1, 3, 1, 5, 3, 3, 6], ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "prep", "pobj"],
               {"Lyon": "FRA"})
    assert locative_recipient(act_heads(doc[1], True), doc, _no_entities, "THREATEN", frozenset({"FRA"})) is not None
    assert locative_recipient(act_heads(doc[1], False), doc, _no_entities, "THREATEN", frozenset({"FRA"})) is None


def test_data_names_plover_types() -> None:
    rules = load_role_conventions()
    assert rules.locative_types and rules.locative_types <= PLOVER_TYPES
    assert rules.home_types <= rules.locative_types
    for types in (rules.domestic_types, rules.own_complement_types, rules.home_default_types, rules.same_country_types,
                  rules.content_object_types):
        assert types <= PLOVER_TYPES
    assert "in" in rules.locative_preps and "near" not in rules.locative_preps
