"""Direct quotations and their speakers (``eventwire_quotes``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Entity, Place
from eventwire.sourcing.quote_spans import find_quote_spans
from eventwire.sourcing.quotes import QuoteFinder, quote_at
from steps import run_steps

SEED = "seed/000_00bad5592629add6"


def parse(nlp: Language, text: str) -> Doc:
    """spaCy's own steps only: the eventwire values a test needs are set by hand."""
    doc = nlp.make_doc(text)
    doc = run_steps(nlp, doc)
    doc._.ew_entities = []
    doc._.ew_places = []
    return doc


def entity(text: str, phrase: str, country: str | None, **kw: str) -> Entity:
    start = text.index(phrase)
    return Entity(phrase, start, start + len(phrase), country, **kw)


# (text, expected quoted words)
SPAN_CASES = [
    ("He said “we are ready” today.", ["we are ready"]),
    ('He said "we are ready" and "we will win."', ["we are ready", "we will win."]),
    ("‘We won’t go back,’ protesters chanted.", ["We won’t go back"]),
    ("Russia’s view and the ministry’s plan are not quotes.", []),
    ("“The first paragraph never closes.\n\n“The second one does.”", [
        "The first paragraph never closes.", "The second one does."]),
    ('"Stop," she said. ""', ["Stop"]),
    ("“He called it ‘a farce’ and left,” a witness said.", ["He called it ‘a farce’ and left"]),
]


@pytest.mark.parametrize(("text", "expected"), SPAN_CASES)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quote_spans(text)] == expected


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from(list('ab .,\n"“”‘’')), max_size=60))
def test_quote_spans_are_ordered_and_exclude_marks(text: str) -> None:
    spans = find_quote_spans(text)
    last_end = 0
    for q in spans:
        assert last_end <= q.open_at < q.start < q.end <= q.close_at <= len(text)
        assert text[q.open_at] in '"“‘'
        assert "\n\n" not in text[q.start : q.end]
        last_end = q.close_at


def test_quote_spans_mark_offsets_exclude_marks() -> None:
    text = "She said “no deal.”"
    (q,) = find_quote_spans(text)
    assert text[q.open_at] == "“" and text[q.close_at - 1] == "”"
    assert text[q.start : q.end] == "no deal."


# (text, expected speaker text per quote; None = no speaker)
SPEAKER_CASES = [
    ('"We will not back down," said Defense Minister Sergei Shoigu.', ["Sergei Shoigu"]),
    ('Erdogan said: "Turkey will defend its borders."', ["Erdogan"]),
    ('The White House called the move "a direct challenge" to the agreement.', ["The White House"]),
    ('"The army is prepared," according to General Mark Milley.', ["Mark Milley"]),
    ('Mr. Li told Reuters that the plan was "unacceptable and dangerous."', ["Li"]),
    ("“No deal will be signed,” the minister said on Friday.", ["the minister"]),
    ("Angela Merkel spoke on Monday. “The talks were productive,” she said.", ["Angela Merkel"]),
    ("“The talks were productive,” she said.", [None]),
    # 'he' is the subject speaking, not a person merely mentioned in between
    (
        ("“We need full compliance,” Ben Carter said. One case is that of Maria Lopez, who is "
        "in jail. “She must be freed,” he said."),
        ["Ben Carter", "Ben Carter"],
    ),
    (
        ("“We are ready,” Maria Zakharova, the ministry’s spokeswoman, told reporters. "
        "“Nobody should doubt it.”\n\n“The decision is final.”"),
        ["Maria Zakharova", "Maria Zakharova", "Maria Zakharova"],
    ),
    (
        ("“We are ready,” Maria Zakharova told reporters.\n\nThe talks resumed.\n\n"
        "Turkey sent a delegation.\n\n“Nothing has changed.”"),
        ["Maria Zakharova", None],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), SPEAKER_CASES)
def test_speakers(nlp: Language, text: str, speakers: list[str | None]) -> None:
    doc = QuoteFinder()(parse(nlp, text))
    got = [q.speaker.text if q.speaker else None for q in doc._.ew_quotes]
    assert got == speakers
    for q in doc._.ew_quotes:
        assert doc.text[q.start : q.end] == q.text
        assert not q.text.startswith(("“", '"'))


