"""Is this English? A cheap check on function words and script, no language model needed.

English prose is about 35–50 % function words from a short list ("the", "of", "and"...);
other languages score near zero on that list and high on their own. A text is refused only when
the evidence is clear: enough words to judge, a low English share, and either another language
scoring higher or a non-Latin script. Short or odd English (headline lists, tables of names)
is therefore kept rather than lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from eventwire.ingest.failure import Rejected
from eventwire.ingest.resources import function_words

__all__ = ["check_english", "guess_language"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Fewer words than this and the text is not judged at all.
MIN_WORDS = 12
#: Below this English share, a text is suspect.
ENGLISH_FLOOR = 0.12
#: A text of at least UNKNOWN_MIN_WORDS words with an English share below UNKNOWN_FLOOR is not
#: English even when no listed language fits (Polish, Swahili, Vietnamese...). English sentences
#: score above 0.10 even when dense with names; a whole article above 0.25.
UNKNOWN_FLOOR = 0.05
#: Another language is named only when its own function words are this frequent (a stray "ya" or
#: "de" in Swahili does not make it Spanish).
NAMED_FLOOR = 0.10
UNKNOWN_MIN_WORDS = 20
#: Share of letters outside Latin script above which a text is not English whatever its words.
FOREIGN_SCRIPT_SHARE = 0.5
_SCRIPT_NAMES = {
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "CYRILLIC": "Cyrillic script",
    "ARABIC": "Arabic script",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Hindi (Devanagari)",
    "THAI": "Thai",
}


def _script(char: str) -> str:
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def _dominant_foreign_script(text: str) -> str | None:
    scripts = Counter(_script(c) for c in text[:20000] if c.isalpha())
    letters = sum(scripts.values())
    if not letters:
        return None
    script, count = max(
        ((s, n) for s, n in scripts.items() if s != "LATIN"),
        key=lambda x: x[1],
        default=("LATIN", 0),
    )
    if count / letters > FOREIGN_SCRIPT_SHARE:
        return _SCRIPT_NAMES.get(script, f"{script.title()} script")
    return None


def guess_language(text: str) -> str | None:
    """Language of ``text``: "english", another listed language, a script description,
    "unknown" (clearly not English, no listed language fits), or None when it cannot tell."""
    script = _dominant_foreign_script(text)
    if script is not None:
        return script
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < MIN_WORDS:
        return None
    shares = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in function_words()}
    english = shares.pop("english")
    other, other_share = max(shares.items(), key=lambda item: item[1])
    if english >= ENGLISH_FLOOR:
        return "english"
    if other_share > english and other_share >= NAMED_FLOOR:
        return other
    if english < UNKNOWN_FLOOR and len(words) >= UNKNOWN_MIN_WORDS:
        return "unknown"
    return "english"


def check_english(text: str) -> None:
    """Raise Rejected("not English (looks like ...)") when the text is clearly not English."""
    language = guess_language(text)
    if language == "unknown":
        raise Rejected("not English text")
    if language is not None and language != "english":
        raise Rejected(
            f"not English (looks like {language.title() if language.islower() else language})"
        )
