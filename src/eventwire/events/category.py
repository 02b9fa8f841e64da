"""PLOVER's single-category rule: an act plus an auxiliary mode that amounts to another category
is coded as that category (future cooperation -> AGREE, refusal -> REJECT, conditional force ->
THREATEN), as the manual's sections on AGREE and on auxiliary modes prescribe."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from eventwire.events.cues import Cues
from eventwire.events.modality import Modality
from eventwire.model import BLOCKING_AUX

__all__ = ["THREAT_CAMEO", "reinterpret"]

#: the CAMEO code of a threat to do each forceful act
THREAT_CAMEO: Mapping[str, str] = MappingProxyType({"ASSAULT": "138", "SANCTION": "1312", "COERCE": "130"})


def reinterpret(
    typ: str, cameo: str, mode: str | None, aux: list[str], mod: Modality, cues: Cues, why: list[str]
) -> tuple[str, str, str | None, list[str]]:
    """PLOVER's single-category rule: an act plus an auxiliary mode that amounts to another
    category is coded as that category (future cooperation -> AGREE, refused -> REJECT, ...)."""
    blocked = bool(set(aux) & BLOCKING_AUX)
    if "future" in aux and "negation" in aux and "hypothetical" not in aux and typ in cues.negated_future_to_reject:
        why.append(f"refused future {typ} -> REJECT")
        return "REJECT", "120", None, [a for a in aux if a not in ("future", "negation")]
    if "negation" in aux and "hypothetical" not in aux and typ in cues.negated_to_reject:
        why.append(f"negated {typ} -> REJECT")
        return "REJECT", "120", None, [a for a in aux if a != "negation"]
    if mod.possible_if and "negation" not in aux and typ in cues.conditional_threat_types:
        why.append(f"possible {typ} on a condition -> THREATEN")
        return "THREATEN", THREAT_CAMEO.get(typ, "130"), None, [a for a in aux if a != "hypothetical"]
    if "future" not in aux or blocked:
        return typ, cameo, mode, aux
    rest = [a for a in aux if a != "future"]
    if mod.preparing and typ in cues.prepared_to_mobilize:
        why.append(f"material preparation of {typ} -> MOBILIZE")
        return "MOBILIZE", "150", None, rest
    if mod.intent and typ in cues.intent_to_threaten:
        why.append(f"stated readiness for {typ} -> THREATEN")
        return "THREATEN", THREAT_CAMEO.get(typ, "130"), None, rest
    if mod.conditioned and (typ in cues.conditional_threat_types or mod.unless):
        why.append(f"conditional future {typ} -> THREATEN")
        return "THREATEN", THREAT_CAMEO.get(typ, "130"), None, rest
    if typ in cues.future_to_agree:
        why.append(f"future {typ} -> AGREE")
        return "AGREE", "030", None, rest
    if typ in cues.future_to_threaten:
        why.append(f"future {typ} -> THREATEN")
        return "THREATEN", THREAT_CAMEO.get(typ, "130"), None, rest
    return typ, cameo, mode, aux

