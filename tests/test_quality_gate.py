"""The quality gate: accuracy may not fall below the floors pinned in eval/baseline.json.

Raising a floor is a deliberate commit; lowering one to make a change pass is not allowed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from eventwire.evaluation.runner import CorpusReport, evaluate_folder

REPO = Path(__file__).resolve().parents[1]
BASELINE: dict[str, Any] = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))
SHARED = REPO.parent / "shared"


def _check(report: CorpusReport, floors: dict[str, float]) -> None:
    figures = report.as_dict()
    assert figures["articles"] >= floors.get("articles", 1)
    got = {
        "precision": figures["events"]["precision"],
        "recall": figures["events"]["recall"],
        "f1": figures["events"]["f1"],
        "dates": figures["dates"],
        "quotes": figures["quotes"],
        "actors": figures["actors"],
        "attribution": figures["attribution"],
        "date_mentions": figures["date_mentions"],
        "places": figures["places"],
        "quantities": figures["quantities"],
    }
    for name, floor in floors.items():
        if name in ("articles", "max_traps"):
            continue
        assert got[name] is not None and got[name] >= floor, f"{name} {got[name]} < floor {floor}"
    if "max_traps" in floors:
        assert figures["traps"] <= floors["max_traps"], report.as_dict()["per_article"]


def test_seed_article(nlp: Language) -> None:
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared/seed is not present")
    _check(evaluate_folder(SHARED / "seed", nlp=nlp), BASELINE["seed"])


def test_development_set(nlp: Language) -> None:
    _check(evaluate_folder(REPO / "eval" / "dev", nlp=nlp), BASELINE["dev"])


def test_plover_gold_records(nlp: Language) -> None:
    records = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
    if not records.exists():
        pytest.skip("../shared/data/plover is not present")
    from eventwire.evaluation.plover_gsr import evaluate_gsr

    result = evaluate_gsr(nlp, records)
    floors = BASELINE["plover_gsr"]
    assert result.type_accuracy >= floors["type_accuracy"]
    assert result.triple_accuracy >= floors["triple_accuracy"]
