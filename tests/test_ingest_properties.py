"""Properties of cleaning that must hold for any input, not just the hand-written fixtures."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest.decoding import decode_bytes
from eventwire.ingest.failure import Rejected
from eventwire.ingest.textclean import clean_text

# Lines mixing prose with every kind of furniture the cleaner knows about.
LINES = st.sampled_from(
    [
        "",
        "# Headline of the day",
        "### Sub-heading",
        "By [Some Agency](#)",
        "May 31, 2019",
        "**Photographer / AGENCY**",
        "Photo: a caption here",
        "---",
        "Original url:",
        "<https://example.org/story>",
        "The minister said the talks would resume next week.",
        "rebels said they were ready to",
        "negotiate without conditions.",
        "- a bullet item",
        "> a quoted line",
        "| a | b |",
        "“We will respond,” the spokesman said.",
    ]
)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(LINES, max_size=25), st.text(max_size=200))
def test_clean_text_invariants(lines: list[str], noise: str) -> None:
    cleaned = clean_text("\n".join(lines) + "\n" + noise)
    text = cleaned.text
    assert text == text.strip()
    assert "\n\n\n" not in text
    for paragraph in text.split("\n\n") if text else []:
        assert paragraph and paragraph == paragraph.strip()
        assert "\n" not in paragraph and "  " not in paragraph and "\t" not in paragraph
    for furniture in ("Original url", "](#)", "**", "###", "Photographer / AGENCY"):
        assert furniture not in text


@SETTINGS
@given(st.lists(LINES, max_size=25))
def test_clean_text_is_deterministic(lines: list[str]) -> None:
    raw = "\n\n".join(lines)
    assert clean_text(raw) == clean_text(raw)


@SETTINGS
@given(st.binary(max_size=300))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except Rejected as exc:
        assert exc.reason.startswith("cannot decode text")
    else:
        assert isinstance(text, str)
