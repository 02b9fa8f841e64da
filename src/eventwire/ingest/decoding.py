"""Bytes to text: UTF-8 first, then a declared charset, then the most plausible legacy encoding.

charset-normalizer alone is unreliable on mostly-ASCII news text (a few accented letters or
curly quotes): it happily picks cp775 or mac_latin2 and turns "café" into "cafķ". So its guess
is only one candidate; each candidate decoding is scored for how *implausible* its words look
and the least implausible wins, ties going to the encodings most common for news text.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

from eventwire.ingest.failure import Rejected

__all__ = ["declared_charset", "decode_bytes", "implausibility"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Preferred legacy encodings for news text, best first (cp1252 also covers ISO-8859-1 text).
_PREFERRED: tuple[str, ...] = ("cp1252", "cp1251", "iso8859-15", "cp1250", "iso8859-2")

_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\S+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
# A mostly-UTF-8 file may hold this many stray bytes (or this share of its non-ASCII characters).
_MAX_STRAY_BYTES = 3
_MAX_STRAY_SHARE = 0.1
_STRAY = re.compile("[\udc80-\udcff]")
# Share of non-ASCII words that may look implausible before a decoding is rejected outright.
_MAX_IMPLAUSIBLE_SHARE = 0.25


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB, if Python knows it."""
    match = _CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# Scripts that legitimately mix inside one run of text without spaces.
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK"}
# Non-letter categories that do not sit next to letters in real words (superscripts, modifier
# symbols, private use): "powiedzia³" is Polish cp1250 read as cp1252.
_GLUE_CATEGORIES = frozenset({"No", "Sk", "So", "Sm"})


def _script(char: str) -> str:
    try:
        script = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"
    return _SCRIPT_GROUPS.get(script, script)


def _implausible_run(run: str) -> bool:
    """A run of letters (markup and punctuation already split off)."""
    non_ascii = [c for c in run if ord(c) > 127]
    if not non_ascii:
        return False
    # Letters of two scripts inside one word ("cafй") come from a wrong code page.
    if len({_script(c) for c in run}) > 1:
        return True
    # An uppercase letter right after a lowercase one ("нЙОЙУФТ": KOI8-R read as cp1251).
    if any(a.islower() and b.isupper() for a, b in itertools.pairwise(run)):
        return True
    # Western words are mostly ASCII letters; "Ìèíèñòð" is Cyrillic read as cp1252.
    is_latin = _script(non_ascii[0]) == "LATIN"
    return is_latin and len(run) >= 4 and len(non_ascii) * 2 > len(run)


def _implausible_word(word: str) -> bool:
    for i, char in enumerate(word):
        if ord(char) <= 127:
            continue
        category = unicodedata.category(char)
        if category in {"Co", "Cn", "Cc"}:
            return True
        if category in _GLUE_CATEGORIES and (
            (i > 0 and word[i - 1].isalpha()) or (i + 1 < len(word) and word[i + 1].isalpha())
        ):
            return True
    return any(_implausible_run(run) for run in _LETTERS_RE.findall(word))


def implausibility(text: str) -> tuple[int, int]:
    """(implausible words, words with non-ASCII characters); control characters count as bad."""
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    total = bad
    for match in _WORD_RE.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        total += 1
        bad += _implausible_word(word)
    return bad, total


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _candidates(data: bytes, declared: str | None) -> list[str]:
    names: list[str] = []
    if declared:
        names.append(declared)
    names.extend(_PREFERRED)
    # Imported here: only non-UTF-8 input needs it.
    import charset_normalizer

    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        names.append(guess.encoding)
    seen: set[str] = set()
    unique = []
    for name in names:
        try:
            key = codecs.lookup(name).name
        except LookupError:
            continue
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def _repair_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes (a pasted cp1252 apostrophe), else None.

    Scraped articles often mix the two; failing them, or reading the whole file as cp1252 and
    turning every UTF-8 "’" into "â€™", would both lose good text.
    """
    text = data.decode("utf-8", "surrogateescape")
    stray = [c for c in text if "\udc80" <= c <= "\udcff"]
    good = sum(1 for c in text if ord(c) > 127) - len(stray)
    if not stray or good == 0 or len(stray) > max(_MAX_STRAY_BYTES, good * _MAX_STRAY_SHARE):
        return None
    return _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``; raises Rejected when no encoding gives plausible text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise Rejected(f"cannot decode text (invalid {encoding.split('-sig')[0].upper()})")
            return text.lstrip("\ufeff")
    text = _try(data, "utf-8")
    if text is not None:
        return text
    repaired = _repair_mostly_utf8(data)
    if repaired is not None:
        return repaired
    best: tuple[int, int, str] | None = None
    for rank, encoding in enumerate(_candidates(data, declared)):
        decoded = _try(data, encoding)
        if decoded is None:
            continue
        bad, total = implausibility(decoded)
        # A declared charset that decodes plausibly is believed over any guess.
        if rank == 0 and declared and bad == 0:
            return decoded
        if best is None or bad < best[0]:
            best = (bad, total, decoded)
    if best is None or best[0] > _MAX_IMPLAUSIBLE_SHARE * max(best[1], 1):
        raise Rejected("cannot decode text (not UTF-8, and no known encoding fits)")
    return best[2]
