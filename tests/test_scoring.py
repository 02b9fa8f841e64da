"""eventwire's own scoring agrees with the referee (../shared/eval/score.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from eventwire.evaluation.scoring import score_article

REPO = Path(__file__).resolve().parents[1]
REFEREE = REPO.parent / "shared" / "eval" / "score.py"
GOLD_FILES = sorted((REPO / "eval" / "dev").glob("*.gold.json")) + sorted(
    (REPO.parent / "shared" / "seed").glob("*.gold.json"))


@pytest.fixture(scope="module")
def referee() -> ModuleType:
    if not REFEREE.exists():
        pytest.skip("../shared/eval/score.py is not present")
    spec = importlib.util.spec_from_file_location("referee", REFEREE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entity(country: str | None, sector: str | None = "GOV") -> dict[str, Any]:
    return {"text": country or "x", "country": country, "sector": sector}


def _event(t: str, actor: list[str | None], recipient: list[str | None], evidence: str,
           aux: list[str] | None = None) -> dict[str, Any]:
    return {"type": t, "aux": aux or [],
            "actor": [_entity(a, "IGO" if a is None else "GOV") for a in actor],
            "recipient": [_entity(r) for r in recipient if r],
            "evidence": {"text": evidence, "start": 0, "end": len(evidence)}}


def _synthetic_outputs(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Outputs built from the gold itself: perfect, shuffled with noise, traps, wrong types."""
    golds = gold["events"]
    perfect = [_event(g["types"][0], [a for a in g["actor"] if a][:1] or [None],
                      [r for r in g.get("recipient", []) if r][:1], g["evidence"]) for g in golds]
    wrong_type = [dict(e, type="PROTEST") for e in perfect]
    traps = [_event(t["forbid"]["types"][0] if t["forbid"]["types"] != ["*"] else "ACCUSE",
                    [t["forbid"].get("actor")], [], t["evidence"]) for t in gold.get("not_events", [])]
    hypothetical = [dict(e, aux=["hypothetical"]) for e in traps]
    split = [_event(g["types"][-1], [a], [r], g["evidence"])
             for g in golds for a in g["actor"] if a for r in g.get("recipient", []) if r]
    return [
        {"events": []},
        {"events": perfect},
        {"events": perfect[::2] + wrong_type[1::2]},
        {"events": perfect + traps},
        {"events": perfect + hypothetical},
        {"events": split + traps[:1]},
    ]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_scores_equal_the_referee(gold_path: Path, referee: ModuleType) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for output in _synthetic_outputs(gold):
        theirs = referee.score(gold, output)
        ours = score_article(gold, output)
        assert round(ours.precision, 3) == theirs["precision"]
        assert round(ours.recall, 3) == theirs["recall"]
        assert round(ours.f1, 3) == theirs["f1"]
        assert len(ours.traps) == theirs["traps"]
        assert f"{ours.dates_right}/{ours.dates_total}" == theirs["dates_right"]


def test_a_perfect_output_scores_one_on_the_seed(referee: ModuleType) -> None:
    seed = REPO.parent / "shared" / "seed" / "000_00bad5592629add6.gold.json"
    gold = json.loads(seed.read_text(encoding="utf-8"))
    perfect = _synthetic_outputs(gold)[1]
    assert score_article(gold, perfect).recall == 1.0
    assert score_article(gold, perfect).precision == 1.0
    assert score_article(gold, {"events": []}).f1 == 0.0


def test_date_place_and_quantity_mentions_are_scored() -> None:
    gold = {
        "events": [],
        "dates": [{"text": "May 7", "value": "2019-05-07", "precision": "day"},
                  {"text": "this month", "value": "2019-05", "precision": "month"},
                  {"text": "last year", "value": "2018", "precision": "year"},
                  {"text": "eight years of war", "value": "2011/2019", "precision": "duration"}],
        "places": [{"text": "Moscow", "country": "RUS", "kind": "city"},
                   {"text": "Middle East", "kind": "region"}],
        "quantities": [{"text": "four ships", "value": 4, "unit": "ship"}],
    }
    output = {
        "events": [],
        "dates": [{"text": "May 7", "value": {"start": "2019-05-07", "end": "2019-05-07"}},
                  {"text": "this month", "value": {"start": "2019-05-01", "end": "2019-05-31"}},
                  {"text": "last year", "value": {"start": "2017-01-01", "end": "2017-12-31"}}],
        "places": [{"text": "Moscow", "country": "USA"}, {"text": "the Middle East"}],
        "quantities": [{"text": "four ships", "value": 4.0}],
    }
    score = score_article(gold, output)
    assert (score.date_mentions_right, score.date_mentions_total) == (2, 3)
    assert (score.places_right, score.places_total) == (1, 2)
    assert (score.quantities_right, score.quantities_total) == (1, 1)
