"""Train the learned event-type model, or compare it with the rule coder.

    python scripts/train_event_classifier.py                 # train on eval/dev + own sentences, save
    python scripts/train_event_classifier.py --compare       # 5-fold CV on eval/dev, and the PLOVER GSR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.evaluation.compare import compare, format_table, parse_gold
from eventwire.events.learned.model import DEFAULT_MODEL, model_path, train_model
from eventwire.events.learned.training import doc_examples, read_sentences, sentence_examples
from eventwire.model import EVENT_TYPES
from eventwire.nlp.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]
GSR = REPO.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=REPO / "eval" / "dev")
    ap.add_argument("--compare", action="store_true", help="print the rules-vs-learned table")
    ap.add_argument("--plover", type=Path, default=GSR, help="PLOVER gold standard records (evaluation only)")
    ap.add_argument("--policies", default="rules,filter,propose,both")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=model_path(DEFAULT_MODEL))
    args = ap.parse_args(argv)
    nlp = build_pipeline()
    extra = sentence_examples(nlp, read_sentences())
    if args.compare:
        rows = compare(nlp, args.gold, args.plover if args.plover.is_file() else None, extra,
                       tuple(args.policies.split(",")), args.folds)
        print(format_table(rows, args.folds))
        return 0
    parsed = parse_gold(nlp, args.gold)
    examples = [ex for p in parsed for ex in doc_examples(p.doc, p.gold)] + extra
    model = train_model(examples, EVENT_TYPES)
    model.save(args.out)
    positives = sum(1 for ex in examples if ex.types)
    print(f"trained on {len(examples)} sentences ({positives} with events; {len(extra)} hand-written), "
          f"{len(model.vocab)} features -> {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
