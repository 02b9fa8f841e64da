"""Print actor-resolution accuracy over the table of cases in tests/test_actors_resolution.py.

Also measures agreement with the PLOVER gold records (../shared/data/plover) when present.

Usage: .venv/bin/python scripts/actor_accuracy.py [-v]   (-v lists the failing cases)
The third-pass table (definite descriptions, descriptive groups, posts in international
organizations) is tests/test_actors_third_pass.py.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from eventwire.actors.accuracy import CaseResult, gsr_agreement, parse_with, run_cases
from eventwire.actors.component import ActorResolver
from eventwire.nlp.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]


def _table(name: str) -> ModuleType:
    """A test module of case tables, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tests" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report(label: str, results: list[CaseResult]) -> None:
    ok = sum(r.ok for r in results)
    print(f"{label}: {ok}/{len(results)} cases correct ({ok / len(results):.1%})")


def main(argv: list[str]) -> int:
    cases = _table("test_actors_resolution")
    nlp = build_pipeline(components=())
    with tempfile.TemporaryDirectory() as tmp:
        leaders = Path(tmp) / "leaders.tsv"
        leaders.write_text(cases.LEADERS, encoding="utf-8")
        results = run_cases(cases.CASES, parse_with(nlp, ActorResolver(nlp, (leaders,))))
    _report("actor resolution", results)
    # The second- and third-pass cases run on the package's own data (no test leaders file).
    own_data = parse_with(nlp, ActorResolver(nlp))
    more = run_cases(_table("test_actors_second_pass").CASES, own_data)
    _report("second-pass cases", more)
    third = _table("test_actors_third_pass")
    last = run_cases(third.DEFINITES + third.GROUPS + third.POSTS, own_data)
    _report("third-pass cases", last)
    more += last
    if "-v" in argv:
        for r in results + more:
            if not r.ok:
                print("  FAIL", r.describe())
    gsr = REPO.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
    if gsr.is_file():
        records = json.loads(gsr.read_text(encoding="utf-8"))
        agree, counted, misses = gsr_agreement(records, parse_with(nlp, ActorResolver(nlp)))
        print(f"PLOVER gold records: {agree}/{counted} state-coded actor/target texts resolve "
              f"to the gold state ({agree / counted:.1%})")
        if "-v" in argv:
            for miss in misses:
                print("  MISS", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
