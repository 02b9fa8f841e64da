"""The knowledge-base records and the candidate a lookup returns (frozen values, no I/O)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["STATE_ORGAN_SECTORS", "AgentTerm", "Candidate", "normalize", "slug"]

#: agent sectors that are organs of a state: government, military, police, courts, legislature,
#: intelligence ("the ministry", "the army", "the junta" speak and act for their state)
STATE_ORGAN_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The lookup key of a name: lower case, straight apostrophes, single spaces."""
    return _SPACE.sub(" ", text.replace("\u2019", "'").replace("\u2018", "'")).strip().lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-")


@dataclass(frozen=True)
class AgentTerm:
    """A sector/role noun: 'foreign ministry' (GOV), 'troops' (MIL), 'spokesman' (GOV, spokesperson)."""

    term: str
    sector: str | None
    role: str | None
    source: str


@dataclass(frozen=True)
class Candidate:
    """One thing a name can stand for, with the knowledge-base row that says so.

    ``kind`` is state, person or an organization kind (igo, ministry, military, armed_group,
    party, agency, company, media, ngo, group, organization). ``form`` says how the name refers to
    it: name, alias, adjective, demonym, capital, metonym. For people, ``start``/``end`` bound the
    role stint; ``default`` marks a Phoenix code that applies when no dated code does.
    """

    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""
    form: str = "name"
    note: str = ""
    default: bool = False
    layer: int = 0  # 0 Phoenix, 1 curated, 2 user files: higher wins

    @property
    def entity_id(self) -> str:
        return f"{self.kind}:{self.country or 'none'}:{slug(self.name)}"

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def explain(self) -> str:
        """'people.tsv: Mohammad Javad Zarif, foreign minister IRN 2013-08-15..2021-08-25'."""
        what = self.role or (self.kind if self.kind != "person" else None)
        head = f"{self.source}: {self.name}"
        if what:
            head += f", {what}"
        codes = " ".join(c for c in (self.country, self.sector) if c)
        if codes:
            head += f" {codes}"
        if self.start or self.end:
            head += f" {self.start or ''}..{self.end or ''}"
        if self.form not in ("name", "alias"):
            head += f" (as {self.form})"
        if self.note:
            head += f" [{self.note}]"
        return head
