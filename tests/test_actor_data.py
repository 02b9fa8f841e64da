"""Validation of eventwire's own curated actor data (states, people, organizations, agents).

These tests read the data files directly (no spaCy): every row parses, codes and dates are
well formed, aliases are unambiguous, and a table of well-known facts holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "actors"

# The 193 UN member states (ISO 3166-1 alpha-3), as the test's expectation.
_UN_CODES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
"""
UN_MEMBERS = frozenset(_UN_CODES.split())
NON_MEMBERS = frozenset({"PSE", "VAT", "XKX", "TWN"})
G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
       "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA")
_SECTOR_CODES = "GOV MIL REB OPP PTY COP JUD LEG BUS MED NGO IGO CVL SPY REF EDU HLH UAF CRM LAB REL ELI"
_SECTOR_CODES += " AGR"
SECTORS = frozenset([*_SECTOR_CODES.split(), "GOVMED"])
ORG_KINDS = frozenset(
    {"igo", "ministry", "military", "armed_group", "party", "agency", "company", "media", "ngo",
     "group"}
)
STATE_KEYS = frozenset(
    {"iso3", "name", "names", "adjectives", "demonyms", "capital", "metonyms", "un_member"}
)
ALIAS_FIELDS = ("names", "adjectives", "demonyms", "metonyms")
HEAD_ROLES = frozenset(
    {"president", "prime minister", "chancellor", "king", "emir", "supreme leader",
     "head of state", "general secretary", "sultan"}
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def states() -> tuple[dict[str, Any], ...]:
    data = yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return tuple(data)


def _tsv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header, *body = list(reader)
    rows = []
    for i, fields in enumerate(body, start=2):
        assert len(fields) == len(header), f"{name}:{i}: {len(fields)} fields, want {len(header)}"
        rows.append(dict(zip(header, fields, strict=True)))
    return header, rows


@cache
def people() -> tuple[dict[str, str], ...]:
    return tuple(_tsv("people.tsv")[1])


@cache
def organizations() -> tuple[dict[str, str], ...]:
    return tuple(_tsv("organizations.tsv")[1])


@cache
def agents() -> tuple[dict[str, str], ...]:
    return tuple(_tsv("agents.tsv")[1])


def iso3_codes() -> frozenset[str]:
    return frozenset(s["iso3"] for s in states())


def aliases(row: Mapping[str, str]) -> list[str]:
    return [row["name"], *(a for a in row["aliases"].split(";") if a)]


def state_alias_owner() -> dict[str, set[str]]:
    owner: dict[str, set[str]] = defaultdict(set)
    for s in states():
        for field in ALIAS_FIELDS:
            for alias in s[field]:
                owner[alias.casefold()].add(s["iso3"])
    return owner


def date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def holds(row: Mapping[str, str], on: dt.date) -> bool:
    end = date(row["end"])
    return dt.date.fromisoformat(row["start"]) <= on and (end is None or on < end)


# --- states.yaml -------------------------------------------------------------------------


def test_every_state_entry_has_the_contract_fields() -> None:
    for s in states():
        assert set(s) == STATE_KEYS, s.get("iso3")
        assert re.fullmatch(r"[A-Z]{3}", s["iso3"]), s["iso3"]
        assert isinstance(s["name"], str) and s["name"]
        assert isinstance(s["capital"], str) and s["capital"]
        assert isinstance(s["un_member"], bool)
        for field in ALIAS_FIELDS:
            assert isinstance(s[field], list), (s["iso3"], field)
            assert all(isinstance(a, str) and a.strip() == a and a for a in s[field])
        assert s["names"], s["iso3"]


def test_iso3_codes_are_unique() -> None:
    codes = [s["iso3"] for s in states()]
    assert len(codes) == len(set(codes))


def test_every_un_member_is_present_and_flagged() -> None:
    members = {s["iso3"] for s in states() if s["un_member"]}
    assert members == UN_MEMBERS


def test_observers_and_others_are_present_and_not_members() -> None:
    others = {s["iso3"] for s in states() if not s["un_member"]}
    assert others == NON_MEMBERS


def test_no_alias_belongs_to_two_states() -> None:
    clashes = {a: isos for a, isos in state_alias_owner().items() if len(isos) > 1}
    assert clashes == {}


def test_no_duplicate_alias_within_a_state_field() -> None:
    for s in states():
        for field in ALIAS_FIELDS:
            folded = [a.casefold() for a in s[field]]
            assert len(folded) == len(set(folded)), (s["iso3"], field)
        names = {a.casefold() for a in s["names"]}
        assert not names & {a.casefold() for a in s["metonyms"]}, s["iso3"]


@pytest.mark.parametrize(
    ("alias", "iso3"),
    [
        ("U.S.", "USA"), ("the United States", "USA"), ("America", "USA"), ("American", "USA"),
        ("the White House", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("British", "GBR"),
        ("Downing Street", "GBR"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
        ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("DPRK", "PRK"),
        ("Pyongyang", "PRK"), ("North Korean", "PRK"), ("Seoul", "KOR"),
        ("the Islamic Republic", "IRN"), ("Tehran", "IRN"), ("Iranian", "IRN"),
        ("the Elysee", "FRA"), ("Élysée", "FRA"), ("Beijing", "CHN"), ("Zhongnanhai", "CHN"),
        ("the Kremlin", "RUS"), ("Russian Federation", "RUS"), ("Riyadh", "SAU"),
        ("Saudi", "SAU"), ("Emirati", "ARE"), ("Ankara", "TUR"), ("Kyiv", "UKR"),
        ("Kiev", "UKR"), ("Tel Aviv", "ISR"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
        ("Syrian", "SYR"), ("Chinese", "CHN"), ("Holy See", "VAT"), ("Taipei", "TWN"),
        ("Kosovo", "XKX"), ("Congo", "COD"),
    ],
)
def test_news_forms_resolve_to_the_right_state(alias: str, iso3: str) -> None:
    assert state_alias_owner().get(alias.casefold()) == {iso3}


@pytest.mark.parametrize(
    "alias", ["Brussels", "Vienna", "Geneva", "The Hague", "Korean", "CAR", "Persian", "Number 10"]
)
def test_ambiguous_words_are_not_state_aliases(alias: str) -> None:
    # Brussels means the EU, Vienna the IAEA/OPEC, etc.; "Korean" names no single state;
    # "CAR", "Persian" (Gulf) and "Number 10" are too often ordinary words.
    assert alias.casefold() not in state_alias_owner()


# --- people.tsv ----------------------------------------------------------------------------


def test_people_header_is_the_contract() -> None:
    header, _ = _tsv("people.tsv")
    assert header == ["name", "aliases", "country", "sector", "role", "start", "end", "note"]


def test_people_file_is_large_enough() -> None:
    assert len(people()) >= 400


def test_every_person_row_is_well_formed() -> None:
    codes = iso3_codes()
    for row in people():
        where = f"{row['name']} {row['role']} {row['start']}"
        assert row["name"] and row["name"].strip() == row["name"], where
        assert row["country"] == "" or row["country"] in codes, where
        assert row["sector"] in SECTORS, where
        assert (row["country"] == "") == (row["sector"] in {"IGO", "NGO"}), where
        assert row["role"] and row["role"] == row["role"].lower(), where
        assert ISO_DATE.match(row["start"]), where
        assert row["end"] == "" or ISO_DATE.match(row["end"]), where
        start, end = date(row["start"]), date(row["end"])
        assert start is not None and (end is None or start <= end), where


def test_no_alias_names_two_people() -> None:
    owner: dict[str, set[str]] = defaultdict(set)
    for row in people():
        for alias in aliases(row):
            owner[alias.casefold()].add(row["name"])
    assert {a: n for a, n in owner.items() if len(n) > 1} == {}


def test_a_person_has_the_same_aliases_on_every_row() -> None:
    seen: dict[str, str] = {}
    for row in people():
        assert seen.setdefault(row["name"], row["aliases"]) == row["aliases"], row["name"]


def test_stints_of_one_role_do_not_overlap() -> None:
    stints: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for row in people():
        start = dt.date.fromisoformat(row["start"])
        end = date(row["end"]) or dt.date.max
        stints[(row["name"], row["country"], row["role"])].append((start, end))
    for key, spans in stints.items():
        spans.sort()
        for (_, end1), (start2, _) in itertools.pairwise(spans):
            assert end1 <= start2, key


@pytest.mark.parametrize("word", ["Ban", "May", "Cleverly", "Ashkenazi", "Mujahid", "Moon", "Lai"])
def test_ordinary_words_are_not_person_aliases(word: str) -> None:
    assert all(word.casefold() not in {a.casefold() for a in aliases(r)} for r in people())


@pytest.mark.parametrize(
    ("name", "role", "country", "on", "expected"),
    [
        ("Mohammad Javad Zarif", "foreign minister", "IRN", "2019-05-07", True),
        ("Mohammad Javad Zarif", "foreign minister", "IRN", "2022-01-01", False),
        ("Donald Trump", "president", "USA", "2019-05-31", True),
        ("Donald Trump", "president", "USA", "2022-06-01", False),
        ("Donald Trump", "president", "USA", "2025-06-01", True),
        ("Joe Biden", "president", "USA", "2022-06-01", True),
        ("Marco Rubio", "secretary of state", "USA", "2025-02-01", True),
        ("Antony Blinken", "secretary of state", "USA", "2025-02-01", False),
        ("Dmitry Medvedev", "president", "RUS", "2010-01-01", True),
        ("Dmitry Medvedev", "prime minister", "RUS", "2015-01-01", True),
        ("Vladimir Putin", "president", "RUS", "2010-01-01", False),
        ("Sergey Lavrov", "foreign minister", "RUS", "2019-05-31", True),
        ("Benjamin Netanyahu", "prime minister", "ISR", "2022-01-01", False),
        ("Benjamin Netanyahu", "prime minister", "ISR", "2023-06-01", True),
        ("Bashar al-Assad", "president", "SYR", "2019-05-31", True),
        ("Bashar al-Assad", "president", "SYR", "2025-02-01", False),
        ("Volodymyr Zelensky", "president", "UKR", "2022-03-01", True),
        ("Olaf Scholz", "chancellor", "DEU", "2023-01-01", True),
        ("Ebrahim Raisi", "president", "IRN", "2024-06-01", False),
        ("Hibatullah Akhundzada", "supreme leader", "AFG", "2022-01-01", True),
    ],
)
def test_who_held_which_office_when(
    name: str, role: str, country: str, on: str, expected: bool
) -> None:
    day = dt.date.fromisoformat(on)
    rows = [r for r in people() if (r["name"], r["role"], r["country"]) == (name, role, country)]
    assert rows, name
    assert any(holds(r, day) for r in rows) is expected


@pytest.mark.parametrize("iso3", G20)
def test_g20_states_have_a_sitting_leader_and_ministers(iso3: str) -> None:
    rows = [r for r in people() if r["country"] == iso3]
    assert any(r["role"] in HEAD_ROLES and r["end"] == "" for r in rows), iso3
    assert any(r["role"] in {"foreign minister", "secretary of state"} for r in rows), iso3
    assert any(r["role"] == "defense minister" for r in rows), iso3


@pytest.mark.parametrize(
    ("body", "role_hint"),
    [
        ("UN Secretary-General", "secretary-general"),
        ("NATO Secretary General", "secretary-general"),
        ("IAEA Director General", "director-general"),
        ("WHO Director-General", "director-general"),
        ("OPEC Secretary General", "secretary-general"),
        ("Arab League Secretary-General", "secretary-general"),
    ],
)
def test_igo_heads_are_listed_without_a_country(body: str, role_hint: str) -> None:
    rows = [r for r in people() if r["note"].startswith(body)]
    assert rows, body
    assert all(r["country"] == "" and r["sector"] == "IGO" and r["role"] == role_hint
               for r in rows)
    assert any(r["end"] == "" for r in rows), body


# --- organizations.tsv ----------------------------------------------------------------------


def test_organizations_header_is_the_contract() -> None:
    header, _ = _tsv("organizations.tsv")
    assert header == ["name", "aliases", "country", "sector", "kind", "note"]


def test_every_organization_row_is_well_formed() -> None:
    codes = iso3_codes()
    for row in organizations():
        assert row["name"], row
        assert row["kind"] in ORG_KINDS, row["name"]
        assert row["sector"] in SECTORS, row["name"]
        assert row["country"] == "" or row["country"] in codes, row["name"]
        if row["kind"] == "igo":
            assert (row["country"], row["sector"]) == ("", "IGO"), row["name"]
        if row["kind"] == "media":
            assert row["sector"] == "MED" and row["country"], row["name"]


def test_no_alias_names_two_organizations() -> None:
    owner: dict[str, set[str]] = defaultdict(set)
    for row in organizations():
        for alias in aliases(row):
            owner[alias.casefold()].add(row["name"])
    assert {a: n for a, n in owner.items() if len(n) > 1} == {}


def test_organization_aliases_do_not_shadow_other_states() -> None:
    # An organization may repeat its own state's metonym ("the Kremlin"), never another's.
    owner = state_alias_owner()
    for row in organizations():
        for alias in aliases(row):
            isos = owner.get(alias.casefold())
            assert isos is None or isos == {row["country"]}, (row["name"], alias)


@pytest.mark.parametrize(
    ("alias", "country", "sector", "kind"),
    [
        ("U.N.", "", "IGO", "igo"), ("UN Security Council", "", "IGO", "igo"),
        ("NATO", "", "IGO", "igo"), ("EU", "", "IGO", "igo"), ("IAEA", "", "IGO", "igo"),
        ("OPEC", "", "IGO", "igo"), ("GCC", "", "IGO", "igo"), ("ICC", "", "IGO", "igo"),
        ("Red Cross", "", "NGO", "ngo"), ("the Pentagon", "USA", "MIL", "military"),
        ("State Department", "USA", "GOV", "ministry"), ("CIA", "USA", "SPY", "agency"),
        ("IRGC", "IRN", "MIL", "military"), ("Revolutionary Guards", "IRN", "MIL", "military"),
        ("FSB", "RUS", "SPY", "agency"), ("Mossad", "ISR", "SPY", "agency"),
        ("PLA", "CHN", "MIL", "military"), ("Bundeswehr", "DEU", "MIL", "military"),
        ("Hezbollah", "LBN", "REB", "armed_group"), ("Hamas", "PSE", "REB", "armed_group"),
        ("Taliban", "AFG", "REB", "armed_group"), ("Houthis", "YEM", "REB", "armed_group"),
        ("ISIS", "", "REB", "armed_group"), ("ISIL", "", "REB", "armed_group"),
        ("al-Qaeda", "", "REB", "armed_group"), ("YPG", "SYR", "REB", "armed_group"),
        ("SDF", "SYR", "REB", "armed_group"), ("PKK", "TUR", "REB", "armed_group"),
        ("Wagner Group", "RUS", "MIL", "military"),
        ("Gulf Arab allies", "", "GOV", "group"), ("Gulf states", "", "GOV", "group"),
        ("Reuters", "GBR", "MED", "media"), ("AP", "USA", "MED", "media"),
        ("AFP", "FRA", "MED", "media"), ("Bloomberg", "USA", "MED", "media"),
        ("TASS", "RUS", "MED", "media"), ("RIA Novosti", "RUS", "MED", "media"),
        ("Xinhua", "CHN", "MED", "media"), ("IRNA", "IRN", "MED", "media"),
        ("Al Jazeera", "QAT", "MED", "media"), ("BBC", "GBR", "MED", "media"),
    ],
)
def test_well_known_organizations(alias: str, country: str, sector: str, kind: str) -> None:
    rows = [r for r in organizations() if alias.casefold() in {a.casefold() for a in aliases(r)}]
    assert len(rows) == 1, alias
    assert (rows[0]["country"], rows[0]["sector"], rows[0]["kind"]) == (country, sector, kind)


@pytest.mark.parametrize(
    "word",
    # Generic ministry nouns belong in agents.tsv; the rest are ordinary words or phrases
    # ("at dawn", "artillery shell", "the West Bank", "the alliance") that must not name an actor.
    ["Foreign Ministry", "Defense Ministry", "National Security Council", "IS", "Shell", "Dawn",
     "Amazon", "the West", "the Alliance", "Security Service", "Law and Justice", "Total"],
)
def test_generic_or_dangerous_words_are_not_organizations(word: str) -> None:
    assert all(word.casefold() not in {a.casefold() for a in aliases(r)} for r in organizations())


# --- agents.tsv ----------------------------------------------------------------------------


def test_agents_header_and_rows() -> None:
    header, rows = _tsv("agents.tsv")
    assert header == ["term", "sector", "role", "note"]
    assert len(rows) >= 120
    terms = [r["term"].casefold() for r in rows]
    assert len(terms) == len(set(terms))
    for r in rows:
        assert r["term"] and r["sector"] in SECTORS, r
        assert r["role"] == r["role"].lower(), r


@pytest.mark.parametrize(
    ("term", "sector"),
    [
        ("officials", "GOV"), ("foreign ministry", "GOV"), ("defense ministry", "GOV"),
        ("spokesman", "GOV"), ("ambassador", "GOV"), ("troops", "MIL"), ("navy", "MIL"),
        ("police", "COP"), ("rebels", "REB"), ("militants", "REB"), ("opposition", "OPP"),
        ("protesters", "OPP"), ("parliament", "LEG"), ("lawmakers", "LEG"), ("court", "JUD"),
        ("prosecutors", "JUD"), ("company", "BUS"), ("journalists", "MED"),
        ("civilians", "CVL"), ("refugees", "REF"), ("think tank", "NGO"),
        ("analyst", "NGO"), ("head of the center", "NGO"), ("intelligence agency", "SPY"),
    ],
)
def test_agent_terms_carry_their_sector(term: str, sector: str) -> None:
    rows = [r for r in agents() if r["term"].casefold() == term.casefold()]
    assert len(rows) == 1, term
    assert rows[0]["sector"] == sector


@pytest.mark.parametrize(
    ("term", "role"),
    [("foreign secretary", "foreign minister"), ("defence secretary", "defense minister"),
     ("prime minister", "prime minister"), ("premier", "prime minister")],
)
def test_agent_titles_map_to_the_roles_people_use(term: str, role: str) -> None:
    rows = [r for r in agents() if r["term"] == term]
    assert [r["role"] for r in rows] == [role]
    assert any(p["role"] == role for p in people())
