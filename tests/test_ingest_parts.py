"""The small pieces of ingest, one table each: datelines, bylines, credits, decoding, language."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest.dates import parse_date_value, parse_dateline, strip_wire_dateline
from eventwire.ingest.decoding import declared_charset, decode_bytes
from eventwire.ingest.failure import Rejected
from eventwire.ingest.formats import Format, detect_format
from eventwire.ingest.furniture import byline_of, is_boilerplate, is_credit, url_label_of
from eventwire.ingest.language import guess_language
from eventwire.ingest.outlet import outlet_from_url
from eventwire.ingest.rawbytes import binary_kind

D = dt.date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 31, 2019", D(2019, 5, 31)),
        ("31 May 2019", D(2019, 5, 31)),
        ("Friday, May 31, 2019", D(2019, 5, 31)),
        ("2019-05-31", D(2019, 5, 31)),
        ("Sept. 3, 2020", D(2020, 9, 3)),
        ("Published: May 31, 2019 10:32 AM EDT", D(2019, 5, 31)),
        ("Updated May 31, 2019, 3:40 p.m. ET", D(2019, 5, 31)),
        ("May 31, 2019 | Updated June 1, 2019", D(2019, 5, 31)),
        ("Posted on 31st of May 2019 at 14:00 GMT", D(2019, 5, 31)),
        ("31.05.2019", D(2019, 5, 31)),
        ("05/06/2019", None),  # day/month order unknown
        ("February 30, 2019", None),
        ("May 2019", None),
        ("The talks on May 31, 2019", None),
        ("May 31, 2019 Russia rejected the request", None),
        ("", None),
    ],
)
def test_parse_dateline(line: str, expected: D | None) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-04T10:00:00Z", D(2021, 3, 4)),
        ("2021-03-04", D(2021, 3, 4)),
        ("4 March 2021", D(2021, 3, 4)),
        (dt.datetime(2021, 3, 4, 12, 0), D(2021, 3, 4)),
        (None, None),
        (20210304, None),
        ("soon", None),
    ],
)
def test_parse_date_value(value: object, expected: D | None) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("TOKYO, Jan 31 (dpa): The minister met.", "The minister met."),
        ("MOSCOW, Nov. 26 (Reuters) - Russia said.", "Russia said."),
        ("New York [USA], Feb. 20 (ANI): China said.", "China said."),
        ("MOSCOW: Russian officials said.", "Russian officials said."),
        ("Moscow: Russian officials said.", "Moscow: Russian officials said."),
        (
            "On Monday, May 31 (local time) - The army said.",
            "On Monday, May 31 (local time) - The army said.",
        ),
    ],
)
def test_strip_wire_dateline(paragraph: str, expected: str) -> None:
    assert strip_wire_dateline(paragraph) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Bloomberg", ("Bloomberg", [])),
        ("By Jane Doe, Reuters", ("Jane Doe, Reuters", [])),
        ("By Jane Doe and John Roe | May 31, 2019", ("Jane Doe and John Roe", ["May 31, 2019"])),
        ("Written by: Mary O'Neil", ("Mary O'Neil", [])),
        (
            "By Times of Lantara (reference: BBC News)",
            ("Times of Lantara (reference: BBC News)", []),
        ),
        ("By dpa", ("dpa", [])),
        ("By the end of the year, troops had left", None),
        ("By Friday, talks had stalled.", None),
        ("Bypass road closed", None),
    ],
)
def test_byline_of(line: str, expected: tuple[str, list[str]] | None) -> None:
    assert byline_of(line) == expected


@pytest.mark.parametrize(
    ("line", "credit", "boilerplate"),
    [
        ("Vitaly Nevar / TASS", True, False),
        ("REUTERS/Kevin Lamarque", True, False),
        ("(AP Photo/Evan Vucci)", True, False),
        ("Photo by Jane Roe/Getty Images", True, False),
        ("Picture: Soldiers at the border.", True, False),
        ("The photo shows soldiers at the border.", False, False),
        ("Pictures of the damage were shared widely.", False, False),
        ("Advertisement", False, True),
        ("Sign up for our daily newsletter", False, True),
        ("(Reporting by Ann Lee; Editing by Tom Roe)", False, True),
        ("© 2021 Example Media Ltd", False, True),
        ("Sign-up sheets were handed to every voter.", False, False),
        ("Our Standards: The Thomson Reuters Trust Principles.", False, True),
        ("Follow Jane Doe on Twitter", False, True),
        ("Reporting by Tom Balmforth; Editing by Nick Macfie", False, True),
        ("Watch the video of the talks here.", False, False),
    ],
)
def test_credit_and_boilerplate(line: str, credit: bool, boilerplate: bool) -> None:
    assert (is_credit(line), is_boilerplate(line)) == (credit, boilerplate)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Original url:", (True, None)),
        ("Original URL: <https://x.example/a>", (True, "https://x.example/a")),
        ("Source link: https://x.example/b", (True, "https://x.example/b")),
        ("The url was broken", (False, None)),
        ("Original url: see below for details", (False, None)),
    ],
)
def test_url_label_of(line: str, expected: tuple[bool, str | None]) -> None:
    assert url_label_of(line) == expected


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4", "PDF"),
        (b"\x89PNG\r\n\x1a\nrest", "PNG"),
        (b"GIF89a", "GIF"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"text\x00with nul", "binary"),
        (b"MZ is a plain word here", None),
        ("utf-16 text".encode("utf-16"), None),
        (b"plain text", None),
    ],
)
def test_binary_kind(data: bytes, kind: str | None) -> None:
    assert binary_kind(data) == kind


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Der Außenminister äußerte sich über die Lage.", "latin-1"),
        ("Minister powiedział, że rząd będzie współpracować z sąsiadami.", "cp1250"),
        ("Министр обороны подал в отставку в четверг после протестов.", "cp1251"),
        ("Министр обороны подал в отставку. Президент России Владимир Путин заявил.", "koi8_r"),
        ("Ο πρωθυπουργός της Ελλάδας δήλωσε ότι η κυβέρνηση θα συνεχίσει.", "cp1253"),
    ],
)
def test_decode_legacy_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_decode_mostly_utf8_with_a_stray_cp1252_byte() -> None:
    data = "The minister’s “final” offer — rejected.".encode() + b" It wasn\x92t accepted."
    assert decode_bytes(data) == "The minister’s “final” offer — rejected. It wasn’t accepted."


def test_decode_prefers_declared_charset() -> None:
    page = '<meta charset="iso-8859-7"><p>Ο πρωθυπουργός δήλωσε</p>'.encode("iso-8859-7")
    assert declared_charset(page) == "iso8859-7"
    assert "πρωθυπουργός" in decode_bytes(page, declared_charset(page))


def test_decode_rejects_noise() -> None:
    with pytest.raises(Rejected, match="cannot decode text"):
        decode_bytes(bytes(range(0x80, 0x100)) * 3)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The minister said on Tuesday that the government would send a delegation to the talks.",
            "english",
        ),
        (
            "Le ministre a déclaré mardi que le gouvernement enverrait une délégation aux discussions.",
            "french",
        ),
        (
            (
                "O ministro disse na terça-feira que o governo enviará uma delegação para as negociações "
                "com os vizinhos."
            ),
            "portuguese",
        ),
        (
            (
                "Il ministro ha detto martedì che il governo invierà una delegazione ai colloqui con la "
                "Russia."
            ),
            "italian",
        ),
        (
            (
                "De minister zei dinsdag dat de regering een delegatie naar de gesprekken zal sturen en "
                "dat het goed is."
            ),
            "dutch",
        ),
        ("外交部长周二表示，政府将派代表团参加会谈。", "Chinese or Japanese"),
        ("Troops withdrew on Monday.", None),  # too short to judge
        (
            (
                "Minister spraw zagranicznych Polski powiedział w poniedziałek, że rząd będzie "
                "współpracować z sąsiadami w sprawie granicy i bezpieczeństwa regionu oraz handlu."
            ),
            "unknown",
        ),
    ],
)
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", "Plain words.", Format.TEXT),
        ("a.md", "# Title", Format.TEXT),
        ("a.htm", "anything", Format.HTML),
        ("a.txt", "<!DOCTYPE html><html><body><p>x</p>", Format.HTML),
        ("a.txt", "\n  <html lang='en'>", Format.HTML),
        (
            "a.md",
            "A sentence with one <br> tag in a long paragraph of ordinary prose text.",
            Format.TEXT,
        ),
        ("a.ndjson", "", Format.JSONL),
        ("a.json", "{}", Format.JSON),
        ("a.data", '{"text": "x", "title": null}\n', Format.JSONL),
        ("a.data", "{not json", Format.TEXT),
    ],
)
def test_detect_format(name: str, head: str, expected: Format) -> None:
    from pathlib import Path

    assert detect_format(Path(name), head) is expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.reuters.com/world/europe/story", "Reuters"),
        ("https://edition.cnn.com/2020/01/01/story", "CNN"),
        ("https://www.bbc.co.uk/news/world-1", "BBC News"),
        ("https://www.example-news.org/2020/story", "example-news.org"),
        ("https://m.example.org/a", "example.org"),
        ("https://www3.example.or.jp/news/1", "example.or.jp"),
        ("#", None),
        ("http://localhost/a", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet
