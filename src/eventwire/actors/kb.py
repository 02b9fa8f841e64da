"""The actor knowledge base: every name eventwire knows, and what it stood for on a given day.

Three layers, the higher winning for any name it defines: the Phoenix dictionaries converted by
``scripts/build_actor_kb.py`` (0), the curated files in ``eventwire/data/actors`` (1), and user
files given as ``extra_files`` (2) -- how users add or correct leaders without editing the package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from eventwire.actors.files import ActorFileError, read_agents, read_names, table_kind
from eventwire.actors.records import AgentTerm, Candidate, normalize

__all__ = ["DATA_DIR", "OFFICE_SECTORS", "KnowledgeBase", "load_knowledge_base", "pick_stint", "select"]

DATA_DIR = Path(str(resources.files("eventwire") / "data" / "actors"))
PHOENIX_FILES = ("phoenix_organizations.tsv", "phoenix_people.tsv")
CURATED_FILES = ("states.yaml", "organizations.tsv", "ethnic_groups.tsv", "people.tsv", "agents.tsv")
#: sectors that say someone holds power now, preferred over Phoenix's ELI ("elite", former)
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO"})


@dataclass(frozen=True, eq=False)  # identity hash: matchers are cached per knowledge base
class KnowledgeBase:
    index: Mapping[str, tuple[Candidate, ...]]
    agents: Mapping[str, AgentTerm]
    #: every alias as written in the files (tokenizer exceptions such as "U.S." are case-sensitive)
    forms: tuple[str, ...] = ()

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        return self.index.get(normalize(text), ())

    def lookup(self, text: str, on: dt.date | None = None) -> list[Candidate]:
        """What ``text`` may stand for on ``on``, best first (None: the most recent role)."""
        return select(self.candidates(text), on)

    def agent(self, text: str) -> AgentTerm | None:
        """The agent noun, also in a regular plural ("governments", "ministries")."""
        key = normalize(text)
        found = self.agents.get(key)
        if found is None and key.endswith("ies"):
            found = self.agents.get(key[:-3] + "y")
        if found is None and key.endswith("s"):
            found = self.agents.get(key[:-1])
        return found

    def names(self) -> Iterable[str]:
        return (f for f in self.forms if normalize(f) in self.index)


def _stint_rank(c: Candidate) -> tuple[int, int, dt.date]:
    return (c.sector in OFFICE_SECTORS, c.role is not None, c.start or dt.date.min)


def pick_stint(stints: list[Candidate], on: dt.date | None) -> tuple[int, Candidate]:
    """(rank, stint) of one person: 0 in office, 1 Phoenix default, 2 former, 3 not yet."""
    dated = [c for c in stints if not c.default]
    defaults = [c for c in stints if c.default]
    if on is None:
        # The most recent office; Phoenix's dated ELI stints ("elite" after office) only if
        # the person never held one.
        offices = [c for c in dated if c.sector in OFFICE_SECTORS] or dated
        if offices:
            return 0, max(offices, key=lambda c: (c.start or dt.date.min, _stint_rank(c)))
        return 1, defaults[0]
    active = [c for c in dated if c.active_on(on)]
    if active:
        return 0, max(active, key=_stint_rank)
    if defaults:
        return 1, defaults[0]
    past = [c for c in dated if c.end is not None and c.end < on]
    if past:
        last = max(past, key=lambda c: c.end or dt.date.min)
        role = f"former {last.role}" if last.role else None
        return 2, dataclasses.replace(last, sector="ELI", role=role)
    first = min(dated, key=lambda c: c.start or dt.date.min)
    return 3, dataclasses.replace(first, sector=None, role=None)


def select(candidates: Iterable[Candidate], on: dt.date | None) -> list[Candidate]:
    """Rank candidates for a day: one stint per person, the best-fitting things first."""
    people: dict[tuple[int, str, str], list[Candidate]] = defaultdict(list)
    ranked: list[tuple[int, int, Candidate]] = []
    for order, c in enumerate(candidates):
        if c.kind == "person":
            people[(c.layer, c.source, c.name)].append(c)
        else:
            ranked.append((0, order, c))
    for order, stints in enumerate(people.values(), start=len(ranked)):
        rank, stint = pick_stint(stints, on)
        ranked.append((rank, order, stint))
    if on is None:
        # Without a date, of two people sharing a name the more recent one is meant ("Bush").
        latest = {id(c): (c.start or dt.date.min).toordinal() for _, _, c in ranked}
        ranked.sort(key=lambda t: (-t[2].layer, t[0], -latest[id(t[2])] if t[2].kind == "person"
                                   else 0, t[1]))
    else:
        ranked.sort(key=lambda t: (-t[2].layer, t[0], t[1]))
    return [c for _, _, c in ranked]


#: British and American spellings of words in organization names; news uses both
_SPELLINGS = (("organization", "organisation"), ("defense", "defence"), ("labor", "labour"),
              ("center", "centre"), ("program", "programme"))


def spelling_variants(alias: str) -> tuple[str, ...]:
    """``alias`` and its other-spelling forms ("North Atlantic Treaty Organisation")."""
    out = [alias]
    for us, uk in _SPELLINGS:
        for form in list(out):
            for a, b in ((us, uk), (us.capitalize(), uk.capitalize())):
                if a in form.split() or any(w.startswith(a) and w[len(a):] in ("s", "'s")
                                            for w in form.split()):
                    out.append(" ".join(b + w[len(a):] if w.startswith(a) and w[len(a):]
                                        in ("", "s", "'s") else w for w in form.split()))
                elif b in form.split():
                    out.append(" ".join(a if w == b else w for w in form.split()))
    return tuple(dict.fromkeys(out))


def _layered(files: Iterable[tuple[Path, int]], forms: set[str]) -> dict[str, tuple[Candidate, ...]]:
    index: dict[str, list[Candidate]] = defaultdict(list)
    for path, layer in files:
        for written, cand in read_names(path, layer):
            variants = spelling_variants(written) if cand.kind != "person" else (written,)
            for alias in variants:
                key = normalize(alias)
                current = index[key]
                if alias != written and current and current[0] != cand:
                    continue  # a variant never displaces a name written in the files
                forms.add(alias)
                if current and current[0].layer < layer:
                    current.clear()  # a higher layer redefines this name
                if (not current or current[0].layer == layer) and cand not in current:
                    current.append(cand)
    return {k: tuple(v) for k, v in index.items() if v}


def _build(files: tuple[tuple[Path, int], ...]) -> KnowledgeBase:
    name_files = [(p, layer) for p, layer in files if table_kind(p) != "agents"]
    agents: dict[str, AgentTerm] = {}
    for path, _ in files:
        if table_kind(path) == "agents":
            for term in read_agents(path):
                agents[normalize(term.term)] = term
    forms: set[str] = set()
    index = _layered(name_files, forms)
    for key in agents.keys() & index.keys():
        if index[key][0].layer == 0:
            del index[key]  # a generic noun ("senate") is an agent term, not one Phoenix entry
    return KnowledgeBase(index=MappingProxyType(index), agents=MappingProxyType(agents),
                         forms=tuple(sorted(forms)))


@lru_cache(maxsize=8)
def _cached(files: tuple[tuple[Path, int], ...], stamps: tuple[float, ...]) -> KnowledgeBase:
    return _build(files)


def load_knowledge_base(extra_files: tuple[Path, ...] = (), data_dir: Path | None = None) -> KnowledgeBase:
    """Phoenix + curated files (+ user ``extra_files``, which override both); cached."""
    base = data_dir or DATA_DIR
    files: list[tuple[Path, int]] = []
    for name in PHOENIX_FILES:
        if (base / name).is_file():
            files.append((base / name, 0))
    for name in CURATED_FILES:
        if (base / name).is_file():
            files.append((base / name, 1))
    for extra in extra_files:
        path = Path(extra)
        if not path.is_file():
            raise ActorFileError(path, "no such actor file")
        files.append((path, 2))
    stamps = tuple(p.stat().st_mtime for p, _ in files)
    return _cached(tuple(files), stamps)
