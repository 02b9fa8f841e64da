"""Locating date expressions in a Doc: our own patterns plus spaCy DATE entities as hints.

spaCy misses some forms ("visited Moscow May 7" sometimes, "the 1990s" rarely) and over-grabs
others ("Iran's weekend", "eight years" without its "of civil war"), so every candidate is kept
only if :func:`interpret_date` understands it, and overlapping candidates keep the longest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.model import DateMention
from eventwire.nlp.first_chars import first_chars
from eventwire.nlp.text import doc_text
from eventwire.time.lexicon import time_lexicon
from eventwire.time.resolve import UNITS, Interpretation, interpret_date

__all__ = ["clause_tense", "find_dates"]

_HINT_LABELS = frozenset({"DATE"})
_RANGE_GLUE = re.compile(r"^\s*(?:-|\u2013|to|and|until|till|through)\s*$")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    from_pattern: bool


def _alternation(words: list[str] | tuple[str, ...], capitalise: bool = False) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    if capitalise:
        forms = [w.capitalize() for w in forms]
    return "|".join(re.escape(w) for w in forms)


@lru_cache(maxsize=1)
def _finder_patterns() -> tuple[re.Pattern[str], ...]:
    lex = time_lexicon()
    months = _alternation([m for m in lex.months if len(m) > 3 or m == "may"], capitalise=True)
    short_months = _alternation([m for m in lex.months if len(m) <= 4 and m != "may"], True)
    month = rf"(?:{months}|(?:{short_months})\.?)"
    weekday = _alternation([w for w in lex.weekdays if w.endswith("day")], capitalise=True)
    parts = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[ -]|(?:the )?(?:beginning|start|middle|end) of )"
    which = r"(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)"
    number = (rf"(?:\d[\d,.]*|(?:{_alternation(tuple(lex.number_words))})"
              rf"(?:[ -](?:{_alternation(tuple(lex.number_words))}|hundred|thousand))*)")
    units = _alternation(tuple(UNITS))
    year = r"(?:1[89]|20|21)\d{2}"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    tod = r"(?: (?:morning|afternoon|evening|night))?"
    patterns = [
        r"\d{4}-\d{2}-\d{2}",
        rf"(?:{weekday},? )?{parts}?{month} {day}(?:\s*[-\u2013]\s*\d{{1,2}})?(?:,? {year})?{tod}",
        rf"(?:{weekday},? )?(?:{day}\s*[-\u2013]\s*)?{day} (?:of )?{month}(?:,? {year})?",
        (rf"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Dd]uring )|(?<=\b[Bb]y )"
        rf"|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\b[Ff]rom )|(?<=\b[Oo]f ))"
        rf"{parts}?{month}(?:,? (?:of )?{year})?"),
        rf"(?:{parts}|{which} ){month}(?:,? (?:of )?{year})?",
        rf"{month},? (?:of )?{year}",
        rf"(?:{parts}|{which} )(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:,? (?:of )?{year})?",
        rf"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all) (?:of )?{year}",
        (rf"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Dd]uring )|(?<=\b[Bb]y )"
        rf"|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\b[Ff]rom )|(?<=\b[Bb]etween )|(?<=\b[Tt]o ))"
        rf"{parts}?{year}(?:\s*[-\u2013]\s*{year})?(?![\d,])"),
        rf"{parts}{year}(?![\d,])",
        rf"(?:the )?{parts}?(?:(?:18|19|20)\d0s|'\d0s)",
        rf"(?:(?:[Ee]arly|[Ll]ate) )?{which} {weekday}{tod}|(?:(?:[Ee]arly|[Ll]ate) )?{weekday}{tod}",
        r"(?:(?:[Ee]arly|[Ll]ate) )?(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Ll]ast night"
        r"|[Tt]his (?:morning|afternoon|evening))" + tod,
        (rf"{parts}?(?:(?:[Ee]arlier|[Ll]ater) )?(?:{which}|[Pp]revious|[Cc]oming) "
        r"(?:week|weekend|month|year|decade)\b"),
        rf"{number} (?:{units}) (?:ago|earlier|later)",
        rf"(?:[Tt]he )?(?:[Pp]ast|[Ll]ast|[Pp]revious|[Nn]ext|[Cc]oming|[Ff]irst) (?:{number} )?(?:{units})\b",
        rf"(?<![\w-]){number} (?:{units})\b(?! ago| earlier| later| old|-old)",
        r"(?:[Rr]ecent|[Cc]oming) (?:days|weeks|months|years|decades)",
        r"(?:[Tt]he )?(?:[Pp]ast|[Ll]ast|[Nn]ext|[Cc]oming) (?:few|several) (?:days|weeks|months|years)",
    ]
    return tuple(re.compile(rf"{_LEAD}(?:{p})(?![\w])") for p in patterns)


#: what every finder pattern starts with: no word character, apostrophe or hyphen before it
_LEAD = r"(?<![\w'-])"


@lru_cache(maxsize=1)
def _any_pattern() -> re.Pattern[str]:
    """Matches (empty) where at least one finder pattern matches: the shared lead tested once
    per position, then each pattern as a lookahead. Scanning the text once with it and trying
    the patterns only where it stops is several times cheaper than scanning with each."""
    alternatives = []
    for pattern in _finder_patterns():
        body = pattern.pattern[len(_LEAD):]
        first = first_chars(body)
        # the first character, tested first, rules most offsets out before the pattern's walk
        alternatives.append((f"(?={first})" if first else "") + f"(?={body})")
    return re.compile(_LEAD + "(?:" + "|".join(alternatives) + ")")


def _pattern_candidates(text: str) -> list[_Candidate]:
    """What each finder pattern's ``finditer`` finds, pattern by pattern."""
    patterns = _finder_patterns()
    found: list[list[_Candidate]] = [[] for _ in patterns]
    # where each pattern's own scan would resume: after its last match
    resume = [0] * len(patterns)
    pos = 0
    while (hit := _any_pattern().search(text, pos)) is not None:
        at = hit.start()
        for k, pattern in enumerate(patterns):
            if at < resume[k] or (match := pattern.match(text, at)) is None:
                continue
            if match.end() == at:
                return _scanned_one_by_one(text)  # empty matches step differently
            found[k].append(_Candidate(at, match.end(), True))
            resume[k] = match.end()
        pos = at + 1
    return [cand for per_pattern in found for cand in per_pattern]


