"""Evaluating a folder of gold files: code each article, score it, add the scores up."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language

from eventwire.coding import code_article
from eventwire.evaluation.scoring import ArticleScore, score_article
from eventwire.ingest import read_file
from eventwire.output import to_contract

__all__ = ["CorpusReport", "evaluate_folder", "gold_pairs"]

GOLD_SUFFIX = ".gold.json"


def gold_pairs(gold_dir: Path, articles_dir: Path | None = None) -> Iterator[tuple[Path, Path]]:
    """(gold file, article file) pairs: the article has the gold's stem and ends in .txt."""
    for gold in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
        stem = gold.name[: -len(GOLD_SUFFIX)]
        folder = articles_dir or gold_dir
        candidates = sorted(folder.glob(f"{stem}.*"))
        article = next((c for c in candidates if not c.name.endswith(GOLD_SUFFIX)), None)
        if article is not None:
            yield gold, article


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


@dataclass(frozen=True)
class CorpusReport:
    articles: tuple[tuple[str, ArticleScore], ...]

    def _sum(self, name: str) -> int:
        return sum(int(getattr(s, name)) for _, s in self.articles)

    @property
    def precision(self) -> float:
        n = self._sum("system_events")
        return self._sum("true_positives") / n if n else 0.0

    @property
    def recall(self) -> float:
        n = self._sum("required")
        return self._sum("found") / n if n else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def traps(self) -> int:
        return sum(len(s.traps) for _, s in self.articles)

    def per_type(self) -> dict[str, dict[str, float | int | None]]:
        totals: dict[str, list[int]] = {}
        for _, s in self.articles:
            for t, (tp, system, gold) in s.per_type.items():
                row = totals.setdefault(t, [0, 0, 0])
                row[0] += tp
                row[1] += system
                row[2] += gold
        return {
            t: {"true_positives": tp, "system": system, "gold_required": gold,
                "precision": _ratio(tp, system)}
            for t, (tp, system, gold) in sorted(totals.items())
        }

    def error_causes(self) -> dict[str, list[str]]:
        causes: dict[str, list[str]] = {}
        for name, s in self.articles:
            for m in s.missed:
                causes.setdefault("missed: " + m.cause, []).append(f"{name} {m.gold_id} | {m.evidence}")
            for fp in s.false_positives:
                causes.setdefault("false positive: " + fp.cause, []).append(
                    f"{name} {fp.type} {','.join(fp.actor)}->{','.join(fp.recipient)} | {fp.evidence}")
        return dict(sorted(causes.items(), key=lambda kv: -len(kv[1])))

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            "events": {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                       "f1": round(self.f1, 3), "system": self._sum("system_events"),
                       "required": self._sum("required"), "found": self._sum("found")},
            "traps": self.traps,
            "dates": _ratio(self._sum("dates_right"), self._sum("dates_total")),
            "attribution": _ratio(self._sum("attribution_right"), self._sum("attribution_total")),
            "quotes": _ratio(self._sum("quotes_right"), self._sum("quotes_total")),
            "actors": _ratio(self._sum("actors_right"), self._sum("actors_total")),
            "date_mentions": _ratio(self._sum("date_mentions_right"),
                                    self._sum("date_mentions_total")),
            "places": _ratio(self._sum("places_right"), self._sum("places_total")),
            "quantities": _ratio(self._sum("quantities_right"), self._sum("quantities_total")),
            "per_type": self.per_type(),
            "per_article": {
                name: {"f1": round(s.f1, 3), "precision": round(s.precision, 3),
                       "recall": round(s.recall, 3), "traps": len(s.traps)}
                for name, s in self.articles
            },
        }

    def cause_counts(self) -> Counter[str]:
        return Counter({k: len(v) for k, v in self.error_causes().items()})


def evaluate_folder(
    gold_dir: Path, articles_dir: Path | None = None, nlp: Language | None = None
) -> CorpusReport:
    scores = []
    for gold_path, article_path in gold_pairs(gold_dir, articles_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = read_file(article_path)[0]
        published = gold.get("article", {}).get("published")
        if article.published is None and published:
            # the gold knows the date when the file does not say it
            article = replace(article, published=dt.date.fromisoformat(published))
        output = to_contract(code_article(article, nlp=nlp))
        scores.append((article_path.name, score_article(gold, output)))
    return CorpusReport(tuple(scores))
