"""Wire datelines opening a story are furniture; ordinary sentence openings are not."""

from __future__ import annotations

import pytest

from eventwire.ingest.dates import strip_wire_dateline

CASES = [
    ("MOSCOW (Reuters) - Russia expelled two diplomats.", "Russia expelled two diplomats."),
    ("MOSCOW -- Russia expelled two diplomats.", "Russia expelled two diplomats."),
    ("KABUL, Afghanistan (AP) — The Taliban met envoys.", "The Taliban met envoys."),
    ("LONDON: (DNA) – British Foreign Secretary Jeremy Hunt arrived.",
     "British Foreign Secretary Jeremy Hunt arrived."),
    ("LA PAZ: Bolivia's interim president spoke.", "Bolivia's interim president spoke."),
    ("WASHINGTON — The State Department said.", "The State Department said."),
    ("TOKYO, Jan 31 (dpa): Japan and NATO agreed.", "Japan and NATO agreed."),
    # not datelines
    ("Moscow - the capital - was quiet.", "Moscow - the capital - was quiet."),
    ("NATO leaders met in Brussels.", "NATO leaders met in Brussels."),
    ("US officials said the talks failed.", "US officials said the talks failed."),
    ("On Monday - a holiday - nothing happened.", "On Monday - a holiday - nothing happened."),
    ("UN: a statement followed.", "UN: a statement followed."),
    ("EU: The bloc agreed.", "EU: The bloc agreed."),
]


@pytest.mark.parametrize(("paragraph", "expected"), CASES)
def test_strip_wire_dateline(paragraph: str, expected: str) -> None:
    assert strip_wire_dateline(paragraph) == expected
