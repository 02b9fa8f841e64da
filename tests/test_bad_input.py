"""Hostile and broken inputs, one row each: every bad input gets a one-line reason naming it, and
the rest of the batch is coded and stored (`eventwire code` with many files, `eventwire ingest`
of a folder). Issue 9."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventwire import cli
from eventwire.errors import InputError
from eventwire.ingest import IngestFailure, article_from_string, read_path
from eventwire.ingest.decoding import decode_bytes
from eventwire.ingest.runon import MAX_SENTENCE_WORDS, longest_run
from eventwire.model import Article
from test_fuzz_support import schema_errors, span_errors

ENGLISH = (
    "Britain expelled {n} Russian diplomats on Wednesday after the prime minister blamed Russia "
    "for the nerve agent attack. Moscow denied any involvement and said it would retaliate "
    "against the British government within days."
)
RUSSIAN = (
    "Министр иностранных дел России заявил, что Москва ответит на высылку дипломатов. Он сказал, "
    "что это решение было принято без каких-либо доказательств."
)
FRENCH = (
    "Le président de la République a annoncé mercredi que le gouvernement allait expulser des "
    "diplomates russes après l'attaque. Moscou a démenti toute implication et a dit qu'elle "
    "allait riposter."
)
CHINESE = (
    "英国周三驱逐了23名俄罗斯外交官，此前首相指责俄罗斯应对神经毒剂袭击负责。"
    "莫斯科否认参与，并表示将进行报复。"
)
ARABIC = (
    "طردت بريطانيا يوم الأربعاء 23 دبلوماسيا روسيا بعد أن حملت رئيسة الوزراء روسيا مسؤولية "
    "الهجوم بغاز الأعصاب. ونفت موسكو أي تورط وقالت إنها سترد."
)
LATIN1 = "The café owner in Zürich told reporters the señor had protested. " + ENGLISH.format(n=4)
CYRILLIC_NAMES = (
    "Foreign Minister Sergei Lavrov (Сергей Лавров) said on Monday that Moscow would answer the "
    "expulsion of its diplomats. Лавров told reporters the decision was taken without evidence "
    "and that Russia would respond in kind."
)


def english(n: int) -> str:
    return ENGLISH.format(n=n)


def html_page(body: str, charset: str = "utf-8", title: str = "Diplomats expelled") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p>"
            f"<p>{body} Officials declined to comment further.</p></article></body></html>")


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", english(9))
    return buffer.getvalue()


def jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@dataclass(frozen=True)
class Row:
    """One input file. ``refused`` is a regex the failure reason must match; ``kept`` are
    substrings the article text(s) must contain, ``published`` their publication date."""

    name: str
    content: Callable[[], bytes]
    refused: str | None = None
    kept: tuple[str, ...] = ()
    failures: int = 1
    articles: int = 0
    published: str | None = None


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)
    return make


ROWS = [
    Row("empty.txt", lambda: b"", refused=r"^empty file$"),
    Row("whitespace.txt", lambda: b"  \n\t \r\n   \n", refused=r"^empty file$"),
    Row("report.pdf", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
        refused=r"binary file \(PDF\)"),
    Row("chart.png", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", refused=r"PNG"),
    # A misleading suffix: the bytes decide.
    Row("photo.txt", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", refused=r"JPEG"),
    Row("bundle.html", zip_bytes, refused=r"ZIP"),
    Row("stray-bytes.txt", lambda: b"Sources said \xff\xfe the talks went on. " +
        english(11).encode(), kept=("Britain expelled 11 Russian diplomats",), failures=0,
        articles=1),
    Row("latin1.txt", lambda: LATIN1.encode("latin-1"),
        kept=("café owner in Zürich", "señor"), failures=0, articles=1),
    Row("latin1-declared.html", lambda: html_page(LATIN1, "iso-8859-1").encode("latin-1"),
        kept=("café owner in Zürich",), failures=0, articles=1),
    Row("cp1251-declared.html",
        lambda: html_page(CYRILLIC_NAMES, "windows-1251").encode("cp1251"),
        kept=("Сергей Лавров", "Лавров told reporters"), failures=0, articles=1),
    Row("cp1251-undeclared.txt", lambda: CYRILLIC_NAMES.encode("cp1251"),
        kept=("Сергей Лавров",), failures=0, articles=1),
    Row("russian-cp1251.txt", lambda: RUSSIAN.encode("cp1251"), refused=r"not English"),
    Row("no-article.html", lambda: b"<html><head><title>Home</title></head><body><nav>"
        b"<a href='/'>Home</a> <a href='/about'>About</a></nav></body></html>",
        refused=r"no article text"),
    Row("french.txt", lambda: FRENCH.encode(), refused=r"not English \(looks like French\)"),
    Row("russian.txt", lambda: RUSSIAN.encode(), refused=r"not English \(looks like Cyrillic"),
    # Chinese is refused, but as "no article text" today: the text cleaner drops it first.
    Row("chinese.txt", lambda: CHINESE.encode(), refused=r"not English|no article text"),
    Row("arabic.txt", lambda: ARABIC.encode(), refused=r"not English \(looks like Arabic"),
    Row("mixed.jsonl", lambda: jsonl(json.dumps({"text": english(12)}), "{not json",
                                     json.dumps({"text": english(13)})),
        refused=r"invalid JSON", kept=("12 Russian", "13 Russian"), articles=2),
    Row("bad-date.jsonl", lambda: jsonl(json.dumps({"text": english(14), "date": "not a date"})),
        kept=("14 Russian",), failures=0, articles=1),
    Row("february-30.txt", lambda: f"LONDON, February 30, 2019\n\n{english(15)}".encode(),
        kept=("15 Russian",), failures=0, articles=1),
]


def _write(tmp: Path, row: Row) -> Path:
    path = tmp / row.name
    path.write_bytes(row.content())
    return path


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_reader_row(tmp_path: Path, row: Row) -> None:
    items = list(read_path(_write(tmp_path, row)))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    articles = [i for i in items if isinstance(i, Article)]
    assert (len(failures), len(articles)) == (row.failures, row.articles), items
    for failure in failures:
        assert failure.source.startswith(str(tmp_path / row.name))
        assert row.refused is not None and re.search(row.refused, failure.reason), failure
        assert "\n" not in str(failure)
    text = "\n".join(a.text for a in articles)
    for needle in row.kept:
        assert needle in text
    assert all(a.published is None for a in articles) or row.published is not None


def run_on(words: int) -> str:
    """One "sentence" of ``words`` words and no punctuation, as a keyword dump would be."""
    vocabulary = ("government", "talks", "army", "police", "protest", "president", "Russia",
                  "Britain", "met", "with", "and", "the", "of", "condemned", "city")
    return " ".join(vocabulary[(i * 7) % len(vocabulary)] for i in range(words))


@pytest.mark.parametrize("text, words", [
    ("", 0), ("One. Two three! Four five six?", 3), ("a b\nc d e", 3),
    ("英国周三驱逐了。莫斯科否认参与", 1), ("no end at all here", 5),
])
def test_longest_run(text: str, words: int) -> None:
    assert longest_run(text) == words


def test_a_20000_word_sentence_is_refused_from_a_string() -> None:
    with pytest.raises(InputError, match=r"^posted: a sentence of 20000 words without "
                                         rf"punctuation \(limit {MAX_SENTENCE_WORDS}\): "
                                         r"not article prose$"):
        article_from_string(run_on(20_000), source="posted")
    assert article_from_string(run_on(MAX_SENTENCE_WORDS) + ".").text


def test_a_20000_word_sentence_is_refused_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "run-on.txt"
    path.write_text(run_on(20_000), encoding="utf-8")
    (failure,) = list(read_path(path))
    assert isinstance(failure, IngestFailure) and "without punctuation" in failure.reason


def test_a_2000_word_sentence_is_coded(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(run_on(2000) + ".", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["code", str(path)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert schema_errors(record) == [] and span_errors(record) == []


@pytest.mark.parametrize("text, reason", [
    (FRENCH, "not English (looks like French)"),
    (RUSSIAN, "not English (looks like Cyrillic script)"),
    (CHINESE, "not English (looks like Chinese or Japanese)"),
    (ARABIC, "not English (looks like Arabic script)"),
    (" \n\t ", "empty input"),
    ("Russia\x00condemned", "binary content (NUL characters)"),
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
])
def test_article_from_string_refuses(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        article_from_string(text, source="posted")
    assert str(caught.value) == f"posted: {reason}"


def test_cp1251_bytes_decode_to_the_original_text() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), None) == RUSSIAN
    assert decode_bytes(RUSSIAN.encode("cp1251"), "cp1251") == RUSSIAN


def test_truncated_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    from test_warc import page, write_warc

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [("response", f"https://news.example.org/{i}", "text/html",
                          page(f"Story {i}")) for i in range(3)])
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 100])  # the last gzip member loses its tail
    items = list(read_path(archive))
    assert sum(isinstance(i, Article) for i in items) == 2
    (failure,) = [i for i in items if isinstance(i, IngestFailure)]
    assert failure.reason.startswith("damaged WARC archive")


def test_warc_record_without_payload_is_one_failure(tmp_path: Path) -> None:
    from test_warc import page, write_warc

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [("response", "https://news.example.org/empty", "text/html", b""),
                         ("response", "https://news.example.org/full", "text/html",
                          page("A full story"))])
    items = list(read_path(archive))
    assert [type(i).__name__ for i in items] == ["IngestFailure", "Article"]
    assert str(items[0]).startswith(f"{archive}@")


_PEAK_RSS = textwrap.dedent("""
    import resource, sys
    from eventwire.ingest import read_path
    items = list(read_path(sys.argv[1]))
    print(items[0].reason if items and hasattr(items[0], "reason") else "read")
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux
""")


def _peak(path: Path) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-c", _PEAK_RSS, str(path)], capture_output=True,
                          text=True, check=True)
    reason, kib = done.stdout.split("\n")[:2]
    return reason, int(kib)


def test_50_mb_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    big, small = tmp_path / "huge.html", tmp_path / "small.txt"
    _sparse(50_000_000)(big)
    small.write_text(english(16), encoding="utf-8")
    reason, big_kib = _peak(big)
    _, small_kib = _peak(small)
    assert reason == "file too large (50 MB > 10 MB limit)"
    # Reading the page would add 50 MB at least; allow noise between two interpreter runs.
    assert big_kib - small_kib < 10_000


# --- the command line: several inputs, some bad ------------------------------------------------

GOOD = {"good-1.txt": english(21).encode(), "good-2.html": html_page(english(22)).encode(),
        "good-3.jsonl": jsonl(json.dumps({"text": english(23), "title": "Expulsions"}))}
BAD = {"empty.txt": b"", "scan.pdf": b"%PDF-1.7\n\x00\x01", "french.txt": FRENCH.encode(),
       "huge.txt": None}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for name, data in {**GOOD, **BAD}.items():
        if data is None:
            _sparse(50_000_000)(folder / name)
        else:
            (folder / name).write_bytes(data)
    return folder


def _stderr_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("eventwire: ")]


def test_code_command_codes_the_good_files_and_names_each_bad_one(batch: Path) -> None:
    files = sorted(str(p) for p in batch.iterdir())
    result = CliRunner().invoke(cli.main, ["code", *files])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(GOOD)
    for record in records:
        assert schema_errors(record) == [] and span_errors(record) == []
    reported = _stderr_lines(result.stderr)
    assert sorted(line.split(": ")[1] for line in reported) == sorted(str(batch / n) for n in BAD)


def test_ingest_folder_stores_the_good_and_records_the_bad(batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "batch.duckdb"
    result = CliRunner().invoke(cli.main, ["ingest", str(batch), "--db", str(db), "--workers",
                                           "1", "--quiet"])
    assert result.exit_code == 1, result.output
    assert len(_stderr_lines(result.stderr)) == len(BAD)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = sorted(Path(r[0]).name for r in con.execute(
            "SELECT source_path FROM articles").fetchall())
        failed = dict(con.execute("SELECT source, reason FROM failures").fetchall())
    finally:
        con.close()
    assert [s.split(":")[0] for s in stored] == sorted(GOOD)
    assert sorted(Path(s).name for s in failed) == sorted(BAD)
    assert all(reason and "\n" not in reason for reason in failed.values())


@pytest.mark.parametrize("date, published", [("2999-01-01", "2999-01-01"),
                                             ("1900-02-28", "1900-02-28")])
def test_code_with_a_far_date(batch: Path, date: str, published: str) -> None:
    result = CliRunner().invoke(cli.main, ["code", "--date", date, str(batch / "good-1.txt")])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["published"] == published
    assert schema_errors(record) == [] and span_errors(record) == []


@pytest.mark.parametrize("date", ["not-a-date", "2019-02-30", "2019-13-01"])
def test_code_refuses_a_nonsense_date(batch: Path, date: str) -> None:
    result = CliRunner().invoke(cli.main, ["code", "--date", date, str(batch / "good-1.txt")])
    assert result.exit_code == 2
    assert "is not a date in YYYY-MM-DD form" in result.output
