"""Real output of `eventwire code` validates against the output contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from eventwire.cli import main

REPO = Path(__file__).resolve().parents[1]
OWN_SCHEMA = REPO / "src" / "eventwire" / "schema" / "article.schema.json"
SHARED_SCHEMA = REPO.parent / "shared" / "contract" / "article.schema.json"
SAMPLES = sorted((REPO / "samples").glob("*.md"))


@pytest.fixture(scope="module")
def outputs() -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["code", *map(str, SAMPLES), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _validate(schema_path: Path, records: list[dict[str, object]]) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for record in records:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, errors[0]


def test_one_json_object_per_article(outputs: list[dict[str, object]]) -> None:
    assert len(outputs) == len(SAMPLES) >= 3


def test_output_validates_against_own_schema(outputs: list[dict[str, object]]) -> None:
    _validate(OWN_SCHEMA, outputs)


def test_output_validates_against_shared_contract(outputs: list[dict[str, object]]) -> None:
    if not SHARED_SCHEMA.exists():
        pytest.skip("../shared/contract is not present")
    _validate(SHARED_SCHEMA, outputs)


def test_samples_yield_events(outputs: list[dict[str, object]]) -> None:
    events = [e for o in outputs for e in o["events"]]  # type: ignore[attr-defined]
    assert len(events) >= len(SAMPLES)


def test_offsets_index_the_text(outputs: list[dict[str, object]]) -> None:
    for o in outputs:
        text = o["article"]["text"]  # type: ignore[index]
        for e in o["events"]:  # type: ignore[attr-defined]
            ev = e["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"]
            for ent in e["actor"] + e["recipient"]:
                assert text[ent["start"]:ent["end"]] == ent["text"]
        for q in o["quotes"]:  # type: ignore[attr-defined]
            assert text[q["start"]:q["end"]] == q["text"]


def test_schema_copy_is_a_superset_of_the_contract() -> None:
    if not SHARED_SCHEMA.exists():
        pytest.skip("../shared/contract is not present")
    own = json.loads(OWN_SCHEMA.read_text(encoding="utf-8"))
    shared = json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
    assert own["required"] == shared["required"]
    assert own["properties"]["events"]["items"]["required"] == \
        shared["properties"]["events"]["items"]["required"]


def test_quantities_name_the_events_they_belong_to(outputs: list[dict[str, object]]) -> None:
    linked = 0
    for o in outputs:
        events = o["events"]  # type: ignore[index]
        for q in o["quantities"]:  # type: ignore[attr-defined]
            for i in q["events"]:
                ev = events[i]["evidence"]  # type: ignore[index]
                assert ev["start"] <= q["start"] and q["end"] <= ev["end"]
                linked += 1
    assert linked >= 1  # "23 Russian diplomats" belongs to the expulsion in the samples
