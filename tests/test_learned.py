"""The learned event-type coder: artifact, predictions, policies, determinism."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.cameo import cameo_row
from eventwire.events.learned import (
    LearnedCoder,
    Policy,
    load_default_model,
    sentence_features,
    train_model,
)
from eventwire.events.learned.component import make_learned_events_component
from eventwire.events.learned.errors import ModelFileError, PolicyError
from eventwire.events.learned.model import EventTypeModel, Example, load_model, model_path
from eventwire.events.learned.training import doc_examples, read_sentences
from eventwire.model import EVENT_TYPES, Entity, Event, TextSpan
from eventwire.nlp.extensions import register_extensions

MODELS_DIR = model_path("x").parent
#: an English vocabulary (lexical attributes: stop words, punctuation) without loading a model
EN_VOCAB = spacy.blank("en").vocab


# --- artifact -------------------------------------------------------------------------------

def test_default_model_loads_from_package_data() -> None:
    model = load_default_model()
    assert model.labels == EVENT_TYPES
    assert len(model.vocab) > 500
    assert model.weights.shape == (len(model.vocab), len(EVENT_TYPES))


def test_artifacts_are_small() -> None:
    sizes = {p.name: p.stat().st_size for p in MODELS_DIR.iterdir() if p.is_file()}
    assert "event_types.npz" in sizes
    assert sum(sizes.values()) < 5 * 1024 * 1024


def test_training_sentences_file_is_well_formed() -> None:
    rows = read_sentences()
    assert len(rows) > 150
    found = {t for _, types in rows for t in types}
    assert found == set(EVENT_TYPES)  # every type has hand-written examples
    assert any(not types for _, types in rows)  # and there are negatives


def test_unknown_type_in_training_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "s.tsv"
    bad.write_text("ATTACK\tTroops attacked the town.\n", encoding="utf-8")
    with pytest.raises(ModelFileError, match="unknown type"):
        read_sentences(bad)


def test_malformed_model_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "m.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelFileError):
        load_model(bad)


# --- features -----------------------------------------------------------------------------------

def _parsed(words: list[str], lemmas: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(EN_VOCAB, words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos)


def test_features_mask_the_subject_and_keep_the_act() -> None:
    doc = _parsed(["The", "ministry", "expelled", "diplomats", "."],
                  ["the", "ministry", "expel", "diplomat", "."], [1, 2, 2, 2, 2],
                  ["det", "nsubj", "ROOT", "dobj", "punct"], ["DET", "NOUN", "VERB", "NOUN", "PUNCT"])
    feats = set(sentence_features(doc[:]))
    assert {"v:expel", "root:expel", "vo:expel>diplomat", "n:dobj:diplomat", "w:diplomat", "b:<SUBJ>_expel"} <= feats
    assert not any("ministry" in f for f in feats)


def test_features_see_negation_and_modals() -> None:
    doc = _parsed(["They", "will", "not", "attack", "."], ["they", "will", "not", "attack", "."], [3, 3, 3, 3, 3],
                  ["nsubj", "aux", "neg", "ROOT", "punct"], ["PRON", "AUX", "PART", "VERB", "PUNCT"])
    feats = set(sentence_features(doc[:]))
    assert {"neg", "neg:attack", "modal:will"} <= feats


# --- predictions on clear sentences (written for this test, in no training or gold set) ------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warplanes bombed an ammunition depot in the north overnight.", "ASSAULT"),
        ("Jets bombed an ammunition depot outside the northern city overnight.", "ASSAULT"),
        ("Thousands of teachers marched on the parliament demanding higher pay.", "PROTEST"),
        ("The foreign ministry expelled two diplomats from the embassy.", "SANCTION"),
        ("The two presidents held talks in the capital on Thursday.", "CONSULT"),
        ("Police arrested the opposition leader at his home.", "COERCE"),
        ("The ministry accused the rebels of shelling a school.", "ACCUSE"),
    ],
)
def test_clear_sentences_get_their_type(nlp: Language, text: str, expected: str) -> None:
    doc = nlp.make_doc(text)
    own = [n for n in nlp.pipe_names if n.startswith("eventwire_") and n != "eventwire_paragraphs"]
    with nlp.select_pipes(disable=own):
        doc = nlp(doc)
    scores = load_default_model().scores(sentence_features(doc[:]))
    assert max(scores, key=scores.__getitem__) == expected


# --- training -------------------------------------------------------------------------------

TINY = [
    Example(("v:bomb", "w:city"), frozenset({"ASSAULT"})),
    Example(("v:bomb", "w:base"), frozenset({"ASSAULT"})),
    Example(("v:meet", "w:minister"), frozenset({"CONSULT"})),
    Example(("v:meet", "w:envoy"), frozenset({"CONSULT"})),
    Example(("w:economy", "w:grow"), frozenset()),
    Example(("w:economy", "w:city"), frozenset()),
]


def test_training_is_deterministic_and_learns_a_tiny_set() -> None:
    labels = ("ASSAULT", "CONSULT")
    a = train_model(TINY, labels, min_count=1)
    b = train_model(TINY, labels, min_count=1)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)
    assert a.scores(["v:bomb"])["ASSAULT"] > 0.5 > a.scores(["v:bomb"])["CONSULT"]
    assert a.scores(["v:meet"])["CONSULT"] > 0.5 > a.scores(["v:meet"])["ASSAULT"]
    assert max(a.scores(["w:economy"]).values()) < 0.5


def test_min_count_drops_rare_features() -> None:
    model = train_model(TINY, ("ASSAULT",), min_count=2)
    assert set(model.vocab) == {"v:bomb", "v:meet", "w:economy", "w:city"}


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = train_model(TINY, ("ASSAULT", "CONSULT"), min_count=1)
    path = tmp_path / "m.npz"
    model.save(path)
    back = load_model(path)
    assert back.labels == model.labels and dict(back.vocab) == dict(model.vocab)
    for feats in (["v:bomb"], ["v:meet", "w:envoy"], []):
        for lab, p in model.scores(feats).items():
            assert back.scores(feats)[lab] == pytest.approx(p, abs=1e-2)


# --- policies on hand-built Docs --------------------------------------------------------------

def _doc() -> Doc:
    register_extensions()
    words = ["Russia", "bombed", "Aleppo", ".", "Turkey", "met", "Iran", "."]
    starts: list[bool | int | None] = [True, False, False, False, True, False, False, False]
    return Doc(EN_VOCAB, words=words, spaces=[True, True, False, True, True, True, False, False], sent_starts=starts)


def _fixed_model(probs: dict[str, float]) -> EventTypeModel:
    """Gives every sentence the same probabilities."""
    labels = tuple(EVENT_TYPES)
    logit = np.array([np.log(p / (1 - p)) for p in (probs.get(t, 0.01) for t in labels)], dtype=np.float32)
    return EventTypeModel(labels, {}, np.zeros((0, len(labels)), dtype=np.float32), logit)


class _Rules:
    def __init__(self, events: list[Event]) -> None:
        self.events = events

    def code(self, doc: Doc) -> list[Event]:
        return list(self.events)


def _event(doc: Doc, typ: str, sent: int) -> Event:
    s = list(doc.sents)[sent]
    actor = Entity(s[0].text, s[0].idx, s[0].idx + len(s[0].text), "RUS")
    return Event(type=typ, actor=(actor,), recipient=(), evidence=TextSpan(s.text, s.start_char, s.end_char),
                 trigger=TextSpan(s[1].text, s[1].idx, s[1].idx + len(s[1].text)), cameo="190", pattern_id="p")


@pytest.mark.parametrize(
    ("policy", "probs", "expected"),
    [
        (Policy(), {"ASSAULT": 0.01}, ["ASSAULT"]),  # no say: rules as they are
        (Policy(drop=0.05), {"ASSAULT": 0.01}, []),  # unlikely type dropped
        (Policy(drop=0.05), {"ASSAULT": 0.30}, ["ASSAULT"]),
        (Policy(retype=0.6), {"ASSAULT": 0.1, "COERCE": 0.9}, ["COERCE"]),
        (Policy(retype=0.6), {"ASSAULT": 0.5, "COERCE": 0.9}, ["ASSAULT"]),  # not twice as likely
        (Policy(retype=0.95), {"ASSAULT": 0.1, "COERCE": 0.9}, ["ASSAULT"]),
    ],
)
def test_policy_on_rule_events(policy: Policy, probs: dict[str, float], expected: list[str]) -> None:
    doc = _doc()
    rules = _Rules([_event(doc, "ASSAULT", 0)])
    got = LearnedCoder(rules, _fixed_model(probs), policy).code(doc)
    assert [e.type for e in got] == expected


def test_retyped_event_gets_the_types_cameo_and_keeps_its_arguments() -> None:
    doc = _doc()
    original = _event(doc, "ASSAULT", 0)
    got = LearnedCoder(_Rules([original]), _fixed_model({"COERCE": 0.9}), Policy(retype=0.6)).code(doc)
    (ev,) = got
    assert ev.type == "COERCE" and ev.actor == original.actor and ev.evidence == original.evidence
    row = cameo_row(ev.cameo or "")
    assert row is not None and row.type == "COERCE"
    assert ev.goldstein == row.goldstein and ev.pattern_id.endswith("+learned")


def test_doc_examples_label_sentences_by_gold_evidence() -> None:
    doc = _doc()
    gold = {"events": [{"types": ["CONSULT", "AGREE"], "evidence": "Turkey met Iran"}]}
    first, second = doc_examples(doc, gold)
    assert first.types == frozenset()
    assert second.types == frozenset({"CONSULT", "AGREE"})


# --- on the real pipeline -----------------------------------------------------------------------

def _valid(doc: Doc, ev: Event) -> None:
    assert ev.type in EVENT_TYPES
    assert ev.actor and all(isinstance(a, Entity) for a in ev.actor)
    assert doc.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    assert doc.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert ev.cameo is not None and cameo_row(ev.cameo) is not None


def test_combined_coder_returns_valid_events(code_doc: Callable[..., Doc]) -> None:
    doc = code_doc("Russian warplanes bombed rebel positions in Syria on Monday. "
                   "The French foreign minister met his Iranian counterpart in Paris on Tuesday. "
                   "Hundreds of students protested in Tehran against the government.")
    for policy in ("filter", "propose", "both"):
        events = LearnedCoder(policy=policy).code(doc)
        for ev in events:
            _valid(doc, ev)
    assert {e.type for e in LearnedCoder(policy="both").code(doc)} & {"ASSAULT", "CONSULT"}


def test_proposes_an_event_where_rules_found_none(code_doc: Callable[..., Doc]) -> None:
    doc = code_doc("Egyptian troops shelled positions held by the militants near the Libyan border.")
    rules_only = _Rules([])  # as if no pattern matched
    got = LearnedCoder(rules_only, policy=Policy(propose=0.3)).code(doc)
    assert got, "the model should propose an event"
    _valid(doc, got[0])
    assert got[0].pattern_id.startswith("learned.")


def test_factory_writes_events(nlp: Language, code_doc: Callable[..., Doc]) -> None:
    doc = code_doc("Russian warplanes bombed rebel positions in Syria on Monday.")
    component = make_learned_events_component(nlp, "eventwire_events_learned", "propose")
    doc._.ew_events = None
    out = component(doc)
    assert isinstance(out._.ew_events, list)
    with pytest.raises(PolicyError):
        make_learned_events_component(nlp, "eventwire_events_learned", "nonsense")
