"""The event coder's knowledge files: complete, consistent, and read as an analyst wrote them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.events.cameo import DATA_DIR, cameo_row, load_cameo_table
from eventwire.events.cues import load_cues
from eventwire.events.patterns import (
    NOT_AN_EVENT,
    load_noun_patterns,
    load_verb_patterns,
    verb_index,
)
from eventwire.events.yamlfile import flag, read_mapping
from eventwire.model import EVENT_TYPES


def test_every_plover_type_has_verb_patterns() -> None:
    types = {p.type for p in load_verb_patterns()}
    assert set(EVENT_TYPES) <= types


def test_verb_coverage_is_broad() -> None:
    lemmas = {(p.lemma, p.extra) for p in load_verb_patterns()}
    assert len(lemmas) >= 300


def test_pattern_ids_are_unique_per_file() -> None:
    ids = [p.id for p in load_verb_patterns()]
    # one id per pattern, repeated only for its several verbs
    first_seen: dict[str, int] = {}
    for i, pid in enumerate(ids):
        if pid in first_seen:
            assert ids[i - 1] == pid, f"{pid} appears in two places"
        first_seen.setdefault(pid, i)


def test_every_pattern_names_a_known_cameo_code() -> None:
    for p in (*load_verb_patterns(), *load_noun_patterns()):
        assert cameo_row(p.cameo) is not None, p.id


def test_prepositions_on_and_off_stay_words() -> None:
    # YAML 1.1 would read a bare `on` as True: the loader must keep it a preposition
    fire_on = [p for p in verb_index()["fire"] if p.id == "assault.fire_on"]
    assert fire_on and "on" in fire_on[0].preps
    assert "no" in load_cues().negation_words


@pytest.mark.parametrize(
    ("code", "typ", "goldstein", "quad"),
    [
        ("0312", "AGREE", 5.2, 1),
        ("042", "CONSULT", 1.9, 1),
        ("112", "ACCUSE", -2.0, 3),
        ("163", "COERCE", -8.0, 4),  # the PLOVER table's reading; patterns may override it
        ("016", "REJECT", -2.0, 1),
        ("0233", "REQUEST", 3.4, 1),
        ("195", "ASSAULT", -10.0, 4),
        ("0871", "RETREAT", 9.0, 2),
    ],
)
def test_cameo_table_rows(code: str, typ: str, goldstein: float, quad: int) -> None:
    row = load_cameo_table()[code]
    assert (row.type, row.goldstein, row.quad_class) == (typ, goldstein, quad)


def test_statements_are_no_plover_event() -> None:
    assert load_cameo_table()["010"].type is None


def test_unknown_subcode_falls_back_to_parent() -> None:
    row = cameo_row("0319")
    assert row is not None and row.code == "031"


def test_cameo_table_covers_the_plover_conversion_table(shared_dir: Path) -> None:
    table = (shared_dir / "data" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    codes = {m.group(1) for m in re.finditer(r"^(\d{3,4}):", table, re.MULTILINE)}
    missing = codes - set(load_cameo_table())
    assert not missing
    assert all(load_cameo_table()[c].goldstein is not None for c in codes)


def test_non_response_cues_compile_and_match() -> None:
    cues = load_cues()
    said = "The ministry did not immediately respond to a request for comment."
    assert any(p.search(said) for p in cues.non_response)
    assert not any(p.search("Russia rejected the request for weapons.") for p in cues.non_response)


def test_no_event_patterns_are_marked() -> None:
    assert any(p.type == NOT_AN_EVENT for p in load_verb_patterns())


def test_flag_reads_yes_and_no() -> None:
    assert flag("true") and flag("yes") and not flag("false") and not flag("no")


def test_read_mapping_rejects_a_list(tmp_path: Path) -> None:
    from eventwire.events.errors import PatternFileError

    bad = tmp_path / "bad.yaml"
    bad.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(PatternFileError):
        read_mapping(bad)


def test_sources_file_documents_every_data_file() -> None:
    sources = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for path in DATA_DIR.iterdir():
        if path.suffix in (".yaml", ".tsv"):
            assert f"`{path.name}`" in sources, path.name


def _imported() -> dict[str, str]:
    return {p.lemma: p.cameo for p in load_verb_patterns() if p.id.startswith("cameo.")}


@pytest.mark.parametrize(("verb", "cameo"), [("denigrate", "111"), ("exonerate", "081"), ("criminalize", "172")])
def test_cameo_dictionary_synsets_add_specific_verbs(verb: str, cameo: str) -> None:
    assert _imported().get(verb) == cameo


@pytest.mark.parametrize("verb", ["take", "pay", "go", "think", "plan", "say", "condemn", "accuse", "kill"])
def test_cameo_dictionary_leaves_out_generic_cue_and_hand_verbs(verb: str) -> None:
    # root-level synsets ("go", "think"), the stop list ("take", "pay"), cue verbs ("plan", "say")
    # and verbs verbs.yaml already codes by hand ("condemn", "accuse", "kill")
    assert verb not in _imported()


def test_hand_patterns_come_before_imported_ones() -> None:
    ids = [p.id for p in load_verb_patterns()]
    first_imported = next(i for i, pid in enumerate(ids) if pid.startswith("cameo."))
    assert all(pid.startswith("cameo.") for pid in ids[first_imported:])
