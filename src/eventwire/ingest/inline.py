"""Markdown inline markup to plain words: links keep their text, emphasis markers go."""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["collapse_spaces", "strip_inline"]

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+)>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Single * or _ only around a run that starts and ends with a non-space, not inside a word
# (snake_case and 2*3 stay as they are).
_EMPH = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_STRIKE = re.compile(r"~~(.+?)~~")
_LEFTOVER = re.compile(r"\*\*+|__+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});")
_SPACES = re.compile(r"\s+")
# Invisible characters that only split words for the tokenizer.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def strip_inline(text: str) -> str:
    """Remove Markdown/HTML inline markup from one line or paragraph."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    # Escaped markers must survive emphasis stripping: park them on private-use characters.
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for _ in range(3):  # nested emphasis: ***x***, **_x_**
        stripped = _EMPH.sub(r"\2", _STRONG.sub(r"\2", _STRIKE.sub(r"\1", text)))
        if stripped == text:
            break
        text = stripped
    text = _LEFTOVER.sub("", text)
    text = re.sub("[\ue000-\ue0ff]", lambda m: chr(ord(m.group()) - 0xE000), text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    return text


def collapse_spaces(text: str) -> str:
    """NFC, invisible characters dropped, every whitespace run one space, ends trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = "".join(c for c in text if c.isprintable() or c.isspace())
    return _SPACES.sub(" ", text).strip()
