"""WARC archives written in the test with warcio's writer: HTML responses become articles,
everything else is skipped, the target URI and WARC-Date fill url and published."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import IngestFailure, read_path
from eventwire.ingest.warc import warc_records
from eventwire.model import Article

PARAGRAPHS = (
    "The defence ministers of two neighbouring countries met on the border on Monday to discuss "
    + "the withdrawal of troops from the disputed valley, according to a statement.",
    "Both sides agreed to set up a joint commission that will meet every month, the statement "
    + "said, adding that talks on a wider settlement would resume in the spring.",
    "Opposition politicians in both capitals criticised the agreement as too vague, while "
    + "residents of the valley said they hoped the soldiers would leave before the harvest.",
)


def page(title: str, date_meta: str | None = None) -> bytes:
    """An article page; its paragraphs are unique to the call, because trafilatura drops text
    it has already seen several times in the process (its ``deduplicate`` option)."""
    meta = f'<meta property="article:published_time" content="{date_meta}">' if date_meta else ""
    serial = uuid.uuid4().hex[:8]
    body = "".join(f"<p>{p} (Report {serial}.)</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{meta}"
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}"
            f"</article><footer>Copyright</footer></body></html>").encode()


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> None:
    """records: (type, uri, content type, payload)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for rec_type, uri, content_type, payload in records:
            if rec_type == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                        protocol="HTTP/1.1")
            elif rec_type == "request":
                http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.org")],
                                        is_http_request=True)
            else:
                http = None
            record = writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                warc_content_type=None if http else content_type,
                warc_headers_dict={"WARC-Date": "2021-03-04T10:00:00Z"},
            )
            writer.write_record(record)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        ("request", "https://news.example.org/a", "", b""),
        ("response", "https://news.example.org/a", "text/html; charset=utf-8",
         page("Ministers agree on troop withdrawal")),
        ("response", "https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("response", "https://news.example.org/robots.txt", "text/plain", b"User-agent: *"),
        ("response", "https://news.example.org/b", "text/html",
         page("Valley commission to meet monthly", "2021-02-27T08:00:00Z")),
        ("response", "https://news.example.org/nav", "text/html", b"<html><body>Menu</body></html>"),
    ])
    return path


def test_html_responses_become_articles(archive: Path) -> None:
    items = list(read_path(archive))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.url for a in articles] == ["https://news.example.org/a",
                                         "https://news.example.org/b"]
    assert [a.title for a in articles] == ["Ministers agree on troop withdrawal",
                                           "Valley commission to meet monthly"]
    # The fetch date stands in only when the page gives none.
    assert [a.published for a in articles] == [dt.date(2021, 3, 4), dt.date(2021, 2, 27)]
    assert all(a.text.startswith("The defence ministers") for a in articles)
    assert all(a.source_path and a.source_path.startswith(f"{archive}@") for a in articles)
    assert [f.reason for f in failures] == ["no article text found"]


def test_uncompressed_archive(tmp_path: Path) -> None:
    path = tmp_path / "one.warc"
    write_warc(path, [("response", "https://x.example/1", "text/html", page("One"))], gzip=False)
    (article,) = read_path(path)
    assert isinstance(article, Article) and article.url == "https://x.example/1"


def test_record_over_the_limit_fails_alone(archive: Path) -> None:
    records = list(warc_records(archive, limit=500))
    assert len(records) == 3
    assert all(r.failure and "too large" in r.failure for r in records[:2])
    assert records[2].failure == "no article text found"


@pytest.mark.parametrize(("cut", "kept"), [(60, 2), (300, 2), (700, 1)])
def test_damaged_archive_keeps_the_records_before_the_damage(
    archive: Path, cut: int, kept: int
) -> None:
    broken = archive.with_name("broken.warc.gz")
    data = archive.read_bytes()
    broken.write_bytes(data[: len(data) - cut])
    items = list(read_path(broken))
    assert sum(isinstance(i, Article) for i in items) == kept
    assert isinstance(items[-1], IngestFailure)
    assert items[-1].reason.startswith("damaged WARC archive")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("missing.warc.gz", None, "no such file"),
    ("text.warc", b"this is not an archive\n", "not a readable WARC archive"),
])
def test_unreadable_archives(tmp_path: Path, name: str, content: bytes | None,
                             reason: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    (failure,) = read_path(path)
    assert isinstance(failure, IngestFailure) and failure.reason.startswith(reason)


def test_progress_estimate_counts_html_responses(archive: Path) -> None:
    from eventwire.scale.progress import estimate_articles

    assert estimate_articles([archive]) == 3
