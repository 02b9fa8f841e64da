"""Shared checks for the hostile-input tests: the output contract and the offsets inside it.

Named ``test_*`` so it sits with the tests that import it; it holds no tests itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src/eventwire/schema/article.schema.json"


@cache
def contract_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_errors(record: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in contract_validator().iter_errors(record)]


def _spans(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object holding integer ``start``/``end`` (date values hold ISO strings there)."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for key, value in node.items():
            yield from _spans(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, f"{path}[{i}]")


def span_errors(record: dict[str, Any]) -> list[str]:
    """Each span must lie inside the article text and its ``text`` must be that slice."""
    text: str = record["article"]["text"]
    errors = []
    for path, span in _spans({k: v for k, v in record.items() if k != "article"}, ""):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            errors.append(f"{path}: [{start}, {end}) outside text of {len(text)} characters")
        elif isinstance(span.get("text"), str) and text[start:end] != span["text"]:
            errors.append(f"{path}: {span['text']!r} != text[{start}:{end}] "
                          f"{text[start:end]!r}")
    return errors


def span_count(record: dict[str, Any]) -> int:
    return sum(1 for _ in _spans({k: v for k, v in record.items() if k != "article"}, ""))
