"""One event per act: restatements that add nothing are dropped."""

from __future__ import annotations

from dataclasses import replace

from eventwire.events.arguments import countries
from eventwire.model import Event

__all__ = ["dedupe"]


def dedupe(events: list[Event]) -> list[Event]:
    """Drops restatements that add nothing: same type and actors, fewer recipients.

    Articles repeat their news ("Russia rejected Iran's request... The request was rebuffed by
    Putin"); the vaguer mention would count one act twice.  Mentions with the same recipients are
    kept: on the development articles they were more often distinct acts than repeats.
    """
    kept: list[Event] = []
    for ev in events:
        key = (ev.type, countries(ev.actor), ev.asserted, _kind(ev))
        merged = False
        for i, old in enumerate(kept):
            if (old.type, countries(old.actor), old.asserted, _kind(old)) != key:
                continue
            if old.evidence.start == ev.evidence.start:
                continue  # two triggers in one sentence are two acts ("abandoned ... before reimposing")
            new_r, old_r = countries(ev.recipient), countries(old.recipient)
            if new_r < old_r:
                merged = True
                break
            if old_r < new_r and not old_r:
                kept[i] = replace(ev, explanation=ev.explanation + (f"also stated: {old.trigger.text!r}",))
                merged = True
                break
        if not merged:
            kept.append(ev)
    return kept


def _kind(ev: Event) -> str:
    """The CAMEO root of an event: one PLOVER type spans different acts ("Moscow says it never
    strayed", a denial, CAMEO 01; "cancelled his visit", a rejection, CAMEO 12) that restate
    nothing of each other."""
    return (ev.cameo or "")[:2]
