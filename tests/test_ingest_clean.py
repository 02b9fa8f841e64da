"""Cleaning of text/Markdown article bodies: table-driven, on hand-written inputs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire.ingest.textclean import clean_text

DATA = Path(__file__).parent / "data" / "ingest"

BODY = "The army said it had withdrawn its troops from the border area on Monday."
BODY2 = "Officials in the capital welcomed the move and called for talks."

_UNSET = object()


@dataclass(frozen=True)
class Case:
    name: str
    raw: str
    text: str
    title: object = _UNSET
    byline: object = _UNSET
    published: object = _UNSET
    url: object = _UNSET


CASES = [
    Case("heading is title", f"# Troops withdraw\n\n{BODY}", BODY, title="Troops withdraw"),
    Case(
        "byline link keeps its text",
        f"# T\n\nBy [Example Wire](#)\n\n{BODY}",
        BODY,
        byline="Example Wire",
    ),
    Case(
        "section label above the headline",
        f"World News\n\n# Troops withdraw\n\nBy Jane Doe\n\n{BODY}",
        BODY,
        title="Troops withdraw",
        byline="Jane Doe",
    ),
    Case(
        "dateline only date",
        f"# T\n\nJune 3, 2020\n\n{BODY}",
        BODY,
        published=dt.date(2020, 6, 3),
    ),
    Case(
        "prefixed dateline with time",
        f"# T\n\nUpdated: 3 June 2020 14:05 GMT\n\n{BODY}",
        BODY,
        published=dt.date(2020, 6, 3),
    ),
    Case(
        "byline and date on adjacent lines",
        f"# T\nBy Jane Doe and John Roe\nWednesday, June 3, 2020\n\n{BODY}",
        BODY,
        byline="Jane Doe and John Roe",
        published=dt.date(2020, 6, 3),
    ),
    Case("bold credit line", f"# T\n\n**Anna Berg / AFP**\n\n{BODY}", BODY),
    Case(
        "plain agency credit", f"{BODY}\n\nREUTERS/Kevin Lamarque\n\n{BODY2}", f"{BODY}\n\n{BODY2}"
    ),
    Case(
        "photo caption",
        f"{BODY}\n\nPhoto: Soldiers leave the base. (AP)\n\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
    ),
    Case("image credit", f"{BODY}\n\nImage credit: Getty Images\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
    Case("markdown image", f"![troops](https://x.example/t.jpg)\n\n{BODY}", BODY),
    Case("sub-heading", f"{BODY}\n\n### **Talks ahead**\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
    Case("horizontal rules", f"{BODY}\n\n---\n\n* * *\n\n___\n\n{BODY2}", f"{BODY}\n\n{BODY2}"),
    Case(
        "links keep text",
        "The [defence ministry](https://x.example/mod) said [it](#) would respond to the attack.",
        "The defence ministry said it would respond to the attack.",
    ),
    Case(
        "emphasis removed",
        "The minister called it a **grave** and *deliberate* __provocation__ by the rebels.",
        "The minister called it a grave and deliberate provocation by the rebels.",
    ),
    Case(
        "snake_case and arithmetic untouched",
        "The file_name field held 2*3 items today.",
        "The file_name field held 2*3 items today.",
    ),
    Case(
        "original url trailer on next line",
        f"{BODY}\n\nOriginal url:\n\n<https://news.example/a-1>",
        BODY,
        url="https://news.example/a-1",
    ),
    Case(
        "original url on the same line",
        f"{BODY}\n\nOriginal URL: https://news.example/a-2",
        BODY,
        url="https://news.example/a-2",
    ),
    Case(
        "original url inside a markdown link",
        f"{BODY}\n\nOriginal url: [read the story](https://news.example/a-3)",
        BODY,
        url="https://news.example/a-3",
    ),
    Case(
        "markdown table dropped",
        "| Country | Troops |\n|---|---:|\n| Ruritania | 300 |\n\nNo one was hurt in the clash.",
        "No one was hurt in the clash.",
        title=None,
    ),
    Case(
        "sentence broken by blank line is rejoined",
        "Rebels agreed to hand over their\n\nweapons by the end of the month.",
        "Rebels agreed to hand over their weapons by the end of the month.",
    ),
    Case(
        "sentence broken around a photo credit is rejoined",
        "The army said it would hand the\n\n**Anna Berg / AFP**\n\nbase to the police on Monday.",
        "The army said it would hand the base to the police on Monday.",
    ),
    Case(
        "break after a dangling article before a name",
        "The talks were hosted by the\n\nAfrican Union in the capital.",
        "The talks were hosted by the African Union in the capital.",
    ),
    Case(
        "finished paragraphs stay apart",
        f"{BODY}\n\nofficials said nothing else.",
        f"{BODY}\n\nofficials said nothing else.",
    ),
    Case(
        "whitespace collapsed inside paragraph",
        "The   army\tsaid it\nhad left\u00a0the town.\n\n\n\nNo one was hurt.",
        "The army said it had left the town.\n\nNo one was hurt.",
    ),
    Case(
        "boilerplate lines",
        f"{BODY}\n\nAdvertisement\n\nContinue reading the main story\n\n{BODY2}\n\n"
        "(Reporting by Ann Lee; Editing by Tom Roe)",
        f"{BODY}\n\n{BODY2}",
    ),
    Case(
        "bullets become paragraphs",
        "The deal includes:\n\n- a ceasefire in the north\n- an exchange of prisoners",
        "The deal includes:\n\na ceasefire in the north\n\nan exchange of prisoners",
    ),
    Case(
        "list stays apart after a dropped label",
        f"{BODY}\n\nSection label\n\nThe deal includes:\n\n- a ceasefire\n- a prisoner swap",
        f"{BODY}\n\nThe deal includes:\n\na ceasefire\n\na prisoner swap",
    ),
    Case("blockquote markers", f"> {BODY}", BODY),
    Case(
        "plain-text first line is title",
        f"Ceasefire holds in the north\n\n{BODY}\n\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
        title="Ceasefire holds in the north",
    ),
    Case(
        "sentence first paragraph is not a title",
        f"{BODY}\n\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
        title=None,
    ),
    Case(
        "byline-like sentence in body is kept",
        f"{BODY}\n\nBy Friday, the last soldiers had left the town.",
        f"{BODY}\n\nBy Friday, the last soldiers had left the town.",
        byline=None,
    ),
    Case(
        "wire dateline with date and agency",
        "GENEVA, March 3 (Reuters) - Envoys met for a second day of talks.",
        "Envoys met for a second day of talks.",
    ),
    Case(
        "bare capitalised city dateline dropped",
        "GENEVA - Envoys met for a second day of talks.",
        "Envoys met for a second day of talks.",
    ),
    Case(
        "city in ordinary case is prose, kept",
        "Geneva - a city of talks - hosted envoys again.",
        "Geneva - a city of talks - hosted envoys again.",
    ),
    Case(
        "html entities and escapes",
        "AT&amp;T said the \\*final\\* offer was rejected.",
        "AT&T said the *final* offer was rejected.",
    ),
    Case(
        "unmarked sub-heading and caption lines dropped",
        f"{BODY}\n\nA long road to peace\n\n{BODY2}\n\nFile picture of the border crossing",
        f"{BODY}\n\n{BODY2}",
    ),
    Case(
        "short sentences and questions are kept",
        f"{BODY}\n\nNobody was hurt.\n\nWhat comes next?\n\n{BODY2}",
        f"{BODY}\n\nNobody was hurt.\n\nWhat comes next?\n\n{BODY2}",
    ),
    Case(
        "rule under a sentence is not a heading",
        f"{BODY}\n---\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
        title=None,
    ),
    Case(
        "setext title",
        f"Border reopens\n==============\n\n{BODY}",
        BODY,
        title="Border reopens",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_clean_text(case: Case) -> None:
    cleaned = clean_text(case.raw)
    assert cleaned.text == case.text
    for field in ("title", "byline", "published", "url"):
        expected = getattr(case, field)
        if expected is not _UNSET:
            assert getattr(cleaned, field) == expected, field


def test_sub_heading_after_body_is_not_title() -> None:
    cleaned = clean_text(f"{BODY}\n\n## Reactions\n\n{BODY2}")
    assert cleaned.title is None
    assert "Reactions" not in cleaned.text


def test_known_title_drops_heading() -> None:
    cleaned = clean_text(f"# Heading\n\n{BODY}", find_title=False)
    assert cleaned.title is None
    assert cleaned.text == BODY


@pytest.mark.parametrize(
    ("name", "title", "byline", "published", "url", "absent", "present"),
    [
        (
            "markdown_furniture.md",
            "Ruritania and Borduria Sign Border Accord After Decade of Talks",
            "Maria Lopez",
            dt.date(2021, 3, 12),
            "https://example.org/2021/03/12/border-accord",
            [
                "Photo:",
                "EFE",
                "A long road",
                "Related",
                "Original URL",
                "](",
                "**",
                "_historic_",
                "Published",
                "---",
            ],
            [
                "joint commission, the two sides said",
                "Borduria accused Ruritania of",
                '"This is a historic day',
            ],
        ),
        (
            "plain_wrapped.txt",
            "Aid convoy reaches besieged northern city",
            "Staff Reporter",
            dt.date(2021, 1, 4),
            None,
            ["Advertisement", "Image credit", "Reporting by", "Staff Reporter", "2021"],
            ["the besieged city of Karsk on Sunday", "planned for the coming weeks"],
        ),
        (
            "frontmatter_setext.md",
            "Coastal states agree joint patrols against piracy",
            "Lee Chen",
            dt.date(2020, 11, 5),
            "https://news.example.com/piracy-patrols",
            ["title:", "===", "Lee Chen", "* * *", "Key measures", "Share this", "- Ships"],
            ["Ships of the five navies", "\n\nSeized vessels"],
        ),
    ],
)
def test_fixture_files(
    name: str,
    title: str,
    byline: str,
    published: dt.date,
    url: str | None,
    absent: list[str],
    present: list[str],
) -> None:
    cleaned = clean_text((DATA / name).read_text(encoding="utf-8"))
    assert (cleaned.title, cleaned.byline, cleaned.published, cleaned.url) == (
        title,
        byline,
        published,
        url,
    )
    for furniture in absent:
        assert furniture not in cleaned.text, furniture
    for words in present:
        assert words in cleaned.text, words
    assert "\n\n\n" not in cleaned.text
    assert all(p == p.strip() and "  " not in p for p in cleaned.text.split("\n\n"))
