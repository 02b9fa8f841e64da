"""Reading files and folders: formats, failures, ids, dates, and the real seed article."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import MAX_BYTES, IngestFailure, article_id, read_file, read_path
from eventwire.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_00bad5592629add6.txt"

ENGLISH = (
    "The government said on Tuesday that it would send a delegation to the talks next week, "
    "and that it expected the other side to respect the ceasefire agreed in March.\n"
)


def _only(path: Path, **kwargs: object) -> Article | IngestFailure:
    items = list(read_path(path, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def _failure(path: Path) -> str:
    item = _only(path)
    assert isinstance(item, IngestFailure), item
    assert item.source == str(path)
    with pytest.raises(InputError) as raised:
        read_file(path)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)
    return item.reason


# --- failures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n\t \r\n", "empty file"),
        (b"\xef\xbb\xbf  \n", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary file (PDF)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG)"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary file (ZIP)"),
        (b"plain words\x00\x01\x02 then nulls", "binary file"),
    ],
    ids=["empty", "whitespace", "bom-only", "pdf", "png", "jpeg", "zip", "nul-bytes"],
)
def test_bad_bytes_fail(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert _failure(path) == reason


def test_fixture_empty_and_whitespace_files() -> None:
    assert _failure(DATA / "empty.txt") == "empty file"
    assert _failure(DATA / "whitespace.txt") == "empty file"


def test_undecodable_bytes_fail(tmp_path: Path) -> None:
    noise = random.Random(20190531)
    words = [
        bytes(noise.randrange(128, 256) for _ in range(noise.randrange(2, 9))) for _ in range(80)
    ]
    path = tmp_path / "noise.txt"
    path.write_bytes(b" ".join(words))
    assert _failure(path).startswith("cannot decode text (not UTF-8")


def test_missing_file_fails(tmp_path: Path) -> None:
    assert _failure(tmp_path / "nope.txt") == "no such file"


def test_too_large_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 52 MB written to disk
        handle.truncate(52_400_000)
    assert _failure(path) == "file too large (52.4 MB > 10 MB limit)"


@pytest.mark.parametrize(
    ("size", "refused"), [(MAX_BYTES, False), (MAX_BYTES + 1, True), (20_000_000, True)]
)
def test_size_limit_boundary(tmp_path: Path, size: int, refused: bool) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"A")
        handle.truncate(size)  # the rest is NUL bytes: binary if it is read at all
    reason = _failure(path)
    assert reason.startswith("file too large") is refused
    assert MAX_BYTES == 10_000_000


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ((DATA / "french.txt").read_text(encoding="utf-8"), "French"),
        (
            (
                "Der Außenminister sagte am Dienstag, dass die Regierung eine Delegation zu den "
                "Gesprächen schicken werde und dass sie von der anderen Seite erwarte, die Waffenruhe "
                "zu respektieren."
            ),
            "German",
        ),
        (
            (
                "El ministro de Exteriores dijo el martes que el gobierno enviará una delegación a "
                "las conversaciones y que espera que la otra parte respete el alto el fuego."
            ),
            "Spanish",
        ),
        (
            (
                "Министр иностранных дел заявил во вторник, что правительство направит делегацию на "
                "переговоры на следующей неделе."
            ),
            "Cyrillic script",
        ),
    ],
    ids=["french", "german", "spanish", "russian"],
)
def test_non_english_fails(tmp_path: Path, text: str, language: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    assert _failure(path) == f"not English (looks like {language})"


def test_unlisted_language_fails(tmp_path: Path) -> None:
    path = tmp_path / "sw.txt"
    path.write_text(
        "Waziri wa mambo ya nje alisema Jumatatu kwamba serikali itatuma ujumbe kwenye "
        "mazungumzo wiki ijayo na kwamba inatarajia upande mwingine kuheshimu usitishaji "
        "mapigano.",
        encoding="utf-8",
    )
    assert _failure(path) == "not English text"


@pytest.mark.parametrize(
    "text",
    [
        "Troops withdrew.",
        "Putin, Xi, Modi, Erdogan, Macron, Scholz, Biden, Lula, Ramaphosa, Kishida meet in Bali",
        "Iran, Iraq, Syria: ministers meet in Baghdad. Talks end without deal. Envoys leave.",
        ENGLISH,
    ],
    ids=["tiny", "names-only", "telegraphic", "prose"],
)
def test_short_or_odd_english_is_kept(tmp_path: Path, text: str) -> None:
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    assert isinstance(_only(path), Article)


def test_html_without_article_fails() -> None:
    assert _failure(DATA / "nav_only.html") == "no article text found"


def test_a_bad_input_never_stops_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / "d.md").write_text("# Talks\n\n" + ENGLISH, encoding="utf-8")
    kinds = [type(item).__name__ for item in read_path(tmp_path)]
    assert kinds == ["Article", "IngestFailure", "IngestFailure", "Article"]


# --- encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8-sig", "The café in São Paulo said “no comment” — again."),
        ("latin-1", "The café owner in São Paulo said the naïve plan had failed, again."),
        ("cp1252", "The minister said “we will not resign” — and left the room."),
        ("cp1251", "The minister said “we will not resign” — and left the room."),
        ("utf-16", "The café in São Paulo said “no comment” — again."),
    ],
)
def test_encodings_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes((text + "\n" + ENGLISH).encode(encoding))
    [article] = read_file(path)
    assert article.text.startswith(text)
    assert "\ufeff" not in article.text


def test_cp1251_cyrillic_decoded_then_refused_as_not_english(tmp_path: Path) -> None:
    from eventwire.ingest.decoding import decode_bytes

    russian = "Министр обороны подал в отставку в четверг после нескольких недель протестов."
    assert decode_bytes(russian.encode("cp1251")) == russian
    path = tmp_path / "ru.txt"
    path.write_bytes((russian + " " + russian).encode("cp1251"))
    assert _failure(path) == "not English (looks like Cyrillic script)"


def test_html_declared_charset(tmp_path: Path) -> None:
    page = (DATA / "article.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "local elections", "local “élections”"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    [article] = read_file(path)
    assert "local “élections”" in article.text


# --- formats ------------------------------------------------------------------------------------


def test_html_article() -> None:
    [article] = read_file(DATA / "article.html")
    assert article.title == "Parliament votes to expel envoy"
    assert article.published == dt.date(2022, 6, 9)
    assert article.url == "https://ledger.example.net/world/parliament-expels-envoy"
    assert article.outlet == "The Morning Ledger"
    assert article.byline == "Tomas Berg"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The parliament of Ostland voted on Thursday")
    for furniture in (
        "Home",
        "Most read",
        "Westmark protests",
        "Advertisement",
        "Copyright",
        "Kai Lind",
        "Parliament votes",
    ):
        assert furniture not in article.text, furniture


def test_html_br_separated_paragraphs() -> None:
    [article] = read_file(DATA / "br_paragraphs.html")
    assert article.title == "Talks collapse as envoys walk out"
    assert article.published == dt.date(2022, 4, 14)
    paragraphs = article.text.split("\n\n")
    assert [p[:20] for p in paragraphs] == [
        "Envoys from the two ",
        "The Qatari foreign m",
        '"We came in good fai',
    ]
    for furniture in ("Read more", "Related", "Contact us", "Business", "Ahmed Saleh"):
        assert furniture not in article.text, furniture


def test_html_content_sniffed_in_txt(tmp_path: Path) -> None:
    path = tmp_path / "saved_page.txt"
    shutil.copy(DATA / "article.html", path)
    [article] = read_file(path)
    assert article.title == "Parliament votes to expel envoy"
    assert "<p>" not in article.text


def test_unknown_extension_text(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text("# Talks resume\n\n" + ENGLISH, encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "Talks resume"


def test_jsonl_lines_fail_alone() -> None:
    path = DATA / "articles.jsonl"
    items = list(read_path(path))
    failures = {i.source: i.reason for i in items if isinstance(i, IngestFailure)}
    assert failures == {f"{path}:3": "invalid JSON", f"{path}:4": 'no "text" field'}
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.source_path for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:6"]
    first, second, third = articles
    assert first.id == "wire-001"
    assert (first.title, first.url, first.outlet) == (
        "Envoys meet in Geneva",
        "https://wire.example/001",
        "Example Wire",
    )
    assert first.text.split("\n\n")[1] == "No agreement was announced after the talks."
    assert second.title == "Navy seizes tanker"  # null title: the text's heading
    assert second.text.startswith("The navy seized")
    assert second.published == dt.date(2023, 2, 13)
    assert second.id == article_id(second.text)
    assert third.published == dt.date(2023, 2, 12)
    with pytest.raises(InputError, match=r"articles\.jsonl:3: invalid JSON"):
        read_file(path)


def test_ndjson_and_sniffed_jsonl(tmp_path: Path) -> None:
    record = json.dumps({"title": "T", "text": ENGLISH, "date": "2020-01-02", "url": "u"})
    for name in ("feed.ndjson", "feed.dump"):
        path = tmp_path / name
        path.write_text(record + "\n" + record + "\n", encoding="utf-8")
        articles = read_file(path)
        assert len(articles) == 2, name
        assert articles[0].published == dt.date(2020, 1, 2)


def test_jsonl_record_holding_html(tmp_path: Path) -> None:
    page = (DATA / "article.html").read_text(encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "title": "Given title", "text": page}) + "\n")
    [article] = read_file(path)
    assert (article.id, article.title) == ("p1", "Given title")
    assert article.text.startswith("The parliament of Ostland voted")
    assert "<p>" not in article.text and "Most read" not in article.text


def test_json_file_object_and_array(tmp_path: Path) -> None:
    record = {"title": "T", "text": ENGLISH, "id": 7}
    single = tmp_path / "one.json"
    single.write_text(json.dumps(record), encoding="utf-8")
    [article] = read_file(single)
    assert (article.id, article.source_path) == ("7", str(single))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([record, {"title": "no text"}]), encoding="utf-8")
    items = list(read_path(str(many)))
    assert isinstance(items[0], Article) and items[0].source_path == f"{many}[1]"
    assert items[1] == IngestFailure(f"{many}[2]", 'no "text" field')


def test_read_file_refuses_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_file(tmp_path)


# --- ids, dates, folders ------------------------------------------------------------------------


def test_id_is_stable_and_content_based(tmp_path: Path) -> None:
    one, two, other = tmp_path / "one.md", tmp_path / "two.txt", tmp_path / "other.txt"
    one.write_text("# Talks\n\n" + ENGLISH, encoding="utf-8")
    two.write_text("Talks\n\n" + ENGLISH.replace(" ", "  "), encoding="utf-8")
    other.write_text("# Talks\n\n" + ENGLISH.replace("Tuesday", "Monday"), encoding="utf-8")
    [first] = read_file(one)
    assert read_file(one)[0].id == first.id  # same input, same id
    assert read_file(two)[0].id == first.id  # same cleaned text, same id
    assert read_file(other)[0].id != first.id
    assert len(first.id) == 16 and int(first.id, 16) >= 0
    assert first.id == article_id(first.text)


def test_date_argument_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# T\n\nMay 31, 2019\n\n" + ENGLISH, encoding="utf-8")
    assert read_file(path)[0].published == dt.date(2019, 5, 31)
    assert read_file(path, date=dt.date(2020, 1, 1))[0].published == dt.date(2020, 1, 1)
    path.write_text("# T\n\n" + ENGLISH, encoding="utf-8")
    assert read_file(path)[0].published is None


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for relative in ("b.txt", "a/z.md", "a/c.txt", ".hidden.txt", ".git/x.txt", "a/.y.txt"):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ENGLISH, encoding="utf-8")
    paths = [item.source_path for item in read_path(tmp_path) if isinstance(item, Article)]
    assert paths == [str(tmp_path / p) for p in ("a/c.txt", "a/z.md", "b.txt")]


def test_fixture_folder_reads_everything() -> None:
    items = list(read_path(DATA))
    assert sum(isinstance(i, Article) for i in items) == 8
    assert sum(isinstance(i, IngestFailure) for i in items) == 6


# --- the real seed article ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_article() -> Article:
    if not SEED.is_file():
        pytest.skip("shared seed article not present")
    [article] = read_file(SEED)
    return article


def test_seed_article_metadata(seed_article: Article) -> None:
    assert seed_article.title == (
        "Russia Rejected Iran S-400 Missile Request Amid Gulf Tension, Officials Say"
    )
    assert seed_article.published == dt.date(2019, 5, 31)
    assert seed_article.byline == "Bloomberg"
    assert seed_article.url == (
        "https://www.themoscowtimes.com/2019/05/31/"
        "russia-rejected-iran-s-400-missile-request-amid-gulf-tension-officials-say-a65818"
    )
    assert seed_article.source_path == str(SEED)


def test_seed_article_body(seed_article: Article) -> None:
    text = seed_article.text
    for furniture in (
        "Vitaly Nevar / TASS",
        "Working on relations",
        "Original url:",
        "###",
        "**",
        "](#)",
        "themoscowtimes.com",
        "By Bloomberg",
        "May 31, 2019",
    ):
        assert furniture not in text, furniture
    assert "for agreeing to buy the batteries." in text
    assert text.startswith("Russia has rejected an Iranian request")
    assert "\n\n\n" not in text and not text.endswith("\n")


def test_seed_article_id_is_idempotent(seed_article: Article) -> None:
    assert read_file(SEED)[0].id == seed_article.id == article_id(seed_article.text)
