"""The coding conventions for actor and recipient (``data/events/roles.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.events.cameo import DATA_DIR
from eventwire.events.errors import PatternFileError
from eventwire.events.yamlfile import read_mapping

__all__ = ["RoleConventions", "load_role_conventions"]

ROLES_FILE = DATA_DIR / "roles.yaml"


@dataclass(frozen=True)
class RoleConventions:
    #: types whose recipient, when none is named, is the state where the act happens
    locative_types: frozenset[str]
    #: of those, the ones for which a place in the actor's own country still names the recipient
    home_types: frozenset[str]
    #: prepositions that say where an act happens
    locative_preps: frozenset[str]
    #: acts a state commonly directs at its own people
    domestic_types: frozenset[str]
    #: acts whose absorbed complement is the actor's own act ("threatened TO BAN")
    own_complement_types: frozenset[str]
    #: acts whose counterpart may be a compatriot named inside their object
    same_country_types: frozenset[str]
    #: acts by a domestic group directed at its own government when no target is named
    home_default_types: frozenset[str]
    #: sectors of the protesters whose untargeted protest is aimed at their own government
    home_default_sectors: frozenset[str]
    #: sectors of a country-less group that a domestic act's actor does it to at home
    domestic_group_sectors: frozenset[str]
    #: acts whose "despite X's pressure" names their counterpart
    concessive_types: frozenset[str]
    concessive_preps: frozenset[str]
    #: acts whose purpose ("for a war AGAINST X") names their target
    purpose_types: frozenset[str]
    purpose_preps: frozenset[str]
    target_preps: frozenset[str]
    #: acts whose purpose clause or "in protest at" phrase names their target
    protest_types: frozenset[str]
    protest_purpose_verbs: frozenset[str]
    protest_nouns: frozenset[str]
    protest_target_preps: frozenset[str]
    #: acts whose purpose "to allow X to reach Y" names their beneficiary Y
    enabling_types: frozenset[str]
    enabling_verbs: frozenset[str]
    #: purpose acts directed at the destination of the act they serve
    destination_types: frozenset[str]
    destination_preps: frozenset[str]
    #: acts whose object is what is asked or done, not the party ("demanded EXEMPTIONS")
    content_object_types: frozenset[str]


def _words(data: dict[str, object], key: str, path: Path, upper: bool = False) -> frozenset[str]:
    raw = data.get(key)
    if not isinstance(raw, list):
        raise PatternFileError(str(path), f"'{key}' must be a list of words")
    words = (str(w).strip() for w in raw)
    return frozenset(w.upper() if upper else w.lower() for w in words if w)


@lru_cache(maxsize=4)
def load_role_conventions(path: Path = ROLES_FILE) -> RoleConventions:
    data = read_mapping(path)
    return RoleConventions(
        locative_types=_words(data, "locative_types", path, upper=True),
        home_types=_words(data, "home_types", path, upper=True),
        locative_preps=_words(data, "locative_preps", path),
        domestic_types=_words(data, "domestic_types", path, upper=True),
        own_complement_types=_words(data, "own_complement_types", path, upper=True),
        same_country_types=_words(data, "same_country_types", path, upper=True),
        home_default_types=_words(data, "home_default_types", path, upper=True),
        home_default_sectors=_words(data, "home_default_sectors", path, upper=True),
        domestic_group_sectors=_words(data, "domestic_group_sectors", path, upper=True),
        concessive_types=_words(data, "concessive_types", path, upper=True),
        concessive_preps=_words(data, "concessive_preps", path),
        purpose_types=_words(data, "purpose_types", path, upper=True),
        purpose_preps=_words(data, "purpose_preps", path),
        target_preps=_words(data, "target_preps", path),
        protest_types=_words(data, "protest_types", path, upper=True),
        protest_purpose_verbs=_words(data, "protest_purpose_verbs", path),
        protest_nouns=_words(data, "protest_nouns", path),
        protest_target_preps=_words(data, "protest_target_preps", path),
        enabling_types=_words(data, "enabling_types", path, upper=True),
        enabling_verbs=_words(data, "enabling_verbs", path),
        destination_types=_words(data, "destination_types", path, upper=True),
        destination_preps=_words(data, "destination_preps", path),
        content_object_types=_words(data, "content_object_types", path, upper=True),
    )
