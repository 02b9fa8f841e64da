"""One-vs-rest logistic regression over sentence features, in numpy (no new dependency).

A sentence can report several acts, so each PLOVER type has its own binary classifier; a
sentence reporting none is negative for all of them.  Training is full-batch gradient descent
from zero weights, so the same examples always give the same model (no random state at all).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from eventwire.events.learned.errors import ModelFileError

__all__ = ["DEFAULT_MODEL", "EventTypeModel", "Example", "load_default_model", "load_model", "train_model"]

DEFAULT_MODEL = "event_types.npz"

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Example:
    """A sentence's features and the PLOVER types it reports (empty: no event)."""

    features: tuple[str, ...]
    types: frozenset[str]


@dataclass(frozen=True, eq=False)
class EventTypeModel:
    labels: tuple[str, ...]
    vocab: Mapping[str, int]
    weights: FloatArray  # (features, labels)
    bias: FloatArray  # (labels,)

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Probability of each type for a sentence with ``features``."""
        rows = [self.vocab[f] for f in features if f in self.vocab]
        z = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        p = 1.0 / (1.0 + np.exp(-z))
        return {lab: float(v) for lab, v in zip(self.labels, p)}

    def save(self, path: Path) -> None:
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        # float16 keeps the artifact small; the weights' precision beyond 3 digits is noise
        np.savez_compressed(
            path,
            labels=np.array(self.labels, dtype=str),
            vocab=np.array(names, dtype=str),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
        )


def _matrix(examples: Sequence[Example], vocab: Mapping[str, int]) -> FloatArray:
    x = np.zeros((len(examples), len(vocab)), dtype=np.float32)
    for i, ex in enumerate(examples):
        cols = [vocab[f] for f in ex.features if f in vocab]
        x[i, cols] = 1.0
    return x


def train_model(
    examples: Sequence[Example],
    labels: Sequence[str],
    *,
    min_count: int = 2,
    l2: float = 1e-3,
    steps: int = 400,
    rate: float = 0.5,
    positive_weight: float = 2.0,
) -> EventTypeModel:
    """Fit one logistic regression per label; ``positive_weight`` counters the many sentences
    that report nothing (recall of the rare types matters more than a calibrated prior)."""
    counts = Counter(f for ex in examples for f in ex.features)
    names = sorted(f for f, n in counts.items() if n >= min_count)
    vocab = {f: i for i, f in enumerate(names)}
    x = _matrix(examples, vocab)
    y = np.array([[lab in ex.types for lab in labels] for ex in examples], dtype=np.float32)
    sample_w = np.where(y > 0, positive_weight, 1.0).astype(np.float32)
    n = max(len(examples), 1)
    w = np.zeros((len(vocab), len(labels)), dtype=np.float32)
    b = np.zeros(len(labels), dtype=np.float32)
    # AdaGrad step sizes: rare and frequent binary features both converge in a few hundred steps
    gw_acc = np.full_like(w, 1e-8)
    gb_acc = np.full_like(b, 1e-8)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = (p - y) * sample_w / n
        grad_w = x.T @ g + l2 * w
        grad_b = g.sum(axis=0)
        gw_acc += grad_w * grad_w
        gb_acc += grad_b * grad_b
        w -= rate * grad_w / np.sqrt(gw_acc)
        b -= rate * grad_b / np.sqrt(gb_acc)
    return EventTypeModel(tuple(labels), MappingProxyType(vocab), w, b)


def load_model(path: Path) -> EventTypeModel:
    try:
        with np.load(path, allow_pickle=False) as data:
            labels = tuple(str(s) for s in data["labels"])
            names = [str(s) for s in data["vocab"]]
            weights = data["weights"].astype(np.float32)
            bias = data["bias"].astype(np.float32)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelFileError(str(path), f"cannot read event-type model: {exc}") from exc
    if weights.shape != (len(names), len(labels)) or bias.shape != (len(labels),):
        raise ModelFileError(str(path), f"weights {weights.shape} do not fit {len(names)} features x {len(labels)} labels")
    return EventTypeModel(labels, MappingProxyType({f: i for i, f in enumerate(names)}), weights, bias)


def model_path(name: str = DEFAULT_MODEL) -> Path:
    return Path(str(resources.files("eventwire") / "data" / "models" / name))


@lru_cache(maxsize=1)
def load_default_model() -> EventTypeModel:
    """The model trained by ``scripts/train_event_classifier.py`` and shipped in package data."""
    return load_model(model_path())
