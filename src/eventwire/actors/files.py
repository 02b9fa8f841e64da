"""Reading actor data files: states (YAML), people, organizations and agents (TSV).

A TSV's kind is told by its header, so user files can be named freely: ``start`` -> people,
``kind`` -> organizations, ``term`` -> agents. Each reader yields (alias, Candidate) pairs.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from eventwire.actors.records import AgentTerm, Candidate
from eventwire.errors import EventwireError

# libyaml's loader when present: same safe subset, several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["ActorFileError", "read_agents", "read_names", "rows", "table_kind"]


class ActorFileError(EventwireError):
    """An actor data file that cannot be read."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header (blank and # lines skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ActorFileError(path, f"cannot read ({exc.strerror})") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def table_kind(path: Path) -> str:
    """'states', 'people', 'organizations' or 'agents'."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return "states"
    try:
        with path.open(encoding="utf-8") as fh:
            header = next((ln for ln in fh if ln.strip() and not ln.startswith("#")), "")
    except OSError as exc:
        raise ActorFileError(path, f"cannot read ({exc.strerror})") from exc
    columns = {c.strip() for c in header.rstrip("\n").split("\t")}
    if "term" in columns:
        return "agents"
    if "start" in columns:
        return "people"
    if "kind" in columns:
        return "organizations"
    raise ActorFileError(path, "unknown actor table (header needs term, start or kind)")


def _date(value: str, path: Path) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ActorFileError(path, f"bad date {value!r}") from exc


def _split(value: str) -> list[str]:
    return [a.strip() for a in value.split(";") if a.strip()]


def _read_people(path: Path, layer: int) -> Iterator[tuple[str, Candidate]]:
    table = rows(path)
    # Phoenix semantics: an undated row is a default only where the person also has dated rows.
    dated = {r.get("name", "") for r in table if r.get("start") or r.get("end")}
    for row in table:
        name = row.get("name", "")
        if not name:
            continue
        start, end = _date(row.get("start", ""), path), _date(row.get("end", ""), path)
        cand = Candidate(
            name=name, kind="person", country=row.get("country") or None,
            sector=row.get("sector") or None, role=row.get("role") or None,
            start=start, end=end, source=path.name, note=row.get("note", ""),
            default=start is None and end is None and name in dated, layer=layer,
        )
        yield name, cand
        for alias in _split(row.get("aliases", "")):
            yield alias, cand


def _read_organizations(path: Path, layer: int) -> Iterator[tuple[str, Candidate]]:
    for row in rows(path):
        name = row.get("name", "")
        if not name:
            continue
        cand = Candidate(
            name=name, kind=row.get("kind") or "organization", country=row.get("country") or None,
            sector=row.get("sector") or None, source=path.name, note=row.get("note", ""),
            layer=layer,
        )
        yield name, cand
        for alias in _split(row.get("aliases", "")):
            yield alias, cand


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _read_states(path: Path, layer: int) -> Iterator[tuple[str, Candidate]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ActorFileError(path, f"cannot read YAML ({exc})") from exc
    if not isinstance(data, list):
        raise ActorFileError(path, "expected a list of states")
    for entry in data:
        if not isinstance(entry, dict) or not entry.get("iso3"):
            continue
        iso3, name = str(entry["iso3"]), str(entry.get("name") or entry["iso3"])

        def cand(form: str, sector: str | None = None, name: str = name, iso3: str = iso3) -> Candidate:
            return Candidate(name=name, kind="state", country=iso3, sector=sector,
                             source=path.name, form=form, layer=layer)

        for alias in [name, *_as_list(entry.get("names"))]:
            yield alias, cand("name")
        for alias in _as_list(entry.get("adjectives")):
            yield alias, cand("adjective")
        for alias in _as_list(entry.get("demonyms")):
            yield alias, cand("demonym")
        metonyms = _as_list(entry.get("metonyms"))
        capital = entry.get("capital")
        for alias in metonyms:
            form = "capital" if capital and alias == capital else "metonym"
            yield alias, cand(form, "GOV")


def read_names(path: Path, layer: int) -> Iterator[tuple[str, Candidate]]:
    """(alias, candidate) pairs of a states, people or organizations file."""
    kind = table_kind(path)
    if kind == "states":
        yield from _read_states(path, layer)
    elif kind == "people":
        yield from _read_people(path, layer)
    elif kind == "organizations":
        yield from _read_organizations(path, layer)


def read_agents(path: Path) -> Iterator[AgentTerm]:
    for row in rows(path):
        term = row.get("term", "")
        if term:
            sector = (row.get("sector") or "")[:3] or None
            yield AgentTerm(term=term, sector=sector, role=row.get("role") or None, source=path.name)
