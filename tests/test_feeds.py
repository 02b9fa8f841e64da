"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files written by hand: one article per item with text."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from eventwire.ingest import IngestFailure, read_path
from eventwire.ingest.feeds import fragment_text
from eventwire.ingest.formats import Format, detect_format
from eventwire.model import Article

FIRST = ("Negotiators from both parties resumed talks in Geneva on Thursday after a pause of "
         "three weeks, a spokesman for the mediators said.")
SECOND = ("The talks are expected to focus on prisoner exchanges and the reopening of two border "
          "crossings closed since the spring.")


def _unique(text: str) -> str:
    # Distinct texts per test: articles are keyed by content hash.
    return f"{text} Ref {uuid.uuid4().hex[:6]}."


def rss(items: str, encoding: str = "utf-8") -> bytes:
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>World news</title><link>https://news.example.org/</link>{items}"
            "</channel></rss>").encode(encoding)


def test_rss_items_with_full_content_or_summary(tmp_path: Path) -> None:
    full, summary = _unique(FIRST), _unique(SECOND)
    path = tmp_path / "world.rss"
    path.write_bytes(rss(
        "<item><title>Talks resume in Geneva</title>"
        "<link>https://news.example.org/talks</link>"
        "<pubDate>Thu, 04 Mar 2021 09:30:00 GMT</pubDate>"
        "<description>Teaser only.</description>"
        f"<content:encoded><![CDATA[<p>{full}</p><p>{SECOND}</p>"
        "<script>track()</script>]]></content:encoded></item>"
        "<item><title>Crossings on the agenda</title>"
        "<link>https://news.example.org/crossings</link>"
        "<pubDate>Fri, 05 Mar 2021 23:10:00 +0000</pubDate>"
        f"<description>&lt;p&gt;{summary}&lt;/p&gt;</description></item>"
        "<item><title>Photo gallery</title><link>https://news.example.org/photos</link></item>"
    ))
    items = list(read_path(path))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["Talks resume in Geneva", "Crossings on the agenda"]
    assert [a.url for a in articles] == ["https://news.example.org/talks",
                                         "https://news.example.org/crossings"]
    assert [a.published for a in articles] == [dt.date(2021, 3, 4), dt.date(2021, 3, 5)]
    assert articles[0].text == f"{full}\n\n{SECOND}"
    assert articles[1].text == summary
    assert [a.source_path for a in articles] == [f"{path}#1", f"{path}#2"]
    (failure,) = [i for i in items if isinstance(i, IngestFailure)]
    assert failure == IngestFailure(f"{path}#3", "feed item without content or summary")


def test_atom_entries(tmp_path: Path) -> None:
    body = _unique(FIRST)
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Geneva talks</title>"
        '<link rel="alternate" href="https://wire.example.com/geneva"/>'
        "<id>urn:uuid:1</id><updated>2021-03-06T10:00:00Z</updated>"
        "<published>2021-03-04T08:00:00Z</published>"
        "<author><name>A. Reporter</name></author>"
        f'<content type="html">&lt;p&gt;{body}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</content>'
        "</entry></feed>",
        encoding="utf-8",
    )
    (article,) = read_path(path)
    assert isinstance(article, Article)
    assert (article.title, article.url, article.published, article.byline) == (
        "Geneva talks", "https://wire.example.com/geneva", dt.date(2021, 3, 4), "A. Reporter")
    assert article.text == f"{body}\n\n{SECOND}"


def test_feed_in_a_legacy_encoding(tmp_path: Path) -> None:
    body = _unique("Le ministre a déclaré que les négociations reprendraient. " + FIRST)
    path = tmp_path / "latin.rss"
    path.write_bytes(rss(f"<item><title>Café talks</title><description>{body}</description>"
                         "</item>", encoding="iso-8859-1"))
    (article,) = read_path(path)
    assert isinstance(article, Article) and article.title == "Café talks"
    assert "déclaré" in article.text


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("a.xml", '<?xml version="1.0"?>\n<rss version="2.0">', Format.FEED),
    ("a.xml", '<?xml version="1.0"?><!-- x --><feed xmlns="http://www.w3.org/2005/Atom">',
     Format.FEED),
    ("a.xml", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', Format.FEED),
    ("a.atom", "anything", Format.FEED),
    ("a.xml", '<?xml version="1.0"?><html><body>', Format.HTML),
    ("a.txt", "The feed was broken, he said.", Format.TEXT),
])
def test_feed_detection(name: str, head: str, expected: Format) -> None:
    assert detect_format(Path(name), head) is expected


@pytest.mark.parametrize(("fragment", "text"), [
    ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
    ("First line<br>second line", "First line\nsecond line"),
    ("<div>A <b>bold</b>\n  move.</div><ul><li>x</li><li>y</li></ul>", "A bold move.\n\nx\n\ny"),
    ("<p>Kept.</p><script>drop()</script><style>p{}</style>", "Kept."),
    ("plain words", "plain words"),
])
def test_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment) == text


@pytest.mark.parametrize(("content", "reason"), [
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
     "feed without items"),
    (b"<rss><channel><item><title>unclosed", "feed item without content or summary"),
])
def test_feeds_without_articles(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.rss"
    path.write_bytes(content)
    failures = list(read_path(path))
    assert [f.reason for f in failures if isinstance(f, IngestFailure)] == [reason]


def test_progress_estimate_counts_items(tmp_path: Path) -> None:
    from eventwire.scale.progress import estimate_articles

    path = tmp_path / "f.rss"
    path.write_bytes(rss("<item><title>a</title></item><item ><title>b</title></item>"))
    assert estimate_articles([path]) == 2
