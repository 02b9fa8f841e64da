"""Sourcing phrases (``eventwire_sources``): named, anonymous, official, document, no_comment."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Entity, Source
from eventwire.sourcing.quotes import QuoteFinder
from eventwire.sourcing.sources import SourceFinder
from steps import run_steps

SEED = "seed/000_00bad5592629add6"


def parse(nlp: Language, text: str, entities: tuple[tuple[str, str | None], ...] = ()) -> Doc:
    """spaCy's own steps, hand-made actor entities (phrase, country), then quotes and sources."""
    doc = nlp.make_doc(text)
    doc = run_steps(nlp, doc)
    ents = []
    for phrase, country in entities:
        start = text.index(phrase)
        ents.append(Entity(phrase, start, start + len(phrase), country, sector="GOV"))
    doc._.ew_entities = sorted(ents, key=lambda e: e.start)
    doc._.ew_places = []
    return SourceFinder()(QuoteFinder()(doc))


def only(doc: Doc, kind: str) -> Source:
    found: list[Source] = [s for s in doc._.ew_sources if s.kind == kind]
    assert len(found) == 1, [(s.kind, s.text) for s in doc._.ew_sources]
    return found[0]


def scope(doc: Doc, source: Source) -> str:
    assert source.scope_start is not None and source.scope_end is not None
    return doc.text[source.scope_start : source.scope_end]


# (text, kind, source text, count, scope text or None)
SOURCE_CASES = [
    ("The ministry said in a statement that it would retaliate.",
     "official", "The ministry said in a statement", 1, "it would retaliate"),
    ("A spokesman for the Foreign Ministry said Tehran had not been consulted.",
     "official", "A spokesman for the Foreign Ministry said", 1, "Tehran had not been consulted"),
    ("The Kremlin said the talks would continue.",
     "official", "The Kremlin said", 1, "the talks would continue"),
    ("Court filings show the company paid the bribes in 2017.",
     "document", "Court filings show", None, "the company paid the bribes in 2017"),
    ("According to a report by the United Nations, more than 300 civilians were killed.",
     "document", "a report by the United Nations", 1, "more than 300 civilians were killed."),
    ("A U.N. report released on Monday found that both sides had committed abuses.",
     "document", "A U.N. report released on Monday found", 1, "both sides had committed abuses"),
    ("Officials said on condition of anonymity that the deal was close.",
     "anonymous", "Officials said on condition of anonymity", None, "the deal was close"),
    ("Three diplomats, who asked not to be named, said the envoy had been expelled.",
     "anonymous", "Three diplomats, who asked not to be named, said", 3,
     "the envoy had been expelled"),
    ("A source close to the negotiations said the sides were far apart.",
     "anonymous", "A source close to the negotiations said", 1, "the sides were far apart"),
    ("Zarif said Iran would not renegotiate the deal.",
     "named", "Zarif said", 1, "Iran would not renegotiate the deal"),
    ("The troops withdrew from the town, according to Foreign Minister Sergei Lavrov.",
     "named", "Foreign Minister Sergei Lavrov", 1, "The troops withdrew from the town"),
    ("Seoul has suspended the drills, two people familiar with the plans told Reuters.",
     "anonymous", "two people familiar with the plans told", 2, "Seoul has suspended the drills"),
    # the parser hangs a trailing source on the clause before it
    (("Ethiopia's prime minister was due to visit Khartoum on Friday to mediate between the army "
     "and an opposition alliance, a diplomatic source at the Ethiopian embassy said."),
     "anonymous", "a diplomatic source at the Ethiopian embassy said", 1,
     ("Ethiopia's prime minister was due to visit Khartoum on Friday to mediate between the army "
     "and an opposition alliance")),
    (("The ambassador has been asked to leave within 72 hours, Mali's government said, citing "
     "hostile remarks."),
     "official", "Mali's government said", 1,
     "The ambassador has been asked to leave within 72 hours"),
    ("Fighting resumed near the airport, the army confirmed.",
     "official", "the army confirmed", 1, "Fighting resumed near the airport"),
    ("The statement said the border would reopen on Monday.",
     "document", "The statement said", 1, "the border would reopen on Monday"),
    # an affiliated plural is an official voice; a counted or indefinite one is anonymous
    ("NATO officials insisted the drills were purely defensive.",
     "official", "NATO officials insisted", None, "the drills were purely defensive"),
    ("A senior official said the talks had stalled.",
     "anonymous", "A senior official said", 1, "the talks had stalled"),
    # the parser runs an 'according to' phrase into what follows it
    ("According to the Defence Ministry, the helicopters flew at an altitude of 200 meters.",
     "official", "the Defence Ministry", 1, "the helicopters flew at an altitude of 200 meters."),
    ("Protesters broke into the embassy and – according to Saudi officials – took documents.",
     "official", "Saudi officials", None, None),
    # a passive speech verb reports nothing on its subject's word
    ("The ambassador was told to leave the country, the ministry said.",
     "official", "the ministry said", 1, "The ambassador was told to leave the country"),
    # 'as X reported', a trailing adverbial, an appositive pair before the verb
    ("As the state news agency reported, the army shelled the village overnight.",
     "document", "the state news agency reported", 1, "the army shelled the village overnight."),
    (("The foreign minister will travel to Moscow on Tuesday, the ministry spokesman announced "
     "on Monday."),
     "official", "the ministry spokesman announced", 1,
     "The foreign minister will travel to Moscow on Tuesday"),
    ("The rebels shelled the port, a senior member of the group, Ahmed Saleh, said.",
     "named", "a senior member of the group, Ahmed Saleh, said", 1, "The rebels shelled the port"),
    # a sentence opened by the document it comes from
    ("In a joint statement on Monday, the two governments condemned the coup.",
     "document", "In a joint statement on Monday", 1, "the two governments condemned the coup."),
    # wire and broadcaster styles
    ("Two senior Western diplomats told Al Jazeera that the talks had collapsed.",
     "anonymous", "Two senior Western diplomats told", 2, "the talks had collapsed"),
    ("The sanctions were imposed last week, said a person briefed on the decision.",
     "anonymous", "said a person briefed on the decision", 1,
     "The sanctions were imposed last week"),
    ('When asked, a spokesperson for the army said: "We do not comment on operations."',
     "official", "a spokesperson for the army said", 1, None),
    ("Ukraine shot down 30 drones overnight, the air force said on Telegram.",
     "official", "the air force said", 1, "Ukraine shot down 30 drones overnight"),
    # eyewitnesses are unnamed people, not an institution's voice
    ("Witnesses said the army shelled the town.",
     "anonymous", "Witnesses said", None, "the army shelled the town"),
    ("Satellite images reviewed by the newspaper show the army moved tanks to the border.",
     "document", "Satellite images reviewed by the newspaper show", None,
     "the army moved tanks to the border"),
]


