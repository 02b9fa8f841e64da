"""Recipients by convention, when the parse names none: the place of the act, the actor's own
population for domestic acts, the protesters' own government (``data/events/roles.yaml``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.events.roles_data import load_role_conventions
from eventwire.events.roles_index import THEME, Argument, EntityIndex, countries
from eventwire.events.roles_locative import locative_recipient, party_place
from eventwire.model import Entity

__all__ = ["domestic_types", "located", "unplaced_party"]


def domestic_types() -> frozenset[str]:
    return load_role_conventions().domestic_types


def unplaced_party(
    index: EntityIndex, candidates: list[tuple[Token, str]], actor: tuple[Entity, ...], domestic: bool
) -> Argument | None:
    """A recipient the actors step resolved without a country: placed by a place in its own
    description ("refugees fleeing the war in Liberia", "Darfur rebels"), or, for a domestic act,
    one of the actor's own people ("police dispersed demonstrators")."""
    home = countries(actor)
    for tok, via in candidates:
        ent = index.unplaced(tok)
        if ent is None or tok.pos_ == "PRON":
            continue  # a thing acted on ("dispersed DEMONSTRATORS") is a party when it is people
        via = via.removeprefix(THEME)
        place = party_place(tok, tok.doc, index.at)
        if place is not None:
            placed = replace(ent, country=place.country, why=f"{ent.why}; placed by '{place.text}'")
            return Argument((placed,), f"{via} '{tok.text}' in '{place.text}'", tok.i)
        sectors = load_role_conventions().domestic_group_sectors
        if domestic and len(home) == 1 and (ent.sector or "").upper() in sectors:
            (country,) = home
            own = replace(ent, country=country, why=f"{ent.why}; the actor's own ({ent.sector}, domestic act)")
            return Argument((own,), f"{via} '{tok.text}' (domestic group)", tok.i)
    return None


def located(heads: list[Token], doc: Doc, index: EntityIndex, typ: str, actor: Argument) -> Argument | None:
    """The state where the act happens, for the types whose convention makes it the recipient;
    else, for a domestic group's protest, its own government."""
    found = locative_recipient(heads, doc, index.at, typ, countries(actor.entities))
    if found is not None:
        return Argument((found.entity,), found.via, found.token.i)
    return _home_government(typ, actor)


def _home_government(typ: str, actor: Argument) -> Argument | None:
    """ "Egyptian demonstrators rioted": an untargeted protest by one country's people is
    directed at their government."""
    rules = load_role_conventions()
    home = countries(actor.entities)
    sectors = {(e.sector or "").upper() for e in actor.entities}
    if typ not in rules.home_default_types or len(home) != 1 or not sectors <= rules.home_default_sectors:
        return None
    first = actor.entities[0]
    gov = Entity(first.text, first.start, first.end, next(iter(home)), sector="GOV", kind="reference",
                 why=f"government of the protesters' country ({typ} with no named target)")
    return Argument((gov,), f"own government of '{first.text}' (no target named)", actor.token)
