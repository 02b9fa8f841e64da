"""The rules-vs-learned comparison's pure parts (the full run is scripts/train_event_classifier.py --compare)."""

from __future__ import annotations

import pytest

from eventwire.evaluation.compare import ComparisonRow, fold_of, format_table
from eventwire.events.learned.coder import POLICIES, Policy


@pytest.mark.parametrize(("n", "folds"), [(26, 5), (10, 3), (5, 5)])
def test_folds_split_articles_evenly_and_use_every_fold(n: int, folds: int) -> None:
    sizes = [sum(1 for i in range(n) if fold_of(i, folds) == k) for k in range(folds)]
    assert sum(sizes) == n and max(sizes) - min(sizes) <= 1 and min(sizes) > 0


def test_neighbouring_articles_land_in_different_folds() -> None:
    # gold files are named by source and topic; neighbours often report the same story
    assert len({fold_of(i, 5) for i in range(5)}) == 5


def test_table_has_one_row_per_policy() -> None:
    rows = [ComparisonRow("rules", 0.75, 0.5, 0.6, 2, 0.68, 0.44),
            ComparisonRow("propose", 0.74, 0.503, 0.6004, 2, 0.689, 0.444)]
    lines = format_table(rows).splitlines()
    assert len(lines) == 4
    assert lines[2] == "| rules | 0.750 | 0.500 | 0.600 | 2 | 0.680 | 0.440 |"
    assert lines[3].startswith("| propose | 0.740 | 0.503 | 0.600 |")


def test_rules_policy_has_no_say_and_the_others_do() -> None:
    assert POLICIES["rules"] == Policy()
    for name, policy in POLICIES.items():
        if name != "rules":
            assert policy != Policy()
