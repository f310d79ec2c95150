"""A weekday's name used as part of a longer name, where it is no date.

"The Sunday Times", "GMTV's Sunday Programme" and the rugby coach Mike Friday are names; "on Tuesday
Mitsubishi said" and "Bill Clinton Saturday vowed" are dates. The time extractor asks this to skip the
day, the entity extractor to keep the word in the name, so the two never disagree.
"""

from __future__ import annotations

import re

from tui.extract.lexicon import lexicon
from tui.extract.time_values import time_words
from tui.text import POSSESSIVE_RE, sentence_initial, title_cased_line

# Words after which a capitalised run starts a name: "the Sunday Times", "by Sunday Telegraph
# journalist ...", "like Sunday Bloody Sunday" (but "on Tuesday Mitsubishi said": a date).
_OPENS_A_NAME = frozenset({"the", "a", "an", "and", "or", "like", "by", "of"})
_CAPITALISED_AFTER_RE = re.compile(r"[ \t]+([A-Z][\w&]*)")
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’.-])([\w'’]+)[ \t]+\Z")
_DATE_AFTER_RE = re.compile(r"\.?,?[ \t]+(?:\d{1,2}\b|[A-Z][a-z]{2,8}\.?[ \t]+\d)")


def continues_into_a_name(text: str, start: int, end: int, weekday: bool = True) -> bool:
    """Whether the day's name at ``text[start:end]`` starts a longer name: a capitalised word follows it
    ("the Good Friday Agreement", "Christmas Island"). A weekday must also come after a word that opens
    names ("the Sunday Telegraph", "Dec's Saturday Night Takeaway"), since news writes "on Tuesday
    Mitsubishi said"."""
    if title_cased_line(text, start):
        return False  # a headline capitalises every word: "Shares Slide On Monday As Oil Rises"
    nxt = _CAPITALISED_AFTER_RE.match(text, end)
    if nxt is None or POSSESSIVE_RE.match(text, end):
        return False
    if not weekday:
        return not _time_word(nxt.group(1).casefold())
    if sentence_initial(text, start):
        return False
    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    prev = before.group(1) if before else ""
    opens = prev.casefold() in _OPENS_A_NAME or POSSESSIVE_RE.search(prev) is not None
    return opens and not _time_word(nxt.group(1).casefold())


def weekday_word_is_a_date(text: str, start: int, end: int) -> bool:
    """Whether the weekday's word at ``text[start:end]``, met in a run of capitalised words, is a date
    rather than part of a name. A short form is a date only before a date ("Sun., Jan. 5"): alone it is
    the word, as in "The Sun", "Sun Microsystems" or "Sun Myung Moon"."""
    if _is_short_form(text[start:end]):
        return _DATE_AFTER_RE.match(text, end) is not None
    return not weekday_in_name(text, start, end)


def _is_short_form(day: str) -> bool:
    return day.isascii() and len(day) < 6  # "Mon", "Thurs" (not "Monday", nor Cyrillic "среда")


def weekday_in_name(text: str, start: int, end: int) -> bool:
    """Whether the weekday (and any part of day) at ``text[start:end]`` is part of a name: one it starts
    (:func:`continues_into_a_name`), a listed one it ends ("Sheffield Wednesday"), or a surname after a
    given name ("Mike Friday"). Always False for a short form ("Sun", "Sat"):
    :func:`weekday_word_is_a_date` reads those on their own terms."""
    day = text[start:end].split()[0]
    if _is_short_form(day) or not day.isalpha():
        return False
    if continues_into_a_name(text, start, end):
        return True
    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    prev = before.group(1) if before else ""
    if before is None or not (prev[:1].isupper() and prev.isalpha()):
        return False
    lex = lexicon()
    low = prev.casefold()
    if f"{low} {day.casefold()}" in lex.names:
        return True  # a listed name ending in the day: "Sheffield Wednesday"
    if title_cased_line(text, start):
        return False
    if low not in lex.given_names or low in lex.common or low in lex.function:
        return False
    # the given name must open the name: "Mike Friday", not "Bill Clinton Saturday"
    at = before.start(1)
    return sentence_initial(text, at) or not _capitalised_word_before(text, at)


def _time_word(word: str) -> bool:
    lex = lexicon()
    tw = time_words()
    return (
        word in lex.months
        or word in lex.weekdays
        or word in lex.zones
        or word in tw.parts_of_day
        or word in lex.function
        or word in lex.titles  # "on Monday President Bush said"
    )


def _capitalised_word_before(text: str, pos: int) -> bool:
    before = _WORD_BEFORE_RE.search(text, max(0, pos - 40), pos)
    return before is not None and before.group(1)[:1].isupper()
