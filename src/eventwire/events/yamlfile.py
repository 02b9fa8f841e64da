"""YAML reading for the knowledge files: words such as "on", "off", "no" stay words.

YAML 1.1 reads a bare ``on`` or ``no`` as a boolean, which would silently turn the preposition
"on" into ``True`` in an analyst's list; this loader resolves no booleans at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from eventwire.events.errors import PatternFileError

__all__ = ["flag", "read_mapping"]

_BOOL_TAG = "tag:yaml.org,2002:bool"


class _WordLoader(yaml.SafeLoader):
    pass


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_mapping(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader)
    except yaml.YAMLError as exc:
        raise PatternFileError(str(path), f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PatternFileError(str(path), "expected a mapping at the top level")
    return data


def flag(value: Any) -> bool:
    """A yes/no field written as true/false/yes/no."""
    return str(value).strip().lower() in ("true", "yes", "1")
