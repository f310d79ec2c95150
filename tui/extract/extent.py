"""Where a name's mention starts as a phrase: "the Federal Reserve said" mentions the Federal Reserve.

News annotation schemes (ACE, MEANTIME) mark a mention's whole extent, so the determiner that introduces
a name ("the United States", "the Dow Jones Industrial Average") belongs to it, while the sidebar lists
the bare name. ``extract --json`` reports the extent and the bare name beside it. The determiner belongs
to the name only when the name heads its phrase: in "the US economy" or "the Apple website" the "the"
introduces the noun after the name, and in "the Italian company" the name is an adjective.
"""

from __future__ import annotations

import re

from tui.extract.lexicon import Lexicon, lexicon, norm_key
from tui.extract.model import EntityMention

_THE_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he\s$")
_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s]|$)")
# Persons do not take "the"; organisations, places and products do ("the Pentagon", "the iPod").
_TAKE_THE = frozenset({"organization", "place", "misc"})


def _heads_phrase(text: str, end: int, lex: Lexicon) -> bool:
    """Whether the name ending at ``end`` ends its noun phrase: what follows is not more of it."""
    token = _NEXT_TOKEN.match(text, end).group(1)
    if not token:
        return True
    if not token[0].isalnum() and token != "_":
        # Punctuation ends the phrase, except a possessive or a hyphenated compound ("the US-led").
        return token not in ("'", "’", "-")
    low = token.casefold()
    if token[0].isupper() or token[0].isdigit():
        return False
    return low in lex.function or low in lex.speech or (len(low) > 4 and low.endswith("ed"))


def mention_start(text: str, mention: EntityMention, lex: Lexicon | None = None) -> int:
    """The start of ``mention``'s extent in ``text``: its own start, or that of a "the" it heads."""
    lex = lex or lexicon()
    start = mention.start
    if mention.type not in _TAKE_THE or start < 4 or not _THE_BEFORE.search(text, start - 4, start):
        return start
    if norm_key(mention.text) in lex.nationalities or not _heads_phrase(text, mention.end, lex):
        return start
    return start - 4
