"""The actor knowledge base without spaCy: Phoenix conversion, file formats, layers, dates."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.actors import lookup
from eventwire.actors.files import ActorFileError, table_kind
from eventwire.actors.kb import load_knowledge_base, select
from eventwire.actors.records import Candidate
from eventwire.errors import EventwireError

REPO = Path(__file__).resolve().parents[1]

PEOPLE = """name\taliases\tcountry\tsector\trole\tstart\tend\tnote
Ada Example\tAda;A. Example\tFRA\tGOV\tprime minister\t2010-01-01\t2014-12-31\t
Ada Example\tAda;A. Example\tFRA\tGOV\tpresident\t2015-01-01\t\t
Bo Sample\t\tDEU\tMIL\tchief of staff\t2012-03-01\t2016-02-28\t
Cy Future\t\tITA\tGOV\tforeign minister\t2030-01-01\t\t
"""
ORGS = """name\taliases\tcountry\tsector\tkind\tnote
Example Watch\tEW\t\tNGO\tngo\t
Reuters\t\tXXX\tMED\tmedia\ttest override
"""
STATES = """- iso3: ZZZ
  name: Zedland
  names: [Zedland, Republic of Zedland]
  adjectives: [Zedlandic]
  demonyms: [Zedlanders]
  capital: Zed City
  metonyms: [Zed City, the Zed Palace]
