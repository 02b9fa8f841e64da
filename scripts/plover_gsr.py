"""Prints the event coder's accuracy on the PLOVER gold standard records.

usage: python scripts/plover_gsr.py [RECORDS.json] [--misses]
References on the same records: TABARI 0.40 type / 0.30 triple, UniversalPetrarch 0.53 / 0.29.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.evaluation.plover_gsr import evaluate_gsr
from eventwire.nlp.pipeline import build_pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list the records not coded right")
    args = parser.parse_args()
    result = evaluate_gsr(build_pipeline(), args.records)
    print(f"records: {result.records}")
    print(f"type accuracy:   {result.type_accuracy:.3f} ({result.type_right})")
    print(f"triple accuracy: {result.triple_accuracy:.3f} ({result.triple_right})")
    for typ, (n, t, tr) in result.per_type.items():
        print(f"  {typ:<10} {n:>3}  type {t / n:.2f}  triple {tr / n:.2f}")
    if args.misses:
        for miss in result.misses:
            print(f"{miss.id}\tgold {miss.gold}\tgot {list(miss.got)}\t{miss.text}")


if __name__ == "__main__":
    main()