def _scanned_one_by_one(text: str) -> list[_Candidate]:
    return [_Candidate(match.start(), match.end(), True)
            for pattern in _finder_patterns() for match in pattern.finditer(text)]


def _hint_candidates(doc: Doc) -> list[_Candidate]:
    return [_Candidate(e.start_char, e.end_char, False) for e in doc.ents if e.label_ in _HINT_LABELS]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop possessive endings and surrounding punctuation from a candidate span."""
    while end > start and text[end - 1] in " .,;:)\"'\u2019":
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    while start < end and text[start] in " (\"'\u2018\u201c":
        start += 1
    return start, end


def _token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """"future" when the clause governing the characters looks ahead ("will meet on Tuesday",
    "is due to visit in June"), "past" for past-tense verbs, else None."""
    span = _token_span(doc, start, end)
    if span is None:
        return None
    lex = time_lexicon()
    before = " ".join(doc_text(doc)[max(0, start - 30):start].lower().split())
    for cue in lex.future_date_cues:
        # "was due on Wednesday" looked ahead from a past point: not the article's future
        if before.endswith(cue) and not before[:-len(cue)].rstrip().endswith(("was", "were")):
            return "future"
    verb: Token | None = span.root
    while verb is not None and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.future_auxiliaries:
            return "future"
    sent = verb.sent
    window = doc_text(doc)[max(sent.start_char, verb.idx - 30):verb.idx].lower()
    if any(window.rstrip().endswith(phrase) for phrase in lex.future_phrases):
        return "future"
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in ("plan", "intend", "expect", "schedule", "hope"):
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def _generic_weekday(doc: Doc, start: int, end: int) -> bool:
    """A weekday that names a day of every week ("the weekend starts Thursday", "every Friday")."""
    lex = time_lexicon()
    if not any(w in doc_text(doc)[start:end].lower() for w in lex.weekdays if w.endswith("day")):
        return False
    before = doc_text(doc)[max(0, start - 20):start].lower().split()
    return bool(before) and before[-1] in lex.generic_weekday_cues


def _extend_of_phrase(doc: Doc, start: int, end: int) -> int:
    """'eight years' -> 'eight years of civil war': a duration keeps what it measures."""
    span = _token_span(doc, start, end)
    if span is None or span.end >= len(doc):
        return end
    nxt = doc[span.end]
    if nxt.lower_ != "of":
        return end
    objects = [c for c in nxt.children if c.dep_ == "pobj"]
    if not objects:
        return end
    obj = objects[0]
    if obj.sent != nxt.sent:
        return end
    return obj.idx + len(obj.text)


def _with_since(text: str, start: int) -> int:
    before = text[max(0, start - 6):start]
    return start - 6 if before.lower() == "since " else start


def _interpret(doc: Doc, start: int, end: int,
               published: dt.date | None) -> tuple[Interpretation, str | None] | None:
    tense = clause_tense(doc, start, end)
    found = interpret_date(doc_text(doc)[start:end], published, tense=tense)
    return (found, tense) if found is not None else None


def _merge_ranges(doc: Doc, mentions: list[DateMention],
                  published: dt.date | None) -> list[DateMention]:
    text = doc_text(doc)
    merged: list[DateMention] = []
    for mention in mentions:
        if merged:
            prev = merged[-1]
            glue = text[prev.end:mention.start]
            lead = re.search(r"\b(between|from)\s+$", text[max(0, prev.start - 9):prev.start],
                             re.IGNORECASE)
            if _RANGE_GLUE.match(glue) and prev.kind == "point" and mention.kind == "point" and \
                    (lead or glue.strip() in ("-", "\u2013")) and \
                    (glue.strip() != "and" or (lead and lead.group(1).lower() == "between")):
                start = prev.start - (len(lead.group(0)) if lead else 0)
                found = _interpret(doc, start, mention.end, published)
                if found is not None and found[0].value is not None:
                    merged[-1] = DateMention(text[start:mention.end], start, mention.end,
                                             found[0].value, found[0].kind)
                    continue
        merged.append(mention)
    return merged


def find_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """Every date expression in ``doc``, resolved against ``published``, sorted, non-overlapping."""
    text = doc_text(doc)
    scored: list[tuple[int, int, int, DateMention]] = []
    for cand in _pattern_candidates(text) + _hint_candidates(doc):
        start, end = _trim(text, cand.start, cand.end)
        if start >= end:
            continue
        if _generic_weekday(doc, start, end):
            continue
        found = _interpret(doc, start, end, published)
        if found is None:
            continue
        interpretation, _ = found
        if interpretation.value is None and text[start:end].lower() in UNITS:
            continue  # a bare "days" or "years" says nothing
        if interpretation.kind == "duration":
            end = _extend_of_phrase(doc, start, end)
        else:
            since = _with_since(text, start)
            if since != start:
                again = _interpret(doc, since, end, published)
                if again is not None:
                    start, interpretation = since, again[0]
        mention = DateMention(text[start:end], start, end, interpretation.value, interpretation.kind)
        scored.append((end - start, int(cand.from_pattern), -start, mention))
    chosen: list[DateMention] = []
    for _, _, _, mention in sorted(scored, key=lambda s: (s[0], s[1], s[2]), reverse=True):
        if any(m.start < mention.end and mention.start < m.end for m in chosen):
            continue
        chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return _merge_ranges(doc, chosen, published)
