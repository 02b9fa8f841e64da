"""Second pass of actor resolution: titled surnames, dated organization codes, ethnic groups,
historical and regional organizations, and the article's state for a bare "the army"/"police".

Unit tables build the knowledge structures by hand; the sentence table runs the session
pipeline's spaCy components and then ``eventwire_actors`` with the package's own data.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pytest
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.accuracy import ANY, Case, parse_with, run_cases
from eventwire.actors.component import ActorResolver
from eventwire.actors.periods import Period, dated, load_periods
from eventwire.actors.records import Candidate
from eventwire.actors.resolve import Item, lead_state
from eventwire.actors.surnames import SurnameIndex, by_surname

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "actors"
D = dt.date.fromisoformat


def _p(name: str, country: str, sector: str, start: str | None, end: str | None,
       layer: int = 1) -> Candidate:
    return Candidate(name=name, kind="person", country=country, sector=sector,
                     start=D(start) if start else None, end=D(end) if end else None,
                     source="t.tsv", layer=layer)


_PEOPLE = (
    _p("Ana Moreno", "ESP", "GOV", "1990-01-01", "1995-12-31"),
    _p("Ana Moreno", "ESP", "GOV", "2001-01-01", "2004-12-31"),
    _p("Luis Moreno", "CHL", "GOV", "1996-01-01", "2000-12-31"),
    _p("Karl Brandt", "DEU", "GOV", "1980-01-01", "1988-12-31"),
    _p("Omar al-Hadi", "SDN", "GOV", "1989-06-30", "2019-04-11"),
    _p("Jean Obiang", "GAB", "ELI", None, None),  # never held an office
)


def _index(people: tuple[Candidate, ...] = _PEOPLE) -> SurnameIndex:
    last: dict[str, list[Candidate]] = {}
    first: dict[str, set[str]] = {}
    from eventwire.actors.surnames import surname_key

    for c in people:
        key = surname_key(c.name.split()[-1])
        last.setdefault(key, []).append(c)
        first.setdefault(c.name.split()[0].lower(), set()).add(key)
    return SurnameIndex(by_last=MappingProxyType({k: tuple(v) for k, v in last.items()}),
                        by_first=MappingProxyType({k: frozenset(v) for k, v in first.items()}))


# (written name, date, titled, expected country or None)
SURNAMES = [
    ("Moreno", "1992-05-01", True, "ESP"),      # only Ana Moreno in office that day
    ("Moreno", "1998-05-01", True, "CHL"),      # only Luis Moreno in office that day
    ("Moreno", "2010-05-01", True, "ESP"),      # nobody in office: the latest office
    ("Moreno", None, True, None),               # undated: two people, two countries
    ("Brandt", "2015-05-01", True, "DEU"),      # out of office: still his country
    ("Brandt", "1985-05-01", False, None),      # a bare surname needs a title
    ("Ana Moreno", "2002-05-01", False, "ESP"),
    ("Luis Moreno", "1992-05-01", False, None),  # untitled and out of office that day
    ("A. Moreno", "1992-05-01", True, "ESP"),   # an initial agrees with the first name
    ("Pedro Moreno", "1992-05-01", True, None),  # a different first name
    ("Omar El Hadi", "2000-01-01", True, "SDN"),  # "El"/"al-" prefixes do not matter
    ("Karl Brant", "1985-05-01", True, "DEU"),    # one letter off, with the first name
    ("Brant", "1985-05-01", True, None),          # one letter off without it: no guess
    ("Obiang", "2000-01-01", True, None),         # no office ever: no titled match
]


@pytest.mark.parametrize(("written", "day", "titled", "country"), SURNAMES)
def test_by_surname(written: str, day: str | None, titled: bool, country: str | None) -> None:
    found = by_surname(_index(), written.split(), D(day) if day else None, titled=titled)
    assert (found.country if found else None) == country


def test_former_office_is_marked_elite() -> None:
    found = by_surname(_index(), ["Brandt"], D("2015-05-01"), titled=True)
    assert found is not None and found.sector == "ELI"


_PERIODS = MappingProxyType({"rebel front": (
    Period("Rebel Front", D("2010-01-01"), None, "AAA", "GOV", "took the capital"),
    Period("Rebel Front", None, D("1990-12-31"), "AAA", "OPP", "before the war"),
)})
_FRONT = Candidate(name="Rebel Front", kind="armed_group", country="AAA", sector="REB")


@pytest.mark.parametrize(("day", "sector"), [
    ("2012-03-01", "GOV"), ("2010-01-01", "GOV"), ("2009-12-31", "REB"), ("1995-01-01", "REB"),
    ("1990-12-31", "OPP"), (None, "REB"),
])
def test_dated_organization_codes(day: str | None, sector: str) -> None:
    assert dated(_FRONT, D(day) if day else None, _PERIODS).sector == sector


def test_dated_leaves_states_and_people_alone() -> None:
    state = Candidate(name="Rebel Front", kind="state", country="AAA", sector=None)
    assert dated(state, D("2012-03-01"), _PERIODS) is state


def _state(iso: str, place: bool = False) -> Item:
    return Item(0, 1, cand=Candidate(name=iso, kind="state", country=iso, sector=None), place=place)


@pytest.mark.parametrize(("items", "lead"), [
    ([_state("IRQ"), _state("IRQ")], "IRQ"),
    ([_state("IRQ")], None),                                        # once is not a lead
    ([_state("IRQ"), _state("IRQ"), _state("IRN")], "IRQ"),
    ([_state("IRQ"), _state("IRQ"), _state("IRN"), _state("IRN")], None),  # two-state story
    ([_state("IRQ", place=True), _state("IRQ", place=True)], "IRQ"),  # "in Iraq" counts too
])
def test_lead_state(items: list[Item], lead: str | None) -> None:
    assert lead_state(items) == lead


# --- data files --------------------------------------------------------------------------

def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _iso3() -> set[str]:
    return {str(s["iso3"]) for s in yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8"))}


def test_periods_name_known_organizations_with_ordered_dates() -> None:
    names = {r["name"] for r in _tsv("organizations.tsv")}
    codes = _iso3()
    for periods in load_periods().values():
        for p in periods:
            assert p.name in names, p.name
            assert p.country is None or p.country in codes, p
            assert p.since is None or p.until is None or p.since <= p.until, p


def test_ethnic_groups_are_civilians_of_a_known_state_and_claim_no_state_name() -> None:
    codes = _iso3()
    taken: set[str] = set()
    for s in yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8")):
        for key in ("name", "names", "adjectives", "demonyms", "metonyms"):
            value = s.get(key) or []
            taken |= {v.casefold() for v in ([value] if isinstance(value, str) else value)}
    taken |= {a.casefold() for r in _tsv("organizations.tsv")
              for a in [r["name"], *r["aliases"].split(";")] if a}
    rows = _tsv("ethnic_groups.tsv")
    assert len(rows) >= 30
    for r in rows:
        assert (r["kind"], r["sector"]) == ("ethnic_group", "CVL"), r
        assert r["country"] in codes, r
        for alias in [r["name"], *r["aliases"].split(";")]:
            assert not alias or alias.casefold() not in taken, alias


# --- sentences ---------------------------------------------------------------------------

C = Case
CASES = [
    # titles with surnames, by the publication date
    C("Prime Minister Rabin said the talks would go on.", "Prime Minister Rabin", "ISR", "GOV", ANY, "1994-03-01"),
    C("Prime Minister Rabin said the talks would go on.", "Prime Minister Rabin", "ISR", "GOV", ANY, None),
    C("Former Prime Minister Rabin was remembered at the rally.", "Prime Minister Rabin", "ISR", "ELI", ANY, "2010-11-04"),
    C("President Bouteflika called an early election.", "President Bouteflika", "DZA", "GOV", ANY, "2004-01-10"),
    C("President Menem flew to Washington.", "President Menem", "ARG", "GOV", ANY, "1995-06-01"),
    C("Carlos Menem flew to Washington on Monday.", "Carlos Menem", "ARG", "GOV", ANY, "1995-06-01"),
    C("President Laurent Gbagbo addressed the nation.", "Laurent Gbagbo", "CIV", "GOV", ANY, "2005-01-01"),
    C("President Francois Mitterand arrived in Bonn.", "President Francois Mitterand", "FRA", "GOV", ANY, "1990-01-01"),
    C("Chancellor Kohl met the delegation.", "Chancellor Kohl", "DEU", "GOV", ANY, "1991-01-01"),
    C("The analyst John Smith said the vote was close.", "John Smith", None, ANY, ANY, "2019-05-31"),
    # dated organization codes
    C("The Taliban said girls' schools would stay shut.", "Taliban", "AFG", "GOV", ANY, "2022-03-23"),
    C("The Taliban attacked a checkpoint in Helmand.", "Taliban", "AFG", "REB", ANY, "2015-06-01"),
    C("The Taliban banned television in Kabul.", "Taliban", "AFG", "GOV", ANY, "1998-06-01"),
    C("The SPLM said it would form a new cabinet.", "SPLM", "SSD", "GOV", ANY, "2013-07-30"),
    C("The SPLA attacked a garrison near Juba.", "SPLA", "SDN", "REB", ANY, "1995-07-30"),
    # international and non-governmental organizations, historical names
    C("The European Community imposed an arms embargo.", "European Community", None, "IGO", ANY, "1991-07-05"),
    C("The EEC agreed to lift the quotas.", "EEC", None, "IGO", ANY, "1985-07-05"),
    C("The OAU called for a ceasefire.", "OAU", None, "IGO", ANY, "1995-07-05"),
    C("The International Labor Office said jobs were lost.", "International Labor Office", None, "IGO"),
    C("UNMISS said civilians had sheltered at its base.", "UNMISS", None, "IGO"),
    C("The African Development Bank approved a loan.", "African Development Bank", None, "IGO"),
    C("The Syrian Arab Red Crescent delivered aid to Aleppo.", "Syrian Arab Red Crescent", "SYR", "NGO"),
    C("Freedom House downgraded the country.", "Freedom House", "USA", "NGO"),
    # armed groups and parties with their home state
    C("UNITA rebels shelled the town.", "UNITA rebels", "AGO", "REB"),
    C("The Islamic Salvation Front called a general strike.", "Islamic Salvation Front", "DZA", "REB"),
    C("The Moro Islamic Liberation Front signed the accord.", "Moro Islamic Liberation Front", "PHL", "REB"),
    C("The Kosovo Liberation Army ambushed a patrol.", "Kosovo Liberation Army", "SRB", "REB", ANY, "1998-07-01"),
    C("The Lord's Resistance Army abducted children.", "Lord's Resistance Army", "UGA", "REB"),
    C("Shining Path guerrillas blew up a pylon.", "Shining Path", "PER", "REB"),
    C("The Awami League won the election.", "Awami League", "BGD", "PTY"),
    C("Xinhua and China Central Television carried the statement.", "China Central Television", "CHN", "MED"),
    # ethnic groups with one home state
    C("Uyghurs in Xinjiang face restrictions.", "Uyghurs", "CHN", "CVL"),
    C("Yoruba leaders rejected the plan.", "Yoruba leaders", "NGA", "ELI"),
    C("Tamil rebels attacked an army post.", "Tamil rebels", "LKA", "REB"),
    # an agent noun with its head noun, then "in <state>"
    C("Seven opposition parties in Nepal called a general strike.", "opposition parties", "NPL", "OPP"),
    C("Opposition groups in Zimbabwe called for a boycott.", "Opposition groups", "ZWE", "OPP"),
    C("Officials in Paris said the talks had failed.", "Officials", "FRA", "GOV"),
    # misspelt state words
    C("Ethopia has agreed to reopen its borders.", "Ethopia", "ETH", "GOV"),
    C("The Phillippines military said the rebels had fled.", "Phillippines military", "PHL", "MIL"),
    C("Afganistan and Pakistan agreed to talk.", "Afganistan", "AFG"),
    C("Roland Garros won the final.", "Roland", None),  # a person, not Poland
    # the article's state for "the army" / "police"
    C("Protests spread across Iraq. Iraq's prime minister called for calm. The army said it had arrested ten people.", "army", "IRQ", "MIL"),
    C("Protests spread across Iraq. Iraq's prime minister called for calm. Police fired tear gas.", "Police", "IRQ", "COP"),
    C("Russia and Ukraine traded blame. The army said it had repelled an attack.", "army", None, "MIL"),
    C("Violence grew in Sudan. Talks in Sudan stalled as its ruling military council cracked down.", "military council", "SDN", "MIL"),
    C("Clashes spread in Sudan on Monday. Sudan's neighbours called for calm. The Transitional Military Council said it would talk.", "Military Council", "SDN", "MIL"),
    C("NATO allies met. The North Atlantic Treaty Organisation said it would respond.", "North Atlantic Treaty Organisation", None, "IGO"),
    C("Bolivarian soldiers closed the bridge.", "Bolivarian soldiers", "VEN", "MIL"),
    C("Jihadist groups attacked the base.", "Jihadist groups", None, "REB"),
]


@pytest.fixture(scope="module")
def parse(nlp: Language) -> Callable[[str, str | None], Doc]:
    return parse_with(nlp, ActorResolver(nlp))


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.mention}" for i, c in enumerate(CASES)])
def test_second_pass_resolution(parse: Callable[[str, str | None], Doc], case: Case) -> None:
    (result,) = run_cases([case], parse)
    assert result.ok, result.describe()


@pytest.mark.parametrize(("written", "variant"), [
    ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    ("Ministry of Defence", "Ministry of Defense"),
    ("International Labor Organization", "International Labour Organisation"),
    ("World Food Programme", "World Food Program"),
])
def test_spelling_variants(written: str, variant: str) -> None:
    from eventwire.actors.kb import spelling_variants

    assert variant in spelling_variants(written)
    assert spelling_variants("Programmer Union") == ("Programmer Union",)  # whole words only