@pytest.mark.parametrize(("text", "kind", "words", "count", "vouches"), SOURCE_CASES)
def test_source_phrases(
    nlp: Language, text: str, kind: str, words: str, count: int | None, vouches: str | None
) -> None:
    doc = parse(nlp, text)
    source = only(doc, kind)
    assert source.text == words
    assert doc.text[source.start : source.end] == source.text
    assert source.count == count
    if vouches is not None:
        assert scope(doc, source) == vouches


# (text, no_comment phrase, entities (phrase, country), expected country)
NO_COMMENT_CASES = [
    ("The Pentagon declined to comment.", "The Pentagon declined to comment",
     (("Pentagon", "USA"),), "USA"),
    ("The Foreign Ministry did not immediately respond to a request for comment.",
     "The Foreign Ministry did not immediately respond to a request for comment", (), None),
    ("A spokeswoman for the embassy couldn't be reached for comment.",
     "A spokeswoman for the embassy couldn't be reached for comment", (), None),
    ("The White House had no immediate comment.", "The White House had no immediate comment",
     (("White House", "USA"),), "USA"),
    ("Germany's Foreign Office didn’t return a request for comment on Sunday.",
     "Germany's Foreign Office didn’t return a request for comment", (("Germany", "DEU"),), "DEU"),
    ("Egyptian officials were not available for comment.",
     "Egyptian officials were not available for comment", (("Egyptian officials", "EGY"),), "EGY"),
    ("Representatives for the navy did not respond to requests for comment.",
     "Representatives for the navy did not respond to requests for comment", (), None),
    ("China's foreign ministry did not respond to a faxed request for comment.",
     "China's foreign ministry did not respond to a faxed request for comment",
     (("China", "CHN"),), "CHN"),
    ("The company did not return calls seeking comment.",
     "The company did not return calls seeking comment", (), None),
    ("Officials in Tehran could not immediately be reached.",
     "Officials in Tehran could not immediately be reached", (("Tehran", "IRN"),), "IRN"),
    ("A lawyer for the company refused to comment on the case.",
     "A lawyer for the company refused to comment", (), None),
]


@pytest.mark.parametrize(("text", "words", "entities", "country"), NO_COMMENT_CASES)
def test_no_comment(
    nlp: Language,
    text: str,
    words: str,
    entities: tuple[tuple[str, str | None], ...],
    country: str | None,
) -> None:
    doc = parse(nlp, text, entities)
    source = only(doc, "no_comment")
    assert source.text == words
    assert source.country == country
    assert source.scope_start is None