"""
AGENTS = """term\tsector\trole\tnote
grand vizier\tGOV\tgrand vizier\t
"""


@pytest.fixture(scope="module")
def user_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ...]:
    base = tmp_path_factory.mktemp("actors")
    files = {"leaders.tsv": PEOPLE, "orgs.tsv": ORGS, "zed.yaml": STATES, "titles.tsv": AGENTS}
    for name, text in files.items():
        (base / name).write_text(text, encoding="utf-8")
    return tuple(base / n for n in files)


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actor_kb", REPO / "scripts" / "build_actor_kb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actor_kb"] = module
    spec.loader.exec_module(module)
    return module


BUILD = _build_script()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("080508", dt.date(2008, 5, 8)),
        ("991231", dt.date(1999, 12, 31)),
        ("20130815", dt.date(2013, 8, 15)),
        ("300101", dt.date(2030, 1, 1)),
        ("310101", dt.date(1931, 1, 1)),
    ],
)
def test_phoenix_dates(text: str, expected: dt.date) -> None:
    assert BUILD.parse_date(text) == expected


@pytest.mark.parametrize("text", ["2004017", "abc", "081345"])
def test_phoenix_bad_dates(text: str) -> None:
    with pytest.raises(BUILD.DateError):
        BUILD.parse_date(text)


@pytest.mark.parametrize(
    ("body", "start", "end", "default"),
    [
        ("RUSGOV >080508", dt.date(2008, 5, 8), None, False),
        ("RUSELI <990809", None, dt.date(1999, 8, 9), False),
        ("RUSGOV 991231-080507", dt.date(1999, 12, 31), dt.date(2008, 5, 7), False),
        ("RUSELI", None, None, True),
    ],
)
def test_phoenix_code_restrictions(body: str, start: dt.date | None, end: dt.date | None,
                                   default: bool) -> None:
    code = BUILD.parse_code(body)
    assert (code.start, code.end, code.default) == (start, end, default)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ("RUS", "GOV")),
        ("IRNGOVBUS", ("IRN", "GOV")),
        ("TMPGOV", ("TLS", "GOV")),
        ("KSVMIL", ("XKX", "MIL")),
        ("IGOUNOKID", (None, "IGO")),
        ("MNCUSAMED", (None, "BUS")),
        ("USRGOV", None),
        ("ELI", None),
        ("MEAREB", (None, "REB")),
        ("ANGREB", ("AGO", "REB")),
        ("MOS", None),
        ("BUDMED", (None, "MED")),
    ],
)
def test_cameo_codes_to_iso(code: str, expected: tuple[str | None, str | None] | None) -> None:
    assert BUILD.split_code(code) == expected


def test_phoenix_records_group_phrases_and_dates(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "# comment\nRUSSIAN_FEDERATION_  [RUS]\n+RUSSIA_\n"
        "JANE_DOE_  # CountryInfo.txt\n+J._DOE\nPRESIDENT_JANE_DOE\n\t[RUSELI 700101-991231]\n"
        "\t[RUSGOV >991231]\n\t[RUSELI]\nKREMLIN_\n\t[RUSGOV]\n",
        encoding="utf-8",
    )
    records = list(BUILD.read_records(tmp_path / "x.txt"))
    assert [r.phrases[0] for r in records] == ["RUSSIAN_FEDERATION_", "JANE_DOE_", "KREMLIN_"]
    assert records[1].phrases == ["JANE_DOE_", "J._DOE", "PRESIDENT_JANE_DOE"]
    assert [c.code for c in records[1].codes] == ["RUSELI", "RUSGOV", "RUSELI"]
    assert BUILD.is_person(records[1]) and not BUILD.is_person(records[2])
    assert not BUILD.usable_alias("PRESIDENT JANE DOE") and BUILD.usable_alias("JANE DOE")


def test_common_given_names_are_not_lone_aliases(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "ABDULLAH_ONE_  # CountryInfo.txt\n+ABDULLAH\n\t[JORGOV >990207]\n"
        "ABDULLAH_TWO_  # CountryInfo.txt\n\t[SAUGOV >050801]\n"
        "VLADIMIR_PUTIN_  # CountryInfo.txt\n+PUTIN_\n\t[RUSGOV >080508]\n",
        encoding="utf-8",
    )
    records = list(BUILD.read_records(tmp_path / "x.txt"))
    assert BUILD.given_names(records) == frozenset({"ABDULLAH"})


def test_shipped_phoenix_tables_have_usable_codes() -> None:
    data = REPO / "src" / "eventwire" / "data" / "actors"
    for name, country_col, sector_col in (("phoenix_people.tsv", 2, 3),
                                          ("phoenix_organizations.tsv", 2, 3)):
        lines = (data / name).read_text(encoding="utf-8").splitlines()[1:]
        assert len(lines) > 1000
        for line in lines:
            cols = line.split("\t")
            assert cols[country_col] or cols[sector_col], line
            assert not cols[country_col] or len(cols[country_col]) == 3, line


@pytest.mark.parametrize(
    ("path", "kind"),
    [("leaders.tsv", "people"), ("orgs.tsv", "organizations"), ("zed.yaml", "states"),
     ("titles.tsv", "agents")],
)
def test_table_kind_from_header(user_files: tuple[Path, ...], path: str, kind: str) -> None:
    assert table_kind(next(p for p in user_files if p.name == path)) == kind


def test_unknown_table_is_an_eventwire_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("foo\tbar\n1\t2\n", encoding="utf-8")
    with pytest.raises(EventwireError, match="bad.tsv"):
        table_kind(bad)
    with pytest.raises(ActorFileError):
        load_knowledge_base((tmp_path / "missing.tsv",))


# (name, date, expected country, sector, role); None date = most recent role
LOOKUPS: list[tuple[str, str | None, str | None, str | None, str | None]] = [
    ("Ada Example", "2012-06-01", "FRA", "GOV", "prime minister"),
    ("Ada", "2012-06-01", "FRA", "GOV", "prime minister"),
    ("A. Example", "2016-06-01", "FRA", "GOV", "president"),
    ("Ada Example", None, "FRA", "GOV", "president"),
    ("Ada Example", "2009-01-01", "FRA", None, None),
    ("Bo Sample", "2013-01-01", "DEU", "MIL", "chief of staff"),
    ("Bo Sample", "2020-01-01", "DEU", "ELI", "former chief of staff"),
    ("Cy Future", "2020-01-01", "ITA", None, None),
    ("Cy Future", None, "ITA", "GOV", "foreign minister"),
    ("EW", None, None, "NGO", None),
    ("Reuters", None, "XXX", "MED", None),
    ("Zedland", None, "ZZZ", None, None),
    ("Zedlandic", None, "ZZZ", None, None),
    ("the Zed Palace", None, "ZZZ", "GOV", None),
]


@pytest.mark.parametrize(("name", "date", "country", "sector", "role"), LOOKUPS)
def test_lookup_with_user_files(user_files: tuple[Path, ...], name: str, date: str | None,
                                country: str | None, sector: str | None, role: str | None) -> None:
    on = dt.date.fromisoformat(date) if date else None
    best = lookup(name, on, extra_files=user_files)[0]
    assert (best.country, best.sector, best.role) == (country, sector, role)


def test_user_agents_are_loaded(user_files: tuple[Path, ...]) -> None:
    term = load_knowledge_base(user_files).agent("Grand Vizier")
    assert term is not None and term.sector == "GOV"


PHOENIX: list[tuple[str, str | None, str | None, str | None]] = [
    ("Vladimir Putin", "2005-01-01", "RUS", "GOV"),
    ("Vladimir Putin", "1995-01-01", "RUS", "ELI"),
    ("Putin", "2019-05-31", "RUS", "GOV"),
    ("Hosni Mubarak", "2005-01-01", "EGY", "GOV"),
    ("Hosni Mubarak", "2013-01-01", "EGY", "ELI"),
    ("Kofi Annan", "2003-01-01", None, "IGO"),
    ("Angela Merkel", "2010-01-01", "DEU", "GOV"),
    ("Sergey Lavrov", "2015-01-01", "RUS", "GOV"),
    ("Nouri al-Maliki", "2010-01-01", "IRQ", "GOV"),
    ("Recep Tayyip Erdogan", "2015-01-01", "TUR", "GOV"),
]


@pytest.fixture(scope="module")
def phoenix_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with only the converted Phoenix tables (curated files would win)."""
    base = tmp_path_factory.mktemp("phoenix")
    for name in ("phoenix_people.tsv", "phoenix_organizations.tsv"):
        (base / name).symlink_to(REPO / "src" / "eventwire" / "data" / "actors" / name)
    return base


