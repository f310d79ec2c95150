"""Where a query's words fall in a text, and a short snippet around the best of them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tui.extract.russian import stem
from tui.search.query import Phrase, Term
from tui.text import tokenize_spans

Span = tuple[int, int]


_LETTER = r"[^\W\d_]"
_MARKS = "\u0300-\u036f\u0483-\u0489"
_MARK_RE = re.compile(f"[{_MARKS}]")
_LETTER_RE = re.compile(_LETTER)


def _token_re(token: str, prefix: bool = False) -> str:
    if token.isdigit():
        return rf"{re.escape(token)}\d*" if prefix else re.escape(token)
    tail = rf"(?:{_LETTER}|[{_MARKS}])*" if prefix else ""
    return re.escape(token) + tail


def _bounded(token: str, body: str) -> str:
    kind = r"\d" if token.isdigit() else rf"(?:{_LETTER}|[{_MARKS}])"
    before = r"(?<!\d)" if token.isdigit() else rf"(?<!{_LETTER})"
    return rf"{before}{body}(?!{kind})"


@lru_cache(maxsize=256)
def _hit_regex(
    words: tuple[str, ...], prefixes: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]
) -> re.Pattern:
    """One regex that finds the same spans as tokenising and comparing, for ASCII query words.

    Scanning with a compiled pattern is many times faster than tokenising a whole article in
    Python, which matters when twenty snippets are made per keystroke.
    """
    alternatives = []
    for ph in sorted(phrases, key=len, reverse=True):
        parts = [re.escape(ph[0])]
        for prev, tok in zip(ph, ph[1:], strict=False):
            # between words: anything but letters, digits and combining marks (a mark belongs
            # to the word before it)
            gap = rf"(?:[^\w{_MARKS}]|_)"
            sep = gap + ("*?" if prev.isdigit() != tok.isdigit() else "+?")
            parts.append(sep + re.escape(tok))
        first_kind = ph[0]
        body = "".join(parts)
        before = r"(?<!\d)" if first_kind.isdigit() else rf"(?<!{_LETTER})"
        after = r"(?!\d)" if ph[-1].isdigit() else rf"(?!{_LETTER}|[{_MARKS}])"
        alternatives.append(before + body + after)
    for w in sorted(words, key=len, reverse=True):
        alternatives.append(_bounded(w, _token_re(w)))
    for p in prefixes:
        alternatives.append(_bounded(p, _token_re(p, prefix=True)))
    # Matched against case-folded text (what the index saw), so no IGNORECASE: that flag is not
    # case folding ("Straße" would miss "strasse", "ı" would match "i").
    return re.compile("|".join(alternatives))


def find_hits(text: str, atoms: Sequence[Term | Phrase], include_title_only: bool = False) -> list[Span]:
    """Character spans in ``text`` of every word and phrase of ``atoms``, in text order."""
    chosen = [a for a in atoms if include_title_only or not a.title_only]
    if not chosen:
        return []
    fast = _find_hits_regex(text, chosen)
    return fast if fast is not None else _find_hits_tokens(text, chosen)


def _find_hits_regex(text: str, chosen: Sequence[Term | Phrase]) -> list[Span] | None:
    tokens = [t for a in chosen for t in ((a.token,) if isinstance(a, Term) else a.tokens)]
    if not all(t.isascii() and t.isalnum() for t in tokens):
        return None  # case folding beyond ASCII: compare tokens instead
    folded = text.casefold()
    if len(folded) != len(text) or "\u0345" in text:
        # folding changed lengths ("ß" -> "ss": offsets would not map back), or turned a
        # combining mark into a letter (U+0345 folds to iota): compare tokens instead
        return None
    words = tuple(sorted({a.token for a in chosen if isinstance(a, Term) and not a.prefix}))
    prefixes = tuple(sorted({a.token for a in chosen if isinstance(a, Term) and a.prefix}))
    phrases = tuple(sorted({a.tokens for a in chosen if isinstance(a, Phrase)}))
    spans = [m.span() for m in _hit_regex(words, prefixes, phrases).finditer(folded)]
    if spans and _MARK_RE.search(folded):
        spans = [sp for sp in spans if not _continues_a_word(folded, sp[0])]
    return spans


def _continues_a_word(text: str, start: int) -> bool:
    """Whether the letter at ``start`` follows a letter and combining marks ("de\u0301tat" is one
    word), which a fixed-width lookbehind cannot see."""
    j = start
    while j and _MARK_RE.match(text, j - 1):
        j -= 1
    return 0 < j < start and _LETTER_RE.match(text, j - 1) is not None and not text[start].isdigit()


def _find_hits_tokens(text: str, chosen: Sequence[Term | Phrase]) -> list[Span]:
    words = {a.token for a in chosen if isinstance(a, Term) and not a.prefix}
    prefixes = tuple(a.token for a in chosen if isinstance(a, Term) and a.prefix)
    phrases = [a.tokens for a in chosen if isinstance(a, Phrase)]
    # a Russian word's other case forms are hits too (as the index finds them)
    stems = {stem(a.token) for a in chosen if isinstance(a, Term) and a.forms_matched}
    tokens = list(tokenize_spans(text))
    hits: list[Span] = []
    for tok, start, end in tokens:
        if (
            tok in words
            or (prefixes and tok.startswith(prefixes))
            or (stems and not tok.isascii() and stem(tok) in stems)
        ):
            hits.append((start, end))
    if phrases:
        firsts: dict[str, list[tuple[str, ...]]] = {}
        for ph in phrases:
            firsts.setdefault(ph[0], []).append(ph)
        for i, (tok, start, _end) in enumerate(tokens):
            for ph in firsts.get(tok, ()):
                n = len(ph)
                if i + n <= len(tokens) and all(tokens[i + k][0] == ph[k] for k in range(1, n)):
                    hits.append((start, tokens[i + n - 1][2]))
    hits.sort()
    # drop spans inside an earlier, longer span (a word inside a phrase hit)
    merged: list[Span] = []
    for s, e in hits:
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    return merged


def make_snippet(text: str, hits: Sequence[Span], length: int = 160) -> tuple[str, list[Span]]:
    """A one-line window of about ``length`` characters around the densest hits.

    Returns the snippet and the hits that fall inside it, as offsets into the snippet.
    """
    if not text:
        return "", []
    if hits:
        # start at the hit whose window holds the most hits
        best, best_count = hits[0][0], 0
        j = 0
        for i, (s, _e) in enumerate(hits):
            j = max(j, i)
            while j < len(hits) and hits[j][1] <= s + length:
                j += 1
            if j - i > best_count:
                best, best_count = s, j - i
        start = max(0, best - length // 4)
    else:
        start = 0
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    # move to word boundaries
    if start > 0:
        sp = text.find(" ", start, start + 20)
        if sp != -1 and (not hits or sp < hits[0][0] or sp < best):
            start = sp + 1
    if end < len(text):
        sp = text.rfind(" ", end - 20, end)
        if sp > start:
            end = sp
    body = text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in hits if s >= start and e <= end]
    return prefix + body + suffix, inside