def test_two_non_responses_in_one_sentence(nlp: Language) -> None:
    text = (
        "Japan's Defense Ministry didn't reply to a request for comment, and Chinese officials "
        "couldn't be reached for a response."
    )
    doc = parse(nlp, text, (("Japan", "JPN"), ("Chinese officials", "CHN")))
    answers = [s for s in doc._.ew_sources if s.kind == "no_comment"]
    assert [s.country for s in answers] == ["JPN", "CHN"]


def test_anonymous_count_and_country_then_back_reference(nlp: Language) -> None:
    text = (
        "Beijing has cancelled the visit, according to two people familiar with the plans, "
        "including a senior Chinese diplomat. The decision was taken by the Politburo, the people "
        "said on condition of anonymity."
    )
    doc = parse(nlp, text, (("Chinese diplomat", "CHN"),))
    first, second = [s for s in doc._.ew_sources if s.kind == "anonymous"]
    assert first.text == "two people familiar with the plans, including a senior Chinese diplomat"
    assert (first.count, first.country) == (2, "CHN")
    assert scope(doc, first) == "Beijing has cancelled the visit"
    assert second.text == "the people said on condition of anonymity"
    assert (second.count, second.country) == (2, "CHN")
    assert scope(doc, second) == "The decision was taken by the Politburo"


def test_they_refers_back(nlp: Language) -> None:
    text = "China has sent warships, two U.S. officials said. They said the ships arrived Tuesday."
    doc = parse(nlp, text, (("U.S. officials", "USA"),))
    first, second = doc._.ew_sources
    assert (first.kind, first.count, first.country) == ("anonymous", 2, "USA")
    assert (second.kind, second.count, second.country) == ("anonymous", 2, "USA")


def test_named_speaker_entity_and_country(nlp: Language) -> None:
    text = "Iraqi Prime Minister Mohammed Shia al-Sudani said the troops would leave."
    doc = parse(nlp, text, (("Mohammed Shia al-Sudani", "IRQ"),))
    source = only(doc, "named")
    assert source.speaker is not None and source.speaker.text == "Mohammed Shia al-Sudani"
    assert source.country == "IRQ"


@pytest.mark.parametrize(
    "text",
    [
        "The sale would stoke more tension in the region.",
        "He did not say whether the talks would resume.",
        "Prices rose sharply after the announcement.",
        # a speech verb naming an act, not reporting words
        "Kenya has declared the envoy persona non grata.",
        "North Korea claimed success in its test of a new missile.",
    ],
)
def test_no_source(nlp: Language, text: str) -> None:
    assert parse(nlp, text)._.ew_sources == []


def test_hand_built_doc_without_parse(nlp: Language) -> None:
    words = ["The", "embassy", "declined", "to", "comment", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, True, False, False])
    doc._.ew_entities = []
    found = SourceFinder()(QuoteFinder()(doc))._.ew_sources
    # without a parse nobody is found to have declined, but the non-response still is
    assert [(s.kind, s.text) for s in found] == [("no_comment", "declined to comment")]
    assert doc._.ew_quotes == []


def test_seed_article_sources(
    shared_dir: Path, nlp: Language, code_doc: Callable[..., Doc]
) -> None:
    text = (shared_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    doc = code_doc(text)
    actors = "eventwire_actors" in nlp.pipe_names
    for want in gold["sources"]:
        hits = [s for s in doc._.ew_sources if s.text == want["text"]]
        assert len(hits) == 1, want["text"]
        assert hits[0].kind == want["kind"]
        if want.get("count") is not None:
            assert hits[0].count == want["count"]
        if actors and want.get("affiliation"):
            assert hits[0].country == want["affiliation"]
    answers = [s for s in doc._.ew_sources if s.kind == "no_comment"]
    assert len(answers) == len(gold["no_comment"])
    if actors:
        assert [s.country for s in answers] == [w["country"] for w in gold["no_comment"]]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The junta said it would hold elections in June.", "The junta said"),
        ("The Iranian leadership said it would retaliate.", "The Iranian leadership said"),
        ("The regime said the protesters had been paid from abroad.", "The regime said"),
    ],
)
def test_state_body_known_by_its_noun_is_official(
    code_doc: Callable[..., Doc], text: str, words: str
) -> None:
    # the actor dictionary knows these nouns as government agents; no institution word names them
    found = [(s.kind, s.text) for s in code_doc(text)._.ew_sources]
    assert found == [("official", words)]

