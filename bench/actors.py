"""Time of actor resolution vs. the spaCy parse of the same texts, as a ratio (goal: < 10%).

Usage: .venv/bin/python bench/actors.py [TEXT_DIR ...]   (default: eval/dev, samples, ../shared/seed)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eventwire.actors.component import ActorResolver
from eventwire.model import Article
from eventwire.nlp.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (REPO / "eval" / "dev", REPO / "samples", REPO.parent / "shared" / "seed")


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv[1:]] or [d for d in DEFAULT_DIRS if d.is_dir()]
    texts = [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.rglob("*.txt"))]
    if not texts:
        print("no texts found")
        return 1
    nlp = build_pipeline(components=())
    started = time.perf_counter()
    resolver = ActorResolver(nlp)
    setup = time.perf_counter() - started
    parse = resolve = 0.0
    entities = 0
    for rounds in range(3):
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.ew_article = Article(id="bench", text=text)
            t0 = time.perf_counter()
            doc = nlp(doc)
            t1 = time.perf_counter()
            doc = resolver(doc)
            t2 = time.perf_counter()
            if rounds:  # the first round warms caches
                parse += t1 - t0
                resolve += t2 - t1
                entities += len(doc._.ew_entities)
    words = sum(len(t.split()) for t in texts) * 2
    print(f"{len(texts)} texts, {words // 2} words, {entities // 2} entities per round")
    print(f"spaCy parse: {parse * 1000:.0f} ms   actor resolution: {resolve * 1000:.0f} ms")
    print(f"resolution / parse = {resolve / parse:.1%}   (goal < 10%)")
    print(f"one-time setup (knowledge base + matchers): {setup:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
