"""Tokenising and sentence finding shared by the index, snippets and extractors.

One definition of a "word" everywhere means a search hit, a highlighted span and an
extracted entity always agree on where a word starts and ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Letters (with any combining marks) or runs of digits: "with2023" gives "with" and "2023".
TOKEN_RE = re.compile(r"(?:[^\W\d_][\u0300-\u036f\u0483-\u0489]*)+|\d+")

# A possessive ending, straight or curly: "Monday's", "Britain’s".
POSSESSIVE_RE = re.compile(r"['’]s\b")

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace,
# or at a line break.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def tokenize(text: str) -> list[str]:
    """Case-folded tokens of ``text``."""
    return [m.group().casefold() for m in TOKEN_RE.finditer(text)]


def tokenize_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Case-folded tokens of ``text`` with their character offsets into it."""
    for m in TOKEN_RE.finditer(text):
        yield m.group().casefold(), m.start(), m.end()


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence around ``text[start:end]``.

    Looks back and forward at most 600 characters so a single enormous line stays cheap.
    """
    if end is None:
        end = start
    lo = max(0, start - 600)
    s = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, start):
        s = m.end()
    if s == lo and lo > 0:
        # Cut at a word boundary rather than mid-word.
        space = text.find(" ", lo, start)
        s = space + 1 if space != -1 else lo
    hi = min(len(text), end + 600)
    m = _SENTENCE_END_RE.search(text, end, hi)
    e = m.start() if m else hi
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, max(e, end)


_SENTENCE_END = frozenset(".!?:;\n\r")
_OPENERS = frozenset(" \t\xa0\"'“‘`([«„")
_QUOTES = frozenset('"“`«„')


def sentence_initial(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, a line, a quotation or a list item."""
    i = pos - 1
    quoted = False
    while i >= 0 and text[i] in _OPENERS:
        quoted = quoted or text[i] in _QUOTES
        i -= 1
    if i < 0 or quoted:  # a quotation starts a sentence: he said "Today Apple is ..."
        return True
    c = text[i]
    if c in _SENTENCE_END:
        # "St. Louis" or an initial is no sentence end, but the lists' abbreviations are rare before names.
        return True
    return c in "-–—•*|>" or (c == "_" and i > 0 and text[i - 1] == " ")


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The ``(start, end)`` of the line around ``text[start:end]``, its line break excluded."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start if end is None else end)
    return a, b if b != -1 else len(text)


def title_cased_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` is a headline: most of its words capitalised. Stricter than the
    entity extractor's line kinds, which count only longer words ("June 19-23 Second test" is none)."""
    a, b = line_bounds(text, pos)
    words = [w for w in text[a:b].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def sentence_at(text: str, start: int, end: int | None = None) -> str:
    """The sentence of ``text`` that holds the span, whitespace folded."""
    s, e = sentence_bounds(text, start, end)
    return " ".join(text[s:e].split())


# C0 controls (but tab and newline) become their visible "control picture" (ESC → ␛), DEL → ␡,
# C1 controls → U+FFFD. Length is kept, so offsets into the text stay valid.
_CONTROL_MAP = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROL_MAP[0x7F] = 0x2421
_CONTROL_MAP.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def make_printable(text: str) -> str:
    """``text`` with terminal control characters made visible, one character for one.

    Article text is untrusted: an escape sequence must be shown, never sent to the terminal.
    """
    if _CONTROL_RE.search(text) is None:
        return text
    return text.translate(_CONTROL_MAP)


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line endings as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
