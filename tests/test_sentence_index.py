"""The sentence index answers exactly what spaCy's own sentence lookup answers."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.sentences import SentenceIndex
from steps import run_steps

TEXT = ("Russia rejected the request. Iran's minister visited Moscow on May 7, officials said.\n\n"
        "The two countries have helped Syria. Nothing else happened")


def _parsed(nlp: Language) -> Doc:
    doc = nlp.make_doc(TEXT)
    doc = run_steps(nlp, doc)
    return doc


def test_token_and_span_sentences_match_spacy(nlp: Language) -> None:
    plain = _parsed(nlp)
    indexed = SentenceIndex()(_parsed(nlp))
    assert "sent" in indexed.user_token_hooks
    for a, b in zip(plain, indexed, strict=True):
        assert (a.sent.start, a.sent.end) == (b.sent.start, b.sent.end)
    for start in range(len(plain)):
        for end in range(start + 1, min(start + 12, len(plain)) + 1):
            want = plain[start:end].sent
            got = indexed[start:end].sent
            assert (want.start, want.end) == (got.start, got.end), (start, end)


def test_the_pipeline_installs_the_index(nlp: Language) -> None:
    assert nlp.pipe_names.index("eventwire_sentence_index") < nlp.pipe_names.index("eventwire_actors")


def test_doc_sents_from_the_index_match_spacy(nlp: Language) -> None:
    plain = _parsed(nlp)
    indexed = SentenceIndex()(_parsed(nlp))
    assert "sents" in indexed.user_hooks
    want = [(s.start, s.end) for s in plain.sents]
    assert [(s.start, s.end) for s in indexed.sents] == want
    assert [(s.start, s.end) for s in indexed.sents] == want  # a fresh iterator every time
    for start in range(0, len(plain), 3):
        span_want = [(s.start, s.end) for s in plain[start : start + 9].sents]
        assert [(s.start, s.end) for s in indexed[start : start + 9].sents] == span_want
