"""Rules vs learned: the rule coder alone against rules re-typed/filtered by the learned model.

The development gold set is also the learned model's training data, so its figures come from
leave-articles-out cross-validation: articles are split into ``folds`` groups, and each group is
coded by a model trained on the other groups (plus the hand-written sentences).  The PLOVER gold
standard records are never trained on; they are coded by a model trained on all development
articles.  Each text is parsed once, with the rule coder; policies are applied to its events.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.coding import CodedArticle
from eventwire.evaluation.plover_gsr import GsrRecord, load_records
from eventwire.evaluation.runner import CorpusReport, gold_pairs
from eventwire.evaluation.scoring import score_article
from eventwire.events.arguments import countries
from eventwire.events.learned.coder import POLICIES, LearnedCoder, Policy
from eventwire.events.learned.model import EventTypeModel, Example, train_model
from eventwire.events.learned.training import doc_examples
from eventwire.ingest import read_file
from eventwire.model import EVENT_TYPES, Article, Event
from eventwire.output import to_contract

__all__ = ["ComparisonRow", "ParsedGold", "compare", "format_table", "parse_gold", "parse_gsr"]

CONTEXT_STEP = "eventwire_event_context"


@dataclass(frozen=True)
class ParsedGold:
    name: str
    gold: Mapping[str, Any]
    doc: Doc
    #: the rule coder's events before the context step (attribution, date, place)
    events: tuple[Event, ...]


@dataclass(frozen=True)
class ComparisonRow:
    policy: str
    dev_precision: float
    dev_recall: float
    dev_f1: float
    dev_traps: int
    gsr_type: float
    gsr_triple: float


def _parse(nlp: Language, articles: Sequence[Article]) -> list[tuple[Doc, tuple[Event, ...]]]:
    docs = []
    for art in articles:
        doc = nlp.make_doc(art.text)
        doc._.ew_article = art
        docs.append(doc)
    disable = [CONTEXT_STEP] if CONTEXT_STEP in nlp.pipe_names else []
    with nlp.select_pipes(disable=disable):
        parsed = list(nlp.pipe(docs, batch_size=16))
    return [(d, tuple(d._.ew_events or ())) for d in parsed]


def parse_gold(nlp: Language, gold_dir: Path) -> list[ParsedGold]:
    pairs = []
    for gold_path, article_path in gold_pairs(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = read_file(article_path)[0]
        published = gold.get("article", {}).get("published")
        if article.published is None and published:
            article = replace(article, published=dt.date.fromisoformat(published))
        pairs.append((article_path.name, gold, article))
    parsed = _parse(nlp, [a for _, _, a in pairs])
    return [ParsedGold(name, gold, doc, evs) for (name, gold, _), (doc, evs) in zip(pairs, parsed)]


def parse_gsr(nlp: Language, path: Path) -> list[tuple[GsrRecord, Doc, tuple[Event, ...]]]:
    records = load_records(path)
    arts = [Article(id=r.id, text=r.text, published=r.date) for r in records]
    return [(r, d, e) for r, (d, e) in zip(records, _parse(nlp, arts))]


def _finish(nlp: Language, doc: Doc, events: list[Event]) -> list[Event]:
    """The pipeline's last step (attribution, date, place) on the policy's events."""
    doc._.ew_events = events
    if CONTEXT_STEP in nlp.pipe_names:
        doc = nlp.get_pipe(CONTEXT_STEP)(doc)
    return list(doc._.ew_events or ())


def _coded(doc: Doc, events: list[Event]) -> CodedArticle:
    return CodedArticle(
        article=doc._.ew_article, events=tuple(events), entities=tuple(doc._.ew_entities or ()),
        quotes=tuple(doc._.ew_quotes or ()), sources=tuple(doc._.ew_sources or ()),
        dates=tuple(doc._.ew_dates or ()), places=tuple(doc._.ew_places or ()),
        quantities=tuple(doc._.ew_quantities or ()),
    )


def fold_of(index: int, folds: int) -> int:
    """Articles (sorted by name) are dealt round-robin, so each fold mixes sources and years."""
    return index % folds


def _train(examples: Sequence[Example]) -> EventTypeModel:
    return train_model(examples, EVENT_TYPES)


def cross_validated(
    nlp: Language, parsed: Sequence[ParsedGold], extra: Sequence[Example], policy: Policy, folds: int
) -> CorpusReport:
    per_doc = [doc_examples(p.doc, p.gold) for p in parsed]
    scores = []
    models: dict[int, EventTypeModel] = {}
    for i, item in enumerate(parsed):
        k = fold_of(i, folds)
        if k not in models:
            train = [ex for j, exs in enumerate(per_doc) if fold_of(j, folds) != k for ex in exs]
            models[k] = _train([*train, *extra])
        events = LearnedCoder(model=models[k], policy=policy).adjust(item.doc, list(item.events))
        coded = _coded(item.doc, _finish(nlp, item.doc, events))
        scores.append((item.name, score_article(dict(item.gold), to_contract(coded))))
    return CorpusReport(tuple(scores))


def gsr_accuracy(
    nlp: Language, parsed: Sequence[tuple[GsrRecord, Doc, tuple[Event, ...]]], model: EventTypeModel, policy: Policy
) -> tuple[float, float]:
    """(type accuracy, triple accuracy), as :func:`eventwire.evaluation.plover_gsr.evaluate_gsr`."""
    typed = triple = 0
    coder = LearnedCoder(model=model, policy=policy)
    for rec, doc, rule_events in parsed:
        events = [e for e in _finish(nlp, doc, coder.adjust(doc, list(rule_events))) if e.asserted]
        right = [e for e in events if e.type == rec.type]
        typed += bool(right)
        triple += any(
            countries(e.actor) & rec.actors and (not rec.recipients or countries(e.recipient) & rec.recipients)
            for e in right
        )
    n = len(parsed) or 1
    return typed / n, triple / n


def compare(
    nlp: Language,
    gold_dir: Path,
    gsr_path: Path | None,
    extra: Sequence[Example] = (),
    policies: Sequence[str] | Mapping[str, Policy] = tuple(POLICIES),
    folds: int = 5,
) -> list[ComparisonRow]:
    """One row per policy (a name of ``POLICIES``, or name -> Policy for trying new ones)."""
    chosen = policies if isinstance(policies, Mapping) else {name: POLICIES[name] for name in policies}
    parsed = parse_gold(nlp, gold_dir)
    gsr = parse_gsr(nlp, gsr_path) if gsr_path is not None else []
    full = _train([ex for p in parsed for ex in doc_examples(p.doc, p.gold)] + list(extra))
    rows = []
    for name, policy in chosen.items():
        report = cross_validated(nlp, parsed, extra, policy, folds)
        g_type, g_triple = gsr_accuracy(nlp, gsr, full, policy) if gsr else (float("nan"), float("nan"))
        rows.append(ComparisonRow(name, report.precision, report.recall, report.f1, report.traps, g_type, g_triple))
    return rows


def format_table(rows: Sequence[ComparisonRow], folds: int = 5) -> str:
    lines = [
        f"| coder | dev P ({folds}-fold CV) | dev R | dev F1 | trap violations | GSR type acc | GSR triple acc |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r.policy} | {r.dev_precision:.3f} | {r.dev_recall:.3f} | {r.dev_f1:.3f} | "
                     f"{r.dev_traps} | {r.gsr_type:.3f} | {r.gsr_triple:.3f} |")
    return "\n".join(lines)