@pytest.mark.parametrize(("name", "date", "country", "sector"), PHOENIX)
def test_lookup_phoenix_people_by_date(phoenix_only: Path, name: str, date: str | None,
                                       country: str | None, sector: str | None) -> None:
    kb = load_knowledge_base(data_dir=phoenix_only)
    best = kb.lookup(name, dt.date.fromisoformat(date) if date else None)[0]
    assert (best.country, best.sector) == (country, sector)


def test_user_file_overrides_package(user_files: tuple[Path, ...]) -> None:
    assert lookup("Reuters")[0].country != "XXX"
    assert lookup("Reuters", extra_files=user_files)[0].country == "XXX"


def test_explain_names_file_role_country_and_dates(user_files: tuple[Path, ...]) -> None:
    best = lookup("Ada Example", dt.date(2012, 1, 1), extra_files=user_files)[0]
    assert best.explain() == "leaders.tsv: Ada Example, prime minister FRA GOV 2010-01-01..2014-12-31"


def test_select_prefers_higher_layer_then_office() -> None:
    low = Candidate(name="X", kind="organization", country="AAA", sector="GOV", layer=0)
    high = Candidate(name="X", kind="organization", country="BBB", sector="GOV", layer=1)
    assert select([low, high], None)[0] is high
    elite = Candidate(name="P", kind="person", country="AAA", sector="ELI", default=True)
    office = Candidate(name="P", kind="person", country="AAA", sector="GOV",
                       start=dt.date(2000, 1, 1))
    assert select([elite, office], dt.date(2001, 1, 1))[0] == office
    assert select([elite, office], dt.date(1999, 1, 1))[0] == elite


def test_knowledge_base_is_cached_and_read_only() -> None:
    kb = load_knowledge_base()
    assert load_knowledge_base() is kb
    with pytest.raises(TypeError):
        kb.index["x"] = ()  # type: ignore[index]
