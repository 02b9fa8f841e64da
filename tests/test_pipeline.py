"""The pipeline holds every step, in the data-flow order DEVELOPERS.md documents."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

EXPECTED = [
    "tok2vec", "tagger", "eventwire_paragraphs", "parser", "attribute_ruler", "lemmatizer", "ner",
    "eventwire_sentence_index", "eventwire_actors", "eventwire_dates", "eventwire_places",
    "eventwire_quantities", "eventwire_quotes", "eventwire_sources", "eventwire_events",
    "eventwire_event_context",
]


def test_every_step_in_order(nlp: Language) -> None:
    assert nlp.pipe_names == EXPECTED


def test_developers_guide_names_every_eventwire_step() -> None:
    guide = (Path(__file__).resolve().parents[1] / "DEVELOPERS.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert name in guide, name


def test_the_learned_coder_takes_the_events_step() -> None:
    from eventwire.events.learned.coder import LearnedCoder
    from eventwire.nlp.pipeline import build_pipeline

    learned = build_pipeline(coder="propose")
    assert learned.pipe_names == EXPECTED
    assert isinstance(learned.get_pipe("eventwire_events").coder, LearnedCoder)
