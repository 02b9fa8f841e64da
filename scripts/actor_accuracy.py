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

from eventwire.actors.accuracy import gsr_agreement, parse_with, run_cases
from eventwire.actors.component import ActorResolver
from eventwire.nlp.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location(
        "actor_cases", REPO / "tests" / "test_actors_resolution.py")
    assert spec and spec.loader
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    nlp = build_pipeline(components=())
    with tempfile.TemporaryDirectory() as tmp:
        leaders = Path(tmp) / "leaders.tsv"
        leaders.write_text(cases.LEADERS, encoding="utf-8")
        results = run_cases(cases.CASES, parse_with(nlp, ActorResolver(nlp, (leaders,))))
    ok = sum(r.ok for r in results)
    print(f"actor resolution: {ok}/{len(results)} cases correct ({ok / len(results):.1%})")
    # The second-pass cases run on the package's own data (no test leaders file).
    spec2 = importlib.util.spec_from_file_location(
        "actor_cases_2", REPO / "tests" / "test_actors_second_pass.py")
    assert spec2 and spec2.loader
    second = importlib.util.module_from_spec(spec2)
    spec2.loader.exec_module(second)
    more = run_cases(second.CASES, parse_with(nlp, ActorResolver(nlp)))
    ok2 = sum(r.ok for r in more)
    print(f"second-pass cases: {ok2}/{len(more)} correct ({ok2 / len(more):.1%})")
    spec3 = importlib.util.spec_from_file_location(
        "actor_cases_3", REPO / "tests" / "test_actors_third_pass.py")
    assert spec3 and spec3.loader
    third = importlib.util.module_from_spec(spec3)
    spec3.loader.exec_module(third)
    last = run_cases(third.DEFINITES + third.GROUPS + third.POSTS,
                     parse_with(nlp, ActorResolver(nlp)))
    ok3 = sum(r.ok for r in last)
    print(f"third-pass cases: {ok3}/{len(last)} correct ({ok3 / len(last):.1%})")
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
