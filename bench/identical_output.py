"""Does a speed change keep the output identical? Codes every eval/dev/*.txt, samples/*.md and the
seed article with the working tree, and again with the performance-owned paths as they were at
REF (default HEAD), and compares the contract JSON (with explanations) article by article.

    .venv/bin/python bench/identical_output.py [--ref HEAD] [--keep DIR]

Both runs use one copy of the rest of src/ as committed at HEAD (``--others worktree``: as in the
working tree), so edits other engineers make to their own modules meanwhile cannot show up as a
difference. Exit status 0: identical.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = Path("/work/shared/seed/000_00bad5592629add6.txt")
#: the paths whose speed work must not change output (relative to the repo)
OWNED = (
    "src/eventwire/nlp", "src/eventwire/sourcing", "src/eventwire/time", "src/eventwire/place",
    "src/eventwire/store", "src/eventwire/scale", "src/eventwire/coding.py",
    "src/eventwire/output.py",
)

#: run inside each copy: one JSON object per article, keyed by article id
_CODER = """
import json, sys
from eventwire.batch import read_inputs
from eventwire.coding import code_articles
from eventwire.model import Article
from eventwire.nlp.pipeline import build_pipeline
from eventwire.output import to_contract
import eventwire
assert eventwire.__file__.startswith(sys.argv[1]), eventwire.__file__
articles = [a for a in read_inputs(sys.argv[3:]) if isinstance(a, Article)]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for coded in code_articles(articles, nlp=build_pipeline()):
        # the contract, and every field of every value (some are not in the contract)
        record = {"contract": to_contract(coded, explain=True), "values": repr(coded)}
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\\n")
"""


def inputs() -> list[str]:
    found = sorted(str(p) for p in (REPO / "eval" / "dev").glob("*.txt"))
    found += sorted(str(p) for p in (REPO / "samples").glob("*.md"))
    if SEED.exists():
        found.append(str(SEED))
    return found


def _remove_owned(target: Path, paths: tuple[str, ...] = OWNED) -> None:
    for rel in paths:
        dest = target / Path(rel).relative_to("src")
        if dest.is_dir():
            shutil.rmtree(dest)
        elif dest.exists():
            dest.unlink()


def _extract(ref: str, paths: tuple[str, ...], root: Path) -> None:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "--", *paths],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)


def owned_at(ref: str, target: Path, paths: tuple[str, ...] = OWNED) -> None:
    """Replaces the owned paths under ``target`` (a copy of src/) by their state at ``ref``."""
    _remove_owned(target, paths)
    _extract(ref, paths, target.parent)


def owned_from_worktree(target: Path, paths: tuple[str, ...] = OWNED) -> None:
    """Replaces the owned paths under ``target`` (a copy of src/) by the working tree's."""
    _remove_owned(target, paths)
    for rel in paths:
        source, dest = REPO / rel, target.parent / rel
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, dest)


def code(src: Path, out: Path, files: list[str]) -> list[str]:
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    subprocess.run([sys.executable, "-c", _CODER, str(src), str(out), *files], check=True,
                   env=env)
    return out.read_text(encoding="utf-8").splitlines()


def differences(before: list[str], after: list[str]) -> list[str]:
    if len(before) != len(after):
        return [f"{len(before)} articles before, {len(after)} after"]
    found = []
    for old, new in zip(before, after):
        if old != new:
            a, b = json.loads(old), json.loads(new)
            ca, cb = a["contract"], b["contract"]
            keys = sorted(k for k in set(ca) | set(cb) if ca.get(k) != cb.get(k))
            found.append(f"{ca['article']['id']}: differs in {keys or ['values']}")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="git revision of the owned paths 'before'")
    parser.add_argument("--keep", type=Path, help="write before.jsonl/after.jsonl here")
    parser.add_argument("--others", choices=("HEAD", "worktree"), default="HEAD",
                        help="where the files outside the owned paths come from")
    parser.add_argument("--path", action="append", dest="paths", metavar="PATH",
                        help="compare these repo paths instead of the speed-owned ones (repeatable)")
    args = parser.parse_args(argv[1:])
    paths = tuple(args.paths) if args.paths else OWNED
    files = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for side in ("before", "after"):
            if args.others == "HEAD":
                (root / side).mkdir()
                _extract("HEAD", ("src",), root / side)
            else:
                shutil.copytree(REPO / "src", root / side / "src",
                                ignore=shutil.ignore_patterns("__pycache__"))
        owned_at(args.ref, root / "before" / "src", paths)
        owned_from_worktree(root / "after" / "src", paths)
        before = code(root / "before" / "src", root / "before.jsonl", files)
        after = code(root / "after" / "src", root / "after.jsonl", files)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(root / "before.jsonl", args.keep / "before.jsonl")
            shutil.copy(root / "after.jsonl", args.keep / "after.jsonl")
    found = differences(before, after)
    events = sum(len(json.loads(line)["contract"]["events"]) for line in after)
    print(f"{len(after)} articles ({len(files)} files), {events} events: "
          + ("IDENTICAL" if not found else f"{len(found)} article(s) DIFFER"))
    for item in found:
        print("  " + item)
    return 0 if not found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