# (text, index of the quote, expected speaker text, expected speaker name)
ANTECEDENT_CASES = [
    # a surname (or a family name written first) repeats an earlier full name
    ("Foreign Ministry spokesman Lin Jian spoke in Beijing. “We oppose this,” Lin said.",
     0, "Lin", "Lin Jian"),
    ("Defence Secretary Ben Wallace visited Kyiv. “We stand with Ukraine,” Wallace said.",
     0, "Wallace", "Ben Wallace"),
    # a definite title repeats the person introduced with it
    ("Foreign Minister Ayman Safadi met the envoy. “The border stays closed,” the minister said.",
     0, "the minister", "Ayman Safadi"),
    # a definite body noun repeats the body named before it
    (("The Turkish Foreign Ministry summoned the envoy on Monday. "
     "“The violation is unacceptable,” the ministry said."),
     0, "the ministry", "The Turkish Foreign Ministry"),
    # a statement speaks for whoever issued it
    ('"Talks will resume," said a statement from the Egyptian Foreign Ministry.',
     0, "the Egyptian Foreign Ministry", None),
    (("The ministry said in a statement that it was studying the offer. "
     '"No decision has been taken," the statement said.'),
     0, "The ministry", None),
]


@pytest.mark.parametrize(("text", "index", "words", "name"), ANTECEDENT_CASES)
def test_speaker_antecedents(
    nlp: Language, text: str, index: int, words: str, name: str | None
) -> None:
    quote = QuoteFinder()(parse(nlp, text))._.ew_quotes[index]
    assert quote.speaker is not None
    assert quote.speaker.text == words
    if name is not None:
        assert quote.speaker.name == name


def test_speaker_is_resolved_entity_when_actors_know_it(nlp: Language) -> None:
    text = '"We will not back down," said Defense Minister Sergei Shoigu.'
    doc = parse(nlp, text)
    doc._.ew_entities = [
        entity(text, "Sergei Shoigu", "RUS", sector="MIL", entity_id="shoigu", kind="person")
    ]
    (quote,) = QuoteFinder()(doc)._.ew_quotes
    assert quote.speaker is not None
    assert (quote.speaker.country, quote.speaker.entity_id) == ("RUS", "shoigu")
    assert quote.speaker_span is not None and quote.speaker_span.text == "Sergei Shoigu"


def test_apposition_gives_role_and_country(nlp: Language) -> None:
    text = (
        "“The ceasefire will not hold,” Anna Petrova, director of the Institute for "
        "Regional Studies in Kyiv, said."
    )
    doc = parse(nlp, text)
    kyiv = text.index("Kyiv")
    doc._.ew_places = [Place("Kyiv", kyiv, kyiv + 4, "Kyiv", "UKR", "city")]
    (quote,) = QuoteFinder()(doc)._.ew_quotes
    assert quote.speaker is not None
    assert quote.speaker.text == "Anna Petrova"
    assert quote.speaker.role == "director of the Institute for Regional Studies"
    assert quote.speaker.country == "UKR"


def test_quote_at() -> None:
    text = 'He said "we will win" today.'
    (q,) = find_quote_spans(text)
    from eventwire.model import Quote

    quotes = [Quote(text[q.start : q.end], q.start, q.end, None)]
    assert quote_at(quotes, text.index("win")) is quotes[0]
    assert quote_at(quotes, text.index("today")) is None


def test_seed_article_quotes(
    shared_dir: Path, nlp: Language, code_doc: Callable[..., Doc]
) -> None:
    text = (shared_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    doc = code_doc(text)
    for want in gold["quotes"]:
        hits = [q for q in doc._.ew_quotes if q.text.startswith(want["starts_with"])]
        assert len(hits) == 1, want["starts_with"]
        speaker = hits[0].speaker
        assert speaker is not None and want["speaker"] in speaker.text
        if "speaker_role" in want:
            assert speaker.role == want["speaker_role"]
        if "eventwire_actors" not in nlp.pipe_names:
            continue  # the country comes from the actors step
        assert speaker.country == "RUS"
