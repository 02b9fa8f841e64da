"""The same HTML page read many times in one process keeps its text every time (wire copies)."""

from __future__ import annotations

from pathlib import Path

from eventwire.ingest import IngestFailure, read_path

PAGE = """<html><head><title>Envoys meet in Geneva</title></head><body><article>
<h1>Envoys meet in Geneva</h1>
<p>Russian and American envoys met in Geneva on Monday for talks on arms control, officials said.</p>
<p>The two delegations agreed to meet again next month, according to a joint statement released
after the talks ended late in the evening.</p>
<p>Neither side gave details of the proposals discussed during the eight hours of negotiations.</p>
</article></body></html>"""


def test_identical_pages_all_yield_articles(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"copy{i}.html").write_text(PAGE, encoding="utf-8")
    items = list(read_path(tmp_path))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert failures == []
    assert len(items) == 6
    assert len({a.id for a in items if not isinstance(a, IngestFailure)}) == 1
